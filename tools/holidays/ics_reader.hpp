// Holidays from an iCalendar file (RFC 5545), as Google Calendar, Apple iCloud,
// Outlook and Exchange export them, parsed with libical. Each event that is not
// cancelled gives the dates it covers, recurrences expanded:
//
// - an all-day event (DTSTART;VALUE=DATE) closes its dates: DTEND is exclusive,
//   DURATION counts days, and with neither it is one day;
// - a timed event closes each local day it covers whole (00:00 to 24:00, an end
//   at 23:59 counting as the end of the day). One that covers no whole day (a
//   two-hour meeting) closes nothing: it is skipped with a note, never silently
//   turned into a closed day; the partial days of a longer one are left out with a
//   note. A time with a TZID is read in that zone's local days as written; a UTC
//   time ("Z") in the zone of IcsOptions::zone, else the calendar's X-WR-TIMEZONE,
//   else UTC (a note says which); a floating time as written;
// - RRULE (any frequency, COUNT, UNTIL), RDATE and EXDATE are applied, and an
//   occurrence moved or cancelled by another VEVENT with the same UID and a
//   RECURRENCE-ID is taken from that one. A rule without COUNT or UNTIL runs
//   through the last year of IcsOptions::years, or without them through the later
//   of the last year of the file's other dates and this year + 5 (a note says so);
// - STATUS:CANCELLED events are skipped; TRANSP, alarms, attendees are ignored.
//
// Notes concern IcsOptions::years only: an event outside them (a meeting, a
// cancelled event, a UTC time) is not mentioned.
//
// A broken file (not iCalendar, a component never closed, an event without
// DTSTART, a value libical cannot read) is an error at its line.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "interpreter/time/zone.hpp"
#include "tools/holidays/imported_holidays.hpp"
#include "tools/holidays/year_range.hpp"

namespace sla::cli {

struct IcsOptions {
  std::optional<YearRange> years;  // only dates in these years; endless rules run to the last
  std::optional<Zone> zone;        // the local days of UTC times (--zone)
  int this_year = 2026;            // endless rules without `years` run to this year + 5
};

ImportedHolidays read_ics(std::string_view text, const IcsOptions& options);

}  // namespace sla::cli
