// The embedding API at the speed a host sees it: the Qiscus contract's premium
// package, 16,384 generated tickets (the four priorities, created through 2026
// across nights, weekends and holidays, two thirds answered), evaluated through
// the C++ Evaluator (one by one and as a batch into a reused buffer) and through
// the C API's sla_evaluate_batch. items_per_second is tickets per second.
#include <chrono>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "sla/evaluator.hpp"
#include "sla/lint.hpp"
#include "sla/load.hpp"
#include "sla/sla.h"
#include "sla/timestamp.hpp"

namespace {

const std::string kContract = std::string(SLA_SOURCE_DIR) + "/contracts/qiscus-enterprise.sla";
constexpr const char* kPriorities[] = {"Low", "Normal", "High", "Critical"};
constexpr std::size_t kTickets = 16384;

struct Workload {
  std::vector<sla::Ticket> tickets;
  std::vector<sla_ticket> c_tickets;
  sla::Instant as_of;

  Workload() {
    std::mt19937_64 random(42);
    const auto start = *sla::parse_instant("2026-01-01T00:00:00+07:00");
    as_of = *sla::parse_instant("2027-01-01T00:00:00+07:00");
    for (std::size_t i = 0; i < kTickets; ++i) {
      sla::Ticket t;
      t.priority = kPriorities[random() % 4];
      t.created = start + std::chrono::seconds(random() % (365 * 86400));
      if (random() % 3 != 0) t.responded = t.created + std::chrono::seconds(random() % 172800);
      tickets.push_back(t);
      sla_ticket c = sla_ticket_init();
      c.priority = t.priority.data();  // the literals above: NUL-terminated
      c.created = t.created.time_since_epoch().count();
      if (t.responded) c.responded = t.responded->time_since_epoch().count();
      c_tickets.push_back(c);
    }
  }
};

const Workload& workload() {
  static const Workload w;
  return w;
}

sla::Evaluator premium() {
  auto made = sla::Evaluator::make(sla::load_file(kContract).model, "premium");
  return std::move(*made.evaluator);
}

void evaluate_one_by_one(benchmark::State& state) {
  const auto& w = workload();
  const sla::Evaluator ev = premium();
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(ev.evaluate(w.tickets[i], w.as_of));
    i = (i + 1) % kTickets;
  }
  state.SetItemsProcessed(state.iterations());
}

void evaluate_batch(benchmark::State& state) {
  const auto& w = workload();
  const sla::Evaluator ev = premium();
  std::vector<sla::Evaluation> out(kTickets);
  for (auto _ : state) {
    ev.evaluate(w.tickets, w.as_of, out);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetItemsProcessed(state.iterations() * kTickets);
}

void c_api_batch(benchmark::State& state) {
  const auto& w = workload();
  sla_contract* contract = nullptr;
  sla_evaluator* ev = nullptr;
  sla_contract_load_file(kContract.c_str(), nullptr, &contract, nullptr);
  sla_evaluator_new(contract, "premium", nullptr, 0, &ev, nullptr);
  std::vector<sla_result> out(kTickets);
  const int64_t as_of = w.as_of.time_since_epoch().count();
  for (auto _ : state) {
    sla_evaluate_batch(ev, w.c_tickets.data(), kTickets, as_of, out.data());
    benchmark::DoNotOptimize(out.data());
  }
  state.SetItemsProcessed(state.iterations() * kTickets);
  sla_evaluator_free(ev);
  sla_contract_free(contract);
}

}  // namespace

// The lint reviews every package with every allowed set of add-ons: the Qiscus
// contract (7 combinations), and a package with twelve add-ons that combine
// freely (4096 combinations, the most the lint walks per package).
void lint_qiscus(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(sla::lint_file(kContract).diagnostics.size());
}

void lint_many_addons(benchmark::State& state) {
  std::string text =
      "priorities { Low \"l\"; High \"h\" }\n"
      "calendar office { zone \"Asia/Jakarta\"; open Mon-Fri 09:00-17:00; open on holidays }\n"
      "package standard \"S\" { calendar office; respond to Low within 8 business hours; "
      "respond to High within 4 business hours }\n";
  for (int i = 0; i < 12; ++i)
    text += "addon a" + std::to_string(i) + " \"A\" { requires standard; price EUR 1 per year; " +
            "respond to High within " + std::to_string(i % 3 + 1) + " business hours }\n";
  for (auto _ : state)
    benchmark::DoNotOptimize(sla::lint_string("many.sla", text).diagnostics.size());
}

BENCHMARK(evaluate_one_by_one);
BENCHMARK(evaluate_batch)->Unit(benchmark::kMillisecond);
BENCHMARK(evaluate_batch)->Unit(benchmark::kMillisecond)->Threads(2);
BENCHMARK(c_api_batch)->Unit(benchmark::kMillisecond);
BENCHMARK(lint_qiscus)->Unit(benchmark::kMillisecond);
BENCHMARK(lint_many_addons)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
