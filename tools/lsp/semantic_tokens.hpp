// Semantic tokens: the meaning of each word for highlighting that knows what a
// name is (a calendar, a priority, a package...), not just its shape.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "grammar/ast.hpp"
#include "grammar/source.hpp"
#include "tools/lsp/symbols.hpp"

namespace sla::lsp {

struct SemanticToken {
  std::uint32_t begin = 0;   // byte offset in the file; a token never spans lines
  std::uint32_t length = 0;  // bytes
  std::uint32_t type = 0;    // index in token_types()
  std::uint32_t modifiers = 0;  // bits: index in token_modifiers()
};

// The legend the server advertises: LSP's standard names ("keyword", "string", ...).
const std::vector<std::string_view>& token_types();
const std::vector<std::string_view>& token_modifiers();

// The tokens of file `file_id` (its syntax tree and source), in source order,
// not overlapping.
std::vector<SemanticToken> semantic_tokens(const ast::File& file, const SourceFile& source,
                                           const SymbolIndex& symbols, std::uint32_t file_id);

}  // namespace sla::lsp
