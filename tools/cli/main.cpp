// sla: check, inspect, test and evaluate support-SLA contracts.
#include <fmt/format.h>
#include <algorithm>
#include <cstdio>
#include <span>
#include <system_error>

#include "grammar/suggest.hpp"
#include "sla/load.hpp"
#include "tools/cli/commands.hpp"

int main(int argc, char** argv) {
  using namespace sla::cli;
  CLI::App app{
      "sla: support service-level agreements as programs.\n"
      "Check a contract, inspect what it says, and compute business-time deadlines."};
  app.name("sla");
  app.set_version_flag("--version", fmt::format("sla {}", sla::version()));
  app.require_subcommand(1);

  std::vector<Command> commands{check_command(app), inspect_command(app), time_command(app),
                                eval_command(app),  explain_command(app), test_command(app),
                                fmt_command(app),   lint_command(app),    uptime_command(app),
                                quote_command(app), render_command(app)};
  // Set after the commands exist, so that they do not inherit it.
  app.footer(
      "Examples:\n"
      "  sla check contracts/qiscus-enterprise.sla\n"
      "  sla inspect contracts/qiscus-enterprise.sla --format json\n"
      "  sla time contracts/qiscus-enterprise.sla --package premium add 2026-01-09T16:30:00+07:00 "
      "\"4 business hours\"\n"
      "  sla eval contracts/qiscus-enterprise.sla --package premium --format table "
      "contracts/samples/qiscus-tickets.csv\n"
      "  sla test contracts/qiscus-enterprise.sla\n"
      "  sla lint contracts/qiscus-enterprise.sla --format sarif\n"
      "  sla fmt --check contracts/*.sla\n"
      "  sla uptime contracts/qiscus-enterprise.sla --package premium --month 2026-01 "
      "incidents.csv\n"
      "  sla quote contracts/qiscus-enterprise.sla --package premium --addon dedicated_24x7\n"
      "  sla render contracts/qiscus-enterprise.sla --format html --output qiscus.html\n\n"
      "Exit codes: 0 success; 1 the contract has errors, or a check failed (an example in\n"
      "'sla test', a file not formatted under 'sla fmt --check', a lint finding at\n"
      "--fail-level); 2 usage error (unknown flag, missing file, bad argument).\n"
      "Run 'sla COMMAND --help' for a command's options. Docs: docs/cli.md, docs/language.md.");
  // An unknown command gets a suggestion, not CLI11's "A subcommand is required".
  if (argc > 1 && argv[1][0] != '-') {
    std::vector<std::string> names;
    for (const auto& c : commands) names.push_back(c.app->get_name());
    if (std::find(names.begin(), names.end(), argv[1]) == names.end()) {
      auto near = sla::closest(argv[1], std::span<const std::string>(names));
      fmt::print(stderr, "sla: unknown command '{}'{}\nCommands: {}. Run 'sla --help'.\n", argv[1],
                 near ? fmt::format("; did you mean '{}'?", *near) : "", fmt::join(names, ", "));
      return Exit::usage;
    }
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return Exit::usage;
  }
  for (const auto& command : commands) {
    if (!command.app->parsed()) continue;
    const std::string name = "sla " + command.app->get_name();
    int exit = Exit::usage;
    try {
      exit = command.run();
    } catch (const std::system_error& e) {
      // fmt::print throws when stdout cannot take the output (a full disk, a closed pipe).
      std::fprintf(stderr, "%s: could not write the output: %s\n", name.c_str(), e.what());
      return Exit::usage;
    }
    // Buffered output that could not be written is a failure, not a success.
    if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
      std::fprintf(stderr, "%s: could not write the output\n", name.c_str());
      return Exit::usage;
    }
    return exit;
  }
  return Exit::usage;
}
