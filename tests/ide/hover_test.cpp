// What the editor shows on a name or a duration: definitions in words, durations
// worked on an example ticket under the calendar that governs them.
#define BOOST_TEST_MODULE ide_hover
#include <boost/test/unit_test.hpp>

#include <date/date.h>
#include <fmt/format.h>
#include <fstream>
#include <sstream>

#include "tests/ide/ide_support.hpp"
#include "tools/ide/analysis.hpp"
#include "tools/ide/hover.hpp"

using namespace sla;
using namespace sla::ide;
using namespace sla::ide::test;

namespace {

// The hover at `needle` + `shift` (the cursor inside the word meant).
std::string hover_at(const Analysis& a, std::string_view needle, std::size_t shift,
                     std::size_t nth = 0) {
  const auto h = hover(a, offset_of(a, needle, nth) + static_cast<std::uint32_t>(shift));
  BOOST_REQUIRE(h);
  BOOST_TEST_MESSAGE(needle << ":\n" << h->markdown << "\n");
  return h->markdown;
}

bool has(const std::string& text, std::string_view part) {
  if (text.find(part) != std::string::npos) return true;
  BOOST_TEST_MESSAGE("missing: " << part);
  return false;
}

}  // namespace

BOOST_AUTO_TEST_CASE(calendar_in_words) {
  const Analysis& a = qiscus();
  BOOST_REQUIRE(a.model);
  // The use in a package, and the definition: the same words.
  const std::string use = hover_at(a, "  calendar office_hours\n", 12);
  BOOST_TEST(has(use, "09:00"));
  BOOST_TEST(has(use, "Asia/Jakarta"));
  BOOST_TEST(has(use, "Mon-Fri 09:00-17:00"));
  BOOST_TEST(has(use, "Weekdays 09:00-17:00 (GMT+7)"));
  BOOST_TEST(has(use, "`id_national` (Indonesia public holidays, 2020\u20132027)"));
  BOOST_TEST(has(use, "A business day is 8 hours"));
  BOOST_TEST(hover_at(a, "calendar office_hours \"", 10) == use);
  const std::string always = hover_at(a, "calendar around_the_clock", 10);
  BOOST_TEST(has(always, "Open always"));
  BOOST_TEST(has(always, "Open on public holidays"));
  BOOST_TEST(has(always, "A business day is 24 hours"));
  // The span is the name hovered.
  const auto h = hover(a, offset_of(a, "  calendar office_hours\n") + 12);
  BOOST_REQUIRE(h);
  BOOST_TEST(a.text().substr(h->span.begin, h->span.end - h->span.begin) == "office_hours");
}

BOOST_AUTO_TEST_CASE(priority_description_and_rank) {
  const Analysis& a = qiscus();
  const std::string normal = hover_at(a, "respond to Normal within", 12);
  BOOST_TEST(has(normal, "Moderate loss of functionality"));
  BOOST_TEST(has(normal, "rank 2 of 4"));
  // Add-ons that word a priority their own way say so.
  const std::string critical = hover_at(a, "respond to Critical", 12);
  BOOST_TEST(has(critical, "rank 4 of 4"));
  BOOST_TEST(has(critical, "In `dedicated_8x7` and `dedicated_24x7`: Production system outage"));
}

BOOST_AUTO_TEST_CASE(package_after_inheritance) {
  const Analysis& a = qiscus();
  const std::string premium = hover_at(a, "package premium", 9);
  BOOST_TEST(has(premium, "**package `premium`** \u2014 Premium Support"));
  BOOST_TEST(has(premium, "Extends `basic`"));
  BOOST_TEST(has(premium, "Calendar `office_hours` (Mon-Fri 09:00-17:00, Asia/Jakarta"));
  BOOST_TEST(has(premium, "respond to Critical within 1 business hour (committed)"));
  BOOST_TEST(has(premium, "resolve Critical within 8 hours (committed)"));
  // Inherited from basic: the clock rule and the channels.
  BOOST_TEST(has(premium, "The clock starts at the next opening"));
  BOOST_TEST(has(premium, "Helpdesk"));
  const std::string basic = hover_at(a, "package basic", 9);
  BOOST_TEST(has(basic, "respond to all within 2 business days (best effort)"));
  const std::string addon = hover_at(a, "premium with dedicated_8x7", 15);
  BOOST_TEST(has(addon, "**add-on `dedicated_8x7`** \u2014 8\u00d77 Dedicated Support"));
  BOOST_TEST(has(addon, "Price: IDR 216,000,000"));
  BOOST_TEST(has(addon, "Requires `premium`"));
  BOOST_TEST(has(addon, "Excludes `dedicated_24x7`"));
  BOOST_TEST(has(addon, "Calendar `every_day_office_hours` (daily 09:00-17:00, Asia/Jakarta)"));
  // `requires premium` names the package.
  BOOST_TEST(has(hover_at(a, "requires premium", 10), "**package `premium`**"));
}

BOOST_AUTO_TEST_CASE(package_warnings) {
  std::string text = qiscus_text();
  const std::string head = "  sold included in \"Enterprise package\"";
  text.insert(text.find(head), "  warn at 50 %, 75 %\n");
  const Analysis a = analyze(qiscus_path, text);
  BOOST_REQUIRE(a.model);
  const std::string premium = hover_at(a, "package premium", 9);
  BOOST_TEST(has(premium, "A pending ticket is at risk at 50 %, 75 % of a target's time"));
  BOOST_TEST(!has(hover_at(a, "package basic", 9), "at risk"));
}

BOOST_AUTO_TEST_CASE(holiday_set_attribute_and_import) {
  const Analysis& a = qiscus();
  const std::string set = hover_at(a, "holidays id_national", 12);
  BOOST_TEST(has(set, "**holiday set `id_national`** \u2014 Indonesia public holidays"));
  BOOST_TEST(has(set, "Covers 2020\u20132027"));
  BOOST_TEST(has(set, "Source: date-holidays"));
  BOOST_TEST(has(set, "Closes `office_hours`"));
  const std::string import = hover_at(a, "import \"std/holidays/id\"", 10);
  BOOST_TEST(has(import, "From the standard library"));
  BOOST_TEST(has(import, "holiday set `id_national` (Indonesia public holidays, 2020\u20132027"));

  const Analysis b = analyze("/tmp/hover.sla", R"(priorities {
  Low "Questions"
  High "Down"
}
attribute channel "phone", "chat"
calendar office "Office" {
  zone "Europe/Berlin"
  open Mon-Fri 08:00-12:00, 13:00-17:00
  open on holidays
}
package basic "Basic" {
  calendar office
  respond to High where channel is "phone" within 1 business hour
  respond to all within 1 business day
}
)");
  BOOST_REQUIRE(b.model);
  const std::string channel = hover_at(b, "channel is", 2);
  BOOST_TEST(has(channel, "**attribute `channel`**"));
  BOOST_TEST(has(channel, "\u201cphone\u201d, \u201cchat\u201d"));
  // Two openings a day: the example's ticket comes half an hour before the last
  // closing; without an effective date, on Friday 9 January 2026.
  const std::string hour = hover_at(b, "1 business hour", 2);
  BOOST_TEST(has(
      hour, "Friday 9 January 2026 at 16:30 \u2192 response due Monday 12 January 2026 at 08:30"));
  BOOST_TEST(has(hover_at(b, "1 business day", 2), "8 hours of operating time"));
}

BOOST_AUTO_TEST_CASE(duration_worked_on_an_example) {
  const Analysis& a = qiscus();
  // The example's ticket: the first Friday from the effective date (2025-01-01), at
  // 16:30. With 30 minutes left that Friday, 4 business hours take 3 h 30 min more
  // from Monday's 09:00 opening: 12:30, as Monday 6 January 2025 is no holiday.
  using namespace date;
  local_days friday{2025_y / January / 1};
  while (weekday{friday} != Friday) friday += days{1};
  BOOST_TEST((year_month_day{friday} == 2025_y / January / 3));
  const year_month_day monday{friday + days{3}};
  const std::string monday_iso =
      fmt::format("{:04}-{:02}-{:02}", static_cast<int>(monday.year()),
                  static_cast<unsigned>(monday.month()), static_cast<unsigned>(monday.day()));
  const auto& set = a.model->holiday_sets.front();
  BOOST_TEST(std::none_of(set.days.begin(), set.days.end(),
                          [&](const Holiday& h) { return h.date == monday_iso; }));
  const std::chrono::minutes due =
      std::chrono::hours(9) + (std::chrono::hours(4) - std::chrono::minutes(30));
  const std::string expected = fmt::format(
      "raised Friday 3 January 2025 at 16:30 \u2192 response due Monday {} January "
      "2025 at {:02}:{:02}",
      static_cast<unsigned>(monday.day()), due.count() / 60, due.count() % 60);
  BOOST_TEST(expected.find("Monday 6 January 2025 at 12:30") != std::string::npos);

  const std::string four = hover_at(a, "4 business hours committed", 2);
  BOOST_TEST(has(
      four, "**4 business hours** \u2014 4 hours of operating time on calendar `office_hours`"));
  BOOST_TEST(has(four, "Mon-Fri 09:00-17:00, Asia/Jakarta"));
  BOOST_TEST(has(four, expected));
  BOOST_TEST(has(four, "30 minutes on Friday 3 January, 3 hours 30 minutes on Monday 6 January"));
  const auto h = hover(a, offset_of(a, "4 business hours committed") + 2);
  BOOST_REQUIRE(h);
  BOOST_TEST(a.text().substr(h->span.begin, h->span.end - h->span.begin) == "4 business hours");

  // Business days are operating hours: 2 of 8 hours each.
  const std::string days2 = hover_at(a, "2 business days best effort", 0);
  BOOST_TEST(has(days2, "**2 business days (16 business hours)**"));
  BOOST_TEST(has(days2, "a business day there is 8 hours"));
  BOOST_TEST(has(days2, "response due Tuesday 7 January 2025 at 16:30"));

  // Calendar time runs through the night.
  const std::string eight = hover_at(a, "resolve Critical within 8 hours committed (\"no", 25);
  BOOST_TEST(has(eight, "calendar time"));
  BOOST_TEST(has(eight,
                 "raised Friday 3 January 2025 at 16:30 \u2192 resolution due Saturday 4 January "
                 "2025 at 00:30"));
  BOOST_TEST(has(eight, "starts the clock at the next opening"));

  // An add-on with its own calendar: weekends are operating days.
  const std::string band = hover_at(a, "from 2 business hours until 3", 6);
  BOOST_TEST(has(band, "calendar `every_day_office_hours`"));
  BOOST_TEST(has(band, "in this band from Saturday 4 January 2025 at 10:30"));

  // An add-on without one counts on the package it is added to.
  const std::string hours720 = hover_at(a, "720 hours committed", 1);
  BOOST_TEST(has(hours720, "**720 hours (30 calendar days)**"));
  BOOST_TEST(has(hours720,
                 "the calendar of the package it is added to (under `premium`: `office_hours`)"));
  BOOST_TEST(has(hours720, "resolution due Sunday 2 February 2025 at 16:30"));

  // A calendar's business day; the change notice in the header.
  BOOST_TEST(has(hover_at(a, "business day is 8 hours", 17),
                 "the length of one business day of calendar `office_hours`"));
  BOOST_TEST(has(hover_at(a, "notified at least 2 days", 18), "calendar time: every day counts"));
}

BOOST_AUTO_TEST_CASE(stale_or_missing_model) {
  std::string broken = qiscus_text();
  broken +=
      "\npackage half \"Half\" {\n  calendar office_hours\n  respond to Low withn 4 hours\n}\n";
  // While the text has errors, the last Model that checked answers.
  const Analysis stale = analyze(qiscus_path, broken, {}, &qiscus());
  BOOST_TEST(stale.model_is_stale);
  BOOST_TEST(
      has(hover_at(stale, "  calendar office_hours\n  respond to Low withn", 12), "Asia/Jakarta"));
  // Without any Model: the definition as written.
  const Analysis bare = analyze(qiscus_path, broken);
  BOOST_TEST(!bare.model);
  const std::string written = hover_at(bare, "  calendar office_hours\n", 12);
  BOOST_TEST(has(written, "```sla\ncalendar office_hours"));
  BOOST_TEST(has(written, "zone \"Asia/Jakarta\""));
  const std::string four = hover_at(bare, "4 business hours committed", 2);
  BOOST_TEST(has(four, "operating time on calendar `office_hours`"));
  // A name nothing defines.
  const Analysis typo = analyze("/tmp/typo.sla",
                                "package p \"P\" {\n  calendar ofice_hours\n}\ncalendar "
                                "office_hours \"O\" { zone \"UTC\" open always }\n");
  BOOST_TEST(has(hover_at(typo, "ofice_hours", 2), "did you mean `office_hours`?"));
}

BOOST_AUTO_TEST_CASE(a_renamed_name_is_not_described_by_the_last_model) {
  // The calendar renamed while a package still names it: the last Model knew
  // it, the text no longer defines it.
  std::string renamed = qiscus_text();
  renamed.replace(renamed.find("calendar office_hours \""), 21, "calendar desk_hours");
  const Analysis a = analyze(qiscus_path, renamed, {}, &qiscus());
  BOOST_REQUIRE(a.model_is_stale);
  const std::string h = hover_at(a, "  calendar office_hours\n", 12);
  BOOST_TEST(has(h, "not defined"));
  BOOST_TEST(!has(h, "Asia/Jakarta"));
}

BOOST_AUTO_TEST_CASE(time_across_midnight_counts_on_each_day) {
  // An opening from Sunday 17:00 through Monday 17:00: a business day of 8
  // hours raised Friday 16:30 is 30 minutes on Friday, 7 hours on Sunday (to
  // midnight) and 30 minutes on Monday.
  const Analysis a = analyze("/tmp/night.sla",
                             "priorities {\n  P1 \"Down\"\n}\n"
                             "calendar night \"Night\" {\n  zone \"UTC\"\n"
                             "  open Mon-Fri 00:00-17:00\n  open Sun 17:00-24:00\n"
                             "  open on holidays\n  business day is 8 hours\n}\n"
                             "package p \"P\" {\n  calendar night\n"
                             "  respond to P1 within 1 business day\n"
                             "  resolve P1 within 24 business hours\n}\n");
  BOOST_REQUIRE(a.model);
  const std::string day = hover_at(a, "1 business day", 2);
  BOOST_TEST(has(day, "raised Friday 9 January 2026 at 16:30"));
  BOOST_TEST(has(day, "due Monday 12 January 2026 at 00:30"));
  BOOST_TEST(has(day,
                 "(30 minutes on Friday 9 January, 7 hours on Sunday 11 January, 30 minutes "
                 "on Monday 12 January)"));
  // Operating time in hours: "1 day" would read as a business day (8 hours here).
  const std::string hours = hover_at(a, "24 business hours", 2);
  BOOST_TEST(has(hours, "24 hours of operating time"));
}

BOOST_AUTO_TEST_CASE(a_deadline_on_the_next_business_day) {
  const Analysis a = analyze("/tmp/next.sla",
                             "priorities {\n  P1 \"Down\"\n  P2 \"Slow\"\n}\n"
                             "calendar office \"Office\" {\n  zone \"Europe/London\"\n"
                             "  open Mon-Fri 09:00-17:00\n  open on holidays\n}\n"
                             "package p \"P\" {\n  calendar office\n"
                             "  respond to P1 by 12:00 next business day\n"
                             "  respond to P2 by end of next business day\n}\n");
  BOOST_REQUIRE(a.model);
  // Raised on Friday 9 January 2026 at 16:30: Saturday and Sunday are closed, so
  // the next business day is Monday 12 January.
  const std::string noon = hover_at(a, "next business day", 3);
  BOOST_TEST(has(noon, "**by 12:00 next business day**"));
  BOOST_TEST(has(noon, "at 12:00, on calendar `office`"));
  BOOST_TEST(has(noon, "raised Friday 9 January 2026 at 16:30"));
  BOOST_TEST(has(noon, "response due Monday 12 January 2026 at 12:00"));
  const std::string end = hover_at(a, "by end of", 1);
  BOOST_TEST(has(end, "at the end of that day's last opening"));
  BOOST_TEST(has(end, "response due Monday 12 January 2026 at 17:00"));
}

BOOST_AUTO_TEST_CASE(nothing_under_the_cursor) {
  const Analysis& a = qiscus();
  BOOST_TEST(!hover(a, 0));                                         // a comment
  BOOST_TEST(!hover(a, offset_of(a, "provider \"Qiscus\"") + 12));  // a string
  BOOST_TEST(!hover(a, static_cast<std::uint32_t>(a.text().size()) + 100));
  const Analysis empty = analyze("/tmp/empty.sla", "");
  BOOST_TEST(!hover(empty, 0));
}
