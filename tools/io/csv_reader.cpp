#include "tools/io/csv_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>

#include "grammar/suggest.hpp"

namespace sla::cli {

bool CsvReader::fill() {
  if (eof_) return false;
  if (begin_ > 0) {  // keep the unread part at the front
    std::memmove(buffer_.data(), buffer_.data() + begin_, end_ - begin_);
    end_ -= begin_;
    begin_ = 0;
  }
  if (end_ == buffer_.size())
    buffer_.resize(buffer_.size() * 2);  // a record longer than the buffer
  const std::size_t n = std::fread(buffer_.data() + end_, 1, buffer_.size() - end_, in_);
  end_ += n;
  if (n == 0) eof_ = true;
  return n > 0;
}

std::size_t CsvReader::find_end(std::size_t& open_quote, std::size_t& newlines) const {
  // A quote opens a quoted field only at the start of a field; elsewhere it is an
  // ordinary character (6" monitor), as most spreadsheets write it. CR, LF and CRLF
  // all end a line (spreadsheets on a Mac write CR alone); inside quotes they are
  // data, counted once each for line numbers.
  enum { field_start, unquoted, quoted, quote_in_quoted } state = field_start;
  newlines = 0;
  const char* const data = buffer_.data();
  // Most rows hold no quote and end with LF: their end is the first LF (memchr is
  // many times faster than the walk below, and every row passes here).
  if (const void* lf = std::memchr(data + begin_, '\n', end_ - begin_)) {
    const std::size_t length = static_cast<const char*>(lf) - (data + begin_);
    if (!std::memchr(data + begin_, '"', length) && !std::memchr(data + begin_, '\r', length))
      return begin_ + length;
  }
  for (std::size_t i = begin_; i < end_; ++i) {
    const char c = data[i];
    switch (state) {
      case field_start:
      case unquoted:
        if (c == '\n' || c == '\r') return i;
        if (c == '"' && state == field_start) open_quote = i - begin_;
        state = c == ',' ? field_start : (c == '"' && state == field_start ? quoted : unquoted);
        break;
      case quoted:
        if (c == '"')
          state = quote_in_quoted;
        else if (c == '\r' || (c == '\n' && (i == begin_ || data[i - 1] != '\r')))
          ++newlines;
        break;
      case quote_in_quoted:  // "" is an escaped quote; anything else ends the quoted part
        if (c == '\n' || c == '\r') return i;
        state = c == '"' ? quoted : (c == ',' ? field_start : unquoted);
        break;
    }
  }
  if (state != quoted) open_quote = std::string_view::npos;
  return std::string_view::npos;
}

std::size_t CsvReader::first_line_end(std::size_t from) const {
  for (std::size_t i = from; i < end_; ++i)
    if (buffer_[i] == '\n' || buffer_[i] == '\r') return i;
  return std::string_view::npos;
}

bool CsvReader::next(std::vector<std::string_view>& fields) {
  fields.clear();
  error_ = {};
  if (!started_) {
    // A UTF-8 byte-order mark (Excel's "CSV UTF-8") is not part of the first field:
    // with it there, a quoted header name would not read as quoted.
    started_ = true;
    while (end_ - begin_ < 3 && fill()) {
    }
    if (end_ - begin_ >= 3 && std::memcmp(buffer_.data() + begin_, "\xEF\xBB\xBF", 3) == 0)
      begin_ += 3;
  }
  for (;;) {
    // Skip blank lines (and count them): a CR, an LF, or a CRLF, whose LF may come
    // in the next read (after_cr_).
    while (true) {
      while (begin_ < end_ && (buffer_[begin_] == '\n' || buffer_[begin_] == '\r')) {
        if (buffer_[begin_] == '\r' || !after_cr_) ++next_line_;
        after_cr_ = buffer_[begin_] == '\r';
        ++begin_;
      }
      if (begin_ < end_ || !fill()) break;
    }
    if (begin_ >= end_) return false;
    after_cr_ = false;
    std::size_t open_quote = std::string_view::npos;  // of a quoted field not closed
    std::size_t newlines = 0;                         // inside quoted fields
    std::size_t end = find_end(open_quote, newlines);
    while (end == std::string_view::npos && end_ - begin_ <= max_record && fill())
      end = find_end(open_quote, newlines);
    if (end == std::string_view::npos && end_ - begin_ > max_record) {
      // A runaway row (an unclosed quote in a huge file, or no line ends at all):
      // report it and resume after the next line end, without holding it in memory.
      error_ = "a row longer than 1 MiB (an unclosed quote?); skipped to the next line";
      line_ = next_line_++;
      for (;;) {
        if (const std::size_t at = first_line_end(begin_); at != std::string_view::npos) {
          after_cr_ = buffer_[at] == '\r';
          begin_ = at + 1;
          break;
        }
        begin_ = end_ = 0;
        if (!fill()) break;
      }
      return true;
    }
    bool at_eof = end == std::string_view::npos;
    if (at_eof) end = end_;
    if (at_eof && open_quote != std::string_view::npos) {
      // A quote never closed (a stray quote at the start of a field): reading on
      // would fold every later row into this one. The row is an error, cut at the
      // first line end after that quote, and the next line is the next row.
      error_ = "a quoted field is not closed (a stray quote?); the row ends at the end of its line";
      if (const std::size_t at = first_line_end(begin_ + open_quote);
          at != std::string_view::npos) {
        end = at;
        at_eof = false;
        newlines = 0;  // the line ends before the cut, all inside closed quoted fields
        for (std::size_t i = begin_; i < end; ++i)
          if (buffer_[i] == '\r' || (buffer_[i] == '\n' && (i == begin_ || buffer_[i - 1] != '\r')))
            ++newlines;
      }
    }

    const std::size_t stop = end;
    line_ = next_line_;
    next_line_ += newlines + (at_eof ? 0 : 1);

    // Split into fields. Unescaped quoted fields go to scratch_, reserved up front
    // so that views into it stay valid.
    scratch_.clear();
    scratch_.reserve(stop - begin_);
    const char* p = buffer_.data() + begin_;
    const char* const last = buffer_.data() + stop;
    for (;;) {
      if (p < last && *p == '"') {
        const char* q = ++p;
        bool escaped = false;
        while (q < last && !(*q == '"' && (q + 1 >= last || q[1] != '"'))) {
          if (*q == '"') {
            escaped = true;
            ++q;
          }
          ++q;
        }
        if (!escaped) {
          fields.emplace_back(p, static_cast<std::size_t>(q - p));
        } else {
          const std::size_t at = scratch_.size();
          for (const char* r = p; r < q; ++r) {
            scratch_.push_back(*r);
            if (*r == '"') ++r;
          }
          fields.emplace_back(scratch_.data() + at, scratch_.size() - at);
        }
        p = q < last ? q + 1 : q;
        // Text after the closing quote belongs to no field: RFC 4180 forbids it.
        if (p < last && *p != ',') {
          error_ = "text after a closing quote";
          while (p < last && *p != ',') ++p;
        }
      } else {
        const char* q = p;
        while (q < last && *q != ',') ++q;
        fields.emplace_back(p, static_cast<std::size_t>(q - p));
        p = q;
      }
      if (p >= last) break;
      if (++p == last) {  // a comma ends the record: one more, empty, field
        fields.emplace_back();
        break;
      }
    }
    after_cr_ = !at_eof && buffer_[end] == '\r';
    begin_ = at_eof ? end_ : end + 1;
    return true;
  }
}

std::string_view trim_field(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool find_columns(const std::vector<std::string_view>& header, std::span<const Column> columns,
                  std::string& problem) {
  for (int i = 0; i < static_cast<int>(header.size()); ++i) {
    std::string_view name = trim_field(header[static_cast<std::size_t>(i)]);
    if (i == 0 && name.starts_with("\xEF\xBB\xBF")) name.remove_prefix(3);  // a BOM
    for (const Column& column : columns) {
      if (!iequals(name, column.name)) continue;
      if (*column.index >= 0) {
        problem = fmt::format("the header row names the column '{}' twice (columns {} and {})",
                              column.name, *column.index + 1, i + 1);
        return false;
      }
      *column.index = i;
    }
  }
  return true;
}

}  // namespace sla::cli
