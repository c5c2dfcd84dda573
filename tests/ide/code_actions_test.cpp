// Quick fixes: each edit applied to the text and the text analyzed again, the
// diagnostic it fixes is gone (and no other error came in its place).
#define BOOST_TEST_MODULE ide_code_actions
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "interpreter/lint/lint_loaded.hpp"
#include "tests/ide/ide_support.hpp"
#include "tools/ide/analysis.hpp"
#include "tools/ide/code_actions.hpp"

using namespace sla;
using namespace sla::ide;
using namespace sla::ide::test;

namespace {

// The shared base of the small contracts below (as docs/lint.md's examples).
const std::string base = R"(priorities {
  Low "Questions"
  High "Production down"
}

calendar office "Weekdays 09:00-17:00" {
  zone "Asia/Jakarta"
  open Mon-Fri 09:00-17:00
  open on holidays
}
)";

std::string apply(std::string text, std::vector<Edit> edits) {
  // From the last to the first, so that earlier offsets stay true.
  std::sort(edits.begin(), edits.end(),
            [](const Edit& a, const Edit& b) { return a.begin > b.begin; });
  for (const auto& e : edits) {
    BOOST_REQUIRE(e.begin <= e.end);
    BOOST_REQUIRE(e.end <= text.size());
    text.replace(e.begin, e.end - e.begin, e.text);
  }
  return text;
}

std::size_t count(const Analysis& a, std::string_view code) {
  return static_cast<std::size_t>(
      std::count_if(a.diagnostics.begin(), a.diagnostics.end(),
                    [&](const Diagnostic& d) { return d.code == code; }));
}

std::size_t index_of(const Analysis& a, std::string_view code) {
  for (std::size_t i = 0; i < a.diagnostics.size(); ++i)
    if (a.diagnostics[i].code == code) return i;
  BOOST_FAIL("no " << code << " in the analysis");
  return 0;
}

// The fixes of the first diagnostic with `code`, asked for at its range.
std::vector<CodeAction> fixes_of(const Analysis& a, std::string_view code) {
  const std::size_t i = index_of(a, code);
  const Location& at = a.diagnostics[i].location;
  std::vector<CodeAction> out;
  for (auto& f : quick_fixes(a, at.offset, at.offset + at.length))
    if (f.diagnostic == i) out.push_back(std::move(f));
  for (const auto& f : out)
    BOOST_TEST_MESSAGE(code << ": " << f.title << (f.preferred ? " (preferred)" : ""));
  return out;
}

const CodeAction* titled(const std::vector<CodeAction>& fixes, std::string_view start) {
  for (const auto& f : fixes)
    if (f.title.starts_with(start)) return &f;
  BOOST_TEST_MESSAGE("no fix titled " << start);
  return nullptr;
}

// A silencing comment's placeholder replaced, as the author does after the fix.
std::string with_reason(std::string text) {
  const std::string placeholder = std::string(" (") + std::string(kReasonPlaceholder) + ")";
  for (std::size_t at; (at = text.find(placeholder)) != std::string::npos;)
    text.replace(at, placeholder.size(), " (the parties agreed)");
  return text;
}

// Applies the fix (a reason given) and analyzes the result: the code is gone and
// nothing is an error.
std::string applied_clean(const Analysis& a, const CodeAction& fix, std::string_view code) {
  const std::string text = with_reason(apply(a.text(), fix.edits));
  const Analysis after = analyze(a.root().name(), text);
  for (const auto& d : after.diagnostics)
    if (d.severity == Severity::error || d.code == code || d.code == "SLA100")
      BOOST_TEST_MESSAGE("after '" << fix.title << "': " << d.code << " " << d.message);
  BOOST_TEST(!has_errors(after.diagnostics));
  BOOST_TEST(count(after, code) == 0u);
  BOOST_TEST(count(after, "SLA100") == 0u);
  return text;
}

// The one preferred "did you mean" fix of the first `code` in `text`, applied.
std::string did_you_mean(const std::string& text, std::string_view code,
                         std::string_view name = "/tmp/fix.sla") {
  const Analysis a = analyze(std::string(name), text);
  const auto fixes = fixes_of(a, code);
  const auto preferred =
      std::find_if(fixes.begin(), fixes.end(), [](const CodeAction& f) { return f.preferred; });
  BOOST_REQUIRE(preferred != fixes.end());
  return applied_clean(a, *preferred, code);
}

}  // namespace

BOOST_AUTO_TEST_CASE(calendar_silent_on_holidays) {
  // No import yet: the fix names the zone's stdlib set and imports it.
  const std::string text = "# Office hours support.\n\n# Lowest first.\n" +
                           base.substr(0, base.find("calendar")) +
                           R"(calendar office "Weekdays 09:00-17:00" {
  zone "Asia/Jakarta"
  open Mon-Fri 09:00-17:00
}

package standard "Standard Support" {
  calendar office
  respond to Low within 8 business hours
  respond to High within 2 business hours
}
)";
  const Analysis a = analyze("/tmp/holidays.sla", text);
  BOOST_REQUIRE(!has_errors(a.diagnostics));
  const auto fixes = fixes_of(a, "SLA111");
  const CodeAction* closed = titled(fixes, "Close calendar on public holidays (id_national)");
  BOOST_REQUIRE(closed);
  BOOST_TEST(closed->edits.size() == 2u);
  const std::string fixed = applied_clean(a, *closed, "SLA111");
  BOOST_TEST(fixed.find("  open Mon-Fri 09:00-17:00\n  closed on holidays id_national\n}") !=
             std::string::npos);
  BOOST_TEST(
      // Above the first item and the comment about it.
      fixed.starts_with(
          "# Office hours support.\n\nimport \"std/holidays/id\"\n\n# Lowest first.\npriorities"));
  const CodeAction* open = titled(fixes, "Keep calendar open on public holidays");
  BOOST_REQUIRE(open);
  BOOST_TEST(applied_clean(a, *open, "SLA111").find("  open on holidays\n}") != std::string::npos);
  const CodeAction* silence = titled(fixes, "Silence SLA111");
  BOOST_REQUIRE(silence);
  BOOST_TEST(!silence->preferred);
  BOOST_TEST(applied_clean(a, *silence, "SLA111")
                 .find("# sla: allow SLA111 (the parties agreed)\ncalendar office") !=
             std::string::npos);
  // Left as the fix wrote it, the placeholder is no reason: the lint says so.
  const Analysis unexplained = analyze(a.root().name(), apply(a.text(), silence->edits));
  BOOST_TEST(count(unexplained, "SLA111") == 0u);
  BOOST_REQUIRE(count(unexplained, "SLA100") == 1u);
  BOOST_TEST(unexplained.diagnostics[index_of(unexplained, "SLA100")].message.find(
                 "still the placeholder") != std::string::npos);

  // With the import there already, and the block on one line: one edit, on the line.
  const std::string one_line =
      "import \"std/holidays/id\"\n" + base.substr(0, base.find("calendar")) +
      "calendar office \"Office\" { zone \"Asia/Jakarta\" open Mon-Fri 09:00-17:00 }\n"
      "package standard \"Standard Support\" {\n  calendar office\n"
      "  respond to Low within 8 business hours\n  respond to High within 2 business hours\n}\n";
  const Analysis b = analyze("/tmp/holidays.sla", one_line);
  const auto fixes_b = fixes_of(b, "SLA111");
  const CodeAction* again = titled(fixes_b, "Close calendar");
  BOOST_REQUIRE(again);
  BOOST_TEST(again->edits.size() == 1u);
  BOOST_TEST(
      applied_clean(b, *again, "SLA111").find("09:00-17:00 closed on holidays id_national }") !=
      std::string::npos);
}

BOOST_AUTO_TEST_CASE(did_you_mean_replaces_the_word) {
  const std::string package =
      "package standard \"Standard Support\" {\n  calendar office\n"
      "  respond to Low within 8 business hours\n  respond to High within 2 business hours\n}\n";
  auto with = [&](std::string_view from, std::string_view to) {
    std::string text = base + package;
    const std::size_t at = text.find(from);
    BOOST_REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
  };
  // A keyword (SLA001), a statement (SLA002), a calendar (SLA021), a priority (SLA035).
  BOOST_TEST(did_you_mean(with("Low within", "Low withn"), "SLA001").find("Low within 8") !=
             std::string::npos);
  BOOST_TEST(did_you_mean(with("  respond to High", "  respnd to High"), "SLA002")
                 .find("respond to High") != std::string::npos);
  BOOST_TEST(did_you_mean(with("  calendar office\n", "  calendar ofice\n"), "SLA021")
                 .find("calendar office\n") != std::string::npos);
  BOOST_TEST(
      did_you_mean(with("respond to High", "respond to Hgih"), "SLA035").find("respond to High") !=
      std::string::npos);
  // A time zone: the string's text.
  BOOST_TEST(
      did_you_mean(with("Asia/Jakarta", "Asia/Jakrta"), "SLA032").find("zone \"Asia/Jakarta\"") !=
      std::string::npos);
  // A value with its unit: the number and the unit together.
  BOOST_TEST(did_you_mean(with("8 business hours", "8 business hrs"), "SLA001")
                 .find("Low within 8 business hours\n") != std::string::npos);
  BOOST_TEST(
      did_you_mean(with("2 business hours", "2 hrs"), "SLA001").find("High within 2 hours\n") !=
      std::string::npos);
  BOOST_TEST(did_you_mean(with("2 business hours", "1,5 business hours"), "SLA001")
                 .find("within 1.5 business hours\n") != std::string::npos);
  BOOST_TEST(
      did_you_mean(with("2 business hours", "90 min"), "SLA001").find("within 90 minutes\n") !=
      std::string::npos);
  // A stdlib module: the closest one.
  BOOST_TEST(did_you_mean("import \"std/holidays/idn\"\n" + base + package, "SLA010")
                 .starts_with("import \"std/holidays/id\"\n"));
  // A lint comment's verb (SLA100): the word in the comment.
  BOOST_TEST(
      did_you_mean(
          with("  respond to High within 2 business hours",
               "  # sla: alow SLA105 (calendar hours are meant)\n  respond to High within 2 hours"),
          "SLA100")
          .find("# sla: allow SLA105 (calendar") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(hints_that_name_the_statement) {
  const std::string package =
      "package standard \"Standard Support\" {\n  calendar office\n"
      "  respond to Low within 8 business hours\n  respond to High within 2 hours\n}\n";
  // SLA105: business hours, or calendar time said outright.
  const Analysis a = analyze("/tmp/fix.sla", base + package);
  const auto fixes = fixes_of(a, "SLA105");
  const CodeAction* business = titled(fixes, "Write '2 business hours'");
  const CodeAction* calendar = titled(fixes, "Write '2 calendar hours'");
  BOOST_REQUIRE(business);
  BOOST_REQUIRE(calendar);
  BOOST_TEST(applied_clean(a, *business, "SLA105").find("High within 2 business hours\n") !=
             std::string::npos);
  applied_clean(a, *calendar, "SLA105");

  // SLA115: a price and its period.
  const std::string addon =
      "package standard \"Standard Support\" {\n  calendar office\n"
      "  respond to Low within 8 business hours\n  respond to High within 2 business hours\n}\n"
      "addon fast \"Fast\" {\n  requires standard\n  price EUR 8000 (\"EUR 8000\")\n"
      "  respond to High within 1 business hour\n}\n";
  const Analysis b = analyze("/tmp/fix.sla", base + addon);
  const auto fixes_b = fixes_of(b, "SLA115");
  const CodeAction* yearly = titled(fixes_b, "Add the period: per year");
  BOOST_REQUIRE(yearly);
  BOOST_TEST(applied_clean(b, *yearly, "SLA115").find("price EUR 8000 per year (\"EUR 8000\")") !=
             std::string::npos);

  // SLA109: "add: measured monthly", in the uptime block.
  const std::string uptime =
      "package standard \"Standard Support\" {\n  calendar office\n"
      "  respond to Low within 8 business hours\n  respond to High within 2 business hours\n"
      "  uptime \"Chat\" {\n    target 99 %\n    best effort\n  }\n}\n";
  const Analysis c = analyze("/tmp/fix.sla", base + uptime);
  const auto fixes_c = fixes_of(c, "SLA109");
  const CodeAction* measured = titled(fixes_c, "Add 'measured monthly'");
  BOOST_REQUIRE(measured);
  BOOST_TEST(
      applied_clean(c, *measured, "SLA109").find("    best effort\n    measured monthly\n  }") !=
      std::string::npos);

  // SLA023: a calendar without its zone (an error: no Model, the tree answers).
  std::string zoneless = base + "package standard \"Standard Support\" {\n  calendar office\n}\n";
  zoneless.erase(zoneless.find("  zone \"Asia/Jakarta\"\n"), 22);
  const Analysis d = analyze("/tmp/fix.sla", zoneless);
  const auto fixes_d = fixes_of(d, "SLA023");
  const CodeAction* zone = titled(fixes_d, "Add 'zone \"Asia/Jakarta\"'");
  BOOST_REQUIRE(zone);
  applied_clean(d, *zone, "SLA023");
}

BOOST_AUTO_TEST_CASE(every_fix_of_qiscus_fixes_its_finding) {
  const Analysis a = analyze(qiscus_path, qiscus_text());
  BOOST_REQUIRE(a.model);
  std::size_t silenced = 0, fixed = 0;
  for (std::size_t i = 0; i < a.diagnostics.size(); ++i) {
    const Diagnostic& d = a.diagnostics[i];
    if (d.location.file != a.root().name()) continue;
    BOOST_TEST_MESSAGE(d.code << " " << d.location.line << ": " << d.message << " [" << d.hint
                              << "]");
    bool silence = false;
    for (const auto& fix : quick_fixes(a, d.location.offset, d.location.offset)) {
      if (fix.diagnostic != i) continue;
      BOOST_TEST_MESSAGE("  " << fix.title);
      silence = silence || fix.title == "Silence " + d.code + " with a reason";
      // Each fix takes away this finding (one of its code) and brings no error.
      const Analysis after = analyze(qiscus_path, with_reason(apply(a.text(), fix.edits)));
      BOOST_TEST(!has_errors(after.diagnostics), fix.title);
      BOOST_TEST(count(after, d.code) < count(a, d.code), fix.title);
      BOOST_TEST(count(after, "SLA100") == 0u, fix.title);
      ++fixed;
    }
    BOOST_TEST(silence, d.code << " at line " << d.location.line);
    silenced += silence;
  }
  BOOST_TEST(silenced > 10u);
  BOOST_TEST(fixed > silenced);
  // Only the diagnostics that touch the range asked about.
  BOOST_TEST(quick_fixes(a, 0, 0).empty());
}
