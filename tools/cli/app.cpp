#include "tools/cli/app.hpp"

#include <date/tz.h>
#include <fmt/format.h>
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <span>
#include <sstream>
#include <system_error>

#include "grammar/suggest.hpp"
#include "sla/load.hpp"
#include "tools/cli/build_info.hpp"
#include "tools/cli/commands.hpp"
#include "tools/console/output.hpp"
#include "tools/console/parse_error.hpp"
#include "tools/console/streams.hpp"

namespace {

// The tz database deadlines are computed with ("2025b"): a new release moves
// offsets, so it belongs in a bug report as much as the version does. date reads
// the system's zoneinfo, whose +VERSION file Debian does not ship; its tzdata.zi
// starts with "# version 2025b".
std::string tz_version() {
  try {
    std::string version = date::get_tzdb().version;
    if (!version.empty() && version != "unknown") return version;
  } catch (const std::exception&) {
    return "unknown";
  }
  std::vector<std::string> dirs{"/usr/share/zoneinfo", "/usr/lib/zoneinfo",
                                "/usr/share/lib/zoneinfo"};
  if (const char* tzdir = std::getenv("TZDIR"); tzdir && *tzdir) dirs.insert(dirs.begin(), tzdir);
  for (const auto& dir : dirs) {
    std::ifstream zi(dir + "/tzdata.zi");
    std::string line;
    if (std::getline(zi, line) && line.starts_with("# version ")) return line.substr(10);
  }
  return "unknown";
}

}  // namespace

namespace sla::cli {

int run_sla(int argc, const char* const* argv) {
  CLI::App app{
      "sla: support service-level agreements as programs.\n"
      "Check a contract, inspect what it says, and compute business-time deadlines."};
  app.name("sla");
  app.set_version_flag("--version", [] {
    return fmt::format("sla {} (commit {}, tz database {})", sla::version(), sla::cli::git_commit,
                       tz_version());
  });
  app.require_subcommand(1);

  std::vector<Command> commands{check_command(app),   inspect_command(app),  time_command(app),
                                eval_command(app),    report_command(app),   explain_command(app),
                                test_command(app),    fmt_command(app),      lint_command(app),
                                uptime_command(app),  quote_command(app),    render_command(app),
                                credits_command(app), holidays_command(app), calendar_command(app),
                                lsp_command(app),     diff_command(app)};
  // Set after the commands exist, so that they do not inherit it.
  app.footer(
      "Examples:\n"
      "  sla check contracts/qiscus-enterprise.sla\n"
      "  sla inspect contracts/qiscus-enterprise.sla --format json\n"
      "  sla time contracts/qiscus-enterprise.sla --package premium add 2026-01-09T16:30:00+07:00 "
      "\"4 business hours\"\n"
      "  sla eval contracts/qiscus-enterprise.sla --package premium --as-of "
      "2026-04-01T00:00:00+07:00 --format table contracts/samples/qiscus-tickets.csv\n"
      "  sla test contracts/qiscus-enterprise.sla\n"
      "  sla lint contracts/qiscus-enterprise.sla --format sarif\n"
      "  sla fmt --check contracts/*.sla\n"
      "  sla uptime contracts/qiscus-enterprise.sla --package premium --month 2026-01 "
      "contracts/samples/qiscus-incidents.csv\n"
      "  sla quote contracts/qiscus-enterprise.sla --package premium --addon dedicated_24x7\n"
      "  sla render contracts/qiscus-enterprise.sla --format html --output qiscus.html\n"
      "  sla holidays import company.ics --name acme_company --output acme-holidays.sla\n"
      "  sla calendar export contracts/qiscus-enterprise.sla --calendar office_hours --from "
      "2026-01-01 --to 2026-12-31 --output office.ics\n\n"
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
      fmt::print(standard_error(), "sla: unknown command '{}'{}\nCommands: {}. Run 'sla --help'.\n",
                 argv[1], near ? fmt::format("; did you mean '{}'?", *near) : "",
                 fmt::join(names, ", "));
      return Exit::usage;
    }
  }
  // Help and the version are output like any other: one that cannot be written
  // (`sla --help >/dev/full`) is a failure, not a silent success.
  auto print_help = [&app](const CLI::Error& e) {
    errno = 0;
    std::ostringstream out;
    std::ostringstream err;
    const int code = app.exit(e, out, err);
    std::fputs(err.str().c_str(), standard_error());
    const std::string text = out.str();
    std::FILE* to = standard_output();
    if (std::fwrite(text.data(), 1, text.size(), to) == text.size() && std::fflush(to) == 0 &&
        !std::ferror(to))
      return code;
    const auto parsed = app.get_subcommands();
    const std::string why = errno ? std::strerror(errno) : "";
    if (parsed.empty())
      fmt::print(standard_error(), "sla: could not write the output{}{}\n", why.empty() ? "" : ": ",
                 why);
    else
      output_failure(parsed.front()->get_name(), why);
    return static_cast<int>(Exit::usage);
  };
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return print_help(e);
  } catch (const CLI::CallForAllHelp& e) {
    return print_help(e);
  } catch (const CLI::CallForVersion& e) {
    return print_help(e);
  } catch (const CLI::ParseError& e) {
    fmt::print(standard_error(), "{}\n", parse_error_message(app, e));
    return Exit::usage;
  }
  for (const auto& command : commands) {
    if (!command.app->parsed()) continue;
    std::string name = command.app->get_name();
    if (groups_commands(*command.app))
      for (const CLI::App* sub : command.app->get_subcommands()) name += " " + sub->get_name();
    int exit = Exit::usage;
    try {
      exit = command.run();
    } catch (const std::system_error& e) {
      // fmt::print throws when stdout cannot take the output (a full disk, a closed pipe).
      return output_failure(name, e.code().message());
    }
    // Buffered output that could not be written is a failure, not a success.
    errno = 0;
    if (std::fflush(standard_output()) != 0 || std::ferror(standard_output()))
      return output_failure(name, errno ? std::strerror(errno) : "");
    return exit;
  }
  return Exit::usage;
}

}  // namespace sla::cli
