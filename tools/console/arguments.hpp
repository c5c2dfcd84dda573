// Reading instants given on the command line (--as-of, FROM, --created ...).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <CLI/CLI.hpp>

#include "interpreter/calendar.hpp"

namespace sla::cli {

// Prints "sla COMMAND: message" to stderr; returns the usage exit code (2).
int usage_error(std::string_view command, std::string_view message);

// RFC 3339 with Z or an offset; on failure `error` says why.
std::optional<Instant> instant_argument(std::string_view text, std::string& error);
// As above, but an empty text is now.
std::optional<Instant> as_of_argument(std::string_view text, std::string& error);
// An offset is optional: a local time is read in `calendar`'s zone.
std::optional<Instant> local_argument(std::string_view text, const Calendar& calendar,
                                      std::string& error);

// Why `path` cannot be read as an input file ("no such file", "is a directory"),
// or "" when it can. Pipes and devices are fine.
std::string unreadable(const std::string& path);

// --addon ID: one value per flag (repeatable), or several separated by commas, so
// that `--addon a tickets.csv` does not take the file for an add-on.
CLI::Option* add_addon_option(CLI::App* app, std::vector<std::string>& addons);

}  // namespace sla::cli
