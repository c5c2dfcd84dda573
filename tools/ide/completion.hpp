// What may be typed at the cursor: the keywords the grammar accepts there, the
// names in scope of the kind the statement needs, stdlib import paths, time zones.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "tools/ide/analysis.hpp"

namespace sla::ide {

enum class CompletionKind : std::uint8_t {
  keyword,
  calendar,
  holiday_set,
  priority,
  attribute,
  package,
  addon,
  file,  // an import path
  zone,  // an IANA time zone
  snippet,
};

struct Completion {
  std::string label;
  CompletionKind kind = CompletionKind::keyword;
  std::string detail;       // a short line: a calendar's title, a priority's description
  std::string insert_text;  // empty: the label
  // Inside a string (an import path, a zone): the byte where its text starts, so
  // the item replaces what was typed of it, "/" and all (an editor's own idea of a
  // word would stop at the "/").
  std::optional<std::uint32_t> replace_from;
};

// `offset`: a byte offset in the document (the analysis's root file), whose
// text is the analysis's (made for the text being edited).
std::vector<Completion> complete(const Analysis& analysis, std::uint32_t offset);

}  // namespace sla::ide
