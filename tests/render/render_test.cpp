// sla render: the Qiscus contract's Markdown against its golden file, and the
// properties every render must keep (escaping, a self-contained and accessible
// HTML file, the coverage chart's hours, byte-identical output).
// SLA_UPDATE_GOLDEN=1 rewrites the golden files for review instead of comparing.
#define BOOST_TEST_MODULE render
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "interpreter/time/calendar.hpp"
#include "sla/lint.hpp"
#include "sla/load.hpp"
#include "tools/document/clause_index.hpp"
#include "tools/document/contract_document.hpp"
#include "tools/document/coverage_chart.hpp"
#include "tools/document/escape.hpp"
#include "tools/document/html_writer.hpp"
#include "tools/document/markdown_writer.hpp"
#include "tools/wording/wording.hpp"

namespace fs = std::filesystem;
using namespace sla;
using namespace sla::cli;

namespace {

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Loads with a path relative to the project root, as a user would, so that the
// output is the same wherever the tests run.
struct AtRoot {
  fs::path before = fs::current_path();
  AtRoot() { fs::current_path(SLA_SOURCE_DIR); }
  ~AtRoot() { fs::current_path(before); }
};

std::shared_ptr<const Model> load(const std::string& relative) {
  LoadResult r = load_file(relative);
  BOOST_TEST_REQUIRE(r.ok(), relative << " does not load");
  return r.model;
}

void golden(const std::string& name, const std::string& actual,
            const fs::path& folder = "tests/render/golden") {
  const fs::path path = fs::path(SLA_SOURCE_DIR) / folder / name;
  if (std::getenv("SLA_UPDATE_GOLDEN")) {
    std::ofstream(path, std::ios::binary) << actual;
    return;
  }
  const std::string expected = read_text(path);
  BOOST_TEST_REQUIRE(!expected.empty(), path.string() << " is missing");
  if (actual == expected) return;
  // Name the first line that differs, not a wall of text.
  std::istringstream a(actual), e(expected);
  std::string la, le;
  for (int line = 1;; ++line) {
    const bool more_a = static_cast<bool>(std::getline(a, la));
    const bool more_e = static_cast<bool>(std::getline(e, le));
    if (!more_a && !more_e) break;
    if (la != le || more_a != more_e) {
      BOOST_ERROR(name << ":" << line << ": expected\n  " << le << "\nbut rendered\n  " << la
                       << "\n(SLA_UPDATE_GOLDEN=1 rewrites the golden file)");
      return;
    }
  }
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

BOOST_AUTO_TEST_CASE(qiscus_markdown_matches_golden) {
  AtRoot root;
  auto model = load("contracts/qiscus-enterprise.sla");
  golden("qiscus-enterprise.md", markdown(contract_document(*model)));
}

// The rendered example in docs/ is what the renderer makes today (its screenshot,
// docs/qiscus-enterprise.png, is retaken by hand: see docs/README.md).
BOOST_AUTO_TEST_CASE(docs_example_is_current) {
  AtRoot root;
  auto model = load("contracts/qiscus-enterprise.sla");
  golden("qiscus-enterprise.html", html(contract_document(*model)), "docs");
}

BOOST_AUTO_TEST_CASE(qiscus_premium_with_lint_matches_golden) {
  AtRoot root;
  auto model = load("contracts/qiscus-enterprise.sla");
  LintResult lint = lint_file("contracts/qiscus-enterprise.sla");
  RenderOptions options;
  options.package = "premium";
  options.findings = &lint.diagnostics;
  golden("qiscus-premium-lint.md", markdown(contract_document(*model, options)));
}

BOOST_AUTO_TEST_CASE(edge_cases_match_golden) {
  AtRoot root;
  auto model = load("tests/render/edge.sla");
  golden("edge.md", markdown(contract_document(*model)));
}

BOOST_AUTO_TEST_CASE(markdown_says_what_a_reader_needs) {
  AtRoot root;
  const std::string md = markdown(contract_document(*load("contracts/qiscus-enterprise.sla")));
  for (const char* term :
       {"Premium Support", "Critical", "1 business hour", "4 business hours", "Asia/Jakarta",
        "IDR 216,000,000", "IDR 420,000,000", "IDR 100,000,000", "99 %", "Account Manager",
        "WhatsApp", "Force majeure", "status.qiscus.com", "\u201cWithin 4 hours\u201d", "line 101",
        "Best effort", "Committed", "Around the clock", "Operating hours only"})
    BOOST_TEST(md.find(term) != std::string::npos, "the Markdown lacks: " << term);
  // Prose for lawyers: no braces, no package ids outside code spans.
  std::istringstream lines(md);
  bool in_code = false;
  for (std::string line; std::getline(lines, line);) {
    if (line.starts_with("```")) in_code = !in_code;
    if (in_code || line.starts_with("|")) continue;
    BOOST_TEST(line.find_first_of("{}") == std::string::npos, line);
    BOOST_TEST(line.find("dedicated_24x7") == std::string::npos, line);
    BOOST_TEST(line.find("office_hours") == std::string::npos, line);
  }
  // Every example worked out agrees with the rules.
  BOOST_TEST(count(md, "The rules produce exactly this result.") == 13u);
  BOOST_TEST(md.find("Caution") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(contract_words_are_escaped) {
  AtRoot root;
  const doc::Document d = contract_document(*load("tests/render/edge.sla"));
  const std::string md = markdown(d);
  BOOST_TEST(md.find("Questions \\| minor issues") != std::string::npos);
  BOOST_TEST(md.find("Production \\<down\\>") != std::string::npos);
  BOOST_TEST(md.find("The \\*customer\\*; see \\[terms\\] and \\<b\\>bold\\</b\\>") !=
             std::string::npos);
  BOOST_TEST(md.find("<b>") == std::string::npos);
  const std::string page = html(d);
  BOOST_TEST(page.find("<title>Night | Desk &lt;Support&gt;</title>") != std::string::npos);
  BOOST_TEST(page.find("Acme &amp; Sons") != std::string::npos);
  BOOST_TEST(page.find("Production &lt;down&gt;") != std::string::npos);
  BOOST_TEST(page.find("<b>") == std::string::npos);
  BOOST_TEST(page.find("<down>") == std::string::npos);
  BOOST_TEST(markdown_escape("1. first", false, true) == "1\\. first");
  BOOST_TEST(markdown_escape("version 2025.1") == "version 2025.1");
  BOOST_TEST(markdown_escape("a|b\nc", true) == "a\\|b c");
  BOOST_TEST(html_escape("\"'&<>") == "&quot;&#39;&amp;&lt;&gt;");
}

BOOST_AUTO_TEST_CASE(an_example_the_rules_disagree_with_is_flagged) {
  AtRoot root;
  const std::string md = markdown(contract_document(*load("tests/render/edge.sla")));
  BOOST_TEST(md.find("the rules do not produce this result. By the rules, the response is due on "
                     "Tuesday 13 January 2026 at 01:00.") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(coverage_crosses_midnight) {
  CalendarSpec spec;
  spec.zone = "Europe/Berlin";
  // Sunday 22:00-06:00 goes on into Monday morning; Friday 20:00-24:00 stays on Friday.
  spec.weekly[0] = {{std::chrono::hours(22), std::chrono::hours(30)}};
  spec.weekly[5] = {{std::chrono::hours(20), std::chrono::hours(24)}};
  spec.weekly[1] = {{std::chrono::hours(5), std::chrono::hours(9)}};
  const WeeklyCoverage c = weekly_coverage(spec, "Europe/Berlin time");
  using Spans = std::vector<std::pair<int, int>>;
  BOOST_TEST((c.open[0] == Spans{{0, 540}}));      // Monday: 00:00-06:00 merged with 05:00-09:00
  BOOST_TEST((c.open[4] == Spans{{1200, 1440}}));  // Friday
  BOOST_TEST((c.open[6] == Spans{{1320, 1440}}));  // Sunday
  BOOST_TEST(c.open[5].empty());
  const std::string text = coverage_text(c);
  BOOST_TEST(text.find("Mon  \u2588\u2588\u2588\u2588") != std::string::npos);
  const std::string svg = coverage_svg(c, "c1", "Hours <night>", "Open at night");
  BOOST_TEST(svg.find("<title id=\"c1-title\">Hours &lt;night&gt;</title>") != std::string::npos);
  BOOST_TEST(svg.find("<desc id=\"c1-desc\">Open at night</desc>") != std::string::npos);
  BOOST_TEST(svg.find("aria-labelledby=\"c1-title c1-desc\"") != std::string::npos);
  // Sunday 22:00: x = 48 + 22 * 24 = 576, 2 hours wide = 48.
  BOOST_TEST(svg.find("x=\"576\" y=\"202\" width=\"48\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(html_is_self_contained_accessible_and_deterministic) {
  AtRoot root;
  auto model = load("contracts/qiscus-enterprise.sla");
  const std::string page = html(contract_document(*model));
  BOOST_TEST(page == html(contract_document(*model)));
  BOOST_TEST(page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
  BOOST_TEST(count(page, "<h1") == 1u);
  BOOST_TEST(!std::regex_search(page, std::regex("(src|href)=\"(https?:)?//")));
  BOOST_TEST(page.find("<script") == std::string::npos);
  BOOST_TEST(page.find("<img") == std::string::npos);
  BOOST_TEST(page.find("@import") == std::string::npos);
  BOOST_TEST(page.find("url(") == std::string::npos);
  BOOST_TEST(count(page, "<th>") == 0u);
  BOOST_TEST(count(page, "<th ") ==
             count(page, "<th scope=\"col\">") + count(page, "<th scope=\"row\">"));
  BOOST_TEST(count(page, "<svg") == 4u);  // Basic, Premium, the 8x7 and 24x7 add-ons
  BOOST_TEST(count(page, "<svg") == count(page, "<desc id="));
  BOOST_TEST(count(page, "class=\"new-page\"") >= 6u);
  // Headings go down one level at a time.
  int previous = 1;
  const std::regex heading("<h([1-6])[ >]");
  for (auto it = std::sregex_iterator(page.begin(), page.end(), heading);
       it != std::sregex_iterator(); ++it) {
    const int level = std::stoi((*it)[1]);
    BOOST_TEST(level <= previous + 1, "h" << level << " after h" << previous);
    previous = level;
  }
}

BOOST_AUTO_TEST_CASE(one_package) {
  AtRoot root;
  RenderOptions options;
  options.package = "basic";
  const std::string md =
      markdown(contract_document(*load("contracts/qiscus-enterprise.sla"), options));
  BOOST_TEST(md.find("## 4. Basic Support") != std::string::npos);
  BOOST_TEST(md.find("Premium Support (line") == std::string::npos);
  // The add-ons all require Premium: Basic cannot take them.
  BOOST_TEST(md.find("Add-on:") == std::string::npos);
  BOOST_TEST(md.find("Basic: best effort within two business days") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_clause_index_reads_cr_only_files_line_by_line) {
  // Old Mac line ends: the comment on line 1 must end at its CR, and each
  // statement keeps its own line and label.
  const fs::path dir = fs::temp_directory_path() / "sla-render-cr-only";
  fs::create_directories(dir);
  const fs::path file = dir / "cr.sla";
  std::ofstream(file, std::ios::binary)
      << "# terms\rcontract \"T\" { provider \"P\"; version \"1\"; effective 2026-01-01 }\r"
         "calendar office {\r  zone \"UTC\" (\"GMT\")\r  open Mon-Fri 09:00-17:00\r}\r"
         "priorities { Low \"l\" }\r"
         "package p \"P\" {\r  calendar office\r  price IDR 5 million per year (\"5 jt\")\r}\r";
  const LoadResult r = load_file(file.string());
  BOOST_REQUIRE(r.ok());
  const ClauseIndex index(*r.model);
  const auto zone = index.find("office", ast::Kind::zone);
  BOOST_REQUIRE(zone.has_value());
  BOOST_TEST(zone->at.line == 4u);
  BOOST_TEST(zone->label == "GMT");
  const auto price = index.find("p", ast::Kind::price);
  BOOST_REQUIRE(price.has_value());
  BOOST_TEST(price->at.line == 10u);
  BOOST_TEST(price->at.column == 3u);
  BOOST_TEST(price->label == "5 jt");
  fs::remove_all(dir);
}

// ------------------------------------------------------------------ the newer forms
// Per-target calendars, union calendars, relative deadlines, updates, restorations,
// conditions and tickets without a priority, escalation ladders per priority,
// ticket credits and attributes: each stated in words, with its line.

namespace {

// The text a reader sees in the HTML: tags dropped, the entities the writer uses
// turned back into characters, runs of white space made one space.
std::string visible_text(std::string page) {
  page = std::regex_replace(page, std::regex("<style[\\s\\S]*?</style>"), " ");
  page = std::regex_replace(page, std::regex("<[^>]+>"), "");
  for (const auto& [entity, c] : {std::pair<std::string, std::string>{"&lt;", "<"},
                                  {"&gt;", ">"},
                                  {"&quot;", "\""},
                                  {"&#39;", "'"},
                                  {"&amp;", "&"}})
    for (auto at = page.find(entity); at != std::string::npos; at = page.find(entity, at + 1))
      page.replace(at, entity.size(), c);
  return std::regex_replace(page, std::regex("\\s+"), " ");
}

// The first Markdown table row whose heading cell is `heading`, after `after`.
std::string row(const std::string& md, const std::string& heading, const std::string& after = {}) {
  const auto from = md.find(after);
  if (from == std::string::npos) return {};
  const auto at = md.find("| **" + heading + "** |", from);
  if (at == std::string::npos) return {};
  return md.substr(at, md.find('\n', at) - at);
}

bool has(const std::string& text, const std::string& what) {
  return text.find(what) != std::string::npos;
}

}  // namespace

BOOST_AUTO_TEST_CASE(targets_on_other_calendars_are_named_in_the_hours_and_tables) {
  AtRoot root;
  const doc::Document d = contract_document(*load("contracts/govuk-pay.sla"));
  const std::string md = markdown(d);
  const std::string page = html(d);
  const std::string text = visible_text(page);
  // The hours section says which targets run on other hours, with their lines.
  BOOST_TEST(
      has(md,
          "- **5.2.5** **P1 responses and updates**: on calendar `around_the_clock` (\u201cAt any "
          "time, bank holidays included\u201d), open 24 hours a day, 7 days a week. "
          "_(line 130)_"));
  BOOST_TEST(has(md, "- **5.2.6** **P2 responses and updates**: on calendar `waking_hours`"));
  BOOST_TEST(has(md, "### 5.3 Hours for P1 responses and updates _(line 97)_"));
  BOOST_TEST(has(md, "### 5.4 Hours for P2 responses and updates _(line 90)_"));
  // The package chart, and one chart for each other calendar, saying whose hours.
  BOOST_TEST(count(page, "<svg") == 3u);
  BOOST_TEST(has(page,
                 "Other hours apply to: P1 responses and updates: on calendar "
                 "around_the_clock"));
  BOOST_TEST(has(page,
                 "<title id=\"coverage-2-title\">Weekly hours for P1 responses and updates "
                 "under GOV.UK Pay partner support</title>"));
  // The table rows: the calendar of each target, never "Operating hours only" for one
  // that runs on another calendar, nor "Around the clock" for a relative deadline.
  BOOST_TEST(row(md, "P1", "| Priority | Response time |") ==
             "| **P1** | **30 minutes** | Around the clock, on calendar "
             "`around_the_clock` (\u201cAt any time, bank holidays "
             "included\u201d) | Committed | \u201c30 minutes (at any time)\u201d "
             "| 5.6.4 _(line 130)_ |");
  BOOST_TEST(has(row(md, "P2", "| Priority | Response time |"),
                 "| **60 business minutes** | Only the open hours of calendar "
                 "`waking_hours`"));
  BOOST_TEST(row(md, "P3", "| Priority | Response time |") ==
             "| **P3** | **By the end of the next business day** | Business "
             "days of the operating hours | Committed | \u201c1 business day or "
             "next working day\u201d | 5.6.2 _(line 139)_ |");
  BOOST_TEST(has(text,
                 "Around the clock, on calendar around_the_clock (\u201cAt any time, bank "
                 "holidays included\u201d)"));
  BOOST_TEST(has(md,
                 "Response: P1 30 minutes, P2 60 business minutes, P3 by end of next business "
                 "day and P4 2 business days (committed)"));
}

BOOST_AUTO_TEST_CASE(a_union_calendar_shows_its_members_hours) {
  AtRoot root;
  const std::string md = markdown(contract_document(*load("contracts/govuk-pay.sla")));
  BOOST_TEST(has(md,
                 "Support operates whenever one of its 2 calendars is open: \u201cMonday to "
                 "Friday 09:30-17:30 (London)\u201d or \u201cWeekends and bank holidays "
                 "09:00-17:00 (London)\u201d. Together they are open **Monday to Friday, "
                 "09:30\u201317:30; Saturday and Sunday, 09:00\u201317:00**."));
  BOOST_TEST(has(md,
                 "**Weekends and bank holidays 09:00-17:00 (London)** (calendar "
                 "`rest_day_daytime`): Saturday and Sunday, 09:00\u201317:00, Europe/London "
                 "time"));
  BOOST_TEST(has(md, "- Friday 3 April 2026: open 09:00\u201317:00 (Good Friday)"));
  BOOST_TEST(has(md,
                 "One business day is 8 hours of operating time (the length its members "
                 "share). _(line 90)_"));
  BOOST_TEST(has(md,
                 "Sat  \u00b7\u00b7\u00b7\u00b7\u00b7\u00b7\u00b7\u00b7\u00b7\u00b7\u00b7"
                 "\u00b7\u00b7\u00b7\u00b7\u00b7\u00b7\u00b7\u2588"));
  // A follow-the-sun desk across three zones: one stretch of hours, in the union's zone.
  const std::string gitlab =
      markdown(contract_document(*load("contracts/gitlab-priority-support.sla")));
  BOOST_TEST(has(gitlab,
                 "Together they are open **from Sunday 13:00 to Friday 18:00, without a "
                 "break** (as in the week of Monday 12 January 2026; the members keep "
                 "their own time zones"));
  BOOST_TEST(has(gitlab,
                 "(calendar `amer_desk`): Monday to Friday, 08:00\u201318:00, "
                 "America/Los\\_Angeles time"));
  BOOST_TEST(!has(gitlab, "no regular opening hours"));
  BOOST_TEST(!has(gitlab, "closed on every day"));
}

BOOST_AUTO_TEST_CASE(a_union_week_is_sampled_in_its_own_zone) {
  // Jakarta 09:00-17:00 and Amsterdam 09:00-17:00 on weekdays, on Jakarta time in
  // January: 09:00-23:00, Amsterdam's day being 15:00-23:00 in Jakarta.
  auto desk = [](const char* zone) {
    CalendarSpec spec;
    spec.zone = zone;
    for (int d = 1; d <= 5; ++d) spec.weekly[d] = {{std::chrono::hours(9), std::chrono::hours(17)}};
    return std::make_shared<const Calendar>(spec);
  };
  CalendarSpec spec;
  spec.zone = "Asia/Jakarta";
  spec.members = {desk("Asia/Jakarta"), desk("Europe/Amsterdam")};
  const Calendar union_of(spec);
  const date::local_days monday{date::year(2026) / 1 / 12};
  const WeeklyCoverage c = sampled_coverage(union_of, monday, "Asia/Jakarta time");
  using Spans = std::vector<std::pair<int, int>>;
  BOOST_TEST((c.open[0] == Spans{{540, 1380}}));
  BOOST_TEST((c.open[4] == Spans{{540, 1380}}));
  BOOST_TEST(c.open[5].empty());
  BOOST_TEST(coverage_words(c) == "Monday to Friday, 09:00\u201323:00");
  // Hours that run on across midnight are one stretch.
  WeeklyCoverage week;
  week.open[6] = {{900, 1440}};
  for (int d = 0; d < 4; ++d) week.open[d] = {{0, 1440}};
  week.open[4] = {{0, 1080}};
  BOOST_TEST(coverage_words(week) == "from Sunday 15:00 to Friday 18:00, without a break");
}

BOOST_AUTO_TEST_CASE(updates_restorations_and_conditions_are_in_the_tables) {
  AtRoot root;
  const std::string md = markdown(contract_document(*load("contracts/govuk-pay.sla")));
  BOOST_TEST(has(md, "### 5.6 Response, resolution and update times"));
  BOOST_TEST(row(md, "P4").empty() == false);
  BOOST_TEST(has(md,
                 "| **P1** | **An update at least every 1 hour** | Around the clock, on "
                 "calendar `around_the_clock`"));
  BOOST_TEST(has(md,
                 "| **P4** | **An update at least every 1 week** | Around the clock | "
                 "Committed | \u201cweekly\u201d | 5.6.7 _(line 152)_ |"));
  BOOST_TEST(row(md, "P1, where route is \u201ce-mail\u201d") ==
             "| **P1, where route is \u201ce-mail\u201d** | **30 business minutes** | Operating "
             "hours only | Committed | \u2014 | 5.6.5 _(line 134)_ |");
  BOOST_TEST(row(md, "Any ticket where kind is \u201cfeedback\u201d (any priority, or none)") ==
             "| **Any ticket where kind is \u201cfeedback\u201d (any priority, or none)** | **2 "
             "business days (16 business hours)** | Operating hours only | Best effort | \u2014 | "
             "5.6.6 _(line 143)_ |");
  BOOST_TEST(has(md,
                 "A ticket may also have no priority. Such a ticket is judged only by the "
                 "targets stated for any ticket with a condition on an attribute (responses to "
                 "tickets where kind is \u201cfeedback\u201d"));
  BOOST_TEST(has(md,
                 "A deadline \u201cby the end of the next business day\u201d is the desk\u2019s "
                 "last closing time on that day."));
  BOOST_TEST(has(md, "Updates are owed from the first response until the resolution"));

  const std::string servers = markdown(contract_document(*load("contracts/servers-australia.sla")));
  BOOST_TEST(has(servers, "### 5.5 Response, resolution and restoration times"));
  BOOST_TEST(
      row(servers,
          "Any ticket where fault is \u201chardware failure\u201d (any priority, or "
          "none)") ==
      "| **Any ticket where fault is \u201chardware failure\u201d (any priority, or none)** "
      "| **30 minutes** | Around the clock, on calendar `around_the_clock` (\u201c24 hours a "
      "day, 365 days a year (Sydney)\u201d) | Committed | \u201creplaced within 30 Minutes "
      "of identifying the problem\u201d | 5.5.5 _(line 99)_ |");
  BOOST_TEST(has(servers,
                 "| **Enquiry** | **By the end of the next business day** | Business days "
                 "of the operating hours | Best effort |"));
  BOOST_TEST(has(servers, "| **Service** | No time set, except where a condition below applies |"));
  BOOST_TEST(has(servers, "The restoration time ends when the service is restored"));

  const std::string idcf = markdown(contract_document(*load("contracts/idcf-managed-switch.sla")));
  BOOST_TEST(has(idcf,
                 "| **By 12:00 on the next business day** | Business days of the operating "
                 "hours | Best effort |"));
  BOOST_TEST(has(idcf, "| **S1, where cause is \u201chardware\u201d** | **10 hours** |"));
}

BOOST_AUTO_TEST_CASE(each_escalation_ladder_has_its_table) {
  AtRoot root;
  const doc::Document d = contract_document(*load("contracts/govuk-pay.sla"));
  const std::string md = markdown(d);
  const std::string page = html(d);
  BOOST_TEST(has(page, "<caption>Escalation of P1 tickets</caption>"));
  BOOST_TEST(has(page, "<caption>Escalation of every other ticket</caption>"));
  BOOST_TEST(has(md,
                 "**P1 tickets.** Who handles one of these tickets depends on how long it has "
                 "waited since it was raised, counted around the clock. _(line 158)_"));
  BOOST_TEST(has(md, "**Every other ticket (P4, P3 and P2, and tickets without a priority).**"));
  BOOST_TEST(row(md, "From 4 hours on") ==
             "| **From 4 hours on** | **Head of GOV.UK Pay** | \u2014 | \u2014 | While the ticket "
             "is not resolved, even after a response | an incident open this long is reported to "
             "the service's leadership | 5.8.4 _(line 161)_ |");
  BOOST_TEST(has(md, "| **From 1 business day on** | **Delivery manager** |"));
  BOOST_TEST(has(md,
                 "Escalation: P1 tickets: On-call engineer (via PagerDuty), Incident lead (via "
                 "PagerDuty) then Head of GOV.UK Pay; other tickets: Support rota engineer "
                 "(via Zendesk) then Delivery manager"));
  const std::string gitlab =
      markdown(contract_document(*load("contracts/gitlab-priority-support.sla")));
  BOOST_TEST(has(gitlab,
                 "Each ticket climbs the escalation ladder for its priority. Low, Normal "
                 "and High tickets, and tickets without a priority, are not escalated."));
  BOOST_TEST(has(gitlab,
                 "| **From 1 hour on** | **Development on-call** | \u2014 | Slack | While "
                 "the ticket is not resolved, even after a response |"));
}

BOOST_AUTO_TEST_CASE(ticket_credits_and_attributes_are_stated) {
  AtRoot root;
  const std::string servers = markdown(contract_document(*load("contracts/servers-australia.sla")));
  BOOST_TEST(has(servers, "### 5.7 Service credits for missed targets"));
  BOOST_TEST(row(servers, "Each Service ticket whose response is late") ==
             "| **Each Service ticket whose response is late** | **2 % of the month\u2019s fee** | "
             "5.7.1 _(line 107)_ |");
  BOOST_TEST(row(servers, "Each ticket, of any priority or none, whose restoration is late") ==
             "| **Each ticket, of any priority or none, whose restoration is late** | **1.5 % of "
             "the month\u2019s fee** | 5.7.2 _(line 108)_ |");
  BOOST_TEST(has(servers,
                 "The credits of one month, for missed targets and uptime together, are "
                 "at most **100 % of the month\u2019s fee**. _(line 110)_"));
  BOOST_TEST(has(servers,
                 "Service credits: 2 % per late Service response and 1.5 % per late "
                 "restoration; at most 100 % a month"));
  BOOST_TEST(has(servers, "## 3. Ticket attributes"));
  BOOST_TEST(
      has(servers,
          "- **3.1** **fault**: Its values: \u201chardware failure\u201d, \u201cnetwork\u201d "
          "and \u201csoftware\u201d. Targets that depend on it: restorations of "
          "tickets where fault is \u201chardware failure\u201d under Hosting "
          "support. _(line 78)_"));
  // Only a cap: said so, with its line.
  const std::string asi = markdown(contract_document(*load("contracts/asi-xcpep.sla")));
  BOOST_TEST(has(asi, "Limit on service credits"));
  BOOST_TEST(has(asi, "are at most **50 % of the month\u2019s fee**. _(line 104)_"));
  const std::string govuk = markdown(contract_document(*load("contracts/govuk-pay.sla")));
  BOOST_TEST(has(govuk,
                 "- **3.1** **route**: Its values: \u201cP1 route\u201d and \u201ce-mail\u201d. "
                 "Targets that depend on it: responses to P1 tickets where route is "
                 "\u201ce-mail\u201d under GOV.UK Pay partner support. _(line 114)_"));
}

BOOST_AUTO_TEST_CASE(examples_with_the_newer_forms_are_worked_out) {
  AtRoot root;
  const std::string md = markdown(contract_document(*load("contracts/govuk-pay.sla")));
  BOOST_TEST(count(md, "The rules produce exactly this result.") == 14u);
  BOOST_TEST(!has(md, "Caution"));
  BOOST_TEST(!has(md, "names no"));
  BOOST_TEST(!has(md, "There is no update time"));
  // A ticket's attributes and updates are part of the scenario.
  BOOST_TEST(has(md, "Its route is \u201ce-mail\u201d."));
  BOOST_TEST(has(md, "A ticket without a priority is raised on Friday 5 June 2026 at 16:30"));
  BOOST_TEST(has(md,
                 "Updates are given on Tuesday 12 May 2026 at 15:00 and Tuesday 12 May 2026 "
                 "at 16:30."));
  // An update target: the gaps, the one too long, the update that did not come.
  BOOST_TEST(has(md,
                 "The gaps are 50 minutes, 1 hour 30 minutes and 30 minutes. The gap from "
                 "15:00 to 16:30 is longer than 1 hour: the update due on Tuesday 12 May 2026 "
                 "at 16:00 did not come in time"));
  BOOST_TEST(has(md,
                 "No gap is longer than 1 hour, and the ticket is resolved: the update time "
                 "is in time (met)."));
  BOOST_TEST(count(md, "The update time for P1 tickets is an update at least every 1 hour") == 2u);
  // A relative deadline: the next business day, and the days skipped.
  BOOST_TEST(has(md,
                 "the next business day, the first later day on which the desk opens, is "
                 "Tuesday 7 April (Good Friday on Friday 3 April; Easter Monday on Monday 6 "
                 "April; Saturday and Sunday have no operating hours)."));
  // A target on its own calendar is walked over that calendar's hours.
  BOOST_TEST(has(md,
                 "counted only in the open hours of calendar \u201cWaking hours: in hours, "
                 "and 09:00-17:00 on weekends and bank holidays\u201d (clause 5.2.6). The desk is "
                 "open when the ticket is raised, so the clock starts at once. 30 minutes count "
                 "on Saturday 14 February, 16:30\u201317:00"));
  BOOST_TEST(has(md, "(The clocks change in between, from UTC+00:00 to UTC+01:00.)"));
  // A "when not resolved" step reached after the response.
  BOOST_TEST(has(md,
                 "The escalation table for P1 tickets names the Head of GOV.UK Pay after 4 "
                 "hours, while the ticket is not resolved (clause 5.8.4)."));
  BOOST_TEST(has(md, "does not stop this step"));

  const std::string servers = markdown(contract_document(*load("contracts/servers-australia.sla")));
  BOOST_TEST(!has(servers, "Caution"));
  BOOST_TEST(has(servers,
                 "The restoration time for tickets without a priority where fault is "
                 "\u201chardware failure\u201d is 30 minutes"));
  BOOST_TEST(has(servers,
                 "resolved without a restoration time of its own, so it counts as "
                 "restored when resolved, on Wednesday 1 July 2026 at 10:25, within the "
                 "due time: the restoration is in time (met)."));
  BOOST_TEST(has(servers,
                 "Its fault is \u201chardware failure\u201d. The first response is given "
                 "on Saturday 14 March 2026 at 23:55. The service is restored on Sunday "
                 "15 March 2026 at 00:30."));
}

BOOST_AUTO_TEST_CASE(every_contract_renders_and_its_examples_agree) {
  AtRoot root;
  for (const auto& entry : fs::directory_iterator("contracts")) {
    if (entry.path().extension() != ".sla") continue;
    const std::string file = "contracts/" + entry.path().filename().string();
    BOOST_TEST_CONTEXT(file) {
      const doc::Document d = contract_document(*load(file));
      const std::string md = markdown(d);
      const std::string page = html(d);
      BOOST_TEST(!has(md, "Caution"));
      BOOST_TEST(!has(md, "no regular opening hours"));
      BOOST_TEST(!has(md, "****"));  // an empty value in bold
      BOOST_TEST(count(page, "<svg") == count(page, "<desc id="));
      // Prose for lawyers: no braces outside code and tables.
      std::istringstream lines(md);
      bool in_code = false;
      for (std::string line; std::getline(lines, line);) {
        if (line.starts_with("```")) in_code = !in_code;
        if (in_code || line.starts_with("|")) continue;
        BOOST_TEST(line.find_first_of("{}") == std::string::npos, line);
      }
    }
  }
}

// ---------------------------------------------------------------- a document fit to sign

namespace {

// A contract that calls the client "Customer" and uses every sentence that names
// the client: change notices, update times, credits; two packages with updates.
const char* const customer_contract = R"(contract "Acme Support" {
  provider "Acme"
  version "1"; changes notified at least 30 days in advance
  effective 2026-01-01
  ends 2026-12-31
}
definitions {
  "Customer" means "The company that buys support from Acme."
}
holidays days "Days" {
  covers 2025 to 2027
  2025-12-25 "Christmas 2025"
  2026-12-25 "Christmas 2026"
  2027-12-25 "Christmas 2027"
}
calendar office { zone "Europe/Berlin"; open Mon-Fri 08:00-18:00; closed on holidays days }
priorities { Low "Question."; High "Outage." }
package standard "Standard Support" {
  calendar office
  respond to Low within 2 business days
  respond to High within 4 business hours
  update High every 1 business day
  credit 5 % per breached High response
}
package plus "Plus Support" extends standard {
  respond to High within 2 business hours
  update High every 4 business hours
}
)";

std::shared_ptr<const Model> load_text(const std::string& text) {
  LoadResult r = load_string("acme.sla", text);
  std::string why;
  for (const auto& d : r.diagnostics) why += d.message + "; ";
  BOOST_TEST_REQUIRE(r.ok(), why);
  return r.model;
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_contract_that_defines_customer_never_says_client) {
  const auto model = load_text(customer_contract);
  BOOST_TEST(client_term(*model, Wording()) == "Customer");
  const doc::Document d = contract_document(*model);
  for (const std::string& text : {html(d), markdown(d)}) {
    BOOST_TEST(count(text, "Client") == 0u);
    BOOST_TEST(count(text, "client") == 0u);
    BOOST_TEST(has(text, "The Customer is informed of changes at least 30 days in advance"));
    BOOST_TEST(has(text, "the longest the Customer waits between two updates"));
    BOOST_TEST(has(text, "credits the Customer a share"));
  }
  // Without a party word among the definitions, the client is the "Client".
  const auto plain = load_text(
      std::regex_replace(customer_contract, std::regex("\"Customer\""), "\"Support desk\""));
  BOOST_TEST(has(html(contract_document(*plain)), "(the \u201cClient\u201d)"));
}

BOOST_AUTO_TEST_CASE(the_parties_open_the_document_and_sign_it) {
  const auto open = load_text(customer_contract);
  const std::string md = markdown(contract_document(*open));
  // The contract leaves the client open: a line to fill in, with its defined term.
  BOOST_TEST(has(md, "This agreement is made between:"));
  BOOST_TEST(has(md, "- **Acme** (the \u201cProvider\u201d); and\n- \\_\\_\\_"));
  BOOST_TEST(has(md, "\\_ (the \u201cCustomer\u201d)\n"));
  BOOST_TEST(md.find("This agreement is made between:") < md.find("## 1. "));
  // Signatures close the agreement, before the appendices: one block per party.
  const auto signatures = md.find("## Signatures");
  BOOST_TEST_REQUIRE(signatures != std::string::npos);
  BOOST_TEST(signatures < md.find("## Appendix A: Public holidays"));
  BOOST_TEST(has(md, "**For Acme** (the \u201cProvider\u201d)"));
  for (const char* line : {"Signature: ", "Name: ", "Title: ", "Date: "})
    BOOST_TEST(count(md.substr(signatures), line) == 2u, line);
  // A contract made out to a client names it in both places.
  const auto named =
      load_text(std::regex_replace(customer_contract, std::regex("provider \"Acme\""),
                                   "provider \"Acme\"; client \"PT Example\""));
  const std::string page = html(contract_document(*named));
  BOOST_TEST(has(page, "<li><strong>PT Example</strong> (the \u201cCustomer\u201d)</li>"));
  BOOST_TEST(has(page, "<p><strong>For PT Example</strong> (the \u201cCustomer\u201d)</p>"));
  BOOST_TEST(count(page, "class=\"fill-in\"") == 0u);
}

BOOST_AUTO_TEST_CASE(clauses_are_numbered_and_cited_by_number) {
  AtRoot root;
  LintResult lint = lint_file("contracts/qiscus-enterprise.sla");
  RenderOptions options;
  options.findings = &lint.diagnostics;
  const doc::Document d = contract_document(*load("contracts/qiscus-enterprise.sla"), options);
  const std::string page = html(d);
  const std::string md = markdown(d);
  // Clause 1 is how to read the agreement; its rules are clauses 1.1, 1.2, ...
  BOOST_TEST(
      has(page, "<p id=\"rule-business-time\"><span class=\"num\">1.1</span> <strong>Business"));
  BOOST_TEST(has(md, "**1.1** **Business hours**"));
  // A definition, a list item and a table row are clauses with their line beside them.
  BOOST_TEST(has(page, "<dt id=\"clause-2-1\"><span class=\"num\">2.1</span> SLA</dt>"));
  BOOST_TEST(
      std::regex_search(page, std::regex("<tr id=\"clause-4-4-1\">.*<td class=\"num\">4\\.4\\.1"
                                         "<span class=\"src\">line \\d+</span></td></tr>")));
  // The packages at a glance cite each package's section, linked.
  BOOST_TEST(has(page, "<a class=\"ref\" href=\"#basic-support\">clause 4</a>"));
  BOOST_TEST(std::regex_search(md, std::regex("\\| clause 4 \\|\n")));
  // The reviewer's notes cite the clause, with the line beside it.
  BOOST_TEST(
      std::regex_search(md, std::regex("\\| \\*\\*clause \\d+(\\.\\d+)+\\*\\* \\| line \\d+ \\|")));
  // No citation is left unresolved, and no anchor is given twice.
  BOOST_TEST(page.find('\x01') == std::string::npos);
  BOOST_TEST(md.find('\x01') == std::string::npos);
  std::set<std::string> ids;
  const std::regex id("id=\"([^\"]+)\"");
  for (auto it = std::sregex_iterator(page.begin(), page.end(), id); it != std::sregex_iterator();
       ++it)
    BOOST_TEST(ids.insert((*it)[1]).second, "id given twice: " << (*it)[1]);
  // Every link points at an anchor.
  const std::regex href("href=\"#([^\"]+)\"");
  for (auto it = std::sregex_iterator(page.begin(), page.end(), href); it != std::sregex_iterator();
       ++it)
    BOOST_TEST(ids.count((*it)[1]) == 1u, "link to no anchor: " << (*it)[1]);
}

BOOST_AUTO_TEST_CASE(repeated_explanations_are_said_once_and_cited) {
  const std::string md = markdown(contract_document(*load_text(customer_contract)));
  // Two packages with update times and credits: the rules are clause 1's, once.
  BOOST_TEST(count(md, "An update time is the longest") == 1u);
  BOOST_TEST(count(md, "Only a committed target earns a service credit") == 1u);
  BOOST_TEST(count(md, "update times: clause 1.") == 2u);
  BOOST_TEST(has(md, "Business hours and business days count only the operating hours of clause "));
}

BOOST_AUTO_TEST_CASE(the_holiday_appendix_lists_the_years_in_force) {
  const std::string md = markdown(contract_document(*load_text(customer_contract)));
  BOOST_TEST(has(md, "Christmas 2026"));
  BOOST_TEST(!has(md, "Christmas 2025"));  // before the contract takes effect
  BOOST_TEST(!has(md, "Christmas 2027"));  // after its last day
}

BOOST_AUTO_TEST_CASE(a_package_document_shows_only_its_findings) {
  AtRoot root;
  LintResult lint = lint_file("contracts/qiscus-enterprise.sla");
  const auto model = load("contracts/qiscus-enterprise.sla");
  RenderOptions all;
  all.findings = &lint.diagnostics;
  BOOST_TEST(has(markdown(contract_document(*model, all)), "(SLA107)"));
  RenderOptions basic = all;
  basic.package = "basic";
  const std::string md = markdown(contract_document(*model, basic));
  // The dedicated add-ons' escalation findings are not Basic's business.
  BOOST_TEST(!has(md, "SLA107"));
  BOOST_TEST(has(md, "Only the points about what this document contains are listed"));
  // What Basic does contain still is: the header's and Basic's own findings.
  BOOST_TEST(has(md, "| Clause | Line | Point | In detail | Suggestion |"));
}

BOOST_AUTO_TEST_CASE(printed_pages_carry_numbers_a_running_header_and_keep_tables_whole) {
  const std::string page = html(contract_document(*load_text(customer_contract)));
  BOOST_TEST(has(page, "@top-center { content: \"Acme Support\";"));
  BOOST_TEST(
      has(page, "@bottom-center { content: \"Page \" counter(page) \" of \" counter(pages)"));
  BOOST_TEST(has(page, "thead { display: table-header-group; }"));
  BOOST_TEST(has(page, "h2, h3, h4, caption { break-after: avoid; }"));
  BOOST_TEST(has(page, "figcaption { break-before: avoid; }"));
}

// Two languages side by side: every heading and block level with its counterpart,
// the facing language's ids prefixed so that the page has each id once.
BOOST_AUTO_TEST_CASE(two_languages_stand_side_by_side) {
  AtRoot root;
  const auto model = load("contracts/qiscus-enterprise.sla");
  const Wording en = *Wording::in("en", model.get());
  const Wording id = *Wording::in("id", model.get());
  RenderOptions options;
  options.wording = &en;
  const doc::Document left = contract_document(*model, options);
  options.wording = &id;
  const doc::Document right = contract_document(*model, options);
  BOOST_TEST(right.language == "id");
  const std::string page = html(left, &right);
  BOOST_TEST(has(page, "<html lang=\"en\">"));
  BOOST_TEST(count(page, "<div lang=\"id\">") == count(page, "<div lang=\"en\">"));
  BOOST_TEST(count(page, "<div class=\"pair") > 100u);
  BOOST_TEST(has(page, "<h1>Qiscus Enterprise Support</h1>"));
  BOOST_TEST(has(page, "Dukungan Enterprise Qiscus"));
  BOOST_TEST(has(page, "id=\"id-clause-2-1\""));
  std::set<std::string> ids;
  const std::regex id_attribute("id=\"([^\"]+)\"");
  for (auto it = std::sregex_iterator(page.begin(), page.end(), id_attribute);
       it != std::sregex_iterator(); ++it)
    BOOST_TEST(ids.insert((*it)[1]).second, "id given twice: " << (*it)[1]);
  const std::regex href("href=\"#([^\"]+)\"");
  std::size_t facing_links = 0;
  for (auto it = std::sregex_iterator(page.begin(), page.end(), href); it != std::sregex_iterator();
       ++it) {
    BOOST_TEST(ids.count((*it)[1]) == 1u, "link to no anchor: " << (*it)[1]);
    facing_links += std::string((*it)[1]).starts_with("id-");
  }
  BOOST_TEST(facing_links > 10u);  // the Indonesian column links to its own clauses
  // One language alone is the document as before.
  BOOST_TEST(html(left, nullptr) == html(left));
  // In Markdown, each block is followed by its counterpart, quoted.
  const std::string md = markdown(left, &right);
  BOOST_TEST(md.starts_with("# Qiscus Enterprise Support · Dukungan Enterprise Qiscus\n"));
  BOOST_TEST(has(md, "\n> Dokumen ini menguraikan"));
  BOOST_TEST(count(md, "\n## ") == count(markdown(left), "\n## "));
}

// The findings the authors silenced are the reviewer's to weigh too: listed apart,
// with the reason the silencing comment gives, and only where the document shows
// the clause.
BOOST_AUTO_TEST_CASE(accepted_findings_are_listed_with_their_reasons) {
  AtRoot root;
  std::string text = read_text("contracts/qiscus-enterprise.sla");
  const std::string line =
      "  resolve Critical within 8 hours committed (\"no more than 8 hours\")\n";
  BOOST_TEST_REQUIRE(count(text, line) == 1u);
  text.replace(text.find(line), line.size() - 1,
               line.substr(0, line.size() - 1) + " # sla: allow SLA105 (worked around the clock)");
  const LintResult lint = lint_string("contracts/qiscus-enterprise.sla", text);
  BOOST_TEST_REQUIRE(lint.silenced.size() == 1u);
  RenderOptions options;
  options.findings = &lint.diagnostics;
  options.accepted = &lint.silenced;
  const std::string md = markdown(contract_document(*lint.model, options));
  BOOST_TEST(has(md, "_Accepted by the authors_"));
  BOOST_TEST(has(md, "| Why the authors accept it |"));
  BOOST_TEST(has(md, "(SLA105) |"));
  BOOST_TEST(has(md, "“worked around the clock”"));
  options.package = "basic";
  const std::string basic = markdown(contract_document(*lint.model, options));
  BOOST_TEST(!has(basic, "Accepted by the authors"));
}
