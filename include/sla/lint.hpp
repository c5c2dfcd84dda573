// The lint: what a careful reviewer (or a lawyer) would flag in a contract that
// checks clean. Findings are Diagnostics with stable SLA1xx codes, each explained
// with a bad and a good example in docs/lint.md.
//
//   sla::LintResult r = sla::lint_file("contracts/qiscus-enterprise.sla");
//   for (const auto& d : r.diagnostics) ...
//     // contracts/qiscus-enterprise.sla:174:3: warning[SLA103]: the label ("720 hours
//     // (30 business days)") says 30 business days, but the value is 720 hours ...
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "sla/diagnostic.hpp"
#include "sla/load.hpp"
#include "sla/model.hpp"

namespace sla {

struct LintRule {
  std::string_view code;   // "SLA103"
  std::string_view title;  // "stated label disagrees with its value"
  Severity severity;       // before --deny
};

// Every lint rule, in code order.
SLA_API const std::vector<LintRule>& lint_rules();

struct LintOptions {
  LoadOptions load;
  std::vector<std::string> allow;  // codes never reported
  std::vector<std::string> deny;   // codes reported as errors
  // Languages the contract's texts must be translated into ("id"), besides every
  // language the contract carries a translation block for.
  std::vector<std::string> languages;
};

// A finding someone weighed and silenced, kept so that a reviewer (or a rendered
// document) can see what was accepted and why.
struct SilencedFinding {
  Diagnostic diagnostic;
  // The silencing comment's words after the codes, parentheses stripped:
  // "calendar hours are meant"; empty for --allow or a comment that gives none.
  std::string reason;
  // Silenced by a comment in the contract (SARIF's "inSource"), not by --allow only.
  bool in_source = false;
};

struct LintResult {
  std::shared_ptr<const Model> model;  // null when the contract has errors
  // The loader's errors, or else the findings, in source order. Findings of one
  // code on one line are one finding (the others' places and words as its notes).
  std::vector<Diagnostic> diagnostics;
  std::vector<SilencedFinding> silenced;  // in source order
  std::size_t suppressed = 0;             // silenced.size(): by a comment or --allow
};

// Findings are silenced per line by a comment naming their code, on the line or
// alone on the line above:  # sla: allow SLA105 (calendar hours are meant)
// and per file by:          # sla: allow-file SLA110
SLA_API LintResult lint_file(const std::string& path, const LintOptions& options = {});
SLA_API LintResult lint_string(std::string_view name, std::string text,
                               const LintOptions& options = {});

}  // namespace sla
