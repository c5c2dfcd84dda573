#include "tools/console/streams.hpp"

#include <utility>

namespace sla::cli {

namespace {

thread_local RunState run;

}  // namespace

std::FILE* standard_input() {
  return run.streams.input;
}

std::FILE* standard_output() {
  return run.streams.output;
}

std::FILE* standard_error() {
  return run.streams.error;
}

const std::string& standard_input_text() {
  if (!run.input_text) {
    std::string text;
    char buffer[1 << 16];
    while (const std::size_t n = std::fread(buffer, 1, sizeof buffer, run.streams.input))
      text.append(buffer, n);
    run.input_text = std::move(text);
  }
  return *run.input_text;
}

bool& output_failure_reported() {
  return run.output_failure_reported;
}

RedirectedStreams::RedirectedStreams(Streams streams) {
  previous_ = std::exchange(run, RunState{streams, std::nullopt, false});
}

RedirectedStreams::~RedirectedStreams() {
  run = std::move(previous_);
}

}  // namespace sla::cli
