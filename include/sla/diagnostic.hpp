// Diagnostics: what the loader says about a contract. User errors are values,
// never exceptions: every load returns its diagnostics, however broken the input.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace sla {

enum class Severity { error, warning, note };

// A resolved position. line and column are 1-based; column counts Unicode
// characters, offset and length count bytes.
struct Location {
  std::string file;
  std::uint32_t line = 1;
  std::uint32_t column = 1;
  std::uint32_t offset = 0;
  std::uint32_t length = 0;
  // The text of `line` without its line ending; a very long line is cut to a
  // window around the position, and source_column is the column within it.
  std::string source_line;
  std::uint32_t source_column = 1;
};

struct Note {
  Location location;
  std::string message;
};

struct Diagnostic {
  std::string code;  // stable: SLA0xx errors, SLA1xx lint findings
  Severity severity = Severity::error;
  Location location;
  std::string message;
  std::vector<Note> notes;
  std::string hint;  // e.g. "did you mean 'premium'?"
};

inline bool has_errors(const std::vector<Diagnostic>& diagnostics) {
  for (const auto& d : diagnostics)
    if (d.severity == Severity::error) return true;
  return false;
}

}  // namespace sla
