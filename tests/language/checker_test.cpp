#define BOOST_TEST_MODULE checker
#include <boost/test/unit_test.hpp>

#include "interpreter/time/calendar.hpp"
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

BOOST_AUTO_TEST_CASE(a_quoted_fixed_offset_is_told_to_lose_its_quotes) {
  auto r = load_string("t.sla", "calendar c { zone \"UTC+07:00\" open always }");
  const Diagnostic* d = find_code(r, "SLA032");
  BOOST_REQUIRE(d);
  BOOST_TEST(d->hint == "a fixed offset is written without quotes: zone UTC+07:00");
  auto nowhere = load_string("t.sla", "calendar c { zone \"Nowhere\" open always }");
  d = find_code(nowhere, "SLA032");
  BOOST_REQUIRE(d);
  BOOST_TEST(d->hint.find("without quotes: zone UTC+07:00") != std::string::npos, d->hint);
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

// A tentative date closes the calendar like any other; the model keeps the mark,
// with or without special hours after it.
BOOST_AUTO_TEST_CASE(tentative_holidays_close_and_keep_their_mark) {
  auto r = load_string("t.sla", R"(
holidays h "H" {
  covers 2026 to 2026
  2026-03-20 "Eid al-Fitr" tentative
  2026-03-23 "Eid al-Fitr, second day" tentative open 09:00-12:00
  2026-08-17 "Independence Day"
}
calendar c { zone UTC open Mon-Fri 09:00-17:00 closed on holidays h }
)");
  BOOST_TEST_REQUIRE(r.ok(), codes(r));
  const auto& days = r.model->holiday_sets.front().days;
  BOOST_TEST_REQUIRE(days.size() == 3u);
  BOOST_TEST(days[0].tentative);
  BOOST_TEST(days[1].tentative);
  BOOST_TEST(days[1].hours == std::vector<std::string>{"09:00-12:00"});
  BOOST_TEST(!days[2].tentative);
  using namespace std::chrono;
  const Calendar& cal = *r.model->calendar("c")->calendar;
  BOOST_TEST(!cal.is_open(date::sys_days{date::year{2026} / 3 / 20} + hours(10)));
  // The word goes after the name: before it, it is a syntax error.
  BOOST_TEST(codes(load_string("t.sla", "holidays h { 2026-03-20 tentative \"Eid\" }")) ==
             "SLA001");
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

// A country named rather than coded, its initials, a region, a typo of a code; a
// code of two letters is never "corrected" into another country's.
BOOST_AUTO_TEST_CASE(unknown_stdlib_imports_suggest_real_sets) {
  const auto hint = [](const std::string& spec) {
    auto r = load_string("t.sla", "import \"" + spec + "\"");
    return r.diagnostics.empty() ? std::string() : r.diagnostics[0].hint;
  };
  const auto means = [&](const std::string& spec, const std::string& module) {
    return hint(spec).starts_with("did you mean \"" + module + "\" (");
  };
  BOOST_TEST(means("std/holidays/germany", "std/holidays/de"));
  BOOST_TEST(means("std/holidays/Germany", "std/holidays/de"));
  BOOST_TEST(means("std/holidays/japn", "std/holidays/jp"));
  BOOST_TEST(means("std/holidays/usa", "std/holidays/us"));
  BOOST_TEST(means("std/holidays/uk", "std/holidays/gb"));
  BOOST_TEST(means("std/holidays/california", "std/holidays/us/ca"));
  BOOST_TEST(means("std/holidays/de/byy", "std/holidays/de/by"));
  BOOST_TEST(means("std/holidays/DE", "std/holidays/de"));
  BOOST_TEST(means("std/holidays/german", "std/holidays/de"));  // not Belgium's German community
  BOOST_TEST(means("std/holidays/bavaria", "std/holidays/de/by"));
  BOOST_TEST(means("std/holidays/us/newyork", "std/holidays/us/ny"));
  BOOST_TEST(hint("std/calendar") == "did you mean \"std/calendars\"?");
  BOOST_TEST(hint("std/holidays/kh").starts_with("the stdlib has std/calendars and "));
  BOOST_TEST(hint("std/holidays/kh").find("sla holidays list") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(imports_resolve_and_report_cycles) {
  auto ok = load_string("t.sla",
                        "import \"std/holidays/id\"\ncalendar c { zone UTC open always closed on "
                        "holidays id_national }");
  BOOST_TEST(ok.ok(), codes(ok));
  auto missing = load_string("t.sla", "import \"std/holidays/idd\"");
  BOOST_TEST(codes(missing) == "SLA010");
  BOOST_TEST(missing.diagnostics[0].hint.starts_with(
      "did you mean \"std/holidays/id\" (Indonesia public holidays)? (`sla holidays list`"));
  // A calendar file where a .sla was meant: one error that says how to convert it.
  auto ics = load_file(sla::testing::source_path("tests/language/imports/uses_ics.sla"));
  BOOST_TEST(codes(ics) == "SLA010");
  BOOST_TEST(ics.diagnostics[0].message.find("is an iCalendar file") != std::string::npos);
  BOOST_TEST(ics.diagnostics[0].hint.find("sla holidays import holidays.ics") != std::string::npos);
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

// ---------------------------------------------------------------- beyond the seed

BOOST_AUTO_TEST_CASE(attributes_and_conditions_are_checked) {
  auto r = load(R"(
attribute channel "phone", "e-mail", "Phone"
attribute priority "x"
attribute channel "again"
package p "P" {
  calendar office
  respond to High where chanel is "phone" within 1 business hour
  respond to Low where channel is "fax" within 1 business day
}
)");
  BOOST_TEST(!r.ok());
  std::vector<std::string> messages;
  for (const auto& d : r.diagnostics) messages.push_back(d.code + " " + d.message);
  auto has = [&](const std::string& m) {
    return std::find(messages.begin(), messages.end(), m) != messages.end();
  };
  BOOST_TEST(has("SLA022 value \"Phone\" of attribute 'channel' is listed twice"));
  BOOST_TEST(
      has("SLA031 'priority' is a ticket field of its own; an attribute needs another name"));
  BOOST_TEST(has("SLA020 attribute 'channel' is declared twice"));
  BOOST_TEST(has("SLA021 unknown attribute 'chanel'"));
  BOOST_TEST(has("SLA021 \"fax\" is not a value of attribute 'channel'"));
}

BOOST_AUTO_TEST_CASE(targets_beyond_the_seed_build_the_model) {
  auto r = load(R"(
calendar always { zone "Asia/Jakarta"; open always; open on holidays }
attribute channel "phone", "e-mail"
package p "P" {
  calendar office
  respond to all where channel is "PHONE" within 15 minutes on calendar always
  respond to High by 12:00 next business day
  resolve Low by end of next business day
  update High every 2 business hours
  restore High within 4 hours on calendar always
  credit 5 % per breached High response
  credits at most 20 % per month
}
)");
  BOOST_TEST_REQUIRE(r.ok(), codes(r));
  const Package& p = *r.model->package("p");
  const Target* by = p.target(TargetKind::response, "High");
  BOOST_TEST_REQUIRE(by);
  BOOST_TEST(by->by->text == "by 12:00 next business day");
  BOOST_TEST(*by->by->at_minutes == 720);
  BOOST_TEST(!p.target(TargetKind::resolution, "Low")->by->at_minutes);
  BOOST_TEST(p.target(TargetKind::update, "High")->within.text == "2 business hours");
  BOOST_TEST(p.target(TargetKind::restoration, "High")->calendar == "always");
  std::size_t conditioned = 0, without_priority = 0;
  for (const auto& t : p.targets) {
    if (!t.where) continue;
    ++conditioned;
    BOOST_TEST(t.where->values == std::vector<std::string>{"phone"});  // as declared
    if (t.priority.empty()) ++without_priority;
  }
  BOOST_TEST(conditioned == 3u);  // Low, High, and tickets without a priority
  BOOST_TEST(without_priority == 1u);
  BOOST_TEST(p.ticket_credits.size() == 1u);
  BOOST_TEST(*p.credit_cap_milli == 20000);
}

BOOST_AUTO_TEST_CASE(ladders_per_priority_name_each_priority_once) {
  auto r = load(R"(
package p "P" {
  calendar office
  escalation for High { from 0 hours escalate to "A" when not resolved }
  escalation for Low, High { from 0 hours escalate to "B" }
  escalation { from 0 hours escalate to "C" when no response when not resolved }
}
)");
  BOOST_TEST(!r.ok());
  const Diagnostic* twice = find_code(r, "SLA022");
  BOOST_REQUIRE(twice);
  BOOST_TEST(twice->message == "High is already on another escalation ladder");
  const Diagnostic* both = find_code(r, "SLA036");
  BOOST_REQUIRE(both);
  BOOST_TEST(both->message == "a band applies 'when no response' or 'when not resolved', not both");
}

BOOST_AUTO_TEST_CASE(a_child_ladder_takes_its_priorities_from_the_parent) {
  auto r = load(R"(
package base "Base" {
  calendar office
  escalation for Low, High { from 0 hours escalate to "Desk" }
}
package gold "Gold" extends base {
  escalation for High { from 0 hours escalate to "Duty manager" when not resolved }
}
)");
  BOOST_TEST_REQUIRE(r.ok(), codes(r));
  const Package& gold = *r.model->package("gold");
  BOOST_TEST((*gold.ladder("High"))[0].role == "Duty manager");
  BOOST_TEST((*gold.ladder("High"))[0].when_not_resolved);
  BOOST_TEST((*gold.ladder("Low"))[0].role == "Desk");
}

BOOST_AUTO_TEST_CASE(a_union_calendar_states_no_hours_of_its_own) {
  auto r = load(R"(
calendar other { zone "Europe/Amsterdam"; open Mon-Fri 09:00-17:00 }
calendar both { union of office, other, nowhere; open Sat 09:00-12:00 }
calendar loop { union of loop }
)");
  BOOST_TEST(!r.ok());
  const Diagnostic* hours = find_code(r, "SLA037");
  BOOST_REQUIRE(hours);
  BOOST_TEST(hours->message ==
             "a union calendar is open when any of its members is: state hours and holidays in "
             "the members");
  BOOST_TEST(find_code(r, "SLA021"));  // nowhere
  BOOST_TEST(find_code(r, "SLA034"));  // loop

  r = load(R"(
calendar other { zone "Europe/Amsterdam"; open Mon-Fri 09:00-17:00 }
calendar both { union of office, other }
)");
  BOOST_TEST_REQUIRE(r.ok(), codes(r));
  const CalendarInfo* both = r.model->calendar("both");
  BOOST_TEST(both->zone == "Asia/Jakarta");
  BOOST_TEST(*both->business_day_seconds == 8 * 3600);
  BOOST_TEST(both->union_of == std::vector<std::string>({"office", "other"}));
}

BOOST_AUTO_TEST_CASE(ticket_credits_are_checked) {
  auto r = load(R"(
package p "P" {
  calendar office
  credit 0 % per breached High response
  credit 5 % per breached Hihg resolution
  credit 1 % per breached update
  credit 2 % per breached update
  credits at most 0 % per month
}
)");
  BOOST_TEST(!r.ok());
  std::vector<std::string> messages;
  for (const auto& d : r.diagnostics) messages.push_back(d.code + " " + d.message);
  auto has = [&](const std::string& m) {
    return std::find(messages.begin(), messages.end(), m) != messages.end();
  };
  BOOST_TEST(has("SLA031 a credit is more than 0 and at most 100 %"));
  BOOST_TEST(has("SLA035 unknown priority 'Hihg'"));
  BOOST_TEST(has("SLA022 a second credit per breached update"));
  BOOST_TEST(has("SLA031 a credit cap is more than 0 and at most 100 %"));
}

BOOST_AUTO_TEST_CASE(holiday_sets_naming_one_day_open_the_union_in_any_order) {
  using namespace std::chrono;
  const Instant eve = sys_days{year{2026} / 12 / 24} + hours(10);
  const Instant last = sys_days{year{2026} / 12 / 31} + minutes(10 * 60 + 30);
  for (const std::string order : {"a, b", "b, a"}) {
    auto r = load(R"(
holidays a "A" { covers 2026 to 2026; 2026-12-24 "Eve" open 09:00-12:00 }
holidays b "B" { covers 2026 to 2026; 2026-12-24 "Closed day"; 2026-12-31 "Set's word" }
holidays d "D" { covers 2026 to 2026; 2026-12-31 "New Year's Eve" }
calendar c { zone "UTC"; open Mon-Fri 09:00-17:00; on 2026-12-31 open 10:00-11:00 "Own word"
             closed on holidays )" +
                  order + R"( }
calendar e extends c { closed on holidays d }
)");
    BOOST_TEST_REQUIRE(r.ok(), codes(r));
    const Calendar& c = *r.model->calendar("c")->calendar;
    BOOST_TEST(c.is_open(eve), order);   // A's hours, whatever the order
    BOOST_TEST(c.is_open(last), order);  // the calendar's own word beats a set named later
    BOOST_TEST(!r.model->calendar("e")->calendar->is_open(last));  // a child's set beats it
  }
}

BOOST_AUTO_TEST_CASE(the_header_names_the_client_once) {
  auto r = load_string("t.sla", R"(contract "C" { provider "Acme"; client "PT Example" }
calendar office { zone "UTC"; open always }
package p "P" { calendar office }
)");
  BOOST_TEST_REQUIRE(r.ok(), codes(r));
  BOOST_TEST(r.model->contract.client == "PT Example");
  auto open = load_string("t.sla", R"(contract "C" { provider "Acme" }
calendar office { zone "UTC"; open always }
package p "P" { calendar office }
)");
  BOOST_TEST_REQUIRE(open.ok(), codes(open));
  BOOST_TEST(open.model->contract.client.empty());  // offered to any client
  auto twice = load_string("t.sla", R"(contract "C" { client "A"; client "B" }
)");
  BOOST_TEST(codes(twice) == "SLA022");  // a duplicate statement
}

// What a contract can say so that the lint's questions have answers: days that
// are calendar days outright, the notice's channel and recipient, what counts as
// unavailable and how excluded time counts.
BOOST_AUTO_TEST_CASE(calendar_days_notice_channel_and_uptime_terms) {
  auto r = load(R"(
contract "C" {
  changes notified at least 30 calendar days in advance via "e-mail" to "the Client's named contact" ("a month")
}
package p "P" {
  calendar office
  resolve High within 8 calendar hours
  uptime "Chat" {
    target 99 %
    unavailable when "no message can be sent"
    excluded time counts as available
    exclude scheduled maintenance announced at least 2 business days in advance
  }
}
package q "Q" { calendar office uptime "Chat" { target 99 % excluded time is removed from the period } }
)");
  BOOST_TEST_REQUIRE(r.ok(), codes(r));
  const Header& h = r.model->contract;
  BOOST_TEST(h.change_notice->text == "30 calendar days");
  BOOST_TEST(h.change_notice->calendar);
  BOOST_TEST(!h.change_notice->business);
  BOOST_TEST(h.change_notice->milli == 30000);
  BOOST_TEST(h.change_notice_via == "e-mail");
  BOOST_TEST(h.change_notice_to == "the Client's named contact");
  BOOST_TEST(h.change_notice_label == "a month");
  const Package& p = *r.model->package("p");
  BOOST_TEST(p.targets[0].within.text == "8 calendar hours");
  const Uptime& u = p.uptime[0];
  BOOST_TEST(u.unavailable_when == "no message can be sent");
  BOOST_TEST((u.excluded_time == ExcludedTime::counts_as_available));
  BOOST_TEST((r.model->package("q")->uptime[0].excluded_time == ExcludedTime::removed));
  // Either statement once per block.
  r = load(R"(package p "P" { calendar office uptime "Chat" { target 99 %
    excluded time counts as available
    excluded time is removed from the period } })");
  BOOST_TEST(codes(r) == "SLA022");
  // A notice may name only its channel.
  r = load(
      "contract \"C\" { changes notified at least 2 business days in advance via \"portal\" }");
  BOOST_TEST_REQUIRE(r.ok(), codes(r));
  BOOST_TEST(r.model->contract.change_notice_via == "portal");
  BOOST_TEST(r.model->contract.change_notice_to.empty());
}
