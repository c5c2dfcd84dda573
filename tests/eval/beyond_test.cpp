// The rules of the forms beyond the seed (docs/semantics.md): per-target calendars,
// attribute conditions, tickets without a priority, relative deadlines, union
// calendars, update and restoration targets, ladders per priority, ticket credits.
// One contract in Europe/Berlin (+01:00 in January) serves them all.
#define BOOST_TEST_MODULE beyond
#include <boost/test/unit_test.hpp>

#include "interpreter/time/timestamp.hpp"
#include "sla/credits.hpp"
#include "sla/evaluator.hpp"
#include "sla/load.hpp"

using namespace sla;
using namespace std::chrono_literals;

namespace {

constexpr const char* kContract = R"(
contract "Beyond" { provider "Acme"; version "1"; effective 2026-01-01 }
holidays de "Holidays" { covers 2026 to 2026; 2026-01-01 "New Year"; 2026-05-01 "Labour Day" }
holidays by "Regional" { covers 2026 to 2026; 2026-01-06 "Epiphany" }
calendar office { zone "Europe/Berlin"; open Mon-Fri 08:00-18:00; closed on holidays de, by }
calendar around_the_clock { zone "Europe/Berlin"; open always; open on holidays }
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
  respond to P2 within 1 business hour
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
  credit 5 % per breached P1 response
  credit 2 % per breached response
  credit 3 % per breached update
  credits at most 10 % per month
}
package global "Global" { calendar follow_the_sun; respond to all within 2 business hours }
)";

const Model& model() {
  static const LoadResult r = load_string("beyond.sla", kContract);
  BOOST_TEST_REQUIRE(r.ok(), (r.diagnostics.empty() ? "" : r.diagnostics.front().message));
  return *r.model;
}

Evaluator evaluator(const std::string& package) {
  auto made = Evaluator::make(model(), package);
  BOOST_TEST_REQUIRE(made.evaluator.has_value(), made.error);
  return std::move(*made.evaluator);
}

Instant at(const std::string& text) {
  std::string error;
  auto t = parse_timestamp(text, error);
  BOOST_TEST_REQUIRE((t && t->has_offset), text << ": " << error);
  return t->utc;
}

std::string local(std::optional<Instant> t) {
  return t ? format_timestamp(*t, 1h) : "none";
}

const Instant as_of = at("2026-01-31T00:00:00+01:00");

// Attribute values in the order the contract declares them: channel, type.
struct Attributes {
  std::string_view values[2];
  std::span<const std::string_view> span() const { return values; }
};

}  // namespace

BOOST_AUTO_TEST_CASE(a_target_on_its_own_calendar_runs_through_the_weekend) {
  Evaluator ev = evaluator("business");
  const Attributes email{{"e-mail", ""}};
  Ticket t{"P1", at("2026-01-10T22:00:00+01:00"), at("2026-01-10T22:20:00+01:00")};
  t.attributes = email.span();
  const Evaluation e = ev.evaluate(t, as_of);  // a Saturday night
  BOOST_TEST(local(e.response.due) == "2026-01-10T22:30:00+01:00");
  BOOST_TEST(name(e.response.verdict) == "met");
  BOOST_TEST(e.response.target->calendar == "around_the_clock");
  // The resolution keeps the package's office hours: Monday 08:00 plus 20 hours.
  BOOST_TEST(local(e.resolution.due) == "2026-01-13T18:00:00+01:00");
}

BOOST_AUTO_TEST_CASE(a_condition_refines_the_target_for_its_values_only) {
  Evaluator ev = evaluator("business");
  for (std::string_view channel : {"phone", "PORTAL"}) {
    const Attributes a{{channel, ""}};
    Ticket t{"P1", at("2026-01-10T22:00:00+01:00"), at("2026-01-10T22:20:00+01:00")};
    t.attributes = a.span();
    const Evaluation e = ev.evaluate(t, as_of);
    BOOST_TEST(local(e.response.due) == "2026-01-10T22:15:00+01:00", channel);
    BOOST_TEST(name(e.response.verdict) == "breached");
    BOOST_TEST(e.response.target->where.has_value());
  }
  // No channel at all: the plain P1 target.
  Ticket none{"P1", at("2026-01-10T22:00:00+01:00")};
  BOOST_TEST(local(ev.evaluate(none, as_of).response.due) == "2026-01-10T22:30:00+01:00");
}

BOOST_AUTO_TEST_CASE(an_attribute_target_judges_tickets_without_a_priority) {
  Evaluator ev = evaluator("business");
  const Attributes question{{"portal", "question"}};
  Ticket t{"", at("2026-01-09T10:00:00+01:00")};
  t.attributes = question.span();
  Evaluation e = ev.evaluate(t, as_of);
  BOOST_TEST(e.ok(), e.error);
  BOOST_TEST(!e.priority);
  BOOST_TEST(local(e.response.due) == "2026-01-13T10:00:00+01:00");  // two 10-hour days
  BOOST_TEST((e.resolution.verdict == Verdict::no_target));
  BOOST_TEST(e.escalation->role == "Team lead");  // the ladder for all priorities

  // A question with a priority: the condition for all refines the priority's target.
  Ticket p3{"P3", at("2026-01-09T10:00:00+01:00")};
  p3.attributes = question.span();
  BOOST_TEST(local(ev.evaluate(p3, as_of).response.due) == "2026-01-13T10:00:00+01:00");

  // Without a priority and without a matching attribute, nothing applies: an error.
  Ticket bare{"", at("2026-01-09T10:00:00+01:00")};
  e = ev.evaluate(bare, as_of);
  BOOST_TEST(!e.ok());
  BOOST_TEST(ev.error_text(e) ==
             "no priority, and no target for tickets without one applies to it");
}

BOOST_AUTO_TEST_CASE(an_unknown_attribute_value_is_an_error_naming_the_known_ones) {
  Evaluator ev = evaluator("business");
  const Attributes fax{{"fax", ""}};
  Ticket t{"P1", at("2026-01-12T09:00:00+01:00")};
  t.attributes = fax.span();
  const Evaluation e = ev.evaluate(t, as_of);
  BOOST_TEST(ev.error_text(e) ==
             "unknown channel 'fax' (known: \"phone\", \"e-mail\", \"portal\")");
}

BOOST_AUTO_TEST_CASE(relative_deadlines_fall_on_the_next_business_day) {
  Evaluator ev = evaluator("business");
  auto due = [&](const char* priority, const char* raised) {
    return local(ev.evaluate(Ticket{priority, at(raised)}, as_of).response.due);
  };
  BOOST_TEST(due("P3", "2026-01-13T15:00:00+01:00") == "2026-01-14T12:00:00+01:00");  // Tue
  BOOST_TEST(due("P3", "2026-01-09T10:00:00+01:00") == "2026-01-12T12:00:00+01:00");  // Fri
  BOOST_TEST(due("P3", "2026-01-10T10:00:00+01:00") == "2026-01-12T12:00:00+01:00");  // Sat
  BOOST_TEST(due("P3", "2026-01-12T23:30:00+01:00") == "2026-01-13T12:00:00+01:00");  // late
  // Over New Year's Day, then over Epiphany (a regional set closes the desk too).
  BOOST_TEST(due("P3", "2025-12-31T09:00:00+01:00") == "2026-01-02T12:00:00+01:00");
  BOOST_TEST(due("P3", "2026-01-05T09:00:00+01:00") == "2026-01-07T12:00:00+01:00");
  BOOST_TEST(due("P4", "2026-01-09T10:00:00+01:00") == "2026-01-12T18:00:00+01:00");
}

BOOST_AUTO_TEST_CASE(a_pause_moves_a_relative_deadline_by_the_open_time_it_took) {
  Evaluator ev = evaluator("business");
  const TicketEvent events[] = {
      {at("2026-01-14T09:00:00+01:00"), TicketEvent::Kind::status, "Waiting on customer"},
      {at("2026-01-14T11:00:00+01:00"), TicketEvent::Kind::status, "Open"}};
  Ticket t{"P3", at("2026-01-13T15:00:00+01:00"), {}, {}, events};
  BOOST_TEST(local(ev.evaluate(t, as_of).response.due) == "2026-01-14T14:00:00+01:00");
}

BOOST_AUTO_TEST_CASE(a_union_calendar_is_open_when_any_member_is) {
  Evaluator ev = evaluator("global");
  // Amsterdam: Monday 16:30-17:00 (30 minutes), then Jakarta from Tuesday 09:00 +07:00.
  const Evaluation e = ev.evaluate(Ticket{"P2", at("2026-01-12T16:30:00+01:00")}, as_of);
  BOOST_TEST(format_timestamp(*e.response.due, 0h) == "2026-01-13T03:30:00+00:00");
  BOOST_TEST(ev.calendar_info().zone == "Asia/Jakarta");  // the first member's
  BOOST_TEST(ev.is_open(at("2026-01-13T03:00:00Z")));
  BOOST_TEST(ev.is_open(at("2026-01-13T12:00:00Z")));   // 13:00 in Amsterdam
  BOOST_TEST(!ev.is_open(at("2026-01-13T17:00:00Z")));  // both closed
}

BOOST_AUTO_TEST_CASE(updates_are_judged_by_the_longest_gap) {
  Evaluator ev = evaluator("business");
  const TicketEvent late[] = {
      {at("2026-01-11T11:00:00+01:00"), TicketEvent::Kind::update, "investigating"},
      {at("2026-01-11T12:30:00+01:00"), TicketEvent::Kind::update, "fix deployed"}};
  Ticket t{"P1", at("2026-01-11T10:00:00+01:00"), at("2026-01-11T10:10:00+01:00"),
           at("2026-01-11T13:00:00+01:00"), late};
  Evaluation e = ev.evaluate(t, as_of);
  BOOST_TEST(name(e.update.verdict) == "breached");
  BOOST_TEST(e.update_worst_gap->count() == 5400);
  BOOST_TEST(local(e.update.due) == "2026-01-11T12:00:00+01:00");  // 11:00 + 1 hour

  const TicketEvent good[] = {
      {at("2026-01-11T11:00:00+01:00"), TicketEvent::Kind::update, "investigating"}};
  t = Ticket{"P1", at("2026-01-11T10:00:00+01:00"), at("2026-01-11T10:10:00+01:00"),
             at("2026-01-11T11:30:00+01:00"), good};
  e = ev.evaluate(t, as_of);
  BOOST_TEST(name(e.update.verdict) == "met");
  BOOST_TEST(e.update_worst_gap->count() == 3000);
  BOOST_TEST(!e.update.due);

  // Open: pending, the next update due an hour after the last; before the first
  // response nothing is owed yet.
  t = Ticket{"P1", at("2026-01-11T10:00:00+01:00"), at("2026-01-11T10:10:00+01:00"), {}, good};
  e = ev.evaluate(t, at("2026-01-11T11:30:00+01:00"));
  BOOST_TEST(name(e.update.verdict) == "pending");
  BOOST_TEST(local(e.update.due) == "2026-01-11T12:00:00+01:00");
  e = ev.evaluate(Ticket{"P1", at("2026-01-11T10:00:00+01:00")}, at("2026-01-11T10:05:00+01:00"));
  BOOST_TEST(name(e.update.verdict) == "pending");
  BOOST_TEST(!e.update_worst_gap);
}

BOOST_AUTO_TEST_CASE(business_update_gaps_skip_closed_and_paused_time) {
  Evaluator ev = evaluator("business");
  // Friday 17:00 response, Monday 09:00 update: two business hours apart.
  const TicketEvent events[] = {
      {at("2026-01-12T09:00:00+01:00"), TicketEvent::Kind::update, "still on it"},
      {at("2026-01-12T10:00:00+01:00"), TicketEvent::Kind::status, "Waiting on customer"},
      {at("2026-01-12T15:00:00+01:00"), TicketEvent::Kind::status, "Open"}};
  Ticket t{"P2", at("2026-01-09T16:00:00+01:00"), at("2026-01-09T17:00:00+01:00"),
           at("2026-01-12T16:00:00+01:00"), events};
  const Evaluation e = ev.evaluate(t, as_of);
  // 09:00 to 16:00 is 7 hours, 5 of them waiting on the customer: 2 hours.
  BOOST_TEST(e.update_worst_gap->count() == 7200);
  BOOST_TEST(name(e.update.verdict) == "met");
}

BOOST_AUTO_TEST_CASE(restoration_counts_the_resolution_when_no_restoration_is_given) {
  Evaluator ev = evaluator("business");
  Ticket t{"P1", at("2026-01-10T22:00:00+01:00"), {}, {}};
  t.restored = at("2026-01-11T01:30:00+01:00");
  Evaluation e = ev.evaluate(t, as_of);
  BOOST_TEST(local(e.restoration.due) == "2026-01-11T02:00:00+01:00");
  BOOST_TEST(name(e.restoration.verdict) == "met");
  t.restored.reset();
  t.resolved = at("2026-01-11T03:00:00+01:00");
  BOOST_TEST(name(ev.evaluate(t, as_of).restoration.verdict) == "breached");
  // Another priority has no restoration target.
  BOOST_TEST(
      (ev.evaluate(Ticket{"P2", at("2026-01-12T09:00:00+01:00")}, as_of).restoration.verdict ==
       Verdict::no_target));
}

BOOST_AUTO_TEST_CASE(each_priority_climbs_its_own_ladder) {
  Evaluator ev = evaluator("business");
  // P1 answered in 20 minutes, never resolved: 'when not resolved' keeps climbing.
  Ticket p1{"P1", at("2026-01-10T22:00:00+01:00"), at("2026-01-10T22:20:00+01:00")};
  BOOST_TEST(ev.evaluate(p1, as_of).escalation->role == "Head of Operations");
  p1.resolved = at("2026-01-10T22:50:00+01:00");
  BOOST_TEST(ev.evaluate(p1, as_of).escalation->role == "On-call engineer");
  // P2 answered within 4 business hours: the default band stops at the response.
  Ticket p2{"P2", at("2026-01-09T17:30:00+01:00"), at("2026-01-12T08:20:00+01:00")};
  BOOST_TEST(ev.evaluate(p2, as_of).escalation->role == "Support engineer");
  p2.responded.reset();
  BOOST_TEST(ev.evaluate(p2, as_of).escalation->role == "Team lead");
  BOOST_TEST(ev.ladder(model().priority("P1")).size() == 2u);
  BOOST_TEST(ev.ladder(nullptr)[0].role == "Support engineer");
}

BOOST_AUTO_TEST_CASE(credits_belong_to_the_month_the_target_fell_due_and_are_capped) {
  Evaluator ev = evaluator("business");
  const Package& p = ev.package();
  BOOST_TEST(ticket_credit(p, model().priority("P1"), TargetKind::response)->percent_milli ==
             5000);  // the priority's own rule beats the one for every priority
  BOOST_TEST(ticket_credit(p, model().priority("P2"), TargetKind::response)->percent_milli == 2000);
  BOOST_TEST(!ticket_credit(p, model().priority("P2"), TargetKind::resolution));

  const Attributes phone{{"phone", ""}};
  Ticket t{"P1", at("2026-01-31T23:50:00+01:00"), at("2026-02-01T00:10:00+01:00")};
  t.attributes = phone.span();
  const Evaluation e = ev.evaluate(t, at("2026-03-01T00:00:00+01:00"));
  BOOST_TEST(name(e.response.verdict) == "breached");  // due 00:05 on February 1
  BOOST_TEST(ticket_credits(p, e, at("2026-01-01T00:00:00+01:00"), at("2026-02-01T00:00:00+01:00"))
                 .empty());
  const auto feb =
      ticket_credits(p, e, at("2026-02-01T00:00:00+01:00"), at("2026-03-01T00:00:00+01:00"));
  // The late response, and the update owed an hour after it and never given.
  BOOST_TEST_REQUIRE(feb.size() == 2u);
  BOOST_TEST((feb[0].kind == TargetKind::response && feb[0].percent_milli == 5000));
  BOOST_TEST((feb[1].kind == TargetKind::update && feb[1].percent_milli == 3000));

  const MonthCredit m = month_credit(p, 12000);
  BOOST_TEST(m.total_milli == 10000);
  BOOST_TEST(m.capped());
  BOOST_TEST(!month_credit(p, 9000).capped());
}

BOOST_AUTO_TEST_CASE(a_night_shift_belongs_to_the_day_it_starts) {
  const LoadResult r = load_string("night.sla", R"(
calendar night { zone "Europe/London"; open Mon-Fri 22:00-06:00; open on holidays }
calendar always { zone "Europe/London"; open always; open on holidays }
priorities { P3 "Minor." }
package n "N" { calendar night; respond to P3 by 12:00 next business day
                resolve P3 by end of next business day }
package a "A" { calendar always; respond to P3 by end of next business day }
)");
  BOOST_TEST_REQUIRE(r.ok());
  auto night = Evaluator::make(*r.model, "n");
  auto always = Evaluator::make(*r.model, "a");
  auto due = [&](const Evaluator& ev, const char* raised, bool resolution = false) {
    const Evaluation e = ev.evaluate(Ticket{"P3", at(raised)}, at("2026-02-01T00:00:00Z"));
    return format_timestamp(*(resolution ? e.resolution : e.response).due, 0h);
  };
  // Friday's shift runs into Saturday, but Saturday starts no shift: Monday.
  BOOST_TEST(due(*night.evaluator, "2026-01-09T10:00:00Z") == "2026-01-12T12:00:00+00:00");
  BOOST_TEST(due(*night.evaluator, "2026-01-09T10:00:00Z", true) == "2026-01-13T06:00:00+00:00");
  BOOST_TEST(due(*night.evaluator, "2026-01-08T23:00:00Z") == "2026-01-09T12:00:00+00:00");
  // Open around the clock: every day is a business day, and ends at midnight.
  BOOST_TEST(due(*always.evaluator, "2026-01-09T10:00:00Z") == "2026-01-11T00:00:00+00:00");
}

BOOST_AUTO_TEST_CASE(a_pause_before_the_desk_opens_moves_a_closed_time_deadline_later) {
  const LoadResult r = load_string("early.sla", R"(
calendar office { zone "UTC"; open Mon-Fri 09:00-17:00; open on holidays }
priorities { P3 "Minor." }
package p "P" { calendar office; clock pauses on status "Waiting"
                respond to P3 by 08:00 next business day }
)");
  BOOST_TEST_REQUIRE(r.ok());
  auto made = Evaluator::make(*r.model, "p");
  const Evaluator& ev = *made.evaluator;
  const Instant raised = at("2026-01-12T10:00:00Z");  // Monday: due Tuesday 08:00
  BOOST_TEST(format_timestamp(*ev.evaluate(Ticket{"P3", raised}, as_of).response.due, 0h) ==
             "2026-01-13T08:00:00+00:00");
  // An hour paused before Monday's opening takes no open time: no move.
  const TicketEvent early[] = {{at("2026-01-12T07:00:00Z"), TicketEvent::Kind::status, "Waiting"},
                               {at("2026-01-12T08:00:00Z"), TicketEvent::Kind::status, "Open"}};
  Ticket t{"P3", at("2026-01-12T06:00:00Z"), {}, {}, early};
  BOOST_TEST(format_timestamp(*ev.evaluate(t, as_of).response.due, 0h) ==
             "2026-01-13T08:00:00+00:00");
  // Half an hour paused in open time: half an hour of open time after 08:00, from 09:00.
  const TicketEvent open[] = {{at("2026-01-12T11:00:00Z"), TicketEvent::Kind::status, "Waiting"},
                              {at("2026-01-12T11:30:00Z"), TicketEvent::Kind::status, "Open"}};
  t = Ticket{"P3", raised, {}, {}, open};
  BOOST_TEST(format_timestamp(*ev.evaluate(t, as_of).response.due, 0h) ==
             "2026-01-13T09:30:00+00:00");
}

BOOST_AUTO_TEST_CASE(an_update_gap_runs_from_the_last_update_not_from_the_next_opening) {
  const LoadResult r = load_string("upd.sla", R"(
calendar office { zone "UTC"; open Mon-Fri 09:00-17:00; open on holidays }
priorities { P1 "Outage." }
package p "P" { calendar office; clock starts at next opening; update P1 every 1 hour }
)");
  BOOST_TEST_REQUIRE(r.ok());
  auto made = Evaluator::make(*r.model, "p");
  // Answered Friday 17:30, nothing since: the update was due at 18:30, breached by 19:00.
  Ticket t{"P1", at("2026-01-09T17:00:00Z"), at("2026-01-09T17:30:00Z")};
  const Evaluation e = made.evaluator->evaluate(t, at("2026-01-09T19:00:00Z"));
  BOOST_TEST(name(e.update.verdict) == "breached");
  BOOST_TEST(format_timestamp(*e.update.due, 0h) == "2026-01-09T18:30:00+00:00");
}

BOOST_AUTO_TEST_CASE(a_desk_open_all_day_makes_each_such_day_a_business_day) {
  const LoadResult r = load_string("allday.sla", R"(
calendar weekdays { zone "America/Toronto"; open Mon-Fri 00:00-24:00; open on holidays }
priorities { P2 "Major." }
package p "P" { calendar weekdays; respond to P2 by 12:00 next business day
                resolve P2 by end of next business day }
)");
  BOOST_TEST_REQUIRE(r.ok());
  auto made = Evaluator::make(*r.model, "p");
  auto due = [&](const char* raised, bool resolution = false) {
    const Evaluation e = made.evaluator->evaluate(Ticket{"P2", at(raised)}, as_of);
    return format_timestamp(*(resolution ? e.resolution : e.response).due, -5h);
  };
  // Open Monday 00:00 to Saturday 00:00 without a break: Thursday follows Wednesday.
  BOOST_TEST(due("2026-01-14T10:00:00-05:00") == "2026-01-15T12:00:00-05:00");
  BOOST_TEST(due("2026-01-14T10:00:00-05:00", true) == "2026-01-16T00:00:00-05:00");
  BOOST_TEST(due("2026-01-16T10:00:00-05:00") == "2026-01-19T12:00:00-05:00");  // Friday
}
