#include "sla/evaluator.hpp"

#include "interpreter/calendar.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <cctype>

#include "grammar/suggest.hpp"

namespace sla {

namespace {

// The years every query supports, with a year's margin for a zone's offset and
// for deadlines that run past the end of a ticket's year.
constexpr Instant kFirstSupported = date::sys_days{date::year{1901} / 1 / 1};
constexpr Instant kEndSupported = date::sys_days{date::year{2399} / 1 / 1};

bool supported(Instant t) {
  return t >= kFirstSupported && t < kEndSupported;
}

std::optional<Instant> unless_never(Instant t) {
  if (t == Calendar::kNever) return std::nullopt;
  return t;
}

// `done` after as_of is not known yet: as of then, the target is still awaited.
TargetOutcome judge(const std::optional<Instant>& done, Instant due, Instant as_of, Commitment c) {
  TargetOutcome o;
  o.due = unless_never(due);  // a desk that never opens again: no due time at all
  o.commitment = c;
  if (done && *done <= as_of)
    o.verdict = *done <= due ? Verdict::met : Verdict::breached;
  else
    o.verdict = as_of > due ? Verdict::breached : Verdict::pending;
  return o;
}

}  // namespace

std::string_view name(Verdict verdict) {
  switch (verdict) {
    case Verdict::met:
      return "met";
    case Verdict::breached:
      return "breached";
    case Verdict::pending:
      return "pending";
    case Verdict::no_target:
      return "no_target";
  }
  return "no_target";
}

Evaluator::Made Evaluator::make(std::shared_ptr<const Model> model, const std::string& package,
                                const std::vector<std::string>& addons) {
  if (!model) return {std::nullopt, "no contract (the load failed)"};
  Made made = make(*model, package, addons);
  if (made.evaluator) made.evaluator->owner_ = std::move(model);
  return made;
}

Evaluator::Made Evaluator::make(const Model& model, const std::string& package,
                                const std::vector<std::string>& addons) {
  Made made;
  Selection sel = select(model, package, addons);
  if (!sel.package) {
    made.error = sel.error;
    return made;
  }
  if (!sel.calendar || !sel.calendar->calendar) {
    made.error = "package '" + package + "' has no calendar";
    return made;
  }
  made.evaluator.emplace(model, std::move(*sel.package), *sel.calendar);
  return made;
}

Evaluator::Evaluator(const Model& model, Package package, const CalendarInfo& calendar)
    : model_(&model), package_(std::move(package)), calendar_info_(&calendar) {
  response_.resize(model.priorities.size());
  resolution_.resize(model.priorities.size());
  for (const auto& t : package_.targets) {
    const Priority* p = model.priority(t.priority);
    if (!p) continue;
    auto& slot = t.kind == TargetKind::response ? response_ : resolution_;
    slot[static_cast<std::size_t>(p->rank)] = {&t, length(t.within)};
  }
  if (package_.escalation)
    for (const auto& b : *package_.escalation)
      bands_.emplace_back(length(b.from), b.until ? std::optional(length(*b.until)) : std::nullopt);
  for (const auto& p : model.priorities) priority_names_.push_back(p.name);
  known_priorities_ = fmt::format("{}", fmt::join(priority_names_, ", "));
}

Evaluator::Evaluator(const Evaluator& other)
    : Evaluator(*other.model_, other.package_, *other.calendar_info_) {
  owner_ = other.owner_;
}

Evaluator& Evaluator::operator=(const Evaluator& other) {
  if (this != &other) *this = Evaluator(other);
  return *this;
}

std::chrono::seconds Evaluator::length(const DurationValue& d) const {
  // The checker guarantees business days have a length under this calendar.
  return to_seconds(d, *calendar_info_).value_or(std::chrono::seconds(0));
}

const Priority* Evaluator::find_priority(std::string_view name) const {
  return model_->priority(name);
}

std::string Evaluator::error_text(const Evaluation& ev) const {
  if (ev.error != "unknown priority") return std::string(ev.error);
  if (priority_names_.empty())
    return fmt::format("unknown priority '{}' (the contract defines no priorities)",
                       ev.unknown_priority);
  const auto near =
      closest(ev.unknown_priority, std::span<const std::string_view>(priority_names_));
  return fmt::format("unknown priority '{}'{} (known: {})", ev.unknown_priority,
                     near ? fmt::format("; did you mean '{}'?", *near) : "", known_priorities_);
}

bool Evaluator::is_pausing(std::string_view status) const {
  if (!package_.pause_statuses) return false;
  for (const auto& s : *package_.pause_statuses)
    if (iequals(s, status)) return true;
  return false;
}

Instant Evaluator::due(Instant created, const Target& target, std::span<const TicketEvent> events,
                       Instant as_of) const {
  const Calendar& cal = calendar();
  const bool business = target.within.business;
  std::chrono::seconds remaining = length(target.within);
  // Calendar-time targets start at the next opening when the contract says so;
  // business time only ever counts open time.
  Instant t = created;
  if (!business && package_.clock_starts_at_next_opening.value_or(false)) {
    t = cal.next_opening(t);
    if (t == Calendar::kNever) return t;  // a desk that never opens again: never due
  }

  // Walk the pauses (a pausing status until the next status event; one still open
  // lasts until as_of) and spend the remaining time between them.
  bool paused = false;
  Instant pause_start{};
  auto spend_until = [&](Instant limit) -> bool {  // true when the time runs out before limit
    if (limit <= t) return false;
    const auto available = business ? cal.between(t, limit) : limit - t;
    if (remaining <= available) return true;
    remaining -= available;
    t = limit;
    return false;
  };
  for (const auto& e : events) {
    // What happens after as_of is not known yet; a status before creation counts from creation.
    if (e.at > as_of) break;
    if (e.kind != TicketEvent::Kind::status) continue;
    const bool pausing = is_pausing(e.value);
    if (pausing && !paused) {
      if (spend_until(e.at)) return business ? cal.add(t, remaining) : t + remaining;
      paused = true;
      pause_start = std::max(e.at, created);
    } else if (!pausing && paused) {
      paused = false;
      t = std::max(t, e.at);
    }
  }
  if (paused) t = std::max({t, pause_start, as_of});
  return business ? cal.add(t, remaining) : t + remaining;
}

const EscalationBand* Evaluator::band_at(Instant created, Instant at) const {
  if (!package_.escalation || package_.escalation->empty()) return nullptr;
  const auto& ladder = *package_.escalation;
  // Elapsed time in each kind of unit, computed at most once.
  std::optional<std::chrono::seconds> business, plain;
  const EscalationBand* reached = nullptr;
  for (std::size_t i = 0; i < ladder.size(); ++i) {
    auto& elapsed = ladder[i].from.business ? business : plain;
    if (!elapsed)
      elapsed = ladder[i].from.business ? calendar().between(created, at) : at - created;
    if (*elapsed >= bands_[i].first) reached = &ladder[i];
  }
  return reached;  // past the last band's end, the ladder stays at its last step
}

Evaluation Evaluator::evaluate(const Ticket& ticket, Instant as_of) const {
  Evaluation ev;
  // The latest priority change as of as_of wins; every name met must be known.
  std::string_view priority_name = ticket.priority;
  ev.priority = find_priority(priority_name);
  for (const auto& e : ticket.events) {
    if (!ev.priority) break;
    if (e.kind == TicketEvent::Kind::priority && e.at <= as_of) {
      priority_name = e.value;
      ev.priority = find_priority(priority_name);
    }
  }
  if (!ev.priority) {
    ev.error = "unknown priority";
    ev.unknown_priority = priority_name;
    return ev;
  }
  if (!supported(ticket.created) || !supported(as_of) ||
      (ticket.responded && !supported(*ticket.responded)) ||
      (ticket.resolved && !supported(*ticket.resolved))) {
    ev.error = "a time outside the years 1901 to 2398";
    return ev;
  }
  for (const auto& e : ticket.events)
    if (!supported(e.at)) {
      ev.error = "an event outside the years 1901 to 2398";
      return ev;
    }
  if (ticket.created > as_of) {
    ev.error = "created after the as-of time";
    return ev;
  }
  if (ticket.responded && *ticket.responded < ticket.created) {
    ev.error = "first response before creation";
    return ev;
  }
  if (ticket.resolved && *ticket.resolved < ticket.created) {
    ev.error = "resolved before creation";
    return ev;
  }
  const auto rank = static_cast<std::size_t>(ev.priority->rank);
  if (const auto& r = response_[rank]; r.target)
    ev.response = judge(ticket.responded, due(ticket.created, *r.target, ticket.events, as_of),
                        as_of, r.target->commitment);
  if (const auto& r = resolution_[rank]; r.target)
    ev.resolution = judge(ticket.resolved, due(ticket.created, *r.target, ticket.events, as_of),
                          as_of, r.target->commitment);
  // The ladder stops at the first response, or at the resolution of a ticket never
  // answered: of those known by as_of.
  Instant stop = as_of;
  if (ticket.resolved && *ticket.resolved <= as_of) stop = *ticket.resolved;
  if (ticket.responded && *ticket.responded <= as_of) stop = *ticket.responded;
  ev.escalation = band_at(ticket.created, stop);
  return ev;
}

void Evaluator::evaluate(std::span<const Ticket> tickets, Instant as_of,
                         std::span<Evaluation> out) const {
  const std::size_t n = std::min(tickets.size(), out.size());
  for (std::size_t i = 0; i < n; ++i) out[i] = evaluate(tickets[i], as_of);
}

std::vector<Evaluation> Evaluator::evaluate(std::span<const Ticket> tickets, Instant as_of) const {
  std::vector<Evaluation> out(tickets.size());
  evaluate(tickets, as_of, out);
  return out;
}

bool Evaluator::is_open(Instant t) const {
  return supported(t) && calendar().is_open(t);
}

std::optional<Instant> Evaluator::next_opening(Instant t) const {
  if (!supported(t)) return std::nullopt;
  return unless_never(calendar().next_opening(t));
}

std::optional<Instant> Evaluator::add_business_time(Instant from,
                                                    std::chrono::seconds business) const {
  if (!supported(from) || business < std::chrono::seconds(0)) return std::nullopt;
  return unless_never(calendar().add(from, business));
}

std::optional<Instant> Evaluator::subtract_business_time(Instant to,
                                                         std::chrono::seconds business) const {
  if (!supported(to) || business < std::chrono::seconds(0)) return std::nullopt;
  const Instant start = calendar().subtract(to, business);
  if (start == Calendar::kNeverBefore) return std::nullopt;
  return start;
}

std::optional<std::chrono::seconds> Evaluator::business_time_between(Instant from,
                                                                     Instant to) const {
  if (!supported(from) || !supported(to)) return std::nullopt;
  return calendar().between(from, to);
}

std::optional<Instant> Evaluator::parse_time(std::string_view text, std::string* error) const {
  std::string why;
  auto t = parse_local_instant(text, calendar(), why);
  if (!t && error) *error = why;
  return t;
}

std::chrono::seconds Evaluator::utc_offset(Instant t) const {
  return calendar().utc_offset(t);
}

}  // namespace sla
