// Writing a whole output file safely: a regular file is replaced in one step (a
// temporary file beside it, then a rename), so an interrupted run never leaves
// half a file; a symbolic link keeps pointing at its rewritten target; a device
// or a pipe (/dev/stdout, a FIFO) is written through, never replaced.
#pragma once

#include <string>
#include <string_view>

namespace sla::cli {

// Returns why the file could not be written ("cannot write 'x': No space left on
// device"), or "" when it was.
std::string write_file(const std::string& path, std::string_view text);

}  // namespace sla::cli
