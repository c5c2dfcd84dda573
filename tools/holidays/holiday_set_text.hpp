// Imported holidays as a .sla holiday set: one entry per date (two events on one
// date are one entry, their names joined " / "), names made .sla strings, a header
// comment that says where the set comes from. The text is what `sla fmt` writes.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tools/holidays/imported_holidays.hpp"
#include "tools/holidays/year_range.hpp"

namespace sla::cli {

struct HolidayEntry {
  date::year_month_day day;
  std::string name;
};

// By date; the names of one date each once, in the order found, joined " / ".
std::vector<HolidayEntry> merge_holidays(const std::vector<ImportedDay>& days);

struct HolidaySetText {
  std::string name;     // a .sla name (is_set_name)
  std::string title;    // the set's title
  std::string origin;   // the file imported, as the `source` and the header name it
  std::string version;  // sla's version, for the `source`
  YearRange covers;
};

std::string holiday_set_text(const HolidaySetText& set, const std::vector<HolidayEntry>& entries);

// `text` as a .sla string literal, quotes included: a name is one line of
// printable text, so line breaks and tabs become spaces, other control
// characters and the bidirectional controls a .sla file refuses (SLA008) are
// dropped, bytes that are not UTF-8 become U+FFFD; " and \ are escaped.
std::string sla_string(std::string_view text);

// A .sla name: a letter or '_', then letters, digits and '_' (ASCII).
bool is_set_name(std::string_view name);

}  // namespace sla::cli
