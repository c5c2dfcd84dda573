// Business-time queries on compiled calendars: `add` (deadlines) and `between`
// (elapsed business time) from pre-generated random starts over 2024-2027, on the
// Qiscus premium calendar (Asia/Jakarta, Mon-Fri 09:00-17:00, Indonesian national
// holidays) and on a New York 09:00-17:00 calendar with DST. Every query is
// checked to allocate nothing: global operator new is counted, and a timed loop
// that allocated is reported as an error.
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <new>
#include <random>
#include <vector>

#include <benchmark/benchmark.h>
#include <date/date.h>

#include "interpreter/time/calendar.hpp"

namespace {
// Per thread, so a benchmark thread sees only its own allocations, not those of
// the framework starting other threads.
thread_local std::uint64_t t_allocations = 0;

void* counted_alloc(std::size_t size) {
  ++t_allocations;
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
}  // namespace

void* operator new(std::size_t size) {
  return counted_alloc(size);
}
void* operator new[](std::size_t size) {
  return counted_alloc(size);
}
void operator delete(void* p) noexcept {
  std::free(p);
}
void operator delete[](void* p) noexcept {
  std::free(p);
}
void operator delete(void* p, std::size_t) noexcept {
  std::free(p);
}
void operator delete[](void* p, std::size_t) noexcept {
  std::free(p);
}

namespace {

using sla::Calendar;
using sla::CalendarSpec;
using sla::DailyInterval;
using sla::Instant;
using sla::Seconds;
using std::chrono::hours;
using std::chrono::minutes;

// Indonesian national holidays 2024-2027 (shared/data/holidays-id-2024-2027.csv),
// embedded so the benchmark runs from a clean clone.
constexpr int kIndonesianHolidays[][3] = {
    {2024, 1, 1},  {2024, 2, 8},   {2024, 2, 10}, {2024, 3, 11},  {2024, 3, 29}, {2024, 4, 10},
    {2024, 4, 11}, {2024, 5, 1},   {2024, 5, 9},  {2024, 5, 23},  {2024, 6, 1},  {2024, 6, 16},
    {2024, 7, 7},  {2024, 8, 17},  {2024, 9, 15}, {2024, 12, 25}, {2025, 1, 1},  {2025, 1, 27},
    {2025, 1, 29}, {2025, 3, 29},  {2025, 3, 30}, {2025, 3, 31},  {2025, 4, 18}, {2025, 5, 1},
    {2025, 5, 12}, {2025, 5, 29},  {2025, 6, 1},  {2025, 6, 6},   {2025, 6, 26}, {2025, 8, 17},
    {2025, 9, 5},  {2025, 12, 25}, {2026, 1, 1},  {2026, 1, 16},  {2026, 2, 17}, {2026, 3, 19},
    {2026, 3, 20}, {2026, 3, 21},  {2026, 4, 3},  {2026, 5, 1},   {2026, 5, 14}, {2026, 5, 27},
    {2026, 5, 31}, {2026, 6, 1},   {2026, 6, 16}, {2026, 8, 17},  {2026, 8, 25}, {2026, 12, 25},
    {2027, 1, 1},  {2027, 1, 5},   {2027, 2, 6},  {2027, 3, 8},   {2027, 3, 9},  {2027, 3, 10},
    {2027, 3, 26}, {2027, 5, 1},   {2027, 5, 6},  {2027, 5, 16},  {2027, 5, 20}, {2027, 6, 1},
    {2027, 6, 6},  {2027, 8, 14},  {2027, 8, 17}, {2027, 12, 25},
};

CalendarSpec office_hours(const char* zone) {
  CalendarSpec spec;
  spec.name = "office_hours";
  spec.zone = zone;
  for (int d = 1; d <= 5; ++d) spec.weekly[d] = {DailyInterval{hours{9}, hours{17}}};
  return spec;
}

CalendarSpec qiscus_premium() {
  CalendarSpec spec = office_hours("Asia/Jakarta");
  for (const auto& [y, m, d] : kIndonesianHolidays) {
    spec.holidays.push_back(
        {date::year{y} / static_cast<unsigned>(m) / static_cast<unsigned>(d), "national", {}});
  }
  return spec;
}

// A power of two, so the loops index with a mask.
constexpr std::size_t kQueries = 1 << 14;

struct Workload {
  std::vector<Instant> starts;
  std::vector<Seconds> durations;  // 1 business hour .. 30 business days of 8 h
  std::vector<Instant> ends;       // for between: up to 60 calendar days after the start
};

Workload make_workload(std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  const Instant first = date::sys_days{date::year{2024} / 1 / 1};
  const Instant last = date::sys_days{date::year{2028} / 1 / 1};
  std::uniform_int_distribution<std::int64_t> start((first - first).count(),
                                                    (last - first).count());
  std::uniform_int_distribution<std::int64_t> duration(60, 30 * 8 * 60);  // minutes
  std::uniform_int_distribution<std::int64_t> span(0, 60 * 86400);
  Workload w;
  for (std::size_t i = 0; i < kQueries; ++i) {
    w.starts.push_back(first + Seconds{start(rng)});
    w.durations.push_back(minutes{duration(rng)});
    w.ends.push_back(w.starts.back() + Seconds{span(rng)});
  }
  return w;
}

// Builds every year the workload touches, so the timed loops only read.
void warm(const Calendar& calendar, const Workload& w) {
  for (std::size_t i = 0; i < kQueries; ++i) {
    benchmark::DoNotOptimize(calendar.add(w.starts[i], w.durations[i]));
    benchmark::DoNotOptimize(calendar.between(w.starts[i], w.ends[i]));
  }
}

void report_allocations(benchmark::State& state, std::uint64_t before) {
  const std::uint64_t allocations = t_allocations - before;
  state.counters["allocs_per_query"] = benchmark::Counter(static_cast<double>(allocations) /
                                                          static_cast<double>(state.iterations()));
  state.SetItemsProcessed(state.iterations());
  if (allocations != 0) {
    state.SkipWithError("queries allocated memory in the timed loop");
  }
}

void bench_add(benchmark::State& state, const Calendar* calendar, const Workload* w) {
  std::size_t i = static_cast<std::size_t>(state.thread_index()) * 4099;
  const std::uint64_t before = t_allocations;
  for (auto _ : state) {
    benchmark::DoNotOptimize(calendar->add(w->starts[i], w->durations[i]));
    i = (i + 1) & (kQueries - 1);
  }
  report_allocations(state, before);
}

void bench_between(benchmark::State& state, const Calendar* calendar, const Workload* w) {
  std::size_t i = static_cast<std::size_t>(state.thread_index()) * 4099;
  const std::uint64_t before = t_allocations;
  for (auto _ : state) {
    benchmark::DoNotOptimize(calendar->between(w->starts[i], w->ends[i]));
    i = (i + 1) & (kQueries - 1);
  }
  report_allocations(state, before);
}

void bench_is_open(benchmark::State& state, const Calendar* calendar, const Workload* w) {
  std::size_t i = 0;
  const std::uint64_t before = t_allocations;
  for (auto _ : state) {
    benchmark::DoNotOptimize(calendar->is_open(w->starts[i]));
    i = (i + 1) & (kQueries - 1);
  }
  report_allocations(state, before);
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;

  const Calendar qiscus(qiscus_premium());
  const Calendar new_york(office_hours("America/New_York"));
  const Workload workload = make_workload(20260109);
  warm(qiscus, workload);
  warm(new_york, workload);

  benchmark::RegisterBenchmark("add/qiscus_premium_jakarta", bench_add, &qiscus, &workload);
  benchmark::RegisterBenchmark("add/qiscus_premium_jakarta", bench_add, &qiscus, &workload)
      ->Threads(2);
  benchmark::RegisterBenchmark("add/new_york_dst", bench_add, &new_york, &workload);
  benchmark::RegisterBenchmark("between/qiscus_premium_jakarta", bench_between, &qiscus, &workload);
  benchmark::RegisterBenchmark("between/new_york_dst", bench_between, &new_york, &workload);
  benchmark::RegisterBenchmark("is_open/qiscus_premium_jakarta", bench_is_open, &qiscus, &workload);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
