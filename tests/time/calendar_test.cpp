// Hand-written calendar cases: the Qiscus premium desk, DST days in three
// hemispheres/regimes, overnight and 24x5 desks, holidays, leap days, year ends,
// far deadlines, business-day length and the empty calendar. Expected instants are
// written in UTC (or as a fixed +07:00) so they do not lean on the code under test.
#define BOOST_TEST_MODULE time_calendar
#include <boost/test/unit_test.hpp>

#include <atomic>
#include <chrono>
#include <optional>
#include <ostream>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <date/date.h>
#include <fmt/core.h>

#include "interpreter/time/calendar.hpp"
#include "interpreter/time/timestamp.hpp"
#include "sla/timestamp.hpp"

namespace {

using sla::Calendar;
using sla::CalendarSpec;
using sla::DailyInterval;
using sla::HolidayRule;
using sla::Instant;
using sla::Seconds;
using std::chrono::hours;
using std::chrono::minutes;

Instant utc(int y, unsigned m, unsigned d, int hh = 0, int mm = 0, int ss = 0) {
  return date::sys_days{date::year{y} / m / d} + hours{hh} + minutes{mm} + Seconds{ss};
}

// Jakarta has been UTC+07:00 without DST since 1964.
Instant jkt(int y, unsigned m, unsigned d, int hh = 0, int mm = 0) {
  return utc(y, m, d, hh, mm) - hours{7};
}

DailyInterval hm(int h1, int m1, int h2, int m2) {
  return {hours{h1} + minutes{m1}, hours{h2} + minutes{m2}};
}

HolidayRule closed(int y, unsigned m, unsigned d) {
  return {date::year{y} / m / d, "holiday", {}};
}

HolidayRule special(int y, unsigned m, unsigned d, std::vector<DailyInterval> hours) {
  return {date::year{y} / m / d, "special", std::move(hours)};
}

// Same hours on the given weekdays (0 = Sunday).
CalendarSpec weekly(std::string zone, std::vector<int> days, std::vector<DailyInterval> hours) {
  CalendarSpec spec;
  spec.name = "test";
  spec.zone = std::move(zone);
  for (int d : days) spec.weekly[d] = hours;
  return spec;
}

const std::vector<int> kMonFri = {1, 2, 3, 4, 5};
const std::vector<int> kEveryDay = {0, 1, 2, 3, 4, 5, 6};

CalendarSpec qiscus_premium() {
  CalendarSpec spec = weekly("Asia/Jakarta", kMonFri, {hm(9, 0, 17, 0)});
  spec.name = "office_hours";
  spec.holidays = {closed(2026, 1, 1), closed(2026, 3, 19), closed(2026, 3, 20)};
  return spec;
}

CalendarSpec twenty_four_seven(std::string zone) {
  return weekly(std::move(zone), kEveryDay, {hm(0, 0, 24, 0)});
}

}  // namespace

// Readable failures: instants as ISO UTC, durations in seconds.
namespace boost::test_tools::tt_detail {
template <>
struct print_log_value<Instant> {
  void operator()(std::ostream& os, Instant t) {
    os << (t == Calendar::kNever ? std::string("never") : date::format("%FT%TZ", t));
  }
};
template <>
struct print_log_value<Seconds> {
  void operator()(std::ostream& os, Seconds s) { os << fmt::format("{} s", s.count()); }
};
template <>
struct print_log_value<std::optional<Seconds>> {
  void operator()(std::ostream& os, const std::optional<Seconds>& s) {
    os << (s ? fmt::format("{} s", s->count()) : std::string("none"));
  }
};
}  // namespace boost::test_tools::tt_detail

BOOST_AUTO_TEST_SUITE(qiscus_premium_calendar)

BOOST_AUTO_TEST_CASE(friday_afternoon_ticket_is_due_monday) {
  const Calendar cal(qiscus_premium());
  BOOST_TEST(cal.add(jkt(2026, 1, 9, 16, 30), hours{4}) == jkt(2026, 1, 12, 12, 30));
}

BOOST_AUTO_TEST_CASE(deadline_on_closing_is_the_closing) {
  const Calendar cal(qiscus_premium());
  BOOST_TEST(cal.add(jkt(2026, 1, 9, 13, 0), hours{4}) == jkt(2026, 1, 9, 17, 0));
  BOOST_TEST(cal.add(jkt(2026, 1, 9, 13, 0), hours{4} + Seconds{1}) ==
             jkt(2026, 1, 12, 9, 0) + Seconds{1});
}

BOOST_AUTO_TEST_CASE(clock_starts_at_next_opening) {
  const Calendar cal(qiscus_premium());
  BOOST_TEST(cal.add(jkt(2026, 1, 9, 20, 0), hours{1}) == jkt(2026, 1, 12, 10, 0));
  BOOST_TEST(cal.add(jkt(2026, 1, 10, 11, 0), hours{2}) == jkt(2026, 1, 12, 11, 0));
  BOOST_TEST(cal.add(jkt(2026, 1, 10, 11, 0), Seconds{0}) == jkt(2026, 1, 12, 9, 0));
  BOOST_TEST(cal.add(jkt(2026, 1, 12, 11, 0), Seconds{0}) == jkt(2026, 1, 12, 11, 0));
}

BOOST_AUTO_TEST_CASE(holidays_are_skipped) {
  const Calendar cal(qiscus_premium());
  BOOST_TEST(cal.add(jkt(2026, 3, 18, 16, 0), hours{2}) == jkt(2026, 3, 23, 10, 0));
  BOOST_TEST(cal.add(jkt(2025, 12, 31, 16, 0), hours{2}) == jkt(2026, 1, 2, 10, 0));
  BOOST_TEST(!cal.is_open(jkt(2026, 3, 19, 10, 0)));
  BOOST_TEST(cal.next_opening(jkt(2026, 3, 18, 17, 0)) == jkt(2026, 3, 23, 9, 0));
}

BOOST_AUTO_TEST_CASE(elapsed_business_time) {
  const Calendar cal(qiscus_premium());
  BOOST_TEST(cal.between(jkt(2026, 1, 9, 16, 30), jkt(2026, 1, 12, 10, 0)) == Seconds{5400});
  BOOST_TEST(cal.between(jkt(2026, 1, 12, 10, 0), jkt(2026, 1, 9, 16, 30)) == Seconds{0});
  BOOST_TEST(cal.between(jkt(2026, 3, 16, 0, 0), jkt(2026, 3, 23, 0, 0)) == hours{24});
}

BOOST_AUTO_TEST_CASE(opening_state) {
  const Calendar cal(qiscus_premium());
  BOOST_TEST(!cal.is_open(jkt(2026, 1, 10, 10, 0)));  // Saturday
  BOOST_TEST(cal.is_open(jkt(2026, 1, 9, 9, 0)));     // opening instant is open
  BOOST_TEST(!cal.is_open(jkt(2026, 1, 9, 17, 0)));   // closing instant is closed
  BOOST_TEST(cal.next_closing(jkt(2026, 1, 9, 12, 0)) == jkt(2026, 1, 9, 17, 0));
  BOOST_TEST(cal.next_closing(jkt(2026, 1, 10, 12, 0)) == jkt(2026, 1, 12, 17, 0));
  BOOST_TEST(cal.utc_offset(jkt(2026, 1, 9, 12, 0)) == hours{7});
  BOOST_TEST(cal.business_day() == std::optional<Seconds>(hours{8}));
}

BOOST_AUTO_TEST_CASE(every_day_and_round_the_clock) {
  const Calendar eight_by_seven(weekly("Asia/Jakarta", kEveryDay, {hm(9, 0, 17, 0)}));
  BOOST_TEST(eight_by_seven.add(jkt(2026, 1, 9, 16, 30), hours{4}) == jkt(2026, 1, 10, 12, 30));
  const Calendar all_hours(twenty_four_seven("Asia/Jakarta"));
  BOOST_TEST(all_hours.add(jkt(2026, 1, 9, 16, 30), hours{4}) == jkt(2026, 1, 9, 20, 30));
  BOOST_TEST(all_hours.next_closing(jkt(2026, 1, 9, 16, 30)) == Calendar::kNever);
  BOOST_TEST(all_hours.business_day() == std::optional<Seconds>(hours{24}));
}

BOOST_AUTO_TEST_CASE(gmt_plus_seven_fixed_offset_agrees_with_jakarta) {
  CalendarSpec spec = qiscus_premium();
  spec.zone.clear();
  spec.fixed_offset = hours{7};
  const Calendar fixed(spec);
  const Calendar named(qiscus_premium());
  for (int k = 0; k < 500; ++k) {
    const Instant t = jkt(2025, 12, 1) + minutes{k * 397};
    BOOST_TEST(fixed.add(t, minutes{k * 13}) == named.add(t, minutes{k * 13}));
    BOOST_TEST(fixed.is_open(t) == named.is_open(t));
  }
  BOOST_TEST(fixed.utc_offset(jkt(2026, 1, 1)) == hours{7});
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(daylight_saving)

BOOST_AUTO_TEST_CASE(new_york_opening_in_spring_forward_gap_opens_at_gap_end) {
  const Calendar cal(weekly("America/New_York", kEveryDay, {hm(2, 30, 10, 0)}));
  // 2026-03-08: 02:00 EST jumps to 03:00 EDT (07:00 UTC); 02:30 does not exist.
  BOOST_TEST(cal.next_opening(utc(2026, 3, 8, 5, 0)) == utc(2026, 3, 8, 7, 0));
  BOOST_TEST(!cal.is_open(utc(2026, 3, 8, 6, 59)));
  BOOST_TEST(cal.next_closing(utc(2026, 3, 8, 7, 0)) == utc(2026, 3, 8, 14, 0));
  BOOST_TEST(cal.between(utc(2026, 3, 8, 5, 0), utc(2026, 3, 9, 4, 0)) == hours{7});
  // The day before and after keep their regular 7.5 hours.
  BOOST_TEST(cal.next_opening(utc(2026, 3, 7, 5, 0)) == utc(2026, 3, 7, 7, 30));
  BOOST_TEST(cal.next_opening(utc(2026, 3, 9, 4, 0)) == utc(2026, 3, 9, 6, 30));
  BOOST_TEST(cal.to_instant(date::local_days{date::year{2026} / 3 / 8} + hours{2} + minutes{30}) ==
             utc(2026, 3, 8, 7, 0));
  BOOST_TEST(cal.utc_offset(utc(2026, 3, 8, 6, 59)) == hours{-5});
  BOOST_TEST(cal.utc_offset(utc(2026, 3, 8, 7, 0)) == hours{-4});
}

BOOST_AUTO_TEST_CASE(new_york_ambiguous_opening_is_first_occurrence) {
  const Calendar cal(weekly("America/New_York", kEveryDay, {hm(1, 30, 5, 0)}));
  // 2026-11-01: 02:00 EDT falls back to 01:00 EST (06:00 UTC); 01:30 happens twice.
  BOOST_TEST(cal.next_opening(utc(2026, 11, 1, 4, 0)) == utc(2026, 11, 1, 5, 30));
  BOOST_TEST(cal.is_open(utc(2026, 11, 1, 6, 15)));  // 01:15 EST, the repeat: still open
  BOOST_TEST(cal.next_closing(utc(2026, 11, 1, 5, 30)) == utc(2026, 11, 1, 10, 0));
  BOOST_TEST(cal.between(utc(2026, 11, 1, 4, 0), utc(2026, 11, 2, 5, 0)) == hours{4} + minutes{30});
}

BOOST_AUTO_TEST_CASE(new_york_closing_in_repeated_hour_closes_at_first_occurrence) {
  const Calendar cal(weekly("America/New_York", kEveryDay, {hm(0, 0, 1, 30)}));
  BOOST_TEST(cal.next_closing(utc(2026, 11, 1, 4, 0)) == utc(2026, 11, 1, 5, 30));
  BOOST_TEST(!cal.is_open(utc(2026, 11, 1, 6, 10)));  // 01:10 EST, the repeat: closed
  BOOST_TEST(cal.between(utc(2026, 11, 1, 4, 0), utc(2026, 11, 2, 5, 0)) == minutes{90});
}

BOOST_AUTO_TEST_CASE(berlin_gap_and_repeat) {
  // 2026-03-29: 02:00 CET -> 03:00 CEST at 01:00 UTC.
  const Calendar spring(weekly("Europe/Berlin", {0}, {hm(2, 15, 4, 0)}));
  BOOST_TEST(spring.next_opening(utc(2026, 3, 28, 23, 0)) == utc(2026, 3, 29, 1, 0));
  BOOST_TEST(spring.next_closing(utc(2026, 3, 28, 23, 0)) == utc(2026, 3, 29, 2, 0));
  // An opening wholly inside the gap does not happen that day.
  const Calendar swallowed(weekly("Europe/Berlin", {0}, {hm(2, 0, 3, 0)}));
  BOOST_TEST(swallowed.next_opening(utc(2026, 3, 28, 23, 0)) == utc(2026, 4, 5, 0, 0));
  BOOST_TEST(swallowed.between(utc(2026, 3, 28), utc(2026, 3, 30)) == Seconds{0});
  // 2026-10-25: 03:00 CEST -> 02:00 CET at 01:00 UTC; 02:30 happens twice.
  const Calendar fall(weekly("Europe/Berlin", {0}, {hm(2, 30, 6, 0)}));
  BOOST_TEST(fall.next_opening(utc(2026, 10, 24, 12, 0)) == utc(2026, 10, 25, 0, 30));
  BOOST_TEST(fall.next_closing(utc(2026, 10, 24, 12, 0)) == utc(2026, 10, 25, 5, 0));
  BOOST_TEST(fall.add(utc(2026, 10, 24, 12, 0), hours{4} + minutes{30}) == utc(2026, 10, 25, 5, 0));
}

BOOST_AUTO_TEST_CASE(sydney_days_of_23_and_25_hours) {
  const Calendar sunday(weekly("Australia/Sydney", {0}, {hm(0, 0, 24, 0)}));
  // 2026-10-04: 02:00 AEST -> 03:00 AEDT. The whole local day is 23 h.
  BOOST_TEST(sunday.next_opening(utc(2026, 10, 1)) == utc(2026, 10, 3, 14, 0));
  BOOST_TEST(sunday.next_closing(utc(2026, 10, 1)) == utc(2026, 10, 4, 13, 0));
  BOOST_TEST(sunday.between(utc(2026, 10, 1), utc(2026, 10, 8)) == hours{23});
  // 2026-04-05: 03:00 AEDT -> 02:00 AEST. The whole local day is 25 h.
  BOOST_TEST(sunday.next_opening(utc(2026, 4, 2)) == utc(2026, 4, 4, 13, 0));
  BOOST_TEST(sunday.next_closing(utc(2026, 4, 2)) == utc(2026, 4, 5, 14, 0));
  BOOST_TEST(sunday.between(utc(2026, 4, 2), utc(2026, 4, 9)) == hours{25});
  // An opening at the repeated 02:30 is the first one, still in AEDT.
  const Calendar early(weekly("Australia/Sydney", {0}, {hm(2, 30, 9, 0)}));
  BOOST_TEST(early.next_opening(utc(2026, 4, 2)) == utc(2026, 4, 4, 15, 30));
  BOOST_TEST(early.next_closing(utc(2026, 4, 2)) == utc(2026, 4, 4, 23, 0));
}

BOOST_AUTO_TEST_CASE(new_york_24x5_across_both_changes) {
  CalendarSpec spec;
  spec.zone = "America/New_York";
  spec.weekly[0] = {hm(17, 0, 24, 0)};
  for (int d = 1; d <= 4; ++d) spec.weekly[d] = {hm(0, 0, 24, 0)};
  spec.weekly[5] = {hm(0, 0, 17, 0)};
  const Calendar cal(spec);
  BOOST_TEST(!cal.business_day().has_value());
  // Spring: closes Friday 17:00 EST, reopens Sunday 17:00 EDT, one week of 120 h.
  BOOST_TEST(cal.next_closing(utc(2026, 3, 2, 12, 0)) == utc(2026, 3, 6, 22, 0));
  BOOST_TEST(cal.next_opening(utc(2026, 3, 7, 17, 0)) == utc(2026, 3, 8, 21, 0));
  BOOST_TEST(cal.next_closing(utc(2026, 3, 8, 21, 0)) == utc(2026, 3, 13, 21, 0));
  BOOST_TEST(cal.between(utc(2026, 3, 8, 21, 0), utc(2026, 3, 13, 21, 0)) == hours{120});
  BOOST_TEST(cal.between(utc(2026, 3, 6, 17, 0), utc(2026, 3, 9, 16, 0)) == hours{24});
  BOOST_TEST(cal.add(utc(2026, 3, 6, 21, 0), hours{2}) == utc(2026, 3, 8, 22, 0));
  // Fall: the week before is on EDT, the week of the change on EST.
  BOOST_TEST(cal.next_opening(utc(2026, 10, 24, 12, 0)) == utc(2026, 10, 25, 21, 0));
  BOOST_TEST(cal.next_closing(utc(2026, 10, 26, 12, 0)) == utc(2026, 10, 30, 21, 0));
  BOOST_TEST(cal.next_opening(utc(2026, 10, 31, 12, 0)) == utc(2026, 11, 1, 22, 0));
  BOOST_TEST(cal.next_closing(utc(2026, 11, 1, 22, 0)) == utc(2026, 11, 6, 22, 0));
  BOOST_TEST(cal.add(utc(2026, 10, 30, 20, 0), hours{121}) == utc(2026, 11, 6, 22, 0));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(shapes_of_hours)

BOOST_AUTO_TEST_CASE(overnight_desk_runs_into_holiday) {
  CalendarSpec spec = weekly("Asia/Jakarta", kMonFri, {hm(22, 0, 30, 0)});
  spec.holidays = {closed(2026, 1, 13)};  // Tuesday
  const Calendar cal(spec);
  BOOST_TEST(cal.is_open(jkt(2026, 1, 10, 5, 0)));     // Saturday morning, Friday's shift
  BOOST_TEST(!cal.is_open(jkt(2026, 1, 10, 22, 30)));  // Saturday night
  BOOST_TEST(cal.is_open(jkt(2026, 1, 13, 5, 0)));     // Monday's shift runs into the holiday
  BOOST_TEST(!cal.is_open(jkt(2026, 1, 13, 23, 0)));   // the holiday's own shift is cancelled
  BOOST_TEST(cal.next_opening(jkt(2026, 1, 13, 7, 0)) == jkt(2026, 1, 14, 22, 0));
  BOOST_TEST(cal.add(jkt(2026, 1, 12, 21, 0), hours{8}) == jkt(2026, 1, 13, 6, 0));
  BOOST_TEST(cal.add(jkt(2026, 1, 12, 21, 0), hours{9}) == jkt(2026, 1, 14, 23, 0));
  BOOST_TEST(cal.business_day() == std::optional<Seconds>(hours{8}));
}

BOOST_AUTO_TEST_CASE(special_hours_replace_the_day) {
  CalendarSpec spec = weekly("Asia/Jakarta", kMonFri, {hm(9, 0, 17, 0)});
  spec.holidays = {special(2026, 12, 24, {hm(9, 0, 12, 0)}), closed(2026, 12, 25),
                   special(2026, 12, 26, {hm(10, 0, 14, 0)})};
  const Calendar cal(spec);
  BOOST_TEST(cal.is_open(jkt(2026, 12, 24, 11, 0)));
  BOOST_TEST(!cal.is_open(jkt(2026, 12, 24, 12, 30)));
  BOOST_TEST(cal.next_closing(jkt(2026, 12, 24, 9, 30)) == jkt(2026, 12, 24, 12, 0));
  BOOST_TEST(cal.is_open(jkt(2026, 12, 26, 13, 0)));  // a Saturday with special hours
  BOOST_TEST(cal.add(jkt(2026, 12, 24, 10, 0), hours{3}) == jkt(2026, 12, 26, 11, 0));
  BOOST_TEST(cal.add(jkt(2026, 12, 24, 10, 0), hours{7}) == jkt(2026, 12, 28, 10, 0));
}

BOOST_AUTO_TEST_CASE(duplicate_holiday_rules_open_their_union) {
  CalendarSpec spec = weekly("Asia/Jakarta", kMonFri, {hm(9, 0, 17, 0)});
  spec.holidays = {closed(2026, 12, 24), special(2026, 12, 24, {hm(9, 0, 12, 0)}),
                   closed(2026, 12, 25), closed(2026, 12, 25)};
  const Calendar cal(spec);
  BOOST_TEST(cal.between(jkt(2026, 12, 24), jkt(2026, 12, 26)) == hours{3});
}

BOOST_AUTO_TEST_CASE(overlapping_intervals_merge) {
  const Calendar cal(weekly("Asia/Jakarta", kMonFri, {hm(9, 0, 13, 0), hm(12, 0, 17, 0)}));
  BOOST_TEST(cal.next_closing(jkt(2026, 1, 5, 10, 0)) == jkt(2026, 1, 5, 17, 0));
  BOOST_TEST(cal.between(jkt(2026, 1, 5), jkt(2026, 1, 6)) == hours{8});
  BOOST_TEST(cal.business_day() == std::optional<Seconds>(hours{8}));
}

BOOST_AUTO_TEST_CASE(leap_day) {
  CalendarSpec spec = weekly("Asia/Jakarta", kMonFri, {hm(9, 0, 17, 0)});
  BOOST_TEST(Calendar(spec).add(jkt(2028, 2, 28, 16, 0), hours{2}) == jkt(2028, 2, 29, 10, 0));
  spec.holidays = {closed(2028, 2, 29)};
  BOOST_TEST(Calendar(spec).add(jkt(2028, 2, 28, 16, 0), hours{2}) == jkt(2028, 3, 1, 10, 0));
  const Calendar all_hours(twenty_four_seven("Asia/Jakarta"));
  BOOST_TEST(all_hours.between(jkt(2028, 2, 28), jkt(2028, 3, 1)) == hours{48});
  BOOST_TEST(all_hours.between(jkt(2027, 2, 28), jkt(2027, 3, 1)) == hours{24});
}

BOOST_AUTO_TEST_CASE(year_end) {
  CalendarSpec spec = weekly("Asia/Jakarta", kMonFri, {hm(9, 0, 17, 0)});
  BOOST_TEST(Calendar(spec).add(jkt(2026, 12, 31, 16, 0), hours{2}) == jkt(2027, 1, 1, 10, 0));
  spec.holidays = {closed(2027, 1, 1)};
  BOOST_TEST(Calendar(spec).add(jkt(2026, 12, 31, 16, 0), hours{2}) == jkt(2027, 1, 4, 10, 0));
  BOOST_TEST(Calendar(spec).between(jkt(2026, 12, 31, 16, 0), jkt(2027, 1, 4, 10, 0)) == hours{2});

  // Round the clock, an open interval runs across the UTC New Year (07:00 in Jakarta).
  const Calendar all_hours(twenty_four_seven("Asia/Jakarta"));
  BOOST_TEST(all_hours.add(jkt(2026, 12, 31, 20, 0), hours{20}) == jkt(2027, 1, 1, 16, 0));
  BOOST_TEST(all_hours.add(utc(2026, 12, 31, 23, 0), hours{1}) == utc(2027, 1, 1));
  BOOST_TEST(all_hours.between(jkt(2026, 12, 31, 12, 0), jkt(2027, 1, 1, 12, 0)) == hours{24});
  BOOST_TEST(all_hours.between(utc(2025, 6, 1), utc(2027, 6, 1)) == hours{24 * 730});

  // A closed holiday ends the otherwise endless 24x7 run.
  CalendarSpec closing = twenty_four_seven("Asia/Jakarta");
  closing.holidays = {closed(2027, 1, 1)};
  const Calendar with_holiday(closing);
  BOOST_TEST(with_holiday.next_closing(jkt(2026, 12, 20)) == jkt(2027, 1, 1));
  BOOST_TEST(with_holiday.next_opening(jkt(2027, 1, 1, 12, 0)) == jkt(2027, 1, 2));
  BOOST_TEST(with_holiday.next_closing(jkt(2027, 1, 1, 12, 0)) == Calendar::kNever);
}

BOOST_AUTO_TEST_CASE(deadline_years_ahead) {
  const Calendar cal(weekly("Asia/Jakarta", kMonFri, {hm(9, 0, 17, 0)}));
  const Instant start = jkt(2026, 1, 5, 9, 0);  // a Monday
  const Instant due = cal.add(start, hours{40 * 260});
  const date::local_days last_friday =
      date::local_days{date::year{2026} / 1 / 5} + date::days{259 * 7 + 4};
  BOOST_TEST(due == cal.to_instant(last_friday + hours{17}));
  BOOST_TEST(cal.between(start, due) == hours{40 * 260});

  // One hour a week: 300 hours take 300 weeks.
  const Calendar hourly(weekly("Asia/Jakarta", {3}, {hm(10, 0, 11, 0)}));
  const date::local_days wednesday = date::local_days{date::year{2026} / 1 / 7};
  BOOST_TEST(hourly.add(jkt(2026, 1, 5), hours{300}) ==
             hourly.to_instant(wednesday + date::days{299 * 7} + hours{11}));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(subtraction)

// What every answer of subtract must satisfy: exactly d of open time lies between
// it and t, and it is the latest such instant (one second later is short).
void check_subtract(const Calendar& cal, Instant t, Seconds d) {
  const Instant s = cal.subtract(t, d);
  BOOST_TEST_REQUIRE(s != Calendar::kNeverBefore);
  BOOST_TEST(s <= t);
  BOOST_TEST(cal.between(s, t) == d);
  if (d > Seconds{0}) {
    BOOST_TEST(cal.is_open(s));
    BOOST_TEST(cal.between(s + Seconds{1}, t) < d);
  }
}

BOOST_AUTO_TEST_CASE(the_qiscus_cases) {
  const Calendar cal(qiscus_premium());
  BOOST_TEST(cal.subtract(jkt(2026, 1, 12, 12, 30), hours{4}) == jkt(2026, 1, 9, 16, 30));
  BOOST_TEST(cal.subtract(jkt(2026, 1, 12, 9, 0), hours{1}) == jkt(2026, 1, 9, 16, 0));
  // Nyepi and Eid (Thursday and Friday) are skipped.
  BOOST_TEST(cal.subtract(jkt(2026, 3, 23, 10, 0), hours{2}) == jkt(2026, 3, 18, 16, 0));
  // Exactly back to an opening: the latest start is Monday 09:00, not Friday 17:00,
  // which has the same open time behind it.
  BOOST_TEST(cal.subtract(jkt(2026, 1, 12, 12, 30), hours{3} + minutes{30}) ==
             jkt(2026, 1, 12, 9, 0));
  BOOST_TEST(cal.subtract(jkt(2026, 1, 12, 12, 30), hours{3} + minutes{30} + Seconds{1}) ==
             jkt(2026, 1, 9, 17, 0) - Seconds{1});
  for (const Instant t : {jkt(2026, 1, 12, 12, 30), jkt(2026, 1, 12, 9, 0), jkt(2026, 3, 23, 10, 0),
                          jkt(2026, 1, 10, 11, 0)}) {
    for (const Seconds d :
         {Seconds{1}, Seconds{minutes{30}}, Seconds{hours{8}}, Seconds{hours{41}}})
      check_subtract(cal, t, d);
  }
}

BOOST_AUTO_TEST_CASE(zero_is_t_itself_even_when_closed) {
  const Calendar cal(qiscus_premium());
  BOOST_TEST(cal.subtract(jkt(2026, 1, 12, 11, 0), Seconds{0}) == jkt(2026, 1, 12, 11, 0));
  BOOST_TEST(cal.subtract(jkt(2026, 1, 10, 11, 0), Seconds{0}) == jkt(2026, 1, 10, 11, 0));
}

BOOST_AUTO_TEST_CASE(from_closed_time_counts_back_from_the_last_closing) {
  const Calendar cal(qiscus_premium());
  // Saturday 11:00 and Friday 17:00 have the same open time behind them.
  BOOST_TEST(cal.subtract(jkt(2026, 1, 10, 11, 0), hours{1}) == jkt(2026, 1, 9, 16, 0));
  BOOST_TEST(cal.subtract(jkt(2026, 1, 10, 11, 0), hours{8}) == jkt(2026, 1, 9, 9, 0));
  BOOST_TEST(cal.subtract(jkt(2026, 1, 10, 11, 0), hours{8} + Seconds{1}) ==
             jkt(2026, 1, 8, 17, 0) - Seconds{1});
}

BOOST_AUTO_TEST_CASE(across_new_year_and_its_holiday) {
  const Calendar cal(qiscus_premium());
  // 2026-01-01 is closed: Friday 2026-01-02 10:00 - 2 h = Wednesday 2025-12-31 16:00.
  BOOST_TEST(cal.subtract(jkt(2026, 1, 2, 10, 0), hours{2}) == jkt(2025, 12, 31, 16, 0));
  check_subtract(cal, jkt(2026, 1, 2, 10, 0), hours{2});
  // Round the clock, across the UTC New Year (07:00 in Jakarta) and a year back.
  const Calendar all_hours(twenty_four_seven("Asia/Jakarta"));
  BOOST_TEST(all_hours.subtract(jkt(2027, 1, 1, 16, 0), hours{20}) == jkt(2026, 12, 31, 20, 0));
  BOOST_TEST(all_hours.subtract(utc(2027, 1, 1), hours{1}) == utc(2026, 12, 31, 23, 0));
  BOOST_TEST(all_hours.subtract(utc(2027, 1, 1), hours{24 * 365}) == utc(2026, 1, 1));
  BOOST_TEST(all_hours.subtract(utc(2027, 6, 1), hours{24 * 730}) == utc(2025, 6, 1));
  // A closed holiday in a 24x7 desk: an hour before its end is an hour before it began.
  CalendarSpec closing = twenty_four_seven("Asia/Jakarta");
  closing.holidays = {closed(2027, 1, 1)};
  const Calendar with_holiday(closing);
  BOOST_TEST(with_holiday.subtract(jkt(2027, 1, 2), hours{1}) == jkt(2026, 12, 31, 23, 0));
  BOOST_TEST(with_holiday.subtract(jkt(2027, 1, 2, 1, 0), hours{1}) == jkt(2027, 1, 2));
}

BOOST_AUTO_TEST_CASE(daylight_saving_days) {
  // New York 2026-03-08: a desk opening at 02:30 opens at 03:00 EDT (07:00 UTC).
  const Calendar spring(weekly("America/New_York", kEveryDay, {hm(2, 30, 10, 0)}));
  BOOST_TEST(spring.subtract(utc(2026, 3, 8, 8, 0), hours{1}) == utc(2026, 3, 8, 7, 0));
  BOOST_TEST(spring.subtract(utc(2026, 3, 8, 8, 0), hours{2}) == utc(2026, 3, 7, 14, 0));
  // 2026-11-01: open from 01:30 EDT through the repeated hour to 05:00 EST, 4.5 h.
  const Calendar fall(weekly("America/New_York", kEveryDay, {hm(1, 30, 5, 0)}));
  BOOST_TEST(fall.subtract(utc(2026, 11, 1, 10, 0), hours{4} + minutes{30}) ==
             utc(2026, 11, 1, 5, 30));
  BOOST_TEST(fall.subtract(utc(2026, 11, 1, 10, 0), hours{5}) == utc(2026, 10, 31, 8, 30));
  // Sydney's 23- and 25-hour Sundays.
  const Calendar sunday(weekly("Australia/Sydney", {0}, {hm(0, 0, 24, 0)}));
  BOOST_TEST(sunday.subtract(utc(2026, 10, 8), hours{23}) == utc(2026, 10, 3, 14, 0));
  BOOST_TEST(sunday.subtract(utc(2026, 4, 9), hours{25}) == utc(2026, 4, 4, 13, 0));
  for (const Calendar* cal : {&spring, &fall, &sunday}) {
    for (int k = 0; k < 200; ++k)
      check_subtract(*cal, utc(2026, 3, 1) + minutes{k * 1777}, minutes{k * 37 + 1});
  }
}

BOOST_AUTO_TEST_CASE(special_hours_and_overnight_shifts) {
  CalendarSpec spec = weekly("Asia/Jakarta", kMonFri, {hm(9, 0, 17, 0)});
  spec.holidays = {special(2026, 12, 24, {hm(9, 0, 12, 0)}), closed(2026, 12, 25),
                   special(2026, 12, 26, {hm(10, 0, 14, 0)})};
  const Calendar cal(spec);
  BOOST_TEST(cal.subtract(jkt(2026, 12, 26, 11, 0), hours{3}) == jkt(2026, 12, 24, 10, 0));
  BOOST_TEST(cal.subtract(jkt(2026, 12, 28, 10, 0), hours{7}) == jkt(2026, 12, 24, 10, 0));
  CalendarSpec night = weekly("Asia/Jakarta", kMonFri, {hm(22, 0, 30, 0)});
  night.holidays = {closed(2026, 1, 13)};
  const Calendar shifts(night);
  BOOST_TEST(shifts.subtract(jkt(2026, 1, 14, 23, 0), hours{9}) == jkt(2026, 1, 12, 22, 0));
  BOOST_TEST(shifts.subtract(jkt(2026, 1, 13, 6, 0), hours{8}) == jkt(2026, 1, 12, 22, 0));
}

BOOST_AUTO_TEST_CASE(add_undoes_subtract_inside_open_time) {
  // Inside an opening (open the second before t), the deadline of the latest start
  // is t again; at an opening it is the previous closing, with the same open time
  // behind it.
  const Calendar cal(qiscus_premium());
  const Calendar ny(weekly("America/New_York", kMonFri, {hm(9, 0, 12, 0), hm(13, 0, 17, 30)}));
  for (const Calendar* c : {&cal, &ny}) {
    for (int k = 0; k < 3000; ++k) {
      const Instant t = utc(2025, 12, 20) + minutes{k * 61} + Seconds{k % 7};
      const Seconds d = minutes{(k * 53) % 6000} + Seconds{k % 3};
      const Instant s = c->subtract(t, d);
      BOOST_TEST_REQUIRE(s != Calendar::kNeverBefore);
      BOOST_TEST(c->between(s, t) == d);
      if (d == Seconds{0}) continue;
      const Instant due = c->add(s, d);
      if (c->is_open(t - Seconds{1})) {
        BOOST_TEST(due == t);
      } else {
        BOOST_TEST(due <= t);
        BOOST_TEST(c->between(due, t) == Seconds{0});
        BOOST_TEST(!c->is_open(due));  // the closing before t
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(subtract_undoes_add) {
  // The other way round: from an open start, d later and d back is the start again.
  const Calendar cal(qiscus_premium());
  for (int k = 0; k < 3000; ++k) {
    const Instant t = cal.next_opening(utc(2025, 12, 20) + minutes{k * 67} + Seconds{k % 11});
    const Seconds d = minutes{(k * 31) % 5000} + Seconds{k % 5};
    if (d == Seconds{0}) continue;
    BOOST_TEST(cal.subtract(cal.add(t, d), d) == t);
  }
}

BOOST_AUTO_TEST_CASE(not_enough_open_time_before_is_never_before) {
  const Calendar empty(weekly("America/New_York", {}, {}));
  BOOST_TEST(empty.subtract(utc(2026, 1, 1), hours{1}) == Calendar::kNeverBefore);
  BOOST_TEST(empty.subtract(utc(2026, 1, 1), Seconds{0}) == utc(2026, 1, 1));
  CalendarSpec spec = weekly("Asia/Jakarta", {}, {});
  spec.holidays = {special(2026, 6, 1, {hm(9, 0, 12, 0)})};
  const Calendar only(spec);
  BOOST_TEST(only.subtract(jkt(2027, 1, 1), hours{3}) == jkt(2026, 6, 1, 9, 0));
  BOOST_TEST(only.subtract(jkt(2027, 1, 1), hours{3} + Seconds{1}) == Calendar::kNeverBefore);
  BOOST_TEST(only.subtract(jkt(2026, 6, 1, 10, 0), hours{1}) == jkt(2026, 6, 1, 9, 0));
  // The range starts in 1900: the first hours of it are all there is.
  const Calendar all_hours(twenty_four_seven("UTC"));
  BOOST_TEST(all_hours.subtract(utc(1900, 1, 2), hours{24}) == utc(1900, 1, 1));
  BOOST_TEST(all_hours.subtract(utc(1900, 1, 2), hours{24} + Seconds{1}) == Calendar::kNeverBefore);
  BOOST_TEST(all_hours.subtract(utc(2026, 1, 1), Seconds::max()) == Calendar::kNeverBefore);
}

BOOST_AUTO_TEST_CASE(range_and_arguments) {
  const Calendar cal(qiscus_premium());
  BOOST_CHECK_THROW(cal.subtract(utc(2026, 1, 1), Seconds{-1}), std::invalid_argument);
  BOOST_CHECK_THROW(cal.subtract(utc(1899, 12, 31), hours{1}), std::out_of_range);
  BOOST_CHECK_THROW(cal.subtract(utc(2400, 1, 1), hours{1}), std::out_of_range);
  BOOST_TEST(cal.subtract(utc(2399, 12, 31, 23, 59), hours{8}) != Calendar::kNeverBefore);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(business_day_length)

BOOST_AUTO_TEST_CASE(default_explicit_and_unequal) {
  CalendarSpec spec = weekly("Asia/Jakarta", kMonFri, {hm(9, 0, 17, 0)});
  BOOST_TEST(Calendar(spec).business_day() == std::optional<Seconds>(hours{8}));
  spec.business_day = hours{7};
  BOOST_TEST(Calendar(spec).business_day() == std::optional<Seconds>(hours{7}));
  spec.business_day.reset();
  spec.weekly[5] = {hm(9, 0, 12, 0)};
  BOOST_TEST(!Calendar(spec).business_day().has_value());
  BOOST_TEST(!Calendar(weekly("Asia/Jakarta", {}, {})).business_day().has_value());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(edge_behaviour)

BOOST_AUTO_TEST_CASE(empty_calendar_never_opens) {
  const Calendar cal(weekly("America/New_York", {}, {}));
  const Instant t = utc(2026, 1, 1);
  BOOST_TEST(!cal.is_open(t));
  BOOST_TEST(cal.next_opening(t) == Calendar::kNever);
  BOOST_TEST(cal.next_closing(t) == Calendar::kNever);
  BOOST_TEST(cal.add(t, hours{1}) == Calendar::kNever);
  BOOST_TEST(cal.add(t, Seconds{0}) == Calendar::kNever);
  BOOST_TEST(cal.between(t, utc(2399, 1, 1)) == Seconds{0});
}

BOOST_AUTO_TEST_CASE(only_special_hours) {
  CalendarSpec spec = weekly("Asia/Jakarta", {}, {});
  spec.holidays = {special(2026, 6, 1, {hm(9, 0, 12, 0)})};
  const Calendar cal(spec);
  BOOST_TEST(cal.next_opening(jkt(2026, 1, 1)) == jkt(2026, 6, 1, 9, 0));
  BOOST_TEST(cal.add(jkt(2026, 1, 1), hours{2}) == jkt(2026, 6, 1, 11, 0));
  BOOST_TEST(cal.add(jkt(2026, 1, 1), hours{3}) == jkt(2026, 6, 1, 12, 0));
  BOOST_TEST(cal.add(jkt(2026, 1, 1), hours{3} + Seconds{1}) == Calendar::kNever);
  BOOST_TEST(cal.next_opening(jkt(2026, 7, 1)) == Calendar::kNever);
}

BOOST_AUTO_TEST_CASE(a_closed_year_is_skipped) {
  // Holidays closing every day of 2027 (a holiday set covering the year).
  CalendarSpec spec = weekly("Asia/Jakarta", kEveryDay, {hm(9, 0, 17, 0)});
  for (date::sys_days d = date::year{2027} / 1 / 1; d < date::sys_days{date::year{2028} / 1 / 1};
       d += date::days{1}) {
    spec.holidays.push_back({date::year_month_day{d}, "closed", {}});
  }
  const Calendar cal(spec);
  BOOST_TEST(cal.add(jkt(2026, 12, 31, 16, 0), hours{2}) == jkt(2028, 1, 1, 10, 0));
  BOOST_TEST(cal.between(jkt(2026, 12, 31), jkt(2028, 1, 2)) == hours{16});
}

BOOST_AUTO_TEST_CASE(invalid_specs_throw) {
  BOOST_CHECK_THROW(Calendar(weekly("Mars/Olympus_Mons", kMonFri, {hm(9, 0, 17, 0)})),
                    std::invalid_argument);
  BOOST_CHECK_THROW(Calendar(weekly("UTC", kMonFri, {hm(9, 0, 9, 0)})), std::invalid_argument);
  BOOST_CHECK_THROW(Calendar(weekly("UTC", kMonFri, {hm(24, 0, 25, 0)})), std::invalid_argument);
  BOOST_CHECK_THROW(Calendar(weekly("UTC", kMonFri, {hm(9, 0, 49, 0)})), std::invalid_argument);
  CalendarSpec spec = weekly("UTC", kMonFri, {hm(9, 0, 17, 0)});
  spec.business_day = Seconds{0};
  BOOST_CHECK_THROW(Calendar{spec}, std::invalid_argument);
  spec.business_day.reset();
  spec.holidays = {closed(2026, 2, 30)};
  BOOST_CHECK_THROW(Calendar{spec}, std::invalid_argument);
  spec.holidays.clear();
  spec.zone.clear();
  spec.fixed_offset = hours{24};
  BOOST_CHECK_THROW(Calendar{spec}, std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(range_and_arguments) {
  const Calendar cal(qiscus_premium());
  BOOST_CHECK_THROW(cal.is_open(utc(1850, 1, 1)), std::out_of_range);
  BOOST_CHECK_THROW(cal.add(utc(2400, 1, 1), hours{1}), std::out_of_range);
  BOOST_CHECK_THROW(cal.add(utc(2026, 1, 1), Seconds{-1}), std::invalid_argument);
  BOOST_TEST(cal.add(utc(2399, 12, 31), hours{9}) == Calendar::kNever);
  BOOST_TEST(cal.add(utc(2026, 1, 1), Seconds::max()) == Calendar::kNever);
  BOOST_TEST(cal.between(utc(2399, 12, 1), utc(2400, 1, 1)) > Seconds{0});
  BOOST_TEST(cal.is_open(cal.next_opening(utc(1900, 1, 1))));
}

BOOST_AUTO_TEST_CASE(moved_calendar_keeps_working) {
  Calendar first(qiscus_premium());
  BOOST_TEST(first.is_open(jkt(2026, 1, 9, 10, 0)));
  Calendar second(std::move(first));
  BOOST_TEST(second.add(jkt(2026, 1, 9, 16, 30), hours{4}) == jkt(2026, 1, 12, 12, 30));
  BOOST_TEST(second.spec().name == "office_hours");
}

BOOST_AUTO_TEST_CASE(concurrent_queries_agree_with_serial_ones) {
  const CalendarSpec spec = weekly("America/New_York", kMonFri, {hm(9, 0, 17, 0)});
  constexpr int kThreads = 4;
  constexpr int kQueries = 2000;
  auto query = [](int k, int i) {
    return std::pair{utc(2024 + (i + k) % 20, 1, 1) + minutes{(i * 7919 + k) % 500000},
                     Seconds{minutes{i % 3000}}};
  };
  const Calendar serial(spec);
  std::vector<Instant> expected;
  for (int k = 0; k < kThreads; ++k) {
    for (int i = 0; i < kQueries; ++i) {
      const auto [t, d] = query(k, i);
      expected.push_back(serial.add(t, d));
    }
  }
  const Calendar shared(spec);  // cold: the threads race to build its years
  std::atomic<int> mismatches{0};
  std::vector<std::thread> threads;
  for (int k = 0; k < kThreads; ++k) {
    threads.emplace_back([&, k] {
      for (int i = 0; i < kQueries; ++i) {
        const auto [t, d] = query(k, i);
        if (shared.add(t, d) != expected[static_cast<std::size_t>(k * kQueries + i)]) ++mismatches;
      }
    });
  }
  for (auto& t : threads) t.join();
  BOOST_TEST(mismatches.load() == 0);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(timestamps)

BOOST_AUTO_TEST_CASE(a_fraction_of_zeros_is_exact_and_any_other_is_refused) {
  const Calendar jakarta(qiscus_premium());
  const Instant whole = jkt(2026, 1, 9, 16, 30);
  std::string error;
  // Exports write ".000" on every time: exact, with an offset, Z or none.
  for (const char* text :
       {"2026-01-09T16:30:00.000+07:00", "2026-01-09T16:30:00.0+07:00",
        "2026-01-09T09:30:00.000000000Z", "2026-01-09T16:30:00.000", "2026-01-09 16:30:00.00"}) {
    BOOST_TEST((sla::parse_local_instant(text, jakarta, error) == std::optional<Instant>(whole)),
               text << ": " << error);
  }
  BOOST_TEST(
      (sla::parse_instant("2026-01-09T16:30:00.000+07:00") == std::optional<Instant>(whole)));
  // Anything else would move the time, so it is refused, never dropped or rounded.
  const std::string why =
      "sub-second times are not supported: the time has a fraction of a second (0.5); write "
      "whole seconds";
  error.clear();
  BOOST_TEST(!sla::parse_local_instant("2026-01-09T16:30:00.5+07:00", jakarta, error));
  BOOST_TEST(error == why);
  error.clear();
  BOOST_TEST(!sla::parse_instant("2026-01-09T16:30:00.5+07:00", &error));
  BOOST_TEST(error == why);
  error.clear();
  BOOST_TEST(!sla::parse_local_instant("2026-01-09T16:30:00.5", jakarta, error));  // local
  BOOST_TEST(error == why);
  for (const char* text : {"2026-01-09T16:30:59.999+07:00", "2026-01-09T16:30:00.001Z",
                           "2026-01-09T16:30:00.0000001"}) {
    error.clear();
    BOOST_TEST(!sla::parse_local_instant(text, jakarta, error), text);
    BOOST_TEST(error.starts_with("sub-second times are not supported"), error);
  }
  error.clear();
  BOOST_TEST(!sla::parse_local_instant("2026-01-09T16:30:00.250Z", jakarta, error));
  BOOST_TEST(error.find("(0.250)") != std::string::npos, error);  // the digits as written
  // A decimal point needs digits; a bad date is reported as such first.
  error.clear();
  BOOST_TEST(!sla::parse_local_instant("2026-01-09T16:30:00.+07:00", jakarta, error));
  BOOST_TEST(error == "expected digits after the decimal point in the seconds");
  error.clear();
  BOOST_TEST(!sla::parse_local_instant("2026-02-30T16:30:00.5+07:00", jakarta, error));
  BOOST_TEST(error.ends_with("is not a valid date and time"), error);
}

BOOST_AUTO_TEST_CASE(local_mean_time_offsets_are_written_exactly_and_read_back) {
  // Before 1924 Jakarta kept local mean time, +07:07:12: RFC 3339 has no seconds
  // in an offset, and +07:07 would be 12 s wrong, so the instant is written in UTC.
  const Calendar jakarta(twenty_four_seven("Asia/Jakarta"));
  const Instant old = utc(1920, 6, 1, 2, 0, 0);
  BOOST_TEST(jakarta.utc_offset(old).count() == 7 * 3600 + 7 * 60 + 12);
  const std::string written = sla::format_instant(old, jakarta.utc_offset(old));
  BOOST_TEST(written == "1920-06-01T02:00:00Z");
  BOOST_TEST((sla::parse_instant(written) == std::optional<Instant>(old)));
  fmt::memory_buffer bulk;
  sla::append_timestamp(bulk, old, jakarta.utc_offset(old));
  BOOST_TEST(fmt::to_string(bulk) == written);
  // Whole-minute offsets keep their local form, and read back too.
  const Instant now = utc(2026, 1, 9, 9, 30);
  BOOST_TEST(sla::format_instant(now, jakarta.utc_offset(now)) == "2026-01-09T16:30:00+07:00");
  for (const Instant t : {old, now, utc(1901, 1, 1), utc(1932, 3, 31, 16, 40)}) {
    BOOST_TEST((sla::parse_instant(sla::format_instant(t, jakarta.utc_offset(t))) ==
                std::optional<Instant>(t)));
    fmt::memory_buffer out;
    sla::append_timestamp(out, t, jakarta.utc_offset(t));
    BOOST_TEST((sla::parse_instant(fmt::to_string(out)) == std::optional<Instant>(t)));
  }
}

BOOST_AUTO_TEST_SUITE_END()
