// Whether two syntax trees say the same thing, wherever it is written: the
// formatter's proof that it moved text around without changing what it means.
#pragma once

#include "grammar/ast.hpp"

namespace sla::cli {

// Same statements (kinds, argument values, children, in order) and the same
// comments in the same order; spans are ignored, and so is trailing white space
// inside a comment, which the formatter trims.
bool same_syntax(const ast::File& a, const ast::File& b);

}  // namespace sla::cli
