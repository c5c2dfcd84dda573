#include "tools/console/selection.hpp"

#include <fmt/format.h>

#include "tools/console/arguments.hpp"
#include "tools/console/exit.hpp"
#include "tools/console/output.hpp"

namespace sla::cli {

std::optional<Selected> load_selection(std::string_view command, const std::string& file,
                                       const std::string& package,
                                       const std::vector<std::string>& addons, int& exit) {
  if (auto why = unreadable(file); !why.empty()) {
    exit = usage_error(command, why);
    return std::nullopt;
  }
  LoadResult contract = load_file(file);
  print_diagnostics(contract.diagnostics);
  if (!contract.ok()) {
    exit = Exit::failed;
    return std::nullopt;
  }
  auto made = Evaluator::make(*contract.model, package, addons);
  if (!made.evaluator) {
    exit = usage_error(command, made.error);
    return std::nullopt;
  }
  return Selected{std::move(contract), std::move(*made.evaluator)};
}

}  // namespace sla::cli
