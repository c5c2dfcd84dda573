// An input named on the command line: a file, or standard input for "-".
#pragma once

#include <cstdio>
#include <memory>
#include <string>
#include "tools/console/streams.hpp"

namespace sla::cli {

class InputFile {
 public:
  // Opens `path` for reading; false with `error` saying why ("no such file", "is a
  // directory", "cannot read").
  bool open(const std::string& path, std::string& error);
  std::FILE* stream() const { return stream_; }

 private:
  std::FILE* stream_ = standard_input();
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> owned_{nullptr, &std::fclose};
};

}  // namespace sla::cli
