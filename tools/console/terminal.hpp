// Colour for people, plain text for pipes: text output is coloured only when it
// goes to a terminal and the user has not asked otherwise (NO_COLOR, TERM=dumb).
#pragma once

#include <cstdio>
#include <string>
#include <string_view>

namespace sla::cli {

enum class Colour { red, green, yellow, cyan, bold };

// True when `stream` is a terminal that wants colour.
bool colour_wanted(std::FILE* stream);
// True when `stream` is a terminal at all (a screen that may be cleared).
bool is_terminal(std::FILE* stream);

// `text` wrapped in the terminal escape for `colour` when `enabled`, else as is.
std::string paint(std::string_view text, Colour colour, bool enabled);

}  // namespace sla::cli
