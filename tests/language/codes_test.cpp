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

BOOST_AUTO_TEST_CASE(long_messages_are_cut_on_a_character_boundary) {
  // The lint's long messages (several names, and why they matter) are kept whole.
  const std::string lint(900, 'x');
  BOOST_TEST(sla::make_diagnostic(sla::Code::lint_unused, {}, lint).message == lint);
  // A message quoting a name as long as a file is cut, and stays valid UTF-8 when
  // the cut falls inside a character ("é" is two bytes: 0xC3 0xA9).
  std::string name;
  while (name.size() < 5000) name += "é";
  for (const std::string& prefix : {std::string(), std::string("x")}) {
    const std::string cut =
        sla::make_diagnostic(sla::Code::unknown_name, {}, prefix + name).message;
    BOOST_TEST(cut.size() <= sla::kMaxMessageBytes);
    BOOST_TEST(cut.ends_with("é..."), cut.substr(cut.size() - 8));
  }
}
