// An open document's text as the editor has it, and the editor's positions:
// LSP counts lines from 0 and characters in UTF-16 code units unless both sides
// agree on UTF-8 or UTF-32, while everything else here counts bytes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sla::lsp {

enum class PositionEncoding { utf16, utf8, utf32 };

struct Position {
  std::uint32_t line = 0;       // 0-based
  std::uint32_t character = 0;  // 0-based, in the encoding's units
};

// Where the lines of a text start (LF, CRLF and a lone CR end a line, as in LSP).
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);

  // The byte offset of a position; past a line's end is its end, past the last
  // line is the text's end, and a position inside a character is its start.
  std::uint32_t offset(std::string_view text, Position p, PositionEncoding encoding) const;
  Position position(std::string_view text, std::uint32_t offset, PositionEncoding encoding) const;
  std::uint32_t line_count() const { return static_cast<std::uint32_t>(starts_.size()); }

 private:
  std::vector<std::uint32_t> starts_;
};

class TextDocument {
 public:
  TextDocument(std::string text, std::int64_t version);

  const std::string& text() const { return text_; }
  std::int64_t version() const { return version_; }
  const LineIndex& lines() const { return lines_; }
  std::uint32_t offset(Position p, PositionEncoding e) const { return lines_.offset(text_, p, e); }
  Position position(std::uint32_t offset, PositionEncoding e) const {
    return lines_.position(text_, offset, e);
  }

  // A whole new text (a full-sync change), or the bytes between two positions
  // replaced (an incremental one).
  void set(std::string text, std::int64_t version);
  void replace(Position from, Position to, std::string_view text, PositionEncoding encoding,
               std::int64_t version);

 private:
  std::string text_;
  std::int64_t version_ = 0;
  LineIndex lines_;
};

}  // namespace sla::lsp
