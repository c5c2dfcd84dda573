#include "tools/arguments.hpp"

#include "interpreter/timestamp.hpp"

namespace sla::cli {

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

}  // namespace sla::cli
