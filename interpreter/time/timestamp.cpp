#include "interpreter/time/timestamp.hpp"

#include <charconv>
#include <cstdint>

#include <date/date.h>
#include <fmt/format.h>

#include "sla/timestamp.hpp"

namespace sla {

namespace {

bool digits(std::string_view s, std::size_t at, std::size_t n, int& out) {
  if (at + n > s.size()) return false;
  out = 0;
  for (std::size_t i = at; i < at + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}

}  // namespace

namespace {

// Days since 1970-01-01 of a civil date (Howard Hinnant's days_from_civil).
// 64-bit, not long: long is 32 bits on wasm32, where days * 86400 overflows past
// 2038-01-19 and before 1901-12-13.
constexpr std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

constexpr unsigned last_day(int y, unsigned m) {
  constexpr unsigned days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return days[m - 1] + (m == 2 && leap ? 1 : 0);
}

// The common shape, 2026-01-09T16:30:00+07:00 or ...Z, without any checks beyond
// digits and ranges; anything else takes the general path below.
std::optional<ParsedTimestamp> parse_fast(std::string_view s) {
  const bool z = s.size() == 20 && (s[19] == 'Z' || s[19] == 'z');
  if (!z && s.size() != 25) return std::nullopt;
  static constexpr int digit_at[] = {0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18};
  for (int i : digit_at)
    if (s[static_cast<std::size_t>(i)] < '0' || s[static_cast<std::size_t>(i)] > '9')
      return std::nullopt;
  if (s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != 't') || s[13] != ':' || s[16] != ':')
    return std::nullopt;
  auto num = [&](std::size_t at, std::size_t n) {
    int v = 0;
    for (std::size_t i = at; i < at + n; ++i) v = v * 10 + (s[i] - '0');
    return v;
  };
  const int y = num(0, 4), mo = num(5, 2), d = num(8, 2), h = num(11, 2), mi = num(14, 2),
            sec = num(17, 2);
  if (y < 1901 || y > 2398 || mo < 1 || mo > 12 || d < 1 ||
      static_cast<unsigned>(d) > last_day(y, static_cast<unsigned>(mo)) || h > 23 || mi > 59 ||
      sec > 59)
    return std::nullopt;
  int offset = 0;
  if (!z) {
    if ((s[19] != '+' && s[19] != '-') || s[22] != ':' || s[20] < '0' || s[20] > '9' ||
        s[21] < '0' || s[21] > '9' || s[23] < '0' || s[23] > '9' || s[24] < '0' || s[24] > '9')
      return std::nullopt;
    const int oh = num(20, 2), om = num(23, 2);
    if (oh > 23 || om > 59) return std::nullopt;
    offset = (s[19] == '-' ? -1 : 1) * (oh * 3600 + om * 60);
  }
  ParsedTimestamp t;
  t.local =
      std::chrono::seconds(days_from_civil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d)) *
                               std::int64_t{86400} +
                           h * std::int64_t{3600} + mi * std::int64_t{60} + sec);
  t.has_offset = true;
  t.utc = std::chrono::sys_seconds(t.local - std::chrono::seconds(offset));
  return t;
}

}  // namespace

std::optional<date::year_month_day> parse_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int y = 0;
  unsigned m = 0, d = 0;
  const char* p = text.data();
  if (std::from_chars(p, p + 4, y).ptr != p + 4 || std::from_chars(p + 5, p + 7, m).ptr != p + 7 ||
      std::from_chars(p + 8, p + 10, d).ptr != p + 10)
    return std::nullopt;
  const date::year_month_day ymd{date::year{y}, date::month{m}, date::day{d}};
  if (!ymd.ok()) return std::nullopt;
  return ymd;
}

std::optional<ParsedTimestamp> parse_timestamp(std::string_view s, std::string& error) {
  if (auto fast = parse_fast(s)) return fast;
  int y, mo, d, h, mi, sec = 0;
  std::string_view fraction;  // the digits after the seconds' decimal point
  if (!digits(s, 0, 4, y) || s.size() < 16 || s[4] != '-' || !digits(s, 5, 2, mo) || s[7] != '-' ||
      !digits(s, 8, 2, d) || (s[10] != 'T' && s[10] != 't' && s[10] != ' ') ||
      !digits(s, 11, 2, h) || s[13] != ':' || !digits(s, 14, 2, mi)) {
    error = "expected an RFC 3339 timestamp such as 2026-01-09T16:30:00+07:00";
    return std::nullopt;
  }
  std::size_t i = 16;
  if (i < s.size() && s[i] == ':') {
    if (!digits(s, i + 1, 2, sec)) {
      error = "expected two digits of seconds after the minutes";
      return std::nullopt;
    }
    i += 3;
    if (i < s.size() && s[i] == '.') {
      const std::size_t first = ++i;
      while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
      fraction = s.substr(first, i - first);
      if (fraction.empty()) {
        error = "expected digits after the decimal point in the seconds";
        return std::nullopt;
      }
    }
  }
  const date::year_month_day ymd{date::year{y}, date::month(static_cast<unsigned>(mo)),
                                 date::day(static_cast<unsigned>(d))};
  if (!ymd.ok() || h > 23 || mi > 59 || sec > 60) {
    error = fmt::format("{} is not a valid date and time",
                        s.substr(0, std::min<std::size_t>(i, s.size())));
    return std::nullopt;
  }
  // The calendar engine covers these years (interpreter/time/calendar.hpp).
  if (y < 1901 || y > 2398) {
    error = fmt::format("the year {} is outside the years supported (1901 to 2398)", y);
    return std::nullopt;
  }
  // Instants are whole seconds. Exports write ".000" on every time (Jira,
  // ServiceNow), which is exact; any other fraction would have to be dropped, which
  // moves a deadline without a word, so it is refused.
  if (fraction.find_first_not_of('0') != std::string_view::npos) {
    error = fmt::format(
        "sub-second times are not supported: the time has a fraction of a second (0.{}); write "
        "whole seconds",
        fraction);
    return std::nullopt;
  }
  ParsedTimestamp t;
  t.local = date::sys_days(ymd).time_since_epoch() + std::chrono::hours(h) +
            std::chrono::minutes(mi) + std::chrono::seconds(std::min(sec, 59));
  if (i == s.size()) return t;
  int offset = 0;
  if (s[i] == 'Z' || s[i] == 'z') {
    ++i;
  } else if (s[i] == '+' || s[i] == '-') {
    int oh, om;
    if (!digits(s, i + 1, 2, oh) || i + 3 >= s.size() || s[i + 3] != ':' ||
        !digits(s, i + 4, 2, om) || oh > 23 || om > 59) {
      error = "expected a UTC offset such as +07:00 or Z";
      return std::nullopt;
    }
    offset = (s[i] == '-' ? -1 : 1) * (oh * 3600 + om * 60);
    i += 6;
  } else {
    error = fmt::format("unexpected '{}' after the time; expected Z or an offset such as +07:00",
                        s.substr(i));
    return std::nullopt;
  }
  if (i != s.size()) {
    error = fmt::format("unexpected '{}' after the offset", s.substr(i));
    return std::nullopt;
  }
  t.has_offset = true;
  t.utc = std::chrono::sys_seconds(t.local - std::chrono::seconds(offset));
  return t;
}

std::string format_timestamp(std::chrono::sys_seconds t, std::chrono::seconds utc_offset,
                             bool z_for_utc) {
  // The calendar's "never" (sys_seconds::max()) has no date; say so, without overflowing.
  if (t == std::chrono::sys_seconds::max()) return "never";
  // An offset with seconds (local mean time: Asia/Jakarta was +07:07:12 before
  // 1924) has no RFC 3339 spelling, and +07:07 would be 12 s wrong: such an
  // instant is written in UTC, exactly, and reads back the same.
  if (utc_offset.count() % 60 != 0) {
    utc_offset = std::chrono::seconds(0);
    z_for_utc = true;
  }
  const auto local = t + utc_offset;
  const auto day = std::chrono::floor<date::days>(local);
  const date::year_month_day ymd{day};
  const date::hh_mm_ss hms{local - day};
  std::string offset;
  if (utc_offset.count() == 0 && z_for_utc) {
    offset = "Z";
  } else {
    const auto total = std::abs(utc_offset.count()) / 60;
    offset =
        fmt::format("{}{:02}:{:02}", utc_offset.count() < 0 ? '-' : '+', total / 60, total % 60);
  }
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{}", static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                     hms.hours().count(), hms.minutes().count(), hms.seconds().count(), offset);
}

}  // namespace sla

namespace sla {

void append_timestamp(fmt::memory_buffer& out, std::chrono::sys_seconds t,
                      std::chrono::seconds utc_offset) {
  if (t == std::chrono::sys_seconds::max()) {
    out.append(std::string_view("never"));
    return;
  }
  const auto local = t + utc_offset;
  const auto day = std::chrono::floor<date::days>(local);
  const date::year_month_day ymd{day};
  const auto secs = (local - day).count();
  const auto off = std::abs(utc_offset.count()) / 60;
  char text[25];
  auto put2 = [](char* p, long v) {
    p[0] = static_cast<char>('0' + v / 10);
    p[1] = static_cast<char>('0' + v % 10);
  };
  const int y = static_cast<int>(ymd.year());
  // Outside RFC 3339, or an offset with seconds: rare enough for the slow path.
  if (y < 0 || y > 9999 || utc_offset.count() % 60 != 0) {
    fmt::format_to(std::back_inserter(out), "{}", format_timestamp(t, utc_offset));
    return;
  }
  put2(text, y / 100);
  put2(text + 2, y % 100);
  text[4] = '-';
  put2(text + 5, static_cast<unsigned>(ymd.month()));
  text[7] = '-';
  put2(text + 8, static_cast<unsigned>(ymd.day()));
  text[10] = 'T';
  put2(text + 11, secs / 3600);
  text[13] = ':';
  put2(text + 14, secs / 60 % 60);
  text[16] = ':';
  put2(text + 17, secs % 60);
  text[19] = utc_offset.count() < 0 ? '-' : '+';
  put2(text + 20, off / 60);
  text[22] = ':';
  put2(text + 23, off % 60);
  out.append(text, text + 25);
}

std::optional<Instant> parse_instant(std::string_view text, std::string* error) {
  std::string why;
  auto parsed = parse_timestamp(text, why);
  if (parsed && !parsed->has_offset) {
    parsed.reset();
    why = "the time has no offset from UTC (add Z or +07:00)";
  }
  if (!parsed) {
    if (error) *error = why;
    return std::nullopt;
  }
  return parsed->utc;
}

std::string format_instant(Instant t, std::chrono::seconds utc_offset, bool z_for_utc) {
  return format_timestamp(t, utc_offset, z_for_utc);
}

}  // namespace sla
