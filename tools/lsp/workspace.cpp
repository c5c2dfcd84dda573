#include "tools/lsp/workspace.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "tools/lsp/uri.hpp"

namespace sla::lsp {

// The analysis and its answers (tools/ide), said here in the protocol's terms.
using namespace ide;

namespace fs = std::filesystem;

namespace {

// Whether `path` is `folder` or inside it, both absolute and normal.
bool inside(const fs::path& path, const fs::path& folder) {
  auto [f, p] = std::mismatch(folder.begin(), folder.end(), path.begin(), path.end());
  return f == folder.end() || (std::next(f) == folder.end() && f->empty());
}

std::optional<std::string> read_bounded(const fs::path& p, std::size_t limit) {
  std::error_code ec;
  if (!fs::is_regular_file(p, ec)) return std::nullopt;
  std::ifstream in(p, std::ios::binary);
  if (!in) return std::nullopt;
  std::string text(limit + 1, '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<std::size_t>(in.gcount()));
  return text;
}

// Whether an analysis loaded the file called `name` besides its own.
bool imports(const Analysis& analysis, const std::string& name) {
  const SourceMap& sources = analysis.loaded.sources;
  for (std::uint32_t i = 1; i < sources.size(); ++i)
    if (sources.file(i).name() == name) return true;
  return false;
}

}  // namespace

Document& Workspace::open(const std::string& uri, std::string text, std::int64_t version) {
  std::string name = uri;
  if (auto path = path_of_uri(uri)) name = fs::path(*path).lexically_normal().string();
  auto it = docs_.find(uri);
  if (it == docs_.end())
    it = docs_
             .emplace(uri, Document{uri, name, TextDocument(std::move(text), version), nullptr,
                                    nullptr, true})
             .first;
  else
    it->second.text.set(std::move(text), version);
  changed(it->second);
  return it->second;
}

void Workspace::close(const std::string& uri) {
  auto it = docs_.find(uri);
  if (it == docs_.end()) return;
  const std::string name = it->second.name;
  docs_.erase(it);
  // Its importers read the file on disk again.
  for (auto& [u, doc] : docs_)
    if (doc.last && imports(*doc.last, name)) {
      doc.analysis = nullptr;
      doc.diagnostics_due = true;
    }
}

Document* Workspace::find(const std::string& uri) {
  auto it = docs_.find(uri);
  return it == docs_.end() ? nullptr : &it->second;
}

std::vector<Document*> Workspace::documents() {
  std::vector<Document*> out;
  for (auto& [uri, doc] : docs_) out.push_back(&doc);
  return out;
}

void Workspace::changed(Document& doc) {
  doc.analysis = nullptr;
  doc.diagnostics_due = true;
  for (auto& [uri, other] : docs_)
    if (&other != &doc && other.last && imports(*other.last, doc.name)) {
      other.analysis = nullptr;
      other.diagnostics_due = true;
    }
}

void Workspace::reload_all() {
  for (auto& [uri, doc] : docs_) {
    doc.analysis = nullptr;
    doc.diagnostics_due = true;
  }
}

std::shared_ptr<const Analysis> Workspace::analysis(Document& doc) {
  if (!doc.analysis) {
    auto made = std::make_shared<const Analysis>(
        analyze(doc.name, doc.text.text(), options_for(doc), doc.last.get()));
    doc.analysis = made;
    doc.last = made;
  }
  return doc.analysis;
}

LoadOptions Workspace::options_for(const Document& doc) {
  // Like `sla check FILE`: relative imports below the document's own folder (or
  // the editor's root folder), never an absolute path or a way out of both.
  std::vector<fs::path> roots;
  const fs::path self(doc.name);
  if (self.is_absolute()) roots.push_back(self.parent_path());
  if (!root_.empty()) roots.push_back(fs::path(root_).lexically_normal());
  LoadOptions options;
  options.imports =
      ImportPolicy::resolver([this, roots](std::string_view spec, std::string_view importer,
                                           std::string& error) -> std::optional<ImportedFile> {
        const fs::path wanted(spec);
        if (wanted.is_absolute()) {
          error = "refused: an import is a path relative to the importing file";
          return std::nullopt;
        }
        const fs::path from(importer);
        if (!from.is_absolute()) {
          error = "the document is not saved yet: save it, and its imports are read beside it";
          return std::nullopt;
        }
        const fs::path path = (from.parent_path() / wanted).lexically_normal();
        if (std::none_of(roots.begin(), roots.end(),
                         [&](const fs::path& r) { return inside(path, r); })) {
          error = "refused: it leads out of the contract's folder (and the editor's)";
          return std::nullopt;
        }
        for (auto& [uri, open] : docs_)
          if (open.name == path.string()) return ImportedFile{path.string(), open.text.text()};
        auto text = read_bounded(path, Limits{}.max_file_bytes);
        if (!text) {
          error = fmt::format("no such file: {}", path.string());
          return std::nullopt;
        }
        return ImportedFile{path.string(), std::move(*text)};
      });
  return options;
}

std::optional<std::string> Workspace::uri_of(const std::string& loader_name) {
  if (loader_name.starts_with("std/")) {
    auto file = stdlib_file(loader_name);
    if (!file) return std::nullopt;
    return uri_of_path(*file);
  }
  if (fs::path(loader_name).is_absolute()) return uri_of_path(loader_name);
  for (auto& [uri, doc] : docs_)
    if (doc.name == loader_name) return uri;
  return std::nullopt;
}

}  // namespace sla::lsp
