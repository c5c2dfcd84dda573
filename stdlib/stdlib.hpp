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

// The title of a module's first holiday set ("Germany public holidays"), read from
// its text without parsing it; empty when it has none. What import hints and
// `sla holidays list` match a country's name against.
std::string_view stdlib_holiday_title(std::string_view module_text);

}  // namespace sla
