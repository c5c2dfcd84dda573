#include "tools/console/selection.hpp"

#include <fmt/format.h>
#include <filesystem>

#include "tools/console/arguments.hpp"
#include "tools/console/exit.hpp"
#include "tools/console/file_output.hpp"
#include "tools/console/output.hpp"
#include "tools/console/streams.hpp"

namespace sla::cli {

namespace {

LoadOptions stdin_options(LoadOptions options) {
  std::error_code ec;
  const auto here = std::filesystem::current_path(ec);
  options.imports = ec ? ImportPolicy::stdlib_only() : ImportPolicy::folders({here.string()});
  return options;
}

}  // namespace

LoadResult load_contract(const std::string& path) {
  if (path != "-") return load_file(path);
  return load_string("<stdin>", standard_input_text(), stdin_options({}));
}

LintResult lint_contract(const std::string& path, LintOptions options) {
  if (path != "-") return lint_file(path, options);
  options.load = stdin_options(options.load);
  return lint_string("<stdin>", standard_input_text(), options);
}

std::optional<Selected> load_selection(std::string_view command, const std::string& file,
                                       const std::string& package,
                                       const std::vector<std::string>& addons, int& exit,
                                       const std::string& output) {
  if (auto why = unreadable(file); !why.empty()) {
    exit = usage_error(command, why);
    return std::nullopt;
  }
  LoadResult contract = load_contract(file);
  if (auto why = output_is_loaded("--output", output, file, contract.files); !why.empty()) {
    exit = usage_error(command, why);
    return std::nullopt;
  }
  print_diagnostics(contract.diagnostics);
  if (!contract.ok()) {
    exit = Exit::failed;
    return std::nullopt;
  }
  auto made = Evaluator::make(*contract.model, package, addons);
  if (!made.evaluator) {
    exit = argument_error(command, made.error);
    return std::nullopt;
  }
  return Selected{std::move(contract), std::move(*made.evaluator)};
}

}  // namespace sla::cli
