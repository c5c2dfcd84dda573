// What a version's terms amount to, to compare two versions: a calendar's hours
// in a week, the minutes one week has and the other has not, the days it closes,
// a target's length in seconds, an escalation's bands.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "interpreter/time/calendar.hpp"
#include "sla/model.hpp"

namespace sla::measures {

// Seconds open in a week: a calendar's own weekly hours; for a union (desks in
// several zones), the time any member is open, counted over four weeks of June
// 2026 (the fullest of them, so that a holiday does not count as fewer hours).
std::optional<std::int64_t> week_seconds(const CalendarInfo& c);

// Minutes open in one week but not the other, weekday by weekday.
std::pair<std::chrono::seconds, std::chrono::seconds> week_difference(const CalendarSpec& x,
                                                                      const CalendarSpec& y);

// Closed or shortened days: date -> "closed (name)" or "09:00-12:00 (name)".
std::map<std::string, std::string> closures(const CalendarSpec& s);

// The target's length in seconds under the version's calendar for it.
std::optional<std::int64_t> target_seconds(const Target& t, const Model& m, const Package& p);

std::optional<std::int64_t> plain_seconds(const DurationValue& d);

// Each band's role and condition, with when it starts (business seconds unknown
// across calendars: the stated amount in thousandths of its unit, unit first).
std::vector<std::pair<std::string, std::tuple<int, bool, std::int64_t>>> bands_of(const Package& p);

}  // namespace sla::measures
