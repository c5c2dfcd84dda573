#include "tools/lsp/text_document.hpp"

#include <algorithm>
#include <utility>

namespace sla::lsp {

namespace {

// The length in bytes of the UTF-8 sequence that starts with `lead`; a byte
// that cannot start one counts alone, as the loader shows it (\xNN).
std::uint32_t sequence_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead & 0xE0) == 0xC0) return 2;
  if ((lead & 0xF0) == 0xE0) return 3;
  if ((lead & 0xF8) == 0xF0) return 4;
  return 1;
}

// How many units of `encoding` one character of `bytes` bytes takes.
std::uint32_t units(std::uint32_t bytes, PositionEncoding encoding) {
  switch (encoding) {
    case PositionEncoding::utf8:
      return bytes;
    case PositionEncoding::utf16:
      return bytes == 4 ? 2 : 1;
    case PositionEncoding::utf32:
      return 1;
  }
  return 1;
}

}  // namespace

LineIndex::LineIndex(std::string_view text) {
  starts_.push_back(0);
  for (std::uint32_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
    if (text[i] == '\n' || text[i] == '\r') starts_.push_back(i + 1);
  }
}

std::uint32_t LineIndex::offset(std::string_view text, Position p,
                                PositionEncoding encoding) const {
  if (p.line >= starts_.size()) return static_cast<std::uint32_t>(text.size());
  std::uint32_t at = starts_[p.line];
  const std::uint32_t end =
      p.line + 1 < starts_.size() ? starts_[p.line + 1] : static_cast<std::uint32_t>(text.size());
  std::uint32_t counted = 0;
  while (at < end && counted < p.character) {
    const char c = text[at];
    if (c == '\n' || c == '\r') break;
    const std::uint32_t len = std::min(sequence_length(static_cast<unsigned char>(c)), end - at);
    counted += units(len, encoding);
    if (counted > p.character) break;  // inside a surrogate pair: its start
    at += len;
  }
  return at;
}

Position LineIndex::position(std::string_view text, std::uint32_t offset,
                             PositionEncoding encoding) const {
  offset = std::min(offset, static_cast<std::uint32_t>(text.size()));
  const auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  const auto line = static_cast<std::uint32_t>(it - starts_.begin() - 1);
  std::uint32_t character = 0;
  for (std::uint32_t at = starts_[line]; at < offset;) {
    const std::uint32_t len = sequence_length(static_cast<unsigned char>(text[at]));
    character += units(std::min(len, offset - at) == len ? len : 1, encoding);
    at += len;
  }
  return {line, character};
}

TextDocument::TextDocument(std::string text, std::int64_t version)
    : text_(std::move(text)), version_(version), lines_(text_) {}

void TextDocument::set(std::string text, std::int64_t version) {
  text_ = std::move(text);
  version_ = version;
  lines_ = LineIndex(text_);
}

void TextDocument::replace(Position from, Position to, std::string_view text,
                           PositionEncoding encoding, std::int64_t version) {
  std::uint32_t begin = offset(from, encoding), end = offset(to, encoding);
  if (end < begin) std::swap(begin, end);
  text_.replace(begin, end - begin, text);
  version_ = version;
  lines_ = LineIndex(text_);
}

}  // namespace sla::lsp
