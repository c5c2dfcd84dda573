// The document's outline and the ranges that fold.
#define BOOST_TEST_MODULE ide_outline
#include <boost/test/unit_test.hpp>

#include <fstream>
#include <sstream>

#include "tests/ide/ide_support.hpp"
#include "tools/ide/analysis.hpp"
#include "tools/ide/outline.hpp"

using namespace sla;
using namespace sla::ide;
using namespace sla::ide::test;

namespace {

const OutlineItem* find(const std::vector<OutlineItem>& items, std::string_view name) {
  for (const auto& i : items)
    if (i.name == name) return &i;
  return nullptr;
}

std::string_view text_of(const Analysis& a, Span s) {
  return std::string_view(a.text()).substr(s.begin, s.end - s.begin);
}

// What every client requires: a name, a selection inside the range, children
// inside their parent; and the range inside the text.
void check_items(const std::vector<OutlineItem>& items, std::size_t size, const Span* parent) {
  for (const auto& i : items) {
    BOOST_TEST(!i.name.empty());
    BOOST_TEST(i.name.find('\n') == std::string::npos);
    BOOST_TEST(i.lsp_kind >= 1);
    BOOST_TEST(i.lsp_kind <= 26);
    BOOST_TEST(i.range.begin <= i.range.end);
    BOOST_TEST(i.range.end <= size);
    BOOST_TEST(i.selection.begin <= i.selection.end);
    BOOST_TEST(i.range.begin <= i.selection.begin);
    BOOST_TEST(i.selection.end <= i.range.end);
    if (parent) {
      BOOST_TEST(parent->begin <= i.range.begin);
      BOOST_TEST(i.range.end <= parent->end);
    }
    check_items(i.children, size, &i.range);
  }
}

void check_folds(const std::vector<Fold>& folds, const SourceFile& source) {
  std::uint32_t previous = 0;
  for (const auto& f : folds) {
    BOOST_TEST(f.first_line >= 1u);
    BOOST_TEST(f.first_line < f.last_line);
    BOOST_TEST(f.last_line <= source.line_count());
    BOOST_TEST(f.first_line > previous);  // one fold per starting line, in order
    previous = f.first_line;
  }
}

bool has_fold(const std::vector<Fold>& folds, std::uint32_t first, std::uint32_t last,
              bool comment) {
  for (const auto& f : folds)
    if (f.first_line == first && f.last_line == last && f.comment == comment) return true;
  return false;
}

}  // namespace

BOOST_AUTO_TEST_CASE(qiscus_outline) {
  Analysis a = analyze(SLA_SOURCE_DIR "/contracts/qiscus-enterprise.sla", qiscus_text());
  BOOST_REQUIRE(!has_errors(a.diagnostics));
  const auto items = outline(a.loaded.files[0]);
  check_items(items, a.text().size(), nullptr);

  BOOST_REQUIRE(items.size() >= 2u);
  BOOST_TEST(items[0].name == "std/holidays/id");
  BOOST_TEST(items[0].lsp_kind == 1);
  BOOST_TEST(text_of(a, items[0].selection) == "\"std/holidays/id\"");
  BOOST_TEST(items[1].name == "Qiscus Enterprise Support");
  BOOST_TEST(items[1].detail == "contract");
  BOOST_TEST(items[1].lsp_kind == 2);

  const OutlineItem* definitions = find(items, "definitions");
  BOOST_REQUIRE(definitions);
  BOOST_TEST(definitions->children.size() == 5u);
  BOOST_TEST(definitions->children[0].name == "SLA");
  BOOST_TEST(definitions->children[0].lsp_kind == 20);

  const OutlineItem* office = find(items, "office_hours");
  BOOST_REQUIRE(office);
  BOOST_TEST(office->lsp_kind == 23);
  BOOST_TEST(office->detail == "Weekdays 09:00-17:00 (GMT+7)");
  BOOST_TEST(text_of(a, office->selection) == "office_hours");
  BOOST_TEST(text_of(a, office->range).starts_with("calendar office_hours"));
  BOOST_TEST(text_of(a, office->range).ends_with("}"));

  const OutlineItem* priorities = find(items, "priorities");
  BOOST_REQUIRE(priorities);
  BOOST_TEST(priorities->lsp_kind == 10);
  BOOST_REQUIRE(priorities->children.size() == 4u);
  BOOST_TEST(priorities->children[3].name == "Critical");
  BOOST_TEST(priorities->children[3].lsp_kind == 22);
  // The description cut to one short line.
  BOOST_TEST(priorities->children[3].detail.starts_with("Production system down"));
  BOOST_TEST(priorities->children[3].detail.ends_with("\u2026"));
  BOOST_TEST(priorities->children[3].detail.size() < 70u);

  const OutlineItem* premium = find(items, "premium");
  BOOST_REQUIRE(premium);
  BOOST_TEST(premium->lsp_kind == 4);
  BOOST_TEST(premium->detail == "Premium Support");
  const OutlineItem* critical =
      find(premium->children, "respond to Critical within 1 business hour");
  BOOST_REQUIRE(critical);
  BOOST_TEST(critical->lsp_kind == 6);
  BOOST_TEST(critical->detail == "committed");
  BOOST_TEST(find(premium->children, "resolve Critical within 8 hours"));
  const OutlineItem* escalation = find(premium->children, "escalation");
  BOOST_REQUIRE(escalation);
  BOOST_TEST(escalation->lsp_kind == 18);
  BOOST_REQUIRE(escalation->children.size() == 2u);
  BOOST_TEST(escalation->children[0].name == "Technical Support");
  BOOST_TEST(escalation->children[0].detail == "from 0 business hours until 6 business hours");
  BOOST_TEST(escalation->children[1].detail == "from 6 business hours, when no response");
  const OutlineItem* uptime = find(premium->children, "Chat Service");
  BOOST_REQUIRE(uptime);
  BOOST_TEST(uptime->lsp_kind == 19);
  BOOST_TEST(uptime->detail == "uptime 99 %");

  const OutlineItem* basic = find(items, "basic");
  BOOST_REQUIRE(basic);
  BOOST_TEST(find(basic->children, "respond to all within 2 business days"));

  const OutlineItem* addon = find(items, "dedicated_8x7");
  BOOST_REQUIRE(addon);
  BOOST_TEST(addon->lsp_kind == 5);
  BOOST_TEST(addon->detail == "8×7 Dedicated Support");
  BOOST_TEST(find(addon->children, "escalation"));

  const OutlineItem* example = find(items, "New Year's Day is skipped");
  BOOST_REQUIRE(example);
  BOOST_TEST(example->lsp_kind == 12);
  BOOST_TEST(example->detail == "under premium");
  const OutlineItem* example_8x7 = find(items, "Under the 8x7 annex, weekends are operating days");
  BOOST_REQUIRE(example_8x7);
  BOOST_TEST(example_8x7->detail == "under premium with dedicated_8x7");

  const OutlineItem* translation = find(items, "id");
  BOOST_REQUIRE(translation);
  BOOST_TEST(translation->lsp_kind == 3);
  BOOST_TEST(translation->detail == "Bahasa Indonesia");
  BOOST_TEST(translation->children.size() > 50u);
  BOOST_TEST(translation->children[0].name == "Qiscus Enterprise Support");
  BOOST_TEST(translation->children[0].detail == "Dukungan Enterprise Qiscus");
}

BOOST_AUTO_TEST_CASE(targets_holidays_and_attributes) {
  const std::string text = R"(holidays company "Company days" {
  2026-12-24 "Christmas Eve" tentative
  2026-12-31 "New Year's Eve"
}
attribute channel "phone", "chat"
package p "P" {
  respond to Critical where channel is "phone", "chat" within 30 minutes on calendar late best effort ("half an hour")
  update High every 2 hours
  resolve Low by 12:00 next business day
  restore all within 4 hours
  uptime "API" { target 99.9 % }
}
)";
  Analysis a = analyze("/tmp/outline.sla", text);
  const auto items = outline(a.loaded.files[0]);
  check_items(items, text.size(), nullptr);
  BOOST_REQUIRE(items.size() == 3u);
  BOOST_TEST(items[0].name == "company");
  BOOST_TEST(items[0].detail == "Company days");
  BOOST_REQUIRE(items[0].children.size() == 2u);
  BOOST_TEST(items[0].children[0].name == "Christmas Eve");
  BOOST_TEST(items[0].children[0].detail == "2026-12-24 (tentative)");
  BOOST_TEST(items[0].children[0].lsp_kind == 24);
  BOOST_TEST(items[1].name == "channel");
  BOOST_TEST(items[1].lsp_kind == 7);
  BOOST_TEST(items[1].detail == "\"phone\", \"chat\"");
  const auto& targets = items[2].children;
  BOOST_REQUIRE(targets.size() == 5u);
  BOOST_TEST(targets[0].name ==
             "respond to Critical where channel is \"phone\", \"chat\" within 30 minutes on "
             "calendar late");
  BOOST_TEST(targets[0].detail == "best effort");
  BOOST_TEST(targets[1].name == "update High every 2 hours");
  BOOST_TEST(targets[2].name == "resolve Low by 12:00 next business day");
  BOOST_TEST(targets[3].name == "restore all within 4 hours");
  BOOST_TEST(targets[4].name == "API");
  BOOST_TEST(targets[4].detail == "uptime 99.9 %");
}

BOOST_AUTO_TEST_CASE(names_are_never_empty) {
  const std::string text =
      "contract \"\" { provider \"X\" }\nexample \"  \" { under p }\n"
      "definitions { \"\" means \"nothing\" }\n";
  Analysis a = analyze("/tmp/outline.sla", text);
  const auto items = outline(a.loaded.files[0]);
  check_items(items, text.size(), nullptr);
  BOOST_REQUIRE(items.size() == 3u);
  BOOST_TEST(items[0].name == "contract");
  BOOST_TEST(text_of(a, items[0].selection) == "\"\"");  // the name's place, though empty
  BOOST_TEST(items[1].name == "example");
  BOOST_REQUIRE(items[2].children.size() == 1u);
  BOOST_TEST(items[2].children[0].name == "definition");
}

BOOST_AUTO_TEST_CASE(blocks_and_comment_runs_fold) {
  const std::string text = R"(# A contract
# of three lines
# of comments.
calendar c "C" {
  zone "Asia/Jakarta"
  open Mon-Fri
    09:00-17:00
  # one comment alone
}

priorities { Low "L" }
package p "P" {
  respond to all within 1 day  # a comment after a statement
  # two comments
  # in a row
  escalation {
    from 0 hours escalate to "A"
    from 1 hour escalate to "B"
  }
}
)";
  Analysis a = analyze("/tmp/outline.sla", text);
  BOOST_REQUIRE(a.loaded.files[0].root.children.size() == 3u);
  const auto folds = folding_ranges(a.loaded.files[0], a.root());
  check_folds(folds, a.root());
  BOOST_TEST(has_fold(folds, 1, 3, true));     // the comment run
  BOOST_TEST(has_fold(folds, 4, 8, false));    // calendar c, up to the line before '}'
  BOOST_TEST(has_fold(folds, 6, 7, false));    // a statement on two lines
  BOOST_TEST(has_fold(folds, 12, 19, false));  // package p
  BOOST_TEST(has_fold(folds, 14, 15, true));   // two comments in a row
  BOOST_TEST(has_fold(folds, 16, 18, false));  // escalation
  BOOST_TEST(folds.size() == 6u);              // not the one-line priorities, nor lone comments
}

BOOST_AUTO_TEST_CASE(qiscus_folds) {
  Analysis a = analyze(SLA_SOURCE_DIR "/contracts/qiscus-enterprise.sla", qiscus_text());
  const auto folds = folding_ranges(a.loaded.files[0], a.root());
  check_folds(folds, a.root());
  BOOST_TEST(has_fold(folds, 1, 4, true));    // the file's opening comment
  BOOST_TEST(has_fold(folds, 8, 18, false));  // contract, lines 8-19
  std::size_t blocks = 0;
  for (const auto& f : folds) blocks += f.comment ? 0 : 1;
  // Every top-level block but the import, and the nested escalation and uptime blocks.
  BOOST_TEST(blocks >= 30u);
}

BOOST_AUTO_TEST_CASE(every_prefix_of_the_contract) {
  const std::string text = qiscus_text();
  for (std::size_t cut = 0; cut <= text.size(); cut += 37) {
    const std::string prefix = text.substr(0, cut);
    Analysis a = analyze("/tmp/prefix.sla", prefix);
    const auto items = outline(a.loaded.files[0]);
    check_items(items, prefix.size(), nullptr);
    check_folds(folding_ranges(a.loaded.files[0], a.root()), a.root());
  }
}
