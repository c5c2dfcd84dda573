#include "tools/compliance/report_rollup.hpp"

#include <algorithm>

namespace sla::cli {

void add_counts(TargetCounts& into, const TargetCounts& from) {
  into.tickets += from.tickets;
  into.met += from.met;
  into.breached += from.breached;
  into.pending += from.pending;
  into.at_risk += from.at_risk;
}

std::vector<KindCounts> counts_by_kind(const ComplianceReport& report) {
  std::vector<KindCounts> out;
  for (TargetKind kind : {TargetKind::response, TargetKind::resolution, TargetKind::update,
                          TargetKind::restoration}) {
    KindCounts k{kind, {}};
    bool any = false;
    for (const auto& g : report.groups)
      if (g.kind == kind) {
        add_counts(k.counts, g.counts);
        any = true;
      }
    if (any) out.push_back(k);
  }
  return out;
}

std::vector<TrendRow> trend_rows(const ComplianceReport& report) {
  const std::vector<KindCounts> kinds = counts_by_kind(report);
  std::vector<TrendRow> out;
  out.reserve(report.buckets.size());
  for (const auto bucket : report.buckets) {
    TrendRow row{bucket, 0, {}};
    for (const auto& k : kinds) {
      KindCounts sum{k.kind, {}};
      for (const auto& g : report.groups) {
        if (g.kind != k.kind) continue;
        if (auto it = g.trend.find(bucket); it != g.trend.end()) add_counts(sum.counts, it->second);
      }
      row.tickets = std::max(row.tickets, sum.counts.tickets);
      row.kinds.push_back(sum);
    }
    out.push_back(std::move(row));
  }
  return out;
}

bool counts_open_time(const ComplianceReport& report, std::string_view priority, TargetKind kind) {
  return std::any_of(report.groups.begin(), report.groups.end(), [&](const ComplianceGroup& g) {
    return g.business && g.kind == kind && g.priority == priority;
  });
}

std::size_t reported_rows(const ComplianceReport& report) {
  const std::size_t apart = report.outside_period + report.errors;
  return report.rows > apart ? report.rows - apart : 0;
}

}  // namespace sla::cli
