// libFuzzer target for the help desks' importers (sla eval --desk): arbitrary bytes
// read as a desk's export (first byte: bits 0-1 pick zendesk, jira, zammad or
// freshdesk) through its default map and evaluated under the Qiscus premium
// package; every ticket comes back once, numbered in order, and a refusal says why.
// With bit 2 set, the bytes are a mapping file instead: parsed, or refused with
// "FILE:LINE: why".
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "sla/evaluator.hpp"
#include "sla/load.hpp"
#include "tools/helpdesk/desk_map.hpp"
#include "tools/helpdesk/desk_reader.hpp"

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
  using namespace sla::cli;
  if (size == 0) return 0;
  constexpr Desk desks[] = {Desk::zendesk, Desk::jira, Desk::zammad, Desk::freshdesk};
  const Desk desk = desks[data[0] & 3];
  std::string text(reinterpret_cast<const char*>(data + 1), size - 1);
  if (data[0] & 4) {
    std::string error;
    const auto map = parse_desk_map(text, desk, "fuzz.ini", error);
    if (!map && error.rfind("fuzz.ini:", 0) != 0) std::abort();  // errors name file:line
    return 0;
  }
  std::FILE* in = fmemopen(text.data(), text.size(), "rb");
  if (!in) std::abort();
  const sla::Evaluator& ev = evaluator();
  DeskReader reader;
  std::string problem;
  if (reader.open(in, desk, default_desk_map(desk), ev, problem)) {
    const auto as_of = sla::Instant(std::chrono::seconds(1'780'000'000));
    TicketRow row;
    for (std::size_t n = 1; reader.next(row); ++n) {
      if (row.number != n) std::abort();  // no ticket skipped or counted twice
      if (row.error.empty()) (void)ev.evaluate(row.ticket, as_of);
    }
  } else if (problem.empty()) {
    std::abort();  // a refusal must say why
  }
  std::fclose(in);
  return 0;
}
