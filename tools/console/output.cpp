#include "tools/console/output.hpp"

#include <fmt/format.h>
#include <algorithm>

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

// What a terminal can show: tabs become one space (so the caret lines up), other
// control characters and bytes that are not UTF-8 become '?', one for one.
std::string printable(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t len = c < 0x80             ? 1
                      : (c & 0xE0) == 0xC0 ? 2
                      : (c & 0xF0) == 0xE0 ? 3
                      : (c & 0xF8) == 0xF0 ? 4
                                           : 0;
    bool ok = len > 0 && i + len <= s.size();
    for (std::size_t k = 1; ok && k < len; ++k)
      ok = (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
    if (!ok) {
      out.push_back('?');
      ++i;
    } else if (len == 1 && (c < 0x20 || c == 0x7F)) {
      out.push_back(c == '\t' ? ' ' : '?');
      ++i;
    } else {
      out.append(s.substr(i, len));
      i += len;
    }
  }
  return out;
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
  std::string out = fmt::format(
      "{}: {}: {}\n",
      paint(fmt::format("{}:{}:{}", at.file, at.line, at.column), Colour::bold, colour),
      paint(fmt::format("{}[{}]", severity_name(d.severity), d.code), tone, colour), d.message);
  if (!at.source_line.empty() || at.line > 1) {
    const std::string number = fmt::format("{}", at.line);
    const std::string gutter(number.size(), ' ');
    // Underline the span on this line, at least one caret.
    const std::string_view rest =
        std::string_view(at.source_line).substr(std::min<std::size_t>(at.source_line.size(), [&] {
          std::size_t bytes = 0, chars = 1;
          while (bytes < at.source_line.size() && chars < at.source_column) {
            ++bytes;
            while (bytes < at.source_line.size() &&
                   (static_cast<unsigned char>(at.source_line[bytes]) & 0xC0) == 0x80)
              ++bytes;
            ++chars;
          }
          return bytes;
        }()));
    const std::size_t width = std::max<std::size_t>(
        1, std::min(char_count(rest.substr(0, std::min<std::size_t>(at.length, rest.size()))),
                    char_count(rest)));
    out += fmt::format(" {} |\n", gutter);
    out += fmt::format(" {} | {}\n", number, printable(at.source_line));
    out += fmt::format(" {} | {}{}\n", gutter, std::string(at.source_column - 1, ' '),
                       paint(std::string(width, '^'), tone, colour));
    if (!d.hint.empty()) out += fmt::format(" {} = hint: {}\n", gutter, d.hint);
  } else if (!d.hint.empty()) {
    out += fmt::format("  = hint: {}\n", d.hint);
  }
  for (const auto& n : d.notes)
    out += fmt::format("  note: {}:{}:{}: {}\n", n.location.file, n.location.line,
                       n.location.column, n.message);
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

void print_diagnostics(const std::vector<Diagnostic>& diagnostics) {
  const bool colour = colour_wanted(stderr);
  for (const auto& d : diagnostics) fmt::print(stderr, "{}", format_diagnostic(d, colour));
}

}  // namespace sla::cli
