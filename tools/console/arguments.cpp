#include "tools/console/arguments.hpp"

#include <charconv>

#include <fmt/format.h>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include "tools/console/streams.hpp"

namespace sla::cli {

int usage_error(std::string_view command, std::string_view message) {
  fmt::print(standard_error(), "sla {}: {}\n", command, message);
  return 2;
}

int argument_error(std::string_view command, std::string_view message) {
  fmt::print(standard_error(), "sla {}: {} (see 'sla {} --help')\n", command, message, command);
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
  return parse_local_instant(text, calendar, error);
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

std::string extension_of(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

std::string input_format_of(const std::string& path, std::FILE* in) {
  if (path != "-") {
    const std::string ext = extension_of(path);
    if (ext == ".jsonl" || ext == ".ndjson") return "jsonl";
    if (ext == ".csv") return "csv";
  }
  // Look at the start; a file can seek back, a pipe gets the bytes pushed back
  // (glibc takes back more than the one byte C promises; the peek is short).
  const long start = std::ftell(in);
  std::string seen;
  int c = EOF;
  while (seen.size() < 4096 && (c = std::fgetc(in)) != EOF) {
    seen.push_back(static_cast<char>(c));
    const bool bom = seen.size() <= 3 && std::string_view("\xEF\xBB\xBF").starts_with(seen);
    if (!bom && c != ' ' && c != '\t' && c != '\r' && c != '\n') break;
  }
  const bool jsonl = c == '{';
  std::clearerr(in);
  if (start < 0 || std::fseek(in, start, SEEK_SET) != 0)
    for (auto it = seen.rbegin(); it != seen.rend(); ++it)
      std::ungetc(static_cast<unsigned char>(*it), in);
  return jsonl ? "jsonl" : "csv";
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

std::optional<std::chrono::year_month> month_argument(std::string_view text) {
  int y = 0;
  unsigned m = 0;
  if (text.size() != 7 || text[4] != '-') return std::nullopt;
  if (std::from_chars(text.data(), text.data() + 4, y).ec != std::errc{} ||
      std::from_chars(text.data() + 5, text.data() + 7, m).ec != std::errc{})
    return std::nullopt;
  if (y < 1901 || y > 2398 || m < 1 || m > 12) return std::nullopt;
  return std::chrono::year{y} / std::chrono::month{m};
}

CLI::Validator language_code_check() {
  return CLI::Validator(
      [](std::string& code) -> std::string {
        // Written in any case, as lint codes are: "ID" is "id", "pt_br" is "pt_BR".
        const std::size_t cut = std::min(code.find('_'), code.size());
        for (std::size_t i = 0; i < code.size(); ++i)
          code[i] = static_cast<char>(i < cut ? std::tolower(static_cast<unsigned char>(code[i]))
                                              : std::toupper(static_cast<unsigned char>(code[i])));
        const std::string_view base = std::string_view(code).substr(0, cut);
        const bool letters =
            std::all_of(base.begin(), base.end(), [](char c) { return c >= 'a' && c <= 'z'; });
        if (base.size() >= 2 && base.size() <= 3 && letters) return {};
        return fmt::format(
            "'{}' is not a language code: write it as ISO 639-1, such as 'id' "
            "for Indonesian or 'en' for English",
            code);
      },
      "LANG", "language code");
}

}  // namespace sla::cli
