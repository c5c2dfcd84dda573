// The Qiscus contract against values written by hand from the seed document.
#define BOOST_TEST_MODULE qiscus
#include <boost/test/unit_test.hpp>

#include "support.hpp"
#include "tools/reports/model_json.hpp"

using namespace sla;

namespace {

const Model& qiscus() {
  static const LoadResult r =
      load_file(sla::testing::source_path("contracts/qiscus-enterprise.sla"));
  BOOST_TEST_REQUIRE(r.ok(), sla::testing::codes(r));
  BOOST_TEST_REQUIRE(r.diagnostics.empty());
  return *r.model;
}

std::string within(const Package& p, TargetKind kind, const std::string& priority) {
  const Target* t = p.target(kind, priority);
  return t ? t->within.text : "none";
}

}  // namespace

BOOST_AUTO_TEST_CASE(header) {
  const Header& h = qiscus().contract;
  BOOST_TEST(h.provider == "Qiscus");
  BOOST_TEST(h.review_cycle == "annually");
  BOOST_TEST(h.change_notice->text == "2 days");
  BOOST_TEST(qiscus().definitions.size() == 5u);
}

BOOST_AUTO_TEST_CASE(priorities_in_order) {
  std::vector<std::string> names;
  for (const auto& p : qiscus().priorities) names.push_back(p.name);
  BOOST_TEST(names == (std::vector<std::string>{"Low", "Normal", "High", "Critical"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(basic_is_best_effort_two_business_days) {
  const Package& basic = *qiscus().package("basic");
  for (const auto* p : {"Low", "Normal", "High", "Critical"}) {
    BOOST_TEST(within(basic, TargetKind::response, p) == "2 business days");
    BOOST_TEST((basic.target(TargetKind::response, p)->commitment == Commitment::best_effort));
  }
  BOOST_TEST(basic.sold_included_in == "SMB package");
  BOOST_TEST(*basic.uptime.at(0).target_milli == 99000);
  BOOST_TEST((basic.uptime.at(0).commitment == Commitment::best_effort));
}

BOOST_AUTO_TEST_CASE(premium_response_table) {
  const Model& m = qiscus();
  const Package& premium = *m.package("premium");
  BOOST_TEST(premium.extends == "basic");
  BOOST_TEST(within(premium, TargetKind::response, "Low") == "1 business day");
  BOOST_TEST(within(premium, TargetKind::response, "Normal") == "4 business hours");
  BOOST_TEST(within(premium, TargetKind::response, "High") == "2 business hours");
  BOOST_TEST(within(premium, TargetKind::response, "Critical") == "1 business hour");
  BOOST_TEST(within(premium, TargetKind::resolution, "Critical") == "8 hours");
  // "1 business day" under Premium is 8 business hours.
  const CalendarInfo& office = *m.calendar(premium.calendar);
  BOOST_TEST(to_seconds(premium.target(TargetKind::response, "Low")->within, office)->count() ==
             8 * 3600);
  BOOST_TEST(office.zone == "Asia/Jakarta");
  BOOST_TEST(office.weekly.at(0) == "Mon-Fri 09:00-17:00");
  BOOST_TEST(office.holiday_sets.at(0) == "id_national");
  BOOST_TEST(*premium.clock_starts_at_next_opening);
  BOOST_TEST(premium.pause_statuses->size() == 2u);
}

BOOST_AUTO_TEST_CASE(premium_escalation_and_uptime) {
  const Package& premium = *qiscus().package("premium");
  const auto& bands = *premium.escalation;
  BOOST_REQUIRE(bands.size() == 2u);
  BOOST_TEST(bands[0].role == "Technical Support");
  BOOST_TEST(bands[0].until->text == "6 business hours");
  BOOST_TEST(bands[1].role == "Account Manager");
  BOOST_TEST(bands[1].when_no_response);
  const Uptime& u = premium.uptime.at(0);
  BOOST_TEST(u.service == "Chat Service");
  BOOST_TEST(*u.target_milli == 99000);
  BOOST_TEST(u.period == "monthly");
  BOOST_TEST((u.commitment == Commitment::committed));
  BOOST_TEST(u.published_at == "status.qiscus.com");
  std::vector<std::string> categories;
  for (const auto& e : u.exclusions) categories.push_back(e.category);
  BOOST_TEST(categories == (std::vector<std::string>{"scheduled maintenance", "third party",
                                                     "force majeure"}),
             boost::test_tools::per_element());
  BOOST_TEST(u.credits_named);
  BOOST_TEST(u.credits.empty());  // the seed names service credits but defines no tiers
}

BOOST_AUTO_TEST_CASE(addons_prices_and_calendars) {
  const Model& m = qiscus();
  BOOST_TEST(cli::money_text(*m.addon("dedicated_8x7")->price) == "IDR 216,000,000");
  BOOST_TEST(cli::money_text(*m.addon("dedicated_24x7")->price) == "IDR 420,000,000");
  BOOST_TEST(cli::money_text(*m.addon("resolution")->price) == "IDR 100,000,000");
  // Fractions are exact: cents as two digits, a third only when stated.
  BOOST_TEST(cli::money_text({"USD", 1999, "", ""}) == "USD 1.999");
  BOOST_TEST(cli::money_text({"EUR", 1, "", ""}) == "EUR 0.001");
  BOOST_TEST(cli::money_text({"USD", 1500, "", ""}) == "USD 1.50");
  BOOST_TEST(cli::money_text({"USD", 1234567890, "", ""}) == "USD 1,234,567.89");
  BOOST_TEST(m.addon("dedicated_8x7")->title == "8×7 Dedicated Support");

  Selection s8 = select(m, "premium", {"dedicated_8x7"});
  BOOST_REQUIRE(s8.package);
  BOOST_TEST(s8.calendar->weekly.at(0) == "daily 09:00-17:00");
  BOOST_TEST(s8.package->escalation->at(0).channel == "WhatsApp");
  BOOST_TEST(s8.package->escalation->at(1).until->text == "3 business hours");
  BOOST_TEST(s8.package->descriptions.at("Critical").starts_with("Production system outage"));

  Selection s24 = select(m, "premium", {"dedicated_24x7"});
  BOOST_REQUIRE(s24.package);
  BOOST_TEST(s24.calendar->weekly.at(0) == "always");

  BOOST_TEST(!select(m, "premium", {"dedicated_8x7", "dedicated_24x7"}).package);
  BOOST_TEST(!select(m, "basic", {"resolution"}).package);  // requires premium
}

BOOST_AUTO_TEST_CASE(resolution_addon_targets) {
  Selection s = select(qiscus(), "premium", {"resolution"});
  BOOST_REQUIRE(s.package);
  const Package& p = *s.package;
  BOOST_TEST(within(p, TargetKind::resolution, "Low") == "720 hours");
  BOOST_TEST(within(p, TargetKind::resolution, "Normal") == "312 hours");
  BOOST_TEST(within(p, TargetKind::resolution, "High") == "72 hours");
  BOOST_TEST(within(p, TargetKind::resolution, "Critical") == "8 hours");
  BOOST_TEST(p.target(TargetKind::resolution, "Low")->label == "720 hours (30 business days)");
  BOOST_TEST(within(p, TargetKind::response, "Normal") == "4 business hours");  // still Premium's
}

BOOST_AUTO_TEST_CASE(inspect_json_puts_positions_under_span) {
  auto j = cli::to_json(qiscus());
  BOOST_TEST(j["packages"][1]["targets"]["response"]["Normal"]["text"] == "4 business hours");
  BOOST_TEST(j["packages"][1]["targets"]["response"]["Normal"]["seconds"] == 4 * 3600);
  BOOST_TEST(j["addons"][1]["price"]["text"] == "IDR 420,000,000");
  BOOST_TEST(j["packages"][1]["span"]["line"].get<int>() > 0);
  // No key other than "span" holds a line number.
  std::function<bool(const nlohmann::ordered_json&)> stray = [&](const nlohmann::ordered_json& v) {
    if (v.is_object()) {
      for (auto it = v.begin(); it != v.end(); ++it) {
        if (it.key() == "span") continue;
        if (it.key() == "line" || it.key() == "column" || stray(it.value())) return true;
      }
    } else if (v.is_array()) {
      for (const auto& e : v)
        if (stray(e)) return true;
    }
    return false;
  };
  BOOST_TEST(!stray(j));
}
