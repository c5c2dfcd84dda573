// What a calendar export shows of a compiled calendar over a range of its local
// days: the days its dated rules change (closed, or open only for special hours),
// and its open intervals.
//
// A calendar with hours of its own (extends included: its Calendar holds what it
// inherits) shows each dated rule in the range: every holiday of its sets and
// every closed or special date, a weekend one too (it is on the list people read),
// but never the weekend itself. A union holds no dated rules: it is open whenever a
// member is, so a member's holiday changes the union only if no other member
// covers it. Its days are those on which a member's holiday changes when the union
// is open: closed when none of it is left (a holiday of every member), or open
// only for the hours left, named after the members' holidays.
#pragma once

#include <string>
#include <vector>

#include <date/date.h>

#include "interpreter/time/calendar.hpp"

namespace sla::cli {

struct DatedDay {
  date::local_days day;              // in the calendar's zone
  std::string name;                  // the holidays' names, " / " between several
  std::vector<DailyInterval> hours;  // empty: closed all day; else open only these
  bool tentative = false;            // every holiday of the day may still move
};

std::vector<DatedDay> dated_days(const Calendar& calendar, date::local_days first,
                                 date::local_days last);

struct Opening {
  Instant start, end;
};

// The open intervals between the start of `first` and the end of `last` (local
// days), cut at the range's ends. An opening longer than a day (a 24x7 desk, one
// open Monday to Friday around the clock) is cut at each local midnight, so that
// a calendar program shows it day by day.
std::vector<Opening> openings(const Calendar& calendar, date::local_days first,
                              date::local_days last);

// "09:00-12:00", "22:00-06:00" (across midnight), "13:00-24:00".
std::string hours_text(const DailyInterval& interval);

}  // namespace sla::cli
