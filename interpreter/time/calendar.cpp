#include "interpreter/time/calendar.hpp"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <mutex>
#include <stdexcept>
#include <string_view>
#include <utility>
#include <vector>

#include <date/date.h>
#include <fmt/core.h>

#include "interpreter/time/timestamp.hpp"
#include "interpreter/time/zone.hpp"

namespace sla {
namespace {

using std::int64_t;

constexpr int kYears = Calendar::kEndYear - Calendar::kFirstYear;
constexpr int64_t kDaySeconds = 86400;
constexpr Seconds kMaxIntervalEnd{2 * kDaySeconds};
constexpr int64_t kNeverSeconds = Calendar::kNever.time_since_epoch().count();

// UTC Jan 1 00:00 of every supported year, plus the end of the last one, so the
// year of an instant and the bounds of its table cost a table lookup, not a
// calendar conversion.
constexpr std::array<int64_t, kYears + 1> kYearBegin = [] {
  std::array<int64_t, kYears + 1> begins{};
  for (int i = 0; i <= kYears; ++i) {
    const date::sys_days day{date::year{Calendar::kFirstYear + i} / 1 / 1};
    begins[i] = int64_t{day.time_since_epoch().count()} * kDaySeconds;
  }
  return begins;
}();

constexpr int64_t kRangeBegin = kYearBegin.front();
constexpr int64_t kRangeEnd = kYearBegin.back();

// t must lie in [kRangeBegin, kRangeEnd).
int year_index(int64_t t) {
  // A mean Gregorian year lands within a day or two of the right year start over
  // five centuries; the two loops fix the estimate.
  constexpr int64_t kMeanYear = 31556952;
  int i = static_cast<int>((t - kRangeBegin) / kMeanYear);
  if (i > kYears - 1) i = kYears - 1;
  while (t < kYearBegin[i]) --i;
  while (t >= kYearBegin[i + 1]) ++i;
  return i;
}

int64_t checked_seconds(Instant t) {
  const int64_t s = t.time_since_epoch().count();
  if (s < kRangeBegin || s >= kRangeEnd) {
    throw std::out_of_range(
        fmt::format("instant {} s since epoch is outside the calendar years {}-{}", s,
                    Calendar::kFirstYear, Calendar::kEndYear - 1));
  }
  return s;
}

Instant instant_of(int64_t s) {
  return Instant{Seconds{s}};
}

// How many of the sorted values are <= key (the std::upper_bound index), or < key
// when Strict (the std::lower_bound index). Branch-free: random query instants
// would mispredict most levels of std::upper_bound's branchy loop, which costs
// more than the whole rest of a query; the select below compiles to a cmov.
template <bool Strict>
std::size_t count_below(const std::vector<int64_t>& values, int64_t key) {
  std::size_t n = values.size();
  if (n == 0) return 0;
  const int64_t* base = values.data();
  const auto below = [key](int64_t v) { return Strict ? v < key : v <= key; };
  while (n > 1) {
    const std::size_t half = n / 2;
    base = below(base[half]) ? base + half : base;
    n -= half;
  }
  return static_cast<std::size_t>(base - values.data()) + (below(*base) ? 1 : 0);
}

// Open intervals of one UTC year, clipped to it so a table answers every query
// about its year on its own; an interval that runs over New Year is two entries
// that touch, and the queries join them.
struct YearTable {
  int64_t begin = 0;
  int64_t end = 0;
  // Sorted, disjoint, non-touching [starts[i], ends[i]); cum_end[i] is the open
  // time in [begin, ends[i]). Separate arrays keep each binary search on one
  // dense array.
  std::vector<int64_t> starts;
  std::vector<int64_t> ends;
  std::vector<int64_t> cum_end;

  int64_t total() const { return cum_end.empty() ? 0 : cum_end.back(); }

  // Index of the last interval starting at or before t, or -1.
  std::ptrdiff_t last_starting_by(int64_t t) const {
    return static_cast<std::ptrdiff_t>(count_below<false>(starts, t)) - 1;
  }

  // Open time in [begin, t), for t in [begin, end].
  int64_t open_before(int64_t t) const {
    const std::ptrdiff_t i = last_starting_by(t);
    if (i < 0) return 0;
    return cum_end[i] - std::max<int64_t>(0, ends[i] - t);
  }
};

void validate(const DailyInterval& iv, std::string_view where) {
  if (iv.start < Seconds{0} || iv.start >= Seconds{kDaySeconds} || iv.end <= iv.start ||
      iv.end > kMaxIntervalEnd) {
    throw std::invalid_argument(
        fmt::format("{}: interval [{} s, {} s) must start within the day, end after it starts and "
                    "end within 48 h",
                    where, iv.start.count(), iv.end.count()));
  }
}

// Length of the union of one day's own intervals, in local (nominal) time.
Seconds union_length(std::vector<DailyInterval> intervals) {
  std::sort(intervals.begin(), intervals.end(),
            [](const auto& a, const auto& b) { return a.start < b.start; });
  Seconds total{0};
  Seconds covered_to{0};
  for (const auto& iv : intervals) {
    const Seconds from = std::max(iv.start, covered_to);
    if (iv.end > from) {
      total += iv.end - from;
      covered_to = iv.end;
    }
  }
  return total;
}

// Whether the weekly hours leave no local time of the week closed. Then, away from
// holidays, the desk never closes: the local->UTC map is monotone, so intervals
// that touch or overlap in local time still do in UTC.
bool covers_whole_week(const std::array<std::vector<DailyInterval>, 7>& weekly) {
  constexpr int64_t kWeek = 7 * kDaySeconds;
  std::vector<std::pair<int64_t, int64_t>> pieces;
  for (int w = 0; w < 7; ++w) {
    for (const auto& iv : weekly[w]) {
      const int64_t s = w * kDaySeconds + iv.start.count();
      const int64_t e = w * kDaySeconds + iv.end.count();
      pieces.emplace_back(s, std::min(e, kWeek));
      if (e > kWeek) pieces.emplace_back(0, e - kWeek);  // Saturday night into Sunday
    }
  }
  std::sort(pieces.begin(), pieces.end());
  int64_t covered_to = 0;
  for (const auto& [s, e] : pieces) {
    if (s > covered_to) return false;
    covered_to = std::max(covered_to, e);
  }
  return covered_to >= kWeek;
}

int day_number(date::year_month_day day) {
  return date::sys_days{day}.time_since_epoch().count();
}

// Index of the UTC year containing local day `day` plus `slack_days`, clamped to
// [-1, kYears - 1].
int clamped_year_index(int day, int slack_days) {
  const int64_t s = (int64_t{day} + slack_days) * kDaySeconds;
  if (s < kRangeBegin) return -1;
  if (s >= kRangeEnd) return kYears - 1;
  return year_index(s);
}

}  // namespace

struct Calendar::Impl {
  CalendarSpec spec;
  Zone zone;
  // Holidays by day number (days since 1970-01-01), sorted, duplicates merged.
  std::vector<int> holiday_days;
  std::vector<std::vector<DailyInterval>> holiday_hours;
  std::optional<Seconds> business_day;
  // No open time lies in UTC years after this index (-1: the calendar is never open).
  int last_open_index = -1;
  // Nor before this one (kYears: never open), so subtract stops walking back there.
  int first_open_index = kYears;
  // From this year index on no holiday touches a year table.
  int regular_from_index = 0;
  bool weekly_full = false;

  mutable std::mutex build_mutex;
  mutable std::vector<std::unique_ptr<const YearTable>> built;
  // Published tables: readers take the acquire-load fast path without locking.
  mutable std::array<std::atomic<const YearTable*>, kYears> years{};

  const std::vector<DailyInterval>& hours_on(date::local_days day) const {
    const int n = day.time_since_epoch().count();
    const auto it = std::lower_bound(holiday_days.begin(), holiday_days.end(), n);
    if (it != holiday_days.end() && *it == n) return holiday_hours[it - holiday_days.begin()];
    return spec.weekly[date::weekday{day}.c_encoding()];
  }

  const YearTable& year(int index) const {
    if (const YearTable* table = years[index].load(std::memory_order_acquire)) return *table;
    const std::lock_guard lock(build_mutex);
    if (const YearTable* table = years[index].load(std::memory_order_relaxed)) return *table;
    std::unique_ptr<const YearTable> table = build(index);
    const YearTable* raw = table.get();
    built.push_back(std::move(table));
    years[index].store(raw, std::memory_order_release);
    return *raw;
  }

  std::unique_ptr<const YearTable> build(int index) const {
    auto table = std::make_unique<YearTable>();
    table->begin = kYearBegin[index];
    table->end = kYearBegin[index + 1];
    const int y = Calendar::kFirstYear + index;
    // Local days whose intervals can reach into this UTC year: offsets stay within
    // a day and intervals within two, so four days before and two after suffice.
    const date::local_days first = date::local_days{date::year{y} / 1 / 1} - date::days{4};
    const date::local_days last = date::local_days{date::year{y + 1} / 1 / 1} + date::days{2};
    std::vector<std::pair<int64_t, int64_t>> raw;
    // A union's year is its members' years laid over each other.
    for (const auto& member : spec.members) {
      const YearTable& m = member->impl_->year(index);
      for (std::size_t k = 0; k < m.starts.size(); ++k) raw.emplace_back(m.starts[k], m.ends[k]);
    }
    for (date::local_days day = first; spec.members.empty() && day < last; day += date::days{1}) {
      for (const DailyInterval& iv : hours_on(day)) {
        const date::local_seconds local_day{day};
        int64_t s = zone.to_instant(local_day + iv.start).time_since_epoch().count();
        int64_t e = zone.to_instant(local_day + iv.end).time_since_epoch().count();
        s = std::max(s, table->begin);
        e = std::min(e, table->end);
        if (s < e) raw.emplace_back(s, e);  // empty when swallowed by a DST gap
      }
    }
    std::sort(raw.begin(), raw.end());
    int64_t cum = 0;
    for (const auto& [s, e] : raw) {
      if (!table->ends.empty() && s <= table->ends.back()) {
        if (e > table->ends.back()) {
          cum += e - table->ends.back();
          table->ends.back() = e;
          table->cum_end.back() = cum;
        }
        continue;
      }
      cum += e - s;
      table->starts.push_back(s);
      table->ends.push_back(e);
      table->cum_end.push_back(cum);
    }
    table->starts.shrink_to_fit();
    table->ends.shrink_to_fit();
    table->cum_end.shrink_to_fit();
    return table;
  }

  int64_t next_opening(int64_t t) const {
    int index = year_index(t);
    const YearTable& table = year(index);
    const std::ptrdiff_t i = table.last_starting_by(t);
    if (i >= 0 && t < table.ends[i]) return t;
    if (static_cast<std::size_t>(i + 1) < table.starts.size()) return table.starts[i + 1];
    for (++index; index <= last_open_index; ++index) {
      const YearTable& next = year(index);
      if (!next.starts.empty()) return next.starts.front();
    }
    return kNeverSeconds;
  }

  int64_t next_closing(int64_t t) const {
    const int64_t opening = next_opening(t);
    if (opening == kNeverSeconds) return kNeverSeconds;
    int index = year_index(opening);
    const YearTable* table = &year(index);
    int64_t end = table->ends[table->last_starting_by(opening)];
    // An interval that reaches New Year goes on in the next table when that one
    // opens right at its start.
    while (end == table->end) {
      if (index + 1 >= kYears) return kNeverSeconds;
      if (weekly_full && index + 1 >= regular_from_index) return kNeverSeconds;
      table = &year(++index);
      if (table->starts.empty() || table->starts.front() != end) break;
      end = table->ends.front();
    }
    return end;
  }
};

Calendar::Calendar(CalendarSpec spec) : impl_(std::make_unique<Impl>()) {
  Impl& im = *impl_;
  for (int w = 0; w < 7; ++w) {
    for (const auto& iv : spec.weekly[w]) {
      validate(iv, fmt::format("calendar \"{}\" weekday {}", spec.name, w));
    }
  }
  std::vector<std::pair<int, const HolidayRule*>> rules;
  for (const HolidayRule& rule : spec.holidays) {
    if (!rule.day.ok()) {
      throw std::invalid_argument(
          fmt::format("calendar \"{}\": holiday \"{}\" has an invalid date", spec.name, rule.name));
    }
    for (const auto& iv : rule.hours) {
      validate(iv, fmt::format("calendar \"{}\" holiday \"{}\"", spec.name, rule.name));
    }
    rules.emplace_back(day_number(rule.day), &rule);
  }
  if (spec.business_day && *spec.business_day <= Seconds{0}) {
    throw std::invalid_argument(
        fmt::format("calendar \"{}\": business day must be positive", spec.name));
  }
  im.zone = spec.zone.empty() ? Zone::fixed(spec.fixed_offset) : Zone::named(spec.zone);

  // Several rules naming one date (overlapping holiday sets) open the union of
  // their hours; rules that all say closed keep it closed.
  std::stable_sort(rules.begin(), rules.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& [day, rule] : rules) {
    if (im.holiday_days.empty() || im.holiday_days.back() != day) {
      im.holiday_days.push_back(day);
      im.holiday_hours.emplace_back();
    }
    auto& hours = im.holiday_hours.back();
    hours.insert(hours.end(), rule->hours.begin(), rule->hours.end());
  }

  bool weekly_open = false;
  std::optional<Seconds> common_day;
  bool days_equal = true;
  for (const auto& day : spec.weekly) {
    if (day.empty()) continue;
    weekly_open = true;
    const Seconds length = union_length(day);
    if (!common_day) {
      common_day = length;
    } else if (*common_day != length) {
      days_equal = false;
    }
  }
  im.business_day =
      spec.business_day ? spec.business_day : (days_equal ? common_day : std::nullopt);
  im.weekly_full = covers_whole_week(spec.weekly);
  for (const auto& member : spec.members) {
    // Open for good from where a member is: a union's table ends where its members' do.
    weekly_open = weekly_open || member->impl_->last_open_index == kYears - 1;
    im.last_open_index = std::max(im.last_open_index, member->impl_->last_open_index);
    if (member->impl_->weekly_full) {
      im.weekly_full = true;
      im.regular_from_index = std::max(im.regular_from_index, member->impl_->regular_from_index);
    }
  }
  if (!spec.members.empty() && !spec.business_day) {
    std::optional<Seconds> common = spec.members.front()->business_day();
    for (const auto& member : spec.members)
      if (member->business_day() != common) common.reset();
    im.business_day = common;
  }

  // A local day's intervals reach at most two days past it, plus the offset.
  if (weekly_open) {
    im.last_open_index = kYears - 1;
    im.first_open_index = 0;
  } else {
    for (std::size_t k = 0; k < im.holiday_days.size(); ++k) {
      if (!im.holiday_hours[k].empty()) {
        im.last_open_index =
            std::max(im.last_open_index, clamped_year_index(im.holiday_days[k], 4));
        im.first_open_index =
            std::min(im.first_open_index, std::max(0, clamped_year_index(im.holiday_days[k], -4)));
      }
    }
  }
  if (!im.holiday_days.empty()) {
    im.regular_from_index = clamped_year_index(im.holiday_days.back(), 4) + 1;
  }
  im.spec = std::move(spec);
}

Calendar::~Calendar() = default;
Calendar::Calendar(Calendar&&) noexcept = default;
Calendar& Calendar::operator=(Calendar&&) noexcept = default;

const CalendarSpec& Calendar::spec() const {
  return impl_->spec;
}

bool Calendar::is_open(Instant t) const {
  const int64_t s = checked_seconds(t);
  const YearTable& table = impl_->year(year_index(s));
  const std::ptrdiff_t i = table.last_starting_by(s);
  return i >= 0 && s < table.ends[i];
}

Instant Calendar::next_opening(Instant t) const {
  return instant_of(impl_->next_opening(checked_seconds(t)));
}

Instant Calendar::next_closing(Instant t) const {
  return instant_of(impl_->next_closing(checked_seconds(t)));
}

Instant Calendar::add(Instant t, Seconds business) const {
  if (business < Seconds{0}) {
    throw std::invalid_argument(fmt::format("negative business duration {} s", business.count()));
  }
  const int64_t s = checked_seconds(t);
  if (business == Seconds{0}) return instant_of(impl_->next_opening(s));
  // More open time than the whole range holds can never be used up; the guard
  // also keeps `need` below from overflowing.
  if (business.count() > kRangeEnd - kRangeBegin) return kNever;
  const Impl& im = *impl_;
  int index = year_index(s);
  const YearTable* table = &im.year(index);
  int64_t need = table->open_before(s) + business.count();
  while (need > table->total()) {
    need -= table->total();
    if (++index > im.last_open_index) return kNever;
    table = &im.year(index);
  }
  // The first interval whose running total reaches `need`; the deadline is the
  // earliest instant with that much open time behind it, so exactly using up an
  // interval lands on its closing, not on the next opening.
  const std::size_t j = count_below<true>(table->cum_end, need);
  return instant_of(table->ends[j] - (table->cum_end[j] - need));
}

Instant Calendar::subtract(Instant t, Seconds business) const {
  if (business < Seconds{0}) {
    throw std::invalid_argument(fmt::format("negative business duration {} s", business.count()));
  }
  const int64_t s = checked_seconds(t);
  if (business == Seconds{0}) return t;
  // As in add: more than the whole range holds never fits, and `need` cannot overflow.
  if (business.count() > kRangeEnd - kRangeBegin) return kNeverBefore;
  const Impl& im = *impl_;
  int index = year_index(s);
  const YearTable* table = &im.year(index);
  // Open time in [table->begin, answer): negative while the answer lies in an
  // earlier year.
  int64_t need = table->open_before(s) - business.count();
  while (need < 0) {
    if (--index < im.first_open_index) return kNeverBefore;
    table = &im.year(index);
    need += table->total();
  }
  // Here 0 <= need < total(). The first interval whose running total passes
  // `need` holds the answer, at or after its start: the latest instant with that
  // much open time behind it is open (an exact closing gives way to the next
  // opening, which has the same open time behind it).
  const std::size_t j = count_below<false>(table->cum_end, need);
  return instant_of(table->ends[j] - (table->cum_end[j] - need));
}

Seconds Calendar::between(Instant from, Instant to) const {
  const int64_t a = checked_seconds(from);
  const int64_t b = to.time_since_epoch().count();
  if (b <= a) return Seconds{0};
  if (b > kRangeEnd) {
    throw std::out_of_range(
        fmt::format("instant {} s since epoch is past the calendar year {}", b, kEndYear - 1));
  }
  const Impl& im = *impl_;
  const int first = year_index(a);
  const int last = year_index(b - 1);  // the year holding the last second of [a, b)
  if (first > im.last_open_index) return Seconds{0};
  const YearTable& head = im.year(first);
  if (first == last) return Seconds{head.open_before(b) - head.open_before(a)};
  int64_t sum = head.total() - head.open_before(a);
  for (int k = first + 1; k < last && k <= im.last_open_index; ++k) sum += im.year(k).total();
  if (last <= im.last_open_index) sum += im.year(last).open_before(b);
  return Seconds{sum};
}

std::optional<Seconds> Calendar::business_day() const {
  return impl_->business_day;
}

std::chrono::seconds Calendar::utc_offset(Instant t) const {
  return impl_->zone.utc_offset(t);
}

Instant Calendar::to_instant(date::local_seconds local) const {
  return impl_->zone.to_instant(local);
}

date::local_seconds Calendar::to_local(Instant t) const {
  return impl_->zone.to_local(t);
}

std::optional<date::local_days> next_business_day(const Calendar& cal, Instant start) {
  auto day_of = [&](Instant t) { return date::floor<date::days>(cal.to_local(t)); };
  const date::local_days day = day_of(start) + date::days{1};
  const Instant midnight = cal.to_instant(date::local_seconds{day});
  Instant open = cal.next_opening(midnight);
  if (open == midnight && cal.is_open(midnight - Seconds(1))) {
    // The day begins inside an opening that started before it: a business day when
    // it stays open all day (24x5, round the clock); else (a night shift running
    // on) the next opening that starts decides.
    const Instant close = cal.next_closing(midnight);
    if (close == Calendar::kNever ||
        close >= cal.to_instant(date::local_seconds{day + date::days{1}}))
      return day;
    open = cal.next_opening(close);
  }
  if (open == Calendar::kNever) return std::nullopt;
  return day_of(open);
}

std::optional<Instant> parse_local_instant(std::string_view text, const Calendar& calendar,
                                           std::string& error) {
  const auto t = parse_timestamp(text, error);
  if (!t) return std::nullopt;
  std::optional<Instant> at;
  try {
    at = t->has_offset ? t->utc : calendar.to_instant(date::local_seconds(t->local));
  } catch (const std::out_of_range&) {  // a local time beyond the calendar's years
  }
  constexpr Instant first = date::sys_days{date::year{1901} / 1 / 1};
  constexpr Instant end = date::sys_days{date::year{2399} / 1 / 1};
  if (at && *at >= first && *at < end) return at;  // the common case: no more work
  if (!at) {
    error = "outside the supported years (1901 to 2398, in UTC)";
  } else {
    const bool before = *at < first;
    error =
        fmt::format("it is {}, {} the {} supported year ({}, in UTC)", date::format("%FT%TZ", *at),
                    before ? "before" : "after", before ? "first" : "last", before ? 1901 : 2398);
  }
  return std::nullopt;
}

}  // namespace sla
