// Loading a contract named on the command line, and choosing a package with
// add-ons for the commands that judge tickets (eval, explain, uptime): the same
// checks and messages in each.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sla/evaluator.hpp"
#include "sla/lint.hpp"
#include "sla/load.hpp"

namespace sla::cli {

// A contract file, or "-": standard input, read once per run (a second load gets
// the same text), called <stdin> in diagnostics; its imports resolve from the
// current folder, as a file there would.
LoadResult load_contract(const std::string& path);
LintResult lint_contract(const std::string& path, LintOptions options = {});

struct Selected {
  LoadResult contract;  // owns the Model the evaluator points into
  Evaluator evaluator;
};

// Prints what goes wrong (diagnostics, or "COMMAND: why") and sets `exit` to 1
// (the contract has errors) or 2 (usage: unreadable file, unknown package, an
// `output` (--output) that is a file the contract imports).
std::optional<Selected> load_selection(std::string_view command, const std::string& file,
                                       const std::string& package,
                                       const std::vector<std::string>& addons, int& exit,
                                       const std::string& output = {});

}  // namespace sla::cli
