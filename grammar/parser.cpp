// The parser's actions and error handling. Value rules leave typed tokens on a
// stack; a statement's action takes the tokens as its node's arguments; a block
// opens a node that its statements fill. Errors are recorded with their position
// and the parse resumes at the next statement (see grammar::recover).
#include "grammar/parser.hpp"

#include <fmt/format.h>
#include <charconv>

#include "grammar/codes.hpp"
#include "grammar/grammar.hpp"
#include "grammar/suggest.hpp"

namespace sla {

namespace {

namespace pegtl = tao::pegtl;
namespace g = grammar;

struct TooManyErrors {};

// ------------------------------------------------------------ error messages

// What a required rule is, for "expected ..." messages. Keywords say themselves.
template <typename Rule>
constexpr std::string_view expected = "something else";

template <>
constexpr std::string_view expected<g::text> = "a string in double quotes";
template <>
constexpr std::string_view expected<g::label_text> = "a string in double quotes";
template <>
constexpr std::string_view expected<g::string_end> =
    "'\"' to end the string before the end of the line (a string holds no line breaks or "
    "control characters; write \\n or \\t)";
template <>
constexpr std::string_view expected<g::label_close> = "')' to close the label";
template <>
constexpr std::string_view expected<g::translates_to> =
    "'=' and then the text in the translation's language";
template <>
constexpr std::string_view expected<g::ident> = "a name (letters, digits, '_')";
template <>
constexpr std::string_view expected<g::ident_list> = "a name, or names separated by ','";
template <>
constexpr std::string_view expected<g::text_list> =
    "a string in double quotes, or strings separated by ','";
template <>
constexpr std::string_view expected<g::number> = "a number";
template <>
constexpr std::string_view expected<g::year> = "a year such as 2027";
template <>
constexpr std::string_view expected<g::date> = "a date written YYYY-MM-DD";
template <>
constexpr std::string_view expected<g::date_time> =
    "a local date and time such as 2026-01-09 16:30";
template <>
constexpr std::string_view expected<g::clock_end> = "a time of day such as 17:00";
template <>
constexpr std::string_view expected<g::time_ranges> =
    "opening hours such as 09:00-17:00 (several separated by ',')";
template <>
constexpr std::string_view expected<g::day_range_end> =
    "a weekday: Mon, Tue, Wed, Thu, Fri, Sat or Sun";
template <>
constexpr std::string_view expected<g::duration> =
    "a duration with its unit, such as '4 business hours' or '8 hours'";
template <>
constexpr std::string_view expected<g::business_unit> =
    "a unit after the number: minutes, hours, days or weeks, or 'business' or 'calendar' "
    "hours/days";
template <>
constexpr std::string_view expected<g::percent> = "a percentage such as 99 %";
template <>
constexpr std::string_view expected<g::percent_sign> = "'%' after the number";
template <>
constexpr std::string_view expected<g::money> =
    "a price: currency code then amount, such as IDR 216 million";
template <>
constexpr std::string_view expected<g::money_amount> =
    "an amount after the currency, such as 216 million";
template <>
constexpr std::string_view expected<g::ungrouped> =
    "an amount without digit grouping or a decimal comma (24000, 24 thousand, 24.50)";
template <>
constexpr std::string_view expected<g::zone_value> =
    "a time zone: an IANA name in quotes (\"Asia/Jakarta\") or a UTC offset (UTC+07:00)";
template <>
constexpr std::string_view expected<g::open_what> =
    "'always', 'on holidays', or weekdays and hours such as Mon-Fri 09:00-17:00";
template <>
constexpr std::string_view expected<g::closed_what> =
    "'holidays' and a holiday set name, or a date (YYYY-MM-DD)";
template <>
constexpr std::string_view expected<g::business_day_length> =
    "'day is', as in: business day is 8 hours";
template <>
constexpr std::string_view expected<g::review_cycle> =
    "'annually', 'quarterly', 'monthly' or 'every N months'";
template <>
constexpr std::string_view expected<g::target_rest> =
    "a priority name or 'all', then 'within' and a duration (or 'by 12:00 next business day')";
template <>
constexpr std::string_view expected<g::target_length> =
    "'within' and a duration, or 'by' and a deadline (by 12:00 next business day)";
template <>
constexpr std::string_view expected<g::update_rest> =
    "a priority name or 'all', then 'every' and a duration: update P1 every 1 hour";
template <>
constexpr std::string_view expected<g::restore_rest> =
    "a priority name or 'all', then 'within' and a duration: restore P1 within 4 hours";
template <>
constexpr std::string_view expected<g::next_business_day> = "'next business day'";
template <>
constexpr std::string_view expected<g::deadline_when> =
    "a time of day (12:00) or 'end of', then 'next business day'";
template <>
constexpr std::string_view expected<g::breached_kind> =
    "what was breached: response, resolution, update or restoration";
template <>
constexpr std::string_view expected<g::ticket_credit_rest> =
    "'per breached', a priority (or none for every priority), then response, resolution, update "
    "or restoration: credit 5 % per breached P1 response";
template <>
constexpr std::string_view expected<g::warn_rest> =
    "'at' and percentages of a target's time: warn at 50 %, 75 %";
template <>
constexpr std::string_view expected<g::warn_shares> =
    "percentages of a target's time, separated by ',': warn at 50 %, 75 %";
template <>
constexpr std::string_view expected<g::credit_cap_rest> =
    "'at most', a percentage, then 'per month': credits at most 25 % per month";
template <>
constexpr std::string_view expected<g::band_condition> =
    "'no response' or 'not resolved' after 'when'";
template <>
constexpr std::string_view expected<g::sold_how> = "'included in \"...\"' or 'separately'";
template <>
constexpr std::string_view expected<g::clock_start> = "'at creation' or 'at next opening'";
template <>
constexpr std::string_view expected<g::clock_verb> =
    "'starts at ...' or 'pauses on status \"...\"' after 'clock'";
template <>
constexpr std::string_view expected<g::price_period_unit> = "'year' or 'month' after 'per'";
template <>
constexpr std::string_view expected<g::excluded_cause> =
    "what is excluded: scheduled maintenance, third party, force majeure or other";
template <>
constexpr std::string_view expected<g::excluded_time_rule> =
    "'counts as available' or 'is removed from the period' after 'excluded time'";
template <>
constexpr std::string_view expected<g::measurement_period> = "'monthly', 'quarterly' or 'yearly'";
template <>
constexpr std::string_view expected<g::expectation> =
    "'response', 'resolution', 'update' or 'restoration' (due, met, breached, pending), or "
    "'escalation to'";
template <>
constexpr std::string_view expected<g::lbrace> = "'{' to open the block";
template <>
constexpr std::string_view expected<g::rbrace> = "'}' to close the block";

template <typename Rule>
std::string expected_text() {
  if constexpr (requires { Rule::text; }) {
    return fmt::format("'{}'", Rule::text);
  } else {
    return std::string(expected<Rule>);
  }
}

// What stands at `p`, quoted for a message: a word, a string, a character, or
// the end of the line or file.
std::string found_at(const char* p, const char* end) {
  if (p >= end) return "the end of the file";
  if (*p == '\n' || *p == '\r') return "the end of the line";
  if (const auto c = static_cast<unsigned char>(*p); c < 0x20 || c == 0x7F)
    return fmt::format("a control character (U+{:04X})", c);
  const char* q = p;
  while (q < end && q - p < 40 && g::is_word_char(*q)) ++q;
  if (q == p) {
    // One UTF-8 character.
    q = p + 1;
    while (q < end && (static_cast<unsigned char>(*q) & 0xC0) == 0x80) ++q;
  }
  return fmt::format("'{}'",
                     escape_invisible(std::string_view(p, static_cast<std::size_t>(q - p))));
}

std::string_view word_at(const char* p, const char* end) {
  const char* q = p;
  while (q < end && q - p < 64 && g::is_word_char(*q)) ++q;
  return {p, static_cast<std::size_t>(q - p)};
}

// ------------------------------------------------------------ near misses

bool parse_milli(std::string_view s, std::int64_t& out);

// A number kept in thousandths, as written in a contract: 1500 -> "1.5".
std::string milli_text(std::int64_t milli) {
  std::string s = fmt::format("{}", milli / 1000);
  if (milli % 1000 == 0) return s;
  s += fmt::format(".{:03}", milli % 1000);
  while (s.back() == '0') s.pop_back();
  return s;
}

// A number as written just before `at` (blanks between allowed): "15" in "15 min".
std::string_view number_before(const char* base, const char* at) {
  const char* q = at;
  while (q > base && (q[-1] == ' ' || q[-1] == '\t')) --q;
  const char* p = q;
  while (p > base && q - p < 20 && ((p[-1] >= '0' && p[-1] <= '9') || p[-1] == '.')) --p;
  return {p, static_cast<std::size_t>(q - p)};
}

// The digits of a decimal comma or digit group at `at` (",5" in "1,5 hours").
std::string_view digits_after_comma(const char* at, const char* end) {
  if (at >= end || (*at != ',' && *at != '\'')) return {};
  const char* q = at + 1;
  while (q < end && q - at < 20 && *q >= '0' && *q <= '9') ++q;
  return {at + 1, static_cast<std::size_t>(q - at - 1)};
}

const char* skip_blanks(const char* p, const char* end) {
  while (p < end && (*p == ' ' || *p == '\t')) ++p;
  return p;
}

// The unit a near miss stands for ("min" -> "minute"), or "" when it is none.
std::string_view unit_meant(std::string_view word) {
  std::string lower(word);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  static constexpr std::pair<std::string_view, std::string_view> aliases[] = {
      {"m", "minute"},      {"min", "minute"},     {"mins", "minute"},   {"mn", "minute"},
      {"minute", "minute"}, {"minutes", "minute"}, {"h", "hour"},        {"hr", "hour"},
      {"hrs", "hour"},      {"hour", "hour"},      {"hours", "hour"},    {"d", "day"},
      {"day", "day"},       {"days", "day"},       {"w", "week"},        {"wk", "week"},
      {"wks", "week"},      {"week", "week"},      {"weeks", "week"},    {"s", "second"},
      {"sec", "second"},    {"secs", "second"},    {"second", "second"}, {"seconds", "second"}};
  for (const auto& [alias, unit] : aliases)
    if (lower == alias) return unit;
  static constexpr std::string_view units[] = {"minutes", "hours", "days", "weeks", "seconds"};
  if (auto near = closest(lower, units))
    for (const auto& [alias, unit] : aliases)
      if (alias == *near) return unit;
  return {};
}

// "15 min": did you mean '15 minutes'? "1,5 hours": '1.5 hours'. "30 secs": the
// language has no seconds; written in minutes when that is exact.
std::string duration_hint(const char* base, const char* at, const char* end) {
  // After "4 business", the error is at the unit itself.
  std::string business;
  const char* before = at;
  while (before > base && (before[-1] == ' ' || before[-1] == '\t')) --before;
  if (before - base >= 8 && std::string_view(before - 8, 8) == "business") {
    business = "business ";
    before -= 8;
  } else {
    before = at;
  }
  std::string number(number_before(base, before));
  if (number.empty()) return {};
  const char* p = at;
  if (const auto fraction = digits_after_comma(p, end); !fraction.empty() && *p == ',') {
    number += "." + std::string(fraction);
    p = skip_blanks(p + 1 + fraction.size(), end);
  }
  if (business.empty() && word_at(p, end) == "business") {
    business = "business ";
    p = skip_blanks(p + 8, end);
  }
  const std::string_view word = word_at(p, end);
  std::string_view unit = unit_meant(word);
  if (unit.empty() && p == at) return {};  // nothing recognisable: the message says it all
  if (unit.empty()) return fmt::format("write {} (a decimal point, not a comma)", number);
  const std::string_view plural = number == "1" ? "" : "s";
  if (unit == "second") {
    // Seconds as minutes, when thousandths of a minute say it exactly (multiples of 3 s).
    std::int64_t milli = 0;
    if (parse_milli(number, milli) && milli % 60 == 0 && milli > 0)
      return fmt::format("there is no unit of seconds: did you mean '{} {}minute{}'?",
                         milli_text(milli / 60), business, milli == 60'000 ? "" : "s");
    return "there is no unit of seconds: write minutes or longer units";
  }
  return fmt::format("did you mean '{} {}{}{}'?", number, business, unit, plural);
}

// ------------------------------------------------------------------- state

// "99,9 %": did you mean '99.9 %'? "99 percent": '99 %'.
std::string percent_hint(const char* base, const char* at, const char* end) {
  const std::string_view number = number_before(base, at);
  if (number.empty()) return {};
  if (const auto fraction = digits_after_comma(at, end); !fraction.empty() && *at == ',')
    return fmt::format("did you mean '{}.{} %'? (a decimal point, not a comma)", number, fraction);
  const std::string_view word = word_at(at, end);
  if (iequals(word, "percent") || iequals(word, "pct") || iequals(word, "per"))
    return fmt::format("did you mean '{} %'?", number);
  return {};
}

// "24,000": write 24000 or 24 thousand. "24,5": a decimal comma, write 24.5.
std::string grouping_hint(const char* base, const char* at, const char* end) {
  const std::string_view number = number_before(base, at);
  const std::string_view group = digits_after_comma(at, end);
  if (number.empty() || group.empty()) return {};
  if (group.size() != 3 || number.find('.') != std::string_view::npos)
    return fmt::format("write {}.{} (a decimal point, not a comma)", number, group);
  std::int64_t milli = 0;
  if (!parse_milli(fmt::format("{}.{}", number, group), milli)) return {};
  return fmt::format("write {}{} or {} thousand", number, group, milli_text(milli));
}

class State {
 public:
  State(const SourceFile& source, std::uint32_t file_id, const char* base,
        const ParseLimits& limits, std::vector<Diagnostic>& diagnostics)
      : source_(source),
        file_id_(file_id),
        base_(base),
        limits_(limits),
        diagnostics_(diagnostics) {
    nodes_.emplace_back();  // the file's root
  }

  Span span(const char* begin, const char* end) const {
    return {file_id_, static_cast<std::uint32_t>(begin - base_),
            static_cast<std::uint32_t>(end - base_)};
  }

  void push(ast::Value value) { tokens_.push_back(std::move(value)); }

  std::optional<ast::Duration> last_duration() const {
    if (tokens_.empty()) return std::nullopt;
    if (const auto* d = std::get_if<ast::Duration>(&tokens_.back())) return *d;
    return std::nullopt;
  }

  void comment(const char* begin, const char* end) {
    const Span s = span(begin, end);
    // Backtracking may match a comment twice; keep the first.
    if (!comments_.empty() && comments_.back().span.begin >= s.begin) return;
    std::string text(begin + 1, end);
    if (!text.empty() && text.back() == '\r') text.pop_back();
    comments_.push_back({std::move(text), s});
  }

  void open(ast::Kind kind, const char* at) {
    count_statement(at);
    ast::Node node;
    node.kind = kind;
    node.span = span(at, at);
    if (!tokens_.empty())
      node.span.begin = std::visit([](auto& v) { return v.span.begin; }, tokens_.front());
    // nodes_ holds the file's root and the blocks open around this one.
    if (nodes_.size() > limits_.max_nesting) {
      // The head's first token, or its keyword ("escalation") just before `at`.
      Span head = node.span;
      if (tokens_.empty()) {
        const char* word = at;
        while (word > base_ && g::is_word_char(word[-1])) --word;
        head.begin = span(word, at).begin;
      }
      error(Code::nesting_too_deep, head,
            fmt::format("{} block nested {} deep (the limit is {})", ast::name(kind), nodes_.size(),
                        limits_.max_nesting),
            fmt::format("the program that loads this contract allows blocks {} deep "
                        "(Limits::max_nesting)",
                        limits_.max_nesting));
    }
    node.args = std::move(tokens_);
    tokens_.clear();
    nodes_.push_back(std::move(node));
  }

  void close(const char* begin, const char* end) {
    ast::Node node = std::move(nodes_.back());
    nodes_.pop_back();
    node.span = span(begin, end);
    nodes_.back().children.push_back(std::move(node));
  }

  void statement(ast::Kind kind, const char* begin, const char* end) {
    count_statement(begin);
    ast::Node node;
    node.kind = kind;
    // The statement ends with its last token, not with the blanks and comments after it.
    node.span = span(begin, begin);
    for (const auto& token : tokens_)
      node.span.end =
          std::max(node.span.end, std::visit([](auto& v) { return v.span.end; }, token));
    if (tokens_.empty()) {
      while (end > begin &&
             (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\n' || end[-1] == '\r'))
        --end;
      node.span.end = span(begin, end).end;
    }
    node.args = std::move(tokens_);
    tokens_.clear();
    nodes_.back().children.push_back(std::move(node));
  }

  void error(Code code, Span at, std::string message, std::string hint = {}) {
    if (errors_ >= limits_.max_errors) {
      diagnostics_.push_back(
          make_diagnostic(Code::too_many_errors, source_.locate(at.begin, at.end),
                          fmt::format("too many errors; stopped after {}", limits_.max_errors)));
      throw TooManyErrors{};
    }
    ++errors_;
    diagnostics_.push_back(make_diagnostic(code, source_.locate(at.begin, at.end),
                                           std::move(message), std::move(hint)));
  }

  // A required rule failed at `at`: say what was expected and what was found.
  template <typename Rule>
  void syntax_error(const char* at, const char* end) {
    std::string hint;
    if constexpr (requires { Rule::text; }) {
      const std::string_view found = word_at(at, end);
      const std::array<std::string_view, 1> keyword{Rule::text};
      if (auto near = closest(found, keyword)) hint = fmt::format("did you mean '{}'?", *near);
    }
    if constexpr (requires { Rule::keywords; }) {
      if (auto near = closest(word_at(at, end), std::span<const std::string_view>(Rule::keywords)))
        hint = fmt::format("did you mean '{}'?", *near);
    }
    // Near misses of a value's unit or punctuation: "15 min", "99,9 %", "EUR 24,000".
    if constexpr (std::is_same_v<Rule, g::business_unit>) hint = duration_hint(base_, at, end);
    if constexpr (std::is_same_v<Rule, g::percent_sign>) hint = percent_hint(base_, at, end);
    if constexpr (std::is_same_v<Rule, g::ungrouped>) hint = grouping_hint(base_, at, end);
    const char* stop = at;
    while (stop < end && stop - at < 64 && g::is_word_char(*stop)) ++stop;
    pending_ = true;
    pending_at_ = at;
    // One missing '}' at the end of the file closes every open block: say it once.
    if constexpr (std::is_same_v<Rule, g::rbrace>) {
      if (!diagnostics_.empty() && diagnostics_.back().location.offset == span(at, at).begin &&
          diagnostics_.back().message.starts_with("expected '}'") && nodes_.size() > 1) {
        diagnostics_.back().notes.push_back(
            {source_.locate(nodes_.back().span.begin, nodes_.back().span.begin),
             fmt::format("the {} block that is not closed starts here",
                         ast::name(nodes_.back().kind))});
        return;
      }
    }
    error(Code::syntax, span(at, stop),
          fmt::format("expected {}, found {}", expected_text<Rule>(), found_at(at, end)),
          std::move(hint));
    if constexpr (std::is_same_v<Rule, g::rbrace>) {
      if (nodes_.size() > 1) {
        diagnostics_.back().notes.push_back(
            {source_.locate(nodes_.back().span.begin, nodes_.back().span.begin),
             fmt::format("the {} block that is not closed starts here",
                         ast::name(nodes_.back().kind))});
      }
    }
    pending_ = true;
    pending_at_ = at;
  }

  // Skips what did not parse (see grammar::recover); returns the bytes skipped.
  template <typename Statements>
  std::size_t recover(const char* at, const char* end, std::size_t depth) {
    if (at >= end) return 0;
    const char* error_at = pending_ ? std::max(pending_at_, at) : at;
    if (!pending_) unknown_statement<Statements>(at, end);
    pending_ = false;
    tokens_.clear();
    nodes_.resize(depth);

    // To the end of the error's line, and on while a '{' opened in the skipped
    // text is still open; stop before a '}' that closes the enclosing block.
    const char* p = at;
    long braces = 0;
    while (p < end) {
      const char c = *p;
      if ((c == '\n' || c == '\r') && p >= error_at && braces <= 0) {
        ++p;
        break;
      }
      if (c == '"') {
        ++p;
        while (p < end && *p != '"' && *p != '\n' && *p != '\r')
          p += (*p == '\\' && p + 1 < end) ? 2 : 1;
        if (p < end && *p == '"') ++p;
        continue;
      }
      if (c == '#') {
        while (p < end && *p != '\n' && *p != '\r') ++p;
        continue;
      }
      if (c == '{') ++braces;
      if (c == '}') {
        if (braces == 0 && depth > 1 && p > at) break;
        --braces;
      }
      ++p;
    }
    if (p == at) ++p;
    return static_cast<std::size_t>(p - at);
  }

  ast::File finish() {
    ast::File file;
    nodes_.resize(1);
    file.root = std::move(nodes_.front());
    file.root.span = span(base_, base_ + source_.text().size());
    file.comments = std::move(comments_);
    return file;
  }

 private:
  template <typename Statements>
  void unknown_statement(const char* at, const char* end) {
    const std::string_view word = word_at(at, end);
    const char* stop = at + std::max<std::size_t>(word.size(), 1);
    std::string expected_words;
    for (const auto w : Statements::words)
      expected_words += fmt::format("{}{}", expected_words.empty() ? "" : ", ", w);
    std::string message =
        Statements::words.empty()
            ? fmt::format("expected {}, found {}", Statements::expected, found_at(at, end))
            : fmt::format("expected {} ({}), found {}", Statements::expected, expected_words,
                          found_at(at, end));
    std::string hint;
    if (auto near = closest(word, Statements::words))
      hint = fmt::format("did you mean '{}'?", *near);
    error(Code::unknown_statement, span(at, std::min(stop, end)), std::move(message),
          std::move(hint));
  }

  void count_statement(const char* at) {
    if (++statements_ <= limits_.max_statements) return;
    const Span here = span(at, at);
    diagnostics_.push_back(make_diagnostic(
        Code::too_many_items, source_.locate(here.begin, here.end),
        fmt::format("too many statements in one file (the limit is {})", limits_.max_statements)));
    throw TooManyErrors{};
  }

  const SourceFile& source_;
  std::uint32_t file_id_;
  const char* base_;
  const ParseLimits& limits_;
  std::vector<Diagnostic>& diagnostics_;
  std::vector<ast::Value> tokens_;
  std::vector<ast::Node> nodes_;
  std::vector<ast::Comment> comments_;
  std::size_t errors_ = 0;
  std::size_t statements_ = 0;
  bool pending_ = false;
  const char* pending_at_ = nullptr;
};

template <typename Rule>
struct control : pegtl::normal<Rule> {
  template <typename ParseInput>
  [[noreturn]] static void raise(const ParseInput& in, State& state) {
    state.syntax_error<Rule>(in.current(), in.end());
    throw pegtl::parse_error("syntax error", in);
  }
};

// ------------------------------------------------------------ value parsing

// "12.5" -> 12500; fraction digits past the third are an error.
bool parse_milli(std::string_view s, std::int64_t& out) {
  std::int64_t whole = 0, frac = 0;
  const auto dot = s.find('.');
  const std::string_view int_part = s.substr(0, dot);
  if (int_part.size() > 12) return false;
  std::from_chars(int_part.data(), int_part.data() + int_part.size(), whole);
  if (dot != std::string_view::npos) {
    std::string_view f = s.substr(dot + 1);
    if (f.size() > 3) return false;
    std::from_chars(f.data(), f.data() + f.size(), frac);
    for (std::size_t i = f.size(); i < 3; ++i) frac *= 10;
  }
  out = whole * 1000 + frac;
  return true;
}

std::string_view leading_number(std::string_view s) {
  std::size_t n = 0;
  while (n < s.size() && ((s[n] >= '0' && s[n] <= '9') || s[n] == '.')) ++n;
  return s.substr(0, n);
}

// The grammar's white space (PEGTL's `space`).
bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

int to_int(std::string_view s) {
  int v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

std::string unescape(std::string_view quoted) {
  std::string out;
  out.reserve(quoted.size());
  for (std::size_t i = 1; i + 1 < quoted.size(); ++i) {
    char c = quoted[i];
    if (c == '\\' && i + 2 < quoted.size()) {
      c = quoted[++i];
      if (c == 'n') c = '\n';
      if (c == 't') c = '\t';
    }
    out.push_back(c);
  }
  return out;
}

// A value's text without the comments its inner white space may hold, as in
// "IDR # list price\n 216 million": each comment is dropped up to its line break.
// Strings are kept whole, '#' and all.
std::string without_comments(std::string_view s) {
  if (s.find('#') == std::string_view::npos) return std::string(s);
  std::string out;
  out.reserve(s.size());
  bool in_string = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (in_string) {
      out.push_back(c);
      if (c == '\\' && i + 1 < s.size())
        out.push_back(s[++i]);
      else if (c == '"')
        in_string = false;
    } else if (c == '#') {
      while (i + 1 < s.size() && s[i + 1] != '\n' && s[i + 1] != '\r') ++i;
    } else {
      in_string = c == '"';
      out.push_back(c);
    }
  }
  return out;
}

// The calendar validity of dates and times is checked here, where the text is:
// a 2026-02-30 is a syntax-level mistake with an exact position.
bool valid_date(int y, int m, int d) {
  static constexpr int days_in[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1900 || y > 2400 || m < 1 || m > 12 || d < 1) return false;
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return d <= days_in[m - 1] + (m == 2 && leap ? 1 : 0);
}

ast::Date read_date(std::string_view s, Span span, State& state) {
  ast::Date date{to_int(s.substr(0, 4)), to_int(s.substr(5, 2)), to_int(s.substr(8, 2)), span};
  if (!valid_date(date.year, date.month, date.day))
    state.error(Code::out_of_range, span,
                fmt::format("{} is not a date (years 1900 to 2400, months 01-12, days that exist)",
                            s.substr(0, 10)));
  return date;
}

ast::ClockTime read_clock(std::string_view s, Span span, State& state) {
  const auto colon = s.find(':');
  const int h = to_int(s.substr(0, colon)), m = to_int(s.substr(colon + 1, 2));
  if (h > 24 || m > 59 || (h == 24 && m != 0))
    state.error(Code::out_of_range, span,
                fmt::format("{} is not a time of day (00:00 to 24:00)", s));
  return {h * 60 + m, span};
}

int weekday_index(std::string_view name) {
  static constexpr std::string_view names[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  for (int i = 0; i < 7; ++i)
    if (names[i] == name) return i;
  return 0;
}

// ----------------------------------------------------------------- actions

template <typename Rule>
struct action : pegtl::nothing<Rule> {};

template <>
struct action<g::comment> {
  template <typename Input>
  static void apply(const Input& in, State& state) {
    state.comment(in.begin(), in.end());
  }
};

template <>
struct action<g::text> {
  template <typename Input>
  static void apply(const Input& in, State& state) {
    state.push(ast::Text{unescape(in.string_view()), state.span(in.begin(), in.end())});
  }
};

template <>
struct action<g::label> {
  template <typename Input>
  static void apply(const Input& in, State& state) {
    const std::string text = without_comments(in.string_view());
    std::string_view s = text;
    s = trim(s.substr(1, s.size() - 2));  // inside the parentheses
    state.push(ast::Label{unescape(s), state.span(in.begin(), in.end())});
  }
};

template <>
struct action<g::ident> {
  template <typename Input>
  static void apply(const Input& in, State& state) {
    state.push(ast::Ident{in.string(), state.span(in.begin(), in.end())});
  }
};

template <typename Rule>
requires requires {
  Rule::word;
}
struct action<Rule> {
  template <typename Input>
  static void apply(const Input& in, State& state) {
    state.push(ast::Word{std::string(Rule::word), state.span(in.begin(), in.end())});
  }
};

template <typename Input>
void push_number(const Input& in, State& state) {
  const Span span = state.span(in.begin(), in.end());
  std::int64_t milli = 0;
  if (!parse_milli(in.string_view(), milli))
    state.error(Code::out_of_range, span,
                "number too long (at most 12 digits, and 3 after the decimal point)");
  state.push(ast::Number{milli, span});
}

template <>
struct action<g::number> {
  template <typename Input>
  static void apply(const Input& in, State& state) {
    push_number(in, state);
  }
};

template <>
struct action<g::year> {
  template <typename Input>
  static void apply(const Input& in, State& state) {
    push_number(in, state);
  }
};

template <>
struct action<g::duration> {
  template <typename Input>
  static void apply(const Input& in, State& state) {
    const std::string text = without_comments(in.string_view());
    const std::string_view s = text;
    const Span span = state.span(in.begin(), in.end());
    ast::Duration d;
    d.span = span;
    const std::string_view amount = leading_number(s);
    if (!parse_milli(amount, d.milli))
      state.error(Code::out_of_range, span,
                  "duration too long or too precise (at most 12 digits, and 3 after the decimal "
                  "point)");
    std::string_view rest = trim(s.substr(amount.size()));
    if (rest.starts_with("business")) {
      d.business = true;
      rest = trim(rest.substr(8));
    } else if (rest.starts_with("calendar")) {
      d.calendar = true;
      rest = trim(rest.substr(8));
    }
    if (rest.starts_with("minute"))
      d.unit = ast::TimeUnit::minute;
    else if (rest.starts_with("hour"))
      d.unit = ast::TimeUnit::hour;
    else if (rest.starts_with("day"))
      d.unit = ast::TimeUnit::day;
    else
      d.unit = ast::TimeUnit::week;
    // A century bounds every duration, so that seconds never overflow downstream.
    static constexpr std::int64_t unit_seconds[] = {60, 3600, 86400, 604800};
    constexpr std::int64_t century = 3'155'760'000;  // 100 years of 365.25 days, in seconds
    if (d.milli > century * 1000 / unit_seconds[static_cast<int>(d.unit)]) {
      state.error(Code::out_of_range, span, "duration too long: the longest is 100 years");
    } else if (const std::int64_t milliseconds = d.milli * unit_seconds[static_cast<int>(d.unit)];
               milliseconds % 1000 != 0 && !(d.business && d.unit == ast::TimeUnit::day)) {
      // Deadlines are kept in whole seconds: a fraction of one would be dropped
      // without a word. (Business days depend on the calendar; the checker sees them.)
      const std::int64_t rounded = std::max<std::int64_t>(3, (milliseconds + 1500) / 3000 * 3);
      state.error(Code::out_of_range, span,
                  fmt::format("{} {} is {} seconds: durations are whole seconds", amount,
                              trim(s.substr(amount.size())), milli_text(milliseconds)),
                  fmt::format("round it to whole seconds, such as {} minutes ({} seconds)",
                              milli_text(rounded * 1000 / 60), rounded));
    }
    if (d.business && d.unit == ast::TimeUnit::week)
      state.error(Code::wrong_unit, span, "a business week is not defined; write business days",
                  "for example: 5 business days");
    state.push(d);
  }
};

template <>
struct action<g::percent> {
  template <typename Input>
  static void apply(const Input& in, State& state) {
    const Span span = state.span(in.begin(), in.end());
    ast::Percent p{0, span};
    if (!parse_milli(leading_number(in.string_view()), p.milli) || p.milli > 100'000)
      state.error(Code::out_of_range, span, "a percentage must be between 0 % and 100 %");
    state.push(p);
  }
};

// ISO 4217 currencies with three minor digits: for them "KWD 1.250" is plain.
bool has_three_decimals(std::string_view currency) {
  static constexpr std::string_view codes[] = {"BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"};
  return std::find(std::begin(codes), std::end(codes), currency) != std::end(codes);
}

template <>
struct action<g::money> {
  template <typename Input>
  static void apply(const Input& in, State& state) {
    const std::string text = without_comments(in.string_view());
    const std::string_view s = text;
    const Span span = state.span(in.begin(), in.end());
    ast::Money m{std::string(s.substr(0, 3)), 0, span};
    const std::string_view rest = trim(s.substr(3));
    const std::string_view amount = leading_number(rest);
    const std::string_view scale = trim(rest.substr(amount.size()));
    std::int64_t factor = 1;
    if (scale == "thousand") factor = 1'000;
    if (scale == "million") factor = 1'000'000;
    if (scale == "billion") factor = 1'000'000'000;
    if (!parse_milli(amount, m.milli) || m.milli > INT64_MAX / factor) {
      state.error(Code::out_of_range, span, "amount too large");
      m.milli = 0;
    }
    // "EUR 24.000": 24, or a German author's 24 thousand? Three digits after the
    // point read both ways, except in the currencies that have three decimals.
    if (const auto dot = amount.find('.'); dot != std::string_view::npos &&
                                           amount.size() - dot - 1 == 3 &&
                                           !has_three_decimals(m.currency)) {
      const std::string_view whole = amount.substr(0, dot), part = amount.substr(dot + 1);
      const std::string plain = milli_text(m.milli);  // read with three decimals
      const std::string grouped = fmt::format("{}{}", whole, part);
      std::string hint =
          scale.empty()
              ? fmt::format("write {} or {} thousand; or, for {}, write {}", grouped, plain, plain,
                            plain.find('.') == std::string::npos ? plain + ".00" : plain)
              : fmt::format("write {} {} or {} {}", grouped, scale, plain, scale);
      state.error(Code::ambiguous_amount, span,
                  fmt::format("amount '{}' is ambiguous: {} with three decimals, or {} with a '.' "
                              "between the thousands",
                              amount, plain, grouped),
                  std::move(hint));
    }
    m.milli *= factor;
    state.push(m);
  }
};

template <>
struct action<g::date> {
  template <typename Input>
  static void apply(const Input& in, State& state) {
    state.push(read_date(in.string_view(), state.span(in.begin(), in.end()), state));
  }
};

template <>
struct action<g::time_range> {
  template <typename Input>
  static void apply(const Input& in, State& state) {
    const std::string text = without_comments(in.string_view());
    const std::string_view s = text;
    const auto dash = s.find('-');
    const Span span = state.span(in.begin(), in.end());
    ast::TimeRange r{read_clock(trim(s.substr(0, dash)), span, state),
                     read_clock(trim(s.substr(dash + 1)), span, state), span};
    state.push(r);
  }
};

template <>
struct action<g::deadline_clock> {
  template <typename Input>
  static void apply(const Input& in, State& state) {
    const Span span = state.span(in.begin(), in.end());
    state.push(read_clock(in.string_view(), span, state));
  }
};

template <>
struct action<g::date_time> {
  template <typename Input>
  static void apply(const Input& in, State& state) {
    const std::string_view s = in.string_view();
    const Span span = state.span(in.begin(), in.end());
    state.push(ast::DateTime{read_date(s.substr(0, 10), span, state),
                             read_clock(trim(s.substr(10)), span, state), span});
  }
};

template <>
struct action<g::days> {
  template <typename Input>
  static void apply(const Input& in, State& state) {
    const std::string text = without_comments(in.string_view());
    const std::string_view s = text;
    ast::Days days{0, state.span(in.begin(), in.end())};
    if (s == "daily") {
      days.mask = 0x7F;
    } else {
      // Walk "Mon-Fri, Sun": each name, and a range when a '-' follows it.
      int pending_from = -1;
      for (std::size_t i = 0; i + 3 <= s.size();) {
        if (s[i] == '-') {
          ++i;
          continue;
        }
        if (!g::is_word_char(s[i])) {
          ++i;
          continue;
        }
        const int day = weekday_index(s.substr(i, 3));
        i += 3;
        std::size_t j = i;
        while (j < s.size() && is_space(s[j])) ++j;  // "Mon\n  - Fri" is a range too
        if (pending_from >= 0) {
          for (int d = pending_from;; d = (d + 1) % 7) {
            days.mask |= static_cast<std::uint8_t>(1u << d);
            if (d == day) break;
          }
          pending_from = -1;
        } else if (j < s.size() && s[j] == '-') {
          pending_from = day;
        } else {
          days.mask |= static_cast<std::uint8_t>(1u << day);
        }
      }
    }
    state.push(days);
  }
};

template <>
struct action<g::zone_offset> {
  template <typename Input>
  static void apply(const Input& in, State& state) {
    state.push(ast::Word{in.string(), state.span(in.begin(), in.end())});
  }
};

template <ast::Kind K>
struct action<g::open_node<K>> {
  template <typename Input>
  static void apply(const Input& in, State& state) {
    state.open(K, in.begin());
  }
};

template <ast::Kind K, typename Rule>
struct action<g::stmt<K, Rule>> {
  template <typename Input>
  static void apply(const Input& in, State& state) {
    if constexpr (requires { Rule::is_block; }) {
      state.close(in.begin(), in.end());
    } else {
      state.statement(K, in.begin(), in.end());
    }
  }
};

// ------------------------------------------------------------- file checks

// Where a bidirectional control stands, for its message: the scan follows strings
// and comments as the grammar does (both end at the end of the line).
enum class Context { code, string, comment };

std::string bidi_message(char32_t cp, Context where) {
  static constexpr std::string_view places[] = {"", " in a string", " in a comment"};
  return fmt::format(
      "bidirectional control character U+{:04X} ({}){}: it can make the text display in another "
      "order than it is read (\"Trojan Source\", CVE-2021-42574)",
      static_cast<std::uint32_t>(cp), bidi_control_name(cp), places[static_cast<int>(where)]);
}

// Reports the first byte that is not UTF-8 text (or is a NUL), and returns false;
// reports each bidirectional control (up to the error limit) and goes on.
bool check_encoding(const SourceFile& source, const ParseLimits& limits,
                    std::vector<Diagnostic>& out) {
  const std::string& s = source.text();
  std::size_t i = 0;
  Context where = Context::code;
  std::size_t controls = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == '\n' || c == '\r') {
      where = Context::code;
    } else if (where == Context::code && c == '#') {
      where = Context::comment;
    } else if (where == Context::code && c == '"') {
      where = Context::string;
    } else if (where == Context::string && c == '"') {
      where = Context::code;
    } else if (where == Context::string && c == '\\' && i + 1 < s.size() &&
               (s[i + 1] == '"' || s[i + 1] == '\\')) {
      i += 2;
      continue;
    }
    std::size_t len = 0;
    std::uint32_t cp = 0;
    if (c == 0) {
      len = 0;
    } else if (c < 0x80) {
      ++i;
      continue;
    } else if ((c & 0xE0) == 0xC0) {
      len = 2;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4;
      cp = c & 0x07;
    }
    bool ok = len > 0 && i + len <= s.size();
    for (std::size_t k = 1; ok && k < len; ++k) {
      const auto cc = static_cast<unsigned char>(s[i + k]);
      ok = (cc & 0xC0) == 0x80;
      cp = (cp << 6) | (cc & 0x3F);
    }
    // Overlong forms, surrogates and code points past U+10FFFF are not UTF-8.
    static constexpr std::uint32_t min_cp[] = {0, 0, 0x80, 0x800, 0x10000};
    ok = ok && cp >= min_cp[len] && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF);
    if (!ok) {
      out.push_back(make_diagnostic(
          Code::bad_encoding,
          source.locate(static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(i + 1)),
          c == 0 ? "a NUL byte: this is not a text file"
                 : fmt::format("byte 0x{:02X} is not valid UTF-8; save the file as UTF-8",
                               static_cast<unsigned>(c))));
      return false;
    }
    if (const std::string_view name = bidi_control_name(cp); !name.empty()) {
      if (++controls > limits.max_errors) {
        out.push_back(make_diagnostic(
            Code::too_many_errors,
            source.locate(static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(i + len)),
            fmt::format("too many errors; stopped after {}", limits.max_errors)));
        return false;
      }
      out.push_back(make_diagnostic(
          Code::bidi_control,
          source.locate(static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(i + len)),
          bidi_message(cp, where),
          "delete it: it is invisible (shown escaped above), and right-to-left text displays "
          "in its own order without it"));
    }
    i += len;
  }
  return true;
}

struct duration_alone : pegtl::seq<g::ws, g::duration, g::ws, pegtl::eof> {};

}  // namespace

std::optional<ast::Duration> parse_duration(std::string_view text) {
  SourceFile source("duration", std::string(text));
  std::vector<Diagnostic> diagnostics;
  ParseLimits limits;
  State state(source, 0, source.text().data(), limits, diagnostics);
  pegtl::memory_input in(source.text().data(), source.text().size(), "duration");
  try {
    if (!pegtl::parse<duration_alone, action, control>(in, state) || !diagnostics.empty())
      return std::nullopt;
  } catch (const pegtl::parse_error&) {
    return std::nullopt;
  } catch (const TooManyErrors&) {
    return std::nullopt;
  }
  return state.last_duration();
}

ParseResult parse(const SourceFile& source, std::uint32_t file_id, const ParseLimits& limits) {
  ParseResult result;
  const std::string& text = source.text();
  if (text.size() > limits.max_file_bytes) {
    result.diagnostics.push_back(
        make_diagnostic(Code::file_too_large, source.locate(0, 0),
                        fmt::format("file too large: {} bytes (the limit is {} bytes)", text.size(),
                                    limits.max_file_bytes)));
    return result;
  }
  if (!check_encoding(source, limits, result.diagnostics)) return result;

  State state(source, file_id, text.data(), limits, result.diagnostics);
  pegtl::memory_input in(text.data(), text.size(), source.name());
  try {
    if (!pegtl::parse<g::file, action, control>(in, state))
      state.error(Code::syntax, state.span(in.current(), in.current()), "could not parse the file");
  } catch (const TooManyErrors&) {
  } catch (const pegtl::parse_error&) {
    // Raised outside any statement (cannot happen with the grammar as written);
    // the diagnostic was recorded when it was raised.
  }
  result.file = state.finish();
  return result;
}

}  // namespace sla
