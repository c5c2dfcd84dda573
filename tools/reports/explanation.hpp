// sla::explain's steps as JSON, for `sla explain --format json` and the trace
// of a failing `sla test` example.
#pragma once

#include <nlohmann/json.hpp>

#include "sla/evaluator.hpp"
#include "sla/explanation.hpp"

namespace sla::cli {

// A list of steps {"step": kind, "text": plain words, "from"?, "until"?, "due"?,
// "status"?, "seconds"?}, times in the calendar's local offset; "seconds" is an
// update gap's length ("update_gap") or the worst gap ("update_due").
nlohmann::ordered_json explanation(const Evaluator& ev, const Ticket& ticket, Instant as_of);

}  // namespace sla::cli
