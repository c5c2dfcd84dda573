// Incidents from CSV (a header row, columns in any order) or JSON Lines, for
// `sla uptime`. A row that cannot be read still comes back, with its error and
// its row and line numbers, so that every bad row is reported and none is lost.
#pragma once

#include <cstdio>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "interpreter/time/calendar.hpp"
#include "sla/uptime.hpp"
#include "tools/io/csv_reader.hpp"

namespace sla::cli {

struct IncidentRow {
  std::size_t number = 0;  // 1-based data row
  std::size_t line = 0;    // where it starts in the input
  Incident incident;
  std::string error;  // empty when the row is an incident
};

class IncidentReader {
 public:
  enum class Format { csv, jsonl };
  // Local timestamps (without an offset) are read in `calendar`'s zone.
  IncidentReader(std::FILE* in, Format format, const Calendar& calendar);

  // Reads the header (CSV); false with `problem` set when the input cannot be
  // read as incidents at all (no start column, say).
  bool start(std::string& problem);
  // The next row; false at the end.
  bool next(IncidentRow& row);

  // The columns, for messages and --help.
  static constexpr std::string_view kColumns =
      "id, service, start, end, category, announced_at (service, start and category are "
      "required)";

 private:
  bool next_csv(IncidentRow& row);
  bool next_jsonl(IncidentRow& row);
  // Fills `row.incident` from the text of each column; sets `row.error` on the first problem.
  void fill(IncidentRow& row, std::string_view id, std::string_view service, std::string_view start,
            std::string_view end, std::string_view category, std::string_view announced) const;
  std::optional<Instant> instant(std::string_view text, std::string_view column,
                                 std::string& error) const;

  std::FILE* in_;
  Format format_;
  const Calendar& calendar_;
  CsvReader csv_;
  std::vector<std::string_view> fields_;
  int id_ = -1, service_ = -1, start_ = -1, end_ = -1, category_ = -1, announced_ = -1;
  std::size_t rows_ = 0, line_ = 0;
  std::string line_text_;
};

// Every row of `reader` (counted in `rows`): the incidents that can be counted
// under `package`; each bad row (unreadable, or refused by incident_problem())
// goes to `bad_row` and is left out.
std::vector<Incident> read_incidents(IncidentReader& reader, const Package& package,
                                     std::optional<Instant> as_of, std::size_t& rows,
                                     const std::function<void(const IncidentRow&)>& bad_row);

// A bad row as commands report it: "FILE: row 2 (line 3), incident B: why".
std::string bad_row_text(const std::string& path, const IncidentRow& row);

}  // namespace sla::cli
