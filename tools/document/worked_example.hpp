// A contract's `example` told as a worked scenario in plain words: the ticket,
// what the contract says must come of it, and why, step by step over the opening
// hours, computed by the same Evaluator that `sla test` runs; when the rules
// disagree with the example, the scenario says so instead of hiding it.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "sla/model.hpp"
#include "tools/wording/wording.hpp"

namespace sla::cli {

struct WorkedExample {
  std::string setting;  // "Premium Support, with the 8×7 Dedicated Support add-on."
  std::string ticket;   // "A Normal ticket is raised on Friday 9 January 2026 at 16:30 …"
  std::vector<std::string> expected;       // one sentence per expectation
  std::vector<std::string> why;            // one paragraph per target or escalation
  std::vector<std::string> disagreements;  // what the rules compute instead
  std::string error;                       // set when the example cannot be evaluated at all
};

// `where` turns a source position into the document's reference ("line 101"); the
// words are `w`'s, the contract's own texts (roles, titles) translated by it.
WorkedExample work_example(const Model& model, const Example& example,
                           const std::function<std::string(const SourceRef&)>& where,
                           const Wording& w = english());

}  // namespace sla::cli
