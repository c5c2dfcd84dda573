#include <charconv>

#include "stdlib/stdlib.hpp"

namespace sla {

namespace {

int year_at(std::string_view text, std::size_t at) {
  int year = 0;
  if (at + 4 <= text.size()) std::from_chars(text.data() + at, text.data() + at + 4, year);
  return year;
}

}  // namespace

std::optional<StdlibHolidaySet> stdlib_holiday_set(std::string_view text) {
  // The generated modules put `holidays NAME "TITLE" {` and `  covers A to B` at
  // the start of their lines, after a comment header; a title holds no escaped quote.
  std::optional<StdlibHolidaySet> out;
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t end = std::min(text.find('\n', at), text.size());
    const std::string_view line = text.substr(at, end - at);
    at = end + 1;
    if (!out && line.starts_with("holidays ")) {
      const std::size_t name_end = line.find(' ', 9);
      const std::size_t open = line.find('"');
      const std::size_t close = open == std::string_view::npos ? open : line.find('"', open + 1);
      if (name_end == std::string_view::npos || close == std::string_view::npos) return {};
      out = StdlibHolidaySet{line.substr(9, name_end - 9), line.substr(open + 1, close - open - 1)};
    } else if (out && line.starts_with("  covers ")) {
      out->first_year = year_at(line, 9);
      out->last_year = year_at(line, 17);
      return out;
    } else if (out && line.starts_with("}")) {
      return out;
    }
  }
  return out;
}

}  // namespace sla
