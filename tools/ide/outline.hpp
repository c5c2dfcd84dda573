// The document's shape for an editor: its outline (items and what they hold) and
// the ranges that fold (blocks, runs of comment lines).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "grammar/ast.hpp"
#include "grammar/source.hpp"

namespace sla::ide {

struct OutlineItem {
  std::string name;    // "office_hours", "premium", "Critical", "contract"
  std::string detail;  // a title or description, one line
  int lsp_kind = 0;    // an LSP SymbolKind number (Class = 5, ...)
  Span range;          // the whole item or statement
  Span selection;      // its name
  std::vector<OutlineItem> children;
};

// The document's items in source order, for textDocument/documentSymbol. The
// kinds (LSP SymbolKind), chosen for the icon an editor shows beside each:
//
//   import "std/..."        File (1)         named by the path
//   contract "Title"        Module (2)       named by its title; detail "contract"
//   definitions             Namespace (3)    its terms: Key (20), detail the meaning
//   translation LANG        Namespace (3)    its entries: String (15), detail the translation
//   holidays NAME           Enum (10)        its holidays: Event (24), detail the date
//   calendar NAME           Struct (23)      detail its title
//   priorities              Enum (10)        each priority: EnumMember (22), detail
//                                            its description cut to one line
//   attribute NAME          Property (7)     detail its values
//   package NAME            Package (4)      detail its title
//   addon NAME              Class (5)        a second icon, so add-ons stand apart
//   respond/resolve/...     Method (6)       a package's targets, named as written
//                                            ("respond to Critical within 1 business
//                                            hour"); detail the commitment
//   escalation              Array (18)       its bands: Field (8), named by whom
//                                            they escalate to, detail when
//   uptime "Name"           Object (19)      detail "uptime 99.9 %"
//   example "Text"          Function (12)    a test that `sla test` runs; detail
//                                            "under premium with extra"
//
// A name is never empty (clients refuse one): an item without one is named by
// its keyword. Names and details are on one line, cut when long.
std::vector<OutlineItem> outline(const ast::File& file);

struct Fold {
  std::uint32_t first_line = 0;  // 1-based lines
  std::uint32_t last_line = 0;
  bool comment = false;
};

// Blocks (up to the line before their '}'), statements written on several lines,
// and runs of two or more lines holding only a comment; by first line, one
// range for each first line (the outermost).
std::vector<Fold> folding_ranges(const ast::File& file, const SourceFile& source);

}  // namespace sla::ide
