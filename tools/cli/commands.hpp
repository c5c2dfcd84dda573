// The subcommands of `sla`, one file each. A command adds itself to the CLI11
// app and returns the function that runs it once the arguments are parsed.
#pragma once

#include <functional>

#include <CLI/CLI.hpp>

#include "tools/console/exit.hpp"

namespace sla::cli {

struct Command {
  CLI::App* app;
  std::function<int()> run;
};

Command check_command(CLI::App& sla);
Command credits_command(CLI::App& sla);
Command inspect_command(CLI::App& sla);
Command time_command(CLI::App& sla);
Command eval_command(CLI::App& sla);
Command explain_command(CLI::App& sla);
Command test_command(CLI::App& sla);
Command lint_command(CLI::App& sla);
Command fmt_command(CLI::App& sla);
Command uptime_command(CLI::App& sla);
Command quote_command(CLI::App& sla);
Command render_command(CLI::App& sla);
Command holidays_command(CLI::App& sla);
Command calendar_command(CLI::App& sla);
Command lsp_command(CLI::App& sla);
Command diff_command(CLI::App& sla);
Command report_command(CLI::App& sla);

}  // namespace sla::cli
