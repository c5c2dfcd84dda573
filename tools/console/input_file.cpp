#include "tools/console/input_file.hpp"

#include <fmt/format.h>

#include "tools/console/arguments.hpp"

namespace sla::cli {

bool InputFile::open(const std::string& path, std::string& error) {
  if (path == "-") return true;
  if (error = unreadable(path); !error.empty()) return false;
  owned_.reset(std::fopen(path.c_str(), "rb"));
  if (!owned_) {
    error = fmt::format("cannot read '{}'", path);
    return false;
  }
  stream_ = owned_.get();
  return true;
}

}  // namespace sla::cli
