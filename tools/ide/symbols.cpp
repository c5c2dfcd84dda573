#include "tools/ide/symbols.hpp"

#include <algorithm>
#include <cctype>

namespace sla::ide {

namespace {

bool same_name(SymbolKind kind, std::string_view a, std::string_view b) {
  if (kind != SymbolKind::priority) return a == b;
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

// Whether a use of kind `use` may name a definition of kind `def`.
bool may_name(SymbolKind use, SymbolKind def) {
  if (use == def) return true;
  return use == SymbolKind::package_or_addon &&
         (def == SymbolKind::package || def == SymbolKind::addon);
}

class Collector {
 public:
  Collector(std::uint32_t file, std::vector<Symbol>& out) : file_(file), out_(out) {}

  void walk(const ast::Node& node) {
    collect(node);
    for (const auto& child : node.children) walk(child);
  }

 private:
  void add(SymbolKind kind, const ast::Ident& id, bool definition, const ast::Node& node) {
    out_.push_back({kind, id.name, id.span, definition, node.span, node.kind});
  }

  // The first name defines; an `extends` after it names a parent of the same kind.
  void definition(SymbolKind kind, const ast::Node& node) {
    auto ids = ast::args<ast::Ident>(node);
    if (ids.empty()) return;
    add(kind, *ids[0], true, node);
    for (std::size_t i = 1; i < ids.size(); ++i) add(kind, *ids[i], false, node);
  }

  void uses(SymbolKind kind, const ast::Node& node) {
    for (const auto* id : ast::args<ast::Ident>(node)) add(kind, *id, false, node);
  }

  // respond to P1 where channel is "phone" within 4 hours on calendar x: the
  // word before a name says what it names.
  void target(const ast::Node& node) {
    std::string_view before;
    for (const auto& v : node.args) {
      if (const auto* w = std::get_if<ast::Word>(&v)) before = w->word;
      if (const auto* id = std::get_if<ast::Ident>(&v)) {
        SymbolKind kind = before == "where"         ? SymbolKind::attribute
                          : before == "on calendar" ? SymbolKind::calendar
                                                    : SymbolKind::priority;
        add(kind, *id, false, node);
        before = {};
      }
    }
  }

  void collect(const ast::Node& node) {
    using K = ast::Kind;
    switch (node.kind) {
      case K::holiday_set:
        return definition(SymbolKind::holiday_set, node);
      case K::calendar:
        return definition(SymbolKind::calendar, node);
      case K::priority:
        return definition(SymbolKind::priority, node);
      case K::attribute:
        return definition(SymbolKind::attribute, node);
      case K::package:
        return definition(SymbolKind::package, node);
      case K::addon:
        return definition(SymbolKind::addon, node);
      case K::closed:
        return uses(SymbolKind::holiday_set, node);
      case K::union_of:
      case K::uses_calendar:
        return uses(SymbolKind::calendar, node);
      case K::requirement:
      case K::exclusion:
        return uses(SymbolKind::package_or_addon, node);
      case K::describe:
      case K::ticket_credit:
      case K::escalation:
      case K::ticket:
        return uses(SymbolKind::priority, node);
      case K::ticket_attribute:
        return uses(SymbolKind::attribute, node);
      case K::respond:
      case K::resolve:
      case K::update:
      case K::restore:
        return target(node);
      case K::under: {
        auto ids = ast::args<ast::Ident>(node);
        for (std::size_t i = 0; i < ids.size(); ++i)
          add(i == 0 ? SymbolKind::package : SymbolKind::addon, *ids[i], false, node);
        return;
      }
      case K::import_file:
        if (const auto* path = ast::arg<ast::Text>(node))
          out_.push_back({SymbolKind::file, path->value, path->span, false, node.span, node.kind});
        return;
      default:
        return;
    }
  }

  std::uint32_t file_;
  std::vector<Symbol>& out_;
};

}  // namespace

std::string_view name(SymbolKind kind) {
  switch (kind) {
    case SymbolKind::holiday_set:
      return "holiday set";
    case SymbolKind::calendar:
      return "calendar";
    case SymbolKind::priority:
      return "priority";
    case SymbolKind::attribute:
      return "attribute";
    case SymbolKind::package:
      return "package";
    case SymbolKind::addon:
      return "add-on";
    case SymbolKind::package_or_addon:
      return "package or add-on";
    case SymbolKind::file:
      return "file";
  }
  return "name";
}

SymbolIndex SymbolIndex::of(const std::vector<ast::File>& files) {
  SymbolIndex index;
  for (std::uint32_t i = 0; i < files.size(); ++i) {
    const std::size_t first = index.symbols_.size();
    Collector(i, index.symbols_).walk(files[i].root);
    std::stable_sort(index.symbols_.begin() + static_cast<std::ptrdiff_t>(first),
                     index.symbols_.end(),
                     [](const Symbol& a, const Symbol& b) { return a.span.begin < b.span.begin; });
  }
  return index;
}

const Symbol* SymbolIndex::at(std::uint32_t file, std::uint32_t offset) const {
  for (const auto& s : symbols_)
    if (s.span.file == file && s.span.begin <= offset && offset <= s.span.end) return &s;
  return nullptr;
}

const Symbol* SymbolIndex::definition_of(const Symbol& occurrence) const {
  if (occurrence.definition) return &occurrence;
  for (const auto& s : symbols_)
    if (s.definition && may_name(occurrence.kind, s.kind) &&
        same_name(s.kind, s.name, occurrence.name))
      return &s;
  return nullptr;
}

std::vector<const Symbol*> SymbolIndex::references_of(const Symbol& occurrence) const {
  const Symbol* def = definition_of(occurrence);
  std::vector<const Symbol*> out;
  for (const auto& s : symbols_) {
    if (s.kind == SymbolKind::file) {
      if (occurrence.kind == SymbolKind::file && s.name == occurrence.name) out.push_back(&s);
      continue;
    }
    // Only a name spelled the same (without case: priorities) can be one: the
    // definition is looked up for those alone, not for every name of the file.
    if (!same_name(SymbolKind::priority, s.name, occurrence.name)) continue;
    // With a definition, every occurrence that finds it; without one (a typo),
    // the occurrences spelled the same, of the same kind.
    const bool same = def ? definition_of(s) == def
                          : s.kind == occurrence.kind && same_name(s.kind, s.name, occurrence.name);
    if (same) out.push_back(&s);
  }
  return out;
}

std::vector<const Symbol*> SymbolIndex::definitions(SymbolKind kind) const {
  std::vector<const Symbol*> out;
  for (const auto& s : symbols_)
    if (s.definition && may_name(kind, s.kind)) out.push_back(&s);
  return out;
}

}  // namespace sla::ide
