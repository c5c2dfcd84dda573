#define BOOST_TEST_MODULE grammar
#include <boost/test/unit_test.hpp>
#include <tao/pegtl/contrib/analyze.hpp>

#include "grammar/grammar.hpp"
#include "grammar/parser.hpp"
#include "support.hpp"

using namespace sla;

namespace {

ParseResult parse_text(const std::string& text) {
  static std::vector<std::unique_ptr<SourceFile>> keep;
  keep.push_back(std::make_unique<SourceFile>("test.sla", text));
  return parse(*keep.back(), 0);
}

const ast::Node& first_item(const ParseResult& r) {
  return r.file.root.children.at(0);
}

}  // namespace

BOOST_AUTO_TEST_CASE(grammar_has_no_analysis_problems) {
  // Finds rules that could loop without consuming input, among others.
  BOOST_TEST(tao::pegtl::analyze<grammar::file>(1) == 0u);
}

BOOST_AUTO_TEST_CASE(contract_header) {
  auto r = parse_text(R"(contract "X" {
    provider "Q"; version "1.0"
    effective 2025-01-01
    reviewed every 6 months
    changes notified at least 2 days in advance ("two days")
  })");
  BOOST_TEST(r.diagnostics.empty());
  const auto& c = first_item(r);
  BOOST_TEST((c.kind == ast::Kind::contract));
  BOOST_TEST(c.children.size() == 5u);
  const auto* notice = ast::arg<ast::Duration>(c.children[4]);
  BOOST_REQUIRE(notice);
  BOOST_TEST(notice->milli == 2000);
  BOOST_TEST(!notice->business);
  BOOST_TEST(ast::arg<ast::Label>(c.children[4])->value == "two days");
}

BOOST_AUTO_TEST_CASE(values_are_exact) {
  auto r = parse_text(R"(package p "P" {
    respond to High within 1.5 business hours best effort
    price IDR 216 million per year
  })");
  BOOST_TEST(r.diagnostics.empty());
  const auto& p = first_item(r);
  const auto* d = ast::arg<ast::Duration>(p.children[0]);
  BOOST_TEST(d->milli == 1500);
  BOOST_TEST(d->business);
  BOOST_TEST((d->unit == ast::TimeUnit::hour));
  BOOST_TEST(ast::has_word(p.children[0], "best effort"));
  const auto* m = ast::arg<ast::Money>(p.children[1]);
  BOOST_TEST(m->currency == "IDR");
  BOOST_TEST(m->milli == 216'000'000'000LL);
  BOOST_TEST(ast::has_word(p.children[1], "per year"));
}

BOOST_AUTO_TEST_CASE(days_and_ranges) {
  auto r = parse_text(R"(calendar c {
    zone UTC+07:00
    open Mon-Wed, Fri 09:00-12:00, 13:00-17:00
    open Sat-Sun 22:00-06:00
    on 2026-12-24 open 09:00-12:00 "Christmas Eve"
  })");
  BOOST_TEST(r.diagnostics.empty());
  const auto& c = first_item(r);
  BOOST_TEST(ast::arg<ast::Word>(c.children[0])->word == "UTC+07:00");
  BOOST_TEST(ast::arg<ast::Days>(c.children[1])->mask == 0b0101110);  // Mon Tue Wed Fri
  BOOST_TEST(ast::args<ast::TimeRange>(c.children[1]).size() == 2u);
  BOOST_TEST(ast::arg<ast::Days>(c.children[2])->mask == 0b1000001);  // Sat Sun
  BOOST_TEST(ast::arg<ast::TimeRange>(c.children[2])->to.minutes == 6 * 60);
}

BOOST_AUTO_TEST_CASE(wrapping_day_range) {
  auto r = parse_text("calendar c { zone UTC open Fri-Mon 09:00-17:00 }");
  BOOST_TEST(r.diagnostics.empty());
  BOOST_TEST(ast::arg<ast::Days>(first_item(r).children[1])->mask == 0b1100011);  // Fri Sat Sun Mon
}

BOOST_AUTO_TEST_CASE(comments_are_kept) {
  auto r = parse_text("# first\ncontract \"X\" { # inline\n provider \"Q\" }\n# last\n");
  BOOST_TEST(r.diagnostics.empty());
  BOOST_REQUIRE(r.file.comments.size() == 3u);
  BOOST_TEST(r.file.comments[0].text == " first");
  BOOST_TEST(r.file.comments[2].text == " last");
}

BOOST_AUTO_TEST_CASE(bom_and_crlf_are_accepted) {
  auto r = parse_text("\xEF\xBB\xBF# c\r\ncontract \"X\" {\r\n  provider \"Q\"\r\n}\r\n");
  BOOST_TEST(r.diagnostics.empty());
  BOOST_TEST(first_item(r).children.size() == 1u);
}

BOOST_AUTO_TEST_CASE(error_position_and_message) {
  auto r = parse_text("package p \"P\" {\n  respond to Low withn 4 business hours\n}\n");
  BOOST_REQUIRE(r.diagnostics.size() == 1u);
  const auto& d = r.diagnostics[0];
  BOOST_TEST(d.code == "SLA001");
  BOOST_TEST(d.location.line == 2u);
  BOOST_TEST(d.location.column == 18u);
  BOOST_TEST(d.message ==
             "expected 'within' and a duration, or 'by' and a deadline (by 12:00 next business "
             "day), found 'withn'");
  BOOST_TEST(d.hint == "did you mean 'within'?");
}

BOOST_AUTO_TEST_CASE(bare_number_needs_a_unit) {
  auto r = parse_text("package p \"P\" {\n  respond to Low within 4\n}\n");
  BOOST_REQUIRE(!r.diagnostics.empty());
  BOOST_TEST(r.diagnostics[0].message.find("a unit after the number") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(recovers_and_reports_every_error) {
  auto r = parse_text(R"(contract "X" {
  versoin "1"
  effective 2025-02-30
}
pakage p "P" {
  respond to Low within 4 business hours
}
calendar c {
  zone "UTC"
  open Mon-Fri 09:00-25:00
}
)");
  std::vector<std::string> codes;
  std::vector<unsigned> lines;
  for (const auto& d : r.diagnostics) {
    codes.push_back(d.code);
    lines.push_back(d.location.line);
  }
  BOOST_TEST(codes == (std::vector<std::string>{"SLA002", "SLA031", "SLA002", "SLA031"}),
             boost::test_tools::per_element());
  BOOST_TEST(lines == (std::vector<unsigned>{2, 3, 5, 10}), boost::test_tools::per_element());
  BOOST_TEST(r.diagnostics[0].hint == "did you mean 'version'?");
  BOOST_TEST(r.diagnostics[2].hint == "did you mean 'package'?");
}

BOOST_AUTO_TEST_CASE(unclosed_block_points_at_its_start) {
  auto r = parse_text("package p \"P\" {\n  calendar c\n");
  BOOST_REQUIRE(r.diagnostics.size() == 1u);
  BOOST_TEST(r.diagnostics[0].message ==
             "expected '}' to close the block, found the end of the file");
  BOOST_REQUIRE(r.diagnostics[0].notes.size() == 1u);
  BOOST_TEST(r.diagnostics[0].notes[0].location.line == 1u);
}

BOOST_AUTO_TEST_CASE(unterminated_string) {
  auto r = parse_text("contract \"X {\n}\n");
  BOOST_REQUIRE(!r.diagnostics.empty());
  BOOST_TEST(r.diagnostics[0].message.find("'\"' to end the string") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(invalid_utf8_and_nul_are_reported_where_they_are) {
  auto r = parse_text("contract \"X\" {\n  provider \"\xC3\x28\"\n}\n");
  BOOST_REQUIRE(r.diagnostics.size() == 1u);
  BOOST_TEST(r.diagnostics[0].code == "SLA003");
  BOOST_TEST(r.diagnostics[0].location.line == 2u);
  BOOST_TEST(r.diagnostics[0].location.column == 13u);
  auto nul = parse_text(std::string("contract \0 \"x\"", 15));
  BOOST_REQUIRE(nul.diagnostics.size() == 1u);
  BOOST_TEST(nul.diagnostics[0].message.find("NUL") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(limits_have_their_own_errors) {
  SourceFile big("big.sla", std::string(2 << 20, ' '));
  auto r = parse(big, 0);
  BOOST_REQUIRE(r.diagnostics.size() == 1u);
  BOOST_TEST(r.diagnostics[0].code == "SLA004");
  BOOST_TEST(r.diagnostics[0].location.line == 1u);
  BOOST_TEST(r.diagnostics[0].location.column == 1u);

  std::string many = "priorities {";
  for (int i = 0; i < 200; ++i) many += " P" + std::to_string(i) + " \"x\"";
  many += " }";
  SourceFile items("items.sla", many);
  ParseLimits limits;
  limits.max_statements = 100;
  auto r2 = parse(items, 0, limits);
  BOOST_TEST(r2.diagnostics.back().code == "SLA005");

  std::string noisy;
  for (int i = 0; i < 500; ++i) noisy += "nonsense\n";
  SourceFile errors("errors.sla", noisy);
  auto r3 = parse(errors, 0);
  BOOST_TEST(r3.diagnostics.size() == 51u);  // 50 errors, then "too many errors"
  BOOST_TEST(r3.diagnostics.back().code == "SLA006");
}

BOOST_AUTO_TEST_CASE(deep_nesting_and_long_lines_end_fast) {
  auto r = parse_text("contract \"x\" {" + std::string(200000, '{'));
  BOOST_TEST(!r.diagnostics.empty());
  BOOST_TEST(r.diagnostics.size() <= 51u);
  auto p = parse_text(std::string(200000, '('));
  BOOST_REQUIRE(p.diagnostics.size() == 1u);
  // A huge line is cut to a window around the position.
  BOOST_TEST(p.diagnostics[0].location.source_line.size() < 400u);
}

BOOST_AUTO_TEST_CASE(duration_alone) {
  auto d = parse_duration("4 business hours");
  BOOST_REQUIRE(d.has_value());
  BOOST_TEST(d->milli == 4000);
  BOOST_TEST(d->business);
  BOOST_TEST(parse_duration(" 90 minutes ").has_value());
  BOOST_TEST(!parse_duration("4").has_value());
  BOOST_TEST(!parse_duration("4 business hours extra").has_value());
}

BOOST_AUTO_TEST_CASE(cr_only_line_ends_end_comments_and_lines) {
  // Old Mac line ends: the comment ends at the first CR, so the contract is read.
  auto r = parse_text("# c\rcontract \"X\" {\r  provider \"Q\" # q\r}\rpriorities { Low \"l\" }\r");
  BOOST_TEST(r.diagnostics.empty());
  BOOST_REQUIRE(r.file.root.children.size() == 2u);
  BOOST_TEST(first_item(r).children.size() == 1u);
  BOOST_REQUIRE(r.file.comments.size() == 2u);
  BOOST_TEST(r.file.comments[0].text == " c");
  BOOST_TEST(r.file.comments[1].text == " q");
  // Errors are placed by line and column, and recovery stops at the CR.
  auto e = parse_text("contract \"X\" {\r  versoin \"1\"\r  provider \"Q\"\r}\rbogus\r");
  BOOST_REQUIRE(e.diagnostics.size() == 2u);
  BOOST_TEST(e.diagnostics[0].location.line == 2u);
  BOOST_TEST(e.diagnostics[0].location.column == 3u);
  BOOST_TEST(e.diagnostics[0].location.source_line == "  versoin \"1\"");
  BOOST_TEST(e.diagnostics[1].location.line == 5u);
  BOOST_TEST(first_item(e).children.size() == 1u);  // provider, after the bad line
}

BOOST_AUTO_TEST_CASE(lf_crlf_and_cr_each_end_one_line) {
  const SourceFile f("t.sla", "a\nb\r\nc\rd");
  BOOST_TEST(f.line_count() == 4u);
  BOOST_TEST(f.line_text(2) == "b");
  BOOST_TEST(f.line_text(3) == "c");
  BOOST_TEST(f.line_text(4) == "d");
  BOOST_TEST(f.line_start(4) == 7u);
  BOOST_TEST(f.locate(7, 8).line == 4u);
  BOOST_TEST(f.offset(3, 2) == 6u);  // the end of "c", not past its CR
}

BOOST_AUTO_TEST_CASE(bidirectional_controls_are_errors_where_they_are) {
  // "Trojan Source" (CVE-2021-42574): U+202E in a string, U+2066 in a comment.
  auto r = parse_text(
      "contract \"X\" {\n  summary \"Refunds \xE2\x80\xAE within 30 days\"\n}\n"
      "# see \xE2\x81\xA6 x\n");
  BOOST_REQUIRE(r.diagnostics.size() == 2u);
  const auto& d = r.diagnostics[0];
  BOOST_TEST(d.code == "SLA008");
  BOOST_TEST(d.location.line == 2u);
  BOOST_TEST(d.location.column == 20u);
  BOOST_TEST(d.location.length == 3u);
  BOOST_TEST(d.message.find("U+202E (RIGHT-TO-LEFT OVERRIDE) in a string") != std::string::npos);
  BOOST_TEST(!d.hint.empty());
  BOOST_TEST(r.diagnostics[1].message.find("U+2066") != std::string::npos);
  BOOST_TEST(r.diagnostics[1].message.find("in a comment") != std::string::npos);
  // The parse goes on: the rest of the file is read.
  BOOST_TEST(first_item(r).children.size() == 1u);
  // Direction marks (U+200E, U+200F, U+061C) reorder nothing: allowed, as in rustc.
  BOOST_TEST(parse_text("contract \"\xE2\x80\x8F\xD8\xB9\xE2\x80\x8E\xD8\x9C\" { }\n")
                 .diagnostics.empty());
}

BOOST_AUTO_TEST_CASE(messages_quote_invisible_characters_escaped) {
  auto r = parse_text("calendar \xE2\x80\xAE c { }\n");
  BOOST_REQUIRE(r.diagnostics.size() == 2u);
  BOOST_TEST(r.diagnostics[1].code == "SLA001");
  BOOST_TEST(r.diagnostics[1].message.find("found '\\u{202E}'") != std::string::npos);
  BOOST_TEST(escape_invisible("a\xE2\x80\xAE\x1B\xE9z\tb") == "a\\u{202E}\\u{1B}\\xE9z\\u{9}b");
  BOOST_TEST(escape_invisible("caf\xC3\xA9 \xE6\x97\xA5") == "caf\xC3\xA9 \xE6\x97\xA5");
}

namespace {

Diagnostic only_error(const ParseResult& r) {
  BOOST_REQUIRE_MESSAGE(r.diagnostics.size() == 1u, r.diagnostics.size() << " diagnostics");
  return r.diagnostics[0];
}

ParseResult price(const std::string& amount) {
  return parse_text("addon a \"A\" {\n  price " + amount + " per year\n}\n");
}

}  // namespace

BOOST_AUTO_TEST_CASE(three_digits_after_the_point_in_money_are_ambiguous) {
  const auto d = only_error(price("EUR 24.000"));
  BOOST_TEST(d.code == "SLA039");
  BOOST_TEST(d.message.find("'24.000'") != std::string::npos);
  BOOST_TEST(d.hint.starts_with("write 24000 or 24 thousand"));
  BOOST_TEST(only_error(price("USD 1.500 million")).hint == "write 1500 million or 1.5 million");
  // Two decimals, and currencies with three (Kuwaiti dinar), are plain.
  BOOST_TEST(price("EUR 24.50").diagnostics.empty());
  BOOST_TEST(price("KWD 1.250").diagnostics.empty());
  // A grouping comma is not an amount the grammar reads.
  const auto c = only_error(price("EUR 24,000"));
  BOOST_TEST(c.code == "SLA001");
  BOOST_TEST(c.location.column == 15u);
  BOOST_TEST(c.hint == "write 24000 or 24 thousand");
  BOOST_TEST(only_error(price("EUR 24,5")).hint == "write 24.5 (a decimal point, not a comma)");
}

BOOST_AUTO_TEST_CASE(near_misses_of_units_have_hints) {
  const std::vector<std::pair<std::string, std::string>> cases{
      {"15 min", "did you mean '15 minutes'?"},
      {"5 mins", "did you mean '5 minutes'?"},
      {"2 hrs", "did you mean '2 hours'?"},
      {"1 h", "did you mean '1 hour'?"},
      {"4 business hrs", "did you mean '4 business hours'?"},
      {"1,5 hours", "did you mean '1.5 hours'?"},
      {"2 huors", "did you mean '2 hours'?"},
      {"30 secs", "there is no unit of seconds: did you mean '0.5 minutes'?"},
      {"10 secs", "there is no unit of seconds: write minutes or longer units"},
  };
  for (const auto& [duration, hint] : cases) {
    BOOST_TEST_CONTEXT(duration) {
      const auto r = parse_text("package p \"P\" {\n  respond to Low within " + duration + "\n}\n");
      BOOST_REQUIRE(!r.diagnostics.empty());
      BOOST_TEST(r.diagnostics[0].code == "SLA001");
      BOOST_TEST(r.diagnostics[0].hint == hint);
    }
  }
  auto percent = [](const std::string& value) {
    return parse_text("package p \"P\" { uptime \"x\" {\n  target " + value + "\n} }\n");
  };
  BOOST_TEST(only_error(percent("99,9 %")).hint ==
             "did you mean '99.9 %'? (a decimal point, not a comma)");
  BOOST_TEST(only_error(percent("99 percent")).hint == "did you mean '99 %'?");
}

BOOST_AUTO_TEST_CASE(durations_are_whole_seconds) {
  auto in_hours = [](const std::string& value) {
    return parse_text("package p \"P\" {\n  respond to Low within " + value + "\n}\n");
  };
  const auto d = only_error(in_hours("0.001 hours"));
  BOOST_TEST(d.code == "SLA031");
  BOOST_TEST(d.message == "0.001 hours is 3.6 seconds: durations are whole seconds");
  BOOST_TEST(d.hint == "round it to whole seconds, such as 0.05 minutes (3 seconds)");
  BOOST_TEST(only_error(in_hours("0.0001 hours")).code == "SLA031");
  BOOST_TEST(only_error(in_hours("0.001 business hours")).code == "SLA031");
  BOOST_TEST(in_hours("0.005 hours").diagnostics.empty());   // 18 s
  BOOST_TEST(in_hours("0.05 minutes").diagnostics.empty());  // 3 s
  BOOST_TEST(!parse_duration("0.001 hours").has_value());
  BOOST_TEST(parse_duration("0.005 hours").has_value());
}
