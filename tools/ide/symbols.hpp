// The names a contract defines and uses: calendars, holiday sets, priorities,
// attributes, packages, add-ons, and the files it imports. Read from the syntax
// trees (so it works on half-typed text), for go to definition, references,
// hover and completion.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "grammar/ast.hpp"
#include "grammar/source.hpp"

namespace sla::ide {

enum class SymbolKind : std::uint8_t {
  holiday_set,
  calendar,
  priority,
  attribute,
  package,
  addon,
  package_or_addon,  // a use that may name either: requires, excludes
  file,              // import "std/holidays/id": the string names a file
};

// "calendar", "holiday set", "priority", ...
std::string_view name(SymbolKind kind);

// One occurrence of a name.
struct Symbol {
  SymbolKind kind = SymbolKind::calendar;
  std::string name;  // as written; for a file, the import's string
  Span span;         // the name (for a file: the string, quotes included)
  bool definition = false;
  Span item;                              // the whole item or statement it is defined or used in
  ast::Kind statement = ast::Kind::file;  // that item's or statement's kind
};

class SymbolIndex {
 public:
  // Every occurrence in `files` (parallel to the SourceMap: file i has id i).
  static SymbolIndex of(const std::vector<ast::File>& files);

  // The occurrence covering `offset` in `file` (its end included, so a cursor just
  // after a name finds it), or nullptr.
  const Symbol* at(std::uint32_t file, std::uint32_t offset) const;
  // The definition of a use (or the definition itself), or nullptr. Priority
  // names compare without case, as the checker does; a package_or_addon use
  // finds either.
  const Symbol* definition_of(const Symbol& occurrence) const;
  // The definition and every use of the same name and kind, in file then
  // source order.
  std::vector<const Symbol*> references_of(const Symbol& occurrence) const;
  // The definitions of a kind (package_or_addon: both), in file then source order.
  std::vector<const Symbol*> definitions(SymbolKind kind) const;
  const std::vector<Symbol>& all() const { return symbols_; }

 private:
  std::vector<Symbol> symbols_;  // file then source order
};

}  // namespace sla::ide
