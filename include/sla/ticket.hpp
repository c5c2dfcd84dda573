// A ticket as the evaluator reads it, and what it says about it. Plain values:
// the strings and the event list are views the caller keeps alive for the call,
// so evaluating a ticket allocates nothing.
//
//   sla::Ticket t{.priority = "Critical", .created = raised, .responded = answered};
//   sla::Evaluation e = evaluator.evaluate(t, now);
//   e.response.verdict    // sla::Verdict::met
//   e.resolution.due      // 2026-01-10 00:30 +07:00, as an Instant
//   e.escalation->role    // "Technical Support"
#pragma once

#include <chrono>
#include <optional>
#include <span>
#include <string_view>

#include "sla/export.hpp"
#include "sla/model.hpp"

namespace sla {

struct TicketEvent {
  enum class Kind { status, priority, update };
  Instant at{};
  Kind kind = Kind::status;
  // The status ("Waiting on customer"), the new priority's name, or the update's text.
  std::string_view value{};
};

struct Ticket {
  // Every member has a default, so designated initializers may leave any out.
  std::string_view priority{};  // a priority of the contract, in any case; empty: none
  Instant created{};
  std::optional<Instant> responded{};  // the first response
  std::optional<Instant> resolved{};
  std::span<const TicketEvent> events{};  // in time order
  std::optional<Instant> restored{};      // service restored, or a workaround given
  // The ticket's attribute values in the order of Model::attributes (any case);
  // an empty value, or a span shorter than the list, means the ticket has none.
  std::span<const std::string_view> attributes{};
};

enum class Verdict { met, breached, pending, no_target };

// "met", "breached", "pending", "no_target"
SLA_API std::string_view name(Verdict verdict);

struct TargetOutcome {
  Verdict verdict = Verdict::no_target;
  // None without a target, or when it never falls due. For updates: when the next
  // update is (or the one missed was) due; none once met.
  std::optional<Instant> due;
  std::optional<Commitment> commitment;  // none when there is no target
  const Target* target = nullptr;        // the contract's target that applied
  // A pending target with a due time: how much of its time has passed and how much
  // is left as of the evaluation, as the target counts it (open time for business
  // targets and next-business-day deadlines, pauses taken out); and whether that is
  // past the first of the package's warnings (`warn at 50 %, 75 %`).
  std::optional<std::chrono::seconds> elapsed, left;
  bool at_risk = false;
};

// The verdict as eval reports it: "at_risk" for a pending target past a warning,
// else name(verdict).
SLA_API std::string_view status_name(const TargetOutcome& outcome);

// Pointers and views point into the Evaluator (and its Model) or the Ticket.
struct Evaluation {
  const Priority* priority = nullptr;  // the priority the targets were computed for; none: none
  TargetOutcome response, resolution, update, restoration;
  // The longest time between updates so far (business time when the period is), from
  // the first response to the resolution or as-of; none before the first response.
  std::optional<std::chrono::seconds> update_worst_gap;
  const EscalationBand* escalation = nullptr;  // the band reached, if the ladder has one
  // Set when the ticket cannot be evaluated ("unknown priority", "resolved before
  // creation", ...); everything else is then empty.
  std::string_view error;
  std::string_view unknown_priority;  // with error "unknown priority": the name looked up
  // With error "unknown attribute value": which attribute (index in Model::attributes)
  // and the value given.
  std::size_t unknown_attribute = 0;
  std::string_view unknown_value;

  bool ok() const { return error.empty(); }
};

}  // namespace sla
