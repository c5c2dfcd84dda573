// Every diagnostic code in the one table is documented in docs/diagnostics.md.
#define BOOST_TEST_MODULE codes
#include <boost/test/unit_test.hpp>
#include <set>

#include "grammar/codes.hpp"
#include "support.hpp"

BOOST_AUTO_TEST_CASE(every_code_is_documented_and_unique) {
  const std::string doc = sla::testing::read_text(sla::testing::source_path("docs/diagnostics.md"));
  std::set<std::string_view> ids;
  for (const auto& entry : sla::code_table) {
    BOOST_TEST(ids.insert(entry.id).second, entry.id << " is used twice");
    const std::string row = "| " + std::string(entry.id) + " | " + std::string(entry.title) + " |";
    BOOST_TEST(doc.find(row) != std::string::npos, "docs/diagnostics.md lacks the row: " << row);
  }
}
