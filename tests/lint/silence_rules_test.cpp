// The rules for what a contract leaves unsaid and what an add-on changes (their
// docs examples run in lint_test.cpp), every sellable combination, silenced
// findings with their reasons, merged repeats, hints on every finding, and the
// Qiscus contract's findings against a golden file (SLA_UPDATE_GOLDEN=1 rewrites it).
#define BOOST_TEST_MODULE lint_silence
#include <fmt/format.h>
#include <boost/test/unit_test.hpp>
#include <fstream>
#include <regex>

#include "lint_support.hpp"
#include "sla/lint.hpp"
#include "support.hpp"

using namespace sla;
using sla::testing::dump;
using sla::testing::has;
using sla::testing::read_text;
using sla::testing::source_path;
const std::string& kBase = sla::testing::kLintBase;

namespace {

std::vector<const Diagnostic*> at_line(const LintResult& r, std::string_view code,
                                       std::uint32_t line) {
  std::vector<const Diagnostic*> out;
  for (const auto& d : r.diagnostics)
    if (d.code == code && d.location.line == line) out.push_back(&d);
  return out;
}

// The acceptance fixture of the legal-review issue: one silence of each family.
const std::string kSilent = R"(contract "Silence" {
  provider "Acme"
  version "1"; changes notified at least 30 days in advance
  effective 2026-01-01
  summary "Support terms; the service levels are set out in Schedule 3."
}
definitions {
  "Customer" means "The company that buys support from Acme."
}
calendar office { zone "Europe/Berlin"; open Mon-Fri 08:00-18:00 }
calendar weekend_desk { zone "Europe/Berlin"; open daily 08:00-18:00 }
priorities { Low "Question."; High "Outage." }
package standard "Standard Support" {
  calendar office
  respond to Low within 2 business days
  respond to High within 4 business hours
  resolve High within 3 business days
  escalation {
    from 0 business hours until 4 business hours escalate to "Support engineer"
    from 4 business hours escalate to "Support lead" when no response
  }
}
addon weekend_cover "Weekend cover" {
  requires standard
  price EUR 12000
  calendar weekend_desk
}
addon fast "Fast response" {
  requires standard
  price EUR 8000 per year
  respond to High within 4 business hours
}
addon fix_times "Fix times" {
  requires standard
  price EUR 5000 per year
  resolve Low within 10 business days
}
)";

std::vector<std::string> doc_bad_examples() {
  const std::string doc = read_text(source_path("docs/lint.md"));
  std::vector<std::string> out;
  const std::regex example(R"(Bad:\n\n```sla\n([\s\S]*?)```)");
  for (std::sregex_iterator it(doc.begin(), doc.end(), example), e; it != e; ++it)
    out.push_back((*it)[1]);
  return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(the_fixture_has_one_finding_per_silence) {
  LintResult r = lint_string("silent.sla", kSilent);
  BOOST_TEST_CONTEXT(dump(r)) {
    BOOST_TEST_REQUIRE(r.model != nullptr);
    BOOST_TEST(at_line(r, "SLA116", 3).size() == 1u);  // 30 days: which days?
    BOOST_TEST(at_line(r, "SLA117", 3).size() == 1u);  // via what, to whom?
    BOOST_TEST_REQUIRE(at_line(r, "SLA118", 5).size() == 1u);
    BOOST_TEST(at_line(r, "SLA118", 5)[0]->message.find("\"Schedule 3\"") != std::string::npos);
    BOOST_TEST(at_line(r, "SLA120", 20).size() == 1u);  // and answered but unresolved?
    BOOST_TEST(at_line(r, "SLA115", 25).size() == 1u);  // EUR 12000 per what?
    BOOST_TEST(at_line(r, "SLA115", 30).empty());
    BOOST_TEST(at_line(r, "SLA121", 31).size() == 1u);  // fast restates the base
    BOOST_TEST_REQUIRE(at_line(r, "SLA124", 36).size() == 1u);
    const std::string& combination = at_line(r, "SLA124", 36)[0]->message;
    BOOST_TEST(combination.find("in standard with weekend_cover and fix_times") !=
               std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(every_finding_has_a_hint) {
  std::vector<std::pair<std::string, LintResult>> corpus;
  corpus.emplace_back("qiscus", lint_file(source_path("contracts/qiscus-enterprise.sla")));
  corpus.emplace_back("fixture", lint_string("silent.sla", kSilent));
  for (const auto& bad : doc_bad_examples()) corpus.emplace_back(bad, lint_string("bad.sla", bad));
  std::size_t findings = 0;
  for (const auto& [name, r] : corpus)
    for (const auto& d : r.diagnostics) {
      ++findings;
      BOOST_TEST(!d.hint.empty(), d.code << " has no hint: " << d.message << "\nin " << name);
    }
  BOOST_TEST(findings > 40u);
}

// ------------------------------------------------------------ combinations

BOOST_AUTO_TEST_CASE(every_allowed_set_of_addons_is_reviewed_and_named) {
  // The calendar question arises only when both add-ons are bought: one add-on at a
  // time would never see it. Sets that requires or excludes forbid are not sold.
  LintResult r = lint_string("t.sla", kBase + R"(
calendar every_day { zone "Asia/Jakarta"; open daily 09:00-17:00; open on holidays }
package standard "Standard" {
  calendar office
  respond to all within 8 business hours
}
addon weekend "Weekend" { requires standard; price EUR 1 per year; calendar every_day }
addon fix "Fix" { requires standard; price EUR 1 per year; resolve High within 2 business days }
)");
  BOOST_TEST_REQUIRE(at_line(r, "SLA124", 18).size() == 1u, dump(r));
  BOOST_TEST(at_line(r, "SLA124", 18)[0]->message.find("standard with weekend and fix") !=
             std::string::npos);
  // Excluded from each other: never combined, nothing to ask.
  r = lint_string("t.sla", kBase + R"(
calendar every_day { zone "Asia/Jakarta"; open daily 09:00-17:00; open on holidays }
package standard "Standard" {
  calendar office
  respond to all within 8 business hours
}
addon weekend "Weekend" { requires standard; excludes fix; price EUR 1 per year; calendar every_day }
addon fix "Fix" { requires standard; price EUR 1 per year; resolve High within 2 business days }
)");
  BOOST_TEST(!has(r, "SLA124"), dump(r));
}

BOOST_AUTO_TEST_CASE(a_walk_past_the_cap_says_so) {
  std::string addons;
  for (int i = 0; i < 13; ++i)
    addons += "addon a" + std::to_string(i) + " \"A\" { requires standard }\n";
  LintResult r = lint_string("t.sla", kBase + R"(package standard "Standard" {
  calendar office
  respond to all within 8 business hours
}
)" + addons);
  BOOST_TEST_REQUIRE(at_line(r, "SLA125", 11).size() == 1u, dump(r));
  BOOST_TEST((at_line(r, "SLA125", 11)[0]->severity == Severity::note));
  // How many sets there are (2^13), and how many were reviewed (all sold ones tried).
  BOOST_TEST(
      at_line(r, "SLA125", 11)[0]->message.find("8192 sets of its 13 add-ons") != std::string::npos,
      dump(r));
  BOOST_TEST(at_line(r, "SLA125", 11)[0]->message.find("it reviewed 4096 ") != std::string::npos,
             dump(r));
  // Excludes count: x0 and a0 never together leaves 3/4 of the 2^14 sets.
  r = lint_string("t.sla", kBase + R"(package standard "Standard" {
  calendar office
  respond to all within 8 business hours
}
addon x0 "A" { requires standard; excludes a0 }
)" + addons);
  BOOST_TEST_REQUIRE(at_line(r, "SLA125", 11).size() == 1u, dump(r));
  BOOST_TEST(at_line(r, "SLA125", 11)[0]->message.find("12288 sets of its 14 add-ons") !=
                 std::string::npos,
             dump(r));
}

// ------------------------------------------------------------ rule edges

BOOST_AUTO_TEST_CASE(references_resolve_by_definition_designation_or_stated_host) {
  LintResult r = lint_string("t.sla", kBase + R"sla(
definitions {
  "Annex B" means "The price list."
  "Uptime" means "Availability, monitored at https://status.acme.com and in Lampiran II."
}
package standard "Standard (Annex A)" {
  calendar office
  summary "The basics (Annex A); prices in Annex B; penalties in Section 4.2."
  respond to all within 8 business hours
  note "See Clause 7 and annex A of the Scheduled maintenance plan; see docs.acme.com."
  uptime "Uptime" {
    target 99 %
    measured monthly
    best effort
    published at "status.acme.com"
  }
}
)sla");
  BOOST_TEST_CONTEXT(dump(r)) {
    // Annex A: the package's own designation; Annex B: defined; the status page: stated.
    const auto section = at_line(r, "SLA118", 18);
    BOOST_TEST_REQUIRE(section.size() == 1u);
    BOOST_TEST(section[0]->message.find("\"Section 4.2\"") != std::string::npos);
    BOOST_TEST(section[0]->message.find("Annex") == std::string::npos);
    const auto lampiran = at_line(r, "SLA118", 14);
    BOOST_TEST_REQUIRE(lampiran.size() == 1u);
    BOOST_TEST(lampiran[0]->message.find("\"Lampiran II\"") != std::string::npos);
    BOOST_TEST(lampiran[0]->message.find("status") == std::string::npos);
    // Two references in one text: one finding naming both; "Scheduled" is no schedule.
    const auto note = at_line(r, "SLA118", 20);
    BOOST_TEST_REQUIRE(note.size() == 1u);
    BOOST_TEST(note[0]->message.find("\"Clause 7\"") != std::string::npos);
    BOOST_TEST(note[0]->message.find("\"docs.acme.com\"") != std::string::npos);
    BOOST_TEST(note[0]->message.find("annex") == std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(lists_of_references_are_each_named_and_underlined) {
  LintResult r = lint_string("t.sla", kBase + R"sla(
definitions {
  "Annex C" means "The price list."
}
package standard "Standard" {
  calendar office
  respond to all within 8 business hours
  note "Prices in Annexes A, B and C; forms in Lampiran 1a; see a.example and b.example."
  note "Sections 4 & 5, Lampiran 2 dan 3."
}
)sla");
  BOOST_TEST_CONTEXT(dump(r)) {
    const auto prices = at_line(r, "SLA118", 18);
    BOOST_TEST_REQUIRE(prices.size() == 1u);
    const Diagnostic& d = *prices[0];
    BOOST_TEST(d.message.find("\"Annex A\" and \"Annex B\" and \"Lampiran 1a\" and "
                              "\"a.example\" and \"b.example\"") != std::string::npos);
    BOOST_TEST(d.message.find("Annex C") == std::string::npos);  // defined
    // The hint names every one, not the first.
    BOOST_TEST(d.hint.find("definitions { \"Annex A\" means \"...\"; \"Annex B\" means \"...\"; "
                           "\"Lampiran 1a\" means \"...\" }") != std::string::npos);
    BOOST_TEST(d.hint.find("channel \"...\" at \"a.example\"; channel \"...\" at "
                           "\"b.example\"") != std::string::npos);
    // Underlined: the first reference, inside the text.
    BOOST_TEST(d.location.column == 19u);
    BOOST_TEST(d.location.length == 9u);  // Annexes A
    const auto sections = at_line(r, "SLA118", 19);
    BOOST_TEST_REQUIRE(sections.size() == 1u);
    BOOST_TEST(sections[0]->message.find("\"Section 4\" and \"Section 5\" and \"Lampiran 2\" "
                                         "and \"Lampiran 3\"") != std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(addresses_resolve_as_documents_or_hosts) {
  LintResult r = lint_string("t.sla", kBase + R"sla(
package standard "Standard" {
  calendar office
  respond to all within 8 business hours
  channel "Portal" at "https://acme.com/portal"
  note "Terms at https://acme.com/legal/terms-v7.pdf apply."
  note "Tickets at acme.com/portal/ or https://www.acme.com/portal; see acme.com."
  note "Levels at https://acme.example/sla and https://acme.company/sla."
  note "Prices at acme.company; the form is terms.pdf."
}
)sla");
  BOOST_TEST_CONTEXT(dump(r)) {
    // Another document on a stated host is not stated: quoted as written.
    const auto terms = at_line(r, "SLA118", 16);
    BOOST_TEST_REQUIRE(terms.size() == 1u);
    BOOST_TEST(terms[0]->message.find("\"https://acme.com/legal/terms-v7.pdf\"") !=
               std::string::npos);
    // The stated address without its scheme, "www." or with a trailing slash; the host.
    BOOST_TEST(at_line(r, "SLA118", 17).empty());
    // Top-level domains longer than six letters.
    const auto levels = at_line(r, "SLA118", 18);
    BOOST_TEST_REQUIRE(levels.size() == 1u);
    BOOST_TEST(levels[0]->message.find("\"https://acme.example/sla\"") != std::string::npos);
    BOOST_TEST(levels[0]->message.find("\"https://acme.company/sla\"") != std::string::npos);
    // A bare host, but no file name.
    const auto prices = at_line(r, "SLA118", 19);
    BOOST_TEST_REQUIRE(prices.size() == 1u);
    BOOST_TEST(prices[0]->message.find("\"acme.company\"") != std::string::npos);
    BOOST_TEST(prices[0]->message.find("terms.pdf") == std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(notice_periods_say_their_days_and_channel) {
  auto notice = [](const std::string& statement) {
    return lint_string("t.sla", "contract \"C\" {\n  " + statement + "\n}\n" + kBase +
                                    "package p \"P\" { calendar office; respond to all within 8 "
                                    "business hours }\n");
  };
  const std::string full = " via \"e-mail\" to \"the Client\"";
  BOOST_TEST(has(notice("changes notified at least 2 days in advance" + full), "SLA116"));
  BOOST_TEST(has(notice("changes notified at least 1 week in advance" + full), "SLA116"));
  BOOST_TEST(
      notice("changes notified at least 2 calendar days in advance" + full).diagnostics.empty());
  BOOST_TEST(
      notice("changes notified at least 2 business days in advance" + full).diagnostics.empty());
  BOOST_TEST(notice("changes notified at least 48 hours in advance" + full).diagnostics.empty());
  LintResult r = notice("changes notified at least 2 calendar days in advance via \"e-mail\"");
  BOOST_TEST_REQUIRE(at_line(r, "SLA117", 2).size() == 1u, dump(r));
  BOOST_TEST(r.diagnostics[0].message.find("to whom") != std::string::npos);
  BOOST_TEST(r.diagnostics[0].message.find("e-mail?") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(notice_hints_suggest_what_the_language_accepts) {
  auto notice = [](const std::string& statement) {
    return lint_string("t.sla", "contract \"C\" {\n  " + statement + "\n}\n" + kBase +
                                    "package p \"P\" { calendar office; respond to all within 8 "
                                    "business hours }\n");
  };
  const std::string full = " via \"e-mail\" to \"the Client\"";
  // Each form SLA116 suggests settles it (a business week would be SLA030).
  for (const std::string weeks : {"2 weeks", "1 week", "30 days"}) {
    LintResult r = notice("changes notified at least " + weeks + " in advance" + full);
    BOOST_TEST_REQUIRE(at_line(r, "SLA116", 2).size() == 1u, dump(r));
    const std::string hint = at_line(r, "SLA116", 2)[0]->hint;
    BOOST_TEST(hint.find("business week") == std::string::npos, hint);
    const std::regex quoted("'([^']+)'");
    std::size_t forms = 0;
    for (std::sregex_iterator it(hint.begin(), hint.end(), quoted), e; it != e; ++it, ++forms) {
      LintResult fixed =
          notice("changes notified at least " + (*it)[1].str() + " in advance" + full);
      BOOST_TEST(fixed.diagnostics.empty(), (*it)[1].str() << ": " << dump(fixed));
    }
    BOOST_TEST(forms == 2u, hint);
  }
  BOOST_TEST(notice("changes notified at least 2 weeks in advance" + full)
                 .diagnostics[0]
                 .hint.find("'10 business days'") != std::string::npos);
  // SLA117's line says its days the way SLA116 asks, so following it settles both.
  LintResult r = notice("changes notified at least 2 days in advance");
  BOOST_TEST_REQUIRE(at_line(r, "SLA117", 2).size() == 1u, dump(r));
  const std::string hint = at_line(r, "SLA117", 2)[0]->hint;
  const auto line = hint.find("changes notified");
  BOOST_TEST_REQUIRE(line != std::string::npos, hint);
  BOOST_TEST(hint.find("2 calendar days") != std::string::npos, hint);
  BOOST_TEST(notice(hint.substr(line)).diagnostics.empty(), dump(notice(hint.substr(line))));
}

BOOST_AUTO_TEST_CASE(uptime_terms_and_maintenance_notice) {
  auto uptime = [](const std::string& body) {
    return lint_string("t.sla", kBase +
                                    "package p \"P\" {\n  calendar office\n  respond to all "
                                    "within 8 business hours\n  uptime \"Chat\" {\n" +
                                    body + "  }\n}\n");
  };
  const std::string measured = "    target 99 %\n    measured monthly\n";
  LintResult r = uptime(measured + "    exclude third party\n");
  BOOST_TEST_REQUIRE(has(r, "SLA119"), dump(r));
  BOOST_TEST(r.diagnostics[0].message.find("unavailable") != std::string::npos);
  BOOST_TEST(r.diagnostics[0].message.find("excluded time") != std::string::npos);
  r = uptime(measured +
             "    unavailable when \"no message can be sent\"\n"
             "    excluded time counts as available\n"
             "    exclude third party\n"
             "    exclude scheduled maintenance \"announced\"\n");
  BOOST_TEST(at_line(r, "SLA119", 20).size() == 1u, dump(r));  // no notice
  BOOST_TEST(r.diagnostics.size() == 1u, dump(r));
  BOOST_TEST(uptime(measured + "    best effort\n").diagnostics.empty());
  r = uptime(measured +
             "    unavailable when \"down\"\n    exclude scheduled maintenance "
             "announced at least 2 days in advance\n    excluded time is removed from "
             "the period\n");
  BOOST_TEST(at_line(r, "SLA116", 18).size() == 1u, dump(r));  // 2 days: which days?
}

BOOST_AUTO_TEST_CASE(escalation_complements_both_ways) {
  auto ladder = [](const std::string& bands) {
    return lint_string("t.sla", kBase +
                                    "package p \"P\" {\n  calendar office\n  respond to all "
                                    "within 8 business hours\n  escalation {\n" +
                                    bands + "  }\n}\n");
  };
  // No response -> Lead from 4 h; answered but unresolved: nobody from 4 h.
  LintResult r = ladder(
      "    from 0 business hours until 4 business hours escalate to \"Engineer\"\n"
      "    from 4 business hours escalate to \"Lead\" when no response\n");
  BOOST_TEST_REQUIRE(at_line(r, "SLA120", 16).size() == 1u, dump(r));
  BOOST_TEST(r.diagnostics[0].message.find("answered but is still not resolved") !=
             std::string::npos);
  // The converse: not resolved -> Manager from 4 h; unanswered tickets from 4 h?
  r = ladder(
      "    from 0 business hours until 4 business hours escalate to \"Engineer\"\n"
      "    from 4 business hours escalate to \"Manager\" when not resolved\n");
  BOOST_TEST_REQUIRE(at_line(r, "SLA120", 16).size() == 1u, dump(r));
  BOOST_TEST(r.diagnostics[0].message.find("no response at all") != std::string::npos);
  // Both cases covered, or the conditional band inside an unconditional one: settled.
  BOOST_TEST(!has(ladder("    from 0 business hours until 4 business hours escalate to \"E\"\n"
                         "    from 4 business hours escalate to \"L\" when no response\n"
                         "    from 4 business hours escalate to \"M\" when not resolved\n"),
                  "SLA120"));
  BOOST_TEST(!has(ladder("    from 0 business hours escalate to \"E\"\n"
                         "    from 2 business hours until 4 business hours escalate to \"L\" "
                         "when no response\n"),
                  "SLA120"));
}

BOOST_AUTO_TEST_CASE(a_complement_names_the_gap_and_fills_only_it) {
  auto ladder = [](const std::string& bands) {
    return lint_string("t.sla", kBase +
                                    "package p \"P\" {\n  calendar office\n  respond to all "
                                    "within 8 business hours\n  escalation {\n" +
                                    bands + "  }\n}\n");
  };
  const std::string bands =
      "    from 0 business hours until 4 business hours escalate to \"Engineer\"\n"
      "    from 4 business hours escalate to \"Lead\" when no response\n"
      "    from 8 business hours escalate to \"Manager\" when not resolved\n";
  LintResult r = ladder(bands);
  BOOST_TEST_REQUIRE(at_line(r, "SLA120", 16).size() == 1u, dump(r));
  const Diagnostic& d = *at_line(r, "SLA120", 16)[0];
  BOOST_TEST(d.message.find("; from 4 business hours until 8 business hours no band names") !=
                 std::string::npos,
             d.message);
  const std::string band =
      "from 4 business hours until 8 business hours escalate to \"...\" "
      "when not resolved";
  BOOST_TEST(d.hint.find(band) != std::string::npos, d.hint);
  // The suggested band settles it without overlapping the later one.
  r = ladder(bands + "    " + band + "\n");
  BOOST_TEST(r.diagnostics.empty(), dump(r));
}

BOOST_AUTO_TEST_CASE(addons_that_restate_or_worsen_the_base) {
  LintResult r = lint_string("t.sla", kBase + R"(
calendar mornings { zone "Asia/Jakarta"; open Mon-Fri 07:00-12:00; open on holidays }
package standard "Standard" {
  calendar office
  respond to Low within 8 business hours
  respond to High within 2 business hours
  feature "Portal" "The ticket portal."
}
addon slow "Slow" { requires standard; price EUR 1 per year; respond to High within 4 business hours }
addon same "Same" { requires standard; price EUR 1 per year; calendar office; feature "Portal" }
addon early "Early" { requires standard; price EUR 1 per year; calendar mornings }
)");
  BOOST_TEST_CONTEXT(dump(r)) {
    BOOST_TEST(at_line(r, "SLA122", 21).size() == 1u);  // looser than the base
    BOOST_TEST(at_line(r, "SLA121", 20).size() == 1u);  // calendar and feature, merged
    BOOST_TEST_REQUIRE(at_line(r, "SLA122", 21).size() == 1u);
    BOOST_TEST(at_line(r, "SLA122", 21)[0]->message.find("(every week: Mon-Fri 12:00-17:00)") !=
               std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(an_addon_calendar_names_every_hour_it_may_take_away) {
  // Weekends only: every weekday's hours, not Monday's.
  LintResult r = lint_string("t.sla", kBase + R"(
calendar weekends { zone "Asia/Jakarta"; open Sat-Sun 09:00-17:00; open on holidays }
calendar split { zone "Asia/Jakarta"; open Mon-Thu 10:00-12:00; open Mon-Thu 13:00-17:00; open on holidays }
package standard "Standard" {
  calendar office
  respond to all within 8 business hours
}
addon weekend "Weekend" { requires standard; excludes split_days; price EUR 1 per year; calendar weekends }
addon split_days "Split" { requires standard; price EUR 1 per year; calendar split }
)");
  BOOST_TEST_CONTEXT(dump(r)) {
    BOOST_TEST_REQUIRE(at_line(r, "SLA122", 18).size() == 1u);
    BOOST_TEST(at_line(r, "SLA122", 18)[0]->message.find("(every week: Mon-Fri 09:00-17:00)") !=
               std::string::npos);
    BOOST_TEST_REQUIRE(at_line(r, "SLA122", 19).size() == 1u);
    BOOST_TEST(at_line(r, "SLA122", 19)[0]->message.find(
                   "(every week: Mon-Thu 09:00-10:00 and 12:00-13:00, Fri 09:00-17:00)") !=
               std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(a_price_label_in_another_currency) {
  LintResult r = lint_string("t.sla", kBase + R"(
package standard "Standard" {
  calendar office
  respond to all within 8 business hours
  price USD 100 million per year ("IDR 100mil")
}
)");
  BOOST_TEST_REQUIRE(has(r, "SLA103"), dump(r));
  BOOST_TEST(r.diagnostics[0].message.find("USD") != std::string::npos);
  BOOST_TEST(r.diagnostics[0].message.find("IDR") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(calendar_hours_said_outright_settle_sla105) {
  LintResult r = lint_string("t.sla", kBase + R"(
package standard "Standard" {
  calendar office
  respond to all within 8 business hours
  resolve High within 8 calendar hours
  resolve Low within 80 hours
}
)");
  BOOST_TEST(at_line(r, "SLA105", 15).empty(), dump(r));
  BOOST_TEST_REQUIRE(at_line(r, "SLA105", 16).size() == 1u, dump(r));
  BOOST_TEST(at_line(r, "SLA105", 16)[0]->hint.find("'80 calendar hours'") != std::string::npos);
}

// ------------------------------------------------------------ silenced, merged

BOOST_AUTO_TEST_CASE(silenced_findings_keep_their_reason) {
  LintResult r = lint_string("t.sla", kBase + R"(package standard "Standard" {
  calendar office
  respond to Low within 8 business hours
  respond to High within 2 hours  # sla: allow SLA105 (production down is worked around the clock)
  # sla: allow SLA105, SLA101 nights count
  resolve High within 100 hours
}
)");
  // SLA101 has no finding there to silence: the only finding left says so.
  BOOST_TEST_REQUIRE(r.diagnostics.size() == 1u, dump(r));
  BOOST_TEST(r.diagnostics[0].code == "SLA100");
  BOOST_TEST(r.suppressed == 2u);
  BOOST_TEST_REQUIRE(r.silenced.size() == 2u);
  BOOST_TEST(r.silenced[0].diagnostic.code == "SLA105");
  BOOST_TEST(r.silenced[0].diagnostic.location.line == 14u);
  BOOST_TEST(r.silenced[0].reason == "production down is worked around the clock");
  BOOST_TEST(r.silenced[1].reason == "nights count");
  LintOptions allow;
  allow.allow = {"SLA105"};
  r = lint_string("t.sla", kBase + R"(package standard "Standard" {
  calendar office
  respond to all within 2 hours
}
)",
                  allow);
  BOOST_TEST_REQUIRE(r.silenced.size() == 1u);
  BOOST_TEST(r.silenced[0].reason.empty());
}

BOOST_AUTO_TEST_CASE(a_comment_that_silences_nothing_is_reported) {
  LintResult r = lint_string("t.sla", kBase + R"sla(package standard "Standard" {
  calendar office
  respond to Low within 8 business hours  # sla: allow SLA103 (the label is right)
  # sla: allow SLA105 (nights count)
  resolve High within 100 hours
  note "See Section 9 and the annex."  # sla: allow SLA118, SLA105 (agreed)
  feature "Reports"
    "Monthly, as in Section 7."  # sla: allow SLA118 (kept apart)
  # sla: alow SLA105
}
# sla: allow-file SLA110
)sla");
  BOOST_TEST_CONTEXT(dump(r)) {
    // SLA103 on line 13: nothing there to silence.
    const auto stale = at_line(r, "SLA100", 13);
    BOOST_TEST_REQUIRE(stale.size() == 1u);
    BOOST_TEST(stale[0]->message.find("silences nothing: no SLA103 finding on line 13") !=
               std::string::npos);
    // The used ones are not reported; of two codes, only the one that silenced nothing.
    BOOST_TEST(at_line(r, "SLA100", 14).empty());
    const auto second = at_line(r, "SLA100", 16);
    BOOST_TEST_REQUIRE(second.size() == 1u);
    BOOST_TEST(second[0]->message.find("no SLA105 finding on line 16") != std::string::npos);
    BOOST_TEST(second[0]->message.find("SLA118") == std::string::npos);
    // A statement over two lines: the finding on its second line (the text's) is
    // silenced by the comment that ends it.
    BOOST_TEST(at_line(r, "SLA118", 17).empty());
    BOOST_TEST(at_line(r, "SLA118", 18).empty());
    BOOST_TEST(at_line(r, "SLA100", 18).empty());
    // A misspelt verb: did you mean?
    const auto typo = at_line(r, "SLA100", 19);
    BOOST_TEST_REQUIRE(typo.size() == 1u);
    BOOST_TEST(typo[0]->hint.find("did you mean 'allow'?") == 0u);
    // Per file: nothing anywhere in the file.
    const auto file = at_line(r, "SLA100", 21);
    BOOST_TEST_REQUIRE(file.size() == 1u);
    BOOST_TEST(file[0]->message.find("no SLA110 finding in this file") != std::string::npos);
    BOOST_TEST(r.silenced.size() == 3u);
  }
}

BOOST_AUTO_TEST_CASE(repeats_on_one_line_merge) {
  // Two SLA121 findings on one line (a calendar and a feature restated): one
  // finding, the other's words as a note.
  LintResult r = lint_string("t.sla", kBase + R"(
package standard "Standard" {
  calendar office
  respond to all within 8 business hours
  feature "Portal" "The ticket portal."
}
addon same "Same" { requires standard; price EUR 1 per year; calendar office; feature "Portal" }
)");
  const auto merged = at_line(r, "SLA121", 17);
  BOOST_TEST_REQUIRE(merged.size() == 1u, dump(r));
  BOOST_TEST(merged[0]->message.find("calendar") != std::string::npos);
  BOOST_TEST_REQUIRE(!merged[0]->notes.empty());
  BOOST_TEST(merged[0]->notes[0].message.find("also: ") == 0u);
  BOOST_TEST(merged[0]->notes[0].message.find("\"Portal\"") != std::string::npos);
}

// ------------------------------------------------------------ golden

BOOST_AUTO_TEST_CASE(the_qiscus_findings_match_the_golden_file) {
  LintResult r = lint_file(source_path("contracts/qiscus-enterprise.sla"));
  std::string actual;
  for (const auto& d : r.diagnostics) {
    actual +=
        fmt::format("{}:{}: {}[{}]: {}\n  hint: {}\n", d.location.line, d.location.column,
                    d.severity == Severity::note ? "note" : "warning", d.code, d.message, d.hint);
    for (const auto& n : d.notes)
      actual += fmt::format("  note: {}: {}\n", n.location.line, n.message);
  }
  const std::string path = source_path("tests/lint/golden/qiscus-enterprise.lint");
  if (std::getenv("SLA_UPDATE_GOLDEN")) {
    std::ofstream(path, std::ios::binary) << actual;
    return;
  }
  BOOST_TEST(actual == read_text(path), "SLA_UPDATE_GOLDEN=1 rewrites " << path);
}

// A holiday set's source cites where its dates come from: the dates are in the
// contract, so the citation is no reference left unresolved.
BOOST_AUTO_TEST_CASE(a_holiday_sets_source_is_a_citation) {
  const LintResult r = lint_string("t.sla", kBase + R"sla(
holidays us_days "US federal holidays" {
  source "U.S. Office of Personnel Management, federal holidays 2026 (opm.gov)"
  covers 2026 to 2026
  2026-12-25 "Christmas Day"
}
package standard "Standard" {
  calendar office
  note "Holidays as published at opm.gov"
}
)sla");
  // The note's address is a reference; the source's is not.
  BOOST_TEST(at_line(r, "SLA118", 13).empty(), dump(r));
  BOOST_TEST(at_line(r, "SLA118", 19).size() == 1u, dump(r));
}
