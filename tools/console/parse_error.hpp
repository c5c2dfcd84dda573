// CLI11's parse errors (an unknown flag, a missing value, a bad choice, a missing
// or extra argument) in the house form of every other error: one line,
//   sla eval: unknown option '--fomat'; did you mean '--format'? Run 'sla eval --help'.
#pragma once

#include <string>

#include <CLI/CLI.hpp>

namespace sla::cli {

// The whole line (without the newline) for `error`, thrown while `sla` parsed.
std::string parse_error_message(CLI::App& sla, const CLI::ParseError& error);

// Whether `command` only groups subcommands (no options or arguments of its own,
// as `sla holidays`): its messages then name the subcommand too ("sla holidays
// import: ...").
bool groups_commands(const CLI::App& command);

}  // namespace sla::cli
