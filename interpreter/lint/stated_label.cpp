#include "interpreter/lint/stated_label.hpp"

#include <fmt/format.h>
#include <array>
#include <cctype>
#include <cstdint>
#include <optional>

namespace sla {

namespace {

// A label cut into numbers, words and the percent sign. Digits and letters are
// separate tokens, so "216mil" and "17.00hrs" read like "216 mil".
struct Token {
  enum Kind { number, word, percent } kind;
  std::string text;        // words lower-cased
  std::string original;    // as written
  std::int64_t milli = 0;  // for numbers
  std::size_t begin = 0, end = 0;
};

std::vector<Token> tokens_of(std::string_view s) {
  std::vector<Token> out;
  std::size_t i = 0;
  auto alpha = [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; };
  auto digit = [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; };
  while (i < s.size()) {
    const std::size_t start = i;
    if (digit(s[i])) {
      std::int64_t whole = 0, frac = 0, scale = 1000;
      // Past 10^13 a number means nothing in a label: it is read but not kept.
      bool overflow = false;
      auto add_digit = [&](char d) {
        if (whole > 1'000'000'000'000) overflow = true;
        if (!overflow) whole = whole * 10 + (d - '0');
      };
      while (i < s.size() && digit(s[i])) add_digit(s[i++]);
      if (i + 1 < s.size() && (s[i] == '.' || s[i] == ',') && digit(s[i + 1])) {
        // "1,000" is a thousands separator; "1.5" (or "1,5") a fraction.
        const char sep = s[i];
        std::size_t j = i + 1, n = 0;
        while (j < s.size() && digit(s[j])) ++j, ++n;
        if (sep == ',' && n == 3) {
          while (i + 1 < s.size() && s[i] == ',' && digit(s[i + 1])) {
            ++i;
            for (int k = 0; k < 3 && i < s.size() && digit(s[i]); ++k) add_digit(s[i++]);
          }
        } else {
          ++i;
          while (i < s.size() && digit(s[i])) {  // thousandths; further digits are dropped
            scale /= 10;
            frac += (s[i++] - '0') * scale;
          }
        }
      }
      if (!overflow)
        out.push_back({Token::number, std::string(s.substr(start, i - start)),
                       std::string(s.substr(start, i - start)), whole * 1000 + frac, start, i});
    } else if (alpha(s[i])) {
      while (i < s.size() && alpha(s[i])) ++i;
      std::string lower;
      for (char c : s.substr(start, i - start))
        lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
      out.push_back({Token::word, lower, std::string(s.substr(start, i - start)), 0, start, i});
    } else if (s[i] == '%') {
      out.push_back({Token::percent, "%", "%", 0, i, i + 1});
      ++i;
    } else {
      ++i;
    }
  }
  return out;
}

std::optional<std::int64_t> number_word(std::string_view w) {
  static constexpr std::array<std::string_view, 21> words{
      "zero",     "one",     "two",     "three",     "four",     "five",     "six",
      "seven",    "eight",   "nine",    "ten",       "eleven",   "twelve",   "thirteen",
      "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"};
  for (std::size_t i = 0; i < words.size(); ++i)
    if (w == words[i]) return static_cast<std::int64_t>(i) * 1000;
  if (w == "a" || w == "an") return 1000;
  return std::nullopt;
}

std::optional<TimeUnit> unit_word(std::string_view w) {
  if (w == "minute" || w == "minutes" || w == "min" || w == "mins") return TimeUnit::minute;
  if (w == "hour" || w == "hours" || w == "hr" || w == "hrs" || w == "h") return TimeUnit::hour;
  if (w == "day" || w == "days") return TimeUnit::day;
  if (w == "week" || w == "weeks") return TimeUnit::week;
  return std::nullopt;
}

std::optional<std::int64_t> amount_of(const Token& t) {
  if (t.kind == Token::number) return t.milli;
  if (t.kind == Token::word) return number_word(t.text);
  return std::nullopt;
}

}  // namespace

std::vector<StatedDuration> stated_durations(std::string_view label) {
  std::vector<StatedDuration> out;
  const auto tokens = tokens_of(label);
  for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
    // "a" and "an" count only before a unit: "an hour", not "an issue".
    const auto amount = amount_of(tokens[i]);
    if (!amount) continue;
    std::size_t j = i + 1;
    bool business = false;
    if (tokens[j].kind == Token::word &&
        (tokens[j].text == "business" || tokens[j].text == "working")) {
      business = true;
      ++j;
    }
    if (j >= tokens.size() || tokens[j].kind != Token::word) continue;
    const auto unit = unit_word(tokens[j].text);
    if (!unit) continue;
    StatedDuration d;
    d.value.milli = *amount;
    d.value.unit = *unit;
    d.value.business = business;
    d.says_business = business;
    d.words = std::string(label.substr(tokens[i].begin, tokens[j].end - tokens[i].begin));
    out.push_back(std::move(d));
    i = j;
  }
  return out;
}

std::vector<std::int64_t> stated_percents(std::string_view label) {
  std::vector<std::int64_t> out;
  const auto tokens = tokens_of(label);
  for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
    if (tokens[i].kind != Token::number) continue;
    const Token& next = tokens[i + 1];
    if (next.kind == Token::percent || (next.kind == Token::word && next.text == "percent"))
      out.push_back(tokens[i].milli);
  }
  return out;
}

std::vector<StatedMoney> stated_amounts(std::string_view label) {
  std::vector<StatedMoney> out;
  const auto tokens = tokens_of(label);
  for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
    const Token& code = tokens[i];
    const bool is_code = code.kind == Token::word && code.original.size() == 3 &&
                         std::isupper(static_cast<unsigned char>(code.original[0])) &&
                         std::isupper(static_cast<unsigned char>(code.original[1])) &&
                         std::isupper(static_cast<unsigned char>(code.original[2]));
    if (!is_code || tokens[i + 1].kind != Token::number) continue;
    StatedMoney m;
    m.currency = code.original;
    m.milli = tokens[i + 1].milli;
    std::size_t last = i + 1;
    if (i + 2 < tokens.size() && tokens[i + 2].kind == Token::word) {
      const std::string& w = tokens[i + 2].text;
      std::int64_t scale = 0;
      if (w == "k" || w == "thousand" || w == "rb" || w == "ribu") scale = 1'000;
      if (w == "m" || w == "mil" || w == "mio" || w == "mn" || w == "million" || w == "jt" ||
          w == "juta")
        scale = 1'000'000;
      if (w == "b" || w == "bn" || w == "billion" || w == "miliar") scale = 1'000'000'000;
      if (scale && m.milli <= INT64_MAX / scale) {
        m.milli *= scale;
        last = i + 2;
      }
    }
    m.words = std::string(label.substr(code.begin, tokens[last].end - code.begin));
    out.push_back(std::move(m));
    i = last;
  }
  return out;
}

}  // namespace sla
