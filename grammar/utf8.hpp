// UTF-8 as the Unicode Standard defines it (Table 3-7: no overlong forms, no
// surrogates, nothing past U+10FFFF), for text that comes from outside: a help
// desk's export in Latin-1, a file name. JSON must be UTF-8, so writers replace
// what is not with U+FFFD, deliberately, and say so.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace sla {

inline constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";  // U+FFFD

// The length (1 to 4) of the well-formed character at the start of `text` (not
// empty), or 0 when the bytes there are not one; then `bad` is how many bytes one
// U+FFFD replaces (the maximal subpart, as Unicode recommends: at least one).
std::size_t utf8_char_length(std::string_view text, std::size_t& bad);

// Where `text` stops being UTF-8 (a byte offset), or npos when all of it is.
std::size_t utf8_error_at(std::string_view text);
inline bool is_utf8(std::string_view text) {
  return utf8_error_at(text) == std::string_view::npos;
}

// Appends `text` to `out` with each ill-formed sequence replaced by U+FFFD;
// returns how many were replaced.
std::size_t append_utf8(std::string& out, std::string_view text);
// `text` as valid UTF-8 (a copy, replaced as above).
std::string valid_utf8(std::string_view text);

}  // namespace sla
