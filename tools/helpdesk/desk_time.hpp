// Times as desks write them: RFC 3339 (with "Z", "+07:00", or Jira's "+0700" and
// ".000"), "2026-01-12 09:30:00" (Freshdesk), and Jira's CSV default
// "12/Jan/26 9:30 AM". A time without an offset is read in `zone`'s zone.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "interpreter/time/calendar.hpp"

namespace sla::cli {

std::optional<Instant> desk_instant(std::string_view text, const Calendar& zone,
                                    std::string& error);

// The time in a desk's field named `name` (none when empty); a bad one gives none
// and, unless `error` already says something, "NAME why".
std::optional<Instant> desk_field_time(std::string_view text, std::string_view name,
                                       const Calendar& zone, std::string& error);

// `seconds` rounded to whole seconds; none when it is not finite or lies beyond
// 10,000 years either way, which no desk means and which would overflow the cast.
std::optional<std::chrono::seconds> desk_seconds(double seconds);

}  // namespace sla::cli
