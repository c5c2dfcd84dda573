// A streaming RFC 4180 reader: one record at a time from a FILE*, fields as
// views into a reused buffer, so reading a million rows allocates nothing per row.
#pragma once

#include <cstdio>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace sla::cli {

class CsvReader {
 public:
  explicit CsvReader(std::FILE* in) : in_(in) {}

  // The next record's fields (valid until the next call); false at the end.
  // Blank lines are skipped. A broken record (an unterminated quote) still comes
  // back, with error() saying what is wrong.
  bool next(std::vector<std::string_view>& fields);
  std::string_view error() const { return error_; }
  // The line the current record starts on (1-based).
  std::size_t line() const { return line_; }

 private:
  bool fill();  // reads more input; false at end of file
  // The end of the record starting at begin_, or npos when more input is needed.
  std::size_t find_end(bool& unterminated, std::size_t& newlines) const;

  static constexpr std::size_t max_record = 1 << 20;

  std::FILE* in_;
  std::vector<char> buffer_ = std::vector<char>(1 << 16);
  std::size_t begin_ = 0, end_ = 0;
  bool eof_ = false;
  std::string scratch_;  // unescaped quoted fields
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
bool find_columns(const std::vector<std::string_view>& header,
                  std::initializer_list<Column> columns, std::string& problem);

}  // namespace sla::cli
