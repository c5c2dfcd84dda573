// How a change says what each version says: targets, calendars, uptime, money,
// percentages and lists in the words of the contract language.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sla/model.hpp"

namespace sla::change_words {

// The names of channels or features, in order.
template <typename T>
std::vector<std::string> names_of(const std::vector<T>& v) {
  std::vector<std::string> out;
  for (const auto& x : v) out.push_back(x.name);
  return out;
}

// "is NEW (was OLD)", `none` standing for an empty side.
std::string was_now(const std::string& x, const std::string& y, std::string_view none = "none");

// A priority as it is matched: without case.
std::string lower(std::string s);

// "a, b, c", or "none".
std::string list_or_none(const std::vector<std::string>& v);

// “a”, “b”, or "none".
std::string quoted_or_none(const std::vector<std::string>& v);

// The first three, then "...".
std::string sample(const std::vector<std::string>& v);

// "requires premium; excludes none".
std::string rules_of(const Package& p);

// "IDR 420,000,000 per year".
std::string money_text(const Money& m);

// "99.5 %".
std::string percent_text(std::int64_t milli);

std::string percent_or_none(const std::optional<std::int64_t>& milli);

std::string hours_text(std::int64_t seconds);

std::string commitment_text(Commitment c);

std::string target_head(const Target& t);

// "within 4 business hours"; an update target's gap: "every 4 business hours".
std::string length_words(const Target& t);

// A target stated for all priorities, added or removed for one of them.
std::string for_whom(const Target& t);

std::string target_text(const Target& t);

std::string weekly_text(const CalendarInfo& c);

std::string ladders_text(const Package& p);

std::string uptime_text(const Uptime& u);

std::string measure_text(const Uptime& u);

std::string credit_tiers(const Uptime& u);

// An example's ticket and what it expects, in one line.
std::string example_text(const Example& e);

}  // namespace sla::change_words
