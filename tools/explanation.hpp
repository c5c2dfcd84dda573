// One ticket's evaluation told step by step, clause by clause: when the clock
// started, each open, closed or paused span and why, each due time and verdict,
// the escalation ladder. `sla explain` prints it; `sla test` prints it under a
// failing example.
#pragma once

#include <nlohmann/json.hpp>

#include "interpreter/evaluator.hpp"

namespace sla::cli {

// A list of steps {"step": kind, "text": plain words, "from"?, "until"?, ...};
// `result` is ev.evaluate(ticket, as_of) and must carry no error.
nlohmann::ordered_json explanation(const Evaluator& ev, const Ticket& ticket,
                                   const Evaluation& result, Instant as_of);

}  // namespace sla::cli
