// One JSON boundary for every host that would rather not use structs (Node,
// Go, a shell): a request names a command of `sla` with its options, arguments
// and standard input; the response carries what the command wrote, parsed as the
// JSON the command's `--format json` writes, and its exit code. The schemas are
// docs/schema/call.schema.json and, for each command's output, the schema of the
// CLI's own JSON output: the two are one.
#pragma once

#include <string>
#include <string_view>

namespace sla::json_api {

// Runs the request (docs/embedding.md, "JSON"); never throws. A request that
// is not understood gets exit code 2 and a message saying why, as a wrong flag
// does on the command line.
std::string call_json(std::string_view request);

}  // namespace sla::json_api
