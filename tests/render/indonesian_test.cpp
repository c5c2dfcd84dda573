// sla render in Indonesian: the Qiscus contract, which carries a complete
// `translation id` block, rendered with the Indonesian wording leaves nothing in
// English: every phrase the code says has a translation in lang/id.po, every text
// of the contract one in its block, and none of the usual English words is left.
// The Markdown is written beside the test binary for review (qiscus-enterprise.id.md).
#define BOOST_TEST_MODULE render_indonesian
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <set>

#include "sla/lint.hpp"
#include "sla/load.hpp"
#include "tools/document/contract_document.hpp"
#include "tools/document/html_writer.hpp"
#include "tools/document/markdown_writer.hpp"

namespace fs = std::filesystem;
using namespace sla;
using namespace sla::cli;

namespace {

struct AtRoot {
  fs::path before = fs::current_path();
  AtRoot() { fs::current_path(SLA_SOURCE_DIR); }
  ~AtRoot() { fs::current_path(before); }
};

std::string joined(const std::set<std::string>& items) {
  std::string out;
  for (const auto& i : items) out += "\n  " + i;
  return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(qiscus_in_indonesian_says_everything_in_indonesian) {
  std::string md, page;
  std::set<std::string> library_names;  // the standard library's holidays, in English
  {
    AtRoot root;
    LoadResult r = load_file("contracts/qiscus-enterprise.sla");
    BOOST_TEST_REQUIRE(r.ok());
    const auto wording = Wording::in("id", r.model.get());
    BOOST_TEST_REQUIRE(wording.has_value());
    RenderOptions options;
    options.wording = &*wording;
    const doc::Document d = contract_document(*r.model, options);
    md = markdown(d);
    page = html(d);
    for (const auto& set : r.model->holiday_sets)
      if (set.span.file.starts_with("std/")) {
        library_names.insert(set.title);
        for (const auto& day : set.days) library_names.insert(day.name);
      }
    BOOST_TEST(wording->missing_phrases().empty(),
               "phrases without a translation in id.po:" << joined(wording->missing_phrases()));
    BOOST_TEST(wording->missing_texts().empty(),
               "texts without a translation in the contract:" << joined(wording->missing_texts()));
    BOOST_TEST(wording->broken_phrases().empty(),
               "translations whose fields do not fit:" << joined(wording->broken_phrases()));
  }
  std::ofstream("qiscus-enterprise.id.md", std::ios::binary) << md;

  BOOST_TEST(page.find("<html lang=\"id\">") != std::string::npos);
  for (const char* term :
       {"hari kerja", "jam kerja", "Waktu respons", "Waktu penyelesaian", "Tanda Tangan", "Klien",
        "Lampiran", "klausul", "Jumat, 9 Januari 2026", "pukul 16.30",
        "Senin sampai dengan Jumat, 09.00\u201317.00", "IDR 216.000.000", "99%", "Sen  "})
    BOOST_TEST(md.find(term) != std::string::npos, "the Markdown lacks: " << term);
  // The holiday names of std/holidays/id: the contract translates the ones its
  // years meet (the library writes them in English), so none is left as written.
  for (const char* name : {"Good Friday", "End of Ramadan (Eid al-Fitr)", "Christmas Day",
                           "Indonesia public holidays"})
    BOOST_TEST(md.find(name) == std::string::npos, "left in English: " << name);
  BOOST_TEST(md.find("Hari Raya Idulfitri") != std::string::npos);
  // The generated words that would betray an English document. (Priority names,
  // "Qiscus", "WhatsApp" and "SLA" stay as they are; so do the library's holiday
  // names a contract leaves untranslated, which are taken out before looking.)
  std::string generated = md;
  for (const auto& name : library_names)
    for (auto at = generated.find(name); at != std::string::npos; at = generated.find(name, at))
      generated.erase(at, name.size());
  for (const char* english : {"Response",
                              "Resolution",
                              "business day",
                              "business hour",
                              "within",
                              "Signature",
                              "Clause",
                              "clause ",
                              "Page ",
                              "Appendix",
                              "Monday",
                              "Friday",
                              "January",
                              "Closed",
                              " hours",
                              " minutes",
                              " at ",
                              " the ",
                              " and ",
                              " of ",
                              "Client",
                              "Provider",
                              "line ",
                              "Example",
                              "Why:",
                              "Committed",
                              "Best effort",
                              "Operating hours",
                              "Around the clock",
                              "Mon  ",
                              "open   "})
    BOOST_TEST(generated.find(english) == std::string::npos,
               "English in the Markdown: " << english);
}

// Every branch of the builder says its phrases through the list: the edge cases
// (unions, attributes, updates, restorations, credits, special dates) and the
// reviewer's appendix. (Their contracts carry no translation: their texts stay.)
BOOST_AUTO_TEST_CASE(every_phrase_of_every_branch_has_a_translation) {
  AtRoot root;
  for (const char* file : {"tests/render/edge.sla", "contracts/qiscus-enterprise.sla"}) {
    BOOST_TEST_CONTEXT(file) {
      LoadResult r = load_file(file);
      BOOST_TEST_REQUIRE(r.ok());
      LintResult lint = lint_file(file);
      const auto wording = Wording::in("id", r.model.get());
      RenderOptions options;
      options.wording = &*wording;
      options.findings = &lint.diagnostics;
      const std::string md = markdown(contract_document(*r.model, options));
      BOOST_TEST(!md.empty());
      BOOST_TEST(wording->missing_phrases().empty(),
                 "phrases without a translation in id.po:" << joined(wording->missing_phrases()));
      BOOST_TEST(wording->broken_phrases().empty(),
                 "translations whose fields do not fit:" << joined(wording->broken_phrases()));
    }
  }
}
