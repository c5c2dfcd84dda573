// Writing output files safely: a regular file is replaced in one step (a
// temporary file beside it, then a rename), so an interrupted or failed run never
// leaves half a file and never destroys the file that was there; a symbolic link
// keeps pointing at its rewritten target, which keeps its permissions; a device or
// a pipe (/dev/stdout, /dev/full, a FIFO) is written through, never replaced.
#pragma once

#include <cstdio>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sla::cli {

// An output file written as a stream (sla eval): open() creates the temporary
// file, stream() is written to, commit() renames it over the target. Destroyed
// without a commit, it removes the temporary file and the target is untouched; so
// does a run stopped by SIGINT, SIGTERM or SIGHUP while the file is open.
class OutputFile {
 public:
  OutputFile() = default;
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;
  ~OutputFile();

  // Returns why the file cannot be written ("cannot write 'x': Permission denied"), or "".
  std::string open(const std::string& path);
  std::FILE* stream() const { return stream_; }
  // Flushes and closes, then renames; returns why that failed (the temporary file
  // is then removed), or "".
  std::string commit();

 private:
  std::string path_;       // as given, for messages
  std::string target_;     // the file replaced (a symbolic link's target)
  std::string temporary_;  // empty when writing through a device or a pipe
  std::FILE* stream_ = nullptr;
  bool watched_ = false;  // SIGINT, SIGTERM and SIGHUP remove the temporary file
};

// Returns why the file could not be written ("cannot write 'x': No space left on
// device"), or "" when it was.
std::string write_file(const std::string& path, std::string_view text);

// An output must not be one of the run's inputs (compared by device and inode, so
// through symbolic links and other spellings). `inputs` are (what, path) pairs such
// as ("the contract", "c.sla"); an input "-" is standard input, compared when it is
// redirected from a regular file. Returns the usage error, or "" when `output` is
// none of them ("" and "-" are standard output).
std::string output_is_input(const std::string& flag, const std::string& output,
                            const std::vector<std::pair<std::string, std::string>>& inputs);
// The same for every file a contract's load read (LoadResult::files: the contract
// and what it imports), known only once it is loaded, before the output is opened.
std::string output_is_loaded(const std::string& flag, const std::string& output,
                             const std::string& contract, const std::vector<std::string>& files);

}  // namespace sla::cli
