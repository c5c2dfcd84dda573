// libFuzzer target for the row readers: arbitrary bytes as CSV (first byte even)
// or JSON Lines (odd), read as tickets (bit 1 clear: evaluated under the Qiscus
// premium package, or with bit 2 set under GOV.UK Pay's partner package with its
// attributes, updates and restorations, and written; every row must come back) or
// as incidents (bit 1 set: every row read or refused with a reason, then a monthly
// uptime report whose minutes never exceed the month).
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "sla/evaluator.hpp"
#include "sla/load.hpp"
#include "sla/uptime.hpp"
#include "tools/io/eval_pipeline.hpp"
#include "tools/io/incident_reader.hpp"
#include "tools/io/result_writer.hpp"
#include "tools/io/ticket_reader.hpp"

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

const sla::Evaluator& beyond() {
  static const sla::LoadResult contract =
      sla::load_file(std::string(SLA_SOURCE_DIR) + "/contracts/govuk-pay.sla");
  static const sla::Evaluator::Made made = [] {
    if (!contract.ok()) std::abort();
    return sla::Evaluator::make(*contract.model, "partner", {});
  }();
  if (!made.evaluator) std::abort();
  return *made.evaluator;
}

void incidents(std::FILE* in, bool jsonl) {
  using sla::cli::IncidentReader;
  const sla::Evaluator& ev = evaluator();
  IncidentReader reader(in, jsonl ? IncidentReader::Format::jsonl : IncidentReader::Format::csv,
                        ev.calendar());
  std::string problem;
  if (!reader.start(problem)) {
    if (problem.empty()) std::abort();  // a refusal must say why
    return;
  }
  std::vector<sla::Incident> good;
  sla::cli::IncidentRow row;
  for (std::size_t n = 1; reader.next(row); ++n) {
    if (row.number != n) std::abort();  // no row skipped or counted twice
    if (row.error.empty()) good.push_back(row.incident);
  }
  sla::UptimeQuery query;
  query.months = {std::chrono::year{2026} / 1, std::chrono::year{2026} / 2};
  std::vector<sla::Incident> countable;
  for (const auto& i : good)
    if (sla::incident_problem(i, ev.package(), query.as_of).empty()) countable.push_back(i);
  for (const auto& month :
       sla::uptime_report(ev.model(), ev.package(), ev.calendar_info(), countable, query)) {
    if (month.excluded + month.downtime + month.degraded > month.total) std::abort();
    if (month.uptime_ppm && (*month.uptime_ppm < 0 || *month.uptime_ppm > 1'000'000)) std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const bool jsonl = data[0] & 1;
  std::string text(reinterpret_cast<const char*>(data + 1), size - 1);
  std::FILE* in = fmemopen(text.data(), text.size(), "rb");
  std::FILE* out = std::fopen("/dev/null", "wb");
  if (!in || !out) std::abort();
  if (data[0] & 2) {
    incidents(in, jsonl);
  } else {
    using sla::cli::TicketReader;
    const sla::Evaluator& ev = data[0] & 4 ? beyond() : evaluator();
    std::vector<std::string> attributes;
    for (const auto& a : ev.model().attributes) attributes.push_back(a.name);
    TicketReader reader(in, jsonl ? TicketReader::Format::jsonl : TicketReader::Format::csv,
                        ev.calendar(), attributes);
    std::string problem;
    if (reader.start(problem)) {
      sla::cli::ResultWriter writer(out, sla::cli::ResultWriter::Format::jsonl, ev.calendar(),
                                    sla::cli::result_columns(ev.package()));
      const auto as_of = sla::Instant(std::chrono::seconds(1'780'000'000));
      const auto stats = sla::cli::run_eval(reader, ev, writer, as_of, 1);
      if (stats.failed > stats.rows) std::abort();
    } else if (problem.empty()) {
      std::abort();  // a refusal must say why
    }
  }
  std::fclose(in);
  std::fclose(out);
  return 0;
}
