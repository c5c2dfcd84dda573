// sla::explain on the calendars that once made it hang, overflow or ramble: a desk
// that never opens again, walks longer than the step bound, closed spans of months.
#define BOOST_TEST_MODULE explain
#include <boost/test/unit_test.hpp>

#include <date/date.h>
#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "sla/evaluator.hpp"
#include "sla/explanation.hpp"
#include "sla/load.hpp"
#include "sla/timestamp.hpp"

using namespace sla;

namespace {

Instant at(std::string_view text) {
  auto t = parse_instant(text);
  BOOST_REQUIRE(t.has_value());
  return *t;
}

// A contract whose one calendar, in `zone`, has `hours` and `holidays` lines.
std::shared_ptr<const Model> contract(std::string_view zone, std::string_view hours,
                                      std::string_view holidays, std::string_view target) {
  const std::string text = fmt::format(
      "contract \"T\" {{ provider \"P\"; version \"1\"; effective 2026-01-01 }}\n"
      "holidays days {{\n{}\n}}\n"
      "calendar office {{ zone \"{}\"; {}; closed on holidays days }}\n"
      "priorities {{ High \"h\" }}\n"
      "package p \"P\" {{\n  calendar office\n  {}\n}}\n",
      holidays, zone, hours, target);
  auto r = load_string("t.sla", text);
  for (const auto& d : r.diagnostics) BOOST_TEST_MESSAGE(d.message);
  BOOST_REQUIRE(r.ok());
  return r.model;
}

// Every day of 2399 a holiday: after 2398 the desk never opens again.
std::string all_of_2399() {
  std::string out;
  for (unsigned m = 1; m <= 12; ++m)
    for (unsigned d = 1; d <= 31; ++d)
      if (date::year_month_day(date::year(2399), date::month(m), date::day(d)).ok())
        out += fmt::format("  2399-{:02}-{:02} \"closed\"\n", m, d);
  return out;
}

const ExplanationStep* find(const std::vector<ExplanationStep>& steps, std::string_view kind) {
  auto it = std::find_if(steps.begin(), steps.end(),
                         [&](const ExplanationStep& s) { return s.kind == kind; });
  return it == steps.end() ? nullptr : &*it;
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_desk_that_never_opens_again_is_never_due) {
  // UTC and a positive offset (the path that overflowed under UBSan); raised while
  // open and while closed.
  const std::pair<std::string_view, std::string_view> zones[] = {
      {"UTC", "+00:00"}, {"Asia/Tokyo", "+09:00"}, {"America/New_York", "-05:00"}};
  for (const auto& [zone, offset] : zones) {
    // Raised on the last working day, half an hour before closing and after it.
    for (std::string_view local : {"2398-12-31T16:30:00", "2398-12-31T17:30:00"}) {
      const std::string created = fmt::format("{}{}", local, offset);
      BOOST_TEST_CONTEXT(zone << " " << created) {
        auto model = contract(zone, "open Mon-Fri 09:00-17:00", all_of_2399(),
                              "respond to High within 2 business hours committed");
        auto made = Evaluator::make(model, "p");
        BOOST_REQUIRE(made.evaluator);
        const Ticket t{.priority = "High", .created = at(created)};
        const Instant as_of = at("2398-12-31T23:59:59Z");  // the last supported second
        const Evaluation e = made.evaluator->evaluate(t, as_of);
        BOOST_REQUIRE(e.ok());
        BOOST_TEST(!e.response.due.has_value());  // eval: never due

        const auto steps = explain(*made.evaluator, t, as_of);
        BOOST_TEST(steps.size() < 20u);
        const ExplanationStep* due = find(steps, "response_due");
        BOOST_REQUIRE(due);
        BOOST_TEST(!due->due.has_value());  // explain agrees
        BOOST_TEST(due->status == "pending");
        BOOST_TEST(due->text.find("never due") != std::string::npos);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(a_long_walk_is_cut_and_says_so) {
  // One open hour a week: a 1,000-business-hour target is 2,000 spans away.
  auto model = contract("UTC", "open Mon 09:00-10:00", "  2026-12-25 \"Christmas\"",
                        "respond to High within 1000 business hours committed");
  auto made = Evaluator::make(model, "p");
  BOOST_REQUIRE(made.evaluator);
  const Ticket t{.priority = "High", .created = at("2026-01-05T09:00:00Z")};
  const Instant as_of = at("2026-02-01T00:00:00Z");
  const auto steps = explain(*made.evaluator, t, as_of);
  const ExplanationStep* cut = find(steps, "truncated");
  BOOST_REQUIRE(cut);
  BOOST_TEST(cut->text.find("400") != std::string::npos);
  BOOST_TEST(steps.size() < 420u);
  const ExplanationStep* due = find(steps, "response_due");
  BOOST_REQUIRE(due);  // the due time is still told, exactly as eval computes it
  BOOST_TEST((due->due == made.evaluator->evaluate(t, as_of).response.due));
}

BOOST_AUTO_TEST_CASE(a_long_closed_span_is_summed_up) {
  // Open one day a week: a ticket raised on Tuesday skips six days; the reason names
  // each weekday once, and a long run of holidays names only the first few.
  std::string holidays = "  2026-03-09 \"Closure A\"\n  2026-03-16 \"Closure B\"\n";
  for (int d = 1; d <= 28; ++d) holidays += fmt::format("  2026-02-{:02} \"Closure {}\"\n", d, d);
  auto model = contract("UTC", "open Mon 09:00-17:00", holidays,
                        "respond to High within 2 business hours committed");
  auto made = Evaluator::make(model, "p");
  BOOST_REQUIRE(made.evaluator);
  auto clock_start = [&](std::string_view created) {
    const Ticket t{.priority = "High", .created = at(created)};
    const auto steps = explain(*made.evaluator, t, at("2026-04-01T00:00:00Z"));
    const ExplanationStep* start = find(steps, "clock_start");
    BOOST_REQUIRE(start);
    BOOST_TEST_MESSAGE(start->text);
    BOOST_TEST(start->text.size() < 400u);
    return start->text;
  };
  // Tuesday 27 January to Monday 2 March: 28 holidays, the first three named.
  const std::string february = clock_start("2026-01-27T10:00:00Z");
  BOOST_TEST(february.find("Monday 2026-02-02 is a holiday (Closure 2)") != std::string::npos);
  BOOST_TEST(february.find("and 25 more holidays") != std::string::npos);
  BOOST_TEST(february.find("Closure 4)") == std::string::npos);
  // Tuesday 3 March to Monday 23 March: three weeks of closed weekdays, each named once.
  const std::string march = clock_start("2026-03-03T10:00:00Z");
  BOOST_TEST(march.find("no operating hours on Tuesday, Wednesday, Thursday, Friday, "
                        "Saturday, Sunday, 18 days in all") != std::string::npos);
  BOOST_TEST(march.find("Monday 2026-03-16 is a holiday (Closure B)") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_same_week_again_is_told_once) {
  // One open hour a week: a 10-business-hour target walks ten identical weeks.
  auto model = contract("UTC", "open Mon 09:00-10:00", "  2020-01-01 \"Unused\"",
                        "respond to High within 10 business hours committed");
  auto made = Evaluator::make(model, "p");
  BOOST_REQUIRE(made.evaluator);
  const Ticket t{.priority = "High", .created = at("2026-01-05T09:00:00Z")};
  const auto steps = explain(*made.evaluator, t, at("2026-04-01T00:00:00Z"));
  const ExplanationStep* repeat = find(steps, "repeat");
  BOOST_REQUIRE(repeat);
  BOOST_TEST_MESSAGE(repeat->text);
  // Week 1 told in full (open, skipped), then weeks 2-9 as one step; week 10's
  // open hour ends the walk at the due time.
  BOOST_TEST(repeat->text.find("The same again 8 more times") != std::string::npos);
  BOOST_TEST(repeat->text.find("480 min counted") != std::string::npos);
  BOOST_TEST(steps.size() < 15u);
  const ExplanationStep* due = find(steps, "response_due");
  BOOST_REQUIRE(due);
  BOOST_TEST((due->due == at("2026-03-09T10:00:00Z")));
}
