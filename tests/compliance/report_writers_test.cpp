// The report's Markdown and HTML writers on reports built by hand: every section in
// its place (and only when it has something to say), numbers as people read them,
// input escaped, the page self-contained and accessible; one report's Markdown
// against a golden file. SLA_UPDATE_GOLDEN=1 rewrites the golden file for review.
#define BOOST_TEST_MODULE compliance_report_writers
#include <fmt/format.h>
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "tests/compliance/sample_report.hpp"
#include "tools/compliance/report_text.hpp"
#include "tools/compliance/report_writers.hpp"

namespace fs = std::filesystem;
using namespace sla;
using namespace sla::cli;
using namespace sla::cli::test;

namespace {

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

bool has(const std::string& text, const std::string& what) {
  return text.find(what) != std::string::npos;
}

// The text between an element's opening `<tag` after `from` and its close.
std::string element(const std::string& html, const std::string& start, const std::string& end) {
  const auto a = html.find(start);
  if (a == std::string::npos) return {};
  const auto b = html.find(end, a);
  return html.substr(a, b == std::string::npos ? std::string::npos : b + end.size() - a);
}

// What every page must be, whatever the report: one document, balanced, with no
// resource from elsewhere, charts with their title and description, tables with
// captions and scoped headers, and no markup from the input.
void check_page(const std::string& html) {
  BOOST_TEST(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
  BOOST_TEST(html.ends_with("</html>\n"));
  BOOST_TEST(count(html, "<h1") == 1u);
  for (const char* tag : {"section", "table", "svg", "figure", "thead", "tbody", "tr", "dl",
                          "header", "main", "footer", "ul"})
    BOOST_TEST(count(html, fmt::format("<{}>", tag)) + count(html, fmt::format("<{} ", tag)) ==
                   count(html, fmt::format("</{}>", tag)),
               "<" << tag << "> balanced");
  BOOST_TEST(!has(html, "<script"));
  BOOST_TEST(!has(html, "<link"));
  BOOST_TEST(!has(html, "<img"));
  BOOST_TEST(!std::regex_search(html, std::regex("<[^>]*\\ssrc=")), "no src= at all");
  BOOST_TEST(!std::regex_search(html, std::regex("<[^>]*\\shref=\"?(https?:|//)")));
  BOOST_TEST(!has(html, "href=\"http"));
  BOOST_TEST(!has(html, "href=\"//"));
  BOOST_TEST(!has(html, "url(http"));
  BOOST_TEST(!has(html, "@import"));
  BOOST_TEST(count(html, "<svg") == count(html, "role=\"img\""));
  BOOST_TEST(count(html, "<svg") == count(html, "<desc id="));
  BOOST_TEST(count(html, "<table") == count(html, "<caption>"));
  BOOST_TEST(count(html, "<th>") == 0u, "every <th> has a scope");
  BOOST_TEST(has(html, "@media print"));
  BOOST_TEST(has(html, "size: A4"));
  BOOST_TEST(has(html, "break-inside: avoid"));
  // Every id is unique: the charts' patterns and titles, the sections.
  std::regex id_attr(" id=\"([^\"]+)\"");
  std::set<std::string> ids;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), id_attr);
       it != std::sregex_iterator(); ++it)
    BOOST_TEST(ids.insert((*it)[1]).second, "id " << (*it)[1] << " is unique");
}

// Markdown: every table row has as many cells as its header (a `|` from the input
// that was not escaped would add one), and no HTML tag is left raw.
void check_markdown(const std::string& md) {
  BOOST_TEST(md.starts_with("# SLA compliance report\n"));
  std::istringstream in(md);
  std::string line;
  std::size_t columns = 0;
  auto cells = [](const std::string& row) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < row.size(); ++i)
      if (row[i] == '|' && (i == 0 || row[i - 1] != '\\')) ++n;
    return n;
  };
  while (std::getline(in, line)) {
    if (!line.starts_with("|")) {
      columns = 0;
      continue;
    }
    if (columns == 0) columns = cells(line);
    BOOST_TEST(cells(line) == columns, "row with as many cells as its header: " << line);
  }
  BOOST_TEST(!std::regex_search(md, std::regex(R"((^|[^\\])<[a-zA-Z/])")),
             "no raw HTML in the Markdown");
}

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(words)

BOOST_AUTO_TEST_CASE(durations_read_as_people_say_them) {
  using namespace std::chrono_literals;
  // Any duration in, as a count of seconds (the overload for none takes the rest).
  auto text = [](std::chrono::seconds s, bool business) { return duration_text(s, business); };
  BOOST_TEST(text(0s, false) == "0 s");
  BOOST_TEST(text(45s, false) == "45 s");
  BOOST_TEST(text(12min + 20s, false) == "12 min");
  BOOST_TEST(text(59min + 40s, false) == "1 h");
  BOOST_TEST(text(2h + 15min, false) == "2 h 15 min");
  BOOST_TEST(text(3h, true) == "3 h");
  BOOST_TEST(text(76h + 10min, false) == "3 d 4 h");
  BOOST_TEST(text(48h + 20min, false) == "2 d");
  // Open time stays in hours: a business day is not 24 of them.
  BOOST_TEST(text(30h + 5min, true) == "30 h 5 min");
  BOOST_TEST(text(-(2h), true) ==
             "\u2212"
             "2 h");
  BOOST_TEST(duration_text(std::optional<std::chrono::seconds>{}, false) == "\u2014");
}

BOOST_AUTO_TEST_CASE(percentages_have_one_decimal_rounded_down) {
  BOOST_TEST(percent_text(97.5) == "97.5 %");
  BOOST_TEST(percent_text(100.0) == "100.0 %");
  BOOST_TEST(percent_text(0.0) == "0.0 %");
  BOOST_TEST(percent_text(99.96) == "99.9 %");  // a breach never reads as 100.0 %
  BOOST_TEST(percent_text(100.0 * 39 / 40) == "97.5 %");
  BOOST_TEST(percent_text(100.0 * 2 / 3) == "66.6 %");
  BOOST_TEST(percent_text(std::nullopt) == "\u2014");
  TargetCounts none;
  none.pending = 3;
  BOOST_TEST(compliance_text(none) == "\u2014");
}

BOOST_AUTO_TEST_CASE(times_dates_and_buckets) {
  BOOST_TEST(time_text("2026-01-12T09:30:00+07:00") == "2026-01-12 09:30");
  BOOST_TEST(time_text("") == "\u2014");
  BOOST_TEST(time_text("not a time") == "not a time");
  const ComplianceReport r = empty_report();
  BOOST_TEST(period_text(r.period) == "1 January 2026 to 31 January 2026");
  BOOST_TEST(as_of_text(r) == "2026-02-02 09:30 (UTC+07:00)");
  ComplianceReport utc = r;
  utc.as_of.clear();  // made by hand: the writers convert the instant themselves
  BOOST_TEST(as_of_text(utc) == "2026-02-02 09:30 (UTC+07:00)");
  utc.zone = "UTC+07:00";  // not a tz database name: said in UTC, never a wrong offset
  BOOST_TEST(as_of_text(utc) == "2026-02-02 02:30 (UTC)");
  BOOST_TEST(bucket_text(day(2026, 1, 5), TrendUnit::week) == "week of 5 Jan 2026");
  BOOST_TEST(bucket_text(day(2026, 3, 1), TrendUnit::month) == "March 2026");
  BOOST_TEST(bucket_label(day(2026, 1, 5), TrendUnit::week) == "5 Jan");
  BOOST_TEST(bucket_label(day(2026, 3, 1), TrendUnit::month) == "Mar 2026");
}

BOOST_AUTO_TEST_CASE(targets_are_named_with_their_kind) {
  ComplianceGroup g;
  g.kind = TargetKind::response;
  g.target = "4 business hours";
  BOOST_TEST(target_text(g) == "Response within 4 business hours");
  g.kind = TargetKind::resolution;
  g.target = "by end of next business day";
  g.commitment = Commitment::best_effort;
  BOOST_TEST(target_text(g) == "Resolution by end of next business day (best effort)");
  g.kind = TargetKind::update;
  g.target = "1 hour";
  g.commitment = Commitment::committed;
  BOOST_TEST(target_text(g) == "Update every 1 hour");
  BOOST_TEST(priority_text("") == "(no priority)");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(html_and_markdown)

BOOST_AUTO_TEST_CASE(an_empty_report_says_so_in_every_section) {
  const ComplianceReport r = empty_report();
  const std::string html = report_html(r), md = report_markdown(r);
  check_page(html);
  check_markdown(md);
  BOOST_TEST(has(html, "No ticket created in the period has a target."));
  BOOST_TEST(has(html, "No target was breached."));
  BOOST_TEST(has(html, "No open ticket is past a warning"));
  BOOST_TEST(count(html, "<svg") == 0u, "no chart of nothing");
  BOOST_TEST(!has(html, "id=\"credits\""), "no credit section without credit rules");
  BOOST_TEST(!has(html, "id=\"desk\""), "no desk section without desk figures");
  BOOST_TEST(!has(html, "Rows with errors"));
  for (const char* heading : {"## Summary", "## Compliance per priority and target",
                              "## Trend per week", "## Worst offenders", "## At-risk queue"})
    BOOST_TEST(has(md, heading), heading);
  BOOST_TEST(!has(md, "## Service credits"));
  BOOST_TEST(!has(md, "help desk"));
  // The header: contract, package and add-ons, period, as-of, zone.
  for (const char* fact :
       {"contracts/qiscus-enterprise.sla", "Premium (premium)", "resolution",
        "1 January 2026 to 31 January 2026", "2026-02-02 09:30 (UTC+07:00)", "Asia/Jakarta"}) {
    BOOST_TEST(has(html, fact), fact);
    BOOST_TEST(has(md, fact), fact);
  }
}

BOOST_AUTO_TEST_CASE(a_month_without_breaches) {
  ComplianceReport r = empty_report();
  r.groups.push_back(group(r, "High", TargetKind::response, "2 business hours", true,
                           {{3, 0, 0}, {4, 0, 0}, {2, 0, 0}, {5, 0, 0}, {1, 0, 0}}, 1h, 9));
  r.rows = 15;
  const std::string html = report_html(r), md = report_markdown(r);
  check_page(html);
  check_markdown(md);
  BOOST_TEST(count(html, "100.0 %") >= 2u);
  BOOST_TEST(has(html, "No target was breached."));
  BOOST_TEST(has(md, "| Response | 15 | 15 | 0 | 0 | 0 | 100.0 % |"));
  BOOST_TEST(count(html, "<svg") == 3u, "the compliance, time and trend charts");
  // No breach: the average over target is none, not zero.
  BOOST_TEST(has(md, "| High | Response within 2 business hours |"));
  BOOST_TEST(has(md, " | \u2014 | 0 |\n"));
}

BOOST_AUTO_TEST_CASE(errors_only_are_counted_apart_and_listed) {
  ComplianceReport r = empty_report();
  r.rows = 30;
  r.errors = 30;
  for (std::size_t i = 1; i <= ComplianceReport::kListed; ++i) {
    r.error_rows.push_back(ticket(i, fmt::format("E-{}", i), "", TargetKind::response, "", "", {}));
    r.error_rows.back().error = "unknown priority 'P9'";
  }
  const std::string html = report_html(r), md = report_markdown(r);
  check_page(html);
  check_markdown(md);
  BOOST_TEST(
      has(html, "<th scope=\"row\">With errors (counted apart)</th><td class=\"num\">30</td>"));
  BOOST_TEST(
      has(html, "<th scope=\"row\">Reported (created in the period)</th><td class=\"num\">0</td>"));
  BOOST_TEST(has(html, "Rows with errors"));
  BOOST_TEST(count(html, "unknown priority &#39;P9&#39;") == ComplianceReport::kListed);
  BOOST_TEST(has(html, "The first 20 of 30 are listed."));
  BOOST_TEST(has(md, "### Rows with errors"));
  BOOST_TEST(has(md, "| 20 | 21 | E-20 | unknown priority 'P9' |"));
  BOOST_TEST(has(md, "The first 20 of 30 are listed."));
  BOOST_TEST(has(md, "| With errors (counted apart) | 30 |"));
}

BOOST_AUTO_TEST_CASE(hostile_input_is_text_everywhere) {
  ComplianceReport r = sample_report();
  const std::string evil = "<script>alert(1)</script>|x";
  r.contract = "evil\"</style><script>x</script>.sla";
  r.package_title = "<b>Gold</b>";
  r.addons = {"<img src=x>"};
  r.zone = "Asia/Jakarta<script>";
  r.groups[0].priority = "P|1 <script>";
  r.groups[0].condition = "channel is \"<i>phone</i>\" | `x`";
  r.groups[0].target = "1 business hour <svg onload=alert(1)>";
  r.worst[0].id = evil;
  r.queue[0].id = evil;
  r.error_rows[0].id = evil;
  r.error_rows[0].error = "bad <row> | & stuff";
  r.disagreements[0].id = evil;
  const std::string html = report_html(r), md = report_markdown(r);
  check_page(html);
  check_markdown(md);
  BOOST_TEST(!has(html, "<b>Gold"));
  BOOST_TEST(!has(html, "<i>phone"));
  BOOST_TEST(!has(html, "<svg onload"));
  BOOST_TEST(!has(html, "</style><"), "the running header cannot close the style sheet");
  BOOST_TEST(count(html, "</style>") == 1u);
  BOOST_TEST(count(html, "&lt;script&gt;alert(1)&lt;/script&gt;|x") >= 4u);
  BOOST_TEST(has(html, "P|1 &lt;script&gt;"));
  // In the chart too: the label and the bar's title.
  BOOST_TEST(has(element(html, "<svg class=\"compliance\"", "</svg>"), "P|1 &lt;script&gt;"));
  BOOST_TEST(has(md, "\\<script\\>alert(1)\\</script\\>\\|x"));
  BOOST_TEST(has(md, "P\\|1 \\<script\\>"));
  BOOST_TEST(has(md, "bad \\<row\\> \\| & stuff"));
}

BOOST_AUTO_TEST_CASE(credits_and_the_desks_figures) {
  const ComplianceReport r = sample_report();
  const std::string html = report_html(r), md = report_markdown(r);
  check_page(html);
  check_markdown(md);
  const std::string credits = element(html, "<section id=\"credits\"", "</section>");
  BOOST_TEST(has(credits, "<caption>Credit statement</caption>"));
  BOOST_TEST(has(credits,
                 "<th scope=\"row\">January 2026</th><td class=\"num\">7</td>"
                 "<td class=\"num\">27.5 %</td><td class=\"num\">25 %</td>"
                 "<td class=\"num\">25 % (capped)</td>"));
  BOOST_TEST(has(md, "| January 2026 | 7 | 27.5 % | 25 % | 25 % (capped) |"));
  const std::string desk = element(html, "<section id=\"desk\"", "</section>");
  BOOST_TEST(has(desk, "120 tickets carried the help desk\u2019s own elapsed time; 1 disagrees"));
  BOOST_TEST(has(desk,
                 "<th scope=\"row\">QS-1188</th><td class=\"num\">188</td><td>Resolution</td>"
                 "<td class=\"num\">20 h</td><td class=\"num\">24 h 30 min</td>"
                 "<td class=\"num\">\u2212"
                 "4 h 30 min</td>"));
  // Credit rules without a credited breach: the section says so.
  ComplianceReport none = r;
  none.credits.clear();
  none.desk_compared = 0;
  const std::string quiet = report_html(none);
  BOOST_TEST(has(quiet, "No breach in the period earns a credit."));
  BOOST_TEST(!has(quiet, "id=\"desk\""));
  BOOST_TEST(has(report_markdown(none), "No breach in the period earns a credit."));
  // More disagreements than listed: the count says so.
  ComplianceReport many = r;
  many.disagreements_unlisted = 24;
  BOOST_TEST(has(report_html(many),
                 "25 disagree with the contract\u2019s count (the first 1 are listed)"));
  // Compared, none differs.
  none.desk_compared = 5;
  none.disagreements.clear();
  BOOST_TEST(has(report_html(none), "and every one agrees with the contract"));
}

BOOST_AUTO_TEST_CASE(every_section_of_a_full_report) {
  const ComplianceReport r = sample_report();
  const std::string html = report_html(r);
  const std::vector<std::string> order = {"id=\"summary\"", "id=\"errors\"", "id=\"priorities\"",
                                          "id=\"trend\"",   "id=\"worst\"",  "id=\"at-risk\"",
                                          "id=\"credits\"", "id=\"desk\""};
  std::size_t at = 0;
  for (const auto& s : order) {
    const auto found = html.find(s);
    BOOST_TEST_REQUIRE(found != std::string::npos, s);
    BOOST_TEST(found > at, s << " in order");
    at = found;
  }
  BOOST_TEST(count(html, "<svg") == 3u);
  // The time chart: a range per group, on a logarithmic axis up to 1000 h.
  const std::string times = element(html, "<svg class=\"times\"", "</svg>");
  BOOST_TEST(count(times, "<g class=\"range\">") == r.groups.size());
  BOOST_TEST(has(times, ">1 min</text>"));
  BOOST_TEST(has(times, ">1000 h</text>"));
  // Every table fits on a page, so it is printed whole (no caption and header alone at
  // the foot of a page).
  BOOST_TEST(count(html, "<table class=\"keep\">") == count(html, "<table"));
  // The summary: compliance per kind, the at-risk count, the rows read.
  const std::string summary = element(html, "<section id=\"summary\"", "</section>");
  BOOST_TEST(has(summary, "Response compliance<strong>95.1 %</strong>"));
  BOOST_TEST(has(summary, "At risk now<strong>7</strong>"));
  BOOST_TEST(has(summary,
                 "<th scope=\"row\">Reported (created in the period)</th><td "
                 "class=\"num\">295</td>"));
  BOOST_TEST(has(summary, "QS-1057"));
  // The chart has a bar per group, each with its number beside it.
  const std::string chart = element(html, "<svg class=\"compliance\"", "</svg>");
  BOOST_TEST(count(chart, "<g class=\"bar\">") == r.groups.size());
  BOOST_TEST(has(chart, "100 %: every target met"));
  const std::string trend = element(html, "<svg class=\"trend\"", "</svg>");
  BOOST_TEST(has(trend, "<title id=\"chart-trend-title\">Compliance and tickets per week</title>"));
  BOOST_TEST(has(trend, "week of 29 Dec 2025: 42 tickets"));
  // The queue says how many there are when it lists fewer.
  BOOST_TEST(has(html, "The first 3 of 7 are listed."));
  BOOST_TEST(has(html, "<td class=\"num\">81.2 %</td><td class=\"num\">1 h 30 min</td>"));
  BOOST_TEST(has(html, "still open"));
}

BOOST_AUTO_TEST_CASE(a_monthly_trend) {
  ComplianceReport r = empty_report();
  r.period.from = day(2026, 1, 1);
  r.period.to = day(2026, 3, 31);
  r.period.trend = TrendUnit::month;
  r.buckets = {day(2026, 1, 1), day(2026, 2, 1), day(2026, 3, 1)};
  r.groups.push_back(group(r, "P1", TargetKind::response, "30 minutes", false,
                           {{10, 2, 0}, {12, 0, 0}, {0, 0, 0}}, 20min, 11));
  r.groups.push_back(group(r, "P1", TargetKind::update, "1 hour", false,
                           {{8, 4, 0}, {12, 0, 0}, {0, 0, 0}}, 50min, 12));
  r.rows = 24;
  const std::string html = report_html(r), md = report_markdown(r);
  check_page(html);
  check_markdown(md);
  BOOST_TEST(has(html, "<h2 id=\"trend-title\">Trend per month</h2>"));
  BOOST_TEST(has(md, "## Trend per month"));
  BOOST_TEST(has(md, "| Month | Tickets | Response compliance | Update compliance |"));
  BOOST_TEST(has(md, "| January 2026 | 12 | 83.3 % (10 of 12) | 66.6 % (8 of 12) |"));
  BOOST_TEST(has(md, "| March 2026 | 0 | \u2014 (0 of 0) | \u2014 (0 of 0) |"));
  const std::string trend = element(html, "<svg class=\"trend\"", "</svg>");
  BOOST_TEST(has(trend, ">Jan 2026</text>"));
  BOOST_TEST(has(trend, ">Mar 2026</text>"));
  BOOST_TEST(has(trend, "Update compliance"));
  // March has no decided target: no point is drawn for it.
  BOOST_TEST(!has(trend, "March 2026: response compliance"));
  BOOST_TEST(has(trend, "February 2026: response compliance 100.0 %"));
}

BOOST_AUTO_TEST_CASE(output_is_the_same_every_time) {
  const ComplianceReport r = sample_report();
  BOOST_TEST(report_html(r) == report_html(r));
  BOOST_TEST(report_markdown(r) == report_markdown(r));
}

BOOST_AUTO_TEST_CASE(markdown_matches_golden) {
  const std::string actual = report_markdown(sample_report());
  const fs::path path = fs::path(SLA_SOURCE_DIR) / "tests/compliance/golden/report.md";
  if (std::getenv("SLA_UPDATE_GOLDEN")) {
    std::ofstream(path, std::ios::binary) << actual;
    return;
  }
  const std::string expected = read_text(path);
  BOOST_TEST_REQUIRE(!expected.empty(), path.string() << " is missing");
  std::istringstream a(actual), e(expected);
  std::string la, le;
  for (int line = 1;; ++line) {
    const bool more_a = static_cast<bool>(std::getline(a, la));
    const bool more_e = static_cast<bool>(std::getline(e, le));
    if (!more_a && !more_e) break;
    if (la != le || more_a != more_e) {
      BOOST_ERROR("report.md:" << line << ": expected\n  " << le << "\nbut wrote\n  " << la
                               << "\n(SLA_UPDATE_GOLDEN=1 rewrites the golden file)");
      return;
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
