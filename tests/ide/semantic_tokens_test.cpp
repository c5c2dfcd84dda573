// Semantic tokens: each word's meaning, for highlighting.
#define BOOST_TEST_MODULE ide_semantic_tokens
#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <fstream>
#include <random>
#include <sstream>

#include "tests/ide/ide_support.hpp"
#include "tools/ide/analysis.hpp"
#include "tools/ide/outline.hpp"
#include "tools/ide/semantic_tokens.hpp"

using namespace sla;
using namespace sla::ide;
using namespace sla::ide::test;

namespace {

std::vector<SemanticToken> tokens_of(const Analysis& a) {
  return semantic_tokens(a);
}

// The token starting at `offset`, or nullptr.
const SemanticToken* token_at(const std::vector<SemanticToken>& tokens, std::uint32_t offset) {
  for (const auto& t : tokens)
    if (t.begin == offset) return &t;
  return nullptr;
}

std::string_view type_name(const SemanticToken& t) {
  return token_types().at(t.type);
}

bool has_modifier(const SemanticToken& t, std::string_view modifier) {
  const auto& mods = token_modifiers();
  for (std::size_t i = 0; i < mods.size(); ++i)
    if (mods[i] == modifier) return (t.modifiers >> i) & 1u;
  return false;
}

std::string_view text_of(const std::string& text, const SemanticToken& t) {
  return std::string_view(text).substr(t.begin, t.length);
}

// The token at the `nth` occurrence of `word`, which it must cover exactly.
const SemanticToken& expect_token(const Analysis& a, const std::vector<SemanticToken>& tokens,
                                  std::string_view word, std::string_view type,
                                  std::size_t nth = 0) {
  const SemanticToken* t = token_at(tokens, offset_of(a, word, nth));
  BOOST_TEST_REQUIRE(t, "no token at '" << word << "'");
  BOOST_TEST(text_of(a.text(), *t) == word);
  BOOST_TEST(type_name(*t) == type, "'" << word << "' is " << type_name(*t) << ", not " << type);
  return *t;
}

// In order, not overlapping, not empty, each within the text and on one line, with
// a type and modifiers from the legend.
void check_tokens(const std::string& text, const std::vector<SemanticToken>& tokens) {
  std::uint32_t end = 0;
  bool ok = true;
  for (const auto& t : tokens) {
    ok = ok && t.length > 0 && t.begin >= end && t.begin + t.length <= text.size() &&
         t.type < token_types().size() && t.modifiers < (1u << token_modifiers().size());
    if (!ok) break;
    const std::string_view s = text_of(text, t);
    ok = s.find('\n') == std::string_view::npos && s.find('\r') == std::string_view::npos;
    end = t.begin + t.length;
  }
  BOOST_TEST(ok);
}

}  // namespace

BOOST_AUTO_TEST_CASE(legend) {
  BOOST_TEST(token_types().size() == 13u);
  BOOST_TEST(token_types()[0] == "keyword");
  BOOST_TEST(token_modifiers().size() == 3u);
  BOOST_TEST(token_modifiers()[1] == "definition");
}

BOOST_AUTO_TEST_CASE(qiscus_tokens) {
  Analysis a = analyze(SLA_SOURCE_DIR "/contracts/qiscus-enterprise.sla", qiscus_text());
  BOOST_REQUIRE(!has_errors(a.diagnostics));
  const auto tokens = tokens_of(a);
  check_tokens(a.text(), tokens);

  expect_token(a, tokens, "import", "keyword");
  expect_token(a, tokens, "\"std/holidays/id\"", "string");
  expect_token(a, tokens, "# Qiscus Enterprise Support SLA, written as a contract program.",
               "comment");
  BOOST_TEST(type_name(*token_at(tokens, offset_of(a, "calendar office_hours"))) == "keyword");
  const auto& office = expect_token(a, tokens, "office_hours", "type");
  BOOST_TEST(has_modifier(office, "definition"));
  BOOST_TEST(has_modifier(office, "declaration"));
  BOOST_TEST(!has_modifier(office, "defaultLibrary"));
  // calendar office_hours, in package basic
  const SemanticToken* office_use = token_at(tokens, offset_of(a, "calendar office_hours", 1) + 9);
  BOOST_REQUIRE(office_use);
  BOOST_TEST(text_of(a.text(), *office_use) == "office_hours");
  BOOST_TEST(type_name(*office_use) == "type");
  BOOST_TEST(!has_modifier(*office_use, "definition"));
  const auto& national = expect_token(a, tokens, "id_national", "namespace");
  BOOST_TEST(has_modifier(national, "defaultLibrary"));
  BOOST_TEST(!has_modifier(national, "definition"));

  BOOST_TEST(type_name(*token_at(tokens, offset_of(a, "zone \"Asia"))) == "keyword");
  expect_token(a, tokens, "\"Asia/Jakarta\"", "string");
  expect_token(a, tokens, "(\"GMT+7\")", "string");
  expect_token(a, tokens, "Mon-Fri", "number");
  expect_token(a, tokens, "09:00-17:00", "number", 1);  // the first is in a title
  expect_token(a, tokens, "closed", "keyword");
  BOOST_TEST(type_name(*token_at(tokens, offset_of(a, "holidays id_national"))) == "keyword");
  expect_token(a, tokens, "2025-01-01", "number");

  // respond to Critical within 1 business hour committed ("Within 1 hour")
  const std::uint32_t respond = offset_of(a, "respond to Critical");
  const SemanticToken* t = token_at(tokens, respond);
  BOOST_REQUIRE(t);
  BOOST_TEST(type_name(*t) == "keyword");
  BOOST_TEST(text_of(a.text(), *t) == "respond");
  t = token_at(tokens, respond + 8);
  BOOST_REQUIRE(t);
  BOOST_TEST(text_of(a.text(), *t) == "to");
  BOOST_TEST(type_name(*t) == "keyword");
  t = token_at(tokens, respond + 11);
  BOOST_REQUIRE(t);
  BOOST_TEST(text_of(a.text(), *t) == "Critical");
  BOOST_TEST(type_name(*t) == "enumMember");
  t = token_at(tokens, respond + 20);
  BOOST_REQUIRE(t);
  BOOST_TEST(text_of(a.text(), *t) == "within");
  BOOST_TEST(type_name(*t) == "keyword");
  t = token_at(tokens, respond + 27);
  BOOST_REQUIRE(t);
  BOOST_TEST(text_of(a.text(), *t) == "1 business hour");
  BOOST_TEST(type_name(*t) == "number");
  t = token_at(tokens, respond + 43);
  BOOST_REQUIRE(t);
  BOOST_TEST(text_of(a.text(), *t) == "committed");
  BOOST_TEST(type_name(*t) == "keyword");
  t = token_at(tokens, respond + 53);
  BOOST_REQUIRE(t);
  BOOST_TEST(text_of(a.text(), *t) == "(\"Within 1 hour\")");
  BOOST_TEST(type_name(*t) == "string");

  // Definitions and uses of each kind.
  const auto& critical = expect_token(a, tokens, "Critical", "enumMember");
  BOOST_TEST(has_modifier(critical, "definition"));
  const auto& premium = expect_token(a, tokens, "premium", "class");
  BOOST_TEST(has_modifier(premium, "definition"));
  expect_token(a, tokens, "basic", "class", 1);  // extends basic
  const auto& addon = expect_token(a, tokens, "dedicated_8x7", "interface");
  BOOST_TEST(has_modifier(addon, "definition"));
  expect_token(a, tokens, "dedicated_24x7", "interface");  // excludes: an add-on, found
  expect_token(a, tokens, "IDR 216 million", "number");
  expect_token(a, tokens, "99 %", "number");
  expect_token(a, tokens, "2026-01-09 16:30", "number");
  expect_token(a, tokens, "means", "keyword");
  expect_token(a, tokens, "=", "operator");
  expect_token(a, tokens, "translation", "keyword");
  // The language of a translation is a name that the index does not know.
  t = token_at(tokens, offset_of(a, "id \"Bahasa"));
  BOOST_REQUIRE(t);
  BOOST_TEST(text_of(a.text(), *t) == "id");
  BOOST_TEST(type_name(*t) == "variable");
  // A fixed word of several words is a keyword for each.
  const std::uint32_t best = offset_of(a, "best effort (");
  t = token_at(tokens, best);
  BOOST_REQUIRE(t);
  BOOST_TEST(text_of(a.text(), *t) == "best");
  BOOST_TEST(type_name(*t) == "keyword");
  t = token_at(tokens, best + 5);
  BOOST_REQUIRE(t);
  BOOST_TEST(text_of(a.text(), *t) == "effort");
  BOOST_TEST(type_name(*t) == "keyword");
}

BOOST_AUTO_TEST_CASE(words_after_the_last_value_and_comments_inside_values) {
  const std::string text = R"(contract "C" {
  reviewed every 2 months
  changes notified at least 30 days in advance
}
package p "P" {
  price IDR # the list price
    216 million per year
  credits at most 25 % per month
  uptime "API" {
    exclude scheduled maintenance announced at least 2 days in advance
  }
  resolve all within 1 day  # sla: allow SLA105, SLA102 (calendar days are meant)
}
)";
  Analysis a = analyze("/tmp/tokens.sla", text);
  BOOST_REQUIRE(a.loaded.files[0].root.children.size() == 2u);
  const auto tokens = tokens_of(a);
  check_tokens(text, tokens);
  expect_token(a, tokens, "months", "keyword");
  expect_token(a, tokens, "advance", "keyword");
  expect_token(a, tokens, "month", "keyword", 1);
  expect_token(a, tokens, "advance", "keyword", 1);
  // The amount goes round its comment and its line break.
  expect_token(a, tokens, "IDR", "number");
  expect_token(a, tokens, "# the list price", "comment");
  expect_token(a, tokens, "216 million", "number");
  expect_token(a, tokens, "year", "keyword");
  // The lint's directive inside its comment.
  const SemanticToken* hash = token_at(tokens, offset_of(a, "# sla"));
  BOOST_REQUIRE(hash);
  BOOST_TEST(text_of(text, *hash) == "#");
  BOOST_TEST(type_name(*hash) == "comment");
  expect_token(a, tokens, "sla: allow SLA105, SLA102", "macro");
  expect_token(a, tokens, "(calendar days are meant)", "comment");
}

BOOST_AUTO_TEST_CASE(unknown_names_keep_their_use_kind) {
  const std::string text = "package p \"P\" {\n  requires nothing_here\n  calendar nowhere\n}\n";
  Analysis a = analyze("/tmp/tokens.sla", text);
  const auto tokens = tokens_of(a);
  check_tokens(text, tokens);
  expect_token(a, tokens, "nothing_here", "class");
  expect_token(a, tokens, "nowhere", "type");
  expect_token(a, tokens, "calendar", "keyword");
}

namespace {

void check_everything(const std::string& text) {
  Analysis a = analyze("/tmp/edited.sla", text);
  check_tokens(text, tokens_of(a));
  for (const auto& item : outline(a.loaded.files[0])) {
    BOOST_TEST(!item.name.empty());
    BOOST_TEST(item.range.begin <= item.selection.begin);
    BOOST_TEST(item.selection.end <= item.range.end);
    BOOST_TEST(item.range.end <= text.size());
  }
  for (const auto& fold : folding_ranges(a.loaded.files[0], a.root())) {
    BOOST_TEST(fold.first_line < fold.last_line);
    BOOST_TEST(fold.last_line <= a.root().line_count());
  }
}

}  // namespace

BOOST_AUTO_TEST_CASE(every_prefix_of_the_contract) {
  const std::string text = qiscus_text();
  for (std::size_t cut = 0; cut <= text.size(); cut += 37) check_everything(text.substr(0, cut));
}

BOOST_AUTO_TEST_CASE(random_edits) {
  const std::string text = qiscus_text();
  std::mt19937 random(20260109);
  static constexpr std::string_view inserts[] = {"{",    "}",      "\"", "#",   "\n",    "\r",
                                                 " 5 %", "within", "(",  "x y", "2026-", "\\"};
  for (int round = 0; round < 300; ++round) {
    std::string edited = text;
    for (int edit = 0; edit < 3; ++edit) {
      const std::size_t at = random() % (edited.size() + 1);
      if (random() % 2) {
        edited.erase(at, random() % 40);
      } else {
        edited.insert(at, inserts[random() % std::size(inserts)]);
      }
    }
    check_everything(edited);
  }
}
