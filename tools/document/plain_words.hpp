// Dates, times, opening hours and durations in the words of a contract, for
// readers who do not read code: "Friday 9 January 2026 at 16:30", "Monday to
// Friday, 09:00–17:00", "3 hours 30 minutes". No locale: the same words on every
// machine, in the words of a Wording (English by default; "Jumat, 9 Januari 2026
// pukul 16.30" in Indonesian).
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
std::string long_date(std::string_view iso, const Wording& w = english());

// "Friday 9 January 2026 at 16:30" in the calendar's zone; without the year when
// `with_year` is false; "never" for Calendar::kNever.
std::string moment(Instant t, const Calendar& calendar, bool with_year = true,
                   const Wording& w = english());
// "Friday 9 January" for a local day.
std::string day_name(date::local_days day, bool with_year = false, const Wording& w = english());
// "Friday": a weekday by its C encoding (0 is Sunday).
std::string weekday_word(unsigned c_encoding, const Wording& w = english());
// "16:30" in the calendar's zone.
std::string clock_of(Instant t, const Calendar& calendar, const Wording& w = english());
// "16:30" for minutes after midnight (1440 is "24:00").
std::string clock_words(long minutes, const Wording& w = english());

// "30 minutes", "1 hour", "3 hours 30 minutes", "2 days 4 hours".
std::string span_words(Seconds s, const Wording& w = english());

// "a", "a and b", "a, b and c"; or_list: "a or b"; then_list: "a then b".
std::string and_list(const std::vector<std::string>& items, const Wording& w = english());
std::string or_list(const std::vector<std::string>& items, const Wording& w = english());
std::string then_list(const std::vector<std::string>& items, const Wording& w = english());

// The weekly hours: "Monday to Friday, 09:00–17:00", "every day, 09:00–17:00",
// "24 hours a day, 7 days a week".
std::string weekly_hours(const CalendarSpec& spec, const Wording& w = english());
// The weekdays with no hours at all: "Saturday and Sunday"; "" when there are none.
std::string closed_weekdays(const CalendarSpec& spec, const Wording& w = english());
// "8 hours", "7 hours 30 minutes", "24 hours": a length of the day, never in days.
std::string hours_words(Seconds s, const Wording& w = english());

// "UTC+07:00", "UTC−05:00".
std::string offset_words(Seconds offset, const Wording& w = english());
// "Asia/Jakarta time (UTC+07:00)"; with daylight saving, both offsets. The offsets
// are those of `year`, so the text does not depend on the day it is printed.
std::string zone_words(const CalendarInfo& calendar, int year, const Wording& w = english());

// A target or band length with what it means under `calendar`: "4 business hours",
// "1 business day (8 business hours)", "720 hours (30 calendar days)"; the units in
// `wording`'s words (English when null).
std::string duration_words(const DurationValue& d, const CalendarInfo* calendar,
                           const Wording* wording = nullptr);
// "4 business hours" with its unit in `wording`'s words: "4 jam kerja".
std::string unit_words(std::string_view duration, const Wording& wording);

// Numbers with the separators of the wording: "216,000,000" and "99.5" in English,
// "216.000.000" and "99,5" in Indonesian; money "IDR 216,000,000"; "99 %".
std::string number_words(std::int64_t milli, const Wording& w = english());
std::string money_words(const Money& money, const Wording& w = english());
std::string percent_words(std::int64_t milli, const Wording& w = english());

// “text” in typographic quotes.
std::string in_quotes(std::string_view text);

}  // namespace sla::cli
