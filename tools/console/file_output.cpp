#include "tools/console/file_output.hpp"

#include <fmt/format.h>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <iterator>

#include <sys/stat.h>
#include <unistd.h>

namespace sla::cli {

namespace {

namespace fs = std::filesystem;

std::string write_error(const std::string& path, int error = errno) {
  return fmt::format("cannot write '{}': {}", path, std::strerror(error));
}

// A run stopped by SIGINT, SIGTERM or SIGHUP while an output file is pending
// removes its temporary file, then dies of the signal as it would have. The
// handler may only make async-signal-safe calls, so the path waits in a static
// buffer, filled before the handlers are installed and cleared after they are
// removed. One output file is pending at a time (sla writes one per run).
constexpr int interrupting[] = {SIGINT, SIGTERM, SIGHUP};
char pending_path[4096];
volatile std::sig_atomic_t pending = 0;
struct sigaction previous[std::size(interrupting)];

extern "C" void remove_pending(int signal) {
  if (pending) unlink(pending_path);
  // SA_RESETHAND restored the default action; the signal is blocked while this
  // handler runs, so it takes effect on return.
  raise(signal);
}

// Returns false (and installs nothing) when the path does not fit the buffer.
bool watch_pending(const std::string& temporary) {
  if (pending || temporary.size() >= sizeof pending_path) return false;
  std::memcpy(pending_path, temporary.c_str(), temporary.size() + 1);
  pending = 1;
  struct sigaction action {};
  action.sa_handler = remove_pending;
  sigemptyset(&action.sa_mask);
  for (int s : interrupting) sigaddset(&action.sa_mask, s);
  action.sa_flags = SA_RESETHAND;
  for (std::size_t i = 0; i < std::size(interrupting); ++i) {
    sigaction(interrupting[i], nullptr, &previous[i]);
    // A signal the parent ignores (nohup) stays ignored.
    if (previous[i].sa_handler != SIG_IGN) sigaction(interrupting[i], &action, nullptr);
  }
  return true;
}

void unwatch_pending() {
  for (std::size_t i = 0; i < std::size(interrupting); ++i)
    sigaction(interrupting[i], &previous[i], nullptr);
  pending = 0;
}

}  // namespace

OutputFile::~OutputFile() {
  if (!stream_) return;
  std::fclose(stream_);
  if (!temporary_.empty()) unlink(temporary_.c_str());
  if (watched_) unwatch_pending();
}

std::string OutputFile::open(const std::string& path) {
  path_ = path;
  std::error_code ec;
  fs::path target = path;
  // Rewrite the file a symbolic link points to, and keep the link.
  if (fs::is_symlink(fs::symlink_status(target, ec))) {
    target = fs::canonical(target, ec);
    if (ec) return fmt::format("cannot write '{}': {}", path, ec.message());
  }
  target_ = target.string();
  // A missing file is a new one; an error here shows again when writing.
  const fs::file_status status = fs::status(target, ec);
  if (fs::exists(status) && !fs::is_regular_file(status)) {
    if (fs::is_directory(status)) return fmt::format("cannot write '{}': is a directory", path);
    // A device or a pipe cannot be replaced, only written to.
    stream_ = std::fopen(path.c_str(), "wb");
    return stream_ ? std::string() : write_error(path);
  }
  std::string temporary =
      (target.parent_path() / fmt::format(".{}.sla-XXXXXX", target.filename().string())).string();
  const int fd = mkstemp(temporary.data());
  if (fd < 0) return write_error(path);
  watched_ = watch_pending(temporary);
  struct stat original {};
  if (stat(target.c_str(), &original) == 0) {
    fchmod(fd, original.st_mode & 07777);
  } else {  // a new file: the permissions any new file gets (mkstemp's are 0600)
    const mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, 0666 & ~mask);
  }
  stream_ = fdopen(fd, "wb");
  if (!stream_) {
    const int error = errno;
    close(fd);
    unlink(temporary.c_str());
    if (watched_) unwatch_pending();
    watched_ = false;
    return write_error(path, error);
  }
  temporary_ = std::move(temporary);
  return {};
}

std::string OutputFile::commit() {
  if (!stream_) return fmt::format("cannot write '{}': not open", path_);
  std::string why;
  if (std::fflush(stream_) != 0 || std::ferror(stream_)) why = write_error(path_);
  if (std::fclose(stream_) != 0 && why.empty()) why = write_error(path_);
  stream_ = nullptr;
  if (!temporary_.empty()) {
    if (why.empty() && std::rename(temporary_.c_str(), target_.c_str()) != 0)
      why = write_error(path_);
    if (!why.empty()) unlink(temporary_.c_str());
    temporary_.clear();
  }
  // Only now: a signal between the rename and here unlinks a name already gone.
  if (watched_) unwatch_pending();
  watched_ = false;
  return why;
}

std::string write_file(const std::string& path, std::string_view text) {
  OutputFile file;
  if (auto why = file.open(path); !why.empty()) return why;
  if (std::fwrite(text.data(), 1, text.size(), file.stream()) != text.size())
    return write_error(path);  // the temporary file goes with `file`
  return file.commit();
}

std::string output_is_input(const std::string& flag, const std::string& output,
                            const std::vector<std::pair<std::string, std::string>>& inputs) {
  if (output.empty() || output == "-") return {};
  struct stat out {};
  // A new file is no input; a device (/dev/null) or a pipe is not overwritten.
  if (stat(output.c_str(), &out) != 0 || !S_ISREG(out.st_mode)) return {};
  for (const auto& [what, path] : inputs) {
    struct stat in {};
    if (path.empty()) continue;
    // Standard input redirected from a file (`-o t.csv < t.csv`) is that file.
    if (path == "-" ? fstat(STDIN_FILENO, &in) != 0 || !S_ISREG(in.st_mode)
                    : stat(path.c_str(), &in) != 0)
      continue;
    if (in.st_dev == out.st_dev && in.st_ino == out.st_ino)
      return fmt::format(
          "{} '{}' is {} ('{}'), which this run reads; refusing to overwrite it, write the output "
          "elsewhere",
          flag, output, what, path == "-" ? "standard input" : path);
  }
  return {};
}

std::string output_is_loaded(const std::string& flag, const std::string& output,
                             const std::string& contract, const std::vector<std::string>& files) {
  std::vector<std::pair<std::string, std::string>> inputs;
  for (const auto& file : files)
    inputs.emplace_back(file == contract ? "the contract" : "a file the contract imports", file);
  return output_is_input(flag, output, inputs);
}

}  // namespace sla::cli
