#include "tools/console/arguments.hpp"

#include <fmt/format.h>
#include <filesystem>
#include <fstream>

#include "interpreter/timestamp.hpp"

namespace sla::cli {

int usage_error(std::string_view command, std::string_view message) {
  fmt::print(stderr, "sla {}: {}\n", command, message);
  return 2;
}

std::optional<Instant> instant_argument(std::string_view text, const Calendar& calendar,
                                        std::string& error) {
  if (text.find_first_not_of(" \t") == std::string_view::npos) {
    error =
        "expected a date and time (RFC 3339, such as 2026-01-09T16:30:00+07:00), not an empty "
        "value";
    return std::nullopt;
  }
  auto t = parse_timestamp(text, error);
  if (!t) return std::nullopt;
  return t->has_offset ? t->utc : calendar.to_instant(date::local_seconds(t->local));
}

std::optional<Instant> as_of_argument(bool given, std::string_view text, const Calendar& calendar,
                                      std::string& error) {
  if (!given) return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  return instant_argument(text, calendar, error);
}

std::string unreadable(const std::string& path) {
  if (path == "-") return {};
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(status))
    return fmt::format("cannot open '{}': no such file", path);
  if (std::filesystem::is_directory(status))
    return fmt::format("'{}' is a directory, not a file", path);
  if (!std::ifstream(path)) return fmt::format("cannot read '{}'", path);
  return {};
}

std::string input_name(const std::string& path) {
  return path == "-" ? "<stdin>" : path;
}

std::string stdin_twice(const std::vector<std::pair<std::string, std::string>>& inputs) {
  std::vector<std::string> readers;
  for (const auto& [what, path] : inputs)
    if (path == "-") readers.push_back(what);
  if (readers.size() < 2) return {};
  if (readers.front() == readers.back())
    return fmt::format(
        "'-' (standard input) is given {} times, but standard input can be read only once",
        readers.size());
  return fmt::format(
      "{} and {} are both '-', but standard input can be read only once; give one of them as a "
      "file",
      readers[0], readers[1]);
}

CLI::Option* add_addon_option(CLI::App* app, std::vector<std::string>& addons) {
  return app
      ->add_option("--addon", addons,
                   "An add-on to apply (repeat the flag, or separate several with commas)")
      ->type_size(1)
      ->expected(1)
      ->allow_extra_args(false)
      ->delimiter(',')
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
}

}  // namespace sla::cli
