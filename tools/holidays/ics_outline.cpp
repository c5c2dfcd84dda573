#include "tools/holidays/ics_outline.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <cctype>

#include "grammar/source.hpp"

namespace sla::cli {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// A line as a message quotes it: short, and with what a terminal would hide escaped.
std::string shown(std::string_view line) {
  constexpr std::size_t most = 40;
  if (line.size() <= most) return escape_invisible(line);
  std::size_t cut = most;
  while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
  return escape_invisible(line.substr(0, cut)) + "...";
}

// The property name: what comes before the first ';' (parameters) or ':' (the value).
std::string name_of(std::string_view line) {
  return upper(trim(line.substr(0, line.find_first_of(";:"))));
}

// The value after the ':' that ends the name and parameters; a parameter value in
// double quotes may hold a ':' of its own (TZID="a:b").
std::string_view value_of(std::string_view line) {
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '"') quoted = !quoted;
    if (line[i] == ':' && !quoted) return line.substr(i + 1);
  }
  return {};
}

}  // namespace

std::string IcsOutline::unfolded() const {
  std::string out;
  for (const auto& l : lines) {
    out += l.text;
    out += "\r\n";
  }
  return out;
}

bool looks_like_ics(std::string_view text) {
  if (text.starts_with(kBom)) text.remove_prefix(kBom.size());
  const auto start = text.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos) return false;
  text.remove_prefix(start);
  const auto end = text.find_first_of("\r\n");
  return upper(trim(text.substr(0, end))) == "BEGIN:VCALENDAR";
}

IcsOutline outline_ics(std::string_view text) {
  IcsOutline out;
  auto fail = [&](std::size_t line, std::string message) {
    out.error = ImportNote{line, std::move(message)};
    return out;
  };
  if (text.starts_with(kBom)) text.remove_prefix(kBom.size());
  // Physical lines, unfolded: a line that starts with a space or a tab continues
  // the one before it (RFC 5545, 3.1), without that first character.
  std::size_t number = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    ++number;
    const std::size_t end = std::min(text.find_first_of("\r\n", pos), text.size());
    const std::string_view piece = text.substr(pos, end - pos);
    pos = end;
    if (pos < text.size()) pos += text.compare(pos, 2, "\r\n") == 0 ? 2 : 1;
    if (piece.find('\0') != std::string_view::npos)
      return fail(number, "holds a NUL byte: this is not an iCalendar text file");
    if (!piece.empty() && (piece.front() == ' ' || piece.front() == '\t')) {
      if (out.lines.empty()) {
        if (trim(piece).empty()) continue;
        return fail(number,
                    "this line starts with a space, so it continues a line, but no "
                    "line comes before it");
      }
      out.lines.back().text += piece.substr(1);
      continue;
    }
    if (piece.empty()) continue;  // blank lines are not iCalendar, but harmless
    out.lines.push_back({std::string(piece), number});
  }
  if (out.lines.empty()) return fail(0, "is empty: not an iCalendar file");
  if (upper(trim(out.lines.front().text)) != "BEGIN:VCALENDAR")
    return fail(out.lines.front().line,
                fmt::format("not an iCalendar file: it starts with '{}', not BEGIN:VCALENDAR",
                            shown(out.lines.front().text)));

  struct Open {
    std::string kind;
    std::size_t line;
  };
  std::vector<Open> open;
  EventOutline* event = nullptr;  // the VEVENT whose own properties are being read
  std::string summary;            // its SUMMARY, as written
  for (const ContentLine& l : out.lines) {
    if (l.text.find(':') == std::string::npos)
      return fail(l.line,
                  fmt::format("'{}' is not an iCalendar content line (NAME:value)", shown(l.text)));
    const std::string name = name_of(l.text);
    if (name == "BEGIN") {
      const std::string kind = upper(trim(value_of(l.text)));
      if (open.empty() && kind != "VCALENDAR")
        return fail(l.line,
                    fmt::format("BEGIN:{} outside BEGIN:VCALENDAR ... END:VCALENDAR", shown(kind)));
      // An event holds alarms, never another event: its END is missing.
      if (!open.empty() && open.back().kind == "VEVENT" &&
          (kind == "VEVENT" || kind == "VTODO" || kind == "VJOURNAL" || kind == "VCALENDAR"))
        return fail(open.back().line,
                    fmt::format("the VEVENT that begins at this line has no END:VEVENT (line {} "
                                "begins a {})",
                                l.line, shown(kind)));
      open.push_back({kind, l.line});
      event = nullptr;
      if (kind == "VEVENT" && open.size() == 2) {
        summary.clear();
        out.events.push_back({l.line, 0, {}});
        event = &out.events.back();
      }
    } else if (name == "END") {
      const std::string kind = upper(trim(value_of(l.text)));
      if (open.empty())
        return fail(l.line, fmt::format("END:{} ends nothing: no BEGIN:{} is open", shown(kind),
                                        shown(kind)));
      if (open.back().kind != kind)
        return fail(
            open.back().line,
            fmt::format("the {0} that begins at this line has no END:{0} (line {1} ends {2} "
                        "first)",
                        shown(open.back().kind), l.line, shown(kind)));
      open.pop_back();
      if (kind == "VEVENT" && open.size() == 1) {
        // Found here rather than by libical, so that a file with more wrong reports
        // this first, in the order it is read.
        EventOutline& ev = out.events.back();
        ev.end_line = l.line;
        if (!ev.properties.count("DTSTART"))
          return fail(
              ev.begin_line,
              fmt::format("the event that begins at this line{} has no DTSTART, so it has no date",
                          summary.empty() ? "" : fmt::format(" ({})", shown(summary))));
      }
      // Back in a VEVENT after its VALARM: its own properties go on.
      event = open.size() == 2 && open.back().kind == "VEVENT" && !out.events.empty()
                  ? &out.events.back()
                  : nullptr;
    } else if (open.empty()) {
      return fail(l.line,
                  fmt::format("'{}' is outside BEGIN:VCALENDAR ... END:VCALENDAR", shown(l.text)));
    } else if (event) {
      event->properties.emplace(name, l.line);
      if (name == "SUMMARY") summary = value_of(l.text);
    }
  }
  if (!open.empty())
    return fail(open.back().line,
                fmt::format("the file ends inside the {0} that begins at this line: END:{0} is "
                            "missing (is the file cut short?)",
                            shown(open.back().kind)));
  return out;
}

}  // namespace sla::cli
