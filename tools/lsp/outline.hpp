// The document's shape for an editor: its outline (items and what they hold) and
// the ranges that fold (blocks, runs of comment lines).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "grammar/ast.hpp"
#include "grammar/source.hpp"

namespace sla::lsp {

struct OutlineItem {
  std::string name;    // "office_hours", "premium", "Critical", "contract"
  std::string detail;  // a title or description, one line
  int lsp_kind = 0;    // an LSP SymbolKind number (Class = 5, ...)
  Span range;          // the whole item or statement
  Span selection;      // its name
  std::vector<OutlineItem> children;
};

std::vector<OutlineItem> outline(const ast::File& file);

struct Fold {
  std::uint32_t first_line = 0;  // 1-based lines
  std::uint32_t last_line = 0;
  bool comment = false;
};

std::vector<Fold> folding_ranges(const ast::File& file, const SourceFile& source);

}  // namespace sla::lsp
