// The report's tally: DurationSample's quantiles (exact, then within 0.8 %), and
// ComplianceTally on tickets whose verdicts and times are worked out by hand on the
// Qiscus premium package (Mon-Fri 09:00-17:00 Asia/Jakarta): counts, compliance,
// times to respond, lateness, period bounds, errors apart, trends, the at-risk
// queue, credits and a help desk's own figures. And the property the acceptance
// asks for: the report's counts are eval's rows, counted.
#define BOOST_TEST_MODULE compliance
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "sla/evaluator.hpp"
#include "sla/load.hpp"
#include "sla/timestamp.hpp"
#include "tools/compliance/compliance.hpp"
#include "tools/compliance/duration_sample.hpp"
#include "tools/compliance/report_writers.hpp"
#include "tools/io/eval_pipeline.hpp"

using namespace sla;
using namespace sla::cli;
using std::chrono::seconds;

namespace {

std::shared_ptr<const Model> load_contract(const std::string& path) {
  auto r = sla::load_file(path);
  BOOST_REQUIRE(r.model);
  return r.model;
}

Instant at(const std::string& text) {
  auto t = parse_instant(text);
  BOOST_REQUIRE(t);
  return *t;
}

const std::string qiscus = SLA_SOURCE_DIR "/contracts/qiscus-enterprise.sla";

Evaluator premium(std::shared_ptr<const Model> model, std::vector<std::string> addons = {}) {
  auto made = Evaluator::make(std::move(model), "premium", addons);
  BOOST_REQUIRE(made.evaluator);
  return std::move(*made.evaluator);
}

ReportPeriod period(const Evaluator& ev, date::local_days from, date::local_days to,
                    const std::string& as_of, TrendUnit unit = TrendUnit::week) {
  ReportPeriod p;
  p.from = from;
  p.to = to;
  p.start = ev.calendar().to_instant(date::local_seconds{from});
  p.end = ev.calendar().to_instant(date::local_seconds{to + date::days{1}});
  p.as_of = at(as_of);
  p.trend = unit;
  return p;
}

// A ticket of the sample's shape, kept alive with its row.
struct Input {
  std::string id, priority, created, responded, resolved, error = {};
  std::optional<seconds> desk_response = {};
};

void add(ComplianceTally& tally, const Evaluator& ev, const Input& in, Instant as_of,
         std::size_t number) {
  Ticket t;
  t.priority = in.priority;
  if (!in.created.empty()) t.created = at(in.created);
  if (!in.responded.empty()) t.responded = at(in.responded);
  if (!in.resolved.empty()) t.resolved = at(in.resolved);
  Evaluation e;
  std::string error = in.error;
  if (error.empty()) {
    e = ev.evaluate(t, as_of);
    if (!e.ok()) error = ev.error_text(e);
  }
  ResultRow row{number,
                number + 1,
                in.id,
                in.priority,
                in.created.empty() ? std::nullopt : std::optional(t.created),
                t.responded,
                t.resolved,
                std::nullopt,
                error,
                in.desk_response,
                std::nullopt};
  if (error.empty()) measure_time_taken(ev, t, e, as_of, row);  // as the report's eval loop
  tally.add(row, e);
}

const ComplianceGroup* find(const ComplianceReport& r, const std::string& priority,
                            TargetKind kind) {
  for (const auto& g : r.groups)
    if (g.priority == priority && g.kind == kind) return &g;
  return nullptr;
}

constexpr date::local_days day(int y, unsigned m, unsigned d) {
  return date::local_days{date::year{y} / date::month{m} / date::day{d}};
}

}  // namespace

BOOST_AUTO_TEST_CASE(exact_quantiles_interpolate_as_spreadsheets_do) {
  DurationSample s;
  BOOST_TEST(!s.quantile(0.5));
  BOOST_TEST(!s.mean());
  for (int v : {40, 10, 30, 20}) s.add(seconds(v));
  BOOST_TEST(s.exact());
  BOOST_TEST(s.quantile(0.5)->count() == 25);  // between 20 and 30
  BOOST_TEST(s.quantile(0.9)->count() == 37);  // 30 + 0.7 * 10
  BOOST_TEST(s.quantile(0.0)->count() == 10);
  BOOST_TEST(s.quantile(1.0)->count() == 40);
  BOOST_TEST(s.mean()->count() == 25);
  BOOST_TEST(s.max()->count() == 40);
  s.add(seconds(-5));  // a negative duration is none
  BOOST_TEST(s.quantile(0.0)->count() == 0);
}

BOOST_AUTO_TEST_CASE(many_values_fold_into_a_histogram_within_0_8_percent) {
  DurationSample s;
  std::mt19937_64 rng(11);
  std::uniform_int_distribution<std::int64_t> hours(0, 400'000);
  std::vector<std::int64_t> all;
  for (int i = 0; i < 300'000; ++i) {
    all.push_back(hours(rng));
    s.add(seconds(all.back()));
  }
  BOOST_TEST(!s.exact());
  BOOST_TEST(s.count() == all.size());
  std::sort(all.begin(), all.end());
  for (double q : {0.1, 0.5, 0.9, 0.99}) {
    const double want = static_cast<double>(all[static_cast<std::size_t>(q * (all.size() - 1))]);
    const double got = static_cast<double>(s.quantile(q)->count());
    BOOST_TEST(std::abs(got - want) <= want * 0.008 + 1,
               "q " << q << ": " << got << " vs " << want);
  }
  BOOST_TEST(s.max()->count() == all.back());
}

// The bundled sample (contracts/samples/qiscus-tickets.csv), tallied by hand:
// Normal QS-1001 met (answered 11:00 Monday, due 12:30), QS-1007 breached (never
// answered, due 2 January 12:00); Critical QS-1002 response breached (raised Friday
// 16:30: 30 minutes then and 30 on Monday, due 09:30, answered 09:45), QS-1005 met
// (09:10 -> 09:55).
BOOST_AUTO_TEST_CASE(the_sample_tallied_by_hand) {
  const auto model = load_contract(qiscus);
  const Evaluator ev = premium(model);
  const std::string as_of = "2026-04-01T00:00:00+07:00";
  ComplianceTally tally(ev, period(ev, day(2025, 12, 1), day(2026, 3, 31), as_of, TrendUnit::month),
                        "qiscus", {});
  const std::vector<Input> rows{
      {"QS-1001", "Normal", "2026-01-09T16:30:00+07:00", "2026-01-12T11:00:00+07:00", ""},
      {"QS-1002", "Critical", "2026-01-09T16:30:00+07:00", "2026-01-12T09:45:00+07:00",
       "2026-01-12T15:00:00+07:00"},
      {"QS-1005", "Critical", "2026-01-12T09:10:00+07:00", "2026-01-12T09:55:00+07:00",
       "2026-01-12T16:40:00+07:00"},
      {"QS-1007", "Normal", "2025-12-31T16:00:00+07:00", "", ""},
      {"QS-1008", "Urgent", "2026-01-12T10:00:00+07:00", "", ""},
      {"OLD-1", "Normal", "2025-11-30T23:59:59+07:00", "", ""},  // a second before the period
      {"BAD-1", "Normal", "", "", "", "missing created_at"}};
  for (std::size_t i = 0; i < rows.size(); ++i) add(tally, ev, rows[i], at(as_of), i + 1);
  const ComplianceReport r = tally.finish();
  BOOST_TEST(r.rows == 7u);
  BOOST_TEST(r.outside_period == 1u);
  BOOST_TEST(r.errors == 2u);  // the unknown priority and the missing creation, counted apart
  BOOST_REQUIRE(r.error_rows.size() == 2u);
  BOOST_TEST(r.error_rows[0].id == "QS-1008");
  BOOST_TEST(r.error_rows[0].error.find("unknown priority 'Urgent'") != std::string::npos);

  const auto* normal = find(r, "Normal", TargetKind::response);
  BOOST_REQUIRE(normal);
  BOOST_TEST(normal->counts.met == 1u);
  BOOST_TEST(normal->counts.breached == 1u);
  BOOST_TEST(*normal->counts.compliance_percent() == 50.0);
  // QS-1001: Friday 16:30-17:00 and Monday 09:00-11:00 open, 2 h 30 min; 66 h 30 min in all.
  BOOST_TEST(normal->business_time.quantile(0.5)->count() == 9000);
  BOOST_TEST(normal->calendar_time.quantile(0.5)->count() == 66 * 3600 + 1800);
  // QS-1007, due Friday 2 January 12:00, still unanswered on 1 April 00:00: 88 days
  // and 12 hours late, in calendar time (a breach answered after closing is late too).
  BOOST_TEST(normal->over_target.count == 1u);
  BOOST_TEST(normal->over_target.mean()->count() == (88 * 24 + 12) * 3600);

  const auto* critical = find(r, "Critical", TargetKind::response);
  BOOST_REQUIRE(critical);
  BOOST_TEST(critical->counts.met == 1u);
  BOOST_TEST(critical->counts.breached == 1u);
  BOOST_TEST(critical->over_target.max.count() == 15 * 60);  // due 09:30, answered 09:45
  // Premium resolves Critical within 8 hours (calendar time): QS-1002 was due Saturday
  // 00:30 and resolved Monday 15:00, 62 h 30 min late; QS-1005 took 7 h 30 min.
  const auto* fix = find(r, "Critical", TargetKind::resolution);
  BOOST_REQUIRE(fix);
  BOOST_TEST(!fix->business);
  BOOST_TEST(fix->counts.met == 1u);
  BOOST_TEST(fix->over_target.max.count() == 62 * 3600 + 1800);

  // Groups: highest priority first; response before resolution.
  BOOST_TEST(r.groups.front().priority == "Critical");
  BOOST_TEST(r.groups.back().priority == "Normal");
  // Monthly buckets of December to March, every one listed, empty ones too.
  BOOST_REQUIRE(r.buckets.size() == 4u);
  BOOST_TEST((r.buckets[0] == day(2025, 12, 1)));
  BOOST_TEST((r.buckets[3] == day(2026, 3, 1)));
  BOOST_TEST(normal->trend.at(day(2025, 12, 1)).breached == 1u);
  BOOST_TEST(normal->trend.at(day(2026, 1, 1)).met == 1u);
  // The worst breach first: QS-1007 is months late, QS-1002 15 minutes.
  BOOST_REQUIRE(r.worst.size() == 3u);
  BOOST_TEST(r.worst[0].id == "QS-1007");
  BOOST_TEST(r.worst[0].due == "2026-01-02T12:00:00+07:00");
  BOOST_TEST(r.worst[0].done == "");
  BOOST_TEST(r.worst[1].id == "QS-1002");
  BOOST_TEST((r.worst[1].kind == TargetKind::resolution));
  BOOST_TEST(r.worst[2].id == "QS-1002");
  BOOST_TEST((r.worst[2].kind == TargetKind::response));
  BOOST_TEST(r.worst[2].done == "2026-01-12T09:45:00+07:00");
}

BOOST_AUTO_TEST_CASE(the_period_is_local_days_in_the_calendar_zone) {
  const auto model = load_contract(qiscus);
  const Evaluator ev = premium(model);
  ComplianceTally tally(ev, period(ev, day(2026, 1, 5), day(2026, 1, 11), "2026-02-01T00:00:00Z"),
                        "q", {});
  const std::vector<Input> rows{
      {"in-first", "Low", "2026-01-05T00:00:00+07:00", "", ""},  // 4 January 17:00 UTC
      {"out-before", "Low", "2026-01-04T23:59:59+07:00", "", ""},
      {"in-last", "Low", "2026-01-11T23:59:59+07:00", "", ""},
      {"out-after", "Low", "2026-01-12T00:00:00+07:00", "", ""},
      {"out-bad", "Urgent", "2026-03-01T10:00:00+07:00", "", ""}};  // outside, not an error
  for (std::size_t i = 0; i < rows.size(); ++i)
    add(tally, ev, rows[i], at("2026-02-01T00:00:00Z"), i + 1);
  const auto r = tally.finish();
  BOOST_TEST(r.outside_period == 3u);
  BOOST_TEST(r.errors == 0u);
  BOOST_TEST(find(r, "Low", TargetKind::response)->counts.tickets == 2u);
  BOOST_REQUIRE(r.buckets.size() == 1u);  // Monday 5 January's week
  BOOST_TEST(date::weekday{r.buckets[0]} == date::Monday);
}

BOOST_AUTO_TEST_CASE(trend_buckets_start_on_mondays_or_the_first) {
  BOOST_TEST((trend_bucket(day(2026, 1, 1), TrendUnit::week) == day(2025, 12, 29)));
  BOOST_TEST((trend_bucket(day(2026, 1, 4), TrendUnit::week) == day(2025, 12, 29)));
  BOOST_TEST((trend_bucket(day(2026, 1, 5), TrendUnit::week) == day(2026, 1, 5)));
  BOOST_TEST((trend_bucket(day(2026, 2, 28), TrendUnit::month) == day(2026, 2, 1)));
}

BOOST_AUTO_TEST_CASE(the_at_risk_queue_lists_the_least_time_left_first) {
  std::string text;
  {
    std::ifstream in(qiscus);
    std::ostringstream s;
    s << in.rdbuf();
    text = s.str();
  }
  const std::string line =
      "  respond to Critical within 1 business hour committed (\"Within 1 hour\")\n";
  const auto at_line = text.find(line);
  BOOST_REQUIRE(at_line != std::string::npos);
  text.insert(at_line + line.size(), "  warn at 50 %, 75 %\n");
  auto loaded = load_string("warn.sla", text);
  BOOST_REQUIRE(loaded.model);
  const Evaluator ev = premium(loaded.model);
  const std::string as_of = "2026-01-12T12:15:00+07:00";
  ComplianceTally tally(ev, period(ev, day(2026, 1, 12), day(2026, 1, 12), as_of), "w", {});
  // Normal (4 business hours) raised 09:00: 81.25 % elapsed, 45 minutes left; High
  // (2 hours) raised 10:30: 87.5 %, 15 minutes left; Low (1 business day = 8 h)
  // raised 09:00: 40.6 %, pending; Critical raised 11:00 answered: met.
  const std::vector<Input> rows{
      {"N", "Normal", "2026-01-12T09:00:00+07:00", "", ""},
      {"H", "High", "2026-01-12T10:30:00+07:00", "", ""},
      {"L", "Low", "2026-01-12T09:00:00+07:00", "", ""},
      {"C", "Critical", "2026-01-12T11:00:00+07:00", "2026-01-12T11:10:00+07:00", ""}};
  for (std::size_t i = 0; i < rows.size(); ++i) add(tally, ev, rows[i], at(as_of), i + 1);
  const auto r = tally.finish();
  BOOST_TEST(r.at_risk == 2u);
  BOOST_REQUIRE(r.queue.size() == 2u);
  BOOST_TEST(r.queue[0].id == "H");
  BOOST_TEST(r.queue[0].over.count() == 15 * 60);
  BOOST_TEST(r.queue[0].elapsed_percent == 87.5);
  BOOST_TEST(r.queue[1].id == "N");
  BOOST_TEST(r.queue[1].over.count() == 45 * 60);
  BOOST_TEST(find(r, "Low", TargetKind::response)->counts.pending == 1u);
  BOOST_TEST(find(r, "Low", TargetKind::response)->counts.at_risk == 0u);
  BOOST_TEST(find(r, "Normal", TargetKind::response)->counts.at_risk == 1u);
  BOOST_TEST(!find(r, "Normal", TargetKind::response)->counts.compliance_percent());
}

BOOST_AUTO_TEST_CASE(credits_belong_to_the_month_the_target_fell_due_in_capped) {
  const std::string text = R"(calendar office "Office" {
  zone "UTC"
  open Mon-Fri 09:00-17:00
}
priorities { P1 "Urgent" }
package p "P" {
  calendar office
  respond to P1 within 1 business hour
  credit 10 % per breached P1 response
  credits at most 25 % per month
}
)";
  auto loaded = load_string("credits.sla", text);
  BOOST_REQUIRE(loaded.model);
  auto made = Evaluator::make(loaded.model, "p");
  BOOST_REQUIRE(made.evaluator);
  const Evaluator& ev = *made.evaluator;
  const std::string as_of = "2026-03-01T00:00:00Z";
  ComplianceTally tally(ev, period(ev, day(2026, 1, 1), day(2026, 2, 28), as_of), "c", {});
  std::vector<Input> rows;
  // Four breaches due in January (40 %, capped at 25 %), one in February (a ticket
  // raised 31 January 16:30 falls due Monday 2 February 09:30), one met.
  for (int d : {5, 6, 7, 8})
    rows.push_back({"J" + std::to_string(d), "P1", fmt::format("2026-01-{:02}T09:00:00Z", d),
                    fmt::format("2026-01-{:02}T12:00:00Z", d), ""});
  rows.push_back({"F", "P1", "2026-01-30T16:30:00Z", "", ""});
  rows.push_back({"M", "P1", "2026-01-09T09:00:00Z", "2026-01-09T09:10:00Z", ""});
  for (std::size_t i = 0; i < rows.size(); ++i) add(tally, ev, rows[i], at(as_of), i + 1);
  const auto r = tally.finish();
  BOOST_TEST(r.has_credit_rules);
  BOOST_REQUIRE(r.credits.size() == 2u);
  BOOST_TEST(r.credits[0].breaches == 4u);
  BOOST_TEST(r.credits[0].sum_milli == 40000);
  BOOST_TEST(r.credits[0].total_milli == 25000);
  BOOST_TEST(r.credits[1].breaches == 1u);
  BOOST_TEST(r.credits[1].total_milli == 10000);
  BOOST_TEST((r.credits[1].month == date::year{2026} / date::February));
}

BOOST_AUTO_TEST_CASE(a_desks_own_figure_is_compared_with_the_contracts) {
  const auto model = load_contract(qiscus);
  const Evaluator ev = premium(model);
  const std::string as_of = "2026-02-01T00:00:00+07:00";
  ComplianceTally tally(ev, period(ev, day(2026, 1, 1), day(2026, 1, 31), as_of), "d", {});
  // Raised Friday 16:30, answered Monday 11:00: 150 open minutes under the contract.
  const std::vector<Input> rows{
      {"agree", "Normal", "2026-01-09T16:30:00+07:00", "2026-01-12T11:00:00+07:00", "", "",
       seconds(150 * 60 + 30)},  // within the minute a desk rounds to
      {"differ", "Normal", "2026-01-09T16:30:00+07:00", "2026-01-12T11:00:00+07:00", "", "",
       seconds(210 * 60)},  // a desk that counts Saturday mornings, say
      {"none", "Normal", "2026-01-09T16:30:00+07:00", "2026-01-12T11:00:00+07:00", ""}};
  for (std::size_t i = 0; i < rows.size(); ++i) add(tally, ev, rows[i], at(as_of), i + 1);
  const auto r = tally.finish();
  BOOST_TEST(r.desk_compared == 2u);
  BOOST_REQUIRE(r.disagreements.size() == 1u);
  BOOST_TEST(r.disagreements[0].id == "differ");
  BOOST_TEST(r.disagreements[0].desk.count() == 210 * 60);
  BOOST_TEST(r.disagreements[0].contract.count() == 150 * 60);
}

// The acceptance's property, on random tickets: per priority and target, the
// report's met, breached and pending (+ at risk) are eval's statuses counted.
BOOST_AUTO_TEST_CASE(the_counts_are_evals_rows_counted) {
  const auto model = load_contract(qiscus);
  const Evaluator ev = premium(model, {"resolution"});
  const std::string as_of = "2026-04-01T00:00:00+07:00";
  ComplianceTally tally(ev, period(ev, day(2026, 1, 1), day(2026, 3, 31), as_of), "p", {});
  std::mt19937 rng(7);
  const char* priorities[] = {"Low", "Normal", "High", "Critical"};
  std::map<std::tuple<std::string, TargetKind, std::string>, std::size_t> expected;
  const Instant start = at("2026-01-01T00:00:00+07:00");
  for (std::size_t i = 0; i < 3000; ++i) {
    Input in;
    in.id = "G" + std::to_string(i);
    in.priority = priorities[rng() % 4];
    const Instant c = start + std::chrono::minutes(rng() % (60 * 24 * 90));
    in.created = format_instant(c, seconds(0), true);
    std::optional<Instant> responded;
    if (rng() % 5) {
      responded = c + std::chrono::minutes(5 + rng() % (60 * 24 * 4));
      in.responded = format_instant(*responded, seconds(0), true);
      if (rng() % 2)
        in.resolved = format_instant(*responded + std::chrono::minutes(rng() % (60 * 24 * 9)),
                                     seconds(0), true);
    }
    add(tally, ev, in, at(as_of), i + 1);
    Ticket t;
    t.priority = in.priority;
    t.created = c;
    t.responded = responded;
    if (!in.resolved.empty()) t.resolved = at(in.resolved);
    const Evaluation e = ev.evaluate(t, at(as_of));
    if (c >= at("2026-04-01T00:00:00+07:00")) continue;
    for (auto [kind, o] : {std::pair{TargetKind::response, &e.response},
                           std::pair{TargetKind::resolution, &e.resolution}}) {
      if (o->verdict == Verdict::no_target) continue;
      const std::string status =
          o->verdict == Verdict::pending ? "pending" : std::string(name(o->verdict));
      ++expected[{in.priority, kind, status}];
    }
  }
  const auto r = tally.finish();
  std::map<std::tuple<std::string, TargetKind, std::string>, std::size_t> got;
  for (const auto& g : r.groups) {
    got[{g.priority, g.kind, "met"}] += g.counts.met;
    got[{g.priority, g.kind, "breached"}] += g.counts.breached;
    got[{g.priority, g.kind, "pending"}] += g.counts.pending + g.counts.at_risk;
    BOOST_TEST(g.counts.tickets ==
               g.counts.met + g.counts.breached + g.counts.pending + g.counts.at_risk);
  }
  for (const auto& [key, n] : expected) BOOST_TEST(got[key] == n);
  std::size_t total = 0;
  for (const auto& [key, n] : got) total += n;
  std::size_t want = 0;
  for (const auto& [key, n] : expected) want += n;
  BOOST_TEST(total == want);
  BOOST_TEST(r.errors == 0u);
  // The JSON says the same counts.
  const std::string json = report_json(r);
  BOOST_TEST(json.find("\"compliance_percent\"") != std::string::npos);
}

// The time a response took leaves out the time the clock was paused (the status
// "waiting on client" pauses premium's clock): raised 09:00, waiting 09:30-10:30,
// answered 11:00 is one hour, open and calendar alike.
BOOST_AUTO_TEST_CASE(times_taken_leave_pauses_out) {
  const auto model = load_contract(qiscus);
  const Evaluator ev = premium(model);
  const Instant as_of = at("2026-02-01T00:00:00+07:00");
  ComplianceTally tally(
      ev, period(ev, day(2026, 1, 1), day(2026, 1, 31), "2026-02-01T00:00:00+07:00"), "p", {});
  const TicketEvent events[] = {
      {at("2026-01-12T09:30:00+07:00"), TicketEvent::Kind::status, "waiting on client"},
      {at("2026-01-12T10:30:00+07:00"), TicketEvent::Kind::status, "open"}};
  Ticket t;
  t.priority = "Normal";
  t.created = at("2026-01-12T09:00:00+07:00");
  t.responded = at("2026-01-12T11:00:00+07:00");
  t.events = events;
  const Evaluation e = ev.evaluate(t, as_of);
  ResultRow row;
  row.number = 1;
  row.id = "P";
  row.priority = "Normal";
  row.created = t.created;
  row.responded = t.responded;
  measure_time_taken(ev, t, e, as_of, row);
  tally.add(row, e);
  const auto r = tally.finish();
  const auto* normal = find(r, "Normal", TargetKind::response);
  BOOST_REQUIRE(normal);
  BOOST_TEST(normal->counts.met == 1u);
  BOOST_TEST(normal->business_time.quantile(0.5)->count() == 3600);
  BOOST_TEST(normal->calendar_time.quantile(0.5)->count() == 3600);
}

// What the as-of does not know yet is outside the report; a breach due in the
// period from a ticket raised before it still earns its month's credit (as `sla
// credits`); ties in the lists go by row.
BOOST_AUTO_TEST_CASE(after_the_as_of_is_outside_and_credits_follow_the_due_month) {
  const std::string text = R"(calendar office "Office" {
  zone "UTC"
  open Mon-Fri 09:00-17:00
}
priorities { P1 "Urgent" }
package p "P" {
  calendar office
  respond to P1 within 1 business hour
  credit 10 % per breached P1 response
}
)";
  auto loaded = load_string("credits.sla", text);
  BOOST_REQUIRE(loaded.model);
  auto made = Evaluator::make(loaded.model, "p");
  BOOST_REQUIRE(made.evaluator);
  const Evaluator& ev = *made.evaluator;
  const std::string as_of = "2026-02-10T12:00:00Z";
  ComplianceTally tally(ev, period(ev, day(2026, 2, 1), day(2026, 2, 28), as_of), "c", {});
  const std::vector<Input> rows{
      // raised Friday 30 January 16:30, due Monday 2 February 09:30, answered 12:00
      {"before", "P1", "2026-01-30T16:30:00Z", "2026-02-02T12:00:00Z", ""},
      {"late-a", "P1", "2026-02-03T09:00:00Z", "2026-02-03T11:00:00Z", ""},
      {"late-b", "P1", "2026-02-04T09:00:00Z", "2026-02-04T11:00:00Z", ""},
      {"future", "P1", "2026-02-20T09:00:00Z", "", ""}};  // after the as-of
  for (std::size_t i = 0; i < rows.size(); ++i) add(tally, ev, rows[i], at(as_of), i + 1);
  const auto r = tally.finish();
  BOOST_TEST(r.outside_period == 2u);  // raised in January; raised after the as-of
  BOOST_TEST(r.errors == 0u);
  BOOST_REQUIRE(r.credits.size() == 1u);
  BOOST_TEST(r.credits[0].breaches == 3u);
  BOOST_TEST(r.credits[0].total_milli == 30000);
  // late-a and late-b are both an hour late: the first row first.
  BOOST_REQUIRE(r.worst.size() == 2u);
  BOOST_TEST(r.worst[0].id == "late-a");
  BOOST_TEST(r.worst[1].id == "late-b");
}
