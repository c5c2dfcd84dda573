#include <fmt/format.h>
#include <cmath>

#include "tools/compliance/report_writers.hpp"
#include "tools/reports/csv_field.hpp"

namespace sla::cli {

namespace {

std::string seconds(std::optional<std::chrono::seconds> s) {
  return s ? fmt::format("{}", s->count()) : std::string();
}

}  // namespace

std::string report_csv(const ComplianceReport& r) {
  std::string out =
      "package,priority,target,length,condition,commitment,tickets,met,breached,pending,at_risk,"
      "compliance_percent,median_business_seconds,p90_business_seconds,median_calendar_seconds,"
      "p90_calendar_seconds,mean_over_target_seconds,max_over_target_seconds\n";
  for (const auto& g : r.groups) {
    const auto& c = g.counts;
    const auto share = c.compliance_percent();
    fmt::format_to(std::back_inserter(out),
                   "{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}\n", csv_field(g.package),
                   csv_field(g.priority), name(g.kind), csv_field(g.target), csv_field(g.condition),
                   g.commitment == Commitment::committed ? "committed" : "best_effort", c.tickets,
                   c.met, c.breached, c.pending, c.at_risk,
                   share ? fmt::format("{:.2f}", round_down(*share, 2)) : std::string(),
                   seconds(g.business_time.quantile(0.5)), seconds(g.business_time.quantile(0.9)),
                   seconds(g.calendar_time.quantile(0.5)), seconds(g.calendar_time.quantile(0.9)),
                   seconds(g.over_target.mean()),
                   seconds(g.over_target.count ? std::optional(g.over_target.max) : std::nullopt));
  }
  return out;
}

}  // namespace sla::cli
