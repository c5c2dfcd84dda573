// Tickets from CSV (a header row, columns in any order) or JSON Lines, one row at
// a time. A row that cannot be read still comes back, with its error, so that the
// output has exactly one row per input row.
#pragma once

#include <chrono>
#include <cstdio>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "interpreter/time/calendar.hpp"
#include "sla/evaluator.hpp"
#include "tools/io/csv_reader.hpp"

namespace sla::cli {

struct TicketRow {
  std::size_t number = 0;  // 1-based data row
  std::size_t line = 0;    // where it starts in the input
  std::string_view id;
  Ticket ticket;
  std::string error;  // empty when the row is a ticket
  // A help desk's own figures, when its export carries them (sla eval --desk): its
  // elapsed business time to the first reply and to the resolution.
  std::optional<std::chrono::seconds> desk_response, desk_resolution;
};

class TicketReader {
 public:
  enum class Format { csv, jsonl };
  // Local timestamps (without an offset) are read in `calendar`'s zone. Each of
  // `attributes` (the contract's, in order) is read from the column or field of its
  // name into Ticket::attributes.
  TicketReader(std::FILE* in, Format format, const Calendar& calendar,
               std::vector<std::string> attributes = {});

  // Reads the header (CSV); false with `problem` set when the input cannot be
  // read as tickets at all (no created_at column, say).
  bool start(std::string& problem);
  // The next row; false at the end. The row is valid until the next call.
  bool next(TicketRow& row);

 private:
  bool next_csv(TicketRow& row);
  bool next_jsonl(TicketRow& row);
  std::optional<Instant> instant(std::string_view text, std::string_view column,
                                 std::string& error) const;

  std::FILE* in_;
  Format format_;
  const Calendar& calendar_;
  CsvReader csv_;
  std::vector<std::string_view> fields_;
  int id_ = -1, priority_ = -1, created_ = -1, responded_ = -1, resolved_ = -1, restored_ = -1,
      updates_ = -1;
  std::vector<std::string> attribute_names_;
  std::vector<int> attribute_columns_;        // CSV: per attribute, its column or -1
  std::vector<std::string_view> attributes_;  // the row's values, per attribute
  std::size_t rows_ = 0, line_ = 0;
  std::string line_text_;
  std::deque<std::string> strings_;  // JSONL values the row points into (never moved)
  std::vector<TicketEvent> events_;
};

}  // namespace sla::cli
