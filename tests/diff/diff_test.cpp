// sla::diff: each change kind on the Qiscus contract (one edited clause, one
// change, its code and its effect), and what is no change: the same contract,
// formatted or reordered.
#define BOOST_TEST_MODULE diff
#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "sla/diff.hpp"
#include "sla/load.hpp"
#include "tools/document/contract_document.hpp"
#include "tools/document/markdown_writer.hpp"
#include "tools/format/formatter.hpp"
#include "tools/reports/diff_report.hpp"

using namespace sla;

namespace {

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

const std::string qiscus_path = SLA_SOURCE_DIR "/contracts/qiscus-enterprise.sla";

std::shared_ptr<const Model> load(const std::string& text, const std::string& name = "new.sla") {
  LoadResult r = load_string(name, text);
  for (const auto& d : r.diagnostics)
    if (d.severity == Severity::error) BOOST_TEST_MESSAGE(d.message);
  BOOST_REQUIRE(r.model);
  return r.model;
}

const Model& qiscus() {
  static const auto m = load(read(qiscus_path), "qiscus-2025.sla");
  return *m;
}

// The Qiscus contract with `from` replaced by `to` (which must be there).
std::string variant(const std::string& from, const std::string& to) {
  std::string text = read(qiscus_path);
  const auto at = text.find(from);
  BOOST_REQUIRE_MESSAGE(at != std::string::npos, from);
  return text.replace(at, from.size(), to);
}

void print(const std::vector<Change>& changes) {
  for (const auto& c : changes)
    BOOST_TEST_MESSAGE(name(c.effect) << " " << c.code << " " << c.message);
}

struct Case {
  const char* from;
  const char* to;
  const char* code;
  Effect effect;
  const char* says;  // a part of the message
};

}  // namespace

BOOST_AUTO_TEST_CASE(one_edited_clause_is_one_change_of_its_kind) {
  const Case cases[] = {
      {"respond to Normal within 4 business hours committed",
       "respond to Normal within 6 business hours committed", "SLA202", Effect::weaker,
       "package premium: respond to Normal within 6 business hours (was 4 business hours): 2 hours "
       "longer"},
      {"respond to High within 2 business hours committed",
       "respond to High within 1 business hour committed", "SLA202", Effect::stronger,
       "1 hour shorter"},
      {"respond to Critical within 1 business hour committed",
       "respond to Critical within 1 business hour best effort", "SLA204", Effect::weaker,
       "is best effort (was committed)"},
      {"resolve Critical within 8 hours committed",
       "resolve Critical within 8 business hours committed", "SLA203", Effect::weaker,
       "(was 8 hours): counted in business time"},
      {"open Mon-Fri 09:00-17:00 (\"09.00", "open Mon-Fri 09:00-16:00 (\"09.00", "SLA211",
       Effect::weaker, "5 hours a week fewer"},
      {"open daily 09:00-17:00", "open daily 08:00-17:00", "SLA211", Effect::stronger,
       "7 hours a week more"},
      {"price IDR 420 million", "price IDR 400 million", "SLA240", Effect::stronger,
       "price is IDR 400,000,000 (was IDR 420,000,000)"},
      {"price IDR 216 million", "price IDR 230 million", "SLA240", Effect::weaker, "add-on"},
      {"  closed on holidays id_national (\"Public Holidays\")", "  open on holidays", "SLA212",
       Effect::stronger, "fewer"},
      {"clock starts at next opening", "clock starts at creation", "SLA220", Effect::stronger,
       "the clock starts at creation (was at the next opening)"},
      {"target 99 % (\"Target 99%", "target 98 % (\"Target 99%", "SLA230", Effect::weaker,
       "target is 98 % (was 99 %)"},
      {"  feature \"Maintenance\"",
       "  feature \"Night watch\" \"Someone awake.\"\n  feature \"Maintenance\"", "SLA246",
       Effect::stronger, "new feature \u201cNight watch\u201d"},
      {"  business day is 8 hours\n}\n\n# Annex B", "  business day is 9 hours\n}\n\n# Annex B",
       "SLA214", Effect::weaker, "a business day is 9 hours (was 8 hours)"},
      {"exclude force majeure",
       "exclude other \"Outages of the Client's own network.\"\n    exclude force majeure",
       "SLA231", Effect::weaker,
       "new exclusion: other \u201cOutages of the Client's own network.\u201d"},
      {"\"Response Time\" means \"The time taken", "\"Response Time\" means \"The time spent",
       "SLA250", Effect::neutral, "the definition of \u201cResponse Time\u201d changed"},
      {"from 6 business hours escalate to \"Account Manager\"",
       "from 7 business hours escalate to \"Account Manager\"", "SLA225", Effect::weaker,
       "escalation"},
      {"changes notified at least 2 days in advance", "changes notified at least 5 days in advance",
       "SLA260", Effect::stronger, "the notice of changes is 5 days"},
      {"respond to Low within 1 business day committed",
       "respond to Low by end of next business day committed", "SLA205", Effect::neutral,
       "respond to Low by end of next business day (was within 1 business day)"},
      {"respond to Critical within 1 business hour committed",
       "respond to Critical within 1 business hour on calendar around_the_clock committed",
       "SLA206", Effect::stronger,
       "runs on calendar around_the_clock (was the package's calendar)"},
      {"  calendar office_hours\n", "  calendar every_day_office_hours\n", "SLA210",
       Effect::stronger,
       "package basic: calendar is every_day_office_hours (was office_hours): open 56 "
       "hours a week (was 40 hours)"},
      {"  zone \"Asia/Jakarta\" (\"GMT+7\")\n  open Mon-Fri",
       "  zone \"Asia/Makassar\" (\"GMT+7\")\n  open Mon-Fri", "SLA213", Effect::neutral,
       "time zone is Asia/Makassar (was Asia/Jakarta)"},
      {"# Listed from lowest to highest.",
       "calendar spare \"Spare\" {\n  zone \"UTC\"\n  open always\n  open on holidays\n}\n\n# "
       "Listed",
       "SLA215", Effect::neutral, "calendar spare added"},
      {"clock pauses on status \"waiting on client\", \"awaiting confirmation\"",
       "clock pauses on status \"waiting on client\", \"awaiting confirmation\", \"on hold\"",
       "SLA221", Effect::weaker, "\u201con hold\u201d"},
      {"  note \"For every issue raised", "  warn at 50 %, 75 %\n  note \"For every issue raised",
       "SLA222", Effect::neutral,
       "package premium: warnings are at 50 %, 75 % of a target's time (were none)"},
      {"  note \"For every issue raised",
       "  credit 5 % per breached Critical response\n  note \"For every issue raised", "SLA233",
       Effect::stronger, "ticket credits are 5 % per breached Critical response (were none)"},
      {"  excludes dedicated_24x7\n  price IDR 216",
       "  excludes dedicated_24x7, resolution\n  price IDR 216", "SLA241", Effect::neutral,
       "excludes dedicated_24x7, resolution"},
      {"package basic \"Basic Support\"", "package basic \"Basic Care\"", "SLA261", Effect::neutral,
       "the title is Basic Care (was Basic Support)"},
  };
  for (const Case& c : cases) {
    BOOST_TEST_CONTEXT(c.from) {
      const auto changed = load(variant(c.from, c.to));
      const auto changes = diff(qiscus(), *changed);
      print(changes);
      BOOST_REQUIRE_EQUAL(changes.size(), 1u);
      BOOST_TEST(changes[0].code == c.code);
      BOOST_TEST(name(changes[0].effect) == name(c.effect));
      BOOST_TEST(changes[0].message.find(c.says) != std::string::npos, changes[0].message);
      // Both versions' clauses are named, each in its own file.
      BOOST_TEST((changes[0].old_at.line > 0 || changes[0].new_at.line > 0));
      // Read the other way, the effect turns around.
      const auto back = diff(*changed, qiscus());
      BOOST_REQUIRE_EQUAL(back.size(), 1u);
      const Effect reverse = c.effect == Effect::weaker     ? Effect::stronger
                             : c.effect == Effect::stronger ? Effect::weaker
                                                            : Effect::neutral;
      BOOST_TEST(name(back[0].effect) == name(reverse));
    }
  }
}

BOOST_AUTO_TEST_CASE(every_code_has_a_case_here) {
  // The codes the cases above and below exercise; a new code needs its case.
  const std::set<std::string> tested = {"SLA201", "SLA202", "SLA203", "SLA204", "SLA205", "SLA206",
                                        "SLA210", "SLA211", "SLA212", "SLA213", "SLA214", "SLA215",
                                        "SLA220", "SLA221", "SLA222", "SLA225", "SLA230", "SLA231",
                                        "SLA232", "SLA233", "SLA240", "SLA241", "SLA245", "SLA246",
                                        "SLA250", "SLA251", "SLA252", "SLA260", "SLA261"};
  for (const auto& r : diff_rules()) BOOST_TEST(tested.count(std::string(r.code)) == 1u, r.code);
}

BOOST_AUTO_TEST_CASE(a_new_priority_and_the_targets_stated_for_all) {
  // A new priority, and the target `respond to all` now gives it (in basic, and
  // in premium, which inherits it): two changes.
  const auto changed = load(variant("priorities {\n", "priorities {\n  Trivial \"Cosmetic.\"\n"));
  const auto changes = diff(qiscus(), *changed);
  print(changes);
  BOOST_REQUIRE_EQUAL(changes.size(), 2u);
  BOOST_TEST(changes[0].code == "SLA201");
  BOOST_TEST(changes[0].message ==
             "package basic: new target: respond to all within 2 business days (best effort) (for "
             "Trivial) (also in package premium, which inherits it)");
  BOOST_TEST(changes[1].code == "SLA251");
  // A target for all priorities lengthened: one change, not one per priority.
  const auto longer = load(variant("respond to all within 2 business days best effort",
                                   "respond to all within 3 business days best effort"));
  const auto more = diff(qiscus(), *longer);
  print(more);
  BOOST_REQUIRE_EQUAL(more.size(), 1u);
  BOOST_TEST(more[0].message.starts_with("package basic: respond to all within 3 business days"));
}

BOOST_AUTO_TEST_CASE(examples_renamed) {
  const auto changed = load(variant("example \"A Normal ticket raised late on Friday",
                                    "example \"A Normal ticket raised at 16:30 on Friday"));
  const auto changes = diff(qiscus(), *changed);
  print(changes);
  BOOST_REQUIRE_EQUAL(changes.size(), 2u);
  BOOST_TEST(changes[0].code == "SLA252");
  BOOST_TEST(changes[0].message.starts_with("new example"));
  BOOST_TEST(changes[1].message.find("removed") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(an_inherited_clause_is_one_change) {
  // basic's "respond to all" reaches premium only where premium says nothing; the
  // uptime block of basic is premium's too unless premium restates it.
  const auto changed =
      load(variant("published at \"status.qiscus.com\"\n  }\n}\n\npackage premium",
                   "published at \"status.example.com\"\n  }\n}\n\npackage premium"));
  const auto changes = diff(qiscus(), *changed);
  print(changes);
  BOOST_REQUIRE_EQUAL(changes.size(), 1u);
  BOOST_TEST(changes[0].code == "SLA232");
}

BOOST_AUTO_TEST_CASE(added_and_removed_packages_and_targets) {
  std::string text = read(qiscus_path);
  text += "\naddon weekend \"Weekend cover\" {\n  requires premium\n  price IDR 10 million\n}\n";
  const auto more = load(text);
  auto changes = diff(qiscus(), *more);
  print(changes);
  BOOST_REQUIRE_EQUAL(changes.size(), 1u);
  BOOST_TEST(changes[0].code == "SLA245");
  BOOST_TEST(name(changes[0].effect) == "stronger");
  changes = diff(*more, qiscus());
  BOOST_TEST(name(changes.at(0).effect) == "weaker");
  const auto fewer =
      load(variant("  resolve Critical within 8 hours committed (\"no more than 8 hours\")\n", ""));
  changes = diff(qiscus(), *fewer);
  print(changes);
  BOOST_REQUIRE_EQUAL(changes.size(), 1u);
  BOOST_TEST(changes[0].code == "SLA201");
  BOOST_TEST(name(changes[0].effect) == "weaker");
}

BOOST_AUTO_TEST_CASE(the_same_contract_formatted_or_reordered_is_no_change) {
  for (const auto& entry : std::filesystem::directory_iterator(SLA_SOURCE_DIR "/contracts")) {
    if (entry.path().extension() != ".sla") continue;
    BOOST_TEST_CONTEXT(entry.path().filename().string()) {
      const std::string text = read(entry.path().string());
      LoadOptions options;
      options.imports = ImportPolicy::folders({entry.path().parent_path().string()});
      const LoadResult a = load_string(entry.path().string(), text, options);
      BOOST_REQUIRE(a.model);
      BOOST_TEST(diff(*a.model, *a.model).empty());
      // No indentation, no blank lines, a comment: then formatted by sla fmt.
      std::string messy;
      std::istringstream lines(text);
      for (std::string line; std::getline(lines, line);) {
        line.erase(0, line.find_first_not_of(" \t"));
        if (!line.empty()) messy += line + "\n";
      }
      messy += "# a comment at the end\n";
      const LoadResult b = load_string("messy.sla", messy, options);
      BOOST_REQUIRE(b.model);
      BOOST_TEST(diff(*a.model, *b.model).empty());
      const auto formatted = cli::format_source("messy.sla", messy);
      BOOST_REQUIRE(formatted.text);
      const LoadResult c = load_string("formatted.sla", *formatted.text, options);
      BOOST_REQUIRE(c.model);
      BOOST_TEST(diff(*a.model, *c.model).empty());
    }
  }
  // Top-level items in another order: the last package first.
  std::string text = read(qiscus_path);
  const auto premium = text.find("package premium");
  const auto end = text.find("\naddon dedicated_8x7");
  const std::string block = text.substr(premium, end - premium);
  text.erase(premium, block.size());
  text.insert(text.find("package basic"), block + "\n");
  const auto moved = load(text);
  BOOST_TEST(diff(qiscus(), *moved).empty());
}

BOOST_AUTO_TEST_CASE(every_code_is_documented) {
  const std::string doc = read(SLA_SOURCE_DIR "/docs/diff.md");
  for (const auto& r : diff_rules()) {
    BOOST_TEST(r.code.starts_with("SLA2"));
    BOOST_TEST(doc.find("### " + std::string(r.code)) != std::string::npos, r.code);
    BOOST_TEST(!r.rule.empty());
  }
}

BOOST_AUTO_TEST_CASE(a_redline_strikes_the_old_words) {
  const auto changed = load(variant("respond to Normal within 4 business hours committed",
                                    "respond to Normal within 6 business hours committed"));
  const auto changes = diff(qiscus(), *changed);
  cli::RenderOptions options;
  options.changes = &changes;
  options.compared_with = "qiscus-2025.sla";
  const std::string md = cli::markdown(cli::contract_document(*changed, options));
  // The summary before the contents, then the clause marked where it is.
  const auto summary = md.find("**Changes since qiscus-2025.sla**");
  const auto contents = md.find("## 1.");
  BOOST_REQUIRE(summary != std::string::npos);
  BOOST_TEST(summary < contents);
  BOOST_TEST(md.find("| **weaker** | package premium: respond to Normal within 6 business hours "
                     "(was 4 business hours): 2 hours longer | ~~4 business hours~~ | "
                     "<ins>6 business hours</ins> |") != std::string::npos);
  const auto row = md.find("| **Normal** | **6 business hours** |");
  BOOST_REQUIRE(row != std::string::npos);
  const auto line_end = md.find('\n', row);
  BOOST_TEST(
      md.substr(row, line_end - row).find("~~4 business hours~~ <ins>(changed: weaker)</ins>") !=
          std::string::npos,
      md.substr(row, line_end - row));
  // The same contract: the summary says so, nothing is marked.
  const auto none = diff(qiscus(), qiscus());
  options.changes = &none;
  const std::string same = cli::markdown(cli::contract_document(qiscus(), options));
  BOOST_TEST(same.find("None: the two versions say the same.") != std::string::npos);
  BOOST_TEST(same.find("~~") == std::string::npos);
}

// A renewal with several changes, as `sla diff` prints it: the golden file is
// reviewed like the contract (SLA_UPDATE_GOLDEN=1 rewrites it).
BOOST_AUTO_TEST_CASE(a_renewal_in_words) {
  std::string text = read(qiscus_path);
  const std::pair<const char*, const char*> edits[] = {
      {"version \"2025.1\"", "version \"2026.1\""},
      {"effective 2025-01-01", "effective 2026-01-01"},
      {"respond to Normal within 4 business hours committed",
       "respond to Normal within 6 business hours committed"},
      {"open Mon-Fri 09:00-17:00 (\"09.00", "open Mon-Fri 08:00-16:00 (\"09.00"},
      {"price IDR 420 million", "price IDR 450 million"},
      {"exclude force majeure",
       "exclude other \"Internet outages in the Client's region.\"\n    exclude force majeure"},
  };
  for (const auto& [from, to] : edits) {
    const auto at = text.find(from);
    BOOST_REQUIRE_MESSAGE(at != std::string::npos, from);
    text.replace(at, std::string_view(from).size(), to);
  }
  const auto changed = load(text, "qiscus-2026.sla");
  cli::DiffSummary summary{"qiscus-2025.sla", "qiscus-2026.sla", diff(qiscus(), *changed), nullptr};
  const std::string got = cli::diff_text(summary, false);
  const std::string golden = SLA_SOURCE_DIR "/tests/diff/golden/qiscus-renewal.diff";
  if (std::getenv("SLA_UPDATE_GOLDEN")) {
    std::ofstream(golden, std::ios::binary) << got;
    return;
  }
  BOOST_TEST(got == read(golden));
}
