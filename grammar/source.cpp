#include "grammar/source.hpp"

#include <fmt/format.h>
#include <algorithm>

namespace sla {

SourceFile::SourceFile(std::string name, std::string text)
    : name_(std::move(name)), text_(std::move(text)) {
  // LF, CRLF and a lone CR (old Mac files) each end a line.
  line_starts_.push_back(0);
  for (std::uint32_t i = 0; i < text_.size(); ++i)
    if (text_[i] == '\n' || (text_[i] == '\r' && (i + 1 == text_.size() || text_[i + 1] != '\n')))
      line_starts_.push_back(i + 1);
}

std::uint32_t SourceFile::line_start(std::uint32_t line) const {
  if (line == 0) return 0;
  if (line > line_starts_.size()) return static_cast<std::uint32_t>(text_.size());
  return line_starts_[line - 1];
}

std::string_view SourceFile::line_text(std::uint32_t line) const {
  if (line == 0 || line > line_starts_.size()) return {};
  const std::uint32_t from = line_starts_[line - 1];
  std::uint32_t to =
      line < line_starts_.size() ? line_starts_[line] : static_cast<std::uint32_t>(text_.size());
  while (to > from && (text_[to - 1] == '\n' || text_[to - 1] == '\r')) --to;
  return std::string_view(text_).substr(from, to - from);
}

Location SourceFile::locate(std::uint32_t begin, std::uint32_t end) const {
  begin = std::min<std::uint32_t>(begin, static_cast<std::uint32_t>(text_.size()));
  end = std::max(begin, std::min<std::uint32_t>(end, static_cast<std::uint32_t>(text_.size())));
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), begin);
  const auto line_index = static_cast<std::uint32_t>(it - line_starts_.begin() - 1);
  const std::uint32_t line_start = line_starts_[line_index];
  std::uint32_t line_end = line_index + 1 < line_starts_.size()
                               ? line_starts_[line_index + 1] - 1
                               : static_cast<std::uint32_t>(text_.size());
  if (line_end > line_start && text_[line_end - 1] == '\r') --line_end;  // CRLF

  Location loc;
  loc.file = name_;
  loc.line = line_index + 1;
  // Columns count characters, not bytes: skip UTF-8 continuation bytes.
  loc.column = 1;
  for (std::uint32_t i = line_start; i < begin; ++i)
    if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++loc.column;
  loc.offset = begin;
  loc.length = end - begin;

  // Keep diagnostics readable (and JSON small) when a file is one huge line.
  constexpr std::uint32_t window = 160;
  std::uint32_t from = line_start;
  std::uint32_t to = line_end;
  if (to - from > 2 * window) {
    from = begin > line_start + window / 2 ? begin - window / 2 : line_start;
    to = std::min(line_end, from + 2 * window);
    while (from > line_start && (static_cast<unsigned char>(text_[from]) & 0xC0) == 0x80) --from;
    while (to < line_end && (static_cast<unsigned char>(text_[to]) & 0xC0) == 0x80) ++to;
  }
  loc.source_line = text_.substr(from, to - from);
  loc.source_column = 1;
  for (std::uint32_t i = from; i < begin && i < to; ++i)
    if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++loc.source_column;
  return loc;
}

std::uint32_t SourceFile::offset(std::uint32_t line, std::uint32_t column) const {
  if (line == 0 || line > line_starts_.size()) return 0;
  std::uint32_t at = line_starts_[line - 1];
  for (std::uint32_t c = 1;
       c < column && at < text_.size() && text_[at] != '\n' && text_[at] != '\r'; ++c) {
    ++at;
    while (at < text_.size() && (static_cast<unsigned char>(text_[at]) & 0xC0) == 0x80) ++at;
  }
  return at;
}

std::string_view bidi_control_name(char32_t code_point) {
  switch (code_point) {
    case 0x202A:
      return "LEFT-TO-RIGHT EMBEDDING";
    case 0x202B:
      return "RIGHT-TO-LEFT EMBEDDING";
    case 0x202C:
      return "POP DIRECTIONAL FORMATTING";
    case 0x202D:
      return "LEFT-TO-RIGHT OVERRIDE";
    case 0x202E:
      return "RIGHT-TO-LEFT OVERRIDE";
    case 0x2066:
      return "LEFT-TO-RIGHT ISOLATE";
    case 0x2067:
      return "RIGHT-TO-LEFT ISOLATE";
    case 0x2068:
      return "FIRST STRONG ISOLATE";
    case 0x2069:
      return "POP DIRECTIONAL ISOLATE";
    default:
      return {};
  }
}

std::string escape_invisible(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t len = c < 0x80             ? 1
                            : (c & 0xE0) == 0xC0 ? 2
                            : (c & 0xF0) == 0xE0 ? 3
                            : (c & 0xF8) == 0xF0 ? 4
                                                 : 0;
    static constexpr unsigned char lead_bits[] = {0, 0x7F, 0x1F, 0x0F, 0x07};
    static constexpr char32_t min_cp[] = {0, 0, 0x80, 0x800, 0x10000};
    bool ok = len > 0 && i + len <= s.size();
    char32_t cp = ok ? c & lead_bits[len] : 0;
    for (std::size_t k = 1; ok && k < len; ++k) {
      const auto cc = static_cast<unsigned char>(s[i + k]);
      ok = (cc & 0xC0) == 0x80;
      cp = (cp << 6) | (cc & 0x3F);
    }
    ok = ok && cp >= min_cp[len] && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF);
    if (!ok) {
      out += fmt::format("\\x{:02X}", static_cast<unsigned>(c));
      ++i;
      continue;
    }
    // Controls (C0, DEL, C1), the bidirectional controls and the invisible
    // direction marks (U+200E, U+200F, U+061C), and the line and paragraph
    // separators.
    const bool hidden = cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || !bidi_control_name(cp).empty() ||
                        cp == 0x200E || cp == 0x200F || cp == 0x061C || cp == 0x2028 ||
                        cp == 0x2029;
    if (hidden)
      out += fmt::format("\\u{{{:X}}}", static_cast<std::uint32_t>(cp));
    else
      out.append(s.substr(i, len));
    i += len;
  }
  return out;
}

Span SourceMap::find(std::string_view name, std::uint32_t line, std::uint32_t column) const {
  for (std::uint32_t id = 0; id < files_.size(); ++id) {
    if (files_[id]->name() != name) continue;
    const std::uint32_t at = files_[id]->offset(line, column);
    return {id, at, at};
  }
  return {};
}

std::uint32_t SourceMap::add(std::shared_ptr<const SourceFile> file) {
  files_.push_back(std::move(file));
  return static_cast<std::uint32_t>(files_.size() - 1);
}

}  // namespace sla
