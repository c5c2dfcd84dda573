// load_file / load_string: read the root file and its imports (each once, in a
// depth-first order), parse them all, and hand the trees to the checker.
#include <fmt/format.h>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "grammar/codes.hpp"
#include "grammar/parser.hpp"
#include "grammar/suggest.hpp"
#include "interpreter/checker.hpp"
#include "interpreter/loader.hpp"
#include "sla/load.hpp"
#include "stdlib/stdlib.hpp"

namespace sla {

namespace {

namespace fs = std::filesystem;

struct Unit {
  std::string key;  // "std:std/holidays/id" or a canonical path
  fs::path dir;     // where its relative imports resolve; empty for the stdlib
  std::uint32_t id;
  ast::File ast;
};

class Loader {
 public:
  explicit Loader(const LoadOptions& options) : options_(options) {}

  Loaded run(std::string name, std::string text, fs::path dir, std::string key) {
    load(std::move(key), std::move(name), std::move(text), std::move(dir));
    Loaded loaded;
    LoadResult& result = loaded.result;
    if (!has_errors(diagnostics_)) {
      // Imports before the files that import them: a name defined twice is
      // reported where the importing file (the user's) defines it again.
      std::vector<const ast::File*> files;
      for (auto it = units_.rbegin(); it != units_.rend(); ++it) files.push_back(&(*it)->ast);
      result.model = check(files, sources_, diagnostics_);
    }
    sort_diagnostics(diagnostics_, sources_);
    result.diagnostics = std::move(diagnostics_);
    loaded.sources = std::move(sources_);
    // Units are in load order, which is the SourceMap's order.
    for (auto& u : units_) loaded.files.push_back(std::move(u->ast));
    return loaded;
  }

  static std::optional<std::string> read(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream out;
    out << in.rdbuf();
    if (in.bad()) return std::nullopt;
    return out.str();
  }

 private:
  void load(std::string key, std::string name, std::string text, fs::path dir) {
    auto file = std::make_shared<SourceFile>(std::move(name), std::move(text));
    const std::uint32_t id = sources_.add(file);
    ParseLimits limits{options_.limits.max_file_bytes, options_.limits.max_statements, options_.limits.max_errors};
    ParseResult parsed = parse(*file, id, limits);
    for (auto& d : parsed.diagnostics) diagnostics_.push_back(std::move(d));

    auto unit = std::make_unique<Unit>(Unit{key, dir, id, std::move(parsed.file)});
    Unit& u = *unit;
    units_.push_back(std::move(unit));
    loaded_.emplace(key);
    stack_.push_back(key);
    for (const ast::Node& item : u.ast.root.children) {
      if (item.kind != ast::Kind::import_file) continue;
      import(u, *ast::arg<ast::Text>(item));
    }
    stack_.pop_back();
  }

  Diagnostic& error(Code code, Span span, std::string message, std::string hint = {}) {
    diagnostics_.push_back(
        make_diagnostic(code, sources_.locate(span), std::move(message), std::move(hint)));
    return diagnostics_.back();
  }

  void import(const Unit& from, const ast::Text& path) {
    const std::string& spec = path.value;
    std::string key, name, text;
    fs::path dir;
    if (spec.starts_with("std/")) {
      auto module = stdlib_module(spec);
      if (!module) {
        std::vector<std::string> names;
        for (auto n : stdlib_module_names()) names.emplace_back(n);
        auto near = closest(spec, std::span<const std::string>(names));
        std::string list;
        for (const auto& n : names) list += fmt::format("{}{}", list.empty() ? "" : ", ", n);
        error(Code::import_not_found, path.span, fmt::format("no stdlib module \"{}\"", spec),
              near ? fmt::format("did you mean \"{}\"?", *near)
                   : fmt::format("the stdlib has: {}", list));
        return;
      }
      key = "std:" + spec;
      name = spec;
      text = std::string(*module);
    } else {
      fs::path target = from.dir / spec;
      if (!target.has_extension()) target += ".sla";
      std::error_code ec;
      fs::path canonical = fs::weakly_canonical(target, ec);
      key = ec ? target.lexically_normal().string() : canonical.string();
      name = target.lexically_normal().string();
      dir = target.parent_path();
      if (!loaded_.count(key) && std::find(stack_.begin(), stack_.end(), key) == stack_.end()) {
        auto content = fs::is_regular_file(target, ec) ? read(target) : std::nullopt;
        if (!content) {
          error(Code::import_not_found, path.span,
                fmt::format("cannot read imported file \"{}\"", name),
                "relative imports are resolved against the importing file's folder");
          return;
        }
        text = std::move(*content);
      }
    }
    if (auto it = std::find(stack_.begin(), stack_.end(), key); it != stack_.end()) {
      std::string chain;
      for (; it != stack_.end(); ++it) chain += display(*it) + " -> ";
      chain += display(key);
      error(Code::import_cycle, path.span, fmt::format("import cycle: {}", chain));
      return;
    }
    if (loaded_.count(key)) return;  // already loaded through another import
    if (stack_.size() >= options_.limits.max_import_depth) {
      error(Code::import_too_deep, path.span,
            fmt::format("imports nested more than {} deep", options_.limits.max_import_depth));
      return;
    }
    if (units_.size() >= options_.limits.max_files) {
      error(Code::too_many_items, path.span,
            fmt::format("more than {} files imported", options_.limits.max_files));
      return;
    }
    load(key, name, std::move(text), dir);
  }

  std::string display(const std::string& key) const {
    for (const auto& u : units_)
      if (u->key == key) return sources_.file(u->id).name();
    return key;
  }

  const LoadOptions& options_;
  SourceMap sources_;
  std::vector<Diagnostic> diagnostics_;
  std::vector<std::unique_ptr<Unit>> units_;
  std::set<std::string> loaded_;
  std::vector<std::string> stack_;
};

}  // namespace

void sort_diagnostics(std::vector<Diagnostic>& diagnostics, const SourceMap& sources) {
  std::map<std::string, std::size_t> file_order;
  for (std::size_t i = 0; i < sources.size(); ++i)
    file_order.emplace(sources.file(static_cast<std::uint32_t>(i)).name(), i);
  std::stable_sort(diagnostics.begin(), diagnostics.end(),
                   [&](const Diagnostic& a, const Diagnostic& b) {
                     return std::tuple(file_order[a.location.file], a.location.offset) <
                            std::tuple(file_order[b.location.file], b.location.offset);
                   });
}

Loaded load_file_with_sources(const std::string& path, const LoadOptions& options) {
  auto text = Loader::read(path);
  if (!text || fs::is_directory(path)) {
    Loaded r;
    Location at;
    at.file = path;
    r.result.diagnostics.push_back(
        make_diagnostic(Code::import_not_found, at, fmt::format("cannot read \"{}\"", path)));
    return r;
  }
  std::error_code ec;
  fs::path canonical = fs::weakly_canonical(path, ec);
  Loader loader(options);
  return loader.run(path, std::move(*text), fs::path(path).parent_path(),
                    ec ? path : canonical.string());
}

Loaded load_string_with_sources(std::string_view name, std::string text,
                                const LoadOptions& options) {
  Loader loader(options);
  return loader.run(std::string(name), std::move(text), fs::current_path(),
                    "string:" + std::string(name));
}

LoadResult load_file(const std::string& path, const LoadOptions& options) {
  return load_file_with_sources(path, options).result;
}

LoadResult load_string(std::string_view name, std::string text, const LoadOptions& options) {
  return load_string_with_sources(name, std::move(text), options).result;
}

std::string_view version() {
  return SLA_VERSION;
}

}  // namespace sla
