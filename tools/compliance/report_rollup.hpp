// The report's groups summed up for its summary and its trend: the counts of every
// priority's target of one kind together (the overall compliance of responses, of
// resolutions), per report and per trend bucket.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "tools/compliance/compliance.hpp"

namespace sla::cli {

void add_counts(TargetCounts& into, const TargetCounts& from);

struct KindCounts {
  TargetKind kind = TargetKind::response;
  TargetCounts counts;
};

// Every kind of target the report has a group of, in the order response,
// resolution, update, restoration.
std::vector<KindCounts> counts_by_kind(const ComplianceReport& report);

struct TrendRow {
  date::local_days bucket;
  // Tickets created in the bucket: a ticket has at most one target of a kind, so
  // the kind that most tickets have counts them all.
  std::size_t tickets = 0;
  std::vector<KindCounts> kinds;  // as counts_by_kind: every kind, even when zero
};

// One row per bucket of the report, in order.
std::vector<TrendRow> trend_rows(const ComplianceReport& report);

// Whether the targets of a priority's kind count open time only (so that a listed
// ticket's lateness is said in hours, as its target counts it).
bool counts_open_time(const ComplianceReport& report, std::string_view priority, TargetKind kind);

// The rows counted in the groups: neither outside the period nor in error.
std::size_t reported_rows(const ComplianceReport& report);

}  // namespace sla::cli
