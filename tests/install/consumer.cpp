// A host of the installed library (tests/install): the C++ API loads the bundled
// Qiscus contract and evaluates a ticket; the C API agrees on the version.
//   consumer CONTRACT VERSION
#include <sla/sla.h>
#include <sla/sla.hpp>

#include <chrono>
#include <iostream>
#include <string>

int main(int argc, char** argv) {
  if (argc != 3) return 2;
  sla::LoadResult loaded = sla::load_file(argv[1]);
  if (!loaded.ok()) {
    for (const auto& d : loaded.diagnostics)
      std::cerr << d.location.line << ": " << d.message << '\n';
    return 1;
  }
  auto made = sla::Evaluator::make(loaded.model, "premium");
  if (!made.evaluator) {
    std::cerr << made.error << '\n';
    return 1;
  }
  // Raised on Friday 2026-01-09 at 16:30 in Jakarta (09:30 UTC): a Normal ticket is
  // answered within 4 business hours, so by Monday 12:30 (05:30 UTC).
  using namespace std::chrono;
  const sla::Instant raised = sys_days{2026y / January / 9} + 9h + 30min;
  const sla::Instant due = sys_days{2026y / January / 12} + 5h + 30min;
  sla::Evaluation e = made.evaluator->evaluate({.priority = "Normal", .created = raised}, raised);
  if (!e.ok() || e.response.due != due || e.response.verdict != sla::Verdict::pending) {
    std::cerr << "unexpected evaluation: " << e.error << '\n';
    return 1;
  }
  if (sla::version() != argv[2] || std::string(sla_version()) != argv[2]) {
    std::cerr << "version " << sla::version() << " / " << sla_version() << ", expected " << argv[2]
              << '\n';
    return 1;
  }
  std::cout << "sla " << sla_version() << ": ok\n";
  return 0;
}
