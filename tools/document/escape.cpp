#include "tools/document/escape.hpp"

#include <cctype>

namespace sla::cli {

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string markdown_escape(std::string_view text, bool table_cell, bool block_start) {
  std::string out;
  out.reserve(text.size() + 8);
  bool line_start = block_start;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\r') continue;
    // A line break inside a contract string is a soft break anyway; as a space it
    // cannot start a new block (a heading, a list) or leave a table row.
    if (c == '\n' || c == '\t') c = ' ';
    const bool next_alnum =
        i + 1 < text.size() &&
        (std::isalnum(static_cast<unsigned char>(text[i + 1])) || text[i + 1] == '#');
    if (std::string_view("\\`*_[]<>~").find(c) != std::string_view::npos ||
        (c == '|' && table_cell) || (c == '&' && next_alnum)) {
      out += '\\';
    } else if (line_start && std::string_view("#+-=").find(c) != std::string_view::npos) {
      out += '\\';
    } else if (line_start && std::isdigit(static_cast<unsigned char>(c))) {
      // "1. text" at the start of a paragraph would become an ordered list.
      std::size_t j = i;
      while (j < text.size() && std::isdigit(static_cast<unsigned char>(text[j]))) ++j;
      if (j < text.size() && (text[j] == '.' || text[j] == ')')) {
        out.append(text.substr(i, j - i));
        out += '\\';
        i = j - 1;
        line_start = false;
        continue;
      }
    }
    out += c;
    line_start = false;
  }
  return out;
}

}  // namespace sla::cli
