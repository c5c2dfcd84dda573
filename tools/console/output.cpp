#include "tools/console/output.hpp"

#include <fmt/format.h>
#include <algorithm>

#include "grammar/source.hpp"
#include "tools/console/streams.hpp"
#include "tools/console/terminal.hpp"

namespace sla::cli {

namespace {

std::string_view severity_name(Severity s) {
  switch (s) {
    case Severity::error:
      return "error";
    case Severity::warning:
      return "warning";
    case Severity::note:
      return "note";
  }
  return "error";
}

// What a terminal can show: tabs become one space (so the caret lines up), and
// what is invisible, reorders the line or is not UTF-8 is written escaped
// (grammar/source.hpp), so the line reads as it parses.
std::string printable(std::string_view s) {
  std::string spaced(s);
  std::replace(spaced.begin(), spaced.end(), '\t', ' ');
  return escape_invisible(spaced);
}

std::size_t char_count(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

}  // namespace

std::string format_diagnostic(const Diagnostic& d, bool colour) {
  const Location& at = d.location;
  const Colour tone = d.severity == Severity::error     ? Colour::red
                      : d.severity == Severity::warning ? Colour::yellow
                                                        : Colour::cyan;
  std::string out =
      fmt::format("{}: {}: {}\n",
                  paint(fmt::format("{}:{}:{}", escape_invisible(at.file), at.line, at.column),
                        Colour::bold, colour),
                  paint(fmt::format("{}[{}]", severity_name(d.severity), d.code), tone, colour),
                  escape_invisible(d.message));
  if (!at.source_line.empty() || at.line > 1) {
    const std::string number = fmt::format("{}", at.line);
    const std::string gutter(number.size(), ' ');
    // Underline the span on this line, at least one caret, where it shows: after
    // the escapes that stand for what precedes it.
    const std::string_view line = at.source_line;
    std::size_t bytes = 0;
    for (std::size_t chars = 1; bytes < line.size() && chars < at.source_column; ++chars) {
      ++bytes;
      while (bytes < line.size() && (static_cast<unsigned char>(line[bytes]) & 0xC0) == 0x80)
        ++bytes;
    }
    const std::string_view rest = line.substr(bytes);
    // A position past the line's end (a missing '}' at the end of the file) stays there.
    const std::size_t before = char_count(line.substr(0, bytes));
    const std::size_t indent = char_count(printable(line.substr(0, bytes))) +
                               (at.source_column - 1 > before ? at.source_column - 1 - before : 0);
    // An empty span underlines the character it stands before, however it shows.
    std::size_t length = std::min<std::size_t>(at.length, rest.size());
    if (length == 0 && !rest.empty()) {
      length = 1;
      while (length < rest.size() && (static_cast<unsigned char>(rest[length]) & 0xC0) == 0x80)
        ++length;
    }
    const std::size_t width =
        std::max<std::size_t>(1, char_count(printable(rest.substr(0, length))));
    out += fmt::format(" {} |\n", gutter);
    out += fmt::format(" {} | {}\n", number, printable(at.source_line));
    out += fmt::format(" {} | {}{}\n", gutter, std::string(indent, ' '),
                       paint(std::string(width, '^'), tone, colour));
    if (!d.hint.empty()) out += fmt::format(" {} = hint: {}\n", gutter, escape_invisible(d.hint));
  } else if (!d.hint.empty()) {
    out += fmt::format("  = hint: {}\n", escape_invisible(d.hint));
  }
  for (const auto& n : d.notes)
    out += fmt::format("  note: {}:{}:{}: {}\n", n.location.file, n.location.line,
                       n.location.column, escape_invisible(n.message));
  return out;
}

nlohmann::ordered_json to_json(const Diagnostic& d) {
  nlohmann::ordered_json j;
  j["code"] = d.code;
  j["severity"] = severity_name(d.severity);
  j["message"] = d.message;
  j["span"] = {{"file", d.location.file},
               {"line", d.location.line},
               {"column", d.location.column},
               {"offset", d.location.offset},
               {"length", d.location.length}};
  if (!d.hint.empty()) j["hint"] = d.hint;
  if (!d.notes.empty()) {
    auto notes = nlohmann::ordered_json::array();
    for (const auto& n : d.notes)
      notes.push_back({{"message", n.message},
                       {"span",
                        {{"file", n.location.file},
                         {"line", n.location.line},
                         {"column", n.location.column}}}});
    j["notes"] = notes;
  }
  return j;
}

nlohmann::ordered_json to_json(const SourceRef& ref) {
  return {{"file", ref.file}, {"line", ref.line}, {"column", ref.column}};
}

int output_failure(std::string_view command, std::string_view why) {
  bool& reported = output_failure_reported();
  if (!reported)
    fmt::print(standard_error(), "sla {}: could not write the output{}{}\n", command,
               why.empty() ? "" : ": ", why);
  reported = true;
  return 2;
}

void print_diagnostics(const std::vector<Diagnostic>& diagnostics) {
  const bool colour = colour_wanted(standard_error());
  for (const auto& d : diagnostics)
    fmt::print(standard_error(), "{}", format_diagnostic(d, colour));
}

}  // namespace sla::cli
