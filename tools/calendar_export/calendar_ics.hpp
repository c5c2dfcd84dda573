// A calendar of a contract as an iCalendar file to subscribe to or import:
// each closed day an all-day event "Closed: Good Friday"; each day of special
// hours an all-day event "Christmas Eve: open 09:00-12:00 only" (all-day, because
// a calendar program shows it as the day's banner, the hours stay those of the
// desk's zone as written, and it does not sit in the viewer's day like an
// appointment); with `openings`, each open interval a timed event in the
// calendar's zone (TZID and its VTIMEZONE), or in UTC for a fixed-offset zone.
// Events are transparent (they do not make the viewer busy), and their UIDs are
// made of the date (or the opening's start), the calendar and the contract, so
// that a new export updates the same events instead of adding copies.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include <date/date.h>

#include "sla/model.hpp"

namespace sla::cli {

struct CalendarIcs {
  const CalendarInfo* calendar = nullptr;
  std::string contract_name;  // the contract's name, for the calendar's name
  std::string contract_key;   // the contract in UIDs (uid_slug of its name)
  date::local_days first, last;
  bool openings = false;
  Instant stamp;        // DTSTAMP: when the information was last changed
  std::string version;  // of sla, for PRODID
};

struct CalendarIcsText {
  std::string text;        // the whole VCALENDAR, events or none
  std::size_t events = 0;  // closed and special days, and openings
};

CalendarIcsText calendar_ics(const CalendarIcs& export_);

// Lower-case ASCII letters, digits and '-' (every other run of characters one '-'):
// "Qiscus Enterprise Support" -> "qiscus-enterprise-support". A name the slug does
// not tell apart from others ("日本サポート" has no ASCII letter, "Acme (EU)" and
// "Acme EU" read the same) ends with its FNV-1a hash, eight hex digits of the whole
// name's bytes: "contract-bf7bc920". The names that keep no hash are those of
// ASCII letters and digits, with single spaces, '-' or '_' between words.
std::string uid_slug(std::string_view text);

}  // namespace sla::cli
