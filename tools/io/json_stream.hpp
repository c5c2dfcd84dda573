// A pull reader over one large JSON document (or several, one after another):
// it walks the outer objects and arrays and hands out each inner value as text,
// so that a 5 GB export is read one element at a time (nlohmann::json parses the
// element). Only the element being read is held, never the document.
//
//   JsonStream s(file);
//   s.open('{');                            // the page object
//   while (s.next_key(key) == Step::item)   // "tickets"
//     if (key == "tickets" && s.open('['))
//       while (s.next_element() == Step::item) s.read_value(text);  // one ticket
//     else s.skip_value();
#pragma once

#include <cstdio>
#include <string>
#include <vector>

namespace sla::cli {

class JsonStream {
 public:
  enum class Step { item, end, error };

  explicit JsonStream(std::FILE* in) : in_(in) {}

  // The next character that is not a blank, not taken; -1 at the end of the input.
  int peek();
  // Takes `bracket` ('{' or '[') when it comes next; false otherwise.
  bool open(char bracket);
  // In an object just opened: the next member's key (its value comes next), or the
  // end of the object (taken). Commas and colons are checked.
  Step next_key(std::string& key);
  // In an array just opened: whether an element comes next, or the end (taken).
  Step next_element();
  // The next value whole, as written (at most `limit` bytes), or skipped.
  bool read_value(std::string& text, std::size_t limit = std::size_t{64} << 20);
  bool skip_value();

  // The line the reader is on (1-based), and what went wrong.
  std::size_t line() const { return line_; }
  const std::string& error() const { return error_; }

 private:
  int get();
  bool fail(std::string why);
  bool scan_value(std::string* text, std::size_t limit);
  bool read_string(std::string& text);

  std::FILE* in_;
  std::vector<char> buffer_ = std::vector<char>(1 << 16);
  std::size_t begin_ = 0, end_ = 0;
  std::size_t line_ = 1;
  std::string error_;
  // Per open object or array: whether an item was read (so a comma comes next).
  std::vector<bool> started_;
};

}  // namespace sla::cli
