#include "tools/document/example_ticket.hpp"

#include <fmt/format.h>
#include <algorithm>

#include "tools/console/arguments.hpp"

namespace sla::cli {

ExampleTicket example_ticket(const Example& e, const Calendar& calendar) {
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
  out.as_of = out.ticket.created;
  for (auto t : {out.ticket.responded, out.ticket.resolved})
    if (t) out.as_of = std::max(out.as_of, *t);
  for (const auto& x : e.expectations)
    if (auto t = instant(x.due)) out.as_of = std::max(out.as_of, *t);
  return out;
}

}  // namespace sla::cli
