// Holidays from a CSV file of date,name rows (a spreadsheet's export): the header
// row is optional (a first row that starts with a date is data); with one, the
// columns are found by name (date and name, in any case and order, others
// ignored). Dates are YYYY-MM-DD. A row without a valid date or a name is an
// error at its line, and the reading goes on, so that every bad row is reported
// (ImportedHolidays::more_errors); a row with more fields than the columns is
// read as written, with a note. Fields are separated by commas: a first row with
// semicolons and no comma is refused with what to change. Quoted fields, CRLF and
// a byte-order mark are read as spreadsheets write them (tools/io/csv_reader.hpp).
#pragma once

#include <string_view>

#include "tools/holidays/imported_holidays.hpp"

namespace sla::cli {

ImportedHolidays read_holiday_csv(std::string_view text);

// Whether `text` reads as such a CSV: its first line that is not blank holds a
// comma (or a semicolon, for the reader to refuse with a hint), and starts with a
// date or names the columns date and name.
bool looks_like_holiday_csv(std::string_view text);

}  // namespace sla::cli
