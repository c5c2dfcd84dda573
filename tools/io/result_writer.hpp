// Evaluated tickets out as CSV, JSON Lines or an aligned table, buffered and
// written in large blocks. One output row per input row, in input order.
//
// Input text (ids, priorities, errors quoting the input) goes out as it came in
// CSV and the table (a spreadsheet's own encoding); JSON must be UTF-8, so there
// bytes that are not become U+FFFD and the row gets a "warning" saying where. The
// table escapes control characters (a line break in an id) so that a row stays on
// one line, and sizes its columns to their values: it is laid out at flush().
#pragma once

#include <fmt/format.h>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "sla/evaluator.hpp"
#include "tools/io/ticket_reader.hpp"

namespace sla::cli {

// What the writer needs of an input row; the texts may live anywhere.
struct ResultRow {
  std::size_t number = 0, line = 0;
  std::string_view id, priority;
  Instant created{};  // Instant{} when it could not be read
  std::optional<Instant> responded, resolved, restored;
  std::string_view error;
  // A help desk's own figures (sla eval --desk): JSON Lines adds them as
  // desk_response_seconds and desk_resolution_seconds when known.
  std::optional<std::chrono::seconds> desk_response, desk_resolution;
};

// The columns beyond the response and resolution ones: only for packages with
// such targets, so that every other output keeps its shape.
struct ResultColumns {
  bool restoration = false;  // restoration_due, restored_at, restoration_status, ..._commitment
  bool updates = false;      // update_due, update_status, update_worst_gap_seconds, ..._commitment
  // With `warn at`: per target, ..._elapsed_percent and ..._left_seconds (pending only).
  bool progress = false;
};
// The columns a package's targets call for.
ResultColumns result_columns(const Package& package);

class ResultWriter {
 public:
  enum class Format { csv, jsonl, table };
  ResultWriter(std::FILE* out, Format format, const Calendar& calendar, ResultColumns extra = {});
  ~ResultWriter();

  void header();
  // `evaluation` is ignored when the row has an error.
  void write(const ResultRow& row, const Evaluation& evaluation);
  // Writes what is buffered (the table: lays out the rows written since the last
  // flush); false when the output could not be written.
  bool flush();

 private:
  // `escape`: the text may need quoting or escaping (input text does; our own words do not).
  void field(std::string_view text, bool last = false, bool escape = true);
  void time_field(std::optional<Instant> t, bool last = false);
  void number_field(std::optional<std::int64_t> n);  // never the last column
  void number_text(std::string_view text);           // a number already written out
  void progress_fields(const TargetOutcome& outcome, bool error);
  void json_text(std::string_view text);  // a JSON string's contents, as valid UTF-8
  void table_cell(std::string_view text, bool last);
  void lay_out_table();

  std::FILE* out_;
  Format format_;
  const Calendar& calendar_;
  ResultColumns extra_;
  std::vector<std::string_view> columns_;
  fmt::memory_buffer buffer_;
  bool failed_ = false;
  int column_ = 0;
  unsigned not_utf8_ = 0;  // JSON Lines: the columns of this row that were not UTF-8
  std::optional<std::chrono::seconds> desk_response_, desk_resolution_;  // this row's
  // The table until it is laid out: the cells' texts, escaped, one after the other;
  // the length of each; and each column's width (in characters).
  std::string table_text_;
  std::vector<std::uint32_t> table_lengths_;  // a cell is at most a row: under 1 MiB
  std::vector<std::size_t> table_widths_;
};

}  // namespace sla::cli
