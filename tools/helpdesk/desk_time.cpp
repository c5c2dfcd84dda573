#include "tools/helpdesk/desk_time.hpp"

#include <cmath>

#include <fmt/format.h>
#include <algorithm>
#include <array>
#include <cctype>

namespace sla::cli {

namespace {

// "12/Jan/26 9:30 AM" (Jira's dd/MMM/yy h:mm a) as "2026-01-12T09:30:00"; empty
// when the text is not in that form.
std::string from_jira_format(std::string_view s) {
  static constexpr std::array<std::string_view, 12> months{
      "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
  std::size_t i = 0;
  auto number = [&](std::size_t max_digits, int& out) {
    const std::size_t start = i;
    out = 0;
    while (i < s.size() && i - start < max_digits && std::isdigit(static_cast<unsigned char>(s[i])))
      out = out * 10 + (s[i++] - '0');
    return i > start;
  };
  auto expect = [&](char c) { return i < s.size() && s[i] == c ? (++i, true) : false; };
  int day, year, hour, minute;
  if (!number(2, day) || !expect('/') || i + 3 > s.size()) return {};
  std::string month(s.substr(i, 3));
  for (char& c : month) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  unsigned m = 0;
  while (m < months.size() && months[m] != month) ++m;
  if (m == months.size()) return {};
  i += 3;
  if (!expect('/')) return {};
  const std::size_t year_start = i;
  if (!number(4, year)) return {};
  if (i - year_start == 2) year += 2000;  // "26": Jira's yy
  if (!expect(' ') || !number(2, hour) || !expect(':') || !number(2, minute)) return {};
  while (i < s.size() && s[i] == ' ') ++i;
  std::string meridiem(s.substr(i));
  for (char& c : meridiem) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (meridiem != "AM" && meridiem != "PM") return {};
  if (hour < 1 || hour > 12) return {};
  hour = hour % 12 + (meridiem == "PM" ? 12 : 0);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:00", year, m + 1, day, hour, minute);
}

}  // namespace

std::optional<Instant> desk_instant(std::string_view text, const Calendar& zone,
                                    std::string& error) {
  std::string s(text);
  if (!s.empty() && std::isdigit(static_cast<unsigned char>(s[0])) &&
      s.find('/') != std::string::npos) {
    std::string iso = from_jira_format(s);
    if (iso.empty()) {
      error = fmt::format(
          "'{}' is not a time (expected RFC 3339, 2026-01-12 09:30:00 or 12/Jan/26 9:30 AM)", text);
      return std::nullopt;
    }
    s = std::move(iso);
  }
  // Jira's REST API writes "+0700": the RFC 3339 reader wants "+07:00".
  if (s.size() > 5 && (s[s.size() - 5] == '+' || s[s.size() - 5] == '-') &&
      s.find('T') != std::string::npos && std::all_of(s.end() - 4, s.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c));
      })) {
    // Built anew rather than with insert(), which GCC 12 warns about (-Wrestrict).
    std::string fixed = s.substr(0, s.size() - 2);
    fixed += ':';
    fixed.append(s, s.size() - 2, 2);
    s = std::move(fixed);
  }
  std::string why;
  auto t = parse_local_instant(s, zone, why);
  if (!t) error = fmt::format("'{}': {}", text, why);
  return t;
}

std::optional<std::chrono::seconds> desk_seconds(double seconds) {
  constexpr double limit = 10'000.0 * 366 * 24 * 3600;
  if (!std::isfinite(seconds) || seconds > limit || seconds < -limit) return std::nullopt;
  return std::chrono::seconds(std::llround(seconds));
}

std::optional<Instant> desk_field_time(std::string_view text, std::string_view name,
                                       const Calendar& zone, std::string& error) {
  if (text.empty()) return std::nullopt;
  std::string why;
  auto at = desk_instant(text, zone, why);
  if (!at && error.empty()) error = fmt::format("{} {}", name, why);
  return at;
}

}  // namespace sla::cli
