// What changed between two versions of a contract, for the client: compared as
// checked Models (packages after inheritance, calendars as hours), not as text,
// so a moved or reformatted clause is no change. Each change has a stable SLA2xx
// code (docs/diff.md) and an effect on the client.
//
//   auto old_version = sla::load_file("contract-2025.sla");
//   auto new_version = sla::load_file("contract-2026.sla");
//   for (const auto& c : sla::diff(*old_version.model, *new_version.model))
//     ...  // c.effect == sla::Effect::weaker: "respond to Normal within 4 business
//          // hours -> 6 business hours"
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "sla/export.hpp"
#include "sla/model.hpp"
#include "sla/ticket.hpp"

namespace sla {

// What a change does to the client: gets less (a longer target, fewer hours, a
// higher price, a new exclusion), gets more, or neither.
enum class Effect { weaker, stronger, neutral };

SLA_API std::string_view name(Effect effect);  // "weaker", "stronger", "neutral"

struct Change {
  std::string code;  // "SLA201"
  Effect effect = Effect::neutral;
  std::string subject;               // what changed: "package premium", "calendar office_hours"
  std::string message;               // the change in words, subject included
  std::string old_value, new_value;  // as each version says it; empty when absent
  SourceRef old_at, new_at;          // the clause in each version; empty when absent
};

struct DiffRule {
  std::string_view code;
  std::string_view title;  // "target length changed"
  std::string_view rule;   // how its effect is decided, in a sentence
};

// Every change code, in code order.
SLA_API const std::vector<DiffRule>& diff_rules();

// The changes from `old_version` to `new_version`, in the new version's order
// (packages, then add-ons, calendars, the rest); empty when they say the same.
SLA_API std::vector<Change> diff(const Model& old_version, const Model& new_version);

// What the changes do to real deadlines: tickets replayed under both versions,
// per package, priority and target (response, resolution), for the packages and
// priorities both versions have.
struct ImpactRow {
  std::string package, priority;
  TargetKind target = TargetKind::response;
  std::size_t tickets = 0;
  std::size_t moved = 0, later = 0, earlier = 0;  // deadlines that moved, and which way
  std::int64_t median_shift_seconds = 0;          // of the moved ones; later is positive
  std::int64_t worst_later_seconds = 0, worst_earlier_seconds = 0;
  std::size_t flipped = 0;  // met under one version, breached under the other
};

struct Impact {
  std::size_t tickets_per_priority = 0;  // generated; 0 for tickets given
  std::size_t tickets = 0;               // replayed
  std::size_t unreadable = 0;            // given rows that were no ticket (not replayed)
  std::string from, to;                  // the period generated tickets are raised in
  std::vector<ImpactRow> rows;           // where something moved or flipped
};

// Tickets replayed one by one under every package both versions have, evaluated
// as of `as_of`: a file of tickets streams through it.
class SLA_API ImpactReplay {
 public:
  ImpactReplay(const Model& old_version, const Model& new_version);
  ~ImpactReplay();
  ImpactReplay(const ImpactReplay&) = delete;
  ImpactReplay& operator=(const ImpactReplay&) = delete;

  // Empty, or why the ticket cannot be evaluated (an unknown priority): it is then
  // not counted.
  std::string add(const Ticket& ticket, Instant as_of);
  void unreadable() { ++unreadable_; }
  Impact result() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
  std::size_t unreadable_ = 0;
};

// Replays `per_priority` generated tickets per package and priority, raised at
// random (seeded, so every run the same) across one year from the new version's
// effective date (or 2026), each answered within three days and resolved within
// ten more, under both versions.
SLA_API Impact impact(const Model& old_version, const Model& new_version,
                      std::size_t per_priority = 500);

}  // namespace sla
