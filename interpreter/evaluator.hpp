// Ticket evaluation: deadlines, verdicts and escalation for one ticket under a
// selected package. The Evaluator is built once per selection (targets resolved
// to seconds per priority) and is then const, thread-safe and allocation-free
// per ticket. The rules are in docs/semantics.md, "Tickets".
#pragma once

#include <chrono>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "interpreter/calendar.hpp"
#include "sla/model.hpp"

namespace sla {

struct TicketEvent {
  enum class Kind { status, priority };
  Instant at;
  Kind kind = Kind::status;
  std::string_view value;  // the status, or the new priority's name
};

struct Ticket {
  std::string_view priority;
  Instant created;
  std::optional<Instant> responded;
  std::optional<Instant> resolved;
  std::span<const TicketEvent> events;  // in time order
};

enum class Verdict { met, breached, pending, no_target };

struct TargetOutcome {
  Verdict verdict = Verdict::no_target;
  std::optional<Instant> due;
  std::optional<Commitment> commitment;  // none when there is no target
};

struct Evaluation {
  const Priority* priority = nullptr;  // the priority the targets were computed for
  TargetOutcome response, resolution;
  const EscalationBand* escalation = nullptr;  // the band reached, if the ladder has one
  std::string_view error;             // set when the ticket cannot be evaluated; the rest is empty
  std::string_view unknown_priority;  // with error "unknown priority": the name looked up
};

std::string_view name(Verdict verdict);

class Evaluator {
 public:
  // The selection must be valid (select() returned a package with a calendar).
  Evaluator(const Model& model, Package package, const CalendarInfo& calendar);

  // Builds the evaluator for a package and add-ons, or says why not.
  struct Made;
  static Made make(const Model& model, const std::string& package,
                   const std::vector<std::string>& addons);

  Evaluation evaluate(const Ticket& ticket, Instant as_of) const;

  // The due time of one target, honouring pauses; exposed for `sla explain`.
  Instant due(Instant created, const Target& target, std::span<const TicketEvent> events,
              Instant as_of) const;

  const Package& package() const { return package_; }
  const CalendarInfo& calendar_info() const { return *calendar_info_; }
  const Calendar& calendar() const { return *calendar_info_->calendar; }
  const Model& model() const { return *model_; }
  bool is_pausing(std::string_view status) const;
  // The ladder band reached after `elapsed` since creation (business bands count open time).
  const EscalationBand* band_at(Instant created, Instant at) const;
  // Case-insensitive priority lookup without allocation.
  const Priority* find_priority(std::string_view name) const;

 private:
  struct Resolved {  // a target with its length in seconds
    const Target* target = nullptr;
    std::chrono::seconds length{0};
  };

  const Model* model_;
  Package package_;
  const CalendarInfo* calendar_info_;
  std::vector<Resolved> response_, resolution_;  // by priority rank
  std::vector<std::pair<std::chrono::seconds, std::optional<std::chrono::seconds>>> bands_;

  std::chrono::seconds length(const DurationValue& d) const;
};

struct Evaluator::Made {
  std::optional<Evaluator> evaluator;
  std::string error;
};

}  // namespace sla
