// Semantic tokens: the meaning of each word for highlighting that knows what a
// name is (a calendar, a priority, a package...), not just its shape.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "grammar/ast.hpp"
#include "grammar/source.hpp"
#include "tools/ide/analysis.hpp"
#include "tools/ide/symbols.hpp"

namespace sla::ide {

struct SemanticToken {
  std::uint32_t begin = 0;      // byte offset in the file; a token never spans lines
  std::uint32_t length = 0;     // bytes
  std::uint32_t type = 0;       // index in token_types()
  std::uint32_t modifiers = 0;  // bits: index in token_modifiers()
};

// The legend the server advertises: LSP's standard names ("keyword", "string", ...).
//
//   keyword      every word of a statement that is not a value (calendar, respond,
//                within, on calendar, best effort, ...), and fixed words such as
//                "monthly" or "all"
//   string       texts and stated labels; an import's path
//   number       numbers, durations, percentages, amounts, dates, times of day,
//                opening hours, weekdays, UTC offsets
//   comment      comments
//   macro        the lint's directive in a comment: "sla: allow SLA105"
//   operator     the '=' of a translation
//   type         calendars
//   namespace    holiday sets
//   enumMember   priorities
//   property     attributes
//   class        packages (and a use that names no known package or add-on)
//   interface    add-ons
//   variable     a name the index does not know (a translation's language)
//
// Modifiers: declaration and definition where a name is defined; defaultLibrary
// on every occurrence of a name defined in the stdlib ("std/...").
const std::vector<std::string_view>& token_types();
const std::vector<std::string_view>& token_modifiers();

// The tokens of file `file_id` (its syntax tree and source), in source order,
// not overlapping, each on one line. A name is typed by its definition's kind
// (a `requires` names a package or an add-on).
std::vector<SemanticToken> semantic_tokens(const Analysis& analysis, std::uint32_t file_id = 0);

}  // namespace sla::ide
