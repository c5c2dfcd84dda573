#include <charconv>
#include <string>
#include <string_view>

#include "tools/holidays/year_range.hpp"

namespace sla::cli {

namespace {

std::optional<int> year_of(std::string_view text) {
  int year = 0;
  if (text.size() != 4) return std::nullopt;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), year);
  if (ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  // The years a .sla date may name (docs/language.md, "Dates").
  if (year < 1900 || year > 2399) return std::nullopt;
  return year;
}

}  // namespace

std::optional<YearRange> parse_year_range(std::string_view text) {
  const auto dots = text.find("..");
  const auto first = year_of(text.substr(0, dots));
  const auto last = dots == std::string_view::npos ? first : year_of(text.substr(dots + 2));
  if (!first || !last || *last < *first) return std::nullopt;
  return YearRange{*first, *last};
}

std::string year_range_suggestion(std::string_view text) {
  for (std::string_view between : {"-", " - ", " to ", "\xE2\x80\x93" /* en dash */}) {
    const auto at = text.find(between);
    if (at == std::string_view::npos) continue;
    const auto first = year_of(text.substr(0, at));
    const auto last = year_of(text.substr(at + between.size()));
    if (first && last && *first <= *last)
      return std::to_string(*first) + ".." + std::to_string(*last);
  }
  return {};
}

}  // namespace sla::cli
