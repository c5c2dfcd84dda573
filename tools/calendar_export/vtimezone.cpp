#include "tools/calendar_export/vtimezone.hpp"

#include <fmt/format.h>
#include <cstdlib>

namespace sla::cli {

namespace {

// +0700, -0330, and +005328 for the odd offset in seconds of a local mean time.
std::string offset_text(std::chrono::seconds offset) {
  const auto s = std::abs(offset.count());
  std::string text =
      fmt::format("{}{:02}{:02}", offset.count() < 0 ? '-' : '+', s / 3600, s / 60 % 60);
  if (s % 60) text += fmt::format("{:02}", s % 60);
  return text;
}

// DTSTART of an observance: the local time, on the clock before the change.
std::string local_text(std::chrono::sys_seconds t, std::chrono::seconds offset) {
  return date::format("%Y%m%dT%H%M%S", date::local_seconds{t.time_since_epoch() + offset});
}

void observance(IcsWriter& out, const date::sys_info& info, std::chrono::sys_seconds at,
                std::chrono::seconds from) {
  const char* kind = info.save != std::chrono::minutes{0} ? "DAYLIGHT" : "STANDARD";
  out.begin(kind);
  out.line("DTSTART", local_text(at, from));
  out.line("TZOFFSETFROM", offset_text(from));
  out.line("TZOFFSETTO", offset_text(info.offset));
  if (!info.abbrev.empty()) out.text("TZNAME", info.abbrev);
  out.end(kind);
}

}  // namespace

void write_vtimezone(IcsWriter& out, const date::time_zone& zone, std::chrono::sys_seconds from,
                     std::chrono::sys_seconds to) {
  using namespace std::chrono;
  out.begin("VTIMEZONE");
  out.line("TZID", zone.name());
  date::sys_info info = zone.get_info(from);
  // The first observance starts when its offset did (not before 1900: the tz
  // database's first periods start at the beginning of time).
  const sys_seconds floor = date::sys_days{date::year{1900} / 1 / 1};
  if (info.begin > floor) {
    const date::sys_info before = zone.get_info(info.begin - seconds{1});
    observance(out, info, info.begin, before.offset);
  } else {
    observance(out, info, floor, info.offset);
  }
  for (sys_seconds t = info.end; t < to; t = info.end) {
    const date::sys_info next = zone.get_info(t);
    // A period that changes nothing a client sees (a rule renamed) is no change.
    if (next.offset != info.offset || next.abbrev != info.abbrev || next.save != info.save)
      observance(out, next, t, info.offset);
    info = next;
  }
  out.end("VTIMEZONE");
}

}  // namespace sla::cli
