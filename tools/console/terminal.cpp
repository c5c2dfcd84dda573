#include "tools/console/terminal.hpp"

#include <fmt/format.h>
#include <cstdlib>
#include <cstring>

#include <unistd.h>

namespace sla::cli {

bool colour_wanted(std::FILE* stream) {
  // https://no-color.org: any non-empty NO_COLOR turns colour off.
  if (const char* no = std::getenv("NO_COLOR"); no && *no) return false;
  if (const char* term = std::getenv("TERM"); term && std::strcmp(term, "dumb") == 0) return false;
  return isatty(fileno(stream)) != 0;
}

bool is_terminal(std::FILE* stream) {
  return isatty(fileno(stream)) != 0;
}

std::string paint(std::string_view text, Colour colour, bool enabled) {
  if (!enabled) return std::string(text);
  std::string_view code = "1";
  switch (colour) {
    case Colour::red:
      code = "31";
      break;
    case Colour::green:
      code = "32";
      break;
    case Colour::yellow:
      code = "33";
      break;
    case Colour::cyan:
      code = "36";
      break;
    case Colour::bold:
      code = "1";
      break;
  }
  return fmt::format("\x1b[{}m{}\x1b[0m", code, text);
}

}  // namespace sla::cli
