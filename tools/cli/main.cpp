// sla: check, inspect, test and evaluate support-SLA contracts.
#include <csignal>

#include "tools/cli/app.hpp"

int main(int argc, char** argv) {
  // A closed pipe (`sla eval ... | head -1`) makes writes fail with EPIPE, which
  // is reported as any failed write is (one message, exit 2), instead of killing
  // the run with SIGPIPE.
  std::signal(SIGPIPE, SIG_IGN);
  return sla::cli::run_sla(argc, argv);
}
