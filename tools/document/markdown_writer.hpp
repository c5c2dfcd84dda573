// The rendered contract as Markdown (GitHub-flavoured tables): readable as plain
// text and on a repository page. Every string of the contract is escaped.
#pragma once

#include <string>

#include "tools/document/document.hpp"

namespace sla::cli {

std::string markdown(const doc::Document& document);

}  // namespace sla::cli
