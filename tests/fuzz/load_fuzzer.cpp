// libFuzzer target: load and lint a contract from memory. Any input must end in a
// result (a model and findings, or diagnostics), never a crash, a hang or a
// sanitizer report.
//
//   cmake -S . -B build-fuzz -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DSLA_FUZZ=ON -DSLA_BENCH=OFF
//   cmake --build build-fuzz --target sla_load_fuzzer
//   build-fuzz/bin/sla_load_fuzzer -max_total_time=60 -max_len=65536 work-corpus tests/fuzz/corpus
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "sla/lint.hpp"

namespace {

// An invariant the loader promises; a broken one is a bug, so stop loudly.
void require(bool condition) {
  if (!condition) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  const sla::LintResult result = sla::lint_string("fuzz.sla", std::move(text));

  // A model exactly when there are no errors (findings are warnings).
  require((result.model != nullptr) == !sla::has_errors(result.diagnostics));
  // Every diagnostic has a code, a message and a 1-based position.
  for (const auto& d : result.diagnostics) {
    require(!d.code.empty());
    require(!d.message.empty());
    require(d.location.line >= 1);
    require(d.location.column >= 1);
    for (const auto& note : d.notes) {
      require(note.location.line >= 1);
      require(note.location.column >= 1);
    }
  }
  return 0;
}
