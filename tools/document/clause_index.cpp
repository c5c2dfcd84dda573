#include "tools/document/clause_index.hpp"

#include <fstream>
#include <sstream>

#include "grammar/parser.hpp"
#include "grammar/source.hpp"
#include "stdlib/stdlib.hpp"

namespace sla::cli {

namespace {

std::optional<std::string> text_of_file(const std::string& name) {
  if (name.starts_with("std/")) {
    if (auto module = stdlib_module(name)) return std::string(*module);
    return std::nullopt;
  }
  std::ifstream in(name, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string key_of(const ast::Node& node) {
  // `describe Critical "..."` is known by its priority, not by its wording.
  if (node.kind == ast::Kind::describe)
    if (const auto* i = ast::arg<ast::Ident>(node)) return i->name;
  if (const auto* t = ast::arg<ast::Text>(node)) return t->value;
  if (const auto* i = ast::arg<ast::Ident>(node)) return i->name;
  return {};
}

}  // namespace

ClauseIndex::ClauseIndex(const Model& model) {
  for (const auto& name : model.files) {
    auto text = text_of_file(name);
    if (!text) continue;
    const SourceFile file(name, std::move(*text));
    const ParseResult parsed = parse(file, 0);
    for (const ast::Node& item : parsed.file.root.children) {
      {
        Extent e{item.kind,
                 {},
                 file.locate(item.span.begin, item.span.end).line,
                 file.locate(item.span.end > item.span.begin ? item.span.end - 1 : item.span.end,
                             item.span.end)
                     .line};
        if (const auto* i = ast::arg<ast::Ident>(item))
          e.name = i->name;
        else if (const auto* t = ast::arg<ast::Text>(item))
          e.name = t->value;
        extents_[name].push_back(std::move(e));
      }
      std::string id;
      switch (item.kind) {
        case ast::Kind::contract:
          id = "";
          break;
        case ast::Kind::package:
        case ast::Kind::addon:
        case ast::Kind::calendar:
          if (const auto* i = ast::arg<ast::Ident>(item)) id = i->name;
          break;
        default:
          continue;
      }
      auto add = [&](const std::string& owner, const ast::Node& s) {
        const Location where = file.locate(s.span.begin, s.span.end);
        Clause clause{SourceRef{name, where.line, where.column}, {}, {}};
        if (const auto* l = ast::arg<ast::Label>(s)) clause.label = l->value;
        for (const auto* w : ast::args<ast::Word>(s)) clause.words.push_back(w->word);
        items_[owner].push_back({s.kind, key_of(s), std::move(clause)});
      };
      for (const ast::Node& s : item.children) {
        add(id, s);
        // A block's statements (an uptime commitment's) belong to "item|key".
        for (const ast::Node& inner : s.children) add(id + "|" + key_of(s), inner);
      }
    }
  }
}

std::optional<Clause> ClauseIndex::find(std::string_view item, ast::Kind kind,
                                        std::string_view key) const {
  auto it = items_.find(item);
  if (it == items_.end()) return std::nullopt;
  for (const auto& e : it->second)
    if (e.kind == kind && (key.empty() || e.key == key)) return e.clause;
  return std::nullopt;
}

std::vector<Clause> ClauseIndex::all(std::string_view item, ast::Kind kind) const {
  std::vector<Clause> out;
  if (auto it = items_.find(item); it != items_.end())
    for (const auto& e : it->second)
      if (e.kind == kind) out.push_back(e.clause);
  return out;
}

std::optional<Extent> ClauseIndex::extent(std::string_view file, unsigned line) const {
  auto it = extents_.find(file);
  if (it == extents_.end()) return std::nullopt;
  for (const auto& e : it->second)
    if (line >= e.first && line <= e.last) return e;
  return std::nullopt;
}

std::optional<Clause> ClauseIndex::find(const std::vector<std::string>& items, ast::Kind kind,
                                        std::string_view key) const {
  for (const auto& item : items)
    if (auto c = find(item, kind, key)) return c;
  return std::nullopt;
}

}  // namespace sla::cli
