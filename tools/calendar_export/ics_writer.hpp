// iCalendar text (RFC 5545) as calendar programs read it: content lines ended by
// CRLF and folded at 75 octets (never inside a UTF-8 character), TEXT values
// escaped. Which components and properties to write is the caller's business.
#pragma once

#include <string>
#include <string_view>

namespace sla::cli {

class IcsWriter {
 public:
  void begin(std::string_view component) { line("BEGIN", component); }
  void end(std::string_view component) { line("END", component); }
  // NAME[;PARAMS]:VALUE with the value as given (dates, times, durations, codes).
  void line(std::string_view name, std::string_view value);
  // A TEXT value (SUMMARY, DESCRIPTION, X-WR-CALNAME): escaped.
  void text(std::string_view name, std::string_view value);
  const std::string& str() const { return out_; }

 private:
  std::string out_;
};

// A TEXT value escaped: backslash, semicolon and comma get a backslash, a line
// break becomes \n (RFC 5545, 3.3.11).
std::string escape_ics_text(std::string_view text);

// One content line folded: at most 75 octets a line, CRLF after each, a space
// before each continuation (RFC 5545, 3.1); a UTF-8 character is never split.
std::string fold_ics_line(std::string_view line);

}  // namespace sla::cli
