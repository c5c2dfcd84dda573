// The standard streams a command reads and writes. A run of `sla` uses the
// process's; sla_call_json runs a command in-process with the caller's text as its
// input and buffers for its output and messages. The streams are per thread, so
// that calls on several threads never mix their output.
#pragma once

#include <cstdio>
#include <optional>
#include <string>

namespace sla::cli {

struct Streams {
  std::FILE* input = stdin;
  std::FILE* output = stdout;
  std::FILE* error = stderr;
};

// This thread's streams: the process's unless a RedirectedStreams is alive.
std::FILE* standard_input();
std::FILE* standard_output();
std::FILE* standard_error();

// Standard input read whole, once per run: a contract given as `-` is read by the
// loader and again by lint, and both must see the same text.
const std::string& standard_input_text();

// Whether "could not write the output" was said in this run (it is said once).
bool& output_failure_reported();

// What one run of a command has of its own.
struct RunState {
  Streams streams;
  std::optional<std::string> input_text;  // standard input, once read
  bool output_failure_reported = false;
};

// Gives this thread other streams (and a fresh run: standard input not yet read,
// no output failure said) until destroyed; then the previous ones come back.
class RedirectedStreams {
 public:
  explicit RedirectedStreams(Streams streams);
  ~RedirectedStreams();
  RedirectedStreams(const RedirectedStreams&) = delete;
  RedirectedStreams& operator=(const RedirectedStreams&) = delete;

 private:
  RunState previous_;
};

}  // namespace sla::cli
