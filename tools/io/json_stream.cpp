#include "tools/io/json_stream.hpp"

#include <fmt/format.h>

namespace sla::cli {

namespace {

bool blank(int c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::string shown(int c) {
  return c < 0 ? std::string("the end of the input") : fmt::format("'{}'", static_cast<char>(c));
}

}  // namespace

int JsonStream::get() {
  if (begin_ == end_) {
    end_ = std::fread(buffer_.data(), 1, buffer_.size(), in_);
    begin_ = 0;
    if (end_ == 0) return -1;
  }
  const char c = buffer_[begin_++];
  if (c == '\n') ++line_;
  return static_cast<unsigned char>(c);
}

int JsonStream::peek() {
  for (;;) {
    if (begin_ == end_) {
      end_ = std::fread(buffer_.data(), 1, buffer_.size(), in_);
      begin_ = 0;
      if (end_ == 0) return -1;
    }
    const int c = static_cast<unsigned char>(buffer_[begin_]);
    // A byte-order mark at the start of the input is not data.
    if (line_ == 1 && begin_ + 2 < end_ && c == 0xEF &&
        static_cast<unsigned char>(buffer_[begin_ + 1]) == 0xBB &&
        static_cast<unsigned char>(buffer_[begin_ + 2]) == 0xBF) {
      begin_ += 3;
      continue;
    }
    if (!blank(c)) return c;
    get();
  }
}

bool JsonStream::fail(std::string why) {
  if (error_.empty()) error_ = fmt::format("line {}: {}", line_, why);
  return false;
}

bool JsonStream::open(char bracket) {
  if (peek() != bracket) return false;
  get();
  started_.push_back(false);
  return true;
}

JsonStream::Step JsonStream::next_key(std::string& key) {
  if (started_.empty()) return fail("no object is open"), Step::error;
  int c = peek();
  if (c == '}') {
    get();
    started_.pop_back();
    return Step::end;
  }
  if (started_.back()) {
    if (c != ',') return fail(fmt::format("expected ',' or '}}', found {}", shown(c))), Step::error;
    get();
    c = peek();
  }
  if (c != '"') return fail(fmt::format("expected a member name, found {}", shown(c))), Step::error;
  started_.back() = true;
  key.clear();
  if (!read_string(key)) return Step::error;
  if (peek() != ':') return fail(fmt::format("expected ':' after \"{}\"", key)), Step::error;
  get();
  return Step::item;
}

JsonStream::Step JsonStream::next_element() {
  if (started_.empty()) return fail("no array is open"), Step::error;
  int c = peek();
  if (c == ']') {
    get();
    started_.pop_back();
    return Step::end;
  }
  if (started_.back()) {
    if (c != ',') return fail(fmt::format("expected ',' or ']', found {}", shown(c))), Step::error;
    get();
    c = peek();
  }
  if (c < 0 || c == ']')
    return fail(fmt::format("expected a value, found {}", shown(c))), Step::error;
  started_.back() = true;
  return Step::item;
}

// A string's text without its quotes, escapes as written (keys are plain names).
bool JsonStream::read_string(std::string& text) {
  get();  // the opening quote
  for (;;) {
    const int c = get();
    if (c < 0) return fail("a string is not closed");
    if (c == '"') return true;
    text.push_back(static_cast<char>(c));
    if (c == '\\') {
      const int e = get();
      if (e < 0) return fail("a string is not closed");
      text.push_back(static_cast<char>(e));
    }
  }
}

bool JsonStream::read_value(std::string& text, std::size_t limit) {
  text.clear();
  return scan_value(&text, limit);
}

bool JsonStream::skip_value() {
  return scan_value(nullptr, 0);
}

// Brackets are counted outside strings; the value ends when they balance, or, for a
// number or a literal, at the first character that cannot be part of it.
bool JsonStream::scan_value(std::string* text, std::size_t limit) {
  int c = peek();
  if (c < 0) return fail("expected a value, found the end of the input");
  std::size_t depth = 0, size = 0;
  bool in_string = false;
  const std::size_t start_line = line_;
  for (;;) {
    if (!in_string && depth == 0 && size > 0 && c != '"') {
      // A scalar ends before a delimiter; a string or bracket ended already below.
      if (c < 0 || blank(c) || c == ',' || c == '}' || c == ']' || c == ':') return true;
    }
    if (c < 0)
      return fail(fmt::format("the value that starts on line {} is not closed", start_line));
    get();
    if (text) {
      if (++size > limit)
        return fail(
            fmt::format("a value longer than {} MiB (from line {})", limit >> 20, start_line));
      text->push_back(static_cast<char>(c));
    } else {
      ++size;
    }
    if (in_string) {
      if (c == '\\') {
        const int e = get();
        if (e < 0) return fail("a string is not closed");
        if (text) text->push_back(static_cast<char>(e));
      } else if (c == '"') {
        in_string = false;
        if (depth == 0) return true;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if (c == '}' || c == ']') {
      if (depth == 0) return fail(fmt::format("unexpected '{}'", static_cast<char>(c)));
      if (--depth == 0) return true;
    }
    // Peek without skipping blanks: inside a value they are data.
    if (begin_ == end_) {
      end_ = std::fread(buffer_.data(), 1, buffer_.size(), in_);
      begin_ = 0;
    }
    c = begin_ == end_ ? -1 : static_cast<unsigned char>(buffer_[begin_]);
  }
}

}  // namespace sla::cli
