// The words that may start a statement in each kind of block, as the grammar
// lists them: what an editor offers at the start of a line, read from the same
// rules that parse it so the two cannot drift apart.
#pragma once

#include <span>
#include <string_view>

#include "grammar/ast.hpp"

namespace sla::grammar {

// The leading words of the statements `block` accepts (Kind::file: the top-level
// items; package and addon share theirs). Empty for blocks whose statements start
// with a value (definitions, priorities, translations) and for statements.
std::span<const std::string_view> statement_words(ast::Kind block);

}  // namespace sla::grammar
