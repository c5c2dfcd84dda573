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

#include <optional>
#include <span>
#include <string_view>

#include "sla/export.hpp"
#include "sla/model.hpp"

namespace sla {

struct TicketEvent {
  enum class Kind { status, priority };
  Instant at{};
  Kind kind = Kind::status;
  std::string_view value{};  // the status ("Waiting on customer"), or the new priority's name
};

struct Ticket {
  // Every member has a default, so designated initializers may leave any out.
  std::string_view priority{};  // a priority of the contract, in any case
  Instant created{};
  std::optional<Instant> responded{};  // the first response
  std::optional<Instant> resolved{};
  std::span<const TicketEvent> events{};  // in time order
};

enum class Verdict { met, breached, pending, no_target };

// "met", "breached", "pending", "no_target"
SLA_API std::string_view name(Verdict verdict);

struct TargetOutcome {
  Verdict verdict = Verdict::no_target;
  std::optional<Instant> due;            // none without a target, or when it never falls due
  std::optional<Commitment> commitment;  // none when there is no target
};

// Pointers and views point into the Evaluator (and its Model) or the Ticket.
struct Evaluation {
  const Priority* priority = nullptr;  // the priority the targets were computed for
  TargetOutcome response, resolution;
  const EscalationBand* escalation = nullptr;  // the band reached, if the ladder has one
  // Set when the ticket cannot be evaluated ("unknown priority", "resolved before
  // creation", ...); everything else is then empty.
  std::string_view error;
  std::string_view unknown_priority;  // with error "unknown priority": the name looked up

  bool ok() const { return error.empty(); }
};

}  // namespace sla
