#include "grammar/source.hpp"

#include <algorithm>

namespace sla {

SourceFile::SourceFile(std::string name, std::string text)
    : name_(std::move(name)), text_(std::move(text)) {
  line_starts_.push_back(0);
  for (std::uint32_t i = 0; i < text_.size(); ++i)
    if (text_[i] == '\n') line_starts_.push_back(i + 1);
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
  if (line_end > line_start && text_[line_end - 1] == '\r') --line_end;

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
  for (std::uint32_t c = 1; c < column && at < text_.size() && text_[at] != '\n'; ++c) {
    ++at;
    while (at < text_.size() && (static_cast<unsigned char>(text_[at]) & 0xC0) == 0x80) ++at;
  }
  return at;
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
