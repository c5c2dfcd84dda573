#include "tools/reports/explanation.hpp"

#include "interpreter/time/calendar.hpp"
#include "interpreter/time/timestamp.hpp"

namespace sla::cli {

nlohmann::ordered_json explanation(const Evaluator& ev, const Ticket& ticket, Instant as_of) {
  // A due time that never comes (a desk that never opens again) is null.
  auto time = [&](Instant t) -> nlohmann::ordered_json {
    if (t == Calendar::kNever) return nullptr;
    return format_timestamp(t, ev.utc_offset(t));
  };
  auto steps = nlohmann::ordered_json::array();
  for (const ExplanationStep& s : explain(ev, ticket, as_of)) {
    nlohmann::ordered_json step{{"step", s.kind}, {"text", s.text}};
    if (s.from) step["from"] = time(*s.from);
    if (s.until) step["until"] = time(*s.until);
    if (s.due)
      step["due"] = time(*s.due);
    else if (!s.status.empty())
      step["due"] = nullptr;  // never due: the desk never opens again
    if (!s.status.empty()) step["status"] = s.status;
    // An update gap's length, or in "update_due" the worst gap (null before the
    // first response).
    if (s.seconds)
      step["seconds"] = s.seconds->count();
    else if (s.kind == "update_due")
      step["seconds"] = nullptr;
    steps.push_back(std::move(step));
  }
  return steps;
}

}  // namespace sla::cli
