#include "grammar/utf8.hpp"

namespace sla {

std::size_t utf8_char_length(std::string_view text, std::size_t& bad) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(0);
  if (lead < 0x80) return 1;
  // The length, and the range of the second byte (the others are always 80..BF).
  std::size_t length = 0;
  unsigned char low = 0x80, high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;   // shorter forms are overlong
    if (lead == 0xED) high = 0x9F;  // ED A0..BF would be a surrogate
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;  // past U+10FFFF
  } else {
    bad = 1;  // a continuation byte, C0, C1 or F5..FF: never a start
    return 0;
  }
  std::size_t i = 1;
  for (; i < length && i < text.size(); ++i) {
    const unsigned char b = byte(i);
    if (b < (i == 1 ? low : 0x80) || b > (i == 1 ? high : 0xBF)) break;
  }
  if (i == length) return length;
  bad = i;
  return 0;
}

std::size_t utf8_error_at(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    std::size_t bad = 0;
    const std::size_t n = utf8_char_length(text.substr(i), bad);
    if (n == 0) return i;
    i += n;
  }
  return std::string_view::npos;
}

std::size_t append_utf8(std::string& out, std::string_view text) {
  std::size_t replaced = 0;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t bad = 0;
    const std::size_t n =
        static_cast<unsigned char>(text[i]) < 0x80 ? 1 : utf8_char_length(text.substr(i), bad);
    if (n > 0) {
      out.append(text.substr(i, n));
      i += n;
    } else {
      out.append(kReplacementCharacter);
      ++replaced;
      i += bad;
    }
  }
  return replaced;
}

std::string valid_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  append_utf8(out, text);
  return out;
}

}  // namespace sla
