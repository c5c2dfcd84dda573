// --years A..B: the years an import keeps, and the years the set says it covers.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sla::cli {

struct YearRange {
  int first = 0, last = 0;
  bool contains(int year) const { return first <= year && year <= last; }
};

// "2026..2028" or "2026": years 1900 to 2399 (the years a .sla date may name), in
// order; nullopt otherwise.
std::optional<YearRange> parse_year_range(std::string_view text);

// What a refused --years most likely meant, or "": "2026-2028" (as `sla holidays
// list` shows years) and "2026 to 2028" (as `covers` says them) are "2026..2028".
std::string year_range_suggestion(std::string_view text);

}  // namespace sla::cli
