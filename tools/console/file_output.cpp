#include "tools/console/file_output.hpp"

#include <fmt/format.h>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include <sys/stat.h>
#include <unistd.h>

namespace sla::cli {

namespace {

namespace fs = std::filesystem;

std::string write_error(const std::string& path) {
  return fmt::format("cannot write '{}': {}", path, std::strerror(errno));
}

// A device or a pipe cannot be replaced, only written to.
std::string write_through(const std::string& path, std::string_view text) {
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) return write_error(path);
  const bool written = std::fwrite(text.data(), 1, text.size(), f) == text.size();
  const bool flushed = std::fflush(f) == 0;
  std::string why = written && flushed ? std::string() : write_error(path);
  if (std::fclose(f) != 0 && why.empty()) why = write_error(path);
  return why;
}

}  // namespace

std::string write_file(const std::string& path, std::string_view text) {
  std::error_code ec;
  fs::path target = path;
  // Rewrite the file a symbolic link points to, and keep the link.
  if (fs::is_symlink(fs::symlink_status(target, ec))) {
    target = fs::canonical(target, ec);
    if (ec) return fmt::format("cannot write '{}': {}", path, ec.message());
  }
  // A missing file is a new one; an error here shows again when writing.
  const fs::file_status status = fs::status(target, ec);
  if (fs::exists(status) && !fs::is_regular_file(status)) {
    if (fs::is_directory(status)) return fmt::format("cannot write '{}': is a directory", path);
    return write_through(path, text);
  }
  std::string temporary =
      (target.parent_path() / fmt::format(".{}.sla-XXXXXX", target.filename().string())).string();
  const int fd = mkstemp(temporary.data());
  if (fd < 0) return write_error(path);
  struct stat original {};
  if (stat(target.c_str(), &original) == 0) {
    fchmod(fd, original.st_mode & 07777);
  } else {  // a new file: the permissions any new file gets (mkstemp's are 0600)
    const mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, 0666 & ~mask);
  }
  std::size_t written = 0;
  while (written < text.size()) {
    const ssize_t n = write(fd, text.data() + written, text.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    written += static_cast<std::size_t>(n);
  }
  const bool complete = written == text.size();
  std::string why = complete ? std::string() : write_error(path);
  if (close(fd) != 0 && why.empty()) why = write_error(path);
  if (why.empty() && std::rename(temporary.c_str(), target.c_str()) != 0) why = write_error(path);
  if (!why.empty()) unlink(temporary.c_str());
  return why;
}

}  // namespace sla::cli
