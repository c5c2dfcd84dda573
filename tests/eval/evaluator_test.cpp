// The evaluation rules of docs/semantics.md ("Tickets"), one case each, on the
// Qiscus contract (Asia/Jakarta, +07:00).
#define BOOST_TEST_MODULE evaluator
#include <boost/test/unit_test.hpp>

#include "interpreter/time/timestamp.hpp"
#include "sla/evaluator.hpp"
#include "sla/load.hpp"

using namespace sla;

namespace {

const Model& qiscus() {
  static const LoadResult r =
      load_file(std::string(SLA_SOURCE_DIR) + "/contracts/qiscus-enterprise.sla");
  BOOST_TEST_REQUIRE(r.ok());
  return *r.model;
}

Evaluator evaluator(const std::string& package, std::vector<std::string> addons = {}) {
  auto made = Evaluator::make(qiscus(), package, addons);
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
  return t ? format_timestamp(*t, std::chrono::hours(7)) : "none";
}

const Instant as_of = at("2026-02-01T00:00:00+07:00");

}  // namespace

BOOST_AUTO_TEST_CASE(met_when_answered_by_the_deadline) {
  Evaluator ev = evaluator("premium");
  Ticket t{"Normal", at("2026-01-09T16:30:00+07:00"), at("2026-01-12T12:30:00+07:00"), {}, {}};
  Evaluation e = ev.evaluate(t, as_of);
  BOOST_TEST(local(e.response.due) == "2026-01-12T12:30:00+07:00");
  BOOST_TEST(name(e.response.verdict) == "met");  // exactly at the deadline is in time
  BOOST_TEST((e.response.commitment == Commitment::committed));
}

BOOST_AUTO_TEST_CASE(breached_when_answered_late) {
  Evaluator ev = evaluator("premium");
  Ticket t{"Critical", at("2026-01-09T16:30:00+07:00"), at("2026-01-12T09:45:00+07:00"), {}, {}};
  Evaluation e = ev.evaluate(t, as_of);
  BOOST_TEST(local(e.response.due) == "2026-01-12T09:30:00+07:00");
  BOOST_TEST(name(e.response.verdict) == "breached");
}

BOOST_AUTO_TEST_CASE(unanswered_is_pending_until_the_deadline_passes) {
  Evaluator ev = evaluator("premium");
  Ticket t{"High", at("2026-01-10T11:00:00+07:00"), {}, {}, {}};
  BOOST_TEST(name(ev.evaluate(t, at("2026-01-12T10:59:59+07:00")).response.verdict) == "pending");
  BOOST_TEST(name(ev.evaluate(t, at("2026-01-12T11:00:00+07:00")).response.verdict) == "pending");
  BOOST_TEST(name(ev.evaluate(t, at("2026-01-12T11:00:01+07:00")).response.verdict) == "breached");
}

BOOST_AUTO_TEST_CASE(no_target_is_said_so) {
  Evaluator ev = evaluator("premium");
  Ticket t{"Normal", at("2026-01-09T16:30:00+07:00"), {}, {}, {}};
  Evaluation e = ev.evaluate(t, as_of);
  BOOST_TEST(name(e.resolution.verdict) == "no_target");
  BOOST_TEST(!e.resolution.due.has_value());
  BOOST_TEST(!e.resolution.commitment.has_value());
}

BOOST_AUTO_TEST_CASE(best_effort_still_has_a_due_time) {
  Evaluator ev = evaluator("basic");
  Ticket t{"Critical", at("2026-01-09T16:30:00+07:00"), {}, {}, {}};
  Evaluation e = ev.evaluate(t, as_of);
  BOOST_TEST(local(e.response.due) ==
             "2026-01-13T16:30:00+07:00");  // 2 business days = 16 business hours
  BOOST_TEST((e.response.commitment == Commitment::best_effort));
  BOOST_TEST(name(e.response.verdict) == "breached");
}

BOOST_AUTO_TEST_CASE(calendar_time_targets_start_at_the_next_opening) {
  // Premium: "clock starts at next opening"; Critical resolution is 8 calendar hours.
  Evaluator ev = evaluator("premium");
  Ticket t{"Critical", at("2026-01-09T20:00:00+07:00"), {}, {}, {}};
  BOOST_TEST(local(ev.evaluate(t, as_of).resolution.due) == "2026-01-12T17:00:00+07:00");
  Ticket inside{"Critical", at("2026-01-09T16:00:00+07:00"), {}, {}, {}};
  BOOST_TEST(local(ev.evaluate(inside, as_of).resolution.due) == "2026-01-10T00:00:00+07:00");
}

BOOST_AUTO_TEST_CASE(pausing_statuses_stop_the_clock) {
  Evaluator ev = evaluator("premium");
  // Normal, 4 business hours from Monday 09:00; waiting on the client 10:00-14:00.
  const TicketEvent events[] = {
      {at("2026-01-12T10:00:00+07:00"), TicketEvent::Kind::status, "waiting on client"},
      {at("2026-01-12T14:00:00+07:00"), TicketEvent::Kind::status, "open"}};
  Ticket t{"Normal", at("2026-01-12T09:00:00+07:00"), {}, {}, events};
  BOOST_TEST(local(ev.evaluate(t, as_of).response.due) == "2026-01-12T17:00:00+07:00");
  // Status names match whatever their case.
  const TicketEvent shouting[] = {
      {at("2026-01-12T10:00:00+07:00"), TicketEvent::Kind::status, "WAITING ON CLIENT"},
      {at("2026-01-12T14:00:00+07:00"), TicketEvent::Kind::status, "open"}};
  Ticket t2{"Normal", at("2026-01-12T09:00:00+07:00"), {}, {}, shouting};
  BOOST_TEST(local(ev.evaluate(t2, as_of).response.due) == "2026-01-12T17:00:00+07:00");
}

BOOST_AUTO_TEST_CASE(a_pause_still_open_lasts_until_as_of) {
  Evaluator ev = evaluator("premium");
  const TicketEvent events[] = {
      {at("2026-01-12T10:00:00+07:00"), TicketEvent::Kind::status, "awaiting confirmation"}};
  Ticket t{"Normal", at("2026-01-12T09:00:00+07:00"), {}, {}, events};
  Evaluation e = ev.evaluate(t, at("2026-01-13T10:00:00+07:00"));
  // 1 hour used before the pause; 3 left from as_of.
  BOOST_TEST(local(e.response.due) == "2026-01-13T13:00:00+07:00");
  BOOST_TEST(name(e.response.verdict) == "pending");
}

BOOST_AUTO_TEST_CASE(a_priority_change_recomputes_from_creation) {
  Evaluator ev = evaluator("premium");
  const TicketEvent events[] = {
      {at("2026-01-12T09:30:00+07:00"), TicketEvent::Kind::priority, "Critical"}};
  Ticket t{"Low", at("2026-01-12T09:00:00+07:00"), {}, {}, events};
  Evaluation e = ev.evaluate(t, as_of);
  BOOST_TEST(e.priority->name == "Critical");
  BOOST_TEST(local(e.response.due) == "2026-01-12T10:00:00+07:00");
  // As of before the change, the ticket is still Low.
  BOOST_TEST(ev.evaluate(t, at("2026-01-12T09:10:00+07:00")).priority->name == "Low");
}

BOOST_AUTO_TEST_CASE(escalation_follows_the_ladder) {
  Evaluator ev = evaluator("premium");
  Ticket t{"Normal", at("2026-01-09T16:30:00+07:00"), {}, {}, {}};
  // 6 business hours after Friday 16:30 is Monday 14:30.
  BOOST_TEST(ev.evaluate(t, at("2026-01-12T14:29:59+07:00")).escalation->role ==
             "Technical Support");
  BOOST_TEST(ev.evaluate(t, at("2026-01-12T14:30:00+07:00")).escalation->role == "Account Manager");
  Ticket answered{
      "Normal", at("2026-01-09T16:30:00+07:00"), at("2026-01-12T10:00:00+07:00"), {}, {}};
  BOOST_TEST(ev.evaluate(answered, as_of).escalation->role == "Technical Support");
  // Past the end of a ladder that stops (the dedicated annexes end at 3 hours), it stays on its
  // last step.
  Evaluator dedicated = evaluator("premium", {"dedicated_24x7"});
  BOOST_TEST(dedicated.evaluate(t, as_of).escalation->role == "Account Manager");
}

BOOST_AUTO_TEST_CASE(addons_change_the_calendar_and_targets) {
  Ticket t{"Normal", at("2026-01-09T16:30:00+07:00"), {}, {}, {}};
  BOOST_TEST(local(evaluator("premium", {"dedicated_8x7"}).evaluate(t, as_of).response.due) ==
             "2026-01-10T12:30:00+07:00");
  BOOST_TEST(local(evaluator("premium", {"dedicated_24x7"}).evaluate(t, as_of).response.due) ==
             "2026-01-09T20:30:00+07:00");
  Evaluation r = evaluator("premium", {"resolution"}).evaluate(t, as_of);
  BOOST_TEST(local(r.resolution.due) == "2026-01-22T16:30:00+07:00");  // 312 calendar hours
}

BOOST_AUTO_TEST_CASE(bad_tickets_are_errors_not_guesses) {
  Evaluator ev = evaluator("premium");
  Ticket unknown{"Urgent", at("2026-01-09T16:30:00+07:00"), {}, {}, {}};
  BOOST_TEST(ev.evaluate(unknown, as_of).error == "unknown priority");
  Ticket early{"High", at("2026-01-12T10:00:00+07:00"), at("2026-01-12T09:00:00+07:00"), {}, {}};
  BOOST_TEST(ev.evaluate(early, as_of).error == "first response before creation");
  Ticket lower{"critical", at("2026-01-09T16:30:00+07:00"), {}, {}, {}};
  BOOST_TEST(ev.evaluate(lower, as_of).priority->name == "Critical");
}

BOOST_AUTO_TEST_CASE(events_after_as_of_are_not_known_yet) {
  Evaluator ev = evaluator("premium");
  const TicketEvent events[] = {
      {at("2026-01-12T10:00:00+07:00"), TicketEvent::Kind::status, "waiting on client"},
      {at("2026-01-12T14:00:00+07:00"), TicketEvent::Kind::status, "open"},
      {at("2026-01-12T13:00:00+07:00"), TicketEvent::Kind::priority, "Critical"}};
  Ticket t{"Normal", at("2026-01-12T09:00:00+07:00"), {}, {}, std::span(events, 2)};
  // As of 12:00 the pause has not ended: it lasts until as_of, 3 hours are left.
  BOOST_TEST(local(ev.evaluate(t, at("2026-01-12T12:00:00+07:00")).response.due) ==
             "2026-01-12T15:00:00+07:00");
  const TicketEvent later_change[] = {
      {at("2026-01-12T13:00:00+07:00"), TicketEvent::Kind::priority, "Critical"}};
  Ticket t2{"Normal", at("2026-01-12T09:00:00+07:00"), {}, {}, later_change};
  BOOST_TEST(ev.evaluate(t2, at("2026-01-12T12:00:00+07:00")).priority->name == "Normal");
}

BOOST_AUTO_TEST_CASE(a_ticket_raised_after_as_of_cannot_be_judged) {
  Evaluator ev = evaluator("premium");
  Ticket t{"Normal", at("2026-03-01T09:00:00+07:00"), {}, {}, {}};
  BOOST_TEST(ev.evaluate(t, as_of).error == "created after the as-of time");
}

BOOST_AUTO_TEST_CASE(an_unknown_priority_from_an_event_is_named) {
  Evaluator ev = evaluator("premium");
  const TicketEvent events[] = {
      {at("2026-01-12T10:00:00+07:00"), TicketEvent::Kind::priority, "Huge"}};
  Ticket t{"High", at("2026-01-12T09:00:00+07:00"), {}, {}, events};
  Evaluation e = ev.evaluate(t, as_of);
  BOOST_TEST(e.error == "unknown priority");
  BOOST_TEST(e.unknown_priority == "Huge");
}

BOOST_AUTO_TEST_CASE(the_ladder_stops_at_resolution_without_response) {
  Evaluator ev = evaluator("premium");
  Ticket t{"Normal", at("2026-01-12T09:00:00+07:00"), {}, at("2026-01-12T10:00:00+07:00"), {}};
  BOOST_TEST(ev.evaluate(t, as_of).escalation->role == "Technical Support");
}
