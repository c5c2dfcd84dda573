#include "tools/wording/po_catalogue.hpp"

#include <fmt/format.h>

namespace sla::cli {

namespace {

// The string of a line that is one quoted string (after its keyword): C escapes read.
bool read_quoted(std::string_view s, std::string& out, std::string& error) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  if (s.size() < 2 || s.front() != '"' || s.back() != '"') {
    error = "expected a string in double quotes";
    return false;
  }
  s = s.substr(1, s.size() - 2);
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '"') {
      error = "a double quote inside a string must be written \\\"";
      return false;
    }
    if (s[i] != '\\') {
      out.push_back(s[i]);
      continue;
    }
    if (++i == s.size()) {
      error = "a string ends with a lone backslash";
      return false;
    }
    switch (s[i]) {
      case 'n':
        out.push_back('\n');
        break;
      case 't':
        out.push_back('\t');
        break;
      case '"':
        out.push_back('"');
        break;
      case '\\':
        out.push_back('\\');
        break;
      default:
        error = fmt::format("unknown escape \\{}", s[i]);
        return false;
    }
  }
  return true;
}

}  // namespace

PoCatalogue read_po(std::string_view text) {
  PoCatalogue po;
  enum class Field { none, context, id, str } field = Field::none;
  std::string id, str;
  bool have_entry = false;
  auto flush = [&] {
    if (have_entry && !id.empty() && !str.empty()) po.messages.insert_or_assign(id, str);
    id.clear();
    str.clear();
    have_entry = false;
    field = Field::none;
  };
  std::size_t line_no = 0;
  while (!text.empty()) {
    ++line_no;
    const std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    std::string error, value;
    auto fail = [&](std::string_view why) {
      po.error = fmt::format("line {}: {}", line_no, why);
      return po;
    };
    if (line.front() == '"') {
      if (field == Field::none) return fail("a continued string follows no msgid or msgstr");
      if (!read_quoted(line, value, error)) return fail(error);
      (field == Field::str ? str : field == Field::id ? id : value) += value;
      continue;
    }
    const std::size_t space = line.find_first_of(" \t");
    const std::string_view keyword = line.substr(0, space);
    const std::string_view rest = space == std::string_view::npos ? "" : line.substr(space);
    if (keyword == "msgctxt") {
      flush();
      field = Field::context;
    } else if (keyword == "msgid") {
      if (field != Field::context) flush();
      field = Field::id;
      have_entry = true;
    } else if (keyword == "msgstr") {
      if (field != Field::id) return fail("msgstr without a msgid before it");
      field = Field::str;
    } else {
      return fail(fmt::format("unknown keyword '{}' (expected msgid, msgstr or msgctxt)", keyword));
    }
    if (!read_quoted(rest, value, error)) return fail(error);
    if (field == Field::id) id = value;
    if (field == Field::str) str = value;
  }
  flush();
  return po;
}

}  // namespace sla::cli
