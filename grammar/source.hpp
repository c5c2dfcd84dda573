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

 private:
  std::string name_;
  std::string text_;
  std::vector<std::uint32_t> line_starts_;
};

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
