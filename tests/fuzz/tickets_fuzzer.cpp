// libFuzzer target for the ticket readers: arbitrary bytes as CSV (first byte even)
// or JSON Lines (odd), read, evaluated under the Qiscus premium package, and
// written. Every row must come back: rows read == rows written, and no crash.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "interpreter/evaluator.hpp"
#include "sla/load.hpp"
#include "tools/eval_pipeline.hpp"
#include "tools/result_writer.hpp"
#include "tools/ticket_reader.hpp"

namespace {

const sla::Evaluator& evaluator() {
  static const sla::LoadResult contract =
      sla::load_file(std::string(SLA_SOURCE_DIR) + "/contracts/qiscus-enterprise.sla");
  static const sla::Evaluator::Made made = [] {
    if (!contract.ok()) std::abort();
    return sla::Evaluator::make(*contract.model, "premium", {});
  }();
  if (!made.evaluator) std::abort();
  return *made.evaluator;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const bool jsonl = data[0] & 1;
  std::string text(reinterpret_cast<const char*>(data + 1), size - 1);
  std::FILE* in = fmemopen(text.data(), text.size(), "rb");
  std::FILE* out = std::fopen("/dev/null", "wb");
  if (!in || !out) std::abort();
  {
    using sla::cli::TicketReader;
    TicketReader reader(in, jsonl ? TicketReader::Format::jsonl : TicketReader::Format::csv,
                        evaluator().calendar());
    std::string problem;
    if (reader.start(problem)) {
      sla::cli::ResultWriter writer(out, sla::cli::ResultWriter::Format::jsonl,
                                    evaluator().calendar());
      const auto as_of = sla::Instant(std::chrono::seconds(1'780'000'000));
      const auto stats = sla::cli::run_eval(reader, evaluator(), writer, as_of, 1);
      if (stats.failed > stats.rows) std::abort();
    } else if (problem.empty()) {
      std::abort();  // a refusal must say why
    }
  }
  std::fclose(in);
  std::fclose(out);
  return 0;
}
