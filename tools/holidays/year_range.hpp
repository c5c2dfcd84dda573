// --years A..B: the years an import keeps, and the years the set says it covers.
#pragma once

#include <optional>
#include <string_view>

namespace sla::cli {

struct YearRange {
  int first = 0, last = 0;
  bool contains(int year) const { return first <= year && year <= last; }
};

// "2026..2028" or "2026": years 1900 to 2399 (the years a .sla date may name), in
// order; nullopt otherwise.
std::optional<YearRange> parse_year_range(std::string_view text);

}  // namespace sla::cli
