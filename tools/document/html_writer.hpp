// The rendered contract as one self-contained HTML file: no external fonts,
// scripts or images (the coverage charts are inline SVG), printable (each package
// starts a new page), accessible (one h1, ordered headings, table headers with
// scope, charts with a title and a description) and byte-identical on every run.
#pragma once

#include <string>

#include "tools/document/document.hpp"

namespace sla::cli {

// With `facing`, the same document in a second language (built from the same
// Model): two columns, each heading and block level with its translation.
std::string html(const doc::Document& document, const doc::Document* facing = nullptr);

}  // namespace sla::cli
