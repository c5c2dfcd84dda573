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

std::optional<Instant> instant_argument(std::string_view text, std::string& error) {
  auto t = parse_timestamp(text, error);
  if (t && !t->has_offset) error = "needs Z or a UTC offset such as +07:00";
  if (!t || !t->has_offset) return std::nullopt;
  return t->utc;
}

std::optional<Instant> as_of_argument(std::string_view text, std::string& error) {
  if (text.empty())
    return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  return instant_argument(text, error);
}

std::optional<Instant> local_argument(std::string_view text, const Calendar& calendar,
                                      std::string& error) {
  auto t = parse_timestamp(text, error);
  if (!t) return std::nullopt;
  return t->has_offset ? t->utc : calendar.to_instant(date::local_seconds(t->local));
}

std::string unreadable(const std::string& path) {
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(status))
    return fmt::format("cannot open '{}': no such file", path);
  if (std::filesystem::is_directory(status))
    return fmt::format("'{}' is a directory, not a file", path);
  if (!std::ifstream(path)) return fmt::format("cannot read '{}'", path);
  return {};
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
