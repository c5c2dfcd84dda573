// A calendar's time zone: an IANA zone from the OS tz database, or a fixed UTC
// offset. The one place where local civil time turns into instants and back, so
// every part of the interpreter resolves gaps and repeats the same way.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include <date/date.h>

namespace date {
class time_zone;
}

namespace sla {

class Zone {
 public:
  // UTC itself; a fixed offset of zero.
  Zone() = default;
  // Throws std::invalid_argument when the tz database does not know the name.
  static Zone named(std::string_view iana_name);
  // Throws std::invalid_argument outside (-24h, +24h).
  static Zone fixed(std::chrono::minutes offset);

  // The instant a local civil time denotes. A time skipped by a spring-forward
  // gap denotes the instant the gap ends (02:30 on a New York spring-forward day
  // is 03:00 EDT); a time repeated by a fall-back denotes its first occurrence.
  // Both match date::choose::earliest, and the map never decreases.
  std::chrono::sys_seconds to_instant(date::local_seconds local) const;
  date::local_seconds to_local(std::chrono::sys_seconds t) const;
  std::chrono::seconds utc_offset(std::chrono::sys_seconds t) const;

  // Null for a fixed offset.
  const date::time_zone* tz() const { return tz_; }
  std::chrono::seconds fixed_offset() const { return offset_; }

 private:
  const date::time_zone* tz_ = nullptr;
  std::chrono::seconds offset_{0};
  // From this instant on a named zone keeps one offset for good (Asia/Jakarta since
  // 1964): its conversions need no tz database lookup. Never, for a zone with rules.
  std::chrono::sys_seconds steady_from_ = std::chrono::sys_seconds::max();
  std::chrono::seconds steady_offset_{0};
};

// Where a zone is, from the tz database's zone.tab: its ISO 3166 country
// ("Australia/Sydney": "AU") and the area the file describes ("New South Wales
// (most areas)"); empty for UTC, a fixed offset or a zone it does not place. What
// lint uses to name the holiday set a calendar most likely wants.
struct ZonePlace {
  std::string country, area;
};
ZonePlace zone_place(std::string_view iana_name);

}  // namespace sla
