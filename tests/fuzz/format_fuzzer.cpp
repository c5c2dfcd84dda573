// libFuzzer target: the formatter's promises as a property. For any input that
// parses, the formatted text parses to the same tree (same statements, values and
// comments) and formatting it again changes nothing; an input that does not parse
// is refused with its diagnostics. Anything else is a bug: abort.
//
//   cmake -S . -B build-fuzz -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DSLA_FUZZ=ON -DSLA_BENCH=OFF
//   cmake --build build-fuzz --target sla_format_fuzzer
//   build-fuzz/bin/sla_format_fuzzer -max_total_time=60 -max_len=65536 work-corpus
//   tests/fuzz/corpus
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "grammar/parser.hpp"
#include "tools/format/formatter.hpp"
#include "tools/format/same_syntax.hpp"

namespace {

void require(bool condition) {
  if (!condition) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const sla::ParseResult before = sla::parse(sla::SourceFile("fuzz.sla", text), 0);
  const sla::cli::FormatResult r = sla::cli::format_source("fuzz.sla", text);

  // The formatter's own check never fires: that would be a formatter bug.
  require(r.internal_error.empty());
  if (sla::has_errors(before.diagnostics)) {
    require(!r.text && !r.diagnostics.empty());
    return 0;
  }
  require(r.text.has_value());
  // Checked here again, independently of the formatter's own safety net.
  sla::ParseLimits unlimited;
  unlimited.max_file_bytes = SIZE_MAX;
  const sla::ParseResult after = sla::parse(sla::SourceFile("fuzz.sla", *r.text), 0, unlimited);
  require(!sla::has_errors(after.diagnostics));
  require(sla::cli::same_syntax(before.file, after.file));
  const sla::cli::FormatResult again = sla::cli::format_source("fuzz.sla", *r.text);
  require(again.text && *again.text == *r.text);
  return 0;
}
