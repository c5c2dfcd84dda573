// The lint's machine formats: JSON, SARIF 2.1.0 and GitHub annotations.
#define BOOST_TEST_MODULE lint_report
#include <algorithm>
#include <boost/test/unit_test.hpp>

#include "sla/lint.hpp"
#include "tools/reports/lint_report.hpp"

using namespace sla;
using namespace sla::cli;

namespace {

LintSummary sample() {
  LintSummary s;
  s.files = {"dir/my contract.sla"};
  Diagnostic d;
  d.code = "SLA105";
  d.severity = Severity::warning;
  d.message = "target '8 hours': 50% of it, a, b: c\nnext line";
  d.hint = "write business hours";
  d.location.file = "dir/my contract.sla";
  d.location.line = 12;
  d.location.column = 3;
  Note n;
  n.location.file = "dir/my contract.sla";
  n.location.line = 4;
  n.location.column = 1;
  n.message = "the calendar";
  d.notes.push_back(n);
  s.diagnostics.push_back(d);
  d.code = "SLA021";
  d.severity = Severity::error;
  d.notes.clear();
  s.diagnostics.push_back(d);
  s.suppressed = 3;
  return s;
}

}  // namespace

BOOST_AUTO_TEST_CASE(json_lists_findings_and_counts) {
  const auto j = lint_json(sample());
  BOOST_TEST(j["files"].size() == 1u);
  BOOST_TEST_REQUIRE(j["diagnostics"].size() == 2u);
  BOOST_TEST(j["diagnostics"][0]["code"] == "SLA105");
  BOOST_TEST(j["diagnostics"][0]["title"] == "calendar time under office hours");
  BOOST_TEST(j["diagnostics"][0]["help"] == "docs/lint.md#sla105");
  BOOST_TEST(j["diagnostics"][1]["help"] == "docs/diagnostics.md#sla021");
  BOOST_TEST(j["diagnostics"][0]["span"]["line"] == 12);
  BOOST_TEST(j["summary"]["errors"] == 1);
  BOOST_TEST(j["summary"]["warnings"] == 1);
  BOOST_TEST(j["summary"]["suppressed"] == 3);
}

BOOST_AUTO_TEST_CASE(sarif_is_a_2_1_0_run_with_rules_and_results) {
  const auto s = lint_sarif(sample());
  BOOST_TEST(s["version"] == "2.1.0");
  BOOST_TEST(s["$schema"].get<std::string>().find("sarif-2.1.0") != std::string::npos);
  BOOST_TEST_REQUIRE(s["runs"].size() == 1u);
  const auto& run = s["runs"][0];
  BOOST_TEST(run["tool"]["driver"]["name"] == "sla");
  BOOST_TEST(run["columnKind"] == "unicodeCodePoints");
  const auto& rules = run["tool"]["driver"]["rules"];
  // Every lint rule, then the error code that occurred.
  BOOST_TEST(rules.size() == lint_rules().size() + 1);
  BOOST_TEST_REQUIRE(run["results"].size() == 2u);
  for (const auto& r : run["results"]) {
    const auto index = r["ruleIndex"].get<std::size_t>();
    BOOST_TEST(rules[index]["id"] == r["ruleId"]);
  }
  const auto& first = run["results"][0];
  BOOST_TEST(first["level"] == "warning");
  BOOST_TEST(run["results"][1]["level"] == "error");
  const auto& location = first["locations"][0]["physicalLocation"];
  BOOST_TEST(location["artifactLocation"]["uri"] == "dir/my%20contract.sla");
  BOOST_TEST(location["region"]["startLine"] == 12);
  BOOST_TEST(location["region"]["startColumn"] == 3);
  BOOST_TEST(first["message"]["text"].get<std::string>().find("hint: write business hours") !=
             std::string::npos);
  BOOST_TEST(first["relatedLocations"][0]["physicalLocation"]["region"]["startLine"] == 4);
}

BOOST_AUTO_TEST_CASE(sarif_lists_silenced_findings_with_their_suppression) {
  LintSummary summary;
  const LintResult r = lint_string("t.sla", R"(priorities { Low "Q"; High "Down" }
calendar office { zone "Asia/Jakarta"; open Mon-Fri 09:00-17:00; open on holidays }
package standard "Standard" {
  calendar office
  respond to Low within 8 hours  # sla: allow SLA105 (calendar hours are meant)
  respond to High within 2 hours  # sla: allow SLA105
}
)");
  summary.files = {"t.sla"};
  summary.diagnostics = r.diagnostics;
  summary.silenced = r.silenced;
  summary.suppressed = r.suppressed;
  const auto s = lint_sarif(summary);
  const auto& results = s["runs"][0]["results"];
  BOOST_TEST_REQUIRE(results.size() == 2u, s.dump(2));
  BOOST_TEST(results[0]["ruleId"] == "SLA105");
  BOOST_TEST(results[0]["locations"][0]["physicalLocation"]["region"]["startLine"] == 5);
  BOOST_TEST(results[0]["suppressions"].size() == 1u);
  BOOST_TEST(results[0]["suppressions"][0]["kind"] == "inSource");
  BOOST_TEST(results[0]["suppressions"][0]["justification"] == "calendar hours are meant");
  // A comment without a reason: in the source, nothing to justify.
  BOOST_TEST(results[1]["suppressions"][0]["kind"] == "inSource");
  BOOST_TEST(!results[1]["suppressions"][0].contains("justification"));
  // --allow alone: suppressed from outside the contract.
  LintOptions allow;
  allow.allow = {"SLA105"};
  summary.silenced = lint_string("t.sla", R"(priorities { Low "Q"; High "Down" }
calendar office { zone "Asia/Jakarta"; open Mon-Fri 09:00-17:00; open on holidays }
package standard "Standard" { calendar office; respond to all within 8 hours }
)",
                                 allow)
                         .silenced;
  summary.diagnostics.clear();
  const auto external = lint_sarif(summary)["runs"][0]["results"];
  BOOST_TEST_REQUIRE(external.size() == 1u);
  BOOST_TEST(external[0]["suppressions"][0]["kind"] == "external");
}

BOOST_AUTO_TEST_CASE(github_annotations_escape_what_the_runner_parses) {
  const std::string out = github_annotations(sample());
  const std::string first = out.substr(0, out.find('\n'));
  BOOST_TEST(first.starts_with("::warning file=dir/my contract.sla,line=12,col=3,"));
  BOOST_TEST(first.find("title=SLA105 calendar time under office hours::") != std::string::npos);
  // In the message: % -> %25, newline -> %0A; ':' and ',' stay (they are data).
  BOOST_TEST(first.find("50%25 of it, a, b: c%0Anext line%0Ahint: write business hours") !=
             std::string::npos);
  BOOST_TEST(out.find("::error file=") != std::string::npos);
  BOOST_TEST(std::count(out.begin(), out.end(), '\n') == 2);
}
