#include "tools/lsp/uri.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "sla/load.hpp"
#include "stdlib/stdlib.hpp"

namespace sla::lsp {

namespace fs = std::filesystem;

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool unreserved(unsigned char c) {
  return std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
}

std::optional<std::string> read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

std::optional<std::string> path_of_uri(std::string_view uri) {
  constexpr std::string_view scheme = "file://";
  if (uri.size() < scheme.size()) return std::nullopt;
  for (std::size_t i = 0; i < scheme.size(); ++i)  // a scheme has no case
    if (std::tolower(static_cast<unsigned char>(uri[i])) != scheme[i]) return std::nullopt;
  std::string_view rest = uri.substr(scheme.size());
  // file://host/path: only the local host is a path here.
  const std::size_t slash = rest.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  const std::string_view host = rest.substr(0, slash);
  if (!host.empty() && host != "localhost") return std::nullopt;
  rest = rest.substr(slash);
  std::string path;
  for (std::size_t i = 0; i < rest.size(); ++i) {
    if (rest[i] == '%' && i + 2 < rest.size()) {
      const int hi = hex_value(rest[i + 1]), lo = hex_value(rest[i + 2]);
      if (hi >= 0 && lo >= 0) {
        path += static_cast<char>(hi * 16 + lo);
        i += 2;
        continue;
      }
    }
    if (rest[i] == '?' || rest[i] == '#') break;
    path += rest[i];
  }
  if (path.find('\0') != std::string::npos) return std::nullopt;
  return path;
}

std::string uri_of_path(std::string_view absolute_path) {
  std::string out = "file://";
  for (char ch : absolute_path) {
    const auto c = static_cast<unsigned char>(ch);
    if (unreserved(c))
      out += ch;
    else
      out += fmt::format("%{:02X}", c);
  }
  return out;
}

std::optional<std::string> stdlib_file(std::string_view name) {
  const auto text = stdlib_module(name);
  if (!text || name.find("..") != std::string_view::npos) return std::nullopt;
  fs::path base;
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg && fs::path(xdg).is_absolute())
    base = xdg;
  else if (const char* home = std::getenv("HOME"); home && *home)
    base = fs::path(home) / ".cache";
  else
    base = fs::temp_directory_path() / fmt::format("sla-{}", ::getuid());
  const fs::path file = base / "sla" / std::string(version()) / (std::string(name) + ".sla");
  if (auto existing = read_all(file); existing && *existing == *text) return file.string();
  std::error_code ec;
  fs::create_directories(file.parent_path(), ec);
  if (ec) return std::nullopt;
  // Written beside, then renamed: an editor never opens half a module.
  const fs::path partial = file.string() + fmt::format(".{}.partial", ::getpid());
  {
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    out.write(text->data(), static_cast<std::streamsize>(text->size()));
    if (!out) {
      fs::remove(partial, ec);
      return std::nullopt;
    }
  }
  ::chmod(partial.c_str(), 0444);  // the library's text: to read, not to edit
  fs::rename(partial, file, ec);
  if (ec) {
    fs::remove(partial, ec);
    return std::nullopt;
  }
  return file.string();
}

}  // namespace sla::lsp
