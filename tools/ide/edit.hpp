// A change to the document's text in bytes; the server turns it into the
// editor's line and character positions.
#pragma once

#include <cstdint>
#include <string>

namespace sla::ide {

struct Edit {
  std::uint32_t begin = 0;  // byte offsets into the document's text
  std::uint32_t end = 0;
  std::string text;  // what replaces [begin, end)
};

}  // namespace sla::ide
