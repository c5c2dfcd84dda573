// The words of documents in other languages: the .po reader, every embedded word
// list (it reads, and each translation keeps its phrase's fields), and Wording's
// look-ups and fall-backs.
#define BOOST_TEST_MODULE wording
#include <boost/test/unit_test.hpp>
#include <regex>

#include "sla/load.hpp"
#include "tools/wording/po_catalogue.hpp"
#include "tools/wording/word_lists.hpp"
#include "tools/wording/wording.hpp"

using namespace sla;
using namespace sla::cli;

namespace {

// The fields of a format: "{}" counted in order, "{1}" by number; the result is the
// sorted list of field numbers.
std::vector<int> fields(const std::string& format) {
  std::vector<int> out;
  int next = 0;
  for (std::size_t i = 0; i < format.size(); ++i) {
    if (format[i] == '{' && i + 1 < format.size() && format[i + 1] == '{') {
      ++i;
      continue;
    }
    if (format[i] != '{') continue;
    const std::size_t close = format.find('}', i);
    const std::string inside = format.substr(i + 1, close - i - 1);
    const std::string number = inside.substr(0, inside.find(':'));
    out.push_back(number.empty() ? next++ : std::stoi(number));
    i = close;
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(po_entries_continuations_and_escapes) {
  const PoCatalogue po = read_po(R"(# a comment
msgid ""
msgstr ""
"Language: id\n"

#. a note for the translator
msgid "Response time"
msgstr "Waktu respons"

msgid "Within {} of the \"start\""
msgstr "Dalam {} sejak "
"\"awal\""

msgctxt "table heading"
msgid "Priority"
msgstr "Prioritas"

msgid "Untranslated"
msgstr ""
)");
  BOOST_TEST(po.error == "");
  BOOST_TEST(po.messages.size() == 3u);
  BOOST_TEST(po.messages.at("Response time") == "Waktu respons");
  BOOST_TEST(po.messages.at("Within {} of the \"start\"") == "Dalam {} sejak \"awal\"");
  BOOST_TEST(po.messages.at("Priority") == "Prioritas");
  BOOST_TEST(!po.messages.contains("Untranslated"));
}

BOOST_AUTO_TEST_CASE(po_errors_say_their_line) {
  BOOST_TEST(read_po("msgid \"a\"\nmsgstr b\n").error ==
             "line 2: expected a string in double quotes");
  BOOST_TEST(read_po("msgstr \"a\"\n").error == "line 1: msgstr without a msgid before it");
  BOOST_TEST(read_po("msgid \"a\"\nmsgstr \"b\\q\"\n").error == "line 2: unknown escape \\q");
  BOOST_TEST(read_po("\"stray\"\n").error ==
             "line 1: a continued string follows no msgid or msgstr");
  BOOST_TEST(read_po("msgid \"a\"\nmsgtxt \"b\"\n").error.starts_with("line 2: unknown keyword"));
}

BOOST_AUTO_TEST_CASE(every_word_list_reads_and_keeps_its_fields) {
  BOOST_TEST_REQUIRE(!word_lists().empty());
  for (const auto& list : word_lists()) {
    BOOST_TEST_CONTEXT("lang/" << list.code << ".po") {
      const PoCatalogue po = read_po(list.text);
      BOOST_TEST(po.error == "");
      BOOST_TEST(po.messages.size() > 2u);
      for (const auto& [id, str] : po.messages) {
        BOOST_TEST_CONTEXT(id) {
          BOOST_TEST(fields(id) == fields(str), boost::test_tools::per_element());
          // A translation ends as its phrase does: a sentence with a full stop.
          if (id.ends_with(".")) BOOST_TEST(str.ends_with("."));
        }
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(languages_and_their_names) {
  const auto languages = Wording::languages();
  BOOST_TEST_REQUIRE(languages.size() >= 2u);
  BOOST_TEST(languages[0] == "en");
  BOOST_TEST((std::find(languages.begin(), languages.end(), "id") != languages.end()));
  BOOST_TEST(Wording::english_name("id") == "Indonesian");
  BOOST_TEST(Wording::native_name("id") == "Bahasa Indonesia");
  BOOST_TEST(!Wording::in("xx").has_value());
}

BOOST_AUTO_TEST_CASE(english_says_what_the_code_writes) {
  const Wording en;
  BOOST_TEST(en.say("business days") == "business days");
  BOOST_TEST(en.say("{} within {}", "Response", "4 hours") == "Response within 4 hours");
  BOOST_TEST(en.own("Basic Support") == "Basic Support");
  BOOST_TEST(en.missing_phrases().empty());
  BOOST_TEST(en.missing_texts().empty());
}

BOOST_AUTO_TEST_CASE(indonesian_says_its_list_and_falls_back_to_english) {
  const Wording id = *Wording::in("id");
  BOOST_TEST(id.say("business days") == "hari kerja");
  BOOST_TEST(id.say("a phrase no list has") == "a phrase no list has");
  BOOST_TEST(id.missing_phrases().contains("a phrase no list has"));
}

BOOST_AUTO_TEST_CASE(the_contracts_own_texts_come_from_its_translation) {
  const LoadResult r = load_string("t.sla", R"(priorities { Low "Questions"; High "Outage" }
translation id "Bahasa Indonesia" { "Questions" = "Pertanyaan" }
)");
  BOOST_TEST_REQUIRE(r.model != nullptr);
  const Wording id = *Wording::in("id", r.model.get());
  BOOST_TEST(id.own("Questions") == "Pertanyaan");
  BOOST_TEST(id.own("Outage") == "Outage");
  BOOST_TEST(id.missing_texts().size() == 1u);
  BOOST_TEST(id.missing_texts().contains("Outage"));
  // A language the contract does not translate into keeps its texts as written.
  const Wording en = *Wording::in("en", r.model.get());
  BOOST_TEST(en.own("Questions") == "Questions");
}
