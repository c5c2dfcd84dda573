#include "tools/ide/analysis.hpp"

#include <algorithm>
#include <filesystem>

#include "interpreter/lint/lint_loaded.hpp"

namespace sla::ide {

namespace {

// The name the loader gave the file an import loaded: the spec for the stdlib,
// else the path beside the importing file (the server names files by absolute path).
std::string imported_name(const std::string& importer, const std::string& spec) {
  if (spec.starts_with("std/")) return spec;
  namespace fs = std::filesystem;
  return (fs::path(importer).parent_path() / spec).lexically_normal().string();
}

void index_imports(Analysis& a) {
  const SourceMap& sources = a.loaded.sources;
  for (std::uint32_t i = 0; i < a.loaded.files.size() && i < sources.size(); ++i)
    for (const auto& item : a.loaded.files[i].root.children) {
      if (item.kind != ast::Kind::import_file) continue;
      const auto* spec = ast::arg<ast::Text>(item);
      if (!spec) continue;
      const std::string target = imported_name(sources.file(i).name(), spec->value);
      for (std::uint32_t j = 0; j < sources.size(); ++j)
        if (j != i && sources.file(j).name() == target) {
          a.imports[import_key(i, spec->span.begin)] = j;
          break;
        }
    }
}

bool inside(const Span& inner, const Span& outer) {
  return inner.file == outer.file && outer.begin <= inner.begin && inner.end <= outer.end;
}

}  // namespace

std::vector<const Symbol*> references(const Analysis& a, const Symbol& occurrence) {
  std::vector<const Symbol*> out = a.symbols.references_of(occurrence);
  const Symbol* calendar = a.symbols.definition_of(occurrence);
  if (!calendar || calendar->kind != SymbolKind::calendar || !a.model) return out;
  const auto& all = a.symbols.all();
  for (const Symbol* package : a.symbols.definitions(SymbolKind::package)) {
    const Package* p = a.model->package(package->name);
    if (!p || p->calendar != calendar->name) continue;
    auto within = [&](ast::Kind statement) {
      return std::find_if(all.begin(), all.end(), [&](const Symbol& s) {
        return s.statement == statement && !s.definition && inside(s.span, package->item);
      });
    };
    if (within(ast::Kind::uses_calendar) != all.end()) continue;  // its own, said outright
    if (auto parent = within(ast::Kind::package); parent != all.end()) out.push_back(&*parent);
  }
  return out;
}

Analysis analyze(std::string name, std::string text, const LoadOptions& options,
                 const Analysis* previous) {
  Analysis a;
  a.loaded = load_string_with_sources(name, std::move(text), options);
  if (a.loaded.sources.size() == 0) {
    // The loader refused the text before reading it (too large): keep an empty
    // root so that every request still has a document to answer about.
    a.loaded.sources.add(std::make_shared<SourceFile>(name, std::string()));
  }
  while (a.loaded.files.size() < a.loaded.sources.size()) a.loaded.files.emplace_back();
  a.diagnostics = lint_loaded(a.loaded).diagnostics;
  a.symbols = SymbolIndex::of(a.loaded.files);
  index_imports(a);
  if (a.loaded.result.model) {
    a.model = a.loaded.result.model;
  } else if (previous && previous->model) {
    a.model = previous->model;
    a.model_is_stale = true;
  }
  return a;
}

}  // namespace sla::ide
