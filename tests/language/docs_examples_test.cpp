// Every ```sla block in docs/language.md is a whole contract that checks clean,
// so the reference cannot drift from the language.
#define BOOST_TEST_MODULE docs_examples
#include <boost/test/unit_test.hpp>

#include "support.hpp"
#include "tools/console/output.hpp"

BOOST_AUTO_TEST_CASE(language_reference_examples_check_clean) {
  const std::string doc = sla::testing::read_text(sla::testing::source_path("docs/language.md"));
  BOOST_TEST_REQUIRE(!doc.empty());
  std::size_t blocks = 0, pos = 0;
  while ((pos = doc.find("```sla\n", pos)) != std::string::npos) {
    const std::size_t start = pos + 7;
    const std::size_t end = doc.find("```", start);
    BOOST_TEST_REQUIRE(end != std::string::npos);
    const std::size_t line = static_cast<std::size_t>(std::count(
                                 doc.begin(), doc.begin() + static_cast<long>(start), '\n')) +
                             1;
    auto r = sla::load_string("docs/language.md:" + std::to_string(line),
                              doc.substr(start, end - start));
    std::string report;
    for (const auto& d : r.diagnostics) report += sla::cli::format_diagnostic(d);
    BOOST_TEST(r.ok(), "the example at docs/language.md line " << line << " does not check:\n"
                                                               << report);
    ++blocks;
    pos = end + 3;
  }
  BOOST_TEST(blocks >= 20u);
}
