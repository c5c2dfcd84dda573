// A streaming RFC 4180 reader: one record at a time from a FILE*, fields as
// views into a reused buffer, so reading a million rows allocates nothing per row.
#pragma once

#include <cstdio>
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

}  // namespace sla::cli
