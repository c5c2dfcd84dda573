#define BOOST_TEST_MODULE cpp_api
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "sla/evaluator.hpp"
#include "sla/explanation.hpp"
#include "sla/load.hpp"
#include "sla/timestamp.hpp"

using namespace sla;

namespace {

std::shared_ptr<const Model> qiscus() {
  auto r = load_file(std::string(SLA_SOURCE_DIR) + "/contracts/qiscus-enterprise.sla");
  BOOST_REQUIRE(r.ok());
  return r.model;
}

Instant at(std::string_view text) {
  auto t = parse_instant(text);
  BOOST_REQUIRE(t.has_value());
  return *t;
}

std::string local(const Evaluator& ev, Instant t) {
  return format_instant(t, ev.utc_offset(t));
}

}  // namespace

BOOST_AUTO_TEST_CASE(instants_parse_and_format) {
  std::string error;
  BOOST_TEST(!parse_instant("2026-01-09 16:30", &error));
  BOOST_TEST(error.find("offset") != std::string::npos);
  BOOST_TEST(!parse_instant("1850-01-01T00:00:00Z", &error));
  BOOST_TEST(format_instant(at("2026-01-09T09:30:00Z"), std::chrono::hours(7)) ==
             "2026-01-09T16:30:00+07:00");
  BOOST_TEST(format_instant(at("2026-01-09T09:30:00Z"), std::chrono::seconds(0), true) ==
             "2026-01-09T09:30:00Z");
}

BOOST_AUTO_TEST_CASE(a_shared_model_outlives_its_loader) {
  auto made = Evaluator::make(qiscus(), "premium", {"resolution"});  // the only owner now
  BOOST_REQUIRE(made.evaluator);
  const Ticket t{.priority = "Critical", .created = at("2026-01-13T10:00:00+07:00")};
  const Evaluation e = made.evaluator->evaluate(t, at("2026-01-13T10:30:00+07:00"));
  BOOST_REQUIRE(e.ok());
  BOOST_TEST(e.priority->name == "Critical");
  BOOST_TEST((e.response.verdict == Verdict::pending));
  BOOST_TEST(made.evaluator->package().applied_addons == std::vector<std::string>{"resolution"});
  BOOST_TEST(!Evaluator::make(std::shared_ptr<const Model>(), "premium").evaluator);
}

BOOST_AUTO_TEST_CASE(a_batch_is_the_tickets_one_by_one) {
  auto made = Evaluator::make(qiscus(), "premium");
  const Evaluator& ev = *made.evaluator;
  const std::vector<Ticket> tickets{
      {.priority = "Normal", .created = at("2026-01-09T16:30:00+07:00")},
      {.priority = "nope", .created = at("2026-01-09T16:30:00+07:00")},
      {.priority = "Low", .created = at("2026-01-13T14:00:00+07:00")}};
  const Instant as_of = at("2026-01-20T00:00:00+07:00");
  const auto all = ev.evaluate(tickets, as_of);
  BOOST_REQUIRE_EQUAL(all.size(), 3u);
  for (std::size_t i = 0; i < tickets.size(); ++i) {
    const Evaluation one = ev.evaluate(tickets[i], as_of);
    BOOST_TEST(all[i].error == one.error);
    BOOST_TEST((all[i].response.due == one.response.due));
  }
  BOOST_TEST(local(ev, *all[0].response.due) == "2026-01-12T12:30:00+07:00");
  BOOST_TEST(all[1].unknown_priority == "nope");
  BOOST_TEST(local(ev, *all[2].response.due) == "2026-01-14T14:00:00+07:00");
}

BOOST_AUTO_TEST_CASE(times_outside_the_supported_years_are_errors_not_exceptions) {
  auto made = Evaluator::make(qiscus(), "premium");
  const Evaluator& ev = *made.evaluator;
  const Instant far = Instant(std::chrono::seconds(std::int64_t{1} << 40));
  const Ticket t{.priority = "Low", .created = far};
  BOOST_TEST(ev.evaluate(t, far).error == "a time outside the years 1901 to 2398");
  const TicketEvent late[] = {{far, TicketEvent::Kind::status, "Waiting"}};
  const Ticket u{.priority = "Low", .created = at("2026-01-13T14:00:00+07:00"), .events = late};
  BOOST_TEST(!ev.evaluate(u, u.created).ok());
  BOOST_TEST(!ev.is_open(far));
  BOOST_TEST(!ev.next_opening(far));
  BOOST_TEST(!ev.add_business_time(far, std::chrono::hours(1)));
  BOOST_TEST(!ev.subtract_business_time(far, std::chrono::hours(1)));
  BOOST_TEST(!ev.business_time_between(u.created, far));
}

BOOST_AUTO_TEST_CASE(time_queries_use_the_package_calendar) {
  auto premium = Evaluator::make(qiscus(), "premium");
  auto round_the_clock = Evaluator::make(qiscus(), "premium", {"dedicated_24x7"});
  const Instant saturday = at("2026-01-10T10:00:00+07:00");
  BOOST_TEST(!premium.evaluator->is_open(saturday));
  BOOST_TEST(round_the_clock.evaluator->is_open(saturday));
  BOOST_TEST(local(*premium.evaluator, *premium.evaluator->next_opening(saturday)) ==
             "2026-01-12T09:00:00+07:00");
  BOOST_TEST(premium.evaluator->business_time_between(saturday, at("2026-01-12T10:00:00+07:00"))
                 ->count() == 3600);
}

BOOST_AUTO_TEST_CASE(explain_gives_structured_steps) {
  auto made = Evaluator::make(qiscus(), "premium");
  const Ticket t{.priority = "Normal", .created = at("2026-01-09T16:30:00+07:00")};
  const auto steps = explain(*made.evaluator, t, at("2026-01-13T00:00:00+07:00"));
  BOOST_REQUIRE(!steps.empty());
  BOOST_TEST(steps.front().kind == "package");
  const auto due = std::find_if(steps.begin(), steps.end(),
                                [](const auto& s) { return s.kind == "response_due"; });
  BOOST_REQUIRE(due != steps.end());
  BOOST_TEST(local(*made.evaluator, *due->due) == "2026-01-12T12:30:00+07:00");
  BOOST_TEST(due->status == "breached");
  const Ticket bad{.priority = "nope", .created = t.created};
  BOOST_TEST(explain(*made.evaluator, bad, t.created).empty());
}

BOOST_AUTO_TEST_CASE(a_copied_evaluator_stands_on_its_own) {
  const Ticket t{.priority = "Normal", .created = at("2026-01-09T16:30:00+07:00")};
  const Instant as_of = at("2026-01-10T10:00:00+07:00");
  std::vector<Evaluator> copies;
  {
    auto made = Evaluator::make(qiscus(), "premium");
    copies.push_back(*made.evaluator);  // a copy; the original dies at the brace
    Evaluator assigned = *Evaluator::make(qiscus(), "basic").evaluator;
    assigned = *made.evaluator;
    copies.push_back(assigned);
  }
  for (const Evaluator& ev : copies) {
    const Evaluation e = ev.evaluate(t, as_of);
    BOOST_REQUIRE(e.ok());
    BOOST_TEST(local(ev, *e.response.due) == "2026-01-12T12:30:00+07:00");
    BOOST_TEST((e.response.verdict == Verdict::pending));
  }
}

BOOST_AUTO_TEST_CASE(what_happens_after_as_of_is_not_known_yet) {
  auto made = Evaluator::make(qiscus(), "premium");
  // Answered on Tuesday, long after its Monday 12:30 deadline; as of Friday 17:30
  // nobody knows that yet: the response is pending and the ladder at its first band.
  const Ticket t{.priority = "Normal",
                 .created = at("2026-01-09T16:30:00+07:00"),
                 .responded = at("2026-01-13T16:30:00+07:00")};
  const Evaluation before = made.evaluator->evaluate(t, at("2026-01-09T17:30:00+07:00"));
  BOOST_TEST((before.response.verdict == Verdict::pending));
  BOOST_TEST(before.escalation->role == "Technical Support");
  const Evaluation after = made.evaluator->evaluate(t, at("2026-01-14T00:00:00+07:00"));
  BOOST_TEST((after.response.verdict == Verdict::breached));
}

BOOST_AUTO_TEST_CASE(every_priority_a_ticket_takes_must_be_known) {
  auto made = Evaluator::make(qiscus(), "premium");
  const TicketEvent to_high[] = {
      {at("2026-01-09T17:00:00+07:00"), TicketEvent::Kind::priority, "High"}};
  const Ticket urgent{
      .priority = "Urgent", .created = at("2026-01-09T16:30:00+07:00"), .events = to_high};
  const Evaluation e = made.evaluator->evaluate(urgent, at("2026-01-10T00:00:00+07:00"));
  BOOST_TEST(e.error == "unknown priority");
  BOOST_TEST(e.unknown_priority == "Urgent");
  const TicketEvent bogus_then_high[] = {
      {at("2026-01-09T17:00:00+07:00"), TicketEvent::Kind::priority, "Bogus"},
      {at("2026-01-09T18:00:00+07:00"), TicketEvent::Kind::priority, "High"}};
  const Ticket normal{.priority = "Normal", .created = urgent.created, .events = bogus_then_high};
  BOOST_TEST(made.evaluator->evaluate(normal, at("2026-01-10T00:00:00+07:00")).unknown_priority ==
             "Bogus");
}

BOOST_AUTO_TEST_CASE(subtracting_business_time_finds_the_latest_start) {
  auto premium = Evaluator::make(qiscus(), "premium");
  const Evaluator& ev = *premium.evaluator;
  auto back = [&](std::string_view to, std::chrono::seconds business) {
    const auto start = ev.subtract_business_time(at(to), business);
    BOOST_REQUIRE(start.has_value());
    return local(ev, *start);
  };
  using std::chrono::hours;
  using std::chrono::minutes;
  BOOST_TEST(back("2026-01-12T12:30:00+07:00", hours(4)) == "2026-01-09T16:30:00+07:00");
  BOOST_TEST(back("2026-01-12T09:00:00+07:00", hours(1)) == "2026-01-09T16:00:00+07:00");
  BOOST_TEST(back("2026-03-23T10:00:00+07:00", hours(2)) == "2026-03-18T16:00:00+07:00");
  BOOST_TEST(back("2026-01-12T12:30:00+07:00", hours(3) + minutes(30)) ==
             "2026-01-12T09:00:00+07:00");
  BOOST_TEST(back("2026-01-10T10:00:00+07:00", hours(0)) == "2026-01-10T10:00:00+07:00");
  // add_business_time undoes it inside open hours.
  const Instant start = *ev.subtract_business_time(at("2026-01-12T12:30:00+07:00"), hours(4));
  BOOST_TEST(local(ev, *ev.add_business_time(start, hours(4))) == "2026-01-12T12:30:00+07:00");
  BOOST_TEST(!ev.subtract_business_time(at("2026-01-12T12:30:00+07:00"), std::chrono::seconds(-1)));
  // More open time than lies before 1901 is never.
  BOOST_TEST(!ev.subtract_business_time(at("1901-06-01T00:00:00Z"), hours(10000)));
  // Under the 24x7 add-on it is plain clock time.
  auto round_the_clock = Evaluator::make(qiscus(), "premium", {"dedicated_24x7"});
  BOOST_TEST(local(*round_the_clock.evaluator, *round_the_clock.evaluator->subtract_business_time(
                                                   at("2026-01-12T12:30:00+07:00"), hours(4))) ==
             "2026-01-12T08:30:00+07:00");
}

BOOST_AUTO_TEST_CASE(sub_second_times_are_exact_or_refused) {
  std::string error;
  BOOST_TEST((parse_instant("2026-01-09T16:30:00.000+07:00") ==
              std::optional<Instant>(at("2026-01-09T16:30:00+07:00"))));
  BOOST_TEST(!parse_instant("2026-01-09T16:30:00.5+07:00", &error));
  BOOST_TEST(error ==
             "sub-second times are not supported: the time has a fraction of a second (0.5); "
             "write whole seconds");
  auto premium = Evaluator::make(qiscus(), "premium");
  error.clear();
  BOOST_TEST(!premium.evaluator->parse_time("2026-01-09T16:30:00.5", &error));
  BOOST_TEST(error.starts_with("sub-second times are not supported"), error);
  BOOST_TEST((premium.evaluator->parse_time("2026-01-09T16:30:00.000") ==
              std::optional<Instant>(at("2026-01-09T16:30:00+07:00"))));
}
