#include "sla/evaluator.hpp"

#include "interpreter/time/calendar.hpp"

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

// The next business day after the local day of `start`: the first later local day
// on which an opening starts (a night shift running on past midnight belongs to the
// day it started; a desk open for good makes every day one). Its deadline is the
// time stated that day, or for "end of" the end of the last opening that starts
// that day; an opening that runs on more than 12 hours past midnight (a desk open
// around the clock) ends the day at midnight.
Instant relative_deadline(const Calendar& cal, Instant start, const RelativeDeadline& by) {
  using date::days;
  const auto day = next_business_day(cal, start);
  if (!day) return Calendar::kNever;
  const date::local_days next = *day;
  const Instant open = cal.next_opening(cal.to_instant(date::local_seconds{next}));
  if (by.at_minutes)
    return cal.to_instant(date::local_seconds{next} + std::chrono::minutes(*by.at_minutes));
  const Instant day_end = cal.to_instant(date::local_seconds{next + days{1}});
  Instant close = cal.next_closing(open);
  while (close < day_end) {
    const Instant again = cal.next_opening(close);
    if (again >= day_end) break;
    close = cal.next_closing(again);
  }
  return close - day_end > std::chrono::hours(12) ? day_end : close;
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

std::string_view status_name(const TargetOutcome& outcome) {
  return outcome.verdict == Verdict::pending && outcome.at_risk ? "at_risk" : name(outcome.verdict);
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
  const std::size_t slots = model.priorities.size() + 1;  // the last: no priority
  for (auto& by_slot : targets_) by_slot.resize(slots);
  for (const auto& t : package_.targets) {
    std::size_t at = slots - 1;
    if (!t.priority.empty()) {
      const Priority* p = model.priority(t.priority);
      if (!p) continue;
      at = static_cast<std::size_t>(p->rank);
    }
    const CalendarInfo* info = t.calendar.empty() ? calendar_info_ : model.calendar(t.calendar);
    if (!info || !info->calendar) info = calendar_info_;
    Resolved r{&t, info, to_seconds(t.within, *info).value_or(std::chrono::seconds(0)), 0};
    auto& list = targets_[static_cast<std::size_t>(t.kind)][at];
    if (t.where) {
      for (std::size_t i = 0; i < model.attributes.size(); ++i)
        if (model.attributes[i].name == t.where->attribute) r.attribute = i;
      // A target for an attribute value refines the one without: it is tried first.
      const auto plain = std::find_if(list.begin(), list.end(),
                                      [](const Resolved& x) { return !x.target->where; });
      list.insert(plain, r);
    } else {
      list.push_back(r);
    }
  }
  auto add_ladder = [&](const std::vector<EscalationBand>& bands) {
    Ladder ladder{bands, {}};
    for (const auto& b : bands)
      ladder.lengths.emplace_back(length(b.from),
                                  b.until ? std::optional(length(*b.until)) : std::nullopt);
    ladders_.push_back(std::move(ladder));
    return static_cast<int>(ladders_.size() - 1);
  };
  const int for_all = package_.escalation ? add_ladder(*package_.escalation) : -1;
  ladder_of_.assign(slots, for_all);
  for (const auto& l : package_.ladders) {
    const int index = add_ladder(l.bands);
    for (const auto& name : l.priorities)
      if (const Priority* p = model.priority(name))
        ladder_of_[static_cast<std::size_t>(p->rank)] = index;
  }
  for (const auto& p : model.priorities) priority_names_.push_back(p.name);
  known_priorities_ = fmt::format("{}", fmt::join(priority_names_, ", "));
  for (const auto& a : model.attributes) {
    std::string list;
    for (const auto& v : a.values) list += fmt::format("{}\"{}\"", list.empty() ? "" : ", ", v);
    known_values_.push_back(std::move(list));
  }
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

std::size_t Evaluator::slot(const Priority* priority) const {
  return priority ? static_cast<std::size_t>(priority->rank) : model_->priorities.size();
}

const Evaluator::Resolved* Evaluator::applicable(
    TargetKind kind, const Priority* priority, std::span<const std::string_view> attributes) const {
  for (const Resolved& r : targets_[static_cast<std::size_t>(kind)][slot(priority)]) {
    if (!r.target->where) return &r;
    if (r.attribute >= attributes.size()) continue;
    for (const auto& v : r.target->where->values)
      if (iequals(v, attributes[r.attribute])) return &r;
  }
  return nullptr;
}

const Target* Evaluator::target_for(TargetKind kind, const Priority* priority,
                                    std::span<const std::string_view> attributes) const {
  const Resolved* r = applicable(kind, priority, attributes);
  return r ? r->target : nullptr;
}

const CalendarInfo& Evaluator::calendar_of(const Target& target) const {
  if (target.calendar.empty()) return *calendar_info_;
  const CalendarInfo* info = model_->calendar(target.calendar);
  return info && info->calendar ? *info : *calendar_info_;
}

std::span<const EscalationBand> Evaluator::ladder(const Priority* priority) const {
  const int index = ladder_of_[slot(priority)];
  if (index < 0) return {};
  return ladders_[static_cast<std::size_t>(index)].bands;
}

std::string Evaluator::error_text(const Evaluation& ev) const {
  if (ev.error == "unknown attribute value") {
    const Attribute& a = model_->attributes[ev.unknown_attribute];
    return fmt::format("unknown {} '{}' (known: {})", a.name, ev.unknown_value,
                       known_values_[ev.unknown_attribute]);
  }
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
  const CalendarInfo& info = calendar_of(target);
  const Resolved r{&target, &info,
                   to_seconds(target.within, info).value_or(std::chrono::seconds(0)), 0};
  return due(created, r, events, as_of);
}

Instant Evaluator::due(Instant created, const Resolved& r, std::span<const TicketEvent> events,
                       Instant as_of) const {
  const Calendar& cal = *r.calendar->calendar;
  const Target& target = *r.target;
  bool business = target.within.business;
  std::chrono::seconds remaining = r.length;
  // Calendar-time targets start at the next opening when the contract says so;
  // business time only ever counts open time. The gap before an update runs from
  // the one before it, whenever that was.
  const bool at_next_opening =
      package_.clock_starts_at_next_opening.value_or(false) && target.kind != TargetKind::update;
  Instant t = created;
  if ((!business || target.by) && at_next_opening) {
    t = cal.next_opening(t);
    if (t == Calendar::kNever) return t;  // a desk that never opens again: never due
  }
  if (target.by) return relative_due(cal, t, *target.by, events, as_of);

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

// A deadline on a later business day, moved by each pause that starts before it
// by the open time the pause takes (a pause still on lasts until as_of).
Instant Evaluator::relative_due(const Calendar& cal, Instant start, const RelativeDeadline& by,
                                std::span<const TicketEvent> events, Instant as_of) const {
  Instant due = relative_deadline(cal, start, by);
  bool paused = false;
  Instant pause_start{};
  auto resume = [&](Instant at) {
    const auto taken = cal.between(std::max(pause_start, start), std::max(at, start));
    if (taken > std::chrono::seconds(0) && due != Calendar::kNever) due = cal.add(due, taken);
  };
  for (const auto& e : events) {
    if (e.at > as_of) break;
    if (e.kind != TicketEvent::Kind::status) continue;
    const bool pausing = is_pausing(e.value);
    if (pausing && !paused) {
      if (e.at >= due) break;
      paused = true;
      pause_start = e.at;
    } else if (!pausing && paused) {
      paused = false;
      resume(e.at);
    }
  }
  if (paused) resume(std::max(as_of, pause_start));
  return due;
}

// Open (or all) time in [from, to) that no pausing status covers.
std::chrono::seconds Evaluator::active_time(const Calendar& cal, bool business, Instant from,
                                            Instant to, std::span<const TicketEvent> events,
                                            Instant as_of) const {
  auto measure = [&](Instant a, Instant b) {
    if (b <= a) return std::chrono::seconds(0);
    return business ? cal.between(a, b) : std::chrono::seconds(b - a);
  };
  std::chrono::seconds total = measure(from, to);
  if (!package_.pause_statuses) return total;
  bool paused = false;
  Instant pause_start{};
  for (const auto& e : events) {
    if (e.at > as_of) break;
    if (e.kind != TicketEvent::Kind::status) continue;
    const bool pausing = is_pausing(e.value);
    if (pausing && !paused) {
      paused = true;
      pause_start = e.at;
    } else if (!pausing && paused) {
      paused = false;
      total -= measure(std::max(pause_start, from), std::min(e.at, to));
    }
  }
  if (paused) total -= measure(std::max(pause_start, from), std::min(as_of, to));
  return total;
}

Evaluator::TimeTaken Evaluator::time_taken(const Target& target, const Ticket& ticket, Instant to,
                                           Instant as_of) const {
  const Calendar& cal = *calendar_of(target).calendar;  // looked up once for both
  return {active_time(cal, true, ticket.created, to, ticket.events, as_of),
          active_time(cal, false, ticket.created, to, ticket.events, as_of)};
}

// Deadlines by a later business day count open time, as business targets do.
void Evaluator::measure_progress(TargetOutcome& o, const Resolved& r, Instant created,
                                 std::span<const TicketEvent> events, Instant as_of) const {
  if (o.verdict != Verdict::pending || !o.due) return;
  const Calendar& cal = *r.calendar->calendar;
  const bool business = r.target->within.business || r.target->by;
  const auto left = business ? cal.between(as_of, *o.due) : std::chrono::seconds(*o.due - as_of);
  std::chrono::seconds total = r.length;
  if (r.target->by) total = active_time(cal, true, created, as_of, events, as_of) + left;
  o.left = left;
  o.elapsed = std::clamp(total - left, std::chrono::seconds(0), total);
  if (package_.warn_at_milli && !package_.warn_at_milli->empty() && total.count() > 0)
    o.at_risk = o.elapsed->count() * 100000 >= total.count() * package_.warn_at_milli->front();
}

TargetOutcome Evaluator::judge_updates(const Ticket& ticket, const Resolved& r, Instant as_of,
                                       std::optional<std::chrono::seconds>& worst_gap) const {
  TargetOutcome o;
  o.commitment = r.target->commitment;
  o.target = r.target;
  const Calendar& cal = *r.calendar->calendar;
  const bool business = r.target->within.business;
  const bool closed = ticket.resolved && *ticket.resolved <= as_of;
  const Instant end = closed ? *ticket.resolved : as_of;
  // Updates are owed from the first response: before it there is nothing to judge.
  if (!ticket.responded || *ticket.responded > as_of || *ticket.responded > end) {
    o.verdict = closed ? Verdict::met : Verdict::pending;
    return o;
  }
  Instant last = *ticket.responded;
  std::chrono::seconds worst{0};
  std::optional<Instant> missed;  // the update after which the next came too late
  auto gap_to = [&](Instant next) {
    const auto gap = active_time(cal, business, last, next, ticket.events, as_of);
    worst = std::max(worst, gap);
    if (gap > r.length && !missed) missed = last;
  };
  for (const auto& e : ticket.events) {
    if (e.kind != TicketEvent::Kind::update || e.at <= last) continue;
    if (e.at > end) break;
    gap_to(e.at);
    last = e.at;
  }
  gap_to(end);
  worst_gap = worst;
  if (missed) {
    o.verdict = Verdict::breached;
    o.due = unless_never(due(*missed, r, ticket.events, as_of));
  } else if (closed) {
    o.verdict = Verdict::met;
  } else {
    o.verdict = Verdict::pending;
    o.due = unless_never(due(last, r, ticket.events, as_of));
  }
  return o;
}

const EscalationBand* Evaluator::band_at(const Priority* priority, Instant created,
                                         Instant at) const {
  return band_at(priority, created, at, std::nullopt, std::nullopt);
}

const EscalationBand* Evaluator::band_at(const Priority* priority, Instant created, Instant at,
                                         std::optional<Instant> responded,
                                         std::optional<Instant> resolved) const {
  const int index = ladder_of_[slot(priority)];
  if (index < 0) return nullptr;
  const Ladder& ladder = ladders_[static_cast<std::size_t>(index)];
  const auto bands = ladder.bands;
  // A band stops climbing at the first response, or at the resolution of a ticket
  // never answered; a band 'when not resolved' only at the resolution.
  const bool is_resolved = resolved && *resolved <= at;
  Instant answered = at;
  if (is_resolved) answered = *resolved;
  if (responded && *responded <= at) answered = std::min(answered, *responded);
  const Instant settled = is_resolved ? *resolved : at;
  // Elapsed time per kind of unit and stop, each computed at most once.
  std::optional<std::chrono::seconds> elapsed[2][2];
  const EscalationBand* reached = nullptr;
  for (std::size_t i = 0; i < bands.size(); ++i) {
    const bool business = bands[i].from.business, until_resolved = bands[i].when_not_resolved;
    auto& e = elapsed[business][until_resolved];
    const Instant stop = until_resolved ? settled : answered;
    if (!e) e = business ? calendar().between(created, stop) : stop - created;
    if (*e >= ladder.lengths[i].first) reached = &bands[i];
  }
  return reached;  // past the last band's end, the ladder stays at its last step
}

Evaluation Evaluator::evaluate(const Ticket& ticket, Instant as_of) const {
  Evaluation ev;
  // The latest priority change as of as_of wins; every name met must be known.
  std::string_view priority_name = ticket.priority;
  if (!priority_name.empty()) ev.priority = find_priority(priority_name);
  for (const auto& e : ticket.events) {
    if (!priority_name.empty() && !ev.priority) break;
    if (e.kind == TicketEvent::Kind::priority && e.at <= as_of) {
      priority_name = e.value;
      ev.priority = find_priority(priority_name);
    }
  }
  if (!priority_name.empty() && !ev.priority) {
    ev.error = "unknown priority";
    ev.unknown_priority = priority_name;
    return ev;
  }
  const std::size_t attributes = std::min(ticket.attributes.size(), model_->attributes.size());
  for (std::size_t i = 0; i < attributes; ++i) {
    const std::string_view value = ticket.attributes[i];
    if (value.empty()) continue;
    const auto& known = model_->attributes[i].values;
    if (std::none_of(known.begin(), known.end(),
                     [&](const std::string& v) { return iequals(v, value); })) {
      ev.error = "unknown attribute value";
      ev.unknown_attribute = i;
      ev.unknown_value = value;
      return ev;
    }
  }
  if (!supported(ticket.created) || !supported(as_of) ||
      (ticket.responded && !supported(*ticket.responded)) ||
      (ticket.resolved && !supported(*ticket.resolved)) ||
      (ticket.restored && !supported(*ticket.restored))) {
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
  if (ticket.restored && *ticket.restored < ticket.created) {
    ev.error = "restored before creation";
    return ev;
  }
  const Resolved* found[4];
  bool any = false;
  for (std::size_t k = 0; k < 4; ++k) {
    found[k] = applicable(static_cast<TargetKind>(k), ev.priority, ticket.attributes);
    any = any || found[k];
  }
  if (!ev.priority && !any) {
    ev.error = model_->attributes.empty()
                   ? "missing priority"
                   : "no priority, and no target for tickets without one applies to it";
    return ev;
  }
  auto judged = [&](const Resolved* r, const std::optional<Instant>& done) {
    TargetOutcome o =
        judge(done, due(ticket.created, *r, ticket.events, as_of), as_of, r->target->commitment);
    o.target = r->target;
    return o;
  };
  if (const Resolved* r = found[0]) ev.response = judged(r, ticket.responded);
  if (const Resolved* r = found[1]) ev.resolution = judged(r, ticket.resolved);
  if (const Resolved* r = found[2])
    ev.update = judge_updates(ticket, *r, as_of, ev.update_worst_gap);
  // Service is restored at the latest when the ticket is resolved.
  if (const Resolved* r = found[3])
    ev.restoration = judged(r, ticket.restored ? ticket.restored : ticket.resolved);
  TargetOutcome* outcomes[4] = {&ev.response, &ev.resolution, &ev.update, &ev.restoration};
  for (std::size_t k = 0; k < 4; ++k)
    if (found[k]) measure_progress(*outcomes[k], *found[k], ticket.created, ticket.events, as_of);
  ev.escalation = band_at(ev.priority, ticket.created, as_of, ticket.responded, ticket.resolved);
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
