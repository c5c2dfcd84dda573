#include "tools/document/plain_words.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <array>
#include <charconv>

namespace sla::cli {

namespace {

std::string month_word(unsigned month, const Wording& w) {  // 1 is January
  switch (month) {
    case 1:
      return w.say("January");
    case 2:
      return w.say("February");
    case 3:
      return w.say("March");
    case 4:
      return w.say("April");
    case 5:
      return w.say("May");
    case 6:
      return w.say("June");
    case 7:
      return w.say("July");
    case 8:
      return w.say("August");
    case 9:
      return w.say("September");
    case 10:
      return w.say("October");
    case 11:
      return w.say("November");
    default:
      return w.say("December");
  }
}

std::string intervals_words(const std::vector<DailyInterval>& day, const Wording& w) {
  std::vector<std::string> spans;
  for (const auto& h : day) {
    const long from = static_cast<long>(h.start.count() / 60);
    const long to = static_cast<long>(h.end.count() / 60);
    if (to > 1440)
      spans.push_back(
          w.say("{}\u2013{} the next day", clock_words(from, w), clock_words(to - 1440, w)));
    else
      spans.push_back(fmt::format("{}\u2013{}", clock_words(from, w), clock_words(to, w)));
  }
  return and_list(spans, w);
}

// Monday-first weekday names for a set of days: "Monday to Friday", "Monday,
// Wednesday and Friday", "Saturday and Sunday", "every day".
std::string days_words(const std::array<bool, 7>& days, const Wording& w) {  // 0 = Monday
  if (std::all_of(days.begin(), days.end(), [](bool b) { return b; })) return w.say("every day");
  std::vector<std::string> parts;
  for (int i = 0; i < 7;) {
    if (!days[i]) {
      ++i;
      continue;
    }
    int j = i;
    while (j + 1 < 7 && days[j + 1]) ++j;
    const std::string first = weekday_word(static_cast<unsigned>((i + 1) % 7), w);
    const std::string last = weekday_word(static_cast<unsigned>((j + 1) % 7), w);
    if (j - i >= 2) {
      // TRANSLATORS: a range of weekdays: "Monday to Friday".
      parts.push_back(w.say("{} to {}", first, last));
    } else if (j == i + 1) {
      parts.push_back(first);
      parts.push_back(last);
    } else {
      parts.push_back(first);
    }
    i = j + 1;
  }
  return and_list(parts, w);
}

// The items before the last of a list of three or more: "a, b".
std::string list_head(const std::vector<std::string>& items) {
  std::string head = items[0];
  for (std::size_t i = 1; i + 1 < items.size(); ++i) head += ", " + items[i];
  return head;
}

// A duration's unit as the checker writes it ("business hours"), in `w`'s words.
std::string unit_word(std::string_view unit, const Wording& w) {
  if (unit == "minute") return w.say("minute");
  if (unit == "minutes") return w.say("minutes");
  if (unit == "hour") return w.say("hour");
  if (unit == "hours") return w.say("hours");
  if (unit == "day") return w.say("day");
  if (unit == "days") return w.say("days");
  if (unit == "week") return w.say("week");
  if (unit == "weeks") return w.say("weeks");
  if (unit == "business minute") return w.say("business minute");
  if (unit == "business minutes") return w.say("business minutes");
  if (unit == "business hour") return w.say("business hour");
  if (unit == "business hours") return w.say("business hours");
  if (unit == "business day") return w.say("business day");
  if (unit == "business days") return w.say("business days");
  if (unit == "business week") return w.say("business week");
  if (unit == "business weeks") return w.say("business weeks");
  return w.say(unit);
}

}  // namespace

std::string weekday_word(unsigned c_encoding, const Wording& w) {
  switch (c_encoding % 7) {
    case 0:
      return w.say("Sunday");
    case 1:
      return w.say("Monday");
    case 2:
      return w.say("Tuesday");
    case 3:
      return w.say("Wednesday");
    case 4:
      return w.say("Thursday");
    case 5:
      return w.say("Friday");
    default:
      return w.say("Saturday");
  }
}

std::string clock_words(long minutes, const Wording& w) {
  // TRANSLATORS: a time of day, hours and minutes: "16:30".
  return w.say("{:02}:{:02}", minutes / 60, minutes % 60);
}

std::string long_date(std::string_view iso, const Wording& w) {
  int y = 0, m = 0, d = 0;
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return std::string(iso);
  auto num = [&](std::size_t at, std::size_t n, int& out) {
    return std::from_chars(iso.data() + at, iso.data() + at + n, out).ec == std::errc();
  };
  if (!num(0, 4, y) || !num(5, 2, m) || !num(8, 2, d) || m < 1 || m > 12) return std::string(iso);
  // TRANSLATORS: a date: day, month name, year: "1 January 2025".
  return w.say("{0} {1} {2}", d, month_word(static_cast<unsigned>(m), w), y);
}

std::string day_name(date::local_days day, bool with_year, const Wording& w) {
  const date::year_month_day ymd{day};
  const std::string weekday = weekday_word(date::weekday{day}.c_encoding(), w);
  const unsigned d = static_cast<unsigned>(ymd.day());
  const std::string month = month_word(static_cast<unsigned>(ymd.month()), w);
  if (with_year)
    // TRANSLATORS: a date with its weekday: weekday, day, month name, year:
    // "Friday 9 January 2026".
    return w.say("{} {} {} {}", weekday, d, month, static_cast<int>(ymd.year()));
  // TRANSLATORS: a date with its weekday, without the year: "Friday 9 January".
  return w.say("{} {} {}", weekday, d, month);
}

std::string clock_of(Instant t, const Calendar& calendar, const Wording& w) {
  const auto local = calendar.to_local(t);
  const auto day = date::floor<date::days>(local);
  return clock_words(static_cast<long>((local - day).count() / 60), w);
}

std::string moment(Instant t, const Calendar& calendar, bool with_year, const Wording& w) {
  if (t == Calendar::kNever) return w.say("never");
  const auto local = calendar.to_local(t);
  const auto day = date::floor<date::days>(local);
  // TRANSLATORS: a date, then a time of day: "Friday 9 January 2026 at 16:30".
  return w.say("{} at {}", day_name(day, with_year, w),
               clock_words(static_cast<long>((local - day).count() / 60), w));
}

std::string span_words(Seconds s, const Wording& w) {
  long minutes = static_cast<long>(s.count() / 60);
  const long days = minutes / 1440;
  minutes %= 1440;
  const long hours = minutes / 60;
  minutes %= 60;
  std::vector<std::string> parts;
  if (days) parts.push_back(days == 1 ? w.say("{} day", days) : w.say("{} days", days));
  if (hours) parts.push_back(hours == 1 ? w.say("{} hour", hours) : w.say("{} hours", hours));
  if (minutes || parts.empty())
    parts.push_back(minutes == 1 ? w.say("{} minute", minutes) : w.say("{} minutes", minutes));
  return fmt::format("{}", fmt::join(parts, " "));
}

std::string and_list(const std::vector<std::string>& items, const Wording& w) {
  if (items.size() < 2) return items.empty() ? std::string() : items[0];
  if (items.size() == 2) return w.say("{} and {}", items[0], items[1]);
  // TRANSLATORS: the last item of a list of three or more: "Monday, Tuesday" and
  // "Friday".
  return w.say("{0} and {1}", list_head(items), items.back());
}

std::string or_list(const std::vector<std::string>& items, const Wording& w) {
  if (items.size() < 2) return items.empty() ? std::string() : items[0];
  if (items.size() == 2) return w.say("{} or {}", items[0], items[1]);
  // TRANSLATORS: the last item of a list of three or more: "a, b" or "c".
  return w.say("{0} or {1}", list_head(items), items.back());
}

std::string then_list(const std::vector<std::string>& items, const Wording& w) {
  // TRANSLATORS: the steps of an escalation, in order.
  if (items.size() < 2) return items.empty() ? std::string() : items[0];
  if (items.size() == 2) return w.say("{} then {}", items[0], items[1]);
  // TRANSLATORS: the last step of an escalation of three or more steps.
  return w.say("{0} then {1}", list_head(items), items.back());
}

std::string weekly_hours(const CalendarSpec& spec, const Wording& w) {
  const DailyInterval whole{std::chrono::hours(0), std::chrono::hours(24)};
  bool always = true;
  for (const auto& day : spec.weekly) always = always && day.size() == 1 && day[0] == whole;
  if (always) return w.say("24 hours a day, 7 days a week");
  std::vector<std::string> groups;
  std::array<bool, 7> done{};
  for (int i = 0; i < 7; ++i) {  // Monday first
    const auto& hours = spec.weekly[(i + 1) % 7];
    if (hours.empty() || done[i]) continue;
    std::array<bool, 7> same{};
    for (int j = i; j < 7; ++j)
      if (spec.weekly[(j + 1) % 7] == hours) same[j] = done[j] = true;
    groups.push_back(fmt::format("{}, {}", days_words(same, w), intervals_words(hours, w)));
  }
  if (groups.empty()) return w.say("no regular opening hours");
  return fmt::format("{}", fmt::join(groups, "; "));
}

std::string closed_weekdays(const CalendarSpec& spec, const Wording& w) {
  std::array<bool, 7> closed{};
  bool any = false;
  for (int i = 0; i < 7; ++i) any |= closed[i] = spec.weekly[(i + 1) % 7].empty();
  return any ? days_words(closed, w) : std::string();
}

std::string hours_words(Seconds s, const Wording& w) {
  const long minutes = static_cast<long>(s.count() / 60);
  const long h = minutes / 60, m = minutes % 60;
  const std::string mins = m == 1 ? w.say("{} minute", m) : w.say("{} minutes", m);
  if (h == 0 && m) return mins;  // "30 minutes", not "0 hours 30 minutes"
  std::string out = h == 1 ? w.say("{} hour", h) : w.say("{} hours", h);
  if (m) out += " " + mins;
  return out;
}

std::string offset_words(Seconds offset, const Wording& w) {
  const long minutes = static_cast<long>(offset.count() / 60);
  const long a = minutes < 0 ? -minutes : minutes;
  // TRANSLATORS: an offset from UTC: sign, hours, minutes: "UTC+07:00".
  return w.say("UTC{}{:02}:{:02}", minutes < 0 ? "\u2212" : "+", a / 60, a % 60);
}

std::string zone_words(const CalendarInfo& info, int year, const Wording& w) {
  if (!info.calendar) return info.zone;
  const Calendar& cal = *info.calendar;
  using namespace date;
  const Instant january = sys_days(date::year(year) / January / 15);
  const Instant july = sys_days(date::year(year) / July / 15);
  const Seconds a = cal.utc_offset(january), b = cal.utc_offset(july);
  const bool fixed = info.zone.starts_with("UTC");
  std::string offsets;
  if (a == b)
    offsets = offset_words(a, w);
  else  // the larger offset is summer time, in either hemisphere
    offsets = w.say("{}, or {} under daylight saving time", offset_words(std::min(a, b), w),
                    offset_words(std::max(a, b), w));
  // TRANSLATORS: a time zone and its offsets: "Asia/Jakarta time (UTC+07:00)".
  return fixed ? offsets : w.say("{} time ({})", info.zone, offsets);
}

std::string unit_words(std::string_view duration, const Wording& wording) {
  const std::size_t space = duration.find(' ');
  if (space == std::string_view::npos) return std::string(duration);
  std::string number(duration.substr(0, space));
  if (const std::size_t dot = number.find('.'); dot != std::string::npos)
    number = wording.say("{}.{}", number.substr(0, dot), number.substr(dot + 1));
  return fmt::format("{} {}", number, unit_word(duration.substr(space + 1), wording));
}

std::string number_words(std::int64_t milli, const Wording& w) {
  if (milli % 1000 == 0) return fmt::format("{}", milli / 1000);
  std::string fraction = fmt::format("{:03}", milli % 1000);
  while (fraction.back() == '0') fraction.pop_back();
  // TRANSLATORS: a decimal number: whole part, fraction: "7.5".
  return w.say("{}.{}", milli / 1000, fraction);
}

std::string money_words(const Money& money, const Wording& w) {
  const std::int64_t whole = money.milli / 1000;
  const std::string digits = fmt::format("{}", whole);
  // TRANSLATORS: the separator of thousands in an amount of money: "216,000,000".
  const std::string thousands = w.say(",");
  std::string grouped;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) grouped += thousands;
    grouped += digits[i];
  }
  // Exact: cents as two digits ("1.50"), a third digit only when the contract has one.
  const std::int64_t fraction = money.milli % 1000;
  if (fraction % 10 != 0)
    grouped = w.say("{}.{}", grouped, fmt::format("{:03}", fraction));
  else if (fraction != 0)
    grouped = w.say("{}.{}", grouped, fmt::format("{:02}", fraction / 10));
  return fmt::format("{} {}", money.currency, grouped);
}

std::string percent_words(std::int64_t milli, const Wording& w) {
  // TRANSLATORS: a percentage: "99 %".
  return w.say("{} %", number_words(milli, w));
}

std::string duration_words(const DurationValue& d, const CalendarInfo* calendar,
                           const Wording* wording) {
  const Wording& w = wording ? *wording : english();
  std::string out = unit_words(d.text, w);
  if (!calendar) return out;
  const auto seconds = to_seconds(d, *calendar);
  if (!seconds) return out;
  if (d.business && (d.unit == TimeUnit::day || d.unit == TimeUnit::week))
    out += fmt::format(" ({} {})", number_words(seconds->count() * 1000 / 3600, w),
                       seconds->count() == 3600 ? w.say("business hour") : w.say("business hours"));
  else if (!d.business && d.unit == TimeUnit::hour && seconds->count() >= 2 * 86400 &&
           seconds->count() % 86400 == 0)
    out += fmt::format(" ({} {})", seconds->count() / 86400, w.say("calendar days"));
  return out;
}

std::string in_quotes(std::string_view text) {
  return fmt::format("\u201c{}\u201d", text);
}

}  // namespace sla::cli
