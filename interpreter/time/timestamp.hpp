// RFC 3339 timestamps at the edges of the program: strict parsing (no locale, no
// allocation) and formatting in a calendar's local offset.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include <date/date.h>
#include <fmt/format.h>

namespace sla {

// "2026-12-25": exactly YYYY-MM-DD, a day that exists (no range check: callers
// keep to the years they can handle).
std::optional<date::year_month_day> parse_date(std::string_view text);

struct ParsedTimestamp {
  std::chrono::sys_seconds utc{};  // valid when has_offset
  std::chrono::seconds local{};    // the local date-time as seconds since 1970 (no zone)
  bool has_offset = false;
};

// "2026-01-09T16:30:00+07:00", "2026-01-09T09:30:00Z", "2026-01-09 16:30" (no
// offset: local time). A fraction of a second must be all zeros
// ("16:30:00.000+07:00", as exports write it): any other is refused, never
// dropped. On failure, `error` says what is wrong.
std::optional<ParsedTimestamp> parse_timestamp(std::string_view text, std::string& error);

// 2026-01-12T12:30:00+07:00 (Z when the offset is zero and `z_for_utc`). An
// offset that is not whole minutes (local mean time before a zone adopted
// standard time: Asia/Jakarta +07:07:12 until 1924) cannot be written in RFC 3339:
// the instant is written in UTC with Z instead, so it stays exact.
std::string format_timestamp(std::chrono::sys_seconds t, std::chrono::seconds utc_offset,
                             bool z_for_utc = false);
// The same, appended to a buffer without allocating (for bulk output).
void append_timestamp(fmt::memory_buffer& out, std::chrono::sys_seconds t,
                      std::chrono::seconds utc_offset);

}  // namespace sla
