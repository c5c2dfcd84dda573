// A gettext catalogue (.po), the subset a translator's tools write: comments,
// msgctxt, msgid and msgstr, strings continued on following lines, C escapes.
// An entry with an empty msgstr is untranslated and left out.
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace sla::cli {

struct PoCatalogue {
  std::map<std::string, std::string, std::less<>> messages;  // msgid -> msgstr
  std::string error;  // "line 12: ...", empty when the catalogue read cleanly
};

PoCatalogue read_po(std::string_view text);

}  // namespace sla::cli
