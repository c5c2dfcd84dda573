// Reading numbers out of stated labels: what the lint compares with the values.
#define BOOST_TEST_MODULE stated_label
#include <boost/test/unit_test.hpp>

#include "interpreter/lint/stated_label.hpp"

using namespace sla;

BOOST_AUTO_TEST_CASE(durations_in_digits_and_words) {
  auto d = stated_durations("720 hours (30 business days)");
  BOOST_TEST_REQUIRE(d.size() == 2u);
  BOOST_TEST(d[0].value.milli == 720000);
  BOOST_TEST((d[0].value.unit == TimeUnit::hour));
  BOOST_TEST(!d[0].says_business);
  BOOST_TEST(d[0].words == "720 hours");
  BOOST_TEST(d[1].value.milli == 30000);
  BOOST_TEST((d[1].value.unit == TimeUnit::day));
  BOOST_TEST(d[1].says_business);
  BOOST_TEST(d[1].words == "30 business days");

  d = stated_durations("Best-effort response within two business days");
  BOOST_TEST_REQUIRE(d.size() == 1u);
  BOOST_TEST(d[0].value.milli == 2000);
  BOOST_TEST(d[0].words == "two business days");

  d = stated_durations("within an hour, or 1.5 working days, or 90 mins");
  BOOST_TEST_REQUIRE(d.size() == 3u);
  BOOST_TEST(d[0].value.milli == 1000);
  BOOST_TEST(d[1].value.milli == 1500);
  BOOST_TEST(d[1].says_business);
  BOOST_TEST((d[2].value.unit == TimeUnit::minute));
}

BOOST_AUTO_TEST_CASE(words_that_are_not_durations) {
  BOOST_TEST(stated_durations("an issue raised by a client").empty());
  BOOST_TEST(stated_durations("Within 1 business").empty());
  BOOST_TEST(stated_durations("").empty());
  // A number too large for the arithmetic is skipped, not wrapped around.
  BOOST_TEST(stated_durations("99999999999999999999999 hours").empty());
}

BOOST_AUTO_TEST_CASE(percents) {
  auto p = stated_percents("Target 99% uptime, or 99.5 percent");
  BOOST_TEST_REQUIRE(p.size() == 2u);
  BOOST_TEST(p[0] == 99000);
  BOOST_TEST(p[1] == 99500);
  BOOST_TEST(stated_percents("99 problems").empty());
}

BOOST_AUTO_TEST_CASE(amounts_with_scale_words) {
  auto m = stated_amounts("IDR 216mil");
  BOOST_TEST_REQUIRE(m.size() == 1u);
  BOOST_TEST(m[0].currency == "IDR");
  BOOST_TEST(m[0].milli == 216'000'000'000);
  BOOST_TEST(m[0].words == "IDR 216mil");

  m = stated_amounts("USD 1.5 million, EUR 900k and IDR 1,250,000");
  BOOST_TEST_REQUIRE(m.size() == 3u);
  BOOST_TEST(m[0].milli == 1'500'000'000);
  BOOST_TEST(m[1].milli == 900'000'000);
  BOOST_TEST(m[2].milli == 1'250'000'000);
  // Any three capitals read as a code; the lint compares only the price's currency.
  BOOST_TEST(stated_amounts("The SLA 2 tiers").size() == 1u);
  BOOST_TEST(stated_amounts("costs 216 million").empty());  // no currency, nothing to compare
}

BOOST_AUTO_TEST_CASE(huge_numbers_and_long_fractions_do_not_overflow) {
  // Read, not kept: nothing wraps around (UBSan checks the arithmetic).
  BOOST_TEST(stated_amounts("USD 99,999,999,999,999,999,999").empty());
  BOOST_TEST(stated_percents("99.99999999999999999999 %").size() == 1u);
  BOOST_TEST(stated_percents("99.99999999999999999999 %")[0] == 99999);
}
