// Where the cursor is in the document's syntax: the statements and blocks around
// an offset, read from the syntax tree, and from the text itself where the tree
// lost a block that is still being typed (a block without its '}' does not parse,
// so the tree has nothing of it). Shared by hover, completion and the quick fixes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "grammar/ast.hpp"
#include "tools/ide/analysis.hpp"

namespace sla::ide {

// The nodes whose span holds `offset` (its end included, so a cursor just after a
// statement is in it), from the file's root down to the innermost.
std::vector<const ast::Node*> nodes_at(const ast::Node& root, std::uint32_t offset);

// The '{' that opens a block node in `text`, skipping strings and comments in its
// head; the node's end when there is none.
std::uint32_t open_brace(std::string_view text, const ast::Node& block);

// A block around the cursor: its kind, its name (the identifier after the
// keyword, when it has one) and where its head starts.
struct EnclosingBlock {
  ast::Kind kind = ast::Kind::file;
  std::string name;
  std::uint32_t head = 0;           // the first byte of the head ("package basic ...")
  std::uint32_t brace = 0;          // its '{'
  const ast::Node* node = nullptr;  // null when only the text knows it
};

// The blocks whose body holds `offset`, outermost first; empty at the top level.
// From the syntax tree, or from the braces of the text when the text opens more
// blocks there than the tree has (a half-typed block).
std::vector<EnclosingBlock> enclosing_blocks(const Analysis& analysis, std::uint32_t offset);

// The byte where the line holding `offset` starts, and its indentation.
std::uint32_t line_start(std::string_view text, std::uint32_t offset);
std::string indentation_at(std::string_view text, std::uint32_t offset);

// A letter, digit or underscore: a byte of a name or keyword.
bool is_name_char(char c);

// The node of `files` whose span is exactly `span`, or nullptr.
const ast::Node* node_with_span(const std::vector<ast::File>& files, const Span& span);

}  // namespace sla::ide
