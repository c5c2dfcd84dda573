// The names a contract defines and uses, read from its syntax trees.
#define BOOST_TEST_MODULE ide_symbols
#include <boost/test/unit_test.hpp>

#include "tests/ide/ide_support.hpp"
#include "tools/ide/analysis.hpp"
#include "tools/ide/symbols.hpp"

using namespace sla;
using namespace sla::ide;
using namespace sla::ide::test;

namespace {

const char* const contract = R"(import "std/holidays/id"
calendar office "Office" {
  zone "Asia/Jakarta"
  open Mon-Fri 09:00-17:00
  closed on holidays id_national
}
calendar late extends office "Late" {
  open Sat 09:00-17:00
}
priorities {
  Low "Minor."
  Critical "Down."
}
attribute channel "phone", "chat"
package basic "Basic" {
  calendar office
  respond to all within 2 business days
}
package premium "Premium" extends basic {
  respond to critical where channel is "phone" within 1 hour on calendar late
}
addon extra "Extra" { requires premium }
example "a ticket" {
  under premium with extra
  ticket Critical raised 2026-01-09 16:30
  where channel is "phone"
  expect response due 2026-01-09 17:30
}
)";

}  // namespace

BOOST_AUTO_TEST_CASE(uses_find_their_definitions) {
  Analysis a = analyze("/tmp/symbols.sla", contract);
  BOOST_TEST(!has_errors(a.diagnostics));
  const SymbolIndex& index = a.symbols;
  // "calendar office" in package basic
  const Symbol* use = index.at(0, offset_of(a, "office", 2) + 2);
  BOOST_REQUIRE(use);
  BOOST_TEST(use->name == "office");
  BOOST_TEST(!use->definition);
  const Symbol* def = index.definition_of(*use);
  BOOST_REQUIRE(def);
  BOOST_TEST(def->span.begin == offset_of(a, "office"));
  BOOST_TEST(index.references_of(*use).size() == 3u);  // definition, extends, calendar office
  // priorities without case; the target's words say what each name names
  const Symbol* critical = index.at(0, offset_of(a, "critical"));
  BOOST_REQUIRE(critical);
  BOOST_TEST((critical->kind == SymbolKind::priority));
  BOOST_TEST(index.definition_of(*critical)->span.begin == offset_of(a, "Critical"));
  const Symbol* channel = index.at(0, offset_of(a, "channel is"));
  BOOST_REQUIRE(channel);
  BOOST_TEST((channel->kind == SymbolKind::attribute));
  const Symbol* late = index.at(0, offset_of(a, "late", 1));
  BOOST_REQUIRE(late);
  BOOST_TEST((late->kind == SymbolKind::calendar));
  // requires names a package or an add-on; `with` names add-ons
  const Symbol* required = index.at(0, offset_of(a, "premium }"));
  BOOST_REQUIRE(required);
  BOOST_TEST(index.definition_of(*required)->span.begin == offset_of(a, "premium"));
  const Symbol* with = index.at(0, offset_of(a, "extra", 1));
  BOOST_REQUIRE(with);
  BOOST_TEST(index.definition_of(*with)->span.begin == offset_of(a, "extra"));
}

BOOST_AUTO_TEST_CASE(imports_and_stdlib_names) {
  Analysis a = analyze("/tmp/symbols.sla", contract);
  const Symbol* file = a.symbols.at(0, 10);
  BOOST_REQUIRE(file);
  BOOST_TEST((file->kind == SymbolKind::file));
  BOOST_TEST(file->name == "std/holidays/id");
  auto loaded = a.imports.find(import_key(0, file->span.begin));
  BOOST_REQUIRE(loaded != a.imports.end());
  BOOST_TEST(a.loaded.sources.file(loaded->second).name() == "std/holidays/id");
  // the holiday set is defined in the stdlib module
  const Symbol* set = a.symbols.at(0, offset_of(a, "id_national"));
  BOOST_REQUIRE(set);
  const Symbol* def = a.symbols.definition_of(*set);
  BOOST_REQUIRE(def);
  BOOST_TEST(def->span.file == loaded->second);
}

BOOST_AUTO_TEST_CASE(half_typed_text_keeps_the_names_it_has) {
  std::string text = contract;
  // the editor closed the brace; the statement after the name is half typed
  text += "package broken \"B\" {\n  calendar offi\n  respond to\n}\n";
  Analysis previous = analyze("/tmp/symbols.sla", contract);
  Analysis a = analyze("/tmp/symbols.sla", text, {}, &previous);
  BOOST_TEST(has_errors(a.diagnostics));
  BOOST_TEST(a.model_is_stale);
  BOOST_TEST(a.model == previous.model);
  BOOST_TEST(a.symbols.definitions(SymbolKind::calendar).size() == 2u);
  const Symbol* partial =
      a.symbols.at(0, static_cast<std::uint32_t>(text.find("calendar offi\n") + 10));
  BOOST_REQUIRE(partial);
  BOOST_TEST(a.symbols.definition_of(*partial) == nullptr);
  BOOST_TEST(a.symbols.references_of(*partial).size() == 1u);
}

BOOST_AUTO_TEST_CASE(a_calendar_is_used_where_a_package_inherits_it) {
  Analysis a = analyze("/tmp/symbols.sla", contract);
  const Symbol* use = a.symbols.at(0, offset_of(a, "office", 2));
  BOOST_REQUIRE(use);
  auto refs = references(a, *use);
  BOOST_REQUIRE_EQUAL(refs.size(), 4u);  // besides the three above, premium's `extends basic`
  BOOST_TEST(refs.back()->span.begin == offset_of(a, "basic", 1));
  // a package that names its own calendar does not inherit it
  std::string text = contract;
  text.replace(text.find("extends basic {") + 15, 0, "\n  calendar late");
  Analysis b = analyze("/tmp/symbols.sla", text);
  BOOST_TEST(!has_errors(b.diagnostics));
  BOOST_TEST(references(b, *b.symbols.at(0, offset_of(b, "office", 2))).size() == 3u);
}
