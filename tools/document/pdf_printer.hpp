// The HTML document printed to PDF by headless Chromium, the maintained
// HTML-to-PDF path: its print engine honours the document's print CSS (@page
// margin boxes for the running header and page numbers, repeated table headers,
// no breaks inside rows or between a chart and its caption). The one-command
// equivalent, for a machine without `sla`'s help (one line):
//   chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer
//            --print-to-pdf=out.pdf file:///path/to/document.html
#pragma once

#include <string>
#include <string_view>

namespace sla::cli {

struct PdfResult {
  std::string pdf;    // the PDF's bytes; empty when printing failed
  std::string error;  // why it failed, in words a user can act on
};

// The browser to print with: $SLA_CHROMIUM when set, else the first of chromium,
// chromium-browser, google-chrome on PATH; "" when there is none.
std::string find_chromium();

// Prints `html` (a self-contained page) in a private temporary directory, which is
// removed afterwards; gives up after `timeout_seconds`.
PdfResult print_pdf(std::string_view html, int timeout_seconds = 90);

}  // namespace sla::cli
