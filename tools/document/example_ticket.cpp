#include "tools/document/example_ticket.hpp"

#include <fmt/format.h>
#include <algorithm>

#include "tools/console/arguments.hpp"

namespace sla::cli {

ExampleTicket example_ticket(const Model& model, const Example& e, const Calendar& calendar) {
  ExampleTicket out;
  auto instant = [&](const std::string& text) -> std::optional<Instant> {
    if (text.empty()) return std::nullopt;
    std::string why;
    auto t = instant_argument(text, calendar, why);
    if (!t && out.error.empty()) out.error = fmt::format("'{}': {}", text, why);
    return t;
  };
  out.ticket.priority = e.priority;
  const auto created = instant(e.raised);
  if (!created) {
    if (out.error.empty()) out.error = "the example raises no ticket";
    return out;
  }
  out.ticket.created = *created;
  out.ticket.responded = instant(e.responded);
  out.ticket.resolved = instant(e.resolved);
  out.ticket.restored = instant(e.restored);
  for (const auto& text : e.updates)
    if (auto t = instant(text)) out.events.push_back({*t, TicketEvent::Kind::update, "update"});
  std::stable_sort(out.events.begin(), out.events.end(),
                   [](const TicketEvent& a, const TicketEvent& b) { return a.at < b.at; });
  for (const auto& a : model.attributes) {
    const auto it = e.attributes.find(a.name);
    out.attributes.push_back(it == e.attributes.end() ? std::string_view() : it->second);
  }
  out.ticket.events = out.events;
  out.ticket.attributes = out.attributes;
  out.as_of = out.ticket.created;
  for (auto t : {out.ticket.responded, out.ticket.resolved, out.ticket.restored})
    if (t) out.as_of = std::max(out.as_of, *t);
  for (const auto& u : out.events) out.as_of = std::max(out.as_of, u.at);
  for (const auto& x : e.expectations)
    if (auto t = instant(x.due)) out.as_of = std::max(out.as_of, *t);
  return out;
}

}  // namespace sla::cli
