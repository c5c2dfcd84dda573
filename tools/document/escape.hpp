// Escaping the contract's own words for the formats they are written into:
// everything user-provided passes through one of these before it is printed.
#pragma once

#include <string>
#include <string_view>

namespace sla::cli {

// &, <, >, " and ' as character references (text and attribute values).
std::string html_escape(std::string_view text);

// Markdown punctuation that would turn prose into markup (emphasis, links, code,
// HTML) is backslash-escaped; in a table cell `|` is too, and line breaks become
// spaces so that a cell stays on its row. At the start of a block (a paragraph, a
// list item) a leading "#", "-", "+", "=" or "1." is escaped too.
std::string markdown_escape(std::string_view text, bool table_cell = false,
                            bool block_start = false);

}  // namespace sla::cli
