// The holiday sets shipped in the stdlib: every module under std/holidays/
// (std/holidays/de, std/holidays/de/by, ...), loaded as a contract importing it
// would load it, for `sla holidays list` and `sla holidays show`.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "sla/model.hpp"

namespace sla::cli {

// The module names under std/holidays/, sorted.
std::vector<std::string> holiday_modules();

struct ModuleSets {
  std::vector<HolidaySet> sets;  // the sets the module defines (not those it imports)
  std::string error;             // why it does not load: its first error, at file:line
};
ModuleSets module_sets(std::string_view module);

struct CatalogueSet {
  std::string module;
  HolidaySet set;
};
struct HolidayCatalogue {
  std::vector<CatalogueSet> sets;     // by module, then as each module defines them
  std::vector<std::string> failures;  // the modules that do not load, with why
};
HolidayCatalogue holiday_catalogue();

// The sets `file` defines among a model's (a file path as loaded, or a module).
std::vector<const HolidaySet*> sets_defined_in(const Model& model, std::string_view file);

}  // namespace sla::cli
