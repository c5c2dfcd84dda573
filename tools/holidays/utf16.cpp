#include "tools/holidays/utf16.hpp"

namespace sla::cli {

bool is_utf16(std::string_view text) {
  if (text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF")) return true;
  if (text.size() < 4) return false;
  const auto ascii = [](char c) { return c != '\0' && static_cast<unsigned char>(c) < 0x80; };
  const bool little = ascii(text[0]) && text[1] == '\0' && ascii(text[2]) && text[3] == '\0';
  const bool big = text[0] == '\0' && ascii(text[1]) && text[2] == '\0' && ascii(text[3]);
  return little || big;
}

}  // namespace sla::cli
