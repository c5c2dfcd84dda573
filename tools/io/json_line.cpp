#include "tools/io/json_line.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "grammar/utf8.hpp"

namespace sla::cli {

namespace {

bool blank(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::size_t skip_blanks(std::string_view s, std::size_t i) {
  while (i < s.size() && blank(s[i])) ++i;
  return i;
}

// Past the string that starts at s[i] (a quote).
std::size_t skip_string(std::string_view s, std::size_t i) {
  for (++i; i < s.size(); ++i) {
    if (s[i] == '\\')
      ++i;
    else if (s[i] == '"')
      return i + 1;
  }
  return s.size();
}

// Past the value that starts at s[i].
std::size_t skip_value(std::string_view s, std::size_t i) {
  if (i >= s.size()) return i;
  if (s[i] == '"') return skip_string(s, i);
  if (s[i] == '{' || s[i] == '[') {
    int depth = 0;
    while (i < s.size()) {
      const char c = s[i];
      if (c == '"') {
        i = skip_string(s, i);
        continue;
      }
      if (c == '{' || c == '[') ++depth;
      if ((c == '}' || c == ']') && --depth == 0) return i + 1;
      ++i;
    }
    return s.size();
  }
  while (i < s.size() && s[i] != ',' && s[i] != '}' && s[i] != ']' && !blank(s[i])) ++i;
  return i;
}

}  // namespace

std::string_view raw_member(std::string_view s, std::string_view key) {
  std::string_view found;
  // A byte-order mark may open the file's first line; the parser skips it too.
  std::size_t i = skip_blanks(s, s.starts_with("\xEF\xBB\xBF") ? 3 : 0);
  if (i >= s.size() || s[i] != '{') return found;
  ++i;
  for (;;) {
    i = skip_blanks(s, i);
    if (i >= s.size() || s[i] != '"') return found;
    const std::size_t name_at = i;
    i = skip_string(s, i);
    const std::string_view name = s.substr(name_at, i - name_at);  // with its quotes
    bool match = name.size() == key.size() + 2 && name.substr(1, key.size()) == key;
    if (!match && name.find('\\') != std::string_view::npos) {  // "i\u0064" is "id" too
      const auto decoded = nlohmann::json::parse(name, nullptr, false);
      match = decoded.is_string() && decoded.get_ref<const std::string&>() == key;
    }
    i = skip_blanks(s, i);
    if (i >= s.size() || s[i] != ':') return found;
    i = skip_blanks(s, i + 1);
    const std::size_t value_at = i;
    i = skip_value(s, i);
    if (match) found = s.substr(value_at, i - value_at);
    i = skip_blanks(s, i);
    if (i >= s.size() || s[i] != ',') return found;
    ++i;
  }
}

std::string not_json_reason(std::string_view line) {
  const std::size_t at = utf8_error_at(line);
  if (at == std::string_view::npos) return "not valid JSON";
  std::size_t column = 1;  // in characters, as an editor counts them
  for (std::size_t i = 0; i < at; ++i)
    if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++column;
  return fmt::format(
      "not valid JSON: byte 0x{:02X} at column {} is not UTF-8 (JSON Lines must be saved as "
      "UTF-8)",
      static_cast<unsigned char>(line[at]), column);
}

}  // namespace sla::cli
