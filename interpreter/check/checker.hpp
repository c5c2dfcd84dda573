// Syntax trees of a contract and its imports -> the checked Model.
// Resolves names, flattens inheritance (rules in docs/language.md), checks units
// and values; every problem is a Diagnostic and checking goes on past it.
#pragma once

#include <memory>
#include <vector>

#include "grammar/ast.hpp"
#include "grammar/source.hpp"
#include "sla/diagnostic.hpp"
#include "sla/load.hpp"
#include "sla/model.hpp"

namespace sla {

// A duration as the Model states it ("4 business hours", canonical words).
DurationValue duration_value(const ast::Duration& d);

// `files` holds imports before the files that import them; the root file last. Returns null when
// any error was reported. `limits` bounds inheritance (max_extends_depth), the clauses the
// flattened contract may hold (max_items) and each calendar's week (max_weekly_intervals).
std::shared_ptr<const Model> check(const std::vector<const ast::File*>& files,
                                   const SourceMap& sources, std::vector<Diagnostic>& diagnostics,
                                   const Limits& limits = {});

}  // namespace sla
