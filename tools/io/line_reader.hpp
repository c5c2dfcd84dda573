// One line at a time from a FILE*, for JSON Lines. A line ends at LF, CR or CRLF
// (the way spreadsheets and editors on every system save it), so a file with
// CR-only or mixed line ends gives the same lines, and the same line numbers.
#pragma once

#include <cstddef>
#include <cstdio>
#include <string>

namespace sla::cli {

struct LineRead {
  bool any = false;       // false at the end of the input
  bool too_long = false;  // the line was longer than `max`: only its start is kept
};

// Reads the next line into `line` (without its line end), keeping at most `max`
// bytes of it; the rest of a longer line is read and dropped.
LineRead read_line(std::FILE* in, std::string& line, std::size_t max);

// The next JSON Lines record: blank lines are skipped, and `line_number` counts
// every line read (so it is the record's line). `any` is false at the end.
LineRead read_record(std::FILE* in, std::string& text, std::size_t max, std::size_t& line_number);

}  // namespace sla::cli
