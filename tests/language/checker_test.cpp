#define BOOST_TEST_MODULE checker
#include <boost/test/unit_test.hpp>

#include "interpreter/calendar.hpp"
#include "support.hpp"

using namespace sla;
using sla::testing::base_contract;
using sla::testing::codes;
using sla::testing::find_code;

namespace {

LoadResult load(const std::string& body) {
  return load_string("t.sla", base_contract + body);
}

}  // namespace

BOOST_AUTO_TEST_CASE(valid_package_with_inheritance) {
  auto r = load(R"(
package basic "Basic" {
  calendar office
  respond to all within 2 business days best effort
  channel "Email"
  feature "Status page"
}
package premium "Premium" extends basic {
  respond to High within 1 business hour
  channel "Phone"
  price IDR 10 million
}
)");
  BOOST_TEST_REQUIRE(r.ok(), codes(r));
  const Package* p = r.model->package("premium");
  BOOST_REQUIRE(p);
  BOOST_TEST(p->calendar == "office");  // inherited
  BOOST_TEST(p->target(TargetKind::response, "High")->within.text == "1 business hour");
  BOOST_TEST(p->target(TargetKind::response, "High")->origin == "premium");
  BOOST_TEST(p->target(TargetKind::response, "Low")->within.text == "2 business days");
  BOOST_TEST((p->target(TargetKind::response, "Low")->commitment == Commitment::best_effort));
  BOOST_TEST(p->target(TargetKind::response, "Low")->origin == "basic");
  BOOST_TEST(p->channels.size() == 2u);
  BOOST_TEST(p->features.size() == 1u);
  BOOST_TEST(p->price.has_value());
  BOOST_TEST(!r.model->package("basic")->price.has_value());  // price belongs to the item sold
}

BOOST_AUTO_TEST_CASE(unknown_names_suggest_the_closest) {
  auto r = load(R"(
package p "P" {
  calendar ofice
  respond to Hihg within 1 business hour
}
)");
  BOOST_TEST(!r.ok());
  const Diagnostic* cal = find_code(r, "SLA021");
  BOOST_REQUIRE(cal);
  BOOST_TEST(cal->message == "unknown calendar 'ofice'");
  BOOST_TEST(cal->hint == "did you mean 'office'?");
  const Diagnostic* prio = find_code(r, "SLA035");
  BOOST_REQUIRE(prio);
  // The closest and every known name: a typo and another contract's word alike.
  BOOST_TEST(prio->hint == "did you mean 'High'? known: Low, High");
  BOOST_TEST(prio->location.line == 13u);
}

BOOST_AUTO_TEST_CASE(priority_names_are_case_insensitive) {
  auto r = load("package p \"P\" { calendar office respond to high within 1 business hour }");
  BOOST_TEST_REQUIRE(r.ok(), codes(r));
  BOOST_TEST(r.model->package("p")->targets[0].priority == "High");
}

BOOST_AUTO_TEST_CASE(duplicates_are_rejected) {
  auto r = load(R"(
calendar office { zone "UTC" open always }
package p "P" {
  calendar office
  calendar office
  respond to Low within 1 business hour
  respond to Low within 2 business hours
}
)");
  BOOST_TEST(codes(r) == "SLA020 SLA022 SLA022");
  BOOST_TEST(r.diagnostics[0].notes.size() == 1u);
}

BOOST_AUTO_TEST_CASE(all_then_one_priority_refines) {
  auto r = load(R"(
package p "P" {
  calendar office
  respond to all within 8 business hours
  respond to High within 1 business hour
}
)");
  BOOST_TEST_REQUIRE(r.ok(), codes(r));
  BOOST_TEST(r.model->package("p")->target(TargetKind::response, "High")->within.text ==
             "1 business hour");
  BOOST_TEST(r.model->package("p")->target(TargetKind::response, "Low")->within.text ==
             "8 business hours");
}

BOOST_AUTO_TEST_CASE(inheritance_cycles_show_themselves) {
  auto r = load(R"(
package a "A" extends b { calendar office }
package b "B" extends a { }
)");
  BOOST_TEST(!r.ok());
  BOOST_TEST(sla::testing::has_code(r, "SLA034"));
}

BOOST_AUTO_TEST_CASE(package_needs_a_calendar) {
  auto r = load("package p \"P\" { respond to Low within 1 hour }");
  const Diagnostic* d = find_code(r, "SLA023");
  BOOST_REQUIRE(d);
  BOOST_TEST(d->hint == "add: calendar office");  // a calendar the file defines
}

BOOST_AUTO_TEST_CASE(unknown_zone_suggests) {
  auto r = load_string("t.sla", "calendar c { zone \"Asia/Jakarte\" open always }");
  const Diagnostic* d = find_code(r, "SLA032");
  BOOST_REQUIRE(d);
  BOOST_TEST(d->hint == "did you mean 'Asia/Jakarta'?");
}

BOOST_AUTO_TEST_CASE(business_day_must_be_calendar_time) {
  auto r =
      load_string("t.sla", "calendar c { zone UTC open always business day is 8 business hours }");
  BOOST_TEST(codes(r) == "SLA030");
}

BOOST_AUTO_TEST_CASE(business_days_need_a_length) {
  auto r = load(R"(
calendar uneven { zone UTC open Mon-Thu 09:00-17:00 open Fri 09:00-12:00 }
package p "P" { calendar uneven respond to Low within 1 business day }
)");
  const Diagnostic* d = find_code(r, "SLA033");
  BOOST_REQUIRE(d);
  BOOST_TEST(d->hint == "state it in calendar 'uneven': business day is 8 hours");
  auto fixed = load(R"(
calendar uneven { zone UTC open Mon-Thu 09:00-17:00 open Fri 09:00-12:00 business day is 8 hours }
package p "P" { calendar uneven respond to Low within 1 business day }
)");
  BOOST_TEST(fixed.ok(), codes(fixed));
}

BOOST_AUTO_TEST_CASE(default_business_day_is_the_open_day) {
  auto r = load("package p \"P\" { calendar office }");
  BOOST_TEST_REQUIRE(r.ok(), codes(r));
  BOOST_TEST(*r.model->calendar("office")->business_day_seconds == 8 * 3600);
}

BOOST_AUTO_TEST_CASE(calendar_checks) {
  auto r = load_string("t.sla", R"(
calendar a { zone UTC }
calendar b { open always }
calendar c { zone UTC open Mon 09:00-12:00, 11:00-13:00 }
calendar d { zone UTC open Mon 09:00-09:00 }
calendar e { zone UTC+15 open always }
)");
  BOOST_TEST(codes(r) == "SLA023 SLA023 SLA036 SLA031 SLA031");
}

BOOST_AUTO_TEST_CASE(calendar_extends_and_replaces_hours) {
  auto r = load_string("t.sla", R"(
calendar base { zone UTC open Mon-Fri 09:00-17:00 }
calendar jakarta extends base { zone "Asia/Jakarta" }
calendar short extends base { open Mon-Fri 10:00-12:00 }
)");
  BOOST_TEST_REQUIRE(r.ok(), codes(r));
  BOOST_TEST(r.model->calendar("jakarta")->zone == "Asia/Jakarta");
  BOOST_TEST(r.model->calendar("jakarta")->weekly.at(0) == "Mon-Fri 09:00-17:00");
  BOOST_TEST(r.model->calendar("short")->weekly.size() == 1u);
  BOOST_TEST(*r.model->calendar("short")->business_day_seconds == 2 * 3600);
}

BOOST_AUTO_TEST_CASE(holiday_sets_close_calendars) {
  auto r = load_string("t.sla", R"(
holidays h "H" {
  covers 2026 to 2026
  2026-01-05 "A Monday off"
  2026-01-06 "Half day" open 09:00-12:00
}
calendar c { zone UTC open Mon-Fri 09:00-17:00 closed on holidays h }
)");
  BOOST_TEST_REQUIRE(r.ok(), codes(r));
  const Calendar& cal = *r.model->calendar("c")->calendar;
  using namespace std::chrono;
  const auto monday = date::sys_days{date::year{2026} / 1 / 5} + hours(10);
  BOOST_TEST(!cal.is_open(monday));
  BOOST_TEST(cal.is_open(monday + days(1)));              // Tuesday 10:00, half day
  BOOST_TEST(!cal.is_open(monday + days(1) + hours(3)));  // Tuesday 13:00
}

BOOST_AUTO_TEST_CASE(holidays_outside_covered_years) {
  auto r = load_string("t.sla", "holidays h { covers 2026 to 2026  2027-01-01 \"New Year\" }");
  BOOST_TEST(codes(r) == "SLA031");
}

BOOST_AUTO_TEST_CASE(durations_are_at_most_a_century) {
  // Longer would overflow the seconds every evaluation computes.
  auto r = load_string("t.sla", std::string(sla::testing::base_contract) +
                                    "package p \"P\" { calendar office\n"
                                    "  respond to Low within 999999999999 weeks\n"
                                    "  respond to High within 5218 weeks }\n");
  BOOST_TEST(codes(r) == "SLA031 SLA031");  // 5218 weeks are just over 100 years
  BOOST_TEST(r.diagnostics.at(0).message.find("100 years") != std::string::npos);
  BOOST_TEST(r.diagnostics.at(0).location.line == 11u);
  r = load_string("t.sla", std::string(sla::testing::base_contract) +
                               "package p \"P\" { calendar office\n"
                               "  respond to Low within 5217 weeks }\n");
  BOOST_TEST(r.ok());
}

BOOST_AUTO_TEST_CASE(addons_requires_and_excludes) {
  auto r = load(R"(
package p "P" { calendar office }
addon a "A" { requires p excludes b }
addon b "B" { requires p excludes a }
addon c "C" { requires p excludes p }
addon d "D" { requires nothing }
)");
  BOOST_TEST(codes(r) == "SLA036 SLA021");
  auto ok = load(R"(
package p "P" { calendar office }
addon a "A" { requires p excludes b price IDR 1 million }
addon b "B" { requires p excludes a }
)");
  BOOST_TEST_REQUIRE(ok.ok(), codes(ok));
  BOOST_TEST(select(*ok.model, "p", {"a"}).package.has_value());
  BOOST_TEST(select(*ok.model, "p", {"a", "b"}).error.find("cannot be combined with 'b'") !=
             std::string::npos);
  BOOST_TEST(select(*ok.model, "a").error.find("is an add-on") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(escalation_bands) {
  auto r = load(R"(
package p "P" {
  calendar office
  escalation {
    from 0 hours until 2 hours escalate to "Support" via "WhatsApp" contact "Desk"
    from 2 hours escalate to "Manager" when no response remark "If no answer"
    from 3 hours until 1 hour escalate to "Bad"
    from 1 hours until 2 business hours escalate to "Mixed"
  }
}
)");
  BOOST_TEST(codes(r) == "SLA031 SLA030");
  auto ok = load(R"(
package p "P" {
  calendar office
  escalation {
    from 0 hours until 2 hours escalate to "Support" via "WhatsApp" contact "Desk"
    from 2 hours escalate to "Manager" when no response remark "If no answer"
  }
}
)");
  BOOST_TEST_REQUIRE(ok.ok(), codes(ok));
  const auto& bands = *ok.model->package("p")->escalation;
  BOOST_TEST(bands.size() == 2u);
  BOOST_TEST(bands[0].channel == "WhatsApp");
  BOOST_TEST(bands[0].contact == "Desk");
  BOOST_TEST(bands[1].when_no_response);
  BOOST_TEST(!bands[1].until.has_value());
  BOOST_TEST(bands[1].remark == "If no answer");
}

BOOST_AUTO_TEST_CASE(uptime_needs_a_target) {
  auto r = load("package p \"P\" { calendar office uptime \"Chat\" { measured monthly } }");
  BOOST_TEST(codes(r) == "SLA023");
}

BOOST_AUTO_TEST_CASE(examples_are_checked) {
  auto r = load(R"(
package p "P" { calendar office }
example "e" {
  under q
  ticket Hgh raised 2026-01-09 16:30
  expect response due 2026-01-12 12:30
}
example "nothing to expect" { under p ticket Low raised 2026-01-09 16:30 }
)");
  BOOST_TEST(codes(r) == "SLA021 SLA035 SLA023");
}

BOOST_AUTO_TEST_CASE(imports_resolve_and_report_cycles) {
  auto ok = load_string("t.sla",
                        "import \"std/holidays/id\"\ncalendar c { zone UTC open always closed on "
                        "holidays id_national }");
  BOOST_TEST(ok.ok(), codes(ok));
  auto missing = load_string("t.sla", "import \"std/holidays/idd\"");
  BOOST_TEST(codes(missing) == "SLA010");
  BOOST_TEST(missing.diagnostics[0].hint == "did you mean \"std/holidays/id\"?");
  auto cycle = load_file(sla::testing::source_path("tests/language/imports/a.sla"));
  BOOST_TEST(codes(cycle) == "SLA011");
  BOOST_TEST(cycle.diagnostics[0].message.find("a.sla -> ") != std::string::npos);
  BOOST_TEST(cycle.diagnostics[0].message.find("b.sla -> ") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(one_namespace_across_files) {
  auto r = load_string("t.sla",
                       "import \"std/calendars\"\ncalendar always_open { zone UTC open always }");
  BOOST_TEST(codes(r) == "SLA020");
  BOOST_REQUIRE(r.diagnostics[0].notes.size() == 1u);
  BOOST_TEST(r.diagnostics[0].notes[0].location.file == "std/calendars");
}

BOOST_AUTO_TEST_CASE(calendar_extends_replaces_only_the_days_it_names) {
  auto r = load_string("t.sla", R"(
calendar base { zone UTC open Mon-Fri 09:00-17:00 }
calendar saturdays extends base { open Sat 09:00-13:00 }
calendar late_friday extends base { open Fri 12:00-20:00 }
)");
  BOOST_TEST_REQUIRE(r.ok(), codes(r));
  BOOST_TEST(r.model->calendar("saturdays")->weekly ==
                 (std::vector<std::string>{"Mon-Fri 09:00-17:00", "Sat 09:00-13:00"}),
             boost::test_tools::per_element());
  BOOST_TEST(r.model->calendar("late_friday")->weekly ==
                 (std::vector<std::string>{"Mon-Thu 09:00-17:00", "Fri 12:00-20:00"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(business_weeks_are_not_a_unit) {
  auto r = load("package p \"P\" { calendar office respond to Low within 1 business week }");
  const Diagnostic* d = find_code(r, "SLA030");
  BOOST_REQUIRE(d);
  BOOST_TEST(d->hint == "for example: 5 business days");
}

BOOST_AUTO_TEST_CASE(a_child_calendar_works_out_its_own_business_day) {
  auto r = load(R"(
calendar base { zone UTC open Mon-Fri 09:00-17:00 }
calendar uneven extends base { open Fri 09:00-12:00 }
package p "P" { calendar uneven respond to Low within 2 business days }
)");
  BOOST_TEST(sla::testing::has_code(r, "SLA033"));
  auto stated = load(R"(
calendar base { zone UTC open Mon-Fri 09:00-17:00 business day is 8 hours }
calendar uneven extends base { open Fri 09:00-12:00 }
package p "P" { calendar uneven respond to Low within 2 business days }
)");
  BOOST_TEST(stated.ok(), codes(stated));  // a stated length is inherited
}

BOOST_AUTO_TEST_CASE(one_overlap_is_one_error_naming_the_days_and_ranges) {
  auto r = load_string("t.sla", R"(
calendar c { zone UTC; open Mon-Fri 09:00-13:00, 12:00-17:00 }
calendar d { zone UTC; open Mon-Wed 09:00-12:00; open Tue-Fri 11:00-13:00, 14:00-15:00 }
)");
  BOOST_REQUIRE(r.diagnostics.size() == 2u);
  BOOST_TEST(r.diagnostics[0].code == "SLA036");
  BOOST_TEST(r.diagnostics[0].message == "Mon-Fri: 09:00-13:00 overlaps 12:00-17:00");
  BOOST_TEST(r.diagnostics[0].hint.find("09:00-17:00") != std::string::npos);
  // Across statements: only the days both name.
  BOOST_TEST(r.diagnostics[1].message == "Tue-Wed: 09:00-12:00 overlaps 11:00-13:00");
}

BOOST_AUTO_TEST_CASE(business_days_are_whole_seconds_too) {
  // 0.001 of an 8-hour business day is 28.8 s: an error, not a dropped fraction.
  auto r = load(R"(
package p "P" {
  calendar office
  respond to Low within 0.001 business days
  respond to High within 0.005 business days
}
)");
  BOOST_TEST(codes(r) == "SLA031");
  BOOST_REQUIRE(!r.diagnostics.empty());
  BOOST_TEST(r.diagnostics[0].message.find("28.8 seconds") != std::string::npos);
  BOOST_TEST(r.diagnostics[0].location.line == 13u);
}
