// What a holiday reader (iCalendar or CSV) makes of a file: dated names, each with
// the line that gave it, notes on what it left out and why, or the error that
// stops the import. The set writer (holiday_set_text.hpp) turns it into .sla text.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <date/date.h>

namespace sla::cli {

struct ImportedDay {
  date::year_month_day day;
  std::string name;      // as the file says it (the set writer makes it .sla text)
  std::size_t line = 0;  // the event's BEGIN:VEVENT, or the CSV row
};

// A message about a line of the input; line 0 is about the file as a whole.
struct ImportNote {
  std::size_t line = 0;
  std::string message;
};

struct ImportedHolidays {
  std::vector<ImportedDay> days;    // in the order found; a date may repeat
  std::vector<ImportNote> notes;    // what was skipped or assumed, for the user
  std::optional<ImportNote> error;  // the input is broken: nothing may be written
  // A reader that goes on past a bad row (CSV) gives the errors after the first
  // too, so that a spreadsheet is fixed in one round: the next kMostErrors - 1
  // here, and how many more there were.
  static constexpr std::size_t kMostErrors = 20;
  std::vector<ImportNote> more_errors;
  std::size_t errors_not_kept = 0;
  std::string calendar_name;  // X-WR-CALNAME, when the calendar names itself
  bool ok() const { return !error; }
  // Records an error: the first is `error`, the next ones `more_errors`.
  void add_error(std::size_t line, std::string message) {
    if (!error)
      error = ImportNote{line, std::move(message)};
    else if (more_errors.size() + 1 < kMostErrors)
      more_errors.push_back({line, std::move(message)});
    else
      ++errors_not_kept;
  }
};

}  // namespace sla::cli
