// A compiled business calendar: when a support desk is open, and business-time
// arithmetic over those hours. Built from a CalendarSpec (what the contract says),
// compiled lazily a year at a time into UTC open intervals with running totals,
// so every query is a binary search. Immutable and thread-safe once constructed.
#pragma once

#include <array>
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <date/date.h>

namespace sla {

using Instant = std::chrono::sys_seconds;
using Seconds = std::chrono::seconds;

// An opening on one local day: [start, end) as offsets from local midnight.
// end may exceed 24h (an interval that crosses midnight, e.g. 22:00-06:00 is
// start=22h end=30h); the interval belongs to the day it starts on.
struct DailyInterval {
  Seconds start{0};
  Seconds end{0};
  friend bool operator==(const DailyInterval&, const DailyInterval&) = default;
};

// A day whose regular hours are replaced: closed (no intervals) or special hours.
struct HolidayRule {
  date::year_month_day day;
  std::string name;
  std::vector<DailyInterval> hours;  // empty = closed all day
  bool tentative = false;            // its set says the date may still move
};

struct CalendarSpec {
  std::string name;
  // IANA zone name ("Asia/Jakarta"); when empty, fixed_offset applies.
  std::string zone;
  std::chrono::minutes fixed_offset{0};
  // Regular hours per weekday, indexed by date::weekday::c_encoding() (0 = Sunday).
  std::array<std::vector<DailyInterval>, 7> weekly;
  std::vector<HolidayRule> holidays;
  // Length of one "business day"; when absent, the regular open-day length if all
  // open weekdays are equal, else business days are an error for this calendar.
  std::optional<Seconds> business_day;
  // A union: open whenever any member is (weekly and holidays are then unused).
  std::vector<std::shared_ptr<const class Calendar>> members;
};

class Calendar {
 public:
  // Throws std::invalid_argument for an unknown zone or malformed intervals: the
  // checker validates specs first, so this only fires on a broken invariant.
  explicit Calendar(CalendarSpec spec);
  ~Calendar();
  Calendar(Calendar&&) noexcept;
  Calendar& operator=(Calendar&&) noexcept;
  Calendar(const Calendar&) = delete;
  Calendar& operator=(const Calendar&) = delete;

  const CalendarSpec& spec() const;

  bool is_open(Instant t) const;
  // t itself when open; otherwise the start of the next open interval.
  Instant next_opening(Instant t) const;
  // The end of the open interval containing t; when closed, the end of the next one.
  Instant next_closing(Instant t) const;
  // Business time: starts at next_opening(t); lands on a closing when exactly used up.
  Instant add(Instant t, Seconds business) const;
  // The mirror of add: the latest instant s with between(s, t) == business, so
  // that from s, `business` of open time reaches t. Zero business is t itself;
  // otherwise s is open, so an hour before an opening lands an hour before the
  // previous closing, and a span that ends exactly on a closing lands on the next
  // opening (the latest start, not the closing). kNeverBefore when the range
  // holds less open time than that before t.
  Instant subtract(Instant t, Seconds business) const;
  // Business time open in [from, to); zero when to <= from.
  Seconds between(Instant from, Instant to) const;
  // Length of one business day, if defined (see CalendarSpec::business_day).
  std::optional<Seconds> business_day() const;
  // Local civil time of t in this calendar's zone, and the zone's UTC offset at t.
  std::chrono::seconds utc_offset(Instant t) const;

  // What next_opening, next_closing and add return when the moment never comes:
  // no open time is left before the supported range ends (a calendar with no
  // weekly hours after its last special-hours holiday, an empty calendar), or a
  // desk that never closes again (24x7 past its last holiday).
  static constexpr Instant kNever = Instant::max();
  // What subtract returns when the moment never came: less open time than asked
  // for lies between the start of the supported range and t.
  static constexpr Instant kNeverBefore = Instant::min();
  // Queries take instants in UTC years [kFirstYear, kEndYear) and throw
  // std::out_of_range outside; results past the range are kNever. between
  // also accepts `to` equal to the range end.
  static constexpr int kFirstYear = 1900;
  static constexpr int kEndYear = 2400;

  // Local civil time <-> instant in this calendar's zone, with the rules the
  // opening hours use (see Zone::to_instant): a time in a spring-forward gap is
  // the end of the gap, a repeated time is its first occurrence.
  Instant to_instant(date::local_seconds local) const;
  date::local_seconds to_local(Instant t) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The next business day after the local day of `start` (the rule of "by 12:00 next
// business day", docs/semantics.md): the first later local day on which an opening
// starts or that is open from midnight to midnight; a night shift running on past
// midnight belongs to the day it started. None when the desk never opens again.
std::optional<date::local_days> next_business_day(const Calendar& calendar, Instant start);

// A time as people and exports write it: RFC 3339 with an offset, or without one
// read in `calendar`'s zone (Calendar::to_instant's rules). The supported years
// (1901-2398) are counted in UTC, so a local time on the last evening of 2398 west
// of UTC is refused with where it lands. The one reading of every flag, column
// and API call that takes a time; on failure `error` says why.
std::optional<Instant> parse_local_instant(std::string_view text, const Calendar& calendar,
                                           std::string& error);

}  // namespace sla
