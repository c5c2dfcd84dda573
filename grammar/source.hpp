// Source files and spans. A Span is three integers so AST nodes stay small;
// a SourceMap turns it into a Location (file, line, column, source line) for people.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "sla/diagnostic.hpp"

namespace sla {

struct Span {
  std::uint32_t file = 0;   // index in the SourceMap
  std::uint32_t begin = 0;  // byte offsets into the file's text
  std::uint32_t end = 0;
};

class SourceFile {
 public:
  // `name` is what diagnostics print ("contracts/x.sla", "std/holidays/id").
  SourceFile(std::string name, std::string text);

  const std::string& name() const { return name_; }
  const std::string& text() const { return text_; }
  Location locate(std::uint32_t begin, std::uint32_t end) const;
  // The byte offset of a 1-based line and character column.
  std::uint32_t offset(std::uint32_t line, std::uint32_t column) const;
  // Lines end at LF, CRLF or a lone CR. The number of lines (a last line without
  // its line end counts), the byte offset where a 1-based line starts, and its
  // text without the line end.
  std::uint32_t line_count() const { return static_cast<std::uint32_t>(line_starts_.size()); }
  std::uint32_t line_start(std::uint32_t line) const;
  std::string_view line_text(std::uint32_t line) const;

 private:
  std::string name_;
  std::string text_;
  std::vector<std::uint32_t> line_starts_;
};

// Bidirectional embedding, override and isolate controls (U+202A-U+202E,
// U+2066-U+2069): they make text display in another order than it is read
// ("Trojan Source", CVE-2021-42574), so a contract may not hold them. Its name,
// or "" for any other code point.
std::string_view bidi_control_name(char32_t code_point);

// Text for a terminal: what would be invisible or would reorder or control what
// is shown (bidirectional controls and marks, control characters, line and
// paragraph separators) is written as its code point escaped the Rust way (a
// backslash, 'u' and the hex digits in braces: U+202E prints as 8 characters), and
// a byte that is not UTF-8 as a backslash, 'x' and two hex digits. The rest is
// kept. The result is valid UTF-8.
std::string escape_invisible(std::string_view text);

class SourceMap {
 public:
  std::uint32_t add(std::shared_ptr<const SourceFile> file);
  const SourceFile& file(std::uint32_t id) const { return *files_.at(id); }
  std::size_t size() const { return files_.size(); }
  Location locate(Span span) const { return file(span.file).locate(span.begin, span.end); }
  // The span of a position known by file name, line and column (from a SourceRef).
  Span find(std::string_view name, std::uint32_t line, std::uint32_t column) const;

 private:
  std::vector<std::shared_ptr<const SourceFile>> files_;
};

}  // namespace sla
