// The rendered contract as one self-contained HTML file: no external fonts,
// scripts or images (the coverage charts are inline SVG), printable (each package
// starts a new page), accessible (one h1, ordered headings, table headers with
// scope, charts with a title and a description) and byte-identical on every run.
#pragma once

#include <string>

#include "tools/document/document.hpp"

namespace sla::cli {

std::string html(const doc::Document& document);

}  // namespace sla::cli
