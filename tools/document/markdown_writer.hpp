// The rendered contract as Markdown (GitHub-flavoured tables): readable as plain
// text and on a repository page. Every string of the contract is escaped.
#pragma once

#include <string>

#include "tools/document/document.hpp"

namespace sla::cli {

// With `facing`, the same document in a second language (built from the same
// Model): each block is followed by its counterpart, quoted.
std::string markdown(const doc::Document& document, const doc::Document* facing = nullptr);

}  // namespace sla::cli
