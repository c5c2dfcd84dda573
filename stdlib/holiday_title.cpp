#include "stdlib/stdlib.hpp"

#include <algorithm>

namespace sla {

std::string_view stdlib_holiday_title(std::string_view text) {
  // The generated modules put `holidays NAME "TITLE" {` at the start of a line,
  // after a comment header; a title holds no escaped quote.
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t end = std::min(text.find('\n', at), text.size());
    const std::string_view line = text.substr(at, end - at);
    at = end + 1;
    if (line.substr(0, 9) != "holidays ") continue;
    const std::size_t open = line.find('"');
    const std::size_t close = open == std::string_view::npos ? open : line.find('"', open + 1);
    if (close == std::string_view::npos) return {};
    return line.substr(open + 1, close - open - 1);
  }
  return {};
}

}  // namespace sla
