#include "tools/holidays/holiday_set_text.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <map>

#include "grammar/utf8.hpp"

namespace sla::cli {

namespace {

// U+202A-U+202E and U+2066-U+2069: text that displays in another order than it
// is read, refused anywhere in a .sla file.
bool is_bidi_control(std::string_view c) {
  return c.size() == 3 && c[0] == '\xE2' &&
         ((c[1] == '\x80' && c[2] >= '\xAA' && c[2] <= '\xAE') ||
          (c[1] == '\x81' && c[2] >= '\xA6' && c[2] <= '\xA9'));
}

// One line of printable text: what both a string and a comment may hold.
std::string printable_line(std::string_view text) {
  const std::string valid = valid_utf8(text);
  std::string out;
  bool space = false;
  for (std::size_t i = 0; i < valid.size();) {
    std::size_t bad = 0;
    const std::size_t n = std::max<std::size_t>(1, utf8_char_length(valid.substr(i), bad));
    const std::string_view c = std::string_view(valid).substr(i, n);
    i += n;
    const unsigned char b = static_cast<unsigned char>(c[0]);
    if (n == 1 && (b == ' ' || b == '\t' || b == '\n' || b == '\r')) {
      space = !out.empty();
      continue;
    }
    if ((n == 1 && (b < 0x20 || b == 0x7F)) || is_bidi_control(c)) continue;
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::string date_text(const date::year_month_day& d) {
  return date::format("%F", d);
}

}  // namespace

std::vector<HolidayEntry> merge_holidays(const std::vector<ImportedDay>& days) {
  std::map<date::sys_days, std::vector<std::string>> names;
  for (const auto& d : days) {
    std::string name = printable_line(d.name);
    if (name.empty()) name = "(no title)";
    auto& on_day = names[date::sys_days{d.day}];
    if (std::find(on_day.begin(), on_day.end(), name) == on_day.end()) on_day.push_back(name);
  }
  std::vector<HolidayEntry> out;
  for (const auto& [day, on_day] : names)
    out.push_back({date::year_month_day{day}, fmt::format("{}", fmt::join(on_day, " / "))});
  return out;
}

std::string sla_string(std::string_view text) {
  std::string out = "\"";
  for (char c : printable_line(text)) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

bool is_set_name(std::string_view name) {
  auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; };
  if (name.empty() || !letter(name.front())) return false;
  return std::all_of(name.begin(), name.end(),
                     [&](char c) { return letter(c) || (c >= '0' && c <= '9'); });
}

std::string holiday_set_text(const HolidaySetText& set, const std::vector<HolidayEntry>& entries) {
  const std::string origin = printable_line(set.origin);
  std::string out = fmt::format("# {}\n# Imported from {} by `sla holidays import` (sla {}).\n",
                                printable_line(set.title), origin, set.version);
  if (!entries.empty())
    out += fmt::format("# {} {} from {} to {}; the set covers {} to {}.\n", entries.size(),
                       entries.size() == 1 ? "date" : "dates", date_text(entries.front().day),
                       date_text(entries.back().day), set.covers.first, set.covers.last);
  out += "# Generated: change the calendar it comes from and import it again.\n\n";
  out += fmt::format("holidays {} {} {{\n", set.name, sla_string(set.title));
  out += fmt::format("  source {}\n",
                     sla_string(fmt::format("{} (imported by sla {})", origin, set.version)));
  out += fmt::format("  covers {} to {}\n", set.covers.first, set.covers.last);
  for (const auto& e : entries)
    out += fmt::format("  {} {}\n", date_text(e.day), sla_string(e.name));
  out += "}\n";
  return out;
}

}  // namespace sla::cli
