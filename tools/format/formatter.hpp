// `sla fmt`'s engine: a contract's text in its one canonical layout. Only the
// layout changes: words, numbers and strings are kept as the author spelled them,
// comments and blank-line grouping survive, and the result means exactly the same.
//
//   auto r = sla::cli::format_source("a.sla", text);
//   if (r.text) write(*r.text); else print(r.diagnostics) or report(r.internal_error);
//
// The layout (docs/cli.md#sla-fmt): one statement per line, two spaces of indent
// per block, `{` ending its block's first line and `}` alone on its line, one
// space between tokens (none before `,` or `)`, none after `(`, none around the
// `-` of a day or time range), no `;`, at most one blank line in a row and none
// just inside braces, one blank line between top-level blocks, LF line endings,
// no byte-order mark, one newline at the end.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sla/diagnostic.hpp"

namespace sla::cli {

struct FormatResult {
  std::optional<std::string> text;      // the formatted file, when it could be formatted
  std::vector<Diagnostic> diagnostics;  // otherwise the syntax errors that prevent it
  // Otherwise a formatter bug caught by its own check (the result did not parse
  // back to the same tree, or formatting it again changed it): nothing to write.
  std::string internal_error;
};

// `name` is what diagnostics call the file.
FormatResult format_source(std::string_view name, std::string text);

}  // namespace sla::cli
