// Every diagnostic code in the one table is documented: errors in
// docs/diagnostics.md, lint findings (SLA1xx) in docs/lint.md.
#define BOOST_TEST_MODULE codes
#include <boost/test/unit_test.hpp>
#include <set>

#include "grammar/codes.hpp"
#include "support.hpp"

BOOST_AUTO_TEST_CASE(every_code_is_documented_and_unique) {
  const std::string errors =
      sla::testing::read_text(sla::testing::source_path("docs/diagnostics.md"));
  const std::string lint = sla::testing::read_text(sla::testing::source_path("docs/lint.md"));
  std::set<std::string_view> ids;
  for (const auto& entry : sla::code_table) {
    BOOST_TEST(ids.insert(entry.id).second, entry.id << " is used twice");
    const std::string row = "| " + std::string(entry.id) + " | " + std::string(entry.title) + " |";
    const bool is_lint = entry.id.starts_with("SLA1");
    const std::string& doc = is_lint ? lint : errors;
    BOOST_TEST(doc.find(row) != std::string::npos,
               (is_lint ? "docs/lint.md" : "docs/diagnostics.md") << " lacks the row: " << row);
  }
}
