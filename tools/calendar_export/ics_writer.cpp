#include "tools/calendar_export/ics_writer.hpp"

#include "grammar/utf8.hpp"

namespace sla::cli {

void IcsWriter::line(std::string_view name, std::string_view value) {
  std::string l(name);
  l += ':';
  l += value;
  out_ += fold_ics_line(l);
}

void IcsWriter::text(std::string_view name, std::string_view value) {
  line(name, escape_ics_text(value));
}

std::string escape_ics_text(std::string_view text) {
  std::string out;
  // iCalendar is UTF-8: whatever came in as other bytes is shown as U+FFFD.
  const std::string valid = valid_utf8(text);
  for (std::size_t i = 0; i < valid.size(); ++i) {
    const char c = valid[i];
    if (c == '\\' || c == ';' || c == ',') {
      out += '\\';
      out += c;
    } else if (c == '\r') {
      if (i + 1 < valid.size() && valid[i + 1] == '\n') ++i;
      out += "\\n";
    } else if (c == '\n') {
      out += "\\n";
    } else if (static_cast<unsigned char>(c) < 0x20 && c != '\t') {
      continue;  // other control characters are not allowed in TEXT
    } else {
      out += c;
    }
  }
  return out;
}

std::string fold_ics_line(std::string_view line) {
  constexpr std::size_t kOctets = 75;
  std::string out;
  std::size_t room = kOctets;  // the first line has 75 octets; the others 74 after the space
  while (line.size() > room) {
    std::size_t cut = room;
    // Back up to the start of a character: a continuation byte is 10xxxxxx.
    while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    out.append(line.substr(0, cut));
    out += "\r\n ";
    line.remove_prefix(cut);
    room = kOctets - 1;
  }
  out.append(line);
  out += "\r\n";
  return out;
}

}  // namespace sla::cli
