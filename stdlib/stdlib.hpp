// The .sla modules shipped with the language, embedded in the library at build
// time so that `import "std/holidays/id"` works from any directory.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace sla {

// The text of a module such as "std/holidays/id", or nullopt.
std::optional<std::string_view> stdlib_module(std::string_view name);
std::vector<std::string_view> stdlib_module_names();

// What a module's first holiday set says of itself, read from its text without
// parsing it: what import hints and lint match a country or a year against.
struct StdlibHolidaySet {
  std::string_view set, title;        // "de_national", "Germany public holidays"
  int first_year = 0, last_year = 0;  // covers; 0 when it does not say
};
std::optional<StdlibHolidaySet> stdlib_holiday_set(std::string_view module_text);

}  // namespace sla
