#include "tools/reports/ci_formats.hpp"

#include <fmt/format.h>
#include <cctype>

namespace sla::cli {

std::string_view source_url() {
  return SLA_SOURCE_URL;
}

std::string help_path(std::string_view code) {
  std::string anchor(code);
  for (auto& c : anchor) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const std::string_view page = code.starts_with("SLA1")   ? "lint.md"
                                : code.starts_with("SLA2") ? "diff.md"
                                                           : "diagnostics.md";
  return fmt::format("docs/{}#{}", page, anchor);
}

std::string help_url(std::string_view code) {
  return fmt::format("{}/{}", source_url(), help_path(code));
}

std::string sarif_uri(std::string_view path) {
  std::string out;
  for (unsigned char c : path) {
    if (std::isalnum(c) ||
        std::string_view("/-._~").find(static_cast<char>(c)) != std::string_view::npos)
      out.push_back(static_cast<char>(c));
    else
      out += fmt::format("%{:02X}", c);
  }
  return out;
}

std::string github_data(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '%')
      out += "%25";
    else if (c == '\r')
      out += "%0D";
    else if (c == '\n')
      out += "%0A";
    else
      out.push_back(c);
  }
  return out;
}

std::string github_property(std::string_view s) {
  std::string out;
  for (char c : github_data(s)) {
    if (c == ':')
      out += "%3A";
    else if (c == ',')
      out += "%2C";
    else
      out.push_back(c);
  }
  return out;
}

}  // namespace sla::cli
