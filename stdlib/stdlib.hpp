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

}  // namespace sla
