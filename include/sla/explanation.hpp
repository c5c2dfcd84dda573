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

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "sla/evaluator.hpp"
#include "sla/export.hpp"
#include "sla/model.hpp"
#include "sla/ticket.hpp"

namespace sla {

struct ExplanationStep {
  // "package", "priority_change", "priority", "attributes" (the ticket's values, when
  // the contract declares attributes), "condition" (a target's `where`: the one that
  // applies, or one that does not and why), then per target kind (response,
  // resolution, restoration, update) "<kind>_target" (the clause, on its calendar):
  //   the walk: "clock_start", "open", "closed", "pause", "repeat" (the same open and
  //   closed spans again, counted once), "truncated" (a walk cut after 400 spans);
  //   "relative_deadline" (by ... next business day: the start day, the next business
  //   day, the days skipped and why, the stated time or the day's last closing, and
  //   how pauses moved it);
  //   for updates, "update_gap" (one gap between updates, `seconds` long; the text
  //   names the one that breached), "gaps_omitted", "update_ignored";
  //   "not_yet" (a response, restoration or resolution stamped after the as-of time);
  //   "<kind>_due" (the due time and verdict);
  // and last "ladder" (which escalation ladder), "escalation" (one band, reached or
  // not), "escalation_now".
  std::string kind;
  std::string text;  // a sentence, local times in the package calendar's zone
  std::optional<Instant> from, until;
  std::optional<Instant> due;  // in the "*_due" steps; none when it never comes
  std::string status;          // with `due`: "met", "breached" or "pending"
  // The length of an "update_gap" (business seconds when the period is in business
  // units); in "update_due", the worst gap so far (none before the first response).
  std::optional<std::chrono::seconds> seconds;
};

// The steps; empty when the ticket cannot be evaluated (evaluate() says why).
SLA_API std::vector<ExplanationStep> explain(const Evaluator& evaluator, const Ticket& ticket,
                                             Instant as_of);

}  // namespace sla
