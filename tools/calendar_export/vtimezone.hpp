// The VTIMEZONE of an IANA zone for the events of a range: the offset in force
// when the range starts, then each change until it ends, each its own STANDARD or
// DAYLIGHT observance with a DTSTART and no rule. That covers the range exactly
// (the tz database's history, not a guess at a yearly rule), and Google, Apple
// and Outlook read it; all three also know the zone by its TZID.
#pragma once

#include <chrono>

#include <date/tz.h>

#include "tools/calendar_export/ics_writer.hpp"

namespace sla::cli {

void write_vtimezone(IcsWriter& out, const date::time_zone& zone, std::chrono::sys_seconds from,
                     std::chrono::sys_seconds to);

}  // namespace sla::cli
