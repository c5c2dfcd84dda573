// Writes the hand-built sample report (sample_report.hpp) as HTML or Markdown, for
// the browser test, until `sla report` gives it tickets of its own to tally.
// Usage: compliance_report_sample OUTPUT.html|OUTPUT.md
#include <fstream>
#include <iostream>
#include <string_view>

#include "tests/compliance/sample_report.hpp"
#include "tools/compliance/report_writers.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: compliance_report_sample OUTPUT.html|OUTPUT.md\n";
    return 2;
  }
  const std::string_view path = argv[1];
  const auto report = sla::cli::test::sample_report();
  std::ofstream out(argv[1], std::ios::binary);
  out << (path.ends_with(".md") ? sla::cli::report_markdown(report)
                                : sla::cli::report_html(report));
  return out ? 0 : 1;
}
