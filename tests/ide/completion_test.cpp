// What may be typed at the cursor: keywords by block, names by the statement
// being typed, import paths, time zones; on whole and on half-typed text.
#define BOOST_TEST_MODULE ide_completion
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "grammar/keywords.hpp"
#include "tests/ide/ide_support.hpp"
#include "tools/ide/analysis.hpp"
#include "tools/ide/code_actions.hpp"
#include "tools/ide/completion.hpp"
#include "tools/ide/hover.hpp"

using namespace sla;
using namespace sla::ide;
using namespace sla::ide::test;

namespace {

// The completions at "@@" in `text` (the marker removed), analyzed as the editor
// would: with the last analysis that checked lending its Model.
std::vector<Completion> complete_marked(std::string text, const std::string& name = qiscus_path) {
  const std::size_t at = text.find("@@");
  BOOST_REQUIRE(at != std::string::npos);
  text.erase(at, 2);
  const Analysis a = analyze(name, text, {}, &qiscus());
  return complete(a, static_cast<std::uint32_t>(at));
}

// The Qiscus contract with `line` put after the line that starts with `after`.
std::string qiscus_with(std::string_view after, std::string_view line) {
  std::string text = qiscus_text();
  const std::size_t at = text.find(after);
  BOOST_REQUIRE(at != std::string::npos);
  text.insert(text.find('\n', at) + 1, std::string(line) + "\n");
  return text;
}

const Completion* find(const std::vector<Completion>& items, std::string_view label) {
  for (const auto& c : items)
    if (c.label == label) return &c;
  return nullptr;
}

bool has(const std::vector<Completion>& items, std::initializer_list<std::string_view> labels) {
  bool all = true;
  for (auto label : labels)
    if (!find(items, label)) {
      BOOST_TEST_MESSAGE("missing: " << label);
      all = false;
    }
  return all;
}

bool lacks(const std::vector<Completion>& items, std::initializer_list<std::string_view> labels) {
  return std::none_of(labels.begin(), labels.end(),
                      [&](std::string_view l) { return find(items, l) != nullptr; });
}

}  // namespace

BOOST_AUTO_TEST_CASE(grammar_lists_the_statement_words) {
  auto words = [](ast::Kind k) {
    const auto w = grammar::statement_words(k);
    return std::vector<std::string_view>(w.begin(), w.end());
  };
  const auto package = words(ast::Kind::package);
  BOOST_TEST((std::find(package.begin(), package.end(), "respond") != package.end()));
  BOOST_TEST((words(ast::Kind::addon) == package));
  const auto top = words(ast::Kind::file);
  BOOST_TEST((std::find(top.begin(), top.end(), "import") != top.end()));
  BOOST_TEST(words(ast::Kind::escalation).size() == 1u);
  BOOST_TEST(words(ast::Kind::priorities).empty());
  BOOST_TEST(words(ast::Kind::respond).empty());
}

BOOST_AUTO_TEST_CASE(calendar_names_after_calendar) {
  // The cursor at the start of `office_hours` in `  calendar office_hours` (package basic).
  const Analysis& a = qiscus();
  const auto at = a.text().find("  calendar office_hours\n") + 11;
  const auto items = complete(a, static_cast<std::uint32_t>(at));
  BOOST_TEST(has(items, {"office_hours", "every_day_office_hours", "around_the_clock"}));
  const Completion* office = find(items, "office_hours");
  BOOST_REQUIRE(office);
  BOOST_TEST(office->detail == "Weekdays 09:00-17:00 (GMT+7)");
  BOOST_TEST((office->kind == CompletionKind::calendar));
  BOOST_TEST(lacks(items, {"respond", "premium"}));
  // Half typed: the same list (the editor filters by what is typed).
  BOOST_TEST(has(complete(a, static_cast<std::uint32_t>(at + 4)), {"around_the_clock"}));
  // `on calendar`, `union of`, `extends` in a calendar's head.
  BOOST_TEST(has(complete_marked(
                     qiscus_with("  respond to High within",
                                 "  respond to Low where x is \"y\" within 1 hour on calendar @@")),
                 {"around_the_clock"}));
  const auto united =
      complete_marked(qiscus_text() + "calendar both \"Both\" {\n  union of office_hours, @@\n}\n");
  BOOST_TEST(has(united, {"around_the_clock"}));
  BOOST_TEST(lacks(united, {"both"}));
  BOOST_TEST(has(complete_marked(qiscus_text() + "calendar late extends @@"), {"office_hours"}));
}

BOOST_AUTO_TEST_CASE(holiday_sets_and_priorities) {
  // A calendar still being typed (no closing brace): the imported stdlib set.
  const auto sets = complete_marked(
      qiscus_text() + "calendar late \"Late\" {\n  zone \"Asia/Jakarta\"\n  closed on holidays @@");
  BOOST_TEST(has(sets, {"id_national"}));
  BOOST_TEST((find(sets, "id_national")->kind == CompletionKind::holiday_set));
  BOOST_TEST(find(sets, "id_national")->detail == "Indonesia public holidays");

  const auto respond = complete_marked(qiscus_with("  respond to High within", "  respond to @@"));
  BOOST_TEST(has(respond, {"Low", "Normal", "High", "Critical", "all"}));
  BOOST_TEST(find(respond, "Normal")->detail.starts_with("Moderate loss of functionality"));
  BOOST_TEST(
      has(complete_marked(qiscus_with("  respond to High within", "  resolve @@")), {"all"}));
  const auto ladder =
      complete_marked(qiscus_with("  respond to High within", "  escalation for Low, @@"));
  BOOST_TEST(has(ladder, {"Critical"}));
  BOOST_TEST(lacks(ladder, {"all"}));
  BOOST_TEST(has(complete_marked(qiscus_with("  describe Critical", "  describe @@")), {"High"}));
  BOOST_TEST(
      has(complete_marked(qiscus_with("  ticket Normal raised 2026-01-09 16:30", "  ticket @@")),
          {"Normal"}));
}

BOOST_AUTO_TEST_CASE(units_after_a_number) {
  const auto target =
      complete_marked(qiscus_with("  respond to High within", "  respond to Low within 4 @@"));
  BOOST_TEST(has(target, {"business hours", "business days", "hours", "minutes", "calendar days"}));
  const auto band = complete_marked(
      qiscus_with("  escalation {", "    from 0 business hours until 6 @@ escalate to \"X\""));
  BOOST_TEST(has(band, {"business hours"}));
  // a calendar's business day is plain hours: it defines business time
  const auto day =
      complete_marked(qiscus_text() + "calendar late \"Late\" {\n  business day is 8 @@\n}\n");
  BOOST_TEST(has(day, {"hours"}));
  BOOST_TEST(lacks(day, {"business hours"}));
  // a number that is no duration: nothing
  BOOST_TEST(
      complete_marked(qiscus_with("  uptime \"Chat Service\" {", "    target 99 @@")).empty());
}

BOOST_AUTO_TEST_CASE(packages_addons_and_attributes) {
  const auto required =
      complete_marked(qiscus_with("  requires premium\n  # Choice", "  requires @@"));
  BOOST_TEST(has(required, {"basic", "premium", "dedicated_24x7", "resolution"}));
  BOOST_TEST(lacks(required, {"dedicated_8x7"}));  // the add-on itself
  BOOST_TEST((find(required, "resolution")->kind == CompletionKind::addon));
  BOOST_TEST((find(required, "basic")->kind == CompletionKind::package));
  const auto extended = complete_marked(qiscus_text() + "package gold \"Gold\" extends @@");
  BOOST_TEST(has(extended, {"basic", "premium"}));
  BOOST_TEST(lacks(extended, {"resolution"}));
  const auto under = complete_marked(
      qiscus_with("  under premium\n  ticket Normal raised 2026-01-09 16:30", "  under @@"));
  BOOST_TEST(has(under, {"basic", "premium"}));
  BOOST_TEST(lacks(under, {"resolution"}));
  const auto with =
      complete_marked(qiscus_with("  under premium\n  ticket Normal raised 2026-01-09 16:30",
                                  "  under premium with dedicated_8x7, @@"));
  BOOST_TEST(has(with, {"resolution", "dedicated_24x7"}));
  BOOST_TEST(lacks(with, {"premium"}));

  const std::string text = R"(priorities {
  Low "Questions"
}
attribute channel "phone", "chat"
calendar office "Office" {
  zone "UTC"
  open always
  open on holidays
}
package basic "Basic" {
  calendar office
  respond to Low where @@
}
)";
  const auto attributes = complete_marked(text, "/tmp/attributes.sla");
  BOOST_TEST(has(attributes, {"channel"}));
  BOOST_TEST(find(attributes, "channel")->detail == "\"phone\", \"chat\"");
}

BOOST_AUTO_TEST_CASE(import_paths_and_zones) {
  namespace fs = std::filesystem;
  const fs::path folder = fs::temp_directory_path() / "sla-lsp-completion";
  fs::remove_all(folder);
  fs::create_directories(folder / "shared");
  std::ofstream(folder / "terms.sla") << "";
  std::ofstream(folder / "shared" / "holidays.sla") << "";
  std::ofstream(folder / "notes.txt") << "";
  const auto paths = complete_marked("import \"@@", (folder / "main.sla").string());
  BOOST_TEST(has(paths, {"std/holidays/id", "std/calendars", "terms.sla", "shared/holidays.sla"}));
  BOOST_TEST(lacks(paths, {"main.sla", "notes.txt"}));
  BOOST_TEST((find(paths, "terms.sla")->kind == CompletionKind::file));
  BOOST_TEST(find(paths, "std/holidays/id")->detail == "Indonesia public holidays");
  // An untitled document has no folder: the stdlib only.
  const auto untitled = complete_marked("import \"std/@@", "untitled:Untitled-1");
  BOOST_TEST(has(untitled, {"std/holidays/de"}));
  BOOST_TEST(lacks(untitled, {"terms.sla"}));
  fs::remove_all(folder);

  const auto zones =
      complete_marked("calendar c \"C\" {\n  zone \"Asia/@@\"\n}\n", "/tmp/zones.sla");
  BOOST_TEST(has(zones, {"Asia/Jakarta", "Europe/Berlin"}));
  BOOST_TEST((find(zones, "Asia/Jakarta")->kind == CompletionKind::zone));
}

BOOST_AUTO_TEST_CASE(keywords_of_the_enclosing_block) {
  const auto top = complete_marked(qiscus_text() + "\n@@");
  BOOST_TEST(has(top, {"import", "calendar", "package", "addon", "example", "priorities"}));
  BOOST_TEST(lacks(top, {"respond", "zone"}));
  const Completion* calendar = find(top, "calendar");
  BOOST_TEST((calendar->kind == CompletionKind::snippet));
  BOOST_TEST(calendar->insert_text.find("zone \"${3:Asia/Jakarta}\"") != std::string::npos);

  const auto package = complete_marked(qiscus_with("  respond to High within", "  @@"));
  BOOST_TEST(has(package, {"respond", "resolve", "calendar", "escalation", "uptime", "requires"}));
  BOOST_TEST(lacks(package, {"zone", "import"}));
  const Completion* respond = find(package, "respond");
  BOOST_TEST((respond->kind == CompletionKind::snippet));
  BOOST_TEST(respond->insert_text == "respond to ${1:priority} within ${2:4 business hours}");
  BOOST_TEST((find(package, "requires")->kind == CompletionKind::keyword));
  BOOST_TEST(find(package, "requires")->insert_text.empty());
  const Completion* warn = find(package, "warn");
  BOOST_TEST_REQUIRE(warn);
  BOOST_TEST(warn->insert_text == "warn at ${1:50} %, ${2:75} %");
  // A word half typed is still the start of a statement.
  BOOST_TEST(has(complete_marked(qiscus_with("  respond to High within", "  res@@")), {"resolve"}));

  BOOST_TEST(has(complete_marked(qiscus_with("  open Mon-Fri 09:00-17:00 (", "  @@")),
                 {"zone", "open", "closed", "business", "union"}));
  BOOST_TEST(
      has(complete_marked(qiscus_with("    from 0 business hours until 6", "    @@")), {"from"}));
  BOOST_TEST(has(complete_marked(qiscus_with("    measured monthly\n    committed", "    @@")),
                 {"target", "measured", "exclude"}));
  BOOST_TEST(has(complete_marked(qiscus_with("  expect response due 2026-01-12 12:30", "  @@")),
                 {"under", "ticket", "expect", "resolved"}));
  BOOST_TEST(has(complete_marked(qiscus_with("  effective 2025-01-01", "  @@")),
                 {"provider", "effective", "summary"}));
  // A package still being typed, its brace not closed yet.
  const auto open =
      complete_marked(qiscus_text() + "package gold \"Gold\" extends premium {\n  @@");
  BOOST_TEST(has(open, {"respond", "price"}));
  BOOST_TEST(lacks(open, {"import"}));
  // Priorities and definitions start with values: no keyword to offer.
  BOOST_TEST(complete_marked(qiscus_with("  Low \"Questions", "  @@")).empty());
}

BOOST_AUTO_TEST_CASE(nothing_in_comments_and_strings) {
  BOOST_TEST(complete_marked(qiscus_with("  respond to High within", "  # calendar @@")).empty());
  BOOST_TEST(
      complete_marked(qiscus_with("  respond to High within", "  note \"calendar @@\"")).empty());
  const Analysis empty = analyze("/tmp/empty.sla", "");
  BOOST_TEST(has(complete(empty, 0), {"import", "calendar"}));
  BOOST_TEST(complete(empty, 1000).size() == complete(empty, 0).size());
}

// Every request on every prefix of the contract (the text as it is typed, cut every
// 41 bytes), at several offsets: answers or nothing, never a crash.
BOOST_AUTO_TEST_CASE(every_prefix_is_safe) {
  const std::string text = qiscus_text();
  const auto started = std::chrono::steady_clock::now();
  std::size_t answered = 0;
  for (std::size_t cut = 0; cut <= text.size(); cut += 41) {
    // With the last Model that checked, and without any.
    const Analysis a =
        analyze(qiscus_path, text.substr(0, cut), {}, (cut / 41) % 2 ? &qiscus() : nullptr);
    const std::uint32_t n = static_cast<std::uint32_t>(cut);
    for (std::uint32_t at : {0u, n / 3, n / 2, n > 0 ? n - 1 : 0u, n, n + 7}) {
      answered += hover(a, at).has_value();
      answered += complete(a, at).size();
      answered += quick_fixes(a, at > 40 ? at - 40 : 0, at).size();
    }
  }
  // And at every byte of the whole contract.
  const Analysis& whole = qiscus();
  for (std::uint32_t at = 0; at <= text.size(); ++at) {
    answered += hover(whole, at).has_value();
    answered += complete(whole, at).size();
    answered += quick_fixes(whole, at, at + 1).size();
  }
  BOOST_TEST(answered > 0u);
  BOOST_TEST_MESSAGE("prefixes analyzed in "
                     << std::chrono::duration_cast<std::chrono::milliseconds>(
                            std::chrono::steady_clock::now() - started)
                            .count()
                     << " ms");
}
