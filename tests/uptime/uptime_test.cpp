// The uptime rules of docs/semantics.md ("Uptime"), one case each, on the Qiscus
// contract (Asia/Jakarta, +07:00) or a small contract written for the rule; and
// a property test against a minute-stepping oracle.
#define BOOST_TEST_MODULE uptime
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <random>

#include "interpreter/time/timestamp.hpp"
#include "sla/load.hpp"
#include "sla/uptime.hpp"

using namespace sla;
using std::chrono::minutes;
using std::chrono::seconds;

namespace {

Instant at(const std::string& text) {
  std::string error;
  auto t = parse_timestamp(text, error);
  BOOST_TEST_REQUIRE((t && t->has_offset), text << ": " << error);
  return t->utc;
}

// A loaded contract and one selection of it.
struct Setup {
  std::shared_ptr<const Model> model;
  Package package;
  const CalendarInfo* calendar = nullptr;

  std::vector<ServiceMonth> report(const std::vector<Incident>& incidents,
                                   std::vector<std::chrono::year_month> months,
                                   std::optional<Instant> as_of = std::nullopt) const {
    return uptime_report(*model, package, *calendar, incidents, UptimeQuery{months, as_of});
  }
  ServiceMonth month(const std::vector<Incident>& incidents, std::chrono::year_month m,
                     std::optional<Instant> as_of = std::nullopt) const {
    auto r = report(incidents, {m}, as_of);
    BOOST_TEST_REQUIRE(r.size() == 1u);
    return r.front();
  }
};

Setup setup(const LoadResult& r, const std::string& package, std::vector<std::string> addons = {}) {
  BOOST_TEST_REQUIRE(r.ok());
  Selection sel = select(*r.model, package, addons);
  BOOST_TEST_REQUIRE(sel.package.has_value(), sel.error);
  return {r.model, std::move(*sel.package), sel.calendar};
}

Setup qiscus(const std::string& package = "premium") {
  static const LoadResult r =
      load_file(std::string(SLA_SOURCE_DIR) + "/contracts/qiscus-enterprise.sla");
  return setup(r, package);
}

// A contract with one package "p" whose uptime block is `uptime`, on a Jakarta
// calendar, with the header lines `header`.
Setup contract(const std::string& uptime, const std::string& header = "effective 2025-01-01",
               const std::string& zone = "Asia/Jakarta") {
  auto r = std::make_shared<LoadResult>(load_string(
      "t.sla", "contract \"T\" { provider \"T\"; version \"1\"; " + header +
                   " }\n"
                   "calendar office { zone \"" +
                   zone +
                   "\"; open Mon-Fri 09:00-17:00; open on holidays; business day is 8 hours }\n"
                   "package p \"P\" {\n  calendar office\n  uptime \"API\" {\n" +
                   uptime + "\n  }\n}\n"));
  for (const auto& d : r->diagnostics) BOOST_TEST_MESSAGE(d.message);
  return setup(*r, "p");
}

Incident incident(std::string id, const std::string& start, std::optional<std::string> end,
                  IncidentCategory category = IncidentCategory::outage,
                  std::optional<std::string> announced = std::nullopt,
                  std::string service = "Chat Service") {
  Incident i;
  i.id = std::move(id);
  i.service = std::move(service);
  i.start = at(start);
  if (end) i.end = at(*end);
  i.category = category;
  if (announced) i.announced_at = at(*announced);
  return i;
}

constexpr auto jan = std::chrono::year{2026} / std::chrono::January;
constexpr auto feb = std::chrono::year{2026} / std::chrono::February;
using C = IncidentCategory;

}  // namespace

BOOST_AUTO_TEST_CASE(the_formula_with_overlaps_and_an_announced_maintenance) {
  const auto r =
      qiscus().month({incident("I1", "2026-01-05T10:00:00+07:00", "2026-01-05T14:00:00+07:00"),
                      incident("I2", "2026-01-05T13:00:00+07:00", "2026-01-05T15:00:00+07:00"),
                      incident("M1", "2026-01-18T01:00:00+07:00", "2026-01-18T04:20:00+07:00",
                               C::scheduled_maintenance, "2026-01-11T09:00:00+07:00")},
                     jan);
  BOOST_TEST(r.total == minutes(44640));
  BOOST_TEST(r.excluded == minutes(200));
  BOOST_TEST(r.excluded_by[0] == minutes(200));
  BOOST_TEST(r.downtime == minutes(300));
  BOOST_TEST(*r.uptime_ppm == 993249);  // 99.3249 %
  BOOST_TEST(name(r.status) == "met");
  BOOST_TEST(name(r.coverage) == "full");
  BOOST_TEST(r.incidents.size() == 3u);
}

BOOST_AUTO_TEST_CASE(a_600_minute_outage_breaches_february) {
  const auto r = qiscus().month(
      {incident("I3", "2026-02-10T08:00:00+07:00", "2026-02-10T18:00:00+07:00")}, feb);
  BOOST_TEST(r.total == minutes(40320));
  BOOST_TEST(*r.uptime_ppm == 985119);  // 98.5119 %
  BOOST_TEST(name(r.status) == "breached");
}

BOOST_AUTO_TEST_CASE(exactly_at_the_target_is_met) {
  // 1 % of 44640 minutes is 446.4 minutes: 446 minutes down is met, 447 breached.
  auto s = qiscus();
  BOOST_TEST(
      name(s.month({incident("A", "2026-01-05T00:00:00+07:00", "2026-01-05T07:26:00+07:00")}, jan)
               .status) == "met");
  BOOST_TEST(
      name(s.month({incident("A", "2026-01-05T00:00:00+07:00", "2026-01-05T07:27:00+07:00")}, jan)
               .status) == "breached");
  // Exact: 446.4 minutes down is exactly 99 %.
  const auto r =
      s.month({incident("A", "2026-01-05T00:00:00+07:00", "2026-01-05T07:26:24+07:00")}, jan);
  BOOST_TEST(name(r.status) == "met");
  BOOST_TEST(*r.uptime_ppm == 990000);
}

BOOST_AUTO_TEST_CASE(months_are_bounded_in_the_calendar_zone) {
  auto s = qiscus();
  const std::vector<Incident> across{
      incident("X", "2026-01-31T20:00:00+07:00", "2026-02-01T02:00:00+07:00")};
  const auto r = s.report(across, {jan, feb});
  BOOST_TEST_REQUIRE(r.size() == 2u);
  BOOST_TEST(format_timestamp(r[0].from, {}, true) == "2025-12-31T17:00:00Z");
  BOOST_TEST(r[0].downtime == minutes(240));  // clipped to January, Jakarta time
  BOOST_TEST(r[1].downtime == minutes(120));
}

BOOST_AUTO_TEST_CASE(a_month_has_its_real_length_across_daylight_saving) {
  const auto s =
      contract("    target 99 %\n    measured monthly", "effective 2025-01-01", "America/New_York");
  const auto r = s.month({}, std::chrono::year{2026} / std::chrono::March);
  BOOST_TEST(r.total == minutes(44580));  // 31 days less the spring-forward hour
  BOOST_TEST(*r.uptime_ppm == 1000000);
}

BOOST_AUTO_TEST_CASE(overlapping_outages_count_once) {
  const auto r =
      qiscus().month({incident("A", "2026-01-05T10:00:00+07:00", "2026-01-05T12:00:00+07:00"),
                      incident("B", "2026-01-05T10:30:00+07:00", "2026-01-05T11:00:00+07:00"),
                      incident("C", "2026-01-05T12:00:00+07:00", "2026-01-05T12:30:00+07:00")},
                     jan);
  BOOST_TEST(r.downtime == minutes(150));  // B inside A; C touches A
}

BOOST_AUTO_TEST_CASE(excluded_time_wins_over_downtime) {
  const auto r =
      qiscus().month({incident("O", "2026-01-05T10:00:00+07:00", "2026-01-05T12:00:00+07:00"),
                      incident("M", "2026-01-05T11:00:00+07:00", "2026-01-05T13:00:00+07:00",
                               C::scheduled_maintenance, "2026-01-01T00:00:00+07:00")},
                     jan);
  BOOST_TEST(r.excluded == minutes(120));
  BOOST_TEST(r.downtime == minutes(60));  // only 10:00-11:00 counts
  BOOST_TEST(r.excluded + r.downtime == minutes(180));
}

BOOST_AUTO_TEST_CASE(overlapping_excluded_causes_are_attributed_once) {
  const auto r = qiscus().month(
      {incident("T", "2026-01-05T10:00:00+07:00", "2026-01-05T12:00:00+07:00", C::third_party),
       incident("F", "2026-01-05T11:00:00+07:00", "2026-01-05T13:00:00+07:00", C::force_majeure),
       incident("M", "2026-01-05T11:30:00+07:00", "2026-01-05T12:30:00+07:00",
                C::scheduled_maintenance, "2026-01-01T00:00:00+07:00")},
      jan);
  BOOST_TEST(r.excluded == minutes(180));
  BOOST_TEST(r.excluded_by[0] == minutes(60));  // scheduled maintenance first
  BOOST_TEST(r.excluded_by[1] == minutes(90));  // then third party: 10:00-11:30
  BOOST_TEST(r.excluded_by[2] == minutes(30));  // then force majeure: 12:30-13:00
}

BOOST_AUTO_TEST_CASE(degraded_is_not_downtime) {
  const auto r = qiscus().month(
      {incident("D", "2026-01-05T10:00:00+07:00", "2026-01-05T11:00:00+07:00", C::degraded),
       incident("O", "2026-01-05T10:30:00+07:00", "2026-01-05T10:45:00+07:00")},
      jan);
  BOOST_TEST(r.downtime == minutes(15));
  BOOST_TEST(r.degraded == minutes(45));  // the outage's quarter hour is downtime, not both
  BOOST_TEST(name(r.incidents[0].treatment) == "not_counted");
}

BOOST_AUTO_TEST_CASE(maintenance_not_announced_in_time_is_downtime) {
  auto s = qiscus();
  auto down = [&](std::optional<std::string> announced) {
    const auto r = s.month({incident("M", "2026-01-05T10:00:00+07:00", "2026-01-05T11:00:00+07:00",
                                     C::scheduled_maintenance, announced)},
                           jan);
    return r.downtime.count() / 60;
  };
  BOOST_TEST(down(std::nullopt) == 60);                 // never announced
  BOOST_TEST(down("2026-01-05T10:00:00+07:00") == 60);  // at its start
  BOOST_TEST(down("2026-01-05T10:30:00+07:00") == 60);  // after its start
  BOOST_TEST(down("2026-01-05T09:59:00+07:00") == 0);   // no notice period: any before
}

BOOST_AUTO_TEST_CASE(a_stated_notice_period_is_enforced) {
  const auto s = contract(
      "    target 99 %\n    measured monthly\n"
      "    exclude scheduled maintenance announced at least 5 days in advance");
  auto excluded = [&](const std::string& announced) {
    return s.month({incident("M", "2026-01-10T10:00:00+07:00", "2026-01-10T11:00:00+07:00",
                             C::scheduled_maintenance, announced, "API")},
                   jan)
               .excluded.count() /
           60;
  };
  BOOST_TEST(excluded("2026-01-05T10:00:00+07:00") == 60);  // exactly 5 days
  BOOST_TEST(excluded("2026-01-05T10:00:01+07:00") == 0);   // a second short
}

BOOST_AUTO_TEST_CASE(a_notice_in_business_days_counts_open_time) {
  // 2 business days of 8 hours on Mon-Fri 09:00-17:00.
  const auto s = contract(
      "    target 99 %\n    measured monthly\n"
      "    exclude scheduled maintenance announced at least 2 business days in advance");
  auto excluded = [&](const std::string& announced) {
    return s.month({incident("M", "2026-01-12T10:00:00+07:00", "2026-01-12T11:00:00+07:00",
                             C::scheduled_maintenance, announced, "API")},
                   jan)
               .excluded.count() /
           60;
  };
  // Friday 09:00 to Monday 10:00 is 9 open hours: not enough.
  BOOST_TEST(excluded("2026-01-09T09:00:00+07:00") == 0);
  // Thursday 10:00 to Monday 10:00 is 16 open hours: enough.
  BOOST_TEST(excluded("2026-01-08T10:00:00+07:00") == 60);
}

BOOST_AUTO_TEST_CASE(causes_are_excluded_only_when_the_contract_says_so) {
  // Premium excludes third party and force majeure; basic excludes nothing.
  const std::vector<Incident> v{
      incident("T", "2026-01-05T10:00:00+07:00", "2026-01-05T11:00:00+07:00", C::third_party),
      incident("F", "2026-01-06T10:00:00+07:00", "2026-01-06T11:00:00+07:00", C::force_majeure),
      incident("X", "2026-01-07T10:00:00+07:00", "2026-01-07T11:00:00+07:00", C::other)};
  const auto premium = qiscus().month(v, jan);
  BOOST_TEST(premium.excluded == minutes(120));
  BOOST_TEST(premium.downtime == minutes(60));  // premium does not exclude "other"
  const auto basic = qiscus("basic").month(v, jan);
  BOOST_TEST(basic.excluded == minutes(0));
  BOOST_TEST(basic.downtime == minutes(180));
}

BOOST_AUTO_TEST_CASE(ongoing_incidents_end_at_the_end_of_the_period) {
  auto s = qiscus();
  const std::vector<Incident> v{incident("O", "2026-01-31T20:00:00+07:00", std::nullopt)};
  BOOST_TEST(s.month(v, jan).downtime == minutes(240));
  BOOST_TEST(s.month(v, feb).downtime == minutes(40320));  // still going on: all of February
  // With an as-of instant inside the month, the period ends there.
  const auto r = s.month(v, feb, at("2026-02-01T06:00:00+07:00"));
  BOOST_TEST(name(r.coverage) == "partial");
  BOOST_TEST(r.total == minutes(360));
  BOOST_TEST(r.downtime == minutes(360));
  BOOST_TEST(
      name(s.month(v, std::chrono::year{2026} / std::chrono::March, at("2026-02-01T06:00:00+07:00"))
               .status) == "not_started");
}

BOOST_AUTO_TEST_CASE(months_outside_the_contract_are_not_in_force) {
  const auto r =
      qiscus().month({}, std::chrono::year{2024} / std::chrono::December);  // effective 2025-01-01
  BOOST_TEST(name(r.status) == "not_in_force");
  BOOST_TEST(name(r.coverage) == "before_contract");
  BOOST_TEST(!r.uptime_ppm.has_value());
  BOOST_TEST(name(r.credit) == "not_applicable");
  BOOST_TEST(r.notes.front().find("2025-01-01") != std::string::npos);

  const auto s =
      contract("    target 99 %\n    measured monthly", "effective 2025-01-01; ends 2026-01-20");
  const auto jan_r = s.month({}, jan);
  BOOST_TEST(name(jan_r.coverage) == "partial");
  BOOST_TEST(jan_r.total == minutes(20 * 1440));  // through the 20th
  BOOST_TEST(name(s.month({}, feb).coverage) == "after_contract");
}

BOOST_AUTO_TEST_CASE(a_contract_effective_mid_month_measures_from_then) {
  const auto s = contract("    target 99 %\n    measured monthly", "effective 2026-01-15");
  const auto r = s.month({incident("O", "2026-01-10T00:00:00+07:00", "2026-01-15T01:00:00+07:00",
                                   C::outage, std::nullopt, "API")},
                         jan);
  BOOST_TEST(name(r.coverage) == "partial");
  BOOST_TEST(r.total == minutes(17 * 1440));
  BOOST_TEST(r.downtime == minutes(60));  // only the hour after the contract starts
  BOOST_TEST(format_timestamp(r.from, std::chrono::hours(7)) == "2026-01-15T00:00:00+07:00");
}

BOOST_AUTO_TEST_CASE(credit_tiers_the_lowest_threshold_that_applies) {
  const auto s = contract(
      "    target 99.5 %\n    measured monthly\n    service credits \"Service credits\"\n"
      "    credit 10 % when below 99.5 %\n    credit 25 % when below 99 %");
  auto credit = [&](int minutes_down) {
    const auto r =
        s.month({incident("O", "2026-01-05T00:00:00+07:00",
                          format_timestamp(at("2026-01-05T00:00:00+07:00") + minutes(minutes_down),
                                           std::chrono::hours(7)),
                          C::outage, std::nullopt, "API")},
                jan);
    return r.tier ? r.tier->credit_milli / 1000 : 0;
  };
  BOOST_TEST(credit(100) == 0);   // 99.78 %
  BOOST_TEST(credit(300) == 10);  // 99.33 %
  BOOST_TEST(credit(500) == 25);  // 98.88 %
}

BOOST_AUTO_TEST_CASE(credits_named_but_not_defined_are_said_so) {
  const auto s = qiscus();  // the report points into the selection: keep it alive
  const auto r = s.month({}, jan);
  BOOST_TEST(name(r.credit) == "not_defined");
  BOOST_TEST(credit_text(r).find("defines no credit tiers") != std::string::npos);
  BOOST_TEST(name(qiscus("basic").month({}, jan).credit) == "not_stated");
}

BOOST_AUTO_TEST_CASE(best_effort_still_has_a_status) {
  const auto s = qiscus("basic");
  const auto r =
      s.month({incident("I3", "2026-02-10T08:00:00+07:00", "2026-02-10T18:00:00+07:00")}, feb);
  BOOST_TEST(name(r.status) == "breached");
  BOOST_TEST((r.uptime->commitment == Commitment::best_effort));
  BOOST_TEST(std::any_of(r.notes.begin(), r.notes.end(),
                         [](const std::string& n) { return n.starts_with("best effort"); }));
}

BOOST_AUTO_TEST_CASE(a_wholly_excluded_period_is_met) {
  const auto r = qiscus().month(
      {incident("F", "2025-12-20T00:00:00+07:00", "2026-02-02T00:00:00+07:00", C::force_majeure)},
      jan);
  BOOST_TEST(r.excluded == r.total);
  BOOST_TEST(*r.uptime_ppm == 1000000);
  BOOST_TEST(name(r.status) == "met");
}

BOOST_AUTO_TEST_CASE(problems_are_named) {
  const auto s = qiscus();
  BOOST_TEST(incident_problem(incident("A", "2026-01-05T10:00:00+07:00", std::nullopt, C::outage,
                                       std::nullopt, "chat service"),
                              s.package, std::nullopt)
                 .empty());  // any case
  const auto typo = incident_problem(incident("A", "2026-01-05T10:00:00+07:00", std::nullopt,
                                              C::outage, std::nullopt, "Chat Servce"),
                                     s.package, std::nullopt);
  BOOST_TEST(typo.find("did you mean 'Chat Service'?") != std::string::npos, typo);
  BOOST_TEST(
      incident_problem(incident("A", "2026-01-05T10:00:00+07:00", "2026-01-05T09:00:00+07:00"),
                       s.package, std::nullopt) == "it ends before it starts");
  // Not known yet at the as-of instant: left out of the period, not an error.
  BOOST_TEST(incident_problem(incident("A", "2026-01-05T10:00:00+07:00", std::nullopt), s.package,
                              at("2026-01-05T09:00:00+07:00"))
                 .empty());
}

BOOST_AUTO_TEST_CASE(categories_are_read_leniently) {
  BOOST_TEST((parse_incident_category("Scheduled Maintenance") == C::scheduled_maintenance));
  BOOST_TEST((parse_incident_category("third-party") == C::third_party));
  BOOST_TEST(!parse_incident_category("outge").has_value());
  for (auto c : kIncidentCategories) BOOST_TEST((parse_incident_category(name(c)) == c));
}

// Random incidents against a minute-by-minute oracle: no minute is counted twice,
// excluded and downtime never exceed the month, and every figure agrees.
BOOST_AUTO_TEST_CASE(property_minutes_are_counted_once) {
  const auto s = qiscus();  // excludes maintenance (any notice), third party, force majeure
  std::mt19937 rng(20260101);
  const Instant month_start = at("2026-01-01T00:00:00+07:00");
  const long month_minutes = 44640;
  for (int round = 0; round < 150; ++round) {
    std::vector<Incident> v;
    const int n = std::uniform_int_distribution<int>(0, 14)(rng);
    for (int k = 0; k < n; ++k) {
      Incident i;
      i.id = std::to_string(k);
      i.service = "Chat Service";
      // Starts from two days before the month to two days after it.
      const long start = std::uniform_int_distribution<long>(-2880, month_minutes + 2880)(rng);
      const long len = std::uniform_int_distribution<long>(0, round % 3 == 0 ? 20000 : 600)(rng);
      i.start = month_start + minutes(start);
      if (std::uniform_int_distribution<int>(0, 9)(rng)) i.end = i.start + minutes(len);
      i.category = kIncidentCategories[std::uniform_int_distribution<std::size_t>(0, 5)(rng)];
      if (std::uniform_int_distribution<int>(0, 1)(rng))
        i.announced_at = i.start + minutes(std::uniform_int_distribution<long>(-20000, 60)(rng));
      v.push_back(i);
    }
    const auto r = s.month(v, jan);

    // The oracle: each minute is excluded (by the first cause in order), else
    // downtime, else degraded.
    long excluded = 0, down = 0, degraded = 0;
    std::array<long, 4> by{};
    for (long m = 0; m < month_minutes; ++m) {
      const Instant t = month_start + minutes(m);
      int cause = 9;
      bool is_down = false, is_degraded = false;
      for (const auto& i : v) {
        const Instant end = i.end.value_or(month_start + minutes(month_minutes));
        if (t < i.start || t >= end) continue;
        switch (i.category) {
          case C::outage:
          case C::other:  // premium does not exclude other causes
            is_down = true;
            break;
          case C::degraded:
            is_degraded = true;
            break;
          case C::scheduled_maintenance:
            if (i.announced_at && *i.announced_at < i.start)
              cause = std::min(cause, 0);
            else
              is_down = true;
            break;
          case C::third_party:
            cause = std::min(cause, 1);
            break;
          case C::force_majeure:
            cause = std::min(cause, 2);
            break;
        }
      }
      if (cause != 9) {
        ++excluded;
        ++by[static_cast<std::size_t>(cause)];
      } else if (is_down) {
        ++down;
      } else if (is_degraded) {
        ++degraded;
      }
    }
    BOOST_TEST_REQUIRE(r.total == minutes(month_minutes));
    BOOST_TEST_REQUIRE(r.excluded == minutes(excluded), "round " << round);
    BOOST_TEST_REQUIRE(r.downtime == minutes(down), "round " << round);
    BOOST_TEST_REQUIRE(r.degraded == minutes(degraded), "round " << round);
    for (std::size_t c = 0; c < 3; ++c) BOOST_TEST_REQUIRE(r.excluded_by[c] == minutes(by[c]));
    BOOST_TEST_REQUIRE(r.excluded + r.downtime + r.degraded <= r.total);
    BOOST_TEST_REQUIRE(r.excluded_by[0] + r.excluded_by[1] + r.excluded_by[2] + r.excluded_by[3] ==
                       r.excluded);
    BOOST_TEST_REQUIRE(*r.uptime_ppm <= 1000000);
    if (r.excluded < r.total) {
      const long measured = month_minutes - excluded;
      BOOST_TEST_REQUIRE(*r.uptime_ppm == (measured - down) * 1000000 / measured);
    }
  }
}

// Quarters and years (docs/semantics.md, "Quarters and years"). Q1 2026 in Jakarta
// is 90 days, 129,600 minutes: 99.9 % allows 129.6 minutes down.

namespace {

constexpr auto mar = std::chrono::year{2026} / std::chrono::March;
constexpr auto apr = std::chrono::year{2026} / std::chrono::April;

Incident api_outage(const std::string& start, seconds length) {
  return incident("O", start, format_timestamp(at(start) + length, std::chrono::hours(7)),
                  C::outage, std::nullopt, "API");
}

bool has_note(const ServiceMonth& r, std::string_view text) {
  return std::any_of(r.notes.begin(), r.notes.end(),
                     [&](const std::string& n) { return n.find(text) != std::string::npos; });
}

std::vector<std::chrono::year_month> months(std::chrono::year_month first,
                                            std::chrono::year_month last) {
  std::vector<std::chrono::year_month> out;
  for (auto m = first; m <= last; m += std::chrono::months{1}) out.push_back(m);
  return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_quarter_is_met_over_its_three_months) {
  const Setup s = contract(
      "target 99.9 %\n measured quarterly\n service credits \"Credits\"\n"
      " credit 10 % when below 99.9 %");
  // 60 minutes down in February: 99.85 % of the month, which alone would breach
  // and earn the credit, but 99.9537 % of the quarter.
  const auto all =
      s.report({api_outage("2026-02-10T10:00:00+07:00", minutes(60))}, months(jan, mar));
  BOOST_TEST_REQUIRE(all.size() == 1u);  // one quarter, not three months
  const auto& r = all.front();
  BOOST_TEST((r.period == PeriodKind::quarter));
  BOOST_TEST(period_label(r) == "2026-Q1");
  BOOST_TEST(format_timestamp(r.from, std::chrono::hours(7)) == "2026-01-01T00:00:00+07:00");
  BOOST_TEST(format_timestamp(r.to, std::chrono::hours(7)) == "2026-04-01T00:00:00+07:00");
  BOOST_TEST(name(r.coverage) == "full");
  BOOST_TEST(r.total == minutes(129600));
  BOOST_TEST(r.downtime == minutes(60));
  BOOST_TEST(*r.uptime_ppm == 999537);
  BOOST_TEST(name(r.status) == "met");
  BOOST_TEST(name(r.credit) == "none_due");
  BOOST_TEST(!has_note(r, "months asked for"));  // the whole quarter was asked for
}

BOOST_AUTO_TEST_CASE(a_quarter_is_breached_by_one_bad_month) {
  const Setup s = contract("target 99.9 %\n measured quarterly");
  // 200 minutes in February: more than the 129.6 the quarter allows.
  const auto r =
      s.report({api_outage("2026-02-10T10:00:00+07:00", minutes(200))}, months(jan, mar));
  BOOST_TEST_REQUIRE(r.size() == 1u);
  BOOST_TEST(*r[0].uptime_ppm == 998456);
  BOOST_TEST(name(r[0].status) == "breached");
  // Exactly at the allowance is met: 129.6 minutes is 7776 seconds.
  const auto edge =
      s.report({api_outage("2026-02-10T10:00:00+07:00", seconds(7776))}, months(jan, mar));
  BOOST_TEST(name(edge[0].status) == "met");
  const auto over =
      s.report({api_outage("2026-02-10T10:00:00+07:00", seconds(7777))}, months(jan, mar));
  BOOST_TEST(name(over[0].status) == "breached");
}

BOOST_AUTO_TEST_CASE(a_credit_tier_applies_to_the_quarter) {
  const Setup s = contract(
      "target 99.9 %\n measured quarterly\n service credits \"Credits\"\n"
      " credit 10 % when below 99.9 %\n credit 25 % when below 99.5 %");
  auto credit = [&](minutes down) {
    const auto r = s.report({api_outage("2026-03-02T00:00:00+07:00", down)}, months(jan, mar));
    BOOST_TEST_REQUIRE(r.size() == 1u);
    return std::pair{name(r[0].credit), r[0].tier ? r[0].tier->credit_milli / 1000 : 0};
  };
  // 500 minutes is 98.88 % of March alone (25 % if months were judged), 99.6142 % of Q1.
  BOOST_TEST((credit(minutes(100)) == std::pair{std::string_view("none_due"), std::int64_t{0}}));
  BOOST_TEST((credit(minutes(500)) == std::pair{std::string_view("due"), std::int64_t{10}}));
  BOOST_TEST((credit(minutes(700)) == std::pair{std::string_view("due"), std::int64_t{25}}));
}

BOOST_AUTO_TEST_CASE(a_yearly_commitment_is_judged_over_the_year) {
  const Setup s = contract("target 99.9 %\n measured yearly");
  // 2026 is 525,600 minutes: 99.9 % allows 525.6. 500 minutes in March is 98.88 %
  // of March but 99.9048 % of the year.
  const auto met = s.report({api_outage("2026-03-02T00:00:00+07:00", minutes(500))},
                            months(std::chrono::year{2026} / 1, std::chrono::year{2026} / 12));
  BOOST_TEST_REQUIRE(met.size() == 1u);
  BOOST_TEST((met[0].period == PeriodKind::year));
  BOOST_TEST(period_label(met[0]) == "2026");
  BOOST_TEST(met[0].total == minutes(525600));
  BOOST_TEST(*met[0].uptime_ppm == 999048);
  BOOST_TEST(name(met[0].status) == "met");
  const auto breached = s.report({api_outage("2026-03-02T00:00:00+07:00", minutes(526))},
                                 months(std::chrono::year{2026} / 1, std::chrono::year{2026} / 12));
  BOOST_TEST(name(breached[0].status) == "breached");
  // Two years asked for: one report each.
  const auto two = s.report({}, {std::chrono::year{2025} / 12, jan});
  BOOST_TEST_REQUIRE(two.size() == 2u);
  BOOST_TEST(period_label(two[0]) == "2025");
  BOOST_TEST(period_label(two[1]) == "2026");
}

BOOST_AUTO_TEST_CASE(a_quarter_not_over_at_as_of_is_pending) {
  const Setup s = contract(
      "target 99.9 %\n measured quarterly\n service credits \"Credits\"\n"
      " credit 10 % when below 99.9 %");
  const Instant as_of = at("2026-02-15T00:00:00+07:00");
  const auto r =
      s.report({api_outage("2026-02-10T10:00:00+07:00", minutes(60))}, months(jan, mar), as_of);
  BOOST_TEST_REQUIRE(r.size() == 1u);
  BOOST_TEST(name(r[0].status) == "pending");
  BOOST_TEST(name(r[0].coverage) == "partial");
  BOOST_TEST((r[0].to == as_of));
  BOOST_TEST(r[0].total == minutes(45 * 1440));  // 1 January to 15 February
  BOOST_TEST(*r[0].uptime_ppm == 999074);        // the uptime so far
  BOOST_TEST(name(r[0].credit) == "pending");
  BOOST_TEST(!r[0].tier);
  BOOST_TEST(credit_text(r[0]).starts_with("pending"));
  BOOST_TEST(has_note(r[0], "pending until it ends on 2026-03-31"));
  BOOST_TEST(has_note(r[0], "downtime so far: 60 minutes of at most 129.6 minutes"));

  // With no tiers there is no credit to wait for.
  const Setup plain = contract("target 99.9 %\n measured quarterly");
  BOOST_TEST(name(plain.report({}, {jan}, as_of)[0].credit) == "not_stated");
  // A month cut by as-of is still judged on what was measured.
  const Setup monthly = contract("target 99.9 %\n measured monthly");
  const auto feb_r =
      monthly.month({api_outage("2026-02-10T10:00:00+07:00", minutes(60))}, feb, as_of);
  BOOST_TEST(name(feb_r.coverage) == "partial");
  BOOST_TEST(name(feb_r.status) == "breached");
  // The quarter after as-of has not started; the quarter before it is over and judged.
  const auto around = s.report({}, {std::chrono::year{2025} / 12, apr}, as_of);
  BOOST_TEST_REQUIRE(around.size() == 2u);
  BOOST_TEST(name(around[0].status) == "met");
  BOOST_TEST(name(around[1].status) == "not_started");
}

BOOST_AUTO_TEST_CASE(a_quarter_already_lost_says_so_while_pending) {
  const Setup s = contract("target 99.9 %\n measured quarterly");
  const auto r = s.report({api_outage("2026-02-10T10:00:00+07:00", minutes(200))}, {feb},
                          at("2026-02-15T00:00:00+07:00"));
  BOOST_TEST_REQUIRE(r.size() == 1u);
  BOOST_TEST(name(r[0].status) == "pending");  // the verdict still waits for the end
  BOOST_TEST(has_note(r[0],
                      "already exceeds the 129.6 minutes the target allows over the "
                      "whole quarter: it cannot be met"));
}

BOOST_AUTO_TEST_CASE(a_range_over_two_quarters_reports_each_once) {
  const Setup s = contract("target 99.9 %\n measured quarterly");
  const auto r = s.report({api_outage("2026-04-10T10:00:00+07:00", minutes(200))},
                          months(feb, std::chrono::year{2026} / std::chrono::May));
  BOOST_TEST_REQUIRE(r.size() == 2u);
  BOOST_TEST(period_label(r[0]) == "2026-Q1");
  BOOST_TEST(name(r[0].status) == "met");
  BOOST_TEST(has_note(r[0],
                      "the months asked for (2026-02, 2026-03) are part of the quarter "
                      "2026-Q1"));
  BOOST_TEST(period_label(r[1]) == "2026-Q2");
  BOOST_TEST(r[1].total == minutes(91 * 1440));
  BOOST_TEST(name(r[1].status) == "breached");
  BOOST_TEST(has_note(r[1], "(2026-04, 2026-05)"));

  // Beside a monthly commitment, each quarter comes in the place of its first month.
  const LoadResult mixed =
      load_string("t.sla",
                  "contract \"T\" { provider \"T\"; version \"1\"; effective 2025-01-01 }\n"
                  "calendar office { zone \"Asia/Jakarta\"; open Mon-Fri 09:00-17:00 }\n"
                  "package p \"P\" {\n  calendar office\n"
                  "  uptime \"API\" {\n    target 99.9 %\n    measured quarterly\n  }\n"
                  "  uptime \"Web\" {\n    target 99 %\n    measured monthly\n  }\n}\n");
  const Setup m = setup(mixed, "p");
  std::vector<std::string> order;
  for (const auto& x : m.report({}, months(feb, apr)))
    order.push_back(x.uptime->service + " " + period_label(x));
  const std::vector<std::string> expected{"API 2026-Q1", "Web 2026-02", "Web 2026-03",
                                          "API 2026-Q2", "Web 2026-04"};
  BOOST_TEST(order == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(downtime_across_a_quarter_boundary_is_split) {
  const Setup s = contract("target 99.9 %\n measured quarterly");
  const auto r = s.report({api_outage("2026-03-31T22:00:00+07:00", minutes(300))}, {mar, apr});
  BOOST_TEST_REQUIRE(r.size() == 2u);
  BOOST_TEST(r[0].downtime == minutes(120));  // to midnight, Jakarta time
  BOOST_TEST(r[1].downtime == minutes(180));
  BOOST_TEST(r[0].incidents.size() == 1u);
  BOOST_TEST(r[1].incidents.size() == 1u);
}

BOOST_AUTO_TEST_CASE(asking_for_one_month_reports_its_whole_quarter) {
  const Setup s = contract("target 99.9 %\n measured quarterly");
  // The outage is in January: asking for February still counts it, in the quarter.
  const auto r = s.month({api_outage("2026-01-10T10:00:00+07:00", minutes(200))}, feb);
  BOOST_TEST(period_label(r) == "2026-Q1");
  BOOST_TEST(r.total == minutes(129600));
  BOOST_TEST(r.downtime == minutes(200));
  BOOST_TEST(name(r.status) == "breached");
  BOOST_TEST(has_note(r,
                      "the months asked for (2026-02) are part of the quarter 2026-Q1: the "
                      "contract measures this commitment quarterly, so the whole quarter is "
                      "reported"));
}

BOOST_AUTO_TEST_CASE(a_quarter_partly_in_force_is_judged_over_that_part) {
  const Setup s = contract("target 99.9 %\n measured quarterly", "effective 2026-02-01");
  const auto r = s.report({api_outage("2026-01-20T00:00:00+07:00", minutes(60)),
                           api_outage("2026-02-10T10:00:00+07:00", minutes(60))},
                          {std::chrono::year{2025} / 12, jan});
  BOOST_TEST_REQUIRE(r.size() == 2u);
  BOOST_TEST(name(r[0].status) == "not_in_force");  // Q4 2025, before the contract
  BOOST_TEST(has_note(r[0], "after this quarter"));
  BOOST_TEST(name(r[1].coverage) == "partial");
  BOOST_TEST(r[1].total == minutes(59 * 1440));  // February and March
  BOOST_TEST(r[1].downtime == minutes(60));      // January's outage is before the contract
  BOOST_TEST(name(r[1].status) == "met");
  BOOST_TEST(has_note(r[1], "partial quarter: the contract takes effect on 2026-02-01"));
}

// How excluded time enters the figure is the contract's to say: removed from the
// period (the default), or counted as available. 440 minutes down and 1000
// excluded in January: 43200/43640 (98.99 %, breached) against 44200/44640 (met).
BOOST_AUTO_TEST_CASE(excluded_time_enters_the_figure_as_the_contract_says) {
  const std::vector<Incident> month{
      incident("T", "2026-01-06T00:00:00+07:00", "2026-01-06T16:40:00+07:00", C::third_party,
               std::nullopt, "API"),
      incident("O", "2026-01-08T00:00:00+07:00", "2026-01-08T07:20:00+07:00", C::outage,
               std::nullopt, "API")};
  const std::string terms = "target 99 %\n measured monthly\n exclude third party\n";
  for (const std::string stated : {"", "excluded time is removed from the period\n"}) {
    const auto r = contract(terms + stated).month(month, jan);
    BOOST_TEST(r.excluded == minutes(1000));
    BOOST_TEST(*r.uptime_ppm == 989917);
    BOOST_TEST(name(r.status) == "breached");
  }
  const auto r = contract(terms + "excluded time counts as available\n").month(month, jan);
  BOOST_TEST(r.excluded == minutes(1000));
  BOOST_TEST(r.downtime == minutes(440));
  BOOST_TEST(*r.uptime_ppm == 990143);
  BOOST_TEST(name(r.status) == "met");
}
