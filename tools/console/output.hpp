// Writing results for people (text) and for tools (JSON). All text goes through fmt.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "sla/diagnostic.hpp"
#include "sla/model.hpp"

namespace sla::cli {

// file:line:col: error[SLA001]: message, the source line, a caret, hint and notes.
// With `colour`, the severity and the caret are painted for a terminal.
std::string format_diagnostic(const Diagnostic& d, bool colour = false);
nlohmann::ordered_json to_json(const Diagnostic& d);
nlohmann::ordered_json to_json(const SourceRef& ref);

// Prints to stderr (in colour on a terminal).
void print_diagnostics(const std::vector<Diagnostic>& diagnostics);

// Output that could not be written (a full disk, a closed pipe): prints
// "sla COMMAND: could not write the output: why" once per run, however many layers
// notice it; returns the usage exit code (2).
int output_failure(std::string_view command, std::string_view why);

}  // namespace sla::cli
