// sla render: the Qiscus contract's Markdown against its golden file, and the
// properties every render must keep (escaping, a self-contained and accessible
// HTML file, the coverage chart's hours, byte-identical output).
// SLA_UPDATE_GOLDEN=1 rewrites the golden files for review instead of comparing.
#define BOOST_TEST_MODULE render
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "interpreter/calendar.hpp"
#include "sla/lint.hpp"
#include "sla/load.hpp"
#include "tools/document/clause_index.hpp"
#include "tools/document/contract_document.hpp"
#include "tools/document/coverage_chart.hpp"
#include "tools/document/escape.hpp"
#include "tools/document/html_writer.hpp"
#include "tools/document/markdown_writer.hpp"

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
