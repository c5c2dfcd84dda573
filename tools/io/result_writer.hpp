// Evaluated tickets out as CSV, JSON Lines or an aligned table, buffered and
// written in large blocks. One output row per input row, in input order.
#pragma once

#include <fmt/format.h>
#include <cstdio>

#include "sla/evaluator.hpp"
#include "tools/io/ticket_reader.hpp"

namespace sla::cli {

// What the writer needs of an input row; the texts may live anywhere.
struct ResultRow {
  std::size_t number = 0, line = 0;
  std::string_view id, priority;
  std::optional<Instant> responded, resolved;
  std::string_view error;
};

class ResultWriter {
 public:
  enum class Format { csv, jsonl, table };
  ResultWriter(std::FILE* out, Format format, const Calendar& calendar);
  ~ResultWriter();

  void header();
  // `evaluation` is ignored when the row has an error.
  void write(const ResultRow& row, const Evaluation& evaluation);
  bool flush();  // false when the output could not be written

 private:
  // `escape`: the text may need quoting or escaping (input text does; our own words do not).
  void field(std::string_view text, bool last = false, bool escape = true);
  void time_field(std::optional<Instant> t, bool last = false);

  std::FILE* out_;
  Format format_;
  const Calendar& calendar_;
  fmt::memory_buffer buffer_;
  bool failed_ = false;
  int column_ = 0;
};

}  // namespace sla::cli
