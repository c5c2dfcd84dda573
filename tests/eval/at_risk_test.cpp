// At risk (docs/semantics.md, "How far along a pending target is"): `warn at 50 %, 75 %`
// on the Qiscus premium package (Asia/Jakarta, +07:00), and the checker's errors for it.
#define BOOST_TEST_MODULE at_risk
#include <boost/test/unit_test.hpp>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "interpreter/time/timestamp.hpp"
#include "sla/evaluator.hpp"
#include "sla/load.hpp"
#include "tools/io/result_writer.hpp"

using namespace sla;
using namespace std::chrono_literals;

namespace {

std::string qiscus_text() {
  std::ifstream in(std::string(SLA_SOURCE_DIR) + "/contracts/qiscus-enterprise.sla",
                   std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// The Qiscus contract with `line` as the first statement of package premium.
std::shared_ptr<const Model> qiscus_with(const std::string& line) {
  std::string text = qiscus_text();
  const std::string head = "package premium \"Premium Support\" extends basic {\n";
  const auto at = text.find(head);
  BOOST_TEST_REQUIRE(at != std::string::npos);
  text.insert(at + head.size(), "  " + line + "\n");
  LoadResult r = load_string("qiscus-warned.sla", std::move(text));
  BOOST_TEST_REQUIRE(r.ok());
  return r.model;
}

const std::shared_ptr<const Model>& warned() {
  static const auto model = qiscus_with("warn at 50 %, 75 %");
  return model;
}

const std::shared_ptr<const Model>& plain() {
  static const auto model = qiscus_with("# no warnings");
  return model;
}

Evaluator evaluator(const std::shared_ptr<const Model>& model, const std::string& package,
                    std::vector<std::string> addons = {}) {
  auto made = Evaluator::make(model, package, addons);
  BOOST_TEST_REQUIRE(made.evaluator.has_value(), made.error);
  return std::move(*made.evaluator);
}

Instant at(const std::string& text) {
  std::string error;
  auto t = parse_timestamp(text, error);
  BOOST_TEST_REQUIRE((t && t->has_offset), text << ": " << error);
  return t->utc;
}

// The share elapsed in hundredths of a percent: 8125 is 81.25 %.
long long basis_points(const TargetOutcome& o) {
  BOOST_TEST_REQUIRE((o.elapsed && o.left));
  const auto total = *o.elapsed + *o.left;
  return o.elapsed->count() * 10000 / total.count();
}

LoadResult load_small(const std::string& body) {
  return load_string("t.sla", std::string(R"(priorities {
  Low "low"
  High "high"
}
calendar office {
  zone "Asia/Jakarta"
  open Mon-Fri 09:00-17:00
}
)") + body);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(thresholds)

BOOST_AUTO_TEST_CASE(a_normal_response_goes_pending_at_risk_breached) {
  // Normal, 4 business hours from Monday 09:00: due 13:00.
  Evaluator ev = evaluator(warned(), "premium");
  Ticket t{"Normal", at("2026-01-12T09:00:00+07:00"), {}, {}, {}};

  const TargetOutcome ten = ev.evaluate(t, at("2026-01-12T10:00:00+07:00")).response;
  BOOST_TEST(status_name(ten) == "pending");
  BOOST_TEST(basis_points(ten) == 2500);
  BOOST_TEST(ten.left->count() == 3 * 3600);
  BOOST_TEST(!ten.at_risk);

  // Exactly at the first warning is at risk.
  const TargetOutcome eleven = ev.evaluate(t, at("2026-01-12T11:00:00+07:00")).response;
  BOOST_TEST(status_name(eleven) == "at_risk");
  BOOST_TEST(basis_points(eleven) == 5000);
  BOOST_TEST((eleven.verdict == Verdict::pending));  // the verdict itself stays pending

  const TargetOutcome quarter_past = ev.evaluate(t, at("2026-01-12T12:15:00+07:00")).response;
  BOOST_TEST(status_name(quarter_past) == "at_risk");
  BOOST_TEST(basis_points(quarter_past) == 8125);
  BOOST_TEST(quarter_past.left->count() == 45 * 60);

  const TargetOutcome late = ev.evaluate(t, at("2026-01-12T14:00:00+07:00")).response;
  BOOST_TEST(status_name(late) == "breached");
  BOOST_TEST(!late.elapsed.has_value());
  BOOST_TEST(!late.left.has_value());
  BOOST_TEST(!late.at_risk);
}

BOOST_AUTO_TEST_CASE(nights_and_weekends_do_not_count) {
  // Friday 16:30: half an hour on Friday, 3.5 hours on Monday (due 12:30).
  Evaluator ev = evaluator(warned(), "premium");
  Ticket t{"Normal", at("2026-01-09T16:30:00+07:00"), {}, {}, {}};
  for (const char* when :
       {"2026-01-09T23:00:00+07:00", "2026-01-10T12:00:00+07:00", "2026-01-12T09:00:00+07:00"}) {
    const TargetOutcome o = ev.evaluate(t, at(when)).response;
    BOOST_TEST(status_name(o) == "pending", when);
    BOOST_TEST(basis_points(o) == 1250, when);
    BOOST_TEST(o.left->count() == 3 * 3600 + 1800, when);
  }
  const TargetOutcome monday = ev.evaluate(t, at("2026-01-12T10:30:00+07:00")).response;
  BOOST_TEST(status_name(monday) == "at_risk");
  BOOST_TEST(basis_points(monday) == 5000);
  BOOST_TEST(monday.left->count() == 2 * 3600);
}

BOOST_AUTO_TEST_CASE(a_pause_is_not_elapsed_time) {
  // Normal from Monday 09:00, waiting on the client 10:00-14:00: due 17:00.
  Evaluator ev = evaluator(warned(), "premium");
  const TicketEvent events[] = {
      {at("2026-01-12T10:00:00+07:00"), TicketEvent::Kind::status, "waiting on client"},
      {at("2026-01-12T14:00:00+07:00"), TicketEvent::Kind::status, "open"}};
  Ticket t{"Normal", at("2026-01-12T09:00:00+07:00"), {}, {}, events};
  // During the pause: 1 hour used, 3 left (from as-of), still pending.
  const TargetOutcome paused = ev.evaluate(t, at("2026-01-12T13:00:00+07:00")).response;
  BOOST_TEST(status_name(paused) == "pending");
  BOOST_TEST(basis_points(paused) == 2500);
  BOOST_TEST(paused.left->count() == 3 * 3600);
  // At 15:00, 1 + 1 hours used: half the time.
  const TargetOutcome after = ev.evaluate(t, at("2026-01-12T15:00:00+07:00")).response;
  BOOST_TEST(status_name(after) == "at_risk");
  BOOST_TEST(basis_points(after) == 5000);
  BOOST_TEST(after.left->count() == 2 * 3600);
}

BOOST_AUTO_TEST_CASE(a_calendar_time_target_counts_every_hour) {
  // The resolution add-on: resolve Critical within 8 hours, calendar time, from the next
  // opening. Raised Monday 10:00, due 18:00; the evening counts.
  Evaluator ev = evaluator(warned(), "premium", {"resolution"});
  Ticket t{"Critical", at("2026-01-12T10:00:00+07:00"), at("2026-01-12T10:30:00+07:00"), {}, {}};
  const Evaluation e = ev.evaluate(t, at("2026-01-12T17:30:00+07:00"));
  BOOST_TEST(status_name(e.response) == "met");
  BOOST_TEST(!e.response.elapsed.has_value());
  BOOST_TEST(status_name(e.resolution) == "at_risk");
  BOOST_TEST(basis_points(e.resolution) == 9375);  // 7.5 of 8 hours
  BOOST_TEST(e.resolution.left->count() == 1800);
  const TargetOutcome early = ev.evaluate(t, at("2026-01-12T13:00:00+07:00")).resolution;
  BOOST_TEST(status_name(early) == "pending");
  BOOST_TEST(basis_points(early) == 3750);
  // Raised Friday evening, the clock starts at Monday's opening: nothing has elapsed on Sunday.
  Ticket weekend{"Critical", at("2026-01-09T20:00:00+07:00"), {}, {}, {}};
  const TargetOutcome sunday = ev.evaluate(weekend, at("2026-01-11T12:00:00+07:00")).resolution;
  BOOST_TEST(status_name(sunday) == "pending");
  BOOST_TEST(basis_points(sunday) == 0);
  BOOST_TEST(sunday.left->count() == (21 + 8) * 3600);  // until Monday 17:00
}

BOOST_AUTO_TEST_CASE(a_next_business_day_deadline_counts_open_time) {
  auto r = load_small(R"(
package p "P" {
  calendar office
  respond to Low by end of next business day
  warn at 50 %
}
)");
  BOOST_TEST_REQUIRE(r.ok());
  Evaluator ev = evaluator(r.model, "p");
  // Raised Monday 10:00, due Tuesday 17:00: 7 open hours on Monday, 8 on Tuesday.
  Ticket t{"Low", at("2026-01-12T10:00:00+07:00"), {}, {}, {}};
  const TargetOutcome night = ev.evaluate(t, at("2026-01-13T08:00:00+07:00")).response;
  BOOST_TEST(status_name(night) == "pending");
  BOOST_TEST(night.elapsed->count() == 7 * 3600);
  BOOST_TEST(night.left->count() == 8 * 3600);
  const TargetOutcome tuesday = ev.evaluate(t, at("2026-01-13T10:00:00+07:00")).response;
  BOOST_TEST(status_name(tuesday) == "at_risk");
  BOOST_TEST(tuesday.elapsed->count() == 8 * 3600);
  BOOST_TEST(tuesday.left->count() == 7 * 3600);
}

BOOST_AUTO_TEST_CASE(met_and_breached_targets_have_no_progress) {
  Evaluator ev = evaluator(warned(), "premium");
  Ticket answered{
      "Normal", at("2026-01-12T09:00:00+07:00"), at("2026-01-12T12:00:00+07:00"), {}, {}};
  const TargetOutcome met = ev.evaluate(answered, at("2026-01-12T12:30:00+07:00")).response;
  BOOST_TEST(status_name(met) == "met");
  BOOST_TEST(!met.elapsed.has_value());
  BOOST_TEST(!met.left.has_value());
  BOOST_TEST(!met.at_risk);
  Ticket late{"Normal", at("2026-01-12T09:00:00+07:00"), at("2026-01-12T14:00:00+07:00"), {}, {}};
  const TargetOutcome breached = ev.evaluate(late, at("2026-01-12T15:00:00+07:00")).response;
  BOOST_TEST(status_name(breached) == "breached");
  BOOST_TEST(!breached.elapsed.has_value());
  BOOST_TEST(!breached.at_risk);
  // No target: nothing to measure either (Normal has no resolution target in premium).
  const TargetOutcome none = ev.evaluate(answered, at("2026-01-12T12:30:00+07:00")).resolution;
  BOOST_TEST(status_name(none) == "no_target");
  BOOST_TEST(!none.elapsed.has_value());
}

BOOST_AUTO_TEST_CASE(without_warnings_nothing_is_at_risk) {
  Evaluator ev = evaluator(plain(), "premium");
  Ticket t{"Normal", at("2026-01-12T09:00:00+07:00"), {}, {}, {}};
  const TargetOutcome o = ev.evaluate(t, at("2026-01-12T12:59:00+07:00")).response;
  BOOST_TEST(status_name(o) == "pending");
  BOOST_TEST(!o.at_risk);
  // The progress is still measured (eval only writes it for packages that warn).
  BOOST_TEST(o.left->count() == 60);
}

BOOST_AUTO_TEST_CASE(a_child_overrides_and_inherits_the_warnings) {
  auto r = load_small(R"(
package base "Base" {
  calendar office
  respond to all within 4 business hours
  warn at 50 %, 75 %
}
package late "Late" extends base {
  warn at 90 %
}
package same "Same" extends base {
  respond to High within 2 business hours
}
)");
  BOOST_TEST_REQUIRE(r.ok());
  BOOST_TEST((r.model->package("late")->warn_at_milli == std::vector<std::int32_t>{90000}));
  BOOST_TEST((r.model->package("same")->warn_at_milli == std::vector<std::int32_t>{50000, 75000}));
  Ticket t{"Low", at("2026-01-12T09:00:00+07:00"), {}, {}, {}};
  const Instant eleven_thirty = at("2026-01-12T11:30:00+07:00");  // 62.5 %
  BOOST_TEST(status_name(evaluator(r.model, "base").evaluate(t, eleven_thirty).response) ==
             "at_risk");
  const Evaluator late = evaluator(r.model, "late");
  BOOST_TEST(status_name(late.evaluate(t, eleven_thirty).response) == "pending");
  BOOST_TEST(status_name(late.evaluate(t, at("2026-01-12T12:36:00+07:00")).response) ==
             "at_risk");  // 90 %
  BOOST_TEST(status_name(evaluator(r.model, "same").evaluate(t, eleven_thirty).response) ==
             "at_risk");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(checker)

struct Expected {
  const char* warn;
  const char* code;
  std::uint32_t column;  // of the share at fault, on line 11
  const char* message;
};

BOOST_AUTO_TEST_CASE(shares_between_0_and_100_rising_given_once) {
  const Expected cases[] = {
      {"warn at 0 %", "SLA031", 11, "a warning is given between 0 and 100 % of a target's time"},
      {"warn at 50 %, 100 %", "SLA031", 17,
       "a warning is given between 0 and 100 % of a target's time"},
      {"warn at 75 %, 50 %", "SLA031", 17,
       "warnings are listed from the earliest: each share above the one before"},
      {"warn at 50 %, 50 %", "SLA031", 17,
       "warnings are listed from the earliest: each share above the one before"},
  };
  for (const auto& c : cases) {
    auto r = load_small(std::string("package p \"P\" {\n  calendar office\n  ") + c.warn + "\n}\n");
    BOOST_TEST_REQUIRE(r.diagnostics.size() == 1u, c.warn);
    const Diagnostic& d = r.diagnostics[0];
    BOOST_TEST(d.code == c.code, c.warn);
    BOOST_TEST(d.location.line == 11u, c.warn);
    BOOST_TEST(d.location.column == c.column, c.warn);
    BOOST_TEST(d.message == c.message, c.warn);
  }
  auto twice =
      load_small("package p \"P\" {\n  calendar office\n  warn at 50 %\n  warn at 75 %\n}\n");
  BOOST_TEST_REQUIRE(twice.diagnostics.size() == 1u);
  const Diagnostic& d = twice.diagnostics[0];
  BOOST_TEST(d.code == "SLA022");
  BOOST_TEST(d.location.line == 12u);
  BOOST_TEST(d.location.column == 3u);
  BOOST_TEST(d.message == "'warn at' is given twice in this package");
  BOOST_TEST_REQUIRE(d.notes.size() == 1u);
  BOOST_TEST(d.notes[0].location.line == 11u);
}

BOOST_AUTO_TEST_CASE(a_missing_share_is_a_syntax_error) {
  auto r = load_small("package p \"P\" {\n  calendar office\n  warn at\n}\n");
  BOOST_TEST(!r.ok());
  BOOST_TEST_REQUIRE(!r.diagnostics.empty());
  BOOST_TEST(r.diagnostics[0].location.line == 12u);  // where the shares were expected: '}'
  BOOST_TEST(r.diagnostics[0].code == "SLA001");
  BOOST_TEST(r.diagnostics[0].message.find("warn at 50 %, 75 %") != std::string::npos,
             r.diagnostics[0].message);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(only)

using namespace sla::cli;

BOOST_AUTO_TEST_CASE(statuses_are_spelled_as_typed_or_as_the_column) {
  std::string error;
  BOOST_TEST(parse_statuses("at-risk,breached", error).value_or(0) ==
             (status_flag("at_risk") | status_flag("breached")));
  BOOST_TEST(parse_statuses(" at_risk , no-target ", error).value_or(0) ==
             (status_flag("at_risk") | status_flag("no_target")));
  BOOST_TEST(!parse_statuses("at-risk,late", error).has_value());
  BOOST_TEST(error ==
             "'late' is not a status (valid: met, breached, pending, at-risk, no-target, error)");
  BOOST_TEST(!parse_statuses("", error).has_value());
  BOOST_TEST(!parse_statuses("met,", error).has_value());
}

BOOST_AUTO_TEST_CASE(the_writer_counts_the_rows_it_leaves_out) {
  Evaluator ev = evaluator(warned(), "premium");
  const Instant as_of = at("2026-01-12T12:15:00+07:00");
  Ticket risky{"Normal", at("2026-01-12T09:00:00+07:00"), {}, {}, {}};
  Ticket fresh{"Normal", at("2026-01-12T12:00:00+07:00"), {}, {}, {}};
  char* text = nullptr;
  std::size_t size = 0;
  std::FILE* out = open_memstream(&text, &size);
  {
    ResultWriter writer(out, ResultWriter::Format::csv, ev.calendar(),
                        result_columns(ev.package()));
    std::string error;
    writer.only(*parse_statuses("at-risk,error", error));
    auto row = [](std::size_t n, std::string_view id, std::string_view priority,
                  std::string_view error = {}) {
      ResultRow r;
      r.number = n;
      r.line = n + 1;
      r.id = id;
      r.priority = priority;
      r.error = error;
      return r;
    };
    writer.write(row(1, "A", "Normal"), ev.evaluate(risky, as_of));
    writer.write(row(2, "B", "Normal"), ev.evaluate(fresh, as_of));
    writer.write(row(3, "C", "Urgent", "unknown priority 'Urgent'"), Evaluation{});
    BOOST_TEST(writer.flush());
    BOOST_TEST(writer.hidden() == 1u);
  }
  std::fclose(out);
  const std::string csv(text, size);
  std::free(text);
  BOOST_TEST(csv.starts_with("A,Normal,2026-01-12T13:00:00+07:00,,at_risk,"), csv);
  BOOST_TEST(csv.find("\nB,") == std::string::npos, csv);
  BOOST_TEST(csv.find("\nC,Urgent,") != std::string::npos, csv);
}

BOOST_AUTO_TEST_SUITE_END()
