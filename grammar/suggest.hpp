// "Did you mean ...?": the closest candidate to a misspelled word.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace sla {

// Equal but for ASCII case: "critical" names the priority "Critical".
bool iequals(std::string_view a, std::string_view b);

// The words of `text` in lower case, letters and digits only: "Bayern (Germany)" is
// bayern, germany. What names are matched against places and titles by.
std::vector<std::string> lower_words(std::string_view text);

// Optimal string alignment distance (Levenshtein plus adjacent swaps).
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate closest to `word`, if close enough to be a likely typo
// (at most one edit per three characters, at least one).
std::optional<std::string> closest(std::string_view word,
                                   std::span<const std::string_view> candidates);
std::optional<std::string> closest(std::string_view word, std::span<const std::string> candidates);

}  // namespace sla
