// A streaming RFC 4180 reader: one record at a time from a FILE*, fields as
// views into a reused buffer, so reading a million rows allocates nothing per row.
#pragma once

#include <cstdio>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace sla::cli {

class CsvReader {
 public:
  // `first_line`: the line `in` is at (a caller that read blank lines before it).
  explicit CsvReader(std::FILE* in, std::size_t first_line = 1) : in_(in), next_line_(first_line) {}

  // The next record's fields (valid until the next call); false at the end.
  // A line ends at CR, LF or CRLF (inside quotes they are data); blank lines are
  // skipped. A broken record (an unterminated quote) still comes back, with
  // error() saying what is wrong, and never takes the rows after it along.
  bool next(std::vector<std::string_view>& fields);
  std::string_view error() const { return error_; }
  // The line the current record starts on (1-based).
  std::size_t line() const { return line_; }

 private:
  bool fill();  // reads more input; false at end of file
  // The line end (CR or LF) that ends the record starting at begin_, or npos when
  // more input is needed; `newlines` counts the line ends inside quoted fields, and
  // `open_quote` is where a quoted field still open at the end of the input starts
  // (from begin_: a fill() moves the buffer).
  std::size_t find_end(std::size_t& open_quote, std::size_t& newlines) const;
  // The first CR or LF at or after `from`, or npos.
  std::size_t first_line_end(std::size_t from) const;

  static constexpr std::size_t max_record = 1 << 20;

  std::FILE* in_;
  std::vector<char> buffer_ = std::vector<char>(1 << 16);
  std::size_t begin_ = 0, end_ = 0;
  bool eof_ = false;
  bool after_cr_ = false;  // the last line ended on a CR: an LF next completes a CRLF
  bool started_ = false;   // the input's first bytes were looked at (for a byte-order mark)
  std::string scratch_;    // unescaped quoted fields
  std::string_view error_;
  std::size_t line_ = 0, next_line_ = 1;
};

// A field without the blanks around it.
std::string_view trim_field(std::string_view field);

// A header row's columns: each `index` is set to its column's position (any case,
// a leading byte-order mark ignored) or left as it was when the row lacks it.
// False, with `problem` saying which, when a column is named twice.
struct Column {
  std::string_view name;
  int* index;
};
bool find_columns(const std::vector<std::string_view>& header, std::span<const Column> columns,
                  std::string& problem);

}  // namespace sla::cli
