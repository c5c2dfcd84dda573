// The stdlib holiday library: how long a contract's `import "std/holidays/CC"` takes,
// per set (target: under 10 ms each). Loads each module the way a contract imports
// it, and a contract whose calendar closes on the set with its first year compiled.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "interpreter/time/calendar.hpp"
#include "sla/load.hpp"
#include "stdlib/stdlib.hpp"

namespace {

std::vector<std::string> holiday_modules() {
  std::vector<std::string> out;
  for (auto name : sla::stdlib_module_names())
    if (name.starts_with("std/holidays/")) out.emplace_back(name);
  return out;
}

// Every set, one after another: the time per set is the mean.
void load_every_set(benchmark::State& state) {
  const auto modules = holiday_modules();
  for (auto _ : state)
    for (const auto& module : modules) {
      auto r = sla::load_string("t.sla", "import \"" + module + "\"\n");
      if (!r.ok()) state.SkipWithError(("does not load: " + module).c_str());
      benchmark::DoNotOptimize(r);
    }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(modules.size()));
  state.counters["sets"] = static_cast<double>(modules.size());
  // Seconds per set (printed with an SI prefix: 228u is 228 microseconds).
  state.counters["s_per_set"] = benchmark::Counter(
      static_cast<double>(state.iterations() * static_cast<std::int64_t>(modules.size())),
      benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}
BENCHMARK(load_every_set)->Unit(benchmark::kMillisecond);

// The largest sets (most days), alone, with a calendar that closes on them and
// answers one query: what a contract pays for the library end to end.
void load_and_use(benchmark::State& state, const std::string& module, const std::string& set,
                  const std::string& zone) {
  const std::string text = "import \"" + module + "\"\ncalendar office { zone \"" + zone +
                           "\"; open Mon-Fri 09:00-17:00; closed on holidays " + set + " }\n";
  for (auto _ : state) {
    auto r = sla::load_string("t.sla", text);
    if (!r.ok()) state.SkipWithError("does not load");
    const auto& cal = *r.model->calendars.front().calendar;
    benchmark::DoNotOptimize(
        cal.is_open(std::chrono::sys_seconds{std::chrono::seconds{1780000000}}));
  }
}
BENCHMARK_CAPTURE(load_and_use, de_by, std::string("std/holidays/de/by"), std::string("de_by"),
                  std::string("Europe/Berlin"))
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(load_and_use, us_ca, std::string("std/holidays/us/ca"), std::string("us_ca"),
                  std::string("America/Los_Angeles"))
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(load_and_use, sa, std::string("std/holidays/sa"), std::string("sa_national"),
                  std::string("Asia/Riyadh"))
    ->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
