// Ticket evaluation: deadlines, verdicts and escalation for tickets under one
// selected package. An Evaluator is built once per selection (targets resolved
// to seconds per priority); it is then immutable: one Evaluator may serve any
// number of threads at once, and evaluating a ticket allocates nothing. The
// rules are in docs/semantics.md, "Tickets".
//
//   auto made = sla::Evaluator::make(loaded.model, "premium", {"resolution"});
//   if (!made.evaluator) return fail(made.error);  // "unknown package 'premum' (packages: ...)"
//   sla::Evaluation e = made.evaluator->evaluate(ticket, now);
//   made.evaluator->add_business_time(raised, std::chrono::hours(4))
//     // the instant four business hours after `raised`: 2026-01-12 12:30 +07:00
#pragma once

#include <array>
#include <chrono>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sla/export.hpp"
#include "sla/model.hpp"
#include "sla/ticket.hpp"

namespace sla {

class SLA_API Evaluator {
 public:
  struct Made;

  // Builds the evaluator for a package and add-ons (applied in the contract's
  // order, each checked against its `requires` and `excludes`), or says why not.
  // This overload shares ownership of the Model: the Evaluator keeps it alive.
  static Made make(std::shared_ptr<const Model> model, const std::string& package,
                   const std::vector<std::string>& addons = {});
  // As above; `model` must outlive the Evaluator.
  static Made make(const Model& model, const std::string& package,
                   const std::vector<std::string>& addons = {});

  // The selection must be valid (select() returned a package with a calendar);
  // `model` must outlive the Evaluator.
  Evaluator(const Model& model, Package package, const CalendarInfo& calendar);

  // A copy resolves its targets again (they point into its own package); a move
  // keeps them (moved vectors keep their elements where they are).
  Evaluator(const Evaluator& other);
  Evaluator& operator=(const Evaluator& other);
  Evaluator(Evaluator&&) = default;
  Evaluator& operator=(Evaluator&&) = default;

  // One ticket as of `as_of`: what happens later (a response, a resolution, an
  // event) is not known yet. Bad tickets
  // (unknown priority, times out of order or outside the years 1901-2398) come
  // back with Evaluation::error set; nothing throws.
  Evaluation evaluate(const Ticket& ticket, Instant as_of) const;
  // A batch: out[i] is evaluate(tickets[i], as_of); `out` has tickets.size() slots.
  void evaluate(std::span<const Ticket> tickets, Instant as_of, std::span<Evaluation> out) const;
  std::vector<Evaluation> evaluate(std::span<const Ticket> tickets, Instant as_of) const;

  // Time queries under the package's calendar. Instants outside the supported
  // years (1901-2398) give false or nullopt, as does a moment that never comes
  // (a desk that never opens again).
  bool is_open(Instant t) const;
  std::optional<Instant> next_opening(Instant t) const;
  // `business` of open time counted from `from` (from the next opening when closed).
  std::optional<Instant> add_business_time(Instant from, std::chrono::seconds business) const;
  // The mirror: the latest instant from which `business` of open time reaches `to`
  // (`to` itself for zero). nullopt also when there is not that much open time
  // between the start of the years and `to`, or `business` is negative.
  std::optional<Instant> subtract_business_time(Instant to, std::chrono::seconds business) const;
  // Open time in [from, to).
  std::optional<std::chrono::seconds> business_time_between(Instant from, Instant to) const;
  // The calendar zone's offset from UTC at `t` (+07:00 is 25200 s), for showing
  // instants as the contract's local time.
  std::chrono::seconds utc_offset(Instant t) const;
  // A time as tickets and the CLI give it: RFC 3339 with an offset, or without one
  // ("2026-01-09T16:30:00", also with a space) read in the package calendar's zone
  // (a time in a spring-forward gap is the gap's end). Malformed text, or an instant
  // outside the supported years, gives nullopt and `error` says why.
  std::optional<Instant> parse_time(std::string_view text, std::string* error = nullptr) const;

  // The due time of one target (on its own calendar), honouring pauses, and the
  // ladder band reached: exposed for explanations. Unlike evaluate(), they take
  // instants as they come: outside the supported years they throw std::out_of_range.
  // A target that never falls due (a desk that never opens again) gives Calendar::kNever.
  Instant due(Instant created, const Target& target, std::span<const TicketEvent> events,
              Instant as_of) const;
  // The target of `kind` that applies to a ticket of `priority` (none: a ticket
  // without one) with the ticket's attributes: one for its attribute values first,
  // then its priority's (or all's), else none.
  const Target* target_for(TargetKind kind, const Priority* priority,
                           std::span<const std::string_view> attributes) const;
  // The time from a ticket's creation to `to` under the clock of `target`, pauses
  // (status events known by `as_of`) taken out: in open time of the target's
  // calendar, and in all time. For reports: how long a response took.
  struct TimeTaken {
    std::chrono::seconds open{0}, all{0};
  };
  TimeTaken time_taken(const Target& target, const Ticket& ticket, Instant to, Instant as_of) const;
  // The calendar a target runs on: its own ("on calendar X") or the package's.
  const CalendarInfo& calendar_of(const Target& target) const;

  const Package& package() const { return package_; }  // the merged terms
  const CalendarInfo& calendar_info() const { return *calendar_info_; }
  const Calendar& calendar() const { return *calendar_info_->calendar; }  // internal
  const Model& model() const { return *model_; }
  bool is_pausing(std::string_view status) const;
  // The ladder band reached by a ticket of `priority` (none: no priority) at `at`,
  // for a ticket with no response and no resolution by then (business bands count
  // open time since `created`); see due() on instants.
  const EscalationBand* band_at(const Priority* priority, Instant created, Instant at) const;
  // As above, for a ticket answered at `responded` and resolved at `resolved` (each
  // only if by `at`): a band stops climbing at the response, or at the resolution
  // when it says 'when not resolved'.
  const EscalationBand* band_at(const Priority* priority, Instant created, Instant at,
                                std::optional<Instant> responded,
                                std::optional<Instant> resolved) const;
  // Case-insensitive priority lookup without allocation.
  const Priority* find_priority(std::string_view name) const;
  // The escalation bands a ticket of `priority` climbs (none: no priority); empty
  // when no ladder applies.
  std::span<const EscalationBand> ladder(const Priority* priority) const;
  // Why a ticket could not be evaluated, in words, from its Evaluation (whose error
  // is set): "unknown priority 'Urgent' (known: Low, Normal, High, Critical)",
  // with a "did you mean" for a likely typo. The list is made once, here.
  std::string error_text(const Evaluation& evaluation) const;

 private:
  struct Resolved {  // a target with its calendar and its length in seconds
    const Target* target = nullptr;
    const CalendarInfo* calendar = nullptr;
    std::chrono::seconds length{0};
    std::size_t attribute = 0;  // the condition's attribute (index in Model::attributes)
  };
  // A ladder with its bands' starts and ends in seconds.
  struct Ladder {
    std::span<const EscalationBand> bands;  // a span: it stays valid when the package moves
    std::vector<std::pair<std::chrono::seconds, std::optional<std::chrono::seconds>>> lengths;
  };

  std::shared_ptr<const Model> owner_;  // set by make(shared_ptr): keeps model_ alive
  const Model* model_;
  Package package_;
  const CalendarInfo* calendar_info_;
  // Per target kind, per priority rank (the last slot: tickets without a priority),
  // the targets that may apply, those with a condition first.
  std::array<std::vector<std::vector<Resolved>>, 4> targets_;
  std::vector<Ladder> ladders_;
  std::vector<int> ladder_of_;  // per slot as targets_: index in ladders_, -1 none
  std::vector<std::string_view>
      priority_names_;                     // as the contract declares them (as check lists them)
  std::string known_priorities_;           // "Low, Normal, High, Critical"
  std::vector<std::string> known_values_;  // per attribute, for messages: "phone", "e-mail"

  std::size_t slot(const Priority* priority) const;
  const Resolved* applicable(TargetKind kind, const Priority* priority,
                             std::span<const std::string_view> attributes) const;
  Instant due(Instant created, const Resolved& target, std::span<const TicketEvent> events,
              Instant as_of) const;
  std::chrono::seconds length(const DurationValue& d) const;  // under the package's calendar
  Instant relative_due(const Calendar& cal, Instant start, const RelativeDeadline& by,
                       std::span<const TicketEvent> events, Instant as_of) const;
  std::chrono::seconds active_time(const Calendar& cal, bool business, Instant from, Instant to,
                                   std::span<const TicketEvent> events, Instant as_of) const;
  void measure_progress(TargetOutcome& outcome, const Resolved& target, Instant created,
                        std::span<const TicketEvent> events, Instant as_of) const;
  TargetOutcome judge_updates(const Ticket& ticket, const Resolved& target, Instant as_of,
                              std::optional<std::chrono::seconds>& worst_gap) const;
};

struct Evaluator::Made {
  std::optional<Evaluator> evaluator;
  std::string error;  // why not, when evaluator is empty
};

}  // namespace sla
