// Reading instants given on the command line (--as-of, FROM, --created ...).
#pragma once

#include <chrono>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <CLI/CLI.hpp>

#include "interpreter/time/calendar.hpp"

namespace sla::cli {

// Prints "sla COMMAND: message" to stderr; returns the usage exit code (2).
int usage_error(std::string_view command, std::string_view message);
// As usage_error, for a mistake in the arguments given (a bad value, an unknown
// package): the message ends by pointing to the command's help, as CLI11's
// parse errors do ("... (see 'sla eval --help')").
int argument_error(std::string_view command, std::string_view message);

// Every instant given on the command line (--as-of, --created, --responded,
// --resolved, the FROM, TO and AT of `sla time`) is read here, the same way:
// RFC 3339 with Z or an offset, or without an offset as a local time in
// `calendar`'s zone (the calendar that governs the command). An empty text is an
// error, never "now". On failure `error` says why (without the flag's name).
std::optional<Instant> instant_argument(std::string_view text, const Calendar& calendar,
                                        std::string& error);
// --as-of: the instant given, or now when the flag is absent (`given` false).
std::optional<Instant> as_of_argument(bool given, std::string_view text, const Calendar& calendar,
                                      std::string& error);

// --month: a year and month the calendars can hold, YYYY-MM from 1901-01 to 2398-12.
std::optional<std::chrono::year_month> month_argument(std::string_view text);

// Why `path` cannot be read as an input file ("no such file", "is a directory"),
// or "" when it can. Pipes and devices are fine; "-" (standard input) always is.
std::string unreadable(const std::string& path);

// The format of a help-desk input ("csv" or "jsonl") when --input-format is not
// given: by the extension of `path`, in any case (.jsonl and .ndjson, .csv); else,
// for standard input or another name, by the first byte that is not blank (after
// a BOM): `{` is JSON Lines. The bytes looked at are given back to `in`, so the
// reader still sees them all (line numbers stay right).
std::string input_format_of(const std::string& path, std::FILE* in);

// The extension of `path` in lower case, with its dot: ".html" for "report.HTML";
// "" for none. Formats chosen by extension ignore case.
std::string extension_of(const std::string& path);

// What diagnostics call an input: "<stdin>" for "-", else the path.
std::string input_name(const std::string& path);

// Standard input can be read once per run. `inputs` are (what, path) pairs such as
// ("the contract", "-"); returns why the run cannot go on when two of them are "-",
// or "".
std::string stdin_twice(const std::vector<std::pair<std::string, std::string>>& inputs);
// --addon ID: one value per flag (repeatable), or several separated by commas, so
// that `--addon a tickets.csv` does not take the file for an add-on.
CLI::Option* add_addon_option(CLI::App* app, std::vector<std::string>& addons);

// --lang: a language code as translations name them: ISO 639 in lower case ("id"),
// a region after '_' if needed ("pt_BR").
CLI::Validator language_code_check();

}  // namespace sla::cli
