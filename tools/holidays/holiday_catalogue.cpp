#include "tools/holidays/holiday_catalogue.hpp"

#include <fmt/format.h>
#include <algorithm>

#include "sla/load.hpp"
#include "stdlib/stdlib.hpp"

namespace sla::cli {

namespace {

constexpr std::string_view kPrefix = "std/holidays/";

}  // namespace

std::vector<std::string> holiday_modules() {
  std::vector<std::string> out;
  for (std::string_view name : stdlib_module_names())
    if (name.starts_with(kPrefix)) out.emplace_back(name);
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<const HolidaySet*> sets_defined_in(const Model& model, std::string_view file) {
  std::vector<const HolidaySet*> out;
  for (const auto& set : model.holiday_sets)
    if (set.span.file == file) out.push_back(&set);
  return out;
}

ModuleSets module_sets(std::string_view module) {
  ModuleSets out;
  const auto text = stdlib_module(module);
  if (!text) {
    out.error = fmt::format("no stdlib module \"{}\"", module);
    return out;
  }
  LoadOptions options;
  options.imports = ImportPolicy::stdlib_only();
  const LoadResult r = load_string(module, std::string(*text), options);
  if (!r.ok()) {
    for (const auto& d : r.diagnostics)
      if (d.severity == Severity::error) {
        out.error = fmt::format("{}:{}:{}: {}", d.location.file, d.location.line, d.location.column,
                                d.message);
        break;
      }
    if (out.error.empty()) out.error = "it does not load";
    return out;
  }
  for (const HolidaySet* set : sets_defined_in(*r.model, module)) out.sets.push_back(*set);
  return out;
}

HolidayCatalogue holiday_catalogue() {
  HolidayCatalogue out;
  for (const auto& module : holiday_modules()) {
    ModuleSets m = module_sets(module);
    if (!m.error.empty()) out.failures.push_back(fmt::format("{}: {}", module, m.error));
    for (auto& set : m.sets) out.sets.push_back({module, std::move(set)});
  }
  return out;
}

}  // namespace sla::cli
