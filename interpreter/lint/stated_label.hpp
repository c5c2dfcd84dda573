// Reading the numbers out of a stated label, the contract's own words kept beside
// a value: "720 hours (30 business days)", "Target 99% uptime", "IDR 216mil".
// The lint compares what the words say with what the value is.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "sla/model.hpp"

namespace sla {

struct StatedDuration {
  DurationValue value;
  bool says_business = false;  // "business" or "working" was written
  std::string words;           // as written: "30 business days"
};

struct StatedMoney {
  std::string currency;  // empty when the label names none
  std::int64_t milli = 0;
  std::string words;  // "IDR 216mil"
};

// Durations written as a number (digits or a word up to "twenty"), an optional
// "business"/"working", and a unit (minutes, hours, hrs, days, weeks).
std::vector<StatedDuration> stated_durations(std::string_view label);

// Percentages: "99%", "99.5 %", "99 percent"; in thousandths of a percent.
std::vector<std::int64_t> stated_percents(std::string_view label);

// Amounts after a three-letter currency code, with an optional scale word:
// "IDR 216mil", "USD 1.5 million", "EUR 900k", "IDR 100 juta".
std::vector<StatedMoney> stated_amounts(std::string_view label);

}  // namespace sla
