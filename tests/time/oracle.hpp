// The naive reference for the calendar engine. It decides "open" minute by minute
// straight from the spec, by reading the wall clock of the calendar's zone, and
// answers queries by stepping those minutes. Slow and obviously right; it shares no
// code with interpreter/time/calendar.cpp or interpreter/time/zone.cpp (no interval tables,
// no local-to-UTC conversion of opening hours, no binary search).
#pragma once

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <vector>

#include <date/date.h>
#include <date/tz.h>

#include "interpreter/time/calendar.hpp"

namespace sla::test {

class Oracle {
 public:
  // Exact for instants in [begin, end); both must be whole minutes. Opening hours
  // must fall on whole minutes too, which makes one flag per minute exact.
  Oracle(const CalendarSpec& spec, Instant begin, Instant end)
      : spec_(spec), begin_(begin), end_(end) {
    if (begin.time_since_epoch().count() % 60 != 0 || end.time_since_epoch().count() % 60 != 0 ||
        end <= begin) {
      throw std::invalid_argument("oracle window must be whole minutes");
    }
    if (!spec.zone.empty()) tz_ = date::locate_zone(spec.zone);
    collect_day_hours();
    const auto minutes = (end - begin) / std::chrono::minutes{1};
    open_.resize(static_cast<std::size_t>(minutes));
    for (std::int64_t m = 0; m < minutes; ++m) {
      open_[static_cast<std::size_t>(m)] = decide(begin + std::chrono::minutes{m});
    }
  }

  Instant begin() const { return begin_; }
  Instant end() const { return end_; }

  bool is_open(Instant t) const { return open_[index(t)] != 0; }

  // nullopt: not within the window.
  std::optional<Instant> next_opening(Instant t) const {
    std::size_t i = index(t);
    if (open_[i]) return t;
    for (++i; i < open_.size(); ++i) {
      if (open_[i]) return minute_start(i);
    }
    return std::nullopt;
  }

  std::optional<Instant> next_closing(Instant t) const {
    const std::optional<Instant> opening = next_opening(t);
    if (!opening) return std::nullopt;
    for (std::size_t i = index(*opening); i < open_.size(); ++i) {
      if (!open_[i]) return minute_start(i);
    }
    return std::nullopt;
  }

  // The earliest instant by which `d` of open time has passed since t.
  std::optional<Instant> add(Instant t, Seconds d) const {
    if (d == Seconds{0}) return next_opening(t);
    Seconds left = d;
    std::size_t i = index(t);
    if (open_[i]) {  // the rest of t's own minute
      const Seconds here = minute_start(i + 1) - t;
      if (left <= here) return t + left;
      left -= here;
    }
    for (++i; i < open_.size(); ++i) {
      if (!open_[i]) continue;
      if (left <= kMinute) return minute_start(i) + left;
      left -= kMinute;
    }
    return std::nullopt;
  }

  // The latest instant s <= t with `d` of open time in [s, t); t itself for zero.
  // nullopt: not within the window.
  std::optional<Instant> subtract(Instant t, Seconds d) const {
    if (d == Seconds{0}) return t;
    Seconds left = d;
    std::size_t i = index(t);
    if (i < open_.size() && open_[i]) {  // the part of t's own minute before t
      const Seconds here = t - minute_start(i);
      if (left <= here) return t - left;
      left -= here;
    }
    while (i-- > 0) {
      if (!open_[i]) continue;
      if (left <= kMinute) return minute_start(i + 1) - left;
      left -= kMinute;
    }
    return std::nullopt;
  }

  // Open time in [a, b), both within [begin, end].
  Seconds between(Instant a, Instant b) const {
    if (b <= a) return Seconds{0};
    const std::size_t first = index(a);
    const std::size_t last = index(b);  // may be one past the window when b == end
    if (first == last) return open_[first] ? b - a : Seconds{0};
    Seconds sum = open_[first] ? minute_start(first + 1) - a : Seconds{0};
    for (std::size_t i = first + 1; i < last; ++i) sum += open_[i] * kMinute;
    if (last < open_.size() && open_[last]) sum += b - minute_start(last);
    return sum;
  }

  // The minute flags themselves, for case generation.
  const std::vector<std::uint8_t>& minutes() const { return open_; }

 private:
  static constexpr Seconds kMinute{60};

  std::size_t index(Instant t) const { return static_cast<std::size_t>((t - begin_).count() / 60); }
  Instant minute_start(std::size_t i) const {
    return begin_ + kMinute * static_cast<std::int64_t>(i);
  }

  // The hours of each local day around the window: a holiday's rules (all of
  // them, when several name the day) replace the weekday's regular hours.
  void collect_day_hours() {
    first_day_ =
        date::floor<date::days>(date::local_seconds{begin_.time_since_epoch()}) - date::days{5};
    const date::local_days last =
        date::floor<date::days>(date::local_seconds{end_.time_since_epoch()}) + date::days{5};
    for (date::local_days day = first_day_; day <= last; day += date::days{1}) {
      std::vector<DailyInterval> hours;
      bool holiday = false;
      for (const HolidayRule& rule : spec_.holidays) {
        if (date::local_days{rule.day} == day) {
          holiday = true;
          hours.insert(hours.end(), rule.hours.begin(), rule.hours.end());
        }
      }
      if (!holiday) hours = spec_.weekly[date::weekday{day}.c_encoding()];
      day_hours_.push_back(std::move(hours));
    }
  }

  const std::vector<DailyInterval>& hours_of(date::local_days day) const {
    return day_hours_.at(static_cast<std::size_t>((day - first_day_).count()));
  }

  // Whether the wall clock shows a time inside one of the day's intervals; an
  // interval belongs to the day it starts on and may run into the next two.
  bool open_at_wall(date::local_seconds wall) const {
    const date::local_days today = date::floor<date::days>(wall);
    for (int back = 0; back <= 2; ++back) {
      const date::local_days day = today - date::days{back};
      const Seconds since_midnight = wall - date::local_seconds{day};
      for (const DailyInterval& iv : hours_of(day)) {
        if (iv.start <= since_midnight && since_midnight < iv.end) return true;
      }
    }
    return false;
  }

  bool decide(Instant u) {
    if (tz_ == nullptr) {
      return open_at_wall(date::local_seconds{u.time_since_epoch() + spec_.fixed_offset});
    }
    if (!(info_.begin <= u && u < info_.end)) {
      info_ = tz_->get_info(u);
      before_ = tz_->get_info(info_.begin - Seconds{1});
    }
    // After a fall-back the wall clock reads the repeated times a second time.
    // Openings and closings happen the first time a wall time is read, so while
    // the clock repeats, the desk stays as it was the moment before it went back.
    const Seconds repeat = before_.offset - info_.offset;
    if (repeat > Seconds{0} && u < info_.begin + repeat) {
      const Instant last_first_pass = info_.begin - Seconds{1};
      return open_at_wall(date::local_seconds{last_first_pass.time_since_epoch() + before_.offset});
    }
    return open_at_wall(date::local_seconds{u.time_since_epoch() + info_.offset});
  }

  CalendarSpec spec_;
  Instant begin_;
  Instant end_;
  const date::time_zone* tz_ = nullptr;
  date::sys_info info_{};  // memo of the zone's info for the instant being decided
  date::sys_info before_{};
  date::local_days first_day_{};
  std::vector<std::vector<DailyInterval>> day_hours_;
  std::vector<std::uint8_t> open_;
};

}  // namespace sla::test
