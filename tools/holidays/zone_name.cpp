#include "tools/holidays/zone_name.hpp"

#include <charconv>
#include <stdexcept>

#include <date/tz.h>
#include <fmt/format.h>

namespace sla::cli {

namespace {

std::optional<Zone> fixed_offset(std::string_view text) {
  if (!text.starts_with("UTC")) return std::nullopt;
  text.remove_prefix(3);
  if (text.empty()) return Zone();
  const int sign = text.front() == '-' ? -1 : text.front() == '+' ? 1 : 0;
  if (sign == 0) return std::nullopt;
  text.remove_prefix(1);
  int hours = 0, minutes = 0;
  const auto colon = text.find(':');
  const std::string_view h = text.substr(0, colon);
  if (h.empty() || h.size() > 2 ||
      std::from_chars(h.data(), h.data() + h.size(), hours).ec != std::errc{})
    return std::nullopt;
  if (colon != std::string_view::npos) {
    const std::string_view m = text.substr(colon + 1);
    if (m.size() != 2 || std::from_chars(m.data(), m.data() + 2, minutes).ec != std::errc{} ||
        minutes > 59)
      return std::nullopt;
  }
  if (hours > 14 || (hours == 14 && minutes > 0)) return std::nullopt;
  return Zone::fixed(std::chrono::minutes(sign * (hours * 60 + minutes)));
}

std::optional<Zone> iana(std::string_view name) {
  if (name.empty()) return std::nullopt;
  try {
    return Zone::named(name);
  } catch (const std::invalid_argument&) {
    return std::nullopt;
  }
}

}  // namespace

std::optional<Zone> zone_named(std::string_view name) {
  if (name == "Z" || name == "UTC" || name == "GMT") return Zone();
  if (auto fixed = fixed_offset(name)) return fixed;
  if (auto zone = iana(name)) return zone;
  // A prefix before the IANA name: try what follows each '/' in turn.
  for (auto slash = name.find('/'); slash != std::string_view::npos;
       slash = name.find('/', slash + 1))
    if (auto zone = iana(name.substr(slash + 1))) return zone;
  return std::nullopt;
}

std::string zone_text(const Zone& zone) {
  if (zone.tz()) return std::string(zone.tz()->name());
  const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(zone.fixed_offset());
  if (minutes.count() == 0) return "UTC";
  const auto m = std::abs(minutes.count());
  return fmt::format("UTC{}{:02}:{:02}", minutes.count() < 0 ? '-' : '+', m / 60, m % 60);
}

}  // namespace sla::cli
