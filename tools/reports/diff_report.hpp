// The changes between two contract versions for people, tools and CI: text,
// JSON, SARIF 2.1.0, GitHub workflow annotations and Markdown (a pull request's
// comment).
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sla/diff.hpp"

namespace sla::cli {

struct DiffSummary {
  std::string old_file, new_file;  // as named on the command line
  std::vector<Change> changes;
  nlohmann::ordered_json impact;  // --impact: the replayed tickets; null when not asked
  // The old version is a file annotations may point into (not `REF:FILE` from git).
  bool old_is_file = true;
};

// {"old", "new", "changes": [{"code", "effect", "subject", "message", "old", "new",
//  "old_at": {"file", "line"}, "new_at": ...}], "summary": {"weaker", "stronger",
//  "neutral"}, "impact"?}
nlohmann::ordered_json diff_json(const DiffSummary& summary);
nlohmann::ordered_json diff_sarif(const DiffSummary& summary);
std::string diff_github(const DiffSummary& summary);
std::string diff_markdown(const DiffSummary& summary);
// {"tickets_per_priority", "from", "to", "rows": [{"package", "priority", "target",
//  "tickets", "moved", "later", "earlier", "median_shift_seconds", "median_shift",
//  "worst_later_seconds", "worst_earlier_seconds", "flipped"}]}
nlohmann::ordered_json impact_json(const Impact& impact);

// For people: one change a line (effect, code, message), its places below.
std::string diff_text(const DiffSummary& summary, bool colour);

}  // namespace sla::cli
