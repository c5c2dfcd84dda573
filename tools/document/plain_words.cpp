#include "tools/document/plain_words.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <array>
#include <charconv>

namespace sla::cli {

namespace {

constexpr const char* month_names[] = {"January",   "February", "March",    "April",
                                       "May",       "June",     "July",     "August",
                                       "September", "October",  "November", "December"};
constexpr const char* weekday_names[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                         "Thursday", "Friday", "Saturday"};

std::string clock(long minutes) {
  return fmt::format("{:02}:{:02}", minutes / 60, minutes % 60);
}

std::string intervals_words(const std::vector<DailyInterval>& day) {
  std::vector<std::string> spans;
  for (const auto& h : day) {
    const long from = static_cast<long>(h.start.count() / 60);
    const long to = static_cast<long>(h.end.count() / 60);
    if (to > 1440)
      spans.push_back(fmt::format("{}\u2013{} the next day", clock(from), clock(to - 1440)));
    else
      spans.push_back(fmt::format("{}\u2013{}", clock(from), clock(to)));
  }
  return and_list(spans);
}

// Monday-first weekday names for a set of days: "Monday to Friday", "Monday,
// Wednesday and Friday", "Saturday and Sunday", "every day".
std::string days_words(const std::array<bool, 7>& days) {  // index 0 = Monday
  if (std::all_of(days.begin(), days.end(), [](bool b) { return b; })) return "every day";
  std::vector<std::string> parts;
  for (int i = 0; i < 7;) {
    if (!days[i]) {
      ++i;
      continue;
    }
    int j = i;
    while (j + 1 < 7 && days[j + 1]) ++j;
    const char* first = weekday_names[(i + 1) % 7];
    const char* last = weekday_names[(j + 1) % 7];
    if (j - i >= 2)
      parts.push_back(fmt::format("{} to {}", first, last));
    else if (j == i + 1) {
      parts.push_back(first);
      parts.push_back(last);
    } else {
      parts.push_back(first);
    }
    i = j + 1;
  }
  return and_list(parts);
}

std::string offset_words(Seconds offset) {
  const long minutes = static_cast<long>(offset.count() / 60);
  const long a = minutes < 0 ? -minutes : minutes;
  return fmt::format("UTC{}{:02}:{:02}", minutes < 0 ? "\u2212" : "+", a / 60, a % 60);
}

std::string number_words(std::int64_t milli) {
  if (milli % 1000 == 0) return fmt::format("{}", milli / 1000);
  std::string s = fmt::format("{}.{:03}", milli / 1000, milli % 1000);
  while (s.back() == '0') s.pop_back();
  return s;
}

}  // namespace

std::string long_date(std::string_view iso) {
  int y = 0, m = 0, d = 0;
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return std::string(iso);
  auto num = [&](std::size_t at, std::size_t n, int& out) {
    return std::from_chars(iso.data() + at, iso.data() + at + n, out).ec == std::errc();
  };
  if (!num(0, 4, y) || !num(5, 2, m) || !num(8, 2, d) || m < 1 || m > 12) return std::string(iso);
  return fmt::format("{} {} {}", d, month_names[m - 1], y);
}

std::string day_name(date::local_days day, bool with_year) {
  const date::year_month_day ymd{day};
  const date::weekday wd{day};
  std::string out =
      fmt::format("{} {} {}", weekday_names[wd.c_encoding()], static_cast<unsigned>(ymd.day()),
                  month_names[static_cast<unsigned>(ymd.month()) - 1]);
  if (with_year) out += fmt::format(" {}", static_cast<int>(ymd.year()));
  return out;
}

std::string clock_of(Instant t, const Calendar& calendar) {
  const auto local = calendar.to_local(t);
  const auto day = date::floor<date::days>(local);
  return clock(static_cast<long>((local - day).count() / 60));
}

std::string moment(Instant t, const Calendar& calendar, bool with_year) {
  if (t == Calendar::kNever) return "never";
  const auto local = calendar.to_local(t);
  const auto day = date::floor<date::days>(local);
  return fmt::format("{} at {}", day_name(day, with_year),
                     clock(static_cast<long>((local - day).count() / 60)));
}

std::string span_words(Seconds s) {
  long minutes = static_cast<long>(s.count() / 60);
  const long days = minutes / 1440;
  minutes %= 1440;
  const long hours = minutes / 60;
  minutes %= 60;
  std::vector<std::string> parts;
  if (days) parts.push_back(fmt::format("{} day{}", days, days == 1 ? "" : "s"));
  if (hours) parts.push_back(fmt::format("{} hour{}", hours, hours == 1 ? "" : "s"));
  if (minutes || parts.empty())
    parts.push_back(fmt::format("{} minute{}", minutes, minutes == 1 ? "" : "s"));
  return fmt::format("{}", fmt::join(parts, " "));
}

std::string and_list(const std::vector<std::string>& items, std::string_view last) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out += i + 1 == items.size() ? fmt::format(" {} ", last) : ", ";
    out += items[i];
  }
  return out;
}

std::string weekly_hours(const CalendarSpec& spec) {
  const DailyInterval whole{std::chrono::hours(0), std::chrono::hours(24)};
  bool always = true;
  for (const auto& day : spec.weekly) always = always && day.size() == 1 && day[0] == whole;
  if (always) return "24 hours a day, 7 days a week";
  std::vector<std::string> groups;
  std::array<bool, 7> done{};
  for (int i = 0; i < 7; ++i) {  // Monday first
    const auto& hours = spec.weekly[(i + 1) % 7];
    if (hours.empty() || done[i]) continue;
    std::array<bool, 7> same{};
    for (int j = i; j < 7; ++j)
      if (spec.weekly[(j + 1) % 7] == hours) same[j] = done[j] = true;
    groups.push_back(fmt::format("{}, {}", days_words(same), intervals_words(hours)));
  }
  if (groups.empty()) return "no regular opening hours";
  return fmt::format("{}", fmt::join(groups, "; "));
}

std::string closed_weekdays(const CalendarSpec& spec) {
  std::array<bool, 7> closed{};
  bool any = false;
  for (int i = 0; i < 7; ++i) any |= closed[i] = spec.weekly[(i + 1) % 7].empty();
  return any ? days_words(closed) : std::string();
}

std::string hours_words(Seconds s) {
  const long minutes = static_cast<long>(s.count() / 60);
  std::string out = fmt::format("{} hour{}", minutes / 60, minutes / 60 == 1 ? "" : "s");
  if (minutes % 60) out += fmt::format(" {} minute{}", minutes % 60, minutes % 60 == 1 ? "" : "s");
  return out;
}

std::string zone_words(const CalendarInfo& info, int year) {
  if (!info.calendar) return info.zone;
  const Calendar& cal = *info.calendar;
  using namespace date;
  const Instant january = sys_days(date::year(year) / January / 15);
  const Instant july = sys_days(date::year(year) / July / 15);
  const Seconds a = cal.utc_offset(january), b = cal.utc_offset(july);
  const bool fixed = info.zone.starts_with("UTC");
  std::string offsets;
  if (a == b)
    offsets = offset_words(a);
  else  // the larger offset is summer time, in either hemisphere
    offsets = fmt::format("{}, or {} under daylight saving time", offset_words(std::min(a, b)),
                          offset_words(std::max(a, b)));
  return fixed ? offsets : fmt::format("{} time ({})", info.zone, offsets);
}

std::string unit_words(std::string_view duration, const Wording& wording) {
  const std::size_t space = duration.find(' ');
  if (space == std::string_view::npos) return std::string(duration);
  return fmt::format("{} {}", duration.substr(0, space), wording.say(duration.substr(space + 1)));
}

std::string duration_words(const DurationValue& d, const CalendarInfo* calendar,
                           const Wording* wording) {
  static const Wording english;
  const Wording& w = wording ? *wording : english;
  std::string out = unit_words(d.text, w);
  if (!calendar) return out;
  const auto seconds = to_seconds(d, *calendar);
  if (!seconds) return out;
  if (d.business && (d.unit == TimeUnit::day || d.unit == TimeUnit::week))
    out += fmt::format(" ({} {})", number_words(seconds->count() * 1000 / 3600),
                       w.say(seconds->count() == 3600 ? "business hour" : "business hours"));
  else if (!d.business && d.unit == TimeUnit::hour && seconds->count() >= 2 * 86400 &&
           seconds->count() % 86400 == 0)
    out += fmt::format(" ({} {})", seconds->count() / 86400, w.say("calendar days"));
  return out;
}

std::string in_quotes(std::string_view text) {
  return fmt::format("\u201c{}\u201d", text);
}

}  // namespace sla::cli
