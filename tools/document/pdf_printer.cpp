#include "tools/document/pdf_printer.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

namespace sla::cli {

namespace fs = std::filesystem;

namespace {

bool executable(const fs::path& p) {
  return !p.empty() && ::access(p.c_str(), X_OK) == 0 && !fs::is_directory(p);
}

std::string read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// A directory only this run uses, removed with everything in it when done.
struct TemporaryDirectory {
  fs::path path;
  TemporaryDirectory() {
    std::string pattern = (fs::temp_directory_path() / "sla-render-XXXXXX").string();
    if (::mkdtemp(pattern.data())) path = pattern;
  }
  ~TemporaryDirectory() {
    std::error_code ignored;
    if (!path.empty()) fs::remove_all(path, ignored);
  }
};

// Runs `argv` with stdout and stderr into `log`; false when it does not finish in
// time (it is then killed, with its children) or does not exit with 0.
bool run(const std::vector<std::string>& argv, const fs::path& log, int timeout_seconds,
         std::string& why) {
  const pid_t pid = ::fork();
  if (pid < 0) {
    why = "cannot start a process";
    return false;
  }
  if (pid == 0) {
    ::setpgid(0, 0);  // its own group, so a timeout ends the browser's helpers too
    const int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd >= 0) {
      ::dup2(fd, 1);
      ::dup2(fd, 2);
      ::close(fd);
    }
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    ::execv(args[0], args.data());
    ::_exit(127);
  }
  ::setpgid(pid, pid);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout_seconds);
  int status = 0;
  for (;;) {
    const pid_t done = ::waitpid(pid, &status, WNOHANG);
    if (done == pid) break;
    if (done < 0) {
      why = "lost track of the browser";
      return false;
    }
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(-pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      why = fmt::format("the browser did not finish within {} seconds", timeout_seconds);
      return false;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    why = WIFEXITED(status) ? fmt::format("the browser exited with {}", WEXITSTATUS(status))
                            : std::string("the browser was stopped by a signal");
    return false;
  }
  return true;
}

}  // namespace

std::string find_chromium() {
  if (const char* chosen = std::getenv("SLA_CHROMIUM"); chosen && *chosen) {
    const fs::path p(chosen);
    if (p.has_parent_path()) return executable(p) ? p.string() : std::string();
    // A bare name is looked up on PATH like the defaults below.
    const char* path = std::getenv("PATH");
    std::istringstream dirs(path ? path : "");
    for (std::string dir; std::getline(dirs, dir, ':');)
      if (executable(fs::path(dir) / p)) return (fs::path(dir) / p).string();
    return {};
  }
  const char* path = std::getenv("PATH");
  for (const char* name : {"chromium", "chromium-browser", "google-chrome"}) {
    std::istringstream dirs(path ? path : "");
    for (std::string dir; std::getline(dirs, dir, ':');)
      if (!dir.empty() && executable(fs::path(dir) / name)) return (fs::path(dir) / name).string();
  }
  return {};
}

PdfResult print_pdf(std::string_view html, int timeout_seconds) {
  const std::string browser = find_chromium();
  if (browser.empty())
    return {{},
            std::getenv("SLA_CHROMIUM")
                ? fmt::format("SLA_CHROMIUM names no browser that can run ('{}')",
                              std::getenv("SLA_CHROMIUM"))
                : std::string("printing a PDF needs Chromium, and none is on PATH: install it "
                              "(apt-get install chromium) or set SLA_CHROMIUM, or render with "
                              "--format html and print the page from a browser")};
  TemporaryDirectory dir;
  if (dir.path.empty()) return {{}, "cannot create a temporary directory to print in"};
  const fs::path page = dir.path / "document.html", pdf = dir.path / "document.pdf";
  {
    std::ofstream out(page, std::ios::binary);
    out << html;
    if (!out.flush()) return {{}, "cannot write the page to print in the temporary directory"};
  }
  const std::vector<std::string> argv = {browser,
                                         "--headless",
                                         "--no-sandbox",
                                         "--disable-gpu",
                                         "--disable-dev-shm-usage",
                                         "--disable-background-networking",
                                         "--disable-extensions",
                                         "--no-first-run",
                                         "--no-default-browser-check",
                                         "--user-data-dir=" + (dir.path / "profile").string(),
                                         "--no-pdf-header-footer",
                                         "--print-to-pdf=" + pdf.string(),
                                         "file://" + page.string()};
  std::string why;
  const fs::path log = dir.path / "browser.log";
  if (!run(argv, log, timeout_seconds, why)) {
    std::string tail = read_all(log);
    if (tail.size() > 600) tail = "..." + tail.substr(tail.size() - 600);
    while (!tail.empty() && (tail.back() == '\n' || tail.back() == ' ')) tail.pop_back();
    return {{},
            fmt::format("{} could not print the PDF: {}{}", browser, why,
                        tail.empty() ? "" : "\n" + tail)};
  }
  std::string bytes = read_all(pdf);
  if (!bytes.starts_with("%PDF"))
    return {{}, fmt::format("{} printed no PDF (is it a Chromium of 2023 or later?)", browser)};
  return {std::move(bytes), {}};
}

}  // namespace sla::cli
