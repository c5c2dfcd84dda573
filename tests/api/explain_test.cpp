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

// ---- The forms beyond the seed (docs/semantics.md): the target that applies on its
// own calendar, relative deadlines, conditions, tickets without a priority, updates,
// restoration and ladders per priority. One contract in Europe/Berlin (+01:00).

namespace {

constexpr const char* kBeyond = R"(
contract "Beyond" { provider "Acme"; version "1"; effective 2026-01-01 }
holidays de "Holidays" { covers 2026 to 2026; 2026-01-01 "New Year"; 2026-05-01 "Labour Day" }
calendar office { zone "Europe/Berlin"; open Mon-Fri 08:00-18:00; closed on holidays de }
calendar around_the_clock { zone "Europe/Berlin"; open always; open on holidays }
calendar late_desk { zone "Europe/Berlin"; open Mon-Fri 14:00-22:00; open on holidays }
calendar night_desk { zone "Europe/Berlin"; open Mon-Fri 22:00-06:00; open on holidays }
calendar jakarta_desk { zone "Asia/Jakarta"; open Mon-Fri 09:00-17:00; open on holidays }
calendar amsterdam_desk { zone "Europe/Amsterdam"; open Mon-Fri 09:00-17:00; open on holidays }
calendar follow_the_sun { union of jakarta_desk, amsterdam_desk }
attribute channel "phone", "e-mail", "portal"
attribute type "incident", "question"
priorities { P4 "Question."; P3 "Minor."; P2 "Major."; P1 "Outage." }
package business "Business" {
  calendar office
  clock pauses on status "Waiting on customer"
  respond to P1 within 30 minutes on calendar around_the_clock
  respond to P1 where channel is "phone", "portal" within 15 minutes on calendar around_the_clock
  respond to P2 within 2 business hours on calendar late_desk
  respond to P3 by 12:00 next business day
  respond to P4 by end of next business day
  respond to all where type is "question" within 2 business days
  update P1 every 1 hour on calendar around_the_clock
  update P2 every 2 business hours
  restore P1 within 4 hours on calendar around_the_clock
  resolve P1 within 2 business days
  escalation for P1 {
    from 0 hours until 1 hour escalate to "On-call engineer"
    from 1 hour escalate to "Head of Operations" when not resolved
  }
  escalation {
    from 0 business hours until 4 business hours escalate to "Support engineer"
    from 4 business hours escalate to "Team lead"
  }
}
package night "Night" { calendar night_desk; respond to P4 by end of next business day }
package always "Always" { calendar around_the_clock; respond to P4 by end of next business day }
package global "Global" { calendar follow_the_sun; respond to all within 2 business hours }
)";

std::shared_ptr<const Model> beyond() {
  static const std::shared_ptr<const Model> model = [] {
    auto r = load_string("beyond.sla", kBeyond);
    for (const auto& d : r.diagnostics) BOOST_TEST_MESSAGE(d.message);
    BOOST_REQUIRE(r.ok());
    return r.model;
  }();
  return model;
}

Evaluator beyond_evaluator(const std::string& package) {
  auto made = Evaluator::make(beyond(), package);
  BOOST_REQUIRE(made.evaluator);
  return std::move(*made.evaluator);
}

std::vector<const ExplanationStep*> all_of(const std::vector<ExplanationStep>& steps,
                                           std::string_view kind) {
  std::vector<const ExplanationStep*> out;
  for (const auto& s : steps)
    if (s.kind == kind) out.push_back(&s);
  return out;
}

bool says(const ExplanationStep* step, std::string_view words) {
  BOOST_REQUIRE(step);
  if (step->text.find(words) != std::string::npos) return true;
  BOOST_TEST_MESSAGE("'" << step->text << "' lacks '" << words << "'");
  return false;
}

// Each "<kind>_due" step agrees with the evaluation: due time and verdict.
void agrees(const Evaluator& ev, const Ticket& t, Instant as_of,
            const std::vector<ExplanationStep>& steps) {
  const Evaluation e = ev.evaluate(t, as_of);
  BOOST_REQUIRE(e.ok());
  const std::pair<std::string_view, const TargetOutcome*> outcomes[] = {
      {"response_due", &e.response},
      {"resolution_due", &e.resolution},
      {"restoration_due", &e.restoration},
      {"update_due", &e.update}};
  for (const auto& [kind, outcome] : outcomes) {
    const ExplanationStep* step = find(steps, kind);
    if (outcome->verdict == Verdict::no_target) continue;
    BOOST_TEST_CONTEXT(kind) {
      BOOST_REQUIRE(step);
      BOOST_TEST((step->due == outcome->due));
      BOOST_TEST(step->status == name(outcome->verdict));
    }
  }
  if (const ExplanationStep* u = find(steps, "update_due"))
    BOOST_TEST((u->seconds == e.update_worst_gap));
}

const Instant kLater = at("2026-02-01T00:00:00+01:00");

}  // namespace

BOOST_AUTO_TEST_CASE(the_target_that_applies_is_walked_on_its_own_calendar) {
  const Evaluator ev = beyond_evaluator("business");
  // P2: 2 business hours on the late desk (14:00-22:00), not the office (08:00-18:00).
  const Ticket t{.priority = "P2", .created = at("2026-01-12T21:00:00+01:00")};
  const auto steps = explain(ev, t, kLater);
  BOOST_TEST(says(find(steps, "response_target"), "on calendar late_desk in Europe/Berlin"));
  const auto open = all_of(steps, "open");
  BOOST_REQUIRE(open.size() == 2u);
  BOOST_TEST((open[0]->from == at("2026-01-12T21:00:00+01:00")));
  BOOST_TEST((open[0]->until == at("2026-01-12T22:00:00+01:00")));
  BOOST_TEST((open[1]->from == at("2026-01-13T14:00:00+01:00")));
  BOOST_TEST((find(steps, "response_due")->due == at("2026-01-13T15:00:00+01:00")));
  agrees(ev, t, kLater, steps);

  // P1 by e-mail on a Saturday night: calendar time around the clock, not Monday.
  const std::string_view email[] = {"e-mail", ""};
  const Ticket p1{
      .priority = "P1", .created = at("2026-01-10T22:00:00+01:00"), .attributes = email};
  const auto p1_steps = explain(ev, p1, kLater);
  BOOST_TEST(says(find(p1_steps, "response_target"), "on calendar around_the_clock"));
  BOOST_TEST((find(p1_steps, "response_due")->due == at("2026-01-10T22:30:00+01:00")));
  agrees(ev, p1, kLater, p1_steps);
}

BOOST_AUTO_TEST_CASE(a_relative_deadline_is_explained_in_words) {
  const Evaluator ev = beyond_evaluator("business");
  auto relative = [&](const Ticket& t) {
    const auto steps = explain(ev, t, kLater);
    agrees(ev, t, kLater, steps);
    BOOST_TEST(find(steps, "clock_start") == nullptr);  // no walk of business hours
    const auto words = all_of(steps, "relative_deadline");
    BOOST_REQUIRE(words.size() >= 2u);
    return steps;
  };
  // Friday 10:00 by 12:00 next business day: the weekend is skipped.
  auto steps = relative({.priority = "P3", .created = at("2026-01-09T10:00:00+01:00")});
  auto words = all_of(steps, "relative_deadline");
  BOOST_TEST(
      says(words[0], "the clock starts on Friday 2026-01-09, the day the ticket was raised"));
  BOOST_TEST(says(words[0], "Monday 2026-01-12"));
  BOOST_TEST(says(words[0], "Skipped, Saturday 2026-01-10 to Sunday 2026-01-11: the weekend"));
  BOOST_TEST(says(words[1], "By 12:00 that day: Monday 2026-01-12T12:00:00+01:00"));
  // 31 December: New Year's Day is skipped, by name.
  steps = relative({.priority = "P3", .created = at("2025-12-31T15:00:00+01:00")});
  words = all_of(steps, "relative_deadline");
  BOOST_TEST(
      says(words[0], "Friday 2026-01-02. Skipped: Thursday 2026-01-01 is a holiday (New Year)"));
  // Tuesday 15:00: Wednesday, the very next day.
  steps = relative({.priority = "P3", .created = at("2026-01-13T15:00:00+01:00")});
  BOOST_TEST(says(find(steps, "relative_deadline"), "Wednesday 2026-01-14, the very next day"));
  // By end of next business day: the day's last closing.
  steps = relative({.priority = "P4", .created = at("2026-01-09T10:00:00+01:00")});
  BOOST_TEST(says(all_of(steps, "relative_deadline")[1],
                  "the end of its last opening, Monday 2026-01-12T18:00:00+01:00"));
  // A pause moves the deadline by the open time it took.
  const TicketEvent events[] = {
      {at("2026-01-14T09:00:00+01:00"), TicketEvent::Kind::status, "Waiting on customer"},
      {at("2026-01-14T11:00:00+01:00"), TicketEvent::Kind::status, "Open"}};
  steps =
      relative({.priority = "P3", .created = at("2026-01-13T15:00:00+01:00"), .events = events});
  words = all_of(steps, "relative_deadline");
  BOOST_REQUIRE(words.size() == 3u);
  BOOST_TEST(says(words[2],
                  "moves to Wednesday 2026-01-14T14:00:00+01:00 (instead of Wednesday "
                  "2026-01-14T12:00:00+01:00)"));
  BOOST_TEST(find(steps, "pause") != nullptr);

  // A night shift ends the next business day the morning after; a desk open round the
  // clock ends it at midnight.
  const Evaluator night = beyond_evaluator("night");
  const Ticket friday{.priority = "P4", .created = at("2026-01-09T10:00:00+01:00")};
  auto n = explain(night, friday, kLater);
  agrees(night, friday, kLater, n);
  BOOST_TEST(says(all_of(n, "relative_deadline")[0], "Monday 2026-01-12"));
  BOOST_TEST(says(all_of(n, "relative_deadline")[1],
                  "runs past midnight to Tuesday 2026-01-13T06:00:00+01:00"));
  const Evaluator always = beyond_evaluator("always");
  auto a = explain(always, friday, kLater);
  agrees(always, friday, kLater, a);
  BOOST_TEST(says(all_of(a, "relative_deadline")[0], "Saturday 2026-01-10, the very next day"));
  BOOST_TEST(says(all_of(a, "relative_deadline")[1],
                  "the day ends at midnight, Sunday 2026-01-11T00:00:00+01:00"));
}

BOOST_AUTO_TEST_CASE(the_condition_that_matched_is_named) {
  const Evaluator ev = beyond_evaluator("business");
  const std::string_view phone[] = {"PHONE", ""};
  const Ticket t{.priority = "P1", .created = at("2026-01-10T22:00:00+01:00"), .attributes = phone};
  const auto steps = explain(ev, t, kLater);
  BOOST_TEST(says(find(steps, "attributes"), "channel \"PHONE\", no type"));
  const auto conditions = all_of(steps, "condition");
  BOOST_REQUIRE(!conditions.empty());
  BOOST_TEST(says(conditions[0],
                  "The response target where channel is \"phone\", \"portal\" "
                  "applies: the ticket's channel is \"PHONE\""));
  BOOST_TEST(says(find(steps, "response_target"), "Respond to P1 where channel is"));
  BOOST_TEST((find(steps, "response_due")->due == at("2026-01-10T22:15:00+01:00")));

  const std::string_view email[] = {"e-mail", ""};
  const Ticket e{.priority = "P1", .created = at("2026-01-10T22:00:00+01:00"), .attributes = email};
  const auto e_steps = explain(ev, e, kLater);
  BOOST_TEST(
      says(find(e_steps, "condition"), "does not apply: the ticket's channel is \"e-mail\""));
  BOOST_TEST(!says(find(e_steps, "response_target"), "where"));
  BOOST_TEST((find(e_steps, "response_due")->due == at("2026-01-10T22:30:00+01:00")));
}

BOOST_AUTO_TEST_CASE(a_ticket_without_a_priority_is_explained) {
  const Evaluator ev = beyond_evaluator("business");
  const std::string_view question[] = {"", "question"};
  const Ticket t{.created = at("2026-01-09T10:00:00+01:00"), .attributes = question};
  const auto steps = explain(ev, t, kLater);
  BOOST_REQUIRE(!steps.empty());
  BOOST_TEST(says(find(steps, "priority"), "No priority"));
  BOOST_TEST(says(find(steps, "response_target"), "Respond to all where type is \"question\""));
  BOOST_TEST((find(steps, "response_due")->due == at("2026-01-13T10:00:00+01:00")));
  BOOST_TEST(says(find(steps, "ladder"), "every priority"));
  agrees(ev, t, kLater, steps);
}

BOOST_AUTO_TEST_CASE(explain_names_the_gap_that_breached) {
  const Evaluator ev = beyond_evaluator("business");
  const TicketEvent updates[] = {{at("2026-01-12T11:00:00+01:00"), TicketEvent::Kind::update, "u"},
                                 {at("2026-01-12T12:30:00+01:00"), TicketEvent::Kind::update, "u"}};
  const Ticket t{.priority = "P1",
                 .created = at("2026-01-12T10:00:00+01:00"),
                 .responded = at("2026-01-12T10:10:00+01:00"),
                 .resolved = at("2026-01-12T13:00:00+01:00"),
                 .events = updates};
  const auto steps = explain(ev, t, kLater);
  agrees(ev, t, kLater, steps);
  const auto gaps = all_of(steps, "update_gap");
  BOOST_REQUIRE(gaps.size() == 3u);
  BOOST_TEST((gaps[0]->seconds == std::chrono::seconds(3000)));
  BOOST_TEST((gaps[1]->seconds == std::chrono::seconds(5400)));
  BOOST_TEST((gaps[1]->from == at("2026-01-12T11:00:00+01:00")));
  BOOST_TEST((gaps[1]->until == at("2026-01-12T12:30:00+01:00")));
  BOOST_TEST(says(gaps[1],
                  "this gap breached the target (the next update was due Monday "
                  "2026-01-12T12:00:00+01:00)"));
  BOOST_TEST(!says(gaps[0], "breached"));
  BOOST_TEST(!says(gaps[2], "breached"));
  BOOST_TEST(says(gaps[2], "to the resolution"));
  const ExplanationStep* due = find(steps, "update_due");
  BOOST_TEST(due->status == "breached");
  BOOST_TEST((due->due == at("2026-01-12T12:00:00+01:00")));
  BOOST_TEST((due->seconds == std::chrono::seconds(5400)));
  BOOST_TEST(says(due, "The worst gap is 1 h 30 min"));

  // Met: answered 10:10, updated 11:00, resolved 11:30.
  const Ticket met{.priority = "P1",
                   .created = at("2026-01-12T10:00:00+01:00"),
                   .responded = at("2026-01-12T10:10:00+01:00"),
                   .resolved = at("2026-01-12T11:30:00+01:00"),
                   .events = std::span(updates, 1)};
  const auto met_steps = explain(ev, met, kLater);
  agrees(ev, met, kLater, met_steps);
  BOOST_TEST(find(met_steps, "update_due")->status == "met");
  BOOST_TEST(all_of(met_steps, "update_gap").size() == 2u);

  // Before the first response nothing is owed.
  const Ticket unanswered{.priority = "P1", .created = at("2026-01-12T10:00:00+01:00")};
  const auto u = explain(ev, unanswered, kLater);
  BOOST_TEST(says(find(u, "update_due"), "No update is owed before the first response"));
  BOOST_TEST(find(u, "update_gap") == nullptr);
}

BOOST_AUTO_TEST_CASE(business_update_gaps_skip_closed_and_paused_time) {
  const Evaluator ev = beyond_evaluator("business");
  const TicketEvent events[] = {
      {at("2026-01-12T09:00:00+01:00"), TicketEvent::Kind::update, "u"},
      {at("2026-01-12T10:00:00+01:00"), TicketEvent::Kind::status, "Waiting on customer"},
      {at("2026-01-12T15:00:00+01:00"), TicketEvent::Kind::status, "Open"}};
  const Ticket t{.priority = "P2",
                 .created = at("2026-01-09T16:00:00+01:00"),
                 .responded = at("2026-01-09T17:00:00+01:00"),
                 .resolved = at("2026-01-12T16:00:00+01:00"),
                 .events = events};
  const auto steps = explain(ev, t, kLater);
  agrees(ev, t, kLater, steps);
  const auto gaps = all_of(steps, "update_gap");
  BOOST_REQUIRE(gaps.size() == 2u);
  BOOST_TEST((gaps[0]->seconds == std::chrono::seconds(7200)));
  BOOST_TEST(says(gaps[0], "2 h of open time on office"));
  BOOST_TEST((gaps[1]->seconds == std::chrono::seconds(7200)));
  BOOST_TEST(says(gaps[1], "(paused time not counted)"));
  BOOST_TEST(find(steps, "update_due")->status == "met");
}

BOOST_AUTO_TEST_CASE(update_gaps_agree_with_the_evaluation_on_random_tickets) {
  const Evaluator ev = beyond_evaluator("business");
  unsigned seed = 12345;
  auto next = [&](unsigned bound) {
    seed = seed * 1103515245u + 12345u;
    return (seed >> 8) % bound;
  };
  const Instant base = at("2026-01-05T00:00:00+01:00");
  for (int round = 0; round < 300; ++round) {
    const Instant created = base + std::chrono::minutes(next(7 * 24 * 60));
    std::vector<TicketEvent> events;
    Instant t = created;
    for (unsigned i = 0, n = next(8); i < n; ++i) {
      t += std::chrono::minutes(next(300));
      const unsigned what = next(4);
      events.push_back({t,
                        what == 0   ? TicketEvent::Kind::status
                        : what == 1 ? TicketEvent::Kind::status
                                    : TicketEvent::Kind::update,
                        what == 0   ? "Waiting on customer"
                        : what == 1 ? "Open"
                                    : "u"});
    }
    Ticket ticket{.priority = next(2) ? "P1" : "P2", .created = created, .events = events};
    if (next(4) > 0) ticket.responded = created + std::chrono::minutes(next(120));
    if (next(2) > 0) ticket.resolved = created + std::chrono::minutes(next(2000));
    if (ticket.resolved && ticket.responded && *ticket.resolved < *ticket.responded)
      ticket.resolved = ticket.responded;
    const Instant as_of = created + std::chrono::minutes(next(3000));
    BOOST_TEST_CONTEXT("round " << round) {
      const Evaluation e = ev.evaluate(ticket, as_of);
      BOOST_REQUIRE(e.ok());
      const auto steps = explain(ev, ticket, as_of);
      agrees(ev, ticket, as_of, steps);
      std::optional<std::chrono::seconds> worst;
      int breaching = 0;
      for (const ExplanationStep* g : all_of(steps, "update_gap")) {
        worst = std::max(worst.value_or(std::chrono::seconds(0)), *g->seconds);
        breaching += g->text.find("this gap breached") != std::string::npos;
      }
      BOOST_TEST((worst == e.update_worst_gap));
      BOOST_TEST(breaching == (e.update.verdict == Verdict::breached ? 1 : 0));
    }
  }
}

BOOST_AUTO_TEST_CASE(restoration_is_explained_and_falls_back_on_the_resolution) {
  const Evaluator ev = beyond_evaluator("business");
  Ticket t{.priority = "P1",
           .created = at("2026-01-10T22:00:00+01:00"),
           .restored = at("2026-01-11T01:30:00+01:00")};
  auto steps = explain(ev, t, kLater);
  agrees(ev, t, kLater, steps);
  BOOST_TEST(says(find(steps, "restoration_target"),
                  "Restore service for P1 within 4 hours (committed), on calendar "
                  "around_the_clock"));
  BOOST_TEST((find(steps, "restoration_due")->due == at("2026-01-11T02:00:00+01:00")));
  BOOST_TEST(find(steps, "restoration_due")->status == "met");

  t.restored.reset();
  t.resolved = at("2026-01-11T03:00:00+01:00");
  steps = explain(ev, t, kLater);
  agrees(ev, t, kLater, steps);
  BOOST_TEST(find(steps, "restoration_due")->status == "breached");
  BOOST_TEST(says(find(steps, "restoration_due"), "which counts as the restoration"));

  // A restoration stamped after the as-of time is not known yet.
  t.resolved.reset();
  t.restored = at("2026-01-11T01:30:00+01:00");
  const Instant early = at("2026-01-11T01:00:00+01:00");
  steps = explain(ev, t, early);
  agrees(ev, t, early, steps);
  BOOST_TEST(says(find(steps, "not_yet"), "restoration"));
  BOOST_TEST(find(steps, "restoration_due")->status == "pending");
}

BOOST_AUTO_TEST_CASE(the_ladder_is_the_priority_s_own_with_when_not_resolved) {
  const Evaluator ev = beyond_evaluator("business");
  Ticket t{.priority = "P1",
           .created = at("2026-01-10T22:00:00+01:00"),
           .responded = at("2026-01-10T22:20:00+01:00")};
  const Instant as_of = at("2026-01-11T00:00:00+01:00");
  auto steps = explain(ev, t, as_of);
  BOOST_TEST(says(find(steps, "ladder"), "Escalation ladder for P1, stated at beyond.sla:"));
  auto bands = all_of(steps, "escalation");
  BOOST_REQUIRE(bands.size() == 2u);
  BOOST_TEST(says(bands[1], "escalate to Head of Operations, while the ticket is not resolved"));
  BOOST_TEST(says(bands[1], "; reached."));
  BOOST_TEST(says(find(steps, "escalation_now"), "has reached Head of Operations"));

  // Resolved after 50 minutes: the band 'when not resolved' stops there, unreached.
  t.resolved = at("2026-01-10T22:50:00+01:00");
  steps = explain(ev, t, as_of);
  bands = all_of(steps, "escalation");
  BOOST_REQUIRE(bands.size() == 2u);
  BOOST_TEST(says(bands[1], "not reached: the resolution at Saturday 2026-01-10T22:50:00+01:00"));
  BOOST_TEST(says(find(steps, "escalation_now"), "has reached On-call engineer"));

  // A P2 climbs the ladder for every priority.
  const Ticket p2{.priority = "P2", .created = at("2026-01-12T09:00:00+01:00")};
  steps = explain(ev, p2, kLater);
  BOOST_TEST(says(find(steps, "ladder"), "Escalation ladder for every priority"));
  BOOST_TEST(says(all_of(steps, "escalation")[0], "Support engineer"));
}

BOOST_AUTO_TEST_CASE(a_union_calendar_says_why_each_member_is_closed) {
  const Evaluator ev = beyond_evaluator("global");
  const Ticket t{.priority = "P2", .created = at("2026-01-10T10:00:00+07:00")};  // a Saturday
  const auto steps = explain(ev, t, kLater);
  agrees(ev, t, kLater, steps);
  BOOST_TEST(says(find(steps, "package"), "union of jakarta_desk, amsterdam_desk"));
  const ExplanationStep* start = find(steps, "clock_start");
  BOOST_TEST(says(start, "every calendar of the union is closed (jakarta_desk: "));
  BOOST_TEST(says(start, "amsterdam_desk: "));
  BOOST_TEST((start->until == at("2026-01-12T09:00:00+07:00")));
}
