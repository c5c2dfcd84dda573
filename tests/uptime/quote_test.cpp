// Quotes (docs/semantics.md, "Quotes"): the combination checked clause by clause,
// what it includes after inheritance, prices totalled per currency and period.
#define BOOST_TEST_MODULE quote
#include <boost/test/unit_test.hpp>

#include "sla/load.hpp"
#include "sla/quote.hpp"

using namespace sla;

namespace {

const Model& qiscus() {
  static const LoadResult r =
      load_file(std::string(SLA_SOURCE_DIR) + "/contracts/qiscus-enterprise.sla");
  BOOST_TEST_REQUIRE(r.ok());
  return *r.model;
}

std::vector<std::string> ids(const Quote& q) {
  std::vector<std::string> out;
  for (const Package* p : q.items) out.push_back(p->id);
  return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(add_on_prices_add_up_per_currency) {
  const Quote q = make_quote(qiscus(), "premium", {"resolution", "dedicated_24x7"});
  BOOST_TEST_REQUIRE(q.valid());
  // Declaration order, not the order given.
  BOOST_TEST(ids(q) == (std::vector<std::string>{"premium", "dedicated_24x7", "resolution"}),
             boost::test_tools::per_element());
  BOOST_TEST_REQUIRE(q.totals.size() == 1u);
  BOOST_TEST(q.totals[0].currency == "IDR");
  BOOST_TEST(q.totals[0].milli == 520'000'000'000);
  BOOST_TEST(q.totals[0].period == "");
}

BOOST_AUTO_TEST_CASE(the_selection_includes_what_it_inherits) {
  const Quote q = make_quote(qiscus(), "premium", {"dedicated_24x7"});
  BOOST_TEST_REQUIRE(q.selection.has_value());
  BOOST_TEST(q.selection->calendar == "around_the_clock");
  auto has_feature = [&](const std::string& name) {
    for (const auto& f : q.selection->features)
      if (f.name == name) return true;
    return false;
  };
  BOOST_TEST(has_feature("Status Monitoring"));          // from basic
  BOOST_TEST(has_feature("Dedicated Account Manager"));  // premium's own
  BOOST_TEST(has_feature("Unrestricted Availability"));  // the add-on's
}

BOOST_AUTO_TEST_CASE(every_forbidden_pairing_is_named_with_its_clause) {
  const Quote q = make_quote(qiscus(), "premium", {"dedicated_8x7", "dedicated_24x7"});
  BOOST_TEST(!q.valid());
  BOOST_TEST(!q.selection.has_value());
  BOOST_TEST_REQUIRE(q.problems.size() == 2u);
  BOOST_TEST(q.problems[0].message ==
             "add-on 'dedicated_8x7' cannot be combined with 'dedicated_24x7'");
  BOOST_TEST(q.problems[0].clause.line == 140u);  // `excludes dedicated_24x7`
  BOOST_TEST(q.problems[0].clause.column == 3u);
  BOOST_TEST(q.problems[1].clause.line == 154u);
}

BOOST_AUTO_TEST_CASE(a_missing_requirement_is_named_with_its_clause) {
  const Quote q = make_quote(qiscus(), "basic", {"resolution"});
  BOOST_TEST_REQUIRE(q.problems.size() == 1u);
  BOOST_TEST(q.problems[0].message ==
             "add-on 'resolution' requires 'premium', which is not selected");
  BOOST_TEST(q.problems[0].clause.line == 168u);
}

BOOST_AUTO_TEST_CASE(unknown_names_are_errors_with_suggestions) {
  Quote q = make_quote(qiscus(), "premium", {"resolutoin"});
  BOOST_TEST(q.error.find("unknown add-on 'resolutoin'; did you mean 'resolution'?") == 0u,
             q.error);
  BOOST_TEST(q.items.empty());
  q = make_quote(qiscus(), "premum", {});
  BOOST_TEST(q.error.find("did you mean 'premium'?") != std::string::npos, q.error);
  q = make_quote(qiscus(), "resolution", {});
  BOOST_TEST(q.error.find("is an add-on, not a package") != std::string::npos, q.error);
  q = make_quote(qiscus(), "premium", {"basic"});
  BOOST_TEST(q.error.find("is a package, not an add-on") != std::string::npos, q.error);
}

BOOST_AUTO_TEST_CASE(an_add_on_named_twice_is_counted_once) {
  const Quote q = make_quote(qiscus(), "premium", {"resolution", "resolution"});
  BOOST_TEST(q.valid());
  BOOST_TEST(q.repeated == (std::vector<std::string>{"resolution"}),
             boost::test_tools::per_element());
  BOOST_TEST(q.totals.at(0).milli == 100'000'000'000);
}

BOOST_AUTO_TEST_CASE(totals_are_kept_apart_by_currency_and_period) {
  const LoadResult r = load_string("t.sla", R"(
contract "T" { provider "T"; version "1"; effective 2026-01-01 }
calendar office { zone "Asia/Jakarta"; open Mon-Fri 09:00-17:00 }
package p "P" {
  calendar office
  price USD 12 thousand per year
}
addon a "A" {
  requires p
  price USD 1.5 thousand per year
}
addon b "B" {
  requires p
  price IDR 25 million one-off
}
addon c "C" {
  requires p
  price USD 100 per month
}
)");
  BOOST_TEST_REQUIRE(r.ok());
  const Quote q = make_quote(*r.model, "p", {"a", "b", "c"});
  BOOST_TEST_REQUIRE(q.totals.size() == 3u);
  BOOST_TEST(q.totals[0].currency == "USD");
  BOOST_TEST(q.totals[0].period == "per year");
  BOOST_TEST(q.totals[0].milli == 13'500'000);
  BOOST_TEST(q.totals[1].currency == "IDR");
  BOOST_TEST(q.totals[1].period == "one-off");
  BOOST_TEST(q.totals[2].period == "per month");
  BOOST_TEST(q.totals[2].milli == 100'000);
}
