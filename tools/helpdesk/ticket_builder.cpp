#include "tools/helpdesk/ticket_builder.hpp"

#include <fmt/format.h>
#include <algorithm>

namespace sla::cli {

std::string_view TicketBuilder::keep(std::string text) {
  strings_.push_back(std::move(text));
  return strings_.back();
}

// Where to add a mapping: the map file given, or, for the default map, a file of
// one's own starting from the default (docs/helpdesk.md lists it).
std::string TicketBuilder::where() const {
  return map_.is_default ? fmt::format(
                               "a copy of the default {} map (docs/helpdesk.md) given "
                               "with --map",
                               desk_name(map_.desk))
                         : map_.source;
}

std::string TicketBuilder::unknown(std::string_view what, std::string_view value) const {
  const std::string key = map_key(value);
  if (what == "priority")
    return fmt::format("unknown {} priority '{}': add it under [priority] in {} ({} = <one of {}>)",
                       desk_name(map_.desk), value, where(), key, fmt::join(priorities_, ", "));
  return fmt::format(
      "unknown {} status '{}': add it under [status] in {} ({} = <open, resolved, deleted{}{}>)",
      desk_name(map_.desk), value, where(), key, statuses_.empty() ? "" : ", or one of ",
      fmt::join(statuses_, ", "));
}

void TicketBuilder::build(const DeskTicket& t, TicketRow& row) {
  strings_.clear();
  events_.clear();
  row.line = t.line;
  row.id = keep(t.id);
  row.desk_response = t.desk_response;
  row.desk_resolution = t.desk_resolution;
  std::string& error = row.error;
  auto fail = [&](std::string why) {
    if (error.empty()) error = std::move(why);
  };
  // An error row keeps its creation time when it was read: the report counts a bad
  // row created outside the period as outside it, not as an error.
  if (t.created) row.ticket.created = *t.created;
  if (!t.error.empty()) return fail(t.error);
  if (!t.created)
    return fail(fmt::format("no creation time in the {} export", desk_name(map_.desk)));
  row.ticket.created = *t.created;
  row.ticket.responded = t.responded;

  auto status_of = [&](std::string_view value) -> const StatusMeaning* {
    const auto it = map_.statuses.find(map_key(value));
    if (it == map_.statuses.end()) {
      fail(unknown("status", value));
      return nullptr;
    }
    if (it->second.kind == StatusMeaning::Kind::deleted)
      fail(fmt::format("deleted in {} (status '{}')", desk_name(map_.desk), value));
    return &it->second;
  };
  auto priority_of = [&](std::string_view value) -> std::string_view {
    const std::string key = value.empty() ? "(none)" : map_key(value);
    const auto it = map_.priorities.find(key);
    if (it != map_.priorities.end()) return it->second;
    if (value.empty())
      fail(fmt::format(
          "the ticket has no {} priority: add (none) = <one of {}> under [priority] in {}",
          desk_name(map_.desk), fmt::join(priorities_, ", "), where()));
    else
      fail(unknown("priority", value));
    return {};
  };

  const StatusMeaning* now = t.status.empty() ? nullptr : status_of(t.status);
  row.ticket.priority = priority_of(t.priority);

  std::vector<const DeskChange*> changes;
  for (const auto& c : t.priorities) changes.push_back(&c);
  auto by_time = [](const DeskChange* a, const DeskChange* b) { return a->at < b->at; };
  std::stable_sort(changes.begin(), changes.end(), by_time);
  for (const DeskChange* c : changes)
    events_.push_back({c->at, TicketEvent::Kind::priority, priority_of(c->value)});

  // The resolution is the last solve that no reopening follows; every status is
  // also an event, so that a pausing status ends at the next one.
  changes.clear();
  for (const auto& c : t.statuses) changes.push_back(&c);
  std::stable_sort(changes.begin(), changes.end(), by_time);
  std::optional<Instant> resolved;
  for (const DeskChange* c : changes) {
    const StatusMeaning* m = status_of(c->value);
    if (!m) continue;
    // A resolved status now, put at creation by a history that changed no status,
    // says nothing of when it was solved: the desk's solve time says that below.
    if (t.status_at_creation_assumed && c == &t.statuses.front() &&
        m->kind == StatusMeaning::Kind::resolved)
      continue;
    std::string_view name = m->kind == StatusMeaning::Kind::status     ? std::string_view(m->name)
                            : m->kind == StatusMeaning::Kind::resolved ? "resolved"
                                                                       : "open";
    if (m->kind == StatusMeaning::Kind::resolved) {
      if (!resolved) resolved = c->at;  // solved again while solved (closed): the first
    } else {
      resolved.reset();
    }
    events_.push_back({c->at, TicketEvent::Kind::status, name});
  }
  // The status now decides whether the ticket is resolved; the history says when,
  // or, without one, the desk's own solve time.
  const bool solved_now =
      now ? now->kind == StatusMeaning::Kind::resolved : (t.has_history && resolved.has_value());
  if (!solved_now) {
    resolved.reset();
  } else if (!resolved || !t.has_history) {
    // A history that ends before the solve (an export of part of it) would leave its
    // last pause open past the resolution: the solve ends it.
    const bool history_lacks_it = t.has_history && !resolved;
    resolved = t.solved ? t.solved : resolved;
    if (!resolved) {
      fail(fmt::format("{} status '{}' without a time it was solved", desk_name(map_.desk),
                       t.status));
    } else if (history_lacks_it) {
      events_.push_back({*resolved, TicketEvent::Kind::status, "resolved"});
    }
  }
  row.ticket.resolved = resolved;
  std::stable_sort(events_.begin(), events_.end(),
                   [](const TicketEvent& a, const TicketEvent& b) { return a.at < b.at; });
  row.ticket.events = events_;
  if (!error.empty()) {
    const Instant created = row.ticket.created;
    row.ticket = Ticket{};
    row.ticket.created = created;
  }
}

}  // namespace sla::cli
