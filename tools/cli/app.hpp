// `sla` as a function: the CLI11 app with every subcommand, run over one command
// line. main() calls it for the process; sla_call_json calls it in-process with
// other streams (tools/console/streams.hpp).
#pragma once

namespace sla::cli {

// Runs `argv` (argv[0] is the program's name) and returns the exit code; the
// command reads and writes this thread's standard streams.
int run_sla(int argc, const char* const* argv);

}  // namespace sla::cli
