// Lint findings for tools: JSON, SARIF 2.1.0 (code-scanning UIs show findings
// inline) and GitHub workflow annotation lines.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sla/diagnostic.hpp"
#include "sla/lint.hpp"

namespace sla::cli {

struct LintSummary {
  std::vector<std::string> files;
  std::vector<Diagnostic> diagnostics;
  std::size_t suppressed = 0;
  std::vector<SilencedFinding> silenced;  // with the silencing comment's reason
};

// {"files", "diagnostics": [...], "silenced": [... with "reason"],
//  "summary": {"errors", "warnings", "notes", "suppressed"}}
nlohmann::ordered_json lint_json(const LintSummary& summary);

// One SARIF run; every rule of the lint is listed, with a link to its docs.
nlohmann::ordered_json lint_sarif(const LintSummary& summary);

// "::warning file=F,line=L,col=C,title=SLA105 ...::message", one per finding.
std::string github_annotations(const LintSummary& summary);

}  // namespace sla::cli
