// sla check FILE...: parse and check contracts; report every problem.
#include <fmt/format.h>
#include <filesystem>

#include "sla/load.hpp"
#include "tools/cli/commands.hpp"
#include "tools/console/arguments.hpp"
#include "tools/console/json_text.hpp"
#include "tools/console/output.hpp"
#include "tools/console/selection.hpp"
#include "tools/console/streams.hpp"

namespace sla::cli {

namespace {

// A file with nothing in it (or only comments) checks clean, but a reviewer should
// hear that it says nothing: a truncated export or the wrong file.
bool defines_nothing(const Model& m) {
  return m.contract.name.empty() && m.contract.provider.empty() && m.definitions.empty() &&
         m.priorities.empty() && m.holiday_sets.empty() && m.calendars.empty() &&
         m.packages.empty() && m.addons.empty() && m.examples.empty();
}

}  // namespace

Command check_command(CLI::App& sla) {
  struct Options {
    std::vector<std::string> files;
    std::string format = "text";
  };
  auto options = std::make_shared<Options>();
  CLI::App* app = sla.add_subcommand("check", "Check contracts: syntax, names, units, inheritance");
  app->add_option("files", options->files, "Contract files (.sla); - reads standard input")
      ->required();
  app->add_option("--format", options->format, "Output: text (for people) or json")
      ->check(CLI::IsMember({"text", "json"}));
  app->footer(
      "Example:\n  sla check contracts/qiscus-enterprise.sla\n"
      "Every problem is reported as file:line:col with a caret, a stable code "
      "(docs/diagnostics.md)\n"
      "and a hint. Exit codes: 0 every file is valid; 1 a file has errors; 2 usage error or an\n"
      "unreadable file (the other files are still checked).");

  return {app, [options] {
            std::vector<std::pair<std::string, std::string>> inputs;
            for (const auto& f : options->files) inputs.emplace_back("a contract", f);
            if (auto why = stdin_twice(inputs); !why.empty()) return argument_error("check", why);
            int exit = Exit::ok;
            auto report = nlohmann::ordered_json::array();
            for (const auto& file : options->files) {
              const std::string f = input_name(file);
              // A file that cannot be read is a usage error; the others are still checked.
              if (auto why = unreadable(file); !why.empty()) {
                if (options->format == "json")
                  report.push_back({{"file", f}, {"valid", false}, {"error", why}});
                else
                  fmt::print(standard_error(), "sla check: {}\n", why);
                exit = Exit::usage;
                continue;
              }
              LoadResult r = load_contract(file);
              if (!r.ok() && exit != Exit::usage) exit = Exit::failed;
              if (options->format == "json") {
                auto diagnostics = nlohmann::ordered_json::array();
                for (const auto& d : r.diagnostics) diagnostics.push_back(to_json(d));
                report.push_back({{"file", f}, {"valid", r.ok()}, {"diagnostics", diagnostics}});
                if (r.ok()) report.back()["empty"] = defines_nothing(*r.model);
              } else {
                print_diagnostics(r.diagnostics);
                if (r.ok() && defines_nothing(*r.model))
                  fmt::print(standard_output(),
                             "{}: ok, but it defines nothing (is the file empty or cut short?)\n",
                             f);
                else if (r.ok())
                  fmt::print(standard_output(), "{}: ok\n", f);
                else
                  fmt::print(standard_error(), "{}: {} error{}\n", f,
                             std::count_if(r.diagnostics.begin(), r.diagnostics.end(),
                                           [](auto& d) { return d.severity == Severity::error; }),
                             r.diagnostics.size() == 1 ? "" : "s");
              }
            }
            if (options->format == "json") fmt::print(standard_output(), "{}\n", json_text(report));
            return exit;
          }};
}

}  // namespace sla::cli
