// Counts in words that agree with their number, for every summary a command
// prints: "1 row", "3 rows", "no exclusions", "1 of 8 rows has errors".
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace sla::cli {

// "1 finding", "0 findings", "2 findings". `many` is for a word that does not
// just take an "s" ("1 priority", "2 priorities").
std::string plural(std::size_t n, std::string_view one, std::string_view many = {});
// As plural(), but none is "no": "no exclusions", "1 exclusion".
std::string plural_or_no(std::size_t n, std::string_view one, std::string_view many = {});
// The word that agrees with `n`: agree(1, "has", "have") is "has".
std::string_view agree(std::size_t n, std::string_view one, std::string_view many);

}  // namespace sla::cli
