// What the editor shows when the pointer rests on a word: a name's definition in
// words (a calendar's hours and zone, a priority's description, a package after
// inheritance, a holiday set's years and count), or what a duration means under
// the calendar that governs it, worked on an example ticket.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "grammar/source.hpp"
#include "tools/ide/analysis.hpp"

namespace sla::ide {

struct HoverText {
  std::string markdown;
  Span span;  // the word hovered, in the root file
};

// `offset`: a byte offset in the document (the analysis's root file).
std::optional<HoverText> hover(const Analysis& analysis, std::uint32_t offset);

}  // namespace sla::ide
