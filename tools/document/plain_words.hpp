// Dates, times, opening hours and durations in the words of a contract, for
// readers who do not read code: "Friday 9 January 2026 at 16:30", "Monday to
// Friday, 09:00–17:00", "3 hours 30 minutes". English, no locale: the same words
// on every machine.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "interpreter/time/calendar.hpp"
#include "sla/model.hpp"
#include "tools/wording/wording.hpp"

namespace sla::cli {

// "2025-01-01" -> "1 January 2025" (the text itself when it is not a date).
std::string long_date(std::string_view iso);

// "Friday 9 January 2026 at 16:30" in the calendar's zone; without the year when
// `with_year` is false; "never" for Calendar::kNever.
std::string moment(Instant t, const Calendar& calendar, bool with_year = true);
// "Friday 9 January" for a local day.
std::string day_name(date::local_days day, bool with_year = false);
// "16:30" in the calendar's zone.
std::string clock_of(Instant t, const Calendar& calendar);

// "30 minutes", "1 hour", "3 hours 30 minutes", "2 days 4 hours".
std::string span_words(Seconds s);

// "a", "a and b", "a, b and c".
std::string and_list(const std::vector<std::string>& items, std::string_view last = "and");

// The weekly hours: "Monday to Friday, 09:00–17:00", "every day, 09:00–17:00",
// "24 hours a day, 7 days a week".
std::string weekly_hours(const CalendarSpec& spec);
// The weekdays with no hours at all: "Saturday and Sunday"; "" when there are none.
std::string closed_weekdays(const CalendarSpec& spec);
// "8 hours", "7 hours 30 minutes", "24 hours": a length of the day, never in days.
std::string hours_words(Seconds s);

// "Asia/Jakarta time (UTC+07:00)"; with daylight saving, both offsets. The offsets
// are those of `year`, so the text does not depend on the day it is printed.
std::string zone_words(const CalendarInfo& calendar, int year);

// A target or band length with what it means under `calendar`: "4 business hours",
// "1 business day (8 business hours)", "720 hours (30 calendar days)"; the units in
// `wording`'s words (English when null).
std::string duration_words(const DurationValue& d, const CalendarInfo* calendar,
                           const Wording* wording = nullptr);
// "4 business hours" with its unit in `wording`'s words: "4 jam kerja".
std::string unit_words(std::string_view duration, const Wording& wording);

// “text” in typographic quotes.
std::string in_quotes(std::string_view text);

}  // namespace sla::cli
