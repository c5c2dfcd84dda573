// Differential test: the compiled calendar against the minute-stepping oracle on
// random calendars (zones with and without DST, weekly hours with overnight and
// minute-granular intervals, closed and special-hours holidays) and random queries.
//
// Environment: SLA_DIFF_CASES (default 100000), SLA_DIFF_SEED (default 1),
// SLA_DIFF_CALENDAR (run only that calendar index, to replay a reported failure).
#define BOOST_TEST_MODULE time_differential
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include <date/date.h>
#include <date/tz.h>
#include <fmt/core.h>

#include "interpreter/time/calendar.hpp"
#include "tests/time/oracle.hpp"

namespace {

using sla::CalendarSpec;
using sla::DailyInterval;
using sla::HolidayRule;
using sla::Instant;
using sla::Seconds;
using std::chrono::hours;
using std::chrono::minutes;

constexpr int kCasesPerCalendar = 50;
constexpr auto kWindow = date::days{60};
constexpr auto kQuerySpan = date::days{30};

std::int64_t env_int(const char* name, std::int64_t fallback) {
  const char* value = std::getenv(name);
  if (value == nullptr || *value == '\0') return fallback;
  return std::strtoll(value, nullptr, 10);
}

std::uint64_t mix(std::uint64_t x) {  // splitmix64: independent seeds per calendar
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

class Rng {
 public:
  explicit Rng(std::uint64_t seed) : engine_(seed) {}
  std::int64_t uniform(std::int64_t lo, std::int64_t hi) {  // inclusive
    return std::uniform_int_distribution<std::int64_t>(lo, hi)(engine_);
  }
  bool chance(double p) { return std::uniform_real_distribution<double>(0, 1)(engine_) < p; }
  template <class T>
  const T& pick(const std::vector<T>& items) {
    return items[static_cast<std::size_t>(uniform(0, static_cast<std::int64_t>(items.size()) - 1))];
  }

 private:
  std::mt19937_64 engine_;
};

struct ZoneChoice {
  std::string name;  // empty: fixed offset
  minutes offset{0};
};

const std::vector<ZoneChoice>& zones() {
  static const std::vector<ZoneChoice> all = {
      {"America/New_York"},  {"Europe/Berlin"},
      {"Australia/Sydney"},  {"America/Santiago"},
      {"Pacific/Auckland"},  {"Asia/Kolkata"},
      {"Asia/Jakarta"},      {"Australia/Lord_Howe"},
      {"America/St_Johns"},  {"Europe/London"},
      {"Asia/Kathmandu"},    {"America/Los_Angeles"},
      {"", minutes{7 * 60}}, {"", minutes{-(3 * 60 + 30)}},
      {"", minutes{0}},      {"", minutes{13 * 60 + 45}},
  };
  return all;
}

// Wall times (minutes after midnight) to put interval ends on.
using Tricky = std::vector<int>;

const Tricky kUsualTricky = {0, 30, 60, 90, 120, 150, 180, 210, 1380, 1410};

// A DST change in the window: when, on which local day, and the wall times around
// its gap or repeat.
struct Change {
  Instant at;
  date::local_days day;
  Tricky walls;
};

std::vector<Change> changes_in(const std::string& zone, Instant begin, Instant end) {
  std::vector<Change> changes;
  if (zone.empty()) return changes;
  const date::time_zone* tz = date::locate_zone(zone);
  for (date::sys_info info = tz->get_info(begin); info.end < end; info = tz->get_info(info.end)) {
    const date::sys_info next = tz->get_info(info.end);
    const auto wall = [&](Seconds offset) {
      return date::local_seconds{info.end.time_since_epoch() + offset};
    };
    const auto minute_of_day = [](date::local_seconds t) {
      return static_cast<int>((t - date::floor<date::days>(t)).count() / 60);
    };
    const int lo = minute_of_day(wall(std::min(info.offset, next.offset)));
    const int hi = minute_of_day(wall(std::max(info.offset, next.offset)));
    Change change{info.end, date::floor<date::days>(wall(info.offset)), {}};
    for (int m : {lo - 1, lo, lo + 1, (lo + hi) / 2, hi - 1, hi, hi + 1}) {
      change.walls.push_back(((m % 1440) + 1440) % 1440);
    }
    changes.push_back(std::move(change));
  }
  return changes;
}

Seconds pick_time(Rng& rng, const Tricky& tricky) {
  if (rng.chance(0.4)) return minutes{rng.pick(tricky)};
  return minutes{rng.uniform(0, 1439)};
}

DailyInterval pick_interval(Rng& rng, const Tricky& tricky) {
  const Seconds start = pick_time(rng, tricky);
  Seconds end;
  const auto style = rng.uniform(0, 9);
  if (style < 3) {
    end = start + minutes{rng.uniform(1, 60)};
  } else if (style < 7) {
    end = start + minutes{rng.uniform(1, 12 * 60)};
  } else if (style < 9) {
    end = start + minutes{rng.uniform(1, 24 * 60)};
  } else {
    const auto style_end = rng.uniform(0, 3);
    end = style_end == 0   ? Seconds{hours{24}}
          : style_end == 1 ? Seconds{hours{48}}
                           : pick_time(rng, tricky) + hours{style_end == 2 ? 0 : 24};
  }
  if (end <= start) end = start + minutes{1};
  if (end > hours{48}) end = hours{48};
  return {start, end};
}

std::vector<DailyInterval> pick_day(Rng& rng, const Tricky& tricky) {
  std::vector<DailyInterval> day;
  const auto count = rng.uniform(0, 3);
  for (int k = 0; k < count; ++k) day.push_back(pick_interval(rng, tricky));
  return day;
}

// One to three intervals with most ends on the given wall times.
std::vector<DailyInterval> pick_focused_day(Rng& rng, const Tricky& walls) {
  std::vector<DailyInterval> day;
  const auto count = rng.uniform(1, 3);
  for (int k = 0; k < count; ++k) {
    const auto wall = [&] {
      return rng.chance(0.8) ? Seconds{minutes{rng.pick(walls)}} : minutes{rng.uniform(0, 1439)};
    };
    const Seconds start = wall();
    Seconds end = wall();
    if (end <= start) end += hours{24};
    if (rng.chance(0.3)) end = start + minutes{rng.uniform(1, 180)};
    day.push_back({start, end});
  }
  return day;
}

void pick_weekly(Rng& rng, CalendarSpec& spec, const Tricky& tricky) {
  const auto kind = rng.uniform(0, 11);
  auto& w = spec.weekly;
  if (kind == 0) {  // office hours, same every working day
    const DailyInterval iv{minutes{rng.uniform(6 * 60, 11 * 60)},
                           minutes{rng.uniform(13 * 60, 20 * 60)}};
    for (int d = 1; d <= 5; ++d) w[d] = {iv};
  } else if (kind == 1) {  // 24x7
    for (auto& day : w) day = {{Seconds{0}, hours{24}}};
  } else if (kind == 2) {  // 24x5, opening Sunday evening, closing Friday evening
    w[0] = {{minutes{rng.uniform(12 * 60, 23 * 60)}, hours{24}}};
    for (int d = 1; d <= 4; ++d) w[d] = {{Seconds{0}, hours{24}}};
    w[5] = {{Seconds{0}, minutes{rng.uniform(12 * 60, 23 * 60)}}};
  } else if (kind == 3) {  // overnight desk
    const DailyInterval iv{minutes{rng.uniform(18 * 60, 23 * 60 + 59)},
                           minutes{rng.uniform(24 * 60 + 1, 32 * 60)}};
    for (int d = 0; d < 7; ++d) {
      if (rng.chance(0.8)) w[d] = {iv};
    }
  } else if (kind == 4) {  // holidays only
  } else if (kind == 5) {  // one short opening a week
    const Seconds start = pick_time(rng, tricky);
    w[rng.uniform(0, 6)] = {{start, start + minutes{rng.uniform(1, 90)}}};
  } else {
    for (auto& day : w) day = pick_day(rng, tricky);
  }
}

void pick_holidays(Rng& rng, CalendarSpec& spec, Instant window_begin, const Tricky& tricky) {
  const auto count = rng.uniform(0, 8);
  const date::local_days first =
      date::floor<date::days>(date::local_seconds{window_begin.time_since_epoch()});
  for (int k = 0; k < count; ++k) {
    HolidayRule rule;
    rule.day = date::year_month_day{first + date::days{rng.uniform(-3, kWindow.count() + 2)}};
    rule.name = fmt::format("h{}", k);
    if (rng.chance(0.4)) rule.hours = pick_day(rng, tricky);
    spec.holidays.push_back(rule);
    if (rng.chance(0.1)) {  // a second rule for the same day (overlapping holiday sets)
      HolidayRule twin{rule.day, rule.name + "b", {}};
      if (rng.chance(0.5)) twin.hours = pick_day(rng, tricky);
      spec.holidays.push_back(twin);
    }
  }
}

// A window start near something interesting in the zone: a DST change, a New
// Year, or anywhere in 2024-2028.
Instant pick_window_begin(Rng& rng, const std::string& zone) {
  const Instant lo = date::sys_days{date::year{2024} / 1 / 1};
  const Instant hi = date::sys_days{date::year{2028} / 10 / 1};
  Instant focus = lo + Seconds{rng.uniform(0, (hi - lo).count())};
  const auto style = rng.uniform(0, 2);
  if (style == 1 && !zone.empty()) {
    const Instant change = date::locate_zone(zone)->get_info(focus).end;
    if (change < hi) focus = change;  // the next DST change, if the zone has one
  } else if (style == 2) {
    focus = date::sys_days{date::year{static_cast<int>(rng.uniform(2025, 2028))} / 1 / 1};
  }
  Instant begin = focus - Seconds{rng.uniform(0, 20 * 86400)};
  begin = std::clamp(begin, lo, hi);
  return date::floor<minutes>(begin);
}

std::string show(std::optional<Instant> t) {
  if (!t) return "none";
  if (*t == sla::Calendar::kNever) return "never";
  if (*t == sla::Calendar::kNeverBefore) return "never before";
  return date::format("%FT%TZ", *t);
}

std::string show_hours(const std::vector<DailyInterval>& hours) {
  std::string out;
  for (const auto& iv : hours) {
    out += fmt::format(" [{:02}:{:02}-{:02}:{:02})", iv.start.count() / 3600,
                       iv.start.count() / 60 % 60, iv.end.count() / 3600, iv.end.count() / 60 % 60);
  }
  return out.empty() ? " closed" : out;
}

std::string describe(const CalendarSpec& spec, const sla::test::Oracle& oracle) {
  std::string out = fmt::format(
      "  zone: {}\n  window: {} .. {}\n",
      spec.zone.empty() ? fmt::format("fixed {} min", spec.fixed_offset.count()) : spec.zone,
      show(oracle.begin()), show(oracle.end()));
  static const char* names[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  for (int d = 0; d < 7; ++d) out += fmt::format("  {}:{}\n", names[d], show_hours(spec.weekly[d]));
  for (const auto& h : spec.holidays) {
    out += fmt::format("  holiday {}:{}\n", date::format("%F", h.day), show_hours(h.hours));
  }
  return out;
}

struct Totals {
  std::int64_t cases = 0;
  std::int64_t comparisons = 0;
  std::int64_t disagreements = 0;
};

class CalendarRun {
 public:
  CalendarRun(std::uint64_t seed, std::int64_t index, Totals& totals)
      : rng_(mix(seed ^ mix(static_cast<std::uint64_t>(index)))),
        seed_(seed),
        index_(index),
        totals_(totals),
        zone_(rng_.pick(zones())),
        window_begin_(pick_window_begin(rng_, zone_.name)),
        changes_(changes_in(zone_.name, window_begin_, window_begin_ + kWindow)),
        spec_(make_spec()),
        oracle_(spec_, window_begin_, window_begin_ + kWindow),
        calendar_(spec_) {}

  void run_case(int case_index) {
    case_ = case_index;
    const Instant t = pick_start();
    const Instant end = oracle_.end();
    compare("is_open", t, std::nullopt, oracle_.is_open(t), calendar_.is_open(t));
    check_instant("next_opening", t, std::nullopt, oracle_.next_opening(t),
                  calendar_.next_opening(t));
    check_instant("next_closing", t, std::nullopt, oracle_.next_closing(t),
                  calendar_.next_closing(t));

    const Seconds available = oracle_.between(t, end);
    std::vector<Seconds> durations = {Seconds{0}};
    if (available > Seconds{0}) {
      durations.push_back(
          Seconds{rng_.uniform(1, std::min<std::int64_t>(available.count(), 8 * 3600))});
      durations.push_back(Seconds{rng_.uniform(1, available.count())});
      durations.push_back(
          minutes{rng_.uniform(1, std::max<std::int64_t>(1, available.count() / 60))});
      // Exactly the open time up to a closing: must land on that closing.
      if (const auto closing = oracle_.next_closing(t)) {
        durations.push_back(oracle_.between(t, *closing));
        if (const auto later = oracle_.next_closing(*closing)) {
          durations.push_back(oracle_.between(t, *later));
        }
      }
    } else {
      durations.push_back(Seconds{rng_.uniform(1, 40 * 3600)});
    }
    for (const Seconds d : durations) {
      if (d > available) continue;  // the oracle cannot see past its window
      const std::optional<Instant> expected = oracle_.add(t, d);
      const Instant actual = calendar_.add(t, d);
      check_instant("add", t, d, expected, actual);
      if (expected && actual <= end) {
        compare("between(t, add(t, d)) == d", t, d, d.count(),
                calendar_.between(t, actual).count());
      }
    }
    if (available == Seconds{0}) {
      const Seconds d = durations.back();
      check_instant("add (past window)", t, d, std::nullopt, calendar_.add(t, d));
    }

    // Subtraction, back towards the window's start: random spans, and exactly the
    // open time back to an opening (the latest start is that opening itself).
    const Seconds behind = oracle_.between(oracle_.begin(), t);
    std::vector<Seconds> back = {Seconds{0}};
    if (behind > Seconds{0}) {
      back.push_back(Seconds{rng_.uniform(1, std::min<std::int64_t>(behind.count(), 8 * 3600))});
      back.push_back(Seconds{rng_.uniform(1, behind.count())});
      const Instant earlier = t - Seconds{rng_.uniform(0, (t - oracle_.begin()).count())};
      if (const auto opening = oracle_.next_opening(earlier); opening && *opening < t)
        back.push_back(oracle_.between(*opening, t));
    }
    for (const Seconds d : back) {
      if (d > behind) continue;  // the oracle cannot see before its window
      const std::optional<Instant> expected = oracle_.subtract(t, d);
      const Instant actual = calendar_.subtract(t, d);
      ++totals_.comparisons;
      if (!expected || actual != *expected) {
        report("subtract", t, d, show(expected), show(actual));
      } else {
        compare("between(subtract(t, d), t) == d", t, d, d.count(),
                calendar_.between(actual, t).count());
      }
    }

    const Instant to = t + Seconds{rng_.uniform(-3600, (end - t).count())};
    const Seconds expected = to <= t ? Seconds{0} : oracle_.between(t, to);
    compare("between", t, to - t, expected.count(), calendar_.between(t, to).count());
    ++totals_.cases;
  }

 private:
  CalendarSpec make_spec() {
    CalendarSpec spec;
    spec.name = fmt::format("random-{}", index_);
    spec.zone = zone_.name;
    spec.fixed_offset = zone_.offset;
    Tricky tricky = kUsualTricky;
    for (const Change& c : changes_) tricky.insert(tricky.end(), c.walls.begin(), c.walls.end());
    pick_weekly(rng_, spec, tricky);
    pick_holidays(rng_, spec, window_begin_, tricky);
    if (!changes_.empty() && rng_.chance(0.4)) {
      // Aim at one change: hours ending in its gap or repeat, on its weekday or as
      // special hours of its very day.
      const Change& c = rng_.pick(changes_);
      if (rng_.chance(0.5)) {
        spec.weekly[date::weekday{c.day}.c_encoding()] = pick_focused_day(rng_, c.walls);
      } else {
        spec.holidays.push_back(
            {date::year_month_day{c.day}, "change", pick_focused_day(rng_, c.walls)});
      }
    }
    return spec;
  }

  Instant pick_start() {
    const Instant lo = oracle_.begin();
    const auto span_minutes = std::chrono::duration_cast<minutes>(kQuerySpan).count();
    const Instant minute = lo + minutes{rng_.uniform(0, span_minutes - 1)};
    const auto style = rng_.uniform(0, 9);
    if (style < 2 && !changes_.empty()) {  // shortly before a DST change
      const Instant near = rng_.pick(changes_).at - minutes{rng_.uniform(0, 36 * 60)};
      if (near >= lo && near < lo + kQuerySpan) return near;
    }
    if (style < 6) return minute;
    if (style < 8) return minute + Seconds{rng_.uniform(1, 59)};
    // On or next to a boundary of the opening hours.
    std::optional<Instant> edge =
        rng_.chance(0.5) ? oracle_.next_closing(minute) : oracle_.next_opening(minute);
    if (!edge || *edge >= lo + kQuerySpan) return minute;
    return *edge + Seconds{rng_.uniform(-1, 1)};
  }

  template <class T>
  void compare(const char* what, Instant t, std::optional<Seconds> d, const T& expected,
               const T& actual) {
    ++totals_.comparisons;
    if (expected == actual) return;
    report(what, t, d, fmt::format("{}", expected), fmt::format("{}", actual));
  }

  // An oracle answer of "none" means "not before the window ends".
  void check_instant(const char* what, Instant t, std::optional<Seconds> d,
                     std::optional<Instant> expected, Instant actual) {
    ++totals_.comparisons;
    if (expected ? actual == *expected : actual >= oracle_.end()) return;
    report(what, t, d, show(expected), show(actual));
  }

  void report(const char* what, Instant t, std::optional<Seconds> d, const std::string& expected,
              const std::string& actual) {
    ++totals_.disagreements;
    if (totals_.disagreements > 20) return;
    fmt::print(
        "DISAGREEMENT in {} (seed {}, calendar {}, case {}; replay with SLA_DIFF_SEED={} "
        "SLA_DIFF_CALENDAR={})\n  t = {} ({} s){}\n  oracle: {}\n  calendar: {}\n{}",
        what, seed_, index_, case_, seed_, index_, show(t), t.time_since_epoch().count(),
        d ? fmt::format(", d = {} s", d->count()) : std::string{}, expected, actual,
        describe(spec_, oracle_));
  }

  Rng rng_;
  std::uint64_t seed_;
  std::int64_t index_;
  Totals& totals_;
  ZoneChoice zone_;
  Instant window_begin_;
  std::vector<Change> changes_;
  CalendarSpec spec_;
  sla::test::Oracle oracle_;
  sla::Calendar calendar_;
  int case_ = 0;
};

}  // namespace

BOOST_AUTO_TEST_CASE(calendar_matches_minute_oracle) {
  const std::int64_t cases = env_int("SLA_DIFF_CASES", 100000);
  const auto seed = static_cast<std::uint64_t>(env_int("SLA_DIFF_SEED", 1));
  const std::int64_t only = env_int("SLA_DIFF_CALENDAR", -1);
  const auto started = std::chrono::steady_clock::now();

  Totals totals;
  const std::int64_t calendars = (cases + kCasesPerCalendar - 1) / kCasesPerCalendar;
  for (std::int64_t c = 0; c < calendars; ++c) {
    if (only >= 0 && c != only) continue;
    CalendarRun run(seed, c, totals);
    const std::int64_t here =
        std::min<std::int64_t>(kCasesPerCalendar, cases - c * kCasesPerCalendar);
    for (int k = 0; k < here; ++k) run.run_case(k);
  }

  const double elapsed =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  fmt::print(
      "time_differential: seed {}, {} cases on {} calendars, {} comparisons, "
      "{} disagreements, {:.1f} s\n",
      seed, totals.cases, only >= 0 ? 1 : calendars, totals.comparisons, totals.disagreements,
      elapsed);
  BOOST_TEST(totals.cases > 0);
  BOOST_TEST(totals.disagreements == 0);
}
