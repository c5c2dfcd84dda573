// One ticket's evaluation told step by step, clause by clause: when the clock
// started, each open, closed or paused span and why, each due time and verdict,
// the escalation ladder. `sla explain` prints it; `sla test` prints it under a
// failing example.
//
//   for (const sla::ExplanationStep& s : sla::explain(evaluator, ticket, now))
//     puts(s.text.c_str());
//
//   Under premium "Premium Support"; calendar office_hours in Asia/Jakarta (Mon-Fri 09:00-17:00).
//   Priority Critical: Production system down, mission-critical function not available, ...
//   Respond to Critical within 1 business hour (committed), worded "Within 1 hour", stated at
//     contracts/qiscus-enterprise.sla:103
//   Raised Friday 2026-01-09T16:30:00+07:00, during operating hours: the clock starts at once.
//   Open from Friday 2026-01-09T16:30:00+07:00 to Friday 2026-01-09T17:00:00+07:00: 30 min counted.
//   ...
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "sla/evaluator.hpp"
#include "sla/export.hpp"
#include "sla/model.hpp"
#include "sla/ticket.hpp"

namespace sla {

struct ExplanationStep {
  // "package", "priority_change", "priority", "response_target", "resolution_target",
  // "clock_start", "open", "closed", "pause", "repeat" (the same open and closed spans
  // again, counted once), "truncated" (a walk cut after 400 spans),
  // "response_due", "resolution_due", "escalation", "escalation_now"
  std::string kind;
  std::string text;  // a sentence, local times in the calendar's zone
  std::optional<Instant> from, until;
  std::optional<Instant> due;  // in "response_due" and "resolution_due"; none when it never comes
  std::string status;          // with `due`: "met", "breached" or "pending"
};

// The steps; empty when the ticket cannot be evaluated (evaluate() says why).
SLA_API std::vector<ExplanationStep> explain(const Evaluator& evaluator, const Ticket& ticket,
                                             Instant as_of);

}  // namespace sla
