#include "tools/io/line_reader.hpp"

namespace sla::cli {

LineRead read_line(std::FILE* in, std::string& line, std::size_t max) {
  LineRead read;
  line.clear();
  int c;
  while ((c = std::getc(in)) != EOF) {
    read.any = true;
    if (c == '\n') break;
    if (c == '\r') {  // CR alone, or the first half of CRLF
      const int next = std::getc(in);
      if (next != '\n' && next != EOF) std::ungetc(next, in);
      break;
    }
    if (line.size() < max)
      line.push_back(static_cast<char>(c));
    else
      read.too_long = true;
  }
  return read;
}

LineRead read_record(std::FILE* in, std::string& text, std::size_t max, std::size_t& line_number) {
  for (;;) {
    const LineRead read = read_line(in, text, max);
    if (!read.any) return read;
    ++line_number;
    if (read.too_long || text.find_first_not_of(" \t") != std::string::npos) return read;
  }
}

}  // namespace sla::cli
