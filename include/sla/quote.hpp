// A commercial quote: a package with add-ons checked against each add-on's
// `requires` and `excludes`, what the selection includes after inheritance, and
// the prices totalled per currency and period. Pure: the tools format it.
// The rules are in docs/semantics.md, "Quotes".
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sla/export.hpp"
#include "sla/model.hpp"

namespace sla {

// A combination the contract forbids, and the clause that forbids it.
struct QuoteProblem {
  std::string message;  // "add-on 'dedicated_8x7' cannot be combined with 'dedicated_24x7'"
  SourceRef clause;     // the `requires` or `excludes` statement
};

// The prices of one currency and period, added up.
struct QuoteTotal {
  std::string currency;
  std::string period;  // "", "per year", "per month", "one-off", as the prices state it
  std::int64_t milli = 0;
};

struct Quote {
  // Unknown package or add-on (with a suggestion); when set, nothing else is.
  std::string error;
  // The package, then the add-ons in the contract's declaration order (the order
  // they apply in), each once; pointers into the Model.
  std::vector<const Package*> items;
  std::vector<std::string> repeated;   // add-ons named more than once (counted once)
  std::vector<QuoteProblem> problems;  // every forbidden pairing, not just the first
  std::optional<Package> selection;    // the merged terms, when there is no problem
  std::vector<QuoteTotal> totals;      // in the order the currencies and periods first appear

  bool valid() const { return error.empty() && problems.empty(); }
};

SLA_API Quote make_quote(const Model& model, const std::string& package,
                         const std::vector<std::string>& addons);

}  // namespace sla
