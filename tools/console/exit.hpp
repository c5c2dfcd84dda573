// The stable exit codes of every `sla` command (also in `sla --help` and docs/cli.md).
#pragma once

namespace sla::cli {

enum Exit : int { ok = 0, failed = 1, usage = 2 };

}  // namespace sla::cli
