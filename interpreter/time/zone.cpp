#include "interpreter/time/zone.hpp"

#include <cstdlib>
#include <fstream>
#include <map>
#include <stdexcept>
#include <string>

#include <date/tz.h>
#include <fmt/core.h>

namespace sla {

Zone Zone::named(std::string_view iana_name) {
  Zone zone;
  try {
    zone.tz_ = date::locate_zone(iana_name);
  } catch (const std::exception& e) {
    throw std::invalid_argument(fmt::format("unknown time zone \"{}\": {}", iana_name, e.what()));
  }
  // The last period of the zone's offsets, asked past the supported years: when it
  // never ends, the zone has no more transitions from its start on.
  const auto far = date::sys_days{date::year{2400} / 1 / 1};
  const date::sys_info last = zone.tz_->get_info(far);
  if (last.end > far + date::days{366 * 10} && last.begin < far - date::days{366 * 10}) {
    // A day of margin: local times just after the start still map through the database.
    zone.steady_from_ = last.begin + date::days{1};
    zone.steady_offset_ = last.offset;
  }
  return zone;
}

Zone Zone::fixed(std::chrono::minutes offset) {
  if (offset <= -std::chrono::hours(24) || offset >= std::chrono::hours(24)) {
    throw std::invalid_argument(
        fmt::format("fixed UTC offset of {} minutes is not within a day", offset.count()));
  }
  Zone zone;
  zone.offset_ = offset;
  return zone;
}

std::chrono::sys_seconds Zone::to_instant(date::local_seconds local) const {
  if (tz_ == nullptr) return std::chrono::sys_seconds{local.time_since_epoch() - offset_};
  if (local.time_since_epoch() - steady_offset_ >= steady_from_.time_since_epoch())
    return std::chrono::sys_seconds{local.time_since_epoch() - steady_offset_};
  // date resolves a nonexistent time to the end of the gap under either choice.
  return tz_->to_sys(local, date::choose::earliest);
}

date::local_seconds Zone::to_local(std::chrono::sys_seconds t) const {
  return date::local_seconds{t.time_since_epoch() + utc_offset(t)};
}

std::chrono::seconds Zone::utc_offset(std::chrono::sys_seconds t) const {
  if (tz_ == nullptr) return offset_;
  if (t >= steady_from_) return steady_offset_;
  return tz_->get_info(t).offset;
}

ZonePlace zone_place(std::string_view iana_name) {
  // Read once: a few hundred lines "AU<TAB>-3352+15113<TAB>Australia/Sydney<TAB>New South Wales".
  static const std::map<std::string, ZonePlace, std::less<>> places = [] {
    std::map<std::string, ZonePlace, std::less<>> out;
    const char* dir = std::getenv("TZDIR");
    std::ifstream in(std::string(dir && *dir ? dir : "/usr/share/zoneinfo") + "/zone.tab");
    for (std::string line; std::getline(in, line);) {
      if (line.empty() || line[0] == '#') continue;
      const auto tab1 = line.find('\t'), tab2 = line.find('\t', tab1 + 1);
      if (tab1 == std::string::npos || tab2 == std::string::npos) continue;
      const auto tab3 = line.find('\t', tab2 + 1);
      out.emplace(line.substr(tab2 + 1, tab3 == std::string::npos ? tab3 : tab3 - tab2 - 1),
                  ZonePlace{line.substr(0, tab1),
                            tab3 == std::string::npos ? std::string() : line.substr(tab3 + 1)});
    }
    return out;
  }();
  const auto it = places.find(iana_name);
  return it == places.end() ? ZonePlace{} : it->second;
}

}  // namespace sla
