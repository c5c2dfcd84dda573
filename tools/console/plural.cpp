#include "tools/console/plural.hpp"

#include <fmt/format.h>

namespace sla::cli {

namespace {

std::string word(std::size_t n, std::string_view one, std::string_view many) {
  if (n == 1) return std::string(one);
  return many.empty() ? fmt::format("{}s", one) : std::string(many);
}

}  // namespace

std::string plural(std::size_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, word(n, one, many));
}

std::string plural_or_no(std::size_t n, std::string_view one, std::string_view many) {
  return n == 0 ? fmt::format("no {}", word(n, one, many)) : plural(n, one, many);
}

std::string_view agree(std::size_t n, std::string_view one, std::string_view many) {
  return n == 1 ? one : many;
}

}  // namespace sla::cli
