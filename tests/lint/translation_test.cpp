// Translations of the contract's own texts: the `translation` block as the checker
// reads it, and SLA123, which finds the texts a translation leaves out and the
// entries it keeps for texts the contract no longer says.
#define BOOST_TEST_MODULE translations
#include <boost/test/unit_test.hpp>

#include "sla/lint.hpp"
#include "support.hpp"

using namespace sla;

namespace {

const std::string kContract = R"(contract "Acme Support" {
  provider "Acme"
  version "1"
  effective 2026-01-01
}
priorities {
  Low "Questions"
  High "Production down"
}
calendar office "Weekdays" {
  zone "Asia/Jakarta"
  open Mon-Fri 09:00-17:00
  open on holidays
}
package standard "Standard Support" {
  calendar office
  feature "Docs" "Documentation online"
  respond to Low within 8 business hours
}
)";

const std::string kComplete = R"(translation id "Bahasa Indonesia" {
  "Acme Support" = "Dukungan Acme"
  "Questions" = "Pertanyaan"
  "Production down" = "Produksi berhenti"
  "Weekdays" = "Hari kerja"
  "Standard Support" = "Dukungan Standar"
  "Docs" = "Dokumentasi"
  "Documentation online" = "Dokumentasi daring"
}
)";

std::vector<Diagnostic> findings(const LintResult& r, std::string_view code) {
  std::vector<Diagnostic> out;
  for (const auto& d : r.diagnostics)
    if (d.code == code) out.push_back(d);
  return out;
}

LintResult lint(const std::string& text, std::vector<std::string> languages = {}) {
  LintOptions options;
  options.languages = std::move(languages);
  return lint_string("t.sla", text, options);
}

}  // namespace

BOOST_AUTO_TEST_CASE(the_block_reaches_the_model) {
  const LoadResult r = load_string("t.sla", kContract + kComplete);
  BOOST_TEST_REQUIRE(sla::testing::codes(r) == "");
  BOOST_TEST_REQUIRE(r.model->translations.size() == 1u);
  const Translation& t = r.model->translations[0];
  BOOST_TEST(t.language == "id");
  BOOST_TEST(t.name == "Bahasa Indonesia");
  BOOST_TEST(t.texts.at("Standard Support") == "Dukungan Standar");
  BOOST_TEST(t.at.at("Questions").line == 22u);
}

BOOST_AUTO_TEST_CASE(language_codes_and_repeats_are_checked) {
  auto code_of = [](const std::string& block) {
    return sla::testing::codes(load_string("t.sla", kContract + block));
  };
  BOOST_TEST(code_of("translation ID { \"Questions\" = \"Pertanyaan\" }") == "SLA031");
  BOOST_TEST(code_of("translation indonesian { \"Questions\" = \"Pertanyaan\" }") == "SLA031");
  BOOST_TEST(code_of("translation pt_BR { \"Questions\" = \"Perguntas\" }") == "");
  BOOST_TEST(
      code_of("translation id { \"Questions\" = \"A\" }\ntranslation id { \"Docs\" = \"B\" }") ==
      "SLA020");
  BOOST_TEST(code_of("translation id { \"Questions\" = \"A\"; \"Questions\" = \"B\" }") ==
             "SLA022");
  // A language code is not an item name: a package may be called `id`.
  BOOST_TEST(code_of("translation standard { \"Questions\" = \"A\" }") == "SLA031");
  const LoadResult broken =
      load_string("t.sla", kContract + "translation id { \"Questions\" \"A\" }");
  BOOST_TEST_REQUIRE(!broken.diagnostics.empty());
  BOOST_TEST(broken.diagnostics[0].message.find("'='") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(no_translation_asked_no_finding) {
  BOOST_TEST(findings(lint(kContract), "SLA123").empty());
  // The contract's texts are English: asking for English asks for nothing.
  BOOST_TEST(findings(lint(kContract, {"en"}), "SLA123").empty());
}

BOOST_AUTO_TEST_CASE(asked_for_a_language_every_statement_with_texts_is_listed) {
  const LintResult r = lint(kContract, {"id"});
  const auto list = findings(r, "SLA123");
  // The header, two priorities, the calendar, the package (three texts, one finding).
  BOOST_TEST_REQUIRE(list.size() == 5u);
  const Diagnostic& package = list[4];
  BOOST_TEST(package.location.line == 15u);
  BOOST_TEST(package.message.find("\"Standard Support\" and 2 more texts") != std::string::npos);
  BOOST_TEST(package.hint.find("translation id {") != std::string::npos);
  BOOST_TEST(package.hint.find("\"Documentation online\" = ") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_complete_translation_has_no_finding) {
  BOOST_TEST(findings(lint(kContract + kComplete), "SLA123").empty());
  BOOST_TEST(findings(lint(kContract + kComplete, {"id"}), "SLA123").empty());
}

BOOST_AUTO_TEST_CASE(a_block_is_checked_without_being_asked) {
  std::string partial = kComplete;
  partial.erase(partial.find("  \"Docs\""), std::string("  \"Docs\" = \"Dokumentasi\"\n").size());
  const auto list = findings(lint(kContract + partial), "SLA123");
  BOOST_TEST_REQUIRE(list.size() == 1u);
  BOOST_TEST(list[0].message.find("no translation into 'id' of \"Docs\"") != std::string::npos);
  BOOST_TEST(list[0].hint.find("add to 'translation id': \"Docs\" = ") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(an_entry_for_a_text_the_contract_no_longer_says) {
  std::string edited = kContract;
  edited.replace(edited.find("\"Questions\""), 11, "\"Questions and requests\"");
  const LintResult r = lint(edited + kComplete);
  const auto list = findings(r, "SLA123");
  BOOST_TEST_REQUIRE(list.size() == 2u);
  // The new text lacks a translation; the old entry is stale, at its own line.
  BOOST_TEST(list[0].message.find("\"Questions and requests\"") != std::string::npos);
  BOOST_TEST(list[1].location.line == 22u);  // "Questions" = ...
  BOOST_TEST(list[1].message.find("which the contract does not say") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(languages_lacking_the_same_texts_share_a_finding) {
  const auto list = findings(lint(kContract + kComplete, {"ms"}), "SLA123");
  BOOST_TEST_REQUIRE(list.size() == 5u);
  BOOST_TEST(list[0].message.find("into 'ms' of \"Acme Support\"") != std::string::npos);
  const auto both = findings(lint(kContract, {"id", "ms"}), "SLA123");
  BOOST_TEST_REQUIRE(both.size() == 5u);
  BOOST_TEST(both[0].message.find("into 'id' or 'ms'") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_stdlibs_texts_are_not_the_contracts_own) {
  std::string contract = kContract;
  contract.replace(contract.find("  open on holidays"), 17, "  closed on holidays id_national");
  const LintResult r = lint("import \"std/holidays/id\"\n" + contract + kComplete);
  for (const auto& d : findings(r, "SLA123")) BOOST_TEST(d.location.file == "t.sla");
  BOOST_TEST(findings(r, "SLA123").empty());
}

BOOST_AUTO_TEST_CASE(an_empty_side_is_an_error) {
  auto code_of = [](const std::string& block) {
    return sla::testing::codes(load_string("t.sla", kContract + block));
  };
  BOOST_TEST(code_of("translation id { \"Questions\" = \"\" }") == "SLA031");
  BOOST_TEST(code_of("translation id { \"\" = \"Pertanyaan\" }") == "SLA031");
}

BOOST_AUTO_TEST_CASE(a_stale_entry_names_the_text_it_became) {
  std::string edited = kContract;
  edited.replace(edited.find("\"Weekdays\""), 10, "\"Weekdays 09:00\"");
  const auto list = findings(lint(edited + kComplete), "SLA123");
  BOOST_TEST_REQUIRE(list.size() == 2u);
  const Diagnostic& stale = list[1];
  BOOST_TEST(stale.message.find("(it now says \"Weekdays 09:00\")") != std::string::npos);
  BOOST_TEST(stale.hint.find("on the left of '=': \"Weekdays 09:00\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(without_a_block_the_hint_asks_for_one_block) {
  const auto list = findings(lint(kContract, {"id"}), "SLA123");
  BOOST_TEST_REQUIRE(!list.empty());
  for (const auto& d : list)
    BOOST_TEST(d.hint.find("add to one block 'translation id { … }'") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_translation_may_name_the_librarys_holidays) {
  std::string contract = kContract;
  contract.replace(contract.find("  open on holidays"), 17, "  closed on holidays id_national");
  const std::string block = kComplete.substr(0, kComplete.rfind('}')) +
                            "  \"Good Friday\" = \"Wafat Yesus Kristus\"\n}\n";
  const LintResult r = lint("import \"std/holidays/id\"\n" + contract + block);
  // Not required, but not stale either: the load says it.
  BOOST_TEST(findings(r, "SLA123").empty());
}
