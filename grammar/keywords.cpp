#include "grammar/keywords.hpp"

#include "grammar/grammar.hpp"

namespace sla::grammar {

std::span<const std::string_view> statement_words(ast::Kind block) {
  using K = ast::Kind;
  switch (block) {
    case K::file:
      return top_items::words;
    case K::contract:
      return header_statements::words;
    case K::holiday_set:
      return holiday_statements::words;
    case K::calendar:
      return calendar_statements::words;
    case K::package:
    case K::addon:
      return package_statements::words;
    case K::escalation:
      return band_statements::words;
    case K::uptime:
      return uptime_statements::words;
    case K::example:
      return example_statements::words;
    default:
      return {};
  }
}

}  // namespace sla::grammar
