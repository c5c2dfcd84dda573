#include "interpreter/diff/measures.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <bitset>

namespace sla::measures {

std::optional<std::int64_t> week_seconds(const CalendarInfo& c) {
  if (!c.calendar) return std::nullopt;
  if (c.union_of.empty()) {
    std::int64_t sum = 0;
    for (const auto& day : c.calendar->spec().weekly)
      for (const auto& i : day) sum += (i.end - i.start).count();
    return sum;
  }
  const Instant monday = date::sys_days(date::year{2026} / date::June / 1);
  std::int64_t most = 0;
  for (int week = 0; week < 4; ++week) {
    const Instant from = monday + date::days(7 * week);
    most = std::max<std::int64_t>(most, c.calendar->between(from, from + date::days(7)).count());
  }
  return most;
}

std::pair<std::chrono::seconds, std::chrono::seconds> week_difference(const CalendarSpec& x,
                                                                      const CalendarSpec& y) {
  constexpr int kMinutes = 7 * 1440;
  auto minutes = [](const CalendarSpec& s) {
    std::bitset<kMinutes> open;
    for (int d = 0; d < 7; ++d)
      for (const auto& i : s.weekly[static_cast<std::size_t>(d)])
        for (auto m = i.start.count() / 60; m < i.end.count() / 60; ++m)
          open.set(static_cast<std::size_t>((d * 1440 + m) % kMinutes));
    return open;
  };
  const auto a = minutes(x), b = minutes(y);
  return {std::chrono::minutes((a & ~b).count()), std::chrono::minutes((b & ~a).count())};
}

std::map<std::string, std::string> closures(const CalendarSpec& s) {
  std::map<std::string, std::string> out;
  for (const auto& h : s.holidays) {
    std::string what = h.hours.empty() ? "closed" : "special hours";
    if (!h.name.empty()) what += " (" + h.name + ")";
    out[fmt::format("{:04}-{:02}-{:02}", static_cast<int>(h.day.year()),
                    static_cast<unsigned>(h.day.month()), static_cast<unsigned>(h.day.day()))] =
        what;
  }
  return out;
}

std::optional<std::int64_t> target_seconds(const Target& t, const Model& m, const Package& p) {
  const std::string& cal = t.calendar.empty() ? p.calendar : t.calendar;
  const CalendarInfo* info = cal.empty() ? nullptr : m.calendar(cal);
  if (!t.within.business) return plain_seconds(t.within);
  if (!info) return std::nullopt;
  const auto s = to_seconds(t.within, *info);
  if (!s) return std::nullopt;
  return s->count();
}

std::optional<std::int64_t> plain_seconds(const DurationValue& d) {
  if (d.business) return std::nullopt;
  static constexpr std::int64_t unit[] = {60, 3600, 86400, 7 * 86400};
  return d.milli * unit[static_cast<int>(d.unit)] / 1000;
}

std::vector<std::pair<std::string, std::tuple<int, bool, std::int64_t>>> bands_of(
    const Package& p) {
  std::vector<std::pair<std::string, std::tuple<int, bool, std::int64_t>>> out;
  auto add_bands = [&](const std::vector<EscalationBand>& list, const std::string& for_whom) {
    for (const auto& b : list)
      out.push_back({for_whom + "|" + b.role + (b.when_no_response ? "|nr" : "") +
                         (b.when_not_resolved ? "|ns" : ""),
                     {static_cast<int>(b.from.unit), b.from.business, b.from.milli}});
  };
  if (p.escalation) add_bands(*p.escalation, "");
  for (const auto& l : p.ladders)
    add_bands(l.bands, fmt::format("{}", fmt::join(l.priorities, ",")));
  return out;
}

}  // namespace sla::measures
