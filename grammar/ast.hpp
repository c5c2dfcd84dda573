// The syntax tree. Every statement of the language is a Node: a kind, its
// arguments in source order (typed values), and, for blocks, its child statements.
// One uniform shape keeps the parser's actions tiny and lets the formatter print
// any statement back in source order; the checker gives the nodes their meaning.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "grammar/source.hpp"

namespace sla::ast {

// Numbers are decimals with at most three fraction digits, kept exact in
// thousandths ("1.5" is 1500) so that no float rounding reaches a deadline.
struct Number {
  std::int64_t milli = 0;
  Span span;
};

struct Text {  // a string literal, unescaped
  std::string value;
  Span span;
};

struct Label {  // a stated label beside a value: ("30 business days")
  std::string value;
  Span span;
};

struct Ident {
  std::string name;
  Span span;
};

struct Word {  // a fixed word that carries meaning: "best_effort", "monthly", ...
  std::string word;
  Span span;
};

enum class TimeUnit { minute, hour, day, week };

struct Duration {
  std::int64_t milli = 0;  // the amount, in thousandths of `unit`
  TimeUnit unit = TimeUnit::hour;
  bool business = false;  // "business hours" vs "hours"
  bool calendar = false;  // "calendar days": plain days, said outright
  Span span;
};

struct Percent {
  std::int64_t milli = 0;
  Span span;
};

struct Money {
  std::string currency;    // ISO 4217 code as written: "IDR"
  std::int64_t milli = 0;  // amount in thousandths of a currency unit
  Span span;
};

struct Date {
  int year = 0, month = 0, day = 0;
  Span span;
};

struct ClockTime {  // minutes since local midnight; 24:00 is 1440
  int minutes = 0;
  Span span;
};

struct TimeRange {
  ClockTime from, to;
  Span span;
};

struct Days {  // a set of weekdays; bit i is weekday i with 0 = Sunday
  std::uint8_t mask = 0;
  Span span;
};

struct DateTime {  // a local date and time in the governing calendar's zone
  Date date;
  ClockTime time;
  Span span;
};

using Value = std::variant<Number, Text, Label, Ident, Word, Duration, Percent, Money, Date,
                           ClockTime, TimeRange, Days, DateTime>;

enum class Kind : std::uint8_t {
  file,
  // top-level items
  import_file,
  contract,
  definitions,
  holiday_set,
  calendar,
  priorities,
  attribute,
  package,
  addon,
  example,
  translation,
  // contract header
  provider,
  client,  // the other party, when the contract names it
  version,
  effective,
  ends,
  reviewed,
  change_notice,
  summary,
  // definitions, priorities
  definition,
  priority,
  // holiday sets
  source,
  covers,
  holiday,
  // calendars
  extends,
  zone,
  open,    // open Mon-Fri 09:00-17:00 | open always | open on holidays
  closed,  // closed on holidays id_national | closed on 2026-12-25 "Christmas"
  special_hours,
  business_day,
  union_of,
  // packages and add-ons
  sold,
  price,
  requirement,  // requires premium
  exclusion,    // excludes dedicated_24x7
  uses_calendar,
  channel,
  feature,
  describe,
  respond,
  resolve,
  update,
  restore,
  ticket_credit,
  credit_cap,
  clock_starts,
  clock_pauses,
  warn_at,  // warn at 50 %, 75 %
  escalation,
  band,
  uptime,
  uptime_target,
  measured,
  commitment,
  published,
  unavailable,    // unavailable when "..."
  excluded_time,  // excluded time counts as available | is removed from the period
  exclude,
  service_credits,
  credit,
  note,
  // examples
  under,
  ticket,
  ticket_attribute,
  responded,
  updated,
  restored,
  resolved,
  expect,
  // translations
  translated,  // "Basic Support" = "Dukungan Dasar"
};

std::string_view name(Kind kind);
// Whether statements of this kind hold statements in braces (a calendar, an
// escalation), as the grammar's block<> rules say.
bool is_block(Kind kind);

struct Node {
  Kind kind = Kind::file;
  Span span;
  std::vector<Value> args;
  std::vector<Node> children;
};

struct Comment {
  std::string text;  // without the leading '#'
  Span span;
};

struct File {
  Node root;  // Kind::file; its children are the top-level items
  std::vector<Comment> comments;
};

// Typed access to a node's arguments: the i-th argument of type T, or nullptr.
template <typename T>
const T* arg(const Node& node, std::size_t nth = 0) {
  for (const auto& v : node.args)
    if (const T* p = std::get_if<T>(&v)) {
      if (nth == 0) return p;
      --nth;
    }
  return nullptr;
}

template <typename T>
std::vector<const T*> args(const Node& node) {
  std::vector<const T*> out;
  for (const auto& v : node.args)
    if (const T* p = std::get_if<T>(&v)) out.push_back(p);
  return out;
}

inline bool has_word(const Node& node, std::string_view word) {
  for (const auto& v : node.args)
    if (const Word* w = std::get_if<Word>(&v); w && w->word == word) return true;
  return false;
}

}  // namespace sla::ast
