#include "tools/calendar_export/calendar_days.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <memory>
#include <set>

namespace sla::cli {

namespace {

using std::chrono::hours;
using std::chrono::seconds;

// The same calendar without any dated rule, its members' included: the hours a
// union keeps when no holiday falls.
std::shared_ptr<const Calendar> without_holidays(const Calendar& calendar) {
  CalendarSpec spec = calendar.spec();
  spec.holidays.clear();
  for (auto& member : spec.members) member = without_holidays(*member);
  return std::make_shared<const Calendar>(std::move(spec));
}

// Every dated rule of the calendar's members, and of theirs, each with the member.
void member_rules(const Calendar& calendar, std::vector<const HolidayRule*>& out) {
  for (const auto& rule : calendar.spec().holidays) out.push_back(&rule);
  for (const auto& member : calendar.spec().members) member_rules(*member, out);
}

std::vector<Opening> open_between(const Calendar& calendar, Instant from, Instant to) {
  std::vector<Opening> out;
  for (Instant t = from; t < to;) {
    const Instant open = calendar.next_opening(t);
    if (open >= to) break;
    const Instant close = std::min(calendar.next_closing(open), to);
    if (close <= open) break;
    out.push_back({open, close});
    t = close;
  }
  return out;
}

std::string clock_text(seconds s) {
  const auto minutes = s.count() / 60;
  return fmt::format("{:02}:{:02}", minutes / 60, minutes % 60);
}

}  // namespace

std::string hours_text(const DailyInterval& interval) {
  const seconds end = interval.end > hours(24) ? interval.end - hours(24) : interval.end;
  return fmt::format("{}-{}", clock_text(interval.start), clock_text(end));
}

std::vector<DatedDay> dated_days(const Calendar& calendar, date::local_days first,
                                 date::local_days last) {
  std::vector<DatedDay> out;
  const CalendarSpec& spec = calendar.spec();
  if (spec.members.empty()) {
    for (const auto& rule : spec.holidays) {
      const date::local_days day{rule.day};
      if (first <= day && day <= last) out.push_back({day, rule.name, rule.hours, rule.tentative});
    }
    std::sort(out.begin(), out.end(), [](auto& a, auto& b) { return a.day < b.day; });
    return out;
  }
  // A union: the days around each member's holiday (a member's local day is not
  // the union's in another zone) on which the union's hours differ from its usual.
  std::vector<const HolidayRule*> rules;
  member_rules(calendar, rules);
  std::set<date::local_days> candidates;
  for (const HolidayRule* rule : rules)
    for (int k = -1; k <= 1; ++k) {
      const date::local_days day = date::local_days{rule->day} + date::days{k};
      if (first <= day && day <= last) candidates.insert(day);
    }
  if (candidates.empty()) return out;
  const auto usual = without_holidays(calendar);
  for (const date::local_days day : candidates) {
    const Instant from = calendar.to_instant(day), to = calendar.to_instant(day + date::days{1});
    const auto open = open_between(calendar, from, to);
    const auto normally = open_between(*usual, from, to);
    const bool same = open.size() == normally.size() &&
                      std::equal(open.begin(), open.end(), normally.begin(), [](auto& a, auto& b) {
                        return a.start == b.start && a.end == b.end;
                      });
    if (same) continue;
    // Named after the members' holidays of that day, else of the day before or after.
    std::vector<std::string> names;
    bool tentative = true;
    for (int distance : {0, -1, 1}) {
      for (const HolidayRule* rule : rules)
        if (date::local_days{rule->day} == day + date::days{distance}) {
          tentative = tentative && rule->tentative;
          if (std::find(names.begin(), names.end(), rule->name) == names.end())
            names.push_back(rule->name);
        }
      if (!names.empty()) break;
    }
    DatedDay d{day, fmt::format("{}", fmt::join(names, " / ")), {}, !names.empty() && tentative};
    for (const auto& o : open)
      d.hours.push_back({calendar.to_local(o.start) - date::local_seconds{day},
                         calendar.to_local(o.end) - date::local_seconds{day}});
    out.push_back(std::move(d));
  }
  return out;
}

std::vector<Opening> openings(const Calendar& calendar, date::local_days first,
                              date::local_days last) {
  const Instant from = calendar.to_instant(first);
  const Instant to = calendar.to_instant(last + date::days{1});
  std::vector<Opening> out;
  for (const Opening& o : open_between(calendar, from, to)) {
    if (o.end - o.start <= hours(24)) {
      out.push_back(o);
      continue;
    }
    for (Instant t = o.start; t < o.end;) {
      const auto midnight = std::chrono::floor<date::days>(calendar.to_local(t)) + date::days{1};
      Instant next = std::min(calendar.to_instant(midnight), o.end);
      if (next <= t) next = std::min(t + hours(24), o.end);  // a day without a midnight
      out.push_back({t, next});
      t = next;
    }
  }
  return out;
}

}  // namespace sla::cli
