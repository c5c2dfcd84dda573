// Calendar files saved as UTF-16 (Outlook's and Excel's "Unicode" exports): every
// other byte is NUL, so read as UTF-8 they are noise; the user is told to save them
// as UTF-8 rather than shown what the readers make of them.
#pragma once

#include <string_view>

namespace sla::cli {

// Whether `text` is UTF-16: it starts with a UTF-16 byte-order mark (FF FE or
// FE FF), or, without one, its first two characters are ASCII with a NUL byte
// beside each (as "B\0E\0" or "\0B\0E").
bool is_utf16(std::string_view text);

}  // namespace sla::cli
