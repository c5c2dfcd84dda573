// Helpers shared by the lint tests: a contract's two common items, and findings
// looked up and printed for a failing check's message.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "sla/lint.hpp"

namespace sla::testing {

// Two priorities and an office calendar open on holidays, as docs/lint.md's
// examples share them (lines 2-10; the text starts with a line break).
inline const std::string kLintBase = R"(
priorities {
  Low "Questions"
  High "Production down"
}
calendar office "Weekdays" {
  zone "Asia/Jakarta"
  open Mon-Fri 09:00-17:00
  open on holidays
}
)";

// "SLA103 12: message", one finding a line.
inline std::string dump(const LintResult& r) {
  std::string out;
  for (const auto& d : r.diagnostics)
    out += d.code + " " + std::to_string(d.location.line) + ": " + d.message + "\n";
  return out;
}

inline bool has(const LintResult& r, std::string_view code) {
  return std::any_of(r.diagnostics.begin(), r.diagnostics.end(),
                     [&](const Diagnostic& d) { return d.code == code; });
}

}  // namespace sla::testing
