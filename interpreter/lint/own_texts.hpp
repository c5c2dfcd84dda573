// The contract's own words: every text its authors wrote that a reader of the
// rendered document sees (titles, summaries, definitions, descriptions, notes,
// labels, roles), each once, at the statement that first says it. What a
// translation must cover; the stdlib's texts (holiday names) are not the
// contract's own.
#pragma once

#include <string>
#include <vector>

#include "grammar/ast.hpp"
#include "grammar/source.hpp"
#include "sla/model.hpp"

namespace sla::lint {

struct OwnText {
  std::string text;
  SourceRef at;
};

// The Model's texts, then the stated labels of the syntax trees (a calendar's
// "(GMT+7)" is kept nowhere else).
// With `with_libraries`, the texts of the stdlib modules imported too (holiday
// names): a translation may translate them, though it need not.
std::vector<OwnText> own_texts(const Model& model, const SourceMap& sources,
                               const std::vector<ast::File>& files, bool with_libraries = false);

}  // namespace sla::lint
