// libFuzzer target for sla::explain: a contract built from the input (a zone with a
// positive, negative or local-mean-time offset; sparse, overnight or full weekly
// hours; a year of holidays that can close the desk for good; business or calendar
// targets up to a century) and a ticket anywhere in the supported years, with
// pauses. explain must return (libFuzzer's -timeout catches a hang), stay within its
// step bound, and agree with evaluate on every due time, "never" included.
#include <fuzzer/FuzzedDataProvider.h>

#include <date/date.h>
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "sla/evaluator.hpp"
#include "sla/explanation.hpp"
#include "sla/load.hpp"

namespace {

constexpr const char* kZones[] = {
    "UTC",        "Asia/Jakarta", "Asia/Tokyo",    "America/New_York",
    "Etc/GMT-14", "Etc/GMT+12",   "Europe/Berlin", "Australia/Lord_Howe"};
constexpr const char* kDays[] = {"Mon-Fri", "Mon", "Sat", "Sun", "Mon-Sun", "Tue-Thu"};
constexpr std::int64_t kFirst = -2177452800;  // 1901-01-01T00:00:00Z
constexpr std::int64_t kEnd = 13537929600;    // 2399-01-01T00:00:00Z

std::string hours(FuzzedDataProvider& in) {
  switch (in.ConsumeIntegralInRange(0, 4)) {
    case 0:
      return "open always";
    case 1:  // overnight
      return fmt::format("open {} 22:00-06:00", in.PickValueInArray(kDays));
    default: {
      const int from = in.ConsumeIntegralInRange(0, 22);
      const int to = in.ConsumeIntegralInRange(from + 1, 24);
      return fmt::format("open {} {:02}:{:02}-{:02}:00", in.PickValueInArray(kDays), from,
                         in.ConsumeBool() ? 30 : 0, to);
    }
  }
}

std::string holidays(FuzzedDataProvider& in) {
  const int year = in.ConsumeIntegralInRange(1901, 2398);
  std::string out;
  const bool whole_year = in.ConsumeBool();
  for (int m = 1; m <= 12; ++m)
    for (int d = 1; d <= 31; ++d) {
      const date::year_month_day ymd{date::year(year), date::month(static_cast<unsigned>(m)),
                                     date::day(static_cast<unsigned>(d))};
      if (ymd.ok() && (whole_year || in.ConsumeIntegralInRange(0, 60) == 0))
        out += fmt::format("  {:04}-{:02}-{:02} \"H\"\n", year, m, d);
    }
  return out.empty() ? fmt::format("  {:04}-01-01 \"H\"\n", year) : out;
}

std::string target(FuzzedDataProvider& in, const char* verb) {
  const bool business = in.ConsumeBool();
  const auto amount = in.ConsumeIntegralInRange(1, business ? 2000 : 36500);
  const char* unit = in.PickValueInArray({"minutes", "hours", "days"});
  return fmt::format("{} P within {} {}{} committed", verb, amount, business ? "business " : "",
                     unit);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider in(data, size);
  const std::string text = fmt::format(
      "contract \"F\" {{ provider \"P\"; version \"1\"; effective 2026-01-01 }}\n"
      "holidays h {{\n{}}}\n"
      "calendar c {{ zone \"{}\"; {}; closed on holidays h }}\n"
      "priorities {{ P \"p\" }}\n"
      "package p \"P\" {{\n  calendar c\n  clock pauses on status \"hold\"\n  {}\n  {}\n}}\n",
      holidays(in), in.PickValueInArray(kZones), hours(in), target(in, "respond to"),
      target(in, "resolve"));
  const sla::LoadResult contract = sla::load_string("fuzz.sla", text);
  if (!contract.ok()) return 0;  // a generated business day without a length, say
  const auto made = sla::Evaluator::make(contract.model, "p");
  if (!made.evaluator) std::abort();
  const sla::Evaluator& ev = *made.evaluator;

  auto instant = [](std::int64_t s) { return sla::Instant(std::chrono::seconds(s)); };
  const std::int64_t created = in.ConsumeIntegralInRange(kFirst, kEnd - 1);
  const std::int64_t as_of = in.ConsumeIntegralInRange(created, kEnd - 1);
  std::vector<sla::TicketEvent> events;
  for (int i = in.ConsumeIntegralInRange(0, 4); i > 0; --i)
    events.push_back({instant(in.ConsumeIntegralInRange(created, kEnd - 1)),
                      sla::TicketEvent::Kind::status, in.ConsumeBool() ? "hold" : "open"});
  std::sort(events.begin(), events.end(),
            [](const sla::TicketEvent& a, const sla::TicketEvent& b) { return a.at < b.at; });
  sla::Ticket ticket{.priority = "P", .created = instant(created)};
  ticket.events = events;
  if (in.ConsumeBool()) ticket.responded = instant(in.ConsumeIntegralInRange(created, kEnd - 1));

  const sla::Evaluation result = ev.evaluate(ticket, instant(as_of));
  const auto steps = sla::explain(ev, ticket, instant(as_of));
  if (!result.ok()) {
    if (!steps.empty()) std::abort();  // explain tells only what evaluate can judge
    return 0;
  }
  // Two walks of at most 400 spans each, plus their pauses and the fixed steps.
  if (steps.size() > 2 * (400 + 2 * events.size() + 4) + 12) std::abort();
  for (const auto& s : steps) {
    if (s.text.empty()) std::abort();
    if (s.kind == "response_due" && s.due != result.response.due) std::abort();
    if (s.kind == "resolution_due" && s.due != result.resolution.due) std::abort();
  }
  return 0;
}
