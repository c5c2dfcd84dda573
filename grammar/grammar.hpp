// The .sla grammar: the single source of truth for the syntax (docs/language.md
// describes it for people). Rules are small and named; the actions that build the
// AST live apart in parser.cpp. Every statement starts with a keyword (or, in a
// few lists, a value); once that lead matched, the rest is under must<>, so a
// mistake is reported where it is, with a message saying what was expected.
#pragma once

#include <array>
#include <cstddef>
#include <cstring>
#include <string_view>

#include <tao/pegtl.hpp>
#include <tao/pegtl/contrib/analyze_traits.hpp>

#include "grammar/ast.hpp"

namespace sla::grammar {

using namespace tao::pegtl;

// ---------------------------------------------------------------- keywords

template <std::size_t N>
struct fixed_string {
  char chars[N]{};
  constexpr fixed_string(const char (&s)[N]) {
    for (std::size_t i = 0; i < N; ++i) chars[i] = s[i];
  }
  constexpr std::string_view view() const { return {chars, N - 1}; }
};

constexpr bool is_word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// A whole word: "open" matches in "open Mon" but not in "opening".
template <fixed_string S>
struct key {
  using rule_t = key;
  using subs_t = type_list<>;
  static constexpr std::string_view text = S.view();

  template <typename ParseInput>
  static bool match(ParseInput& in) {
    const std::size_t n = text.size();
    const std::size_t available = in.size(n + 1);
    if (available < n || std::memcmp(in.current(), text.data(), n) != 0) return false;
    if (available > n && is_word_char(in.current()[n])) return false;
    in.bump_in_this_line(n);
    return true;
  }
};

// A fixed word that means something to the checker ("best effort", "monthly"):
// it matches Rule and leaves a Word token named Name.
template <fixed_string Name, typename Rule = key<Name>>
struct flag : Rule {
  static constexpr std::string_view word = Name.view();
};

// ------------------------------------------------------------------ layout

// A comment ends at LF, CRLF or a lone CR: a file with old Mac line ends must not
// become one comment.
struct comment : seq<one<'#'>, star<not_one<'\n', '\r'>>> {};
struct ws : star<sor<plus<space>, comment>> {};
struct bom : string<'\xEF', '\xBB', '\xBF'> {};
struct lbrace : one<'{'> {};
struct rbrace : one<'}'> {};
struct comma : seq<ws, one<','>, ws> {};

// ------------------------------------------------------------------ values

struct ident : identifier {};
struct escape : seq<one<'\\'>, one<'"', '\\', 'n', 't'>> {};
// Control characters (other than tab) would reach readers' terminals and documents
// raw: a string spells them as escapes or not at all.
struct control_char : sor<range<'\x00', '\x08'>, range<'\x0A', '\x1F'>, one<'\x7F'>> {};
struct string_char : sor<escape, seq<not_at<control_char>, not_one<'"', '\\'>>> {};
struct string_end : one<'"'> {};
struct text : seq<one<'"'>, star<string_char>, must<string_end>> {};
struct label_close : one<')'> {};
struct label_text : text {};
struct label : seq<one<'('>, ws, must<label_text>, ws, must<label_close>> {};

struct decimal : seq<plus<digit>, opt<one<'.'>, plus<digit>>> {};
struct number : decimal {};
struct year : number {};

struct time_unit : sor<key<"minutes">, key<"minute">, key<"hours">, key<"hour">, key<"days">,
                       key<"day">, key<"weeks">, key<"week">> {};
// "4 business hours" counts operating time; "30 calendar days" says outright that
// every day counts (the same as "30 days", stated so that nobody has to guess).
struct business_unit : seq<opt<sor<key<"business">, key<"calendar">>, ws>, time_unit> {};
// The unit stays on the number's line, so a bare number is reported where it is.
struct duration : seq<decimal, star<blank>, must<business_unit>> {};

struct percent_sign : one<'%'> {};
struct percent : seq<decimal, star<blank>, must<percent_sign>> {};

struct currency
    : seq<range<'A', 'Z'>, range<'A', 'Z'>, range<'A', 'Z'>, not_at<ranges<'A', 'Z', 'a', 'z'>>> {};
// "24,000" or "24'000" is an amount with its thousands grouped (or a decimal
// comma): refused where it is, with the amount to write instead.
struct digit_group : seq<one<',', '\''>, digit> {};
struct ungrouped : not_at<digit_group> {};
struct money_amount
    : seq<decimal, must<ungrouped>, opt<ws, sor<key<"thousand">, key<"million">, key<"billion">>>> {
};
struct money : seq<currency, ws, must<money_amount>> {};

struct date_chars : seq<rep<4, digit>, one<'-'>, rep<2, digit>, one<'-'>, rep<2, digit>> {};
struct date : date_chars {};
struct clock_chars : seq<rep_min_max<1, 2, digit>, one<':'>, rep<2, digit>> {};
struct clock_end : clock_chars {};
struct time_range : seq<clock_chars, ws, one<'-'>, ws, must<clock_end>> {};
struct date_time : seq<date_chars, plus<blank>, must<clock_end>> {};

struct day_name
    : sor<key<"Mon">, key<"Tue">, key<"Wed">, key<"Thu">, key<"Fri">, key<"Sat">, key<"Sun">> {};
struct day_range_end : day_name {};
struct day_range : seq<day_name, opt<ws, one<'-'>, ws, must<day_range_end>>> {};
struct days : sor<key<"daily">, list<day_range, comma>> {};
struct time_ranges : list<time_range, comma> {};

struct zone_offset
    : seq<key<"UTC">, opt<one<'+', '-'>, rep_min_max<1, 2, digit>, opt<one<':'>, rep<2, digit>>>> {
};
struct zone_value : sor<text, zone_offset> {};

struct ident_list : list<ident, comma> {};
struct text_list : list<text, comma> {};

// ---------------------------------------------------------------- structure

// A statement: its lead, then the rest, each part required once the lead matched.
template <typename Lead, typename... Rest>
struct clause : seq<Lead, ws, seq<must<Rest>, ws>...> {};

// Tags a statement rule with the AST node kind its action builds.
template <ast::Kind K, typename Rule>
struct stmt : Rule {
  static constexpr ast::Kind kind = K;
};

// Opens the node of a block; the block's closing action moves it into its parent.
template <ast::Kind K>
struct open_node : success {};

// The statements a block accepts, what to call them in an error, and the
// leading words offered when one is misspelled.
template <typename Statements, fixed_string Expected, fixed_string... Words>
struct statements_of : seq<Statements> {
  static constexpr std::string_view expected = Expected.view();
  static constexpr std::array<std::string_view, sizeof...(Words)> words{Words.view()...};
};

// Skips a statement that did not parse: to the end of the line where the error
// was found, or on past a block that the broken statement opened, and reports an
// unknown statement when nothing more precise was said. Depth is the node stack
// depth of the enclosing block (1 at the top level).
template <std::size_t Depth, typename Statements>
struct recover {
  using rule_t = recover;
  using subs_t = type_list<>;

  template <apply_mode, rewind_mode, template <typename...> class, template <typename...> class,
            typename ParseInput, typename State>
  static bool match(ParseInput& in, State& state) {
    const std::size_t skipped = state.template recover<Statements>(in.current(), in.end(), Depth);
    in.bump(skipped);
    return skipped > 0;
  }
};

template <typename Statements, std::size_t Depth>
struct body : star<not_at<rbrace>, not_at<eof>,
                   sor<try_catch<Statements>, recover<Depth, Statements>>, ws, opt<one<';'>, ws>> {
};

template <ast::Kind K, typename Head, typename Statements, std::size_t Depth>
struct block
    : seq<Head, open_node<K>, ws, must<lbrace>, ws, body<Statements, Depth>, must<rbrace>> {
  static constexpr bool is_block = true;
};

// Blocks at depth 1 (top-level items) hold statements at depth 2, and so on.
constexpr std::size_t top = 1, item = 2, inner = 3;

// ---------------------------------------------------------------- contract

struct review_cycle : sor<flag<"annually">, flag<"quarterly">, flag<"monthly">,
                          seq<key<"every">, ws, must<number>, ws, must<key<"months">>>> {};
// changes notified ... via "e-mail" to "the Client's named contact": how, and to whom.
struct notice_via : seq<flag<"via">, ws, must<text>, ws> {};
struct notice_to : seq<flag<"to">, ws, must<text>, ws> {};
struct header_statement
    : sor<stmt<ast::Kind::provider, clause<key<"provider">, text>>,
          stmt<ast::Kind::client, clause<key<"client">, text>>,
          stmt<ast::Kind::version, clause<key<"version">, text>>,
          stmt<ast::Kind::effective, clause<key<"effective">, date>>,
          stmt<ast::Kind::ends, clause<key<"ends">, date>>,
          stmt<ast::Kind::reviewed, clause<key<"reviewed">, review_cycle, opt<label>>>,
          stmt<ast::Kind::change_notice,
               clause<key<"changes">, key<"notified">, key<"at">, key<"least">, duration, key<"in">,
                      key<"advance">, opt<notice_via>, opt<notice_to>, opt<label>>>,
          stmt<ast::Kind::summary, clause<key<"summary">, text>>> {};
struct header_statements
    : statements_of<header_statement, "a contract statement", "provider", "client", "version",
                    "effective", "ends", "reviewed", "changes", "summary"> {};
struct contract_item
    : block<ast::Kind::contract, clause<key<"contract">, text>, header_statements, item> {};

// -------------------------------------------------------------- definitions

struct means : key<"means"> {};
using definition_statement = stmt<ast::Kind::definition, clause<text, means, text>>;
struct definition_statements
    : statements_of<definition_statement,
                    "a definition such as: \"Client\" means \"the organization...\""> {};
struct definitions_item
    : block<ast::Kind::definitions, key<"definitions">, definition_statements, item> {};

// ---------------------------------------------------------------- holidays

struct holiday_statement
    : sor<stmt<ast::Kind::source, clause<key<"source">, text>>,
          stmt<ast::Kind::covers, clause<key<"covers">, year, key<"to">, year>>,
          stmt<ast::Kind::holiday, clause<date, text, opt<flag<"tentative">, ws>,
                                          opt<key<"open">, ws, must<time_ranges>>>>> {};
struct holiday_statements
    : statements_of<holiday_statement, "a holiday (2026-12-25 \"Christmas Day\"), source or covers",
                    "source", "covers"> {};
struct holiday_set_item : block<ast::Kind::holiday_set, clause<key<"holidays">, ident, opt<text>>,
                                holiday_statements, item> {};

// ---------------------------------------------------------------- calendars

struct open_what
    : sor<flag<"always">, flag<"on holidays", seq<key<"on">, ws, must<key<"holidays">>>>,
          seq<days, ws, must<time_ranges>>> {};
struct closed_what : sor<seq<flag<"holidays">, ws, must<ident_list>>, seq<date, ws, opt<text>>> {};
struct business_day_length : seq<key<"day">, ws, must<key<"is">>, ws, must<duration>> {};
struct calendar_statement
    : sor<stmt<ast::Kind::zone, clause<key<"zone">, zone_value, opt<label>>>,
          stmt<ast::Kind::open, clause<key<"open">, open_what, opt<label>>>,
          stmt<ast::Kind::closed, clause<key<"closed">, key<"on">, closed_what, opt<label>>>,
          stmt<ast::Kind::special_hours,
               clause<key<"on">, date, key<"open">, time_ranges, opt<text>>>,
          stmt<ast::Kind::business_day, clause<key<"business">, business_day_length, opt<label>>>,
          stmt<ast::Kind::union_of, clause<key<"union">, key<"of">, ident_list>>,
          stmt<ast::Kind::summary, clause<key<"summary">, text>>> {};
struct calendar_statements : statements_of<calendar_statement, "a calendar statement", "zone",
                                           "open", "closed", "on", "business", "union", "summary"> {
};
struct calendar_item
    : block<ast::Kind::calendar,
            clause<key<"calendar">, ident, opt<key<"extends">, ws, must<ident>>, opt<text>>,
            calendar_statements, item> {};

// --------------------------------------------------------------- priorities

using priority_statement = stmt<ast::Kind::priority, clause<ident, text>>;
struct priority_statements
    : statements_of<priority_statement, "a priority: its name, then its description in quotes"> {};
struct priorities_item
    : block<ast::Kind::priorities, key<"priorities">, priority_statements, item> {};

// ----------------------------------------------------- packages and add-ons

struct commitment
    : sor<flag<"best effort", seq<key<"best">, ws, must<key<"effort">>>>, flag<"committed">> {};
struct target_priority : sor<flag<"all">, ident> {};
// where channel is "phone": the target applies to tickets with that attribute value.
struct condition : seq<flag<"where">, ws, must<ident>, ws, must<key<"is">>, ws, must<text_list>> {};
// on calendar around_the_clock: the target keeps its own hours.
struct target_calendar
    : seq<flag<"on calendar", seq<key<"on">, ws, must<key<"calendar">>>>, ws, must<ident>> {};
struct deadline_clock : clock_chars {};
struct next_business_day
    : flag<"next business day", seq<key<"next">, ws, must<key<"business">>, ws, must<key<"day">>>> {
};
// by 12:00 next business day | by end of next business day
struct deadline_when
    : sor<seq<flag<"end of", seq<key<"end">, ws, must<key<"of">>>>, ws, must<next_business_day>>,
          seq<deadline_clock, ws, must<next_business_day>>> {};
struct relative_deadline : seq<flag<"by">, ws, must<deadline_when>> {};
struct target_length : sor<seq<key<"within">, ws, must<duration>>, relative_deadline> {
  static constexpr std::array<std::string_view, 2> keywords{"within", "by"};
};
struct target_terms : seq<opt<target_calendar>, ws, opt<commitment>, ws, opt<label>> {};
struct target_rest
    : seq<target_priority, ws, opt<condition>, ws, must<target_length>, ws, target_terms> {};
struct update_rest : seq<target_priority, ws, opt<condition>, ws, must<key<"every">>, ws,
                         must<duration>, ws, target_terms> {};
struct restore_rest : seq<target_priority, ws, opt<condition>, ws, must<key<"within">>, ws,
                          must<duration>, ws, target_terms> {};
struct breached_kind
    : sor<flag<"response">, flag<"resolution">, flag<"update">, flag<"restoration">> {};
// credit 5 % per breached P1 response
struct ticket_credit_rest : seq<key<"per">, ws, must<key<"breached">>, ws,
                                opt<not_at<breached_kind>, ident>, ws, must<breached_kind>> {};
// warn at 50 %, 75 %: of a target's time elapsed, a pending ticket is at risk
struct warn_shares : list<percent, comma> {};
struct warn_rest : seq<key<"at">, ws, must<warn_shares>> {};
struct credit_cap_rest : seq<key<"at">, ws, must<key<"most">>, ws, must<percent>, ws,
                             must<key<"per">>, ws, must<key<"month">>> {};
struct sold_how
    : sor<seq<flag<"included in", seq<key<"included">, ws, must<key<"in">>>>, ws, must<text>>,
          flag<"separately">> {};
struct price_period_unit : sor<flag<"per year", key<"year">>, flag<"per month", key<"month">>> {};
struct price_period : sor<seq<key<"per">, ws, must<price_period_unit>>, flag<"one-off">> {};
struct clock_start : sor<flag<"at creation", seq<key<"at">, ws, key<"creation">>>,
                         flag<"at next opening",
                              seq<key<"at">, ws, must<key<"next">>, ws, must<key<"opening">>>>> {};
struct clock_verb
    : seq<key<"pauses">, ws, must<key<"on">>, ws, must<key<"status">>, ws, must<text_list>> {};

struct band_condition : sor<flag<"when no response", seq<key<"no">, ws, must<key<"response">>>>,
                            flag<"when not resolved", seq<key<"not">, ws, must<key<"resolved">>>>> {
};
struct band_option
    : sor<seq<flag<"contact">, ws, must<text>>, seq<flag<"via">, ws, must<text>>,
          seq<flag<"remark">, ws, must<text>>, seq<key<"when">, ws, must<band_condition>>> {};
struct band_until : seq<key<"until">, ws, must<duration>> {};
using band_statement =
    stmt<ast::Kind::band, clause<key<"from">, duration, opt<band_until>, key<"escalate">, key<"to">,
                                 text, star<band_option, ws>>>;
struct band_statements
    : statements_of<
          band_statement,
          "an escalation band: from 0 hours until 6 hours escalate to \"Technical Support\"",
          "from"> {};
struct escalation_head : seq<key<"escalation">, opt<ws, key<"for">, ws, must<ident_list>>> {};
struct escalation_block : block<ast::Kind::escalation, escalation_head, band_statements, inner> {};

struct excluded_cause
    : sor<flag<"scheduled maintenance", seq<key<"scheduled">, ws, must<key<"maintenance">>>>,
          flag<"third party", seq<key<"third">, ws, must<key<"party">>>>,
          flag<"force majeure", seq<key<"force">, ws, must<key<"majeure">>>>, flag<"other">> {};
struct notice : seq<key<"announced">, ws, must<key<"at">>, ws, must<key<"least">>, ws,
                    must<duration>, ws, must<key<"in">>, ws, must<key<"advance">>> {};
struct measurement_period : sor<flag<"monthly">, flag<"quarterly">, flag<"yearly">> {};
// excluded time counts as available | excluded time is removed from the period
struct excluded_time_rule
    : sor<flag<"counts as available",
               seq<key<"counts">, ws, must<key<"as">>, ws, must<key<"available">>>>,
          flag<"removed from the period",
               seq<key<"is">, ws, must<key<"removed">>, ws, must<key<"from">>, ws, must<key<"the">>,
                   ws, must<key<"period">>>>> {};
struct uptime_statement
    : sor<stmt<ast::Kind::uptime_target, clause<key<"target">, percent, opt<label>>>,
          stmt<ast::Kind::measured, clause<key<"measured">, measurement_period>>,
          stmt<ast::Kind::commitment, clause<commitment>>,
          stmt<ast::Kind::published, clause<key<"published">, key<"at">, text>>,
          stmt<ast::Kind::unavailable, clause<key<"unavailable">, key<"when">, text>>,
          stmt<ast::Kind::excluded_time, clause<key<"excluded">, key<"time">, excluded_time_rule>>,
          stmt<ast::Kind::exclude, clause<key<"exclude">, excluded_cause, opt<notice>, opt<text>>>,
          stmt<ast::Kind::service_credits, clause<key<"service">, key<"credits">, opt<text>>>,
          stmt<ast::Kind::credit,
               clause<key<"credit">, percent, key<"when">, key<"below">, percent>>,
          stmt<ast::Kind::note, clause<key<"note">, text>>> {};
struct uptime_statements
    : statements_of<uptime_statement, "an uptime statement", "target", "measured", "committed",
                    "best", "published", "unavailable", "excluded", "exclude", "service", "credit",
                    "note"> {};
struct uptime_block
    : block<ast::Kind::uptime, clause<key<"uptime">, text>, uptime_statements, inner> {};

struct package_statement
    : sor<stmt<ast::Kind::summary, clause<key<"summary">, text>>,
          stmt<ast::Kind::sold, clause<key<"sold">, sold_how, opt<label>>>,
          stmt<ast::Kind::price, clause<key<"price">, money, opt<price_period>, opt<label>>>,
          stmt<ast::Kind::requirement, clause<key<"requires">, ident_list>>,
          stmt<ast::Kind::exclusion, clause<key<"excludes">, ident_list>>,
          stmt<ast::Kind::uses_calendar, clause<key<"calendar">, ident>>,
          stmt<ast::Kind::channel,
               clause<key<"channel">, text, opt<key<"at">, ws, must<text>>, ws, opt<label>>>,
          stmt<ast::Kind::feature, clause<key<"feature">, text, opt<text>>>,
          stmt<ast::Kind::describe, clause<key<"describe">, ident, text>>,
          stmt<ast::Kind::respond, clause<key<"respond">, key<"to">, target_rest>>,
          stmt<ast::Kind::resolve, clause<key<"resolve">, target_rest>>,
          stmt<ast::Kind::update, clause<key<"update">, update_rest>>,
          stmt<ast::Kind::restore, clause<key<"restore">, restore_rest>>,
          stmt<ast::Kind::ticket_credit, clause<key<"credit">, percent, ticket_credit_rest>>,
          stmt<ast::Kind::credit_cap, clause<key<"credits">, credit_cap_rest>>,
          stmt<ast::Kind::clock_starts,
               seq<key<"clock">, ws, key<"starts">, ws, must<clock_start>, ws, opt<label>>>,
          stmt<ast::Kind::clock_pauses, clause<key<"clock">, clock_verb, opt<label>>>,
          stmt<ast::Kind::warn_at, clause<key<"warn">, warn_rest>>,
          stmt<ast::Kind::escalation, escalation_block>, stmt<ast::Kind::uptime, uptime_block>,
          stmt<ast::Kind::note, clause<key<"note">, text>>> {};
struct package_statements
    : statements_of<package_statement, "a package statement", "summary", "sold", "price",
                    "requires", "excludes", "calendar", "channel", "feature", "describe", "respond",
                    "resolve", "update", "restore", "credit", "credits", "clock", "warn",
                    "escalation", "uptime", "note"> {};
struct package_item
    : block<ast::Kind::package,
            clause<key<"package">, ident, text, opt<key<"extends">, ws, must<ident>>>,
            package_statements, item> {};
struct addon_item
    : block<ast::Kind::addon, clause<key<"addon">, ident, text>, package_statements, item> {};

// ---------------------------------------------------------------- examples

struct with_addons : seq<key<"with">, ws, must<ident_list>> {};
struct expectation
    : sor<seq<sor<flag<"response">, flag<"resolution">, flag<"update">, flag<"restoration">>, ws,
              must<sor<seq<flag<"due">, ws, must<date_time>>, flag<"met">, flag<"breached">,
                       flag<"pending">>>>,
          seq<flag<"escalation">, ws, must<key<"to">>, ws, must<text>, ws, must<key<"at">>, ws,
              must<date_time>>> {};
struct example_statement
    : sor<stmt<ast::Kind::under, clause<key<"under">, ident, opt<with_addons>>>,
          stmt<ast::Kind::ticket, clause<key<"ticket">, opt<not_at<key<"raised">>, ident>, ws,
                                         key<"raised">, date_time>>,
          stmt<ast::Kind::ticket_attribute, clause<key<"where">, ident, key<"is">, text>>,
          stmt<ast::Kind::responded, clause<key<"responded">, date_time>>,
          stmt<ast::Kind::updated, clause<key<"updated">, date_time>>,
          stmt<ast::Kind::restored, clause<key<"restored">, date_time>>,
          stmt<ast::Kind::resolved, clause<key<"resolved">, date_time>>,
          stmt<ast::Kind::expect, clause<key<"expect">, expectation>>> {};
struct example_statements
    : statements_of<example_statement, "an example statement", "under", "ticket", "where",
                    "responded", "updated", "restored", "resolved", "expect"> {};
struct example_item
    : block<ast::Kind::example, clause<key<"example">, text>, example_statements, item> {};

// ------------------------------------------------------------ translations

// translation id "Bahasa Indonesia" { "Basic Support" = "Dukungan Dasar" }
struct translates_to : one<'='> {};
using translation_statement = stmt<ast::Kind::translated, clause<text, translates_to, text>>;
struct translation_statements
    : statements_of<translation_statement,
                    "a translation such as: \"Basic Support\" = \"Dukungan Dasar\""> {};
struct translation_item
    : block<ast::Kind::translation, clause<key<"translation">, ident, opt<text>>,
            translation_statements, item> {};

// ------------------------------------------------------------------- file

using import_item = stmt<ast::Kind::import_file, clause<key<"import">, text>>;
// attribute channel "phone", "e-mail", "portal": a ticket field targets may be keyed on.
using attribute_item =
    stmt<ast::Kind::attribute, clause<key<"attribute">, ident, text_list, opt<label>>>;
struct top_item
    : sor<import_item, attribute_item, stmt<ast::Kind::contract, contract_item>,
          stmt<ast::Kind::definitions, definitions_item>,
          stmt<ast::Kind::holiday_set, holiday_set_item>, stmt<ast::Kind::calendar, calendar_item>,
          stmt<ast::Kind::priorities, priorities_item>, stmt<ast::Kind::package, package_item>,
          stmt<ast::Kind::addon, addon_item>, stmt<ast::Kind::example, example_item>,
          stmt<ast::Kind::translation, translation_item>> {};
struct top_items : statements_of<top_item, "a top-level item", "import", "contract", "definitions",
                                 "holidays", "calendar", "priorities", "attribute", "package",
                                 "addon", "example", "translation"> {};

struct file : seq<opt<bom>, ws,
                  star<not_at<eof>, sor<try_catch<top_items>, recover<top, top_items>>, ws,
                       opt<one<';'>, ws>>,
                  eof> {};

}  // namespace sla::grammar

namespace tao::pegtl {

template <typename Name, sla::grammar::fixed_string S>
struct analyze_traits<Name, sla::grammar::key<S>> : analyze_any_traits<> {};

template <typename Name, std::size_t Depth, typename Words>
struct analyze_traits<Name, sla::grammar::recover<Depth, Words>> : analyze_any_traits<> {};

}  // namespace tao::pegtl
