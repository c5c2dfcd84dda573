#include "tools/io/csv_columns.hpp"

#include <cctype>
#include <charconv>

#include "tools/io/csv_reader.hpp"

namespace sla::cli {

int csv_column(const std::vector<std::string_view>& header, std::string_view name) {
  for (std::size_t i = 0; i < header.size(); ++i) {
    std::string_view h = trim_field(header[i]);
    if (i == 0 && h.starts_with("\xEF\xBB\xBF")) h.remove_prefix(3);
    if (h.size() != name.size()) continue;
    bool same = true;
    for (std::size_t k = 0; k < h.size() && same; ++k)
      same = std::tolower(static_cast<unsigned char>(h[k])) ==
             std::tolower(static_cast<unsigned char>(name[k]));
    if (same) return static_cast<int>(i);
  }
  return -1;
}

std::string_view csv_field(const std::vector<std::string_view>& fields, int index) {
  if (index < 0 || static_cast<std::size_t>(index) >= fields.size()) return {};
  return trim_field(fields[static_cast<std::size_t>(index)]);
}

bool csv_hours(std::string_view text, double& hours) {
  if (text.empty()) return false;
  if (text.find(':') == std::string_view::npos) {
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), hours);
    return ec == std::errc() && end == text.data() + text.size() && hours >= 0;
  }
  double parts[3] = {0, 0, 0};
  std::size_t n = 0;
  while (!text.empty() && n < 3) {
    const auto colon = text.find(':');
    const std::string_view part = text.substr(0, colon);
    int value = 0;
    const auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), value);
    if (ec != std::errc() || end != part.data() + part.size() || part.empty() || value < 0)
      return false;
    parts[n++] = value;
    if (colon == std::string_view::npos) break;
    text.remove_prefix(colon + 1);
    if (text.empty()) return false;
  }
  if (n < 2) return false;
  hours = parts[0] + parts[1] / 60 + parts[2] / 3600;
  return true;
}

std::string find_csv_columns(const std::vector<std::string_view>& header,
                             std::initializer_list<CsvColumn> columns) {
  std::string missing;
  for (const CsvColumn& c : columns) {
    *c.at = csv_column(header, c.name);
    if (*c.at < 0 && c.required) missing += (missing.empty() ? "" : ", ") + std::string(c.name);
  }
  return missing;
}

}  // namespace sla::cli
