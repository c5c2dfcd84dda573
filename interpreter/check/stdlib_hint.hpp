// Which stdlib modules a wrong import most likely meant: "std/holidays/idd" is a
// typo of "std/holidays/id"; "std/holidays/germany" names the country rather than
// its code. Shared by the loader's error and `sla holidays show`.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace sla {

// The likeliest modules, best first: the module of a set named so ("de_national"),
// the holiday sets whose place ("Bayern (Germany)") has the words in it or as
// initials ("usa", "uae"), a near spelling of a module's name; countries before
// their regions. A name without "std/" ("germany", "de/by") is looked for among
// the holiday sets. May be empty.
std::vector<std::string> nearest_stdlib_modules(std::string_view spec, std::size_t at_most = 3);

// The hint for an unknown stdlib import: the likeliest modules with their titles,
// and how to list them all.
std::string stdlib_import_hint(std::string_view spec);

}  // namespace sla
