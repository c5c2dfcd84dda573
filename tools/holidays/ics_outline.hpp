// The outline of an iCalendar text (RFC 5545) with line numbers: physical lines
// (ended by CRLF, LF or a lone CR) unfolded into content lines, the components they
// open and close, and where each VEVENT and each of its properties starts. libical
// parses values but knows no line numbers; this outline lets every message about
// an event name its line, and it finds the broken structure (a missing END:VEVENT,
// a line that is no content line) that libical would silently repair.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tools/holidays/imported_holidays.hpp"

namespace sla::cli {

struct ContentLine {
  std::string text;      // unfolded
  std::size_t line = 0;  // the physical line it starts on (1-based)
};

struct EventOutline {
  std::size_t begin_line = 0, end_line = 0;
  // The first line of each of the event's own properties (not those of a VALARM
  // inside it), by upper-case name: "DTSTART" -> 7.
  std::map<std::string, std::size_t> properties;
  std::size_t line_of(const std::string& property) const {
    auto it = properties.find(property);
    return it == properties.end() ? begin_line : it->second;
  }
};

struct IcsOutline {
  std::vector<ContentLine> lines;
  std::vector<EventOutline> events;  // every VEVENT, in the order of the file
  std::optional<ImportNote> error;   // the structure is broken
  // The content lines, unfolded and ended with CRLF: what libical is given.
  std::string unfolded() const;
};

IcsOutline outline_ics(std::string_view text);

// Whether `text` starts (after a byte-order mark and blank lines) with
// BEGIN:VCALENDAR, in any case: how an input without a telling extension is known.
bool looks_like_ics(std::string_view text);

}  // namespace sla::cli
