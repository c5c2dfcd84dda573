// A time zone named by a person (--zone) or by a calendar file (TZID,
// X-WR-TIMEZONE), as the interpreter's Zone.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "interpreter/time/zone.hpp"

namespace sla::cli {

// An IANA name ("Europe/Berlin"), also behind the prefixes some programs put
// before it ("/freeassociation.sourceforge.net/Europe/Berlin",
// "/mozilla.org/20050126_1/Europe/Berlin"); UTC, Z, GMT; or a fixed offset as a
// calendar's zone writes it (UTC+07:00, UTC+7, UTC-03:30). Nullopt when the tz
// database does not know it (a Windows name such as "W. Europe Standard Time").
std::optional<Zone> zone_named(std::string_view name);

// The name a zone is shown by in messages: the IANA name, or "UTC+07:00".
std::string zone_text(const Zone& zone);

}  // namespace sla::cli
