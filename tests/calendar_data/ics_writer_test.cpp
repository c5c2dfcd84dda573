// Writing iCalendar: folding and escaping as RFC 5545 says, a zone's VTIMEZONE over
// a range, and a calendar's export (closures, special hours, openings, unions,
// extends, fixed offsets), parsed back by libical and read back by the importer.
#define BOOST_TEST_MODULE ics_writer
#include <fmt/format.h>
#include <boost/test/unit_test.hpp>
#include <chrono>
#include <memory>

#include <libical/ical.h>

#include "grammar/utf8.hpp"
#include "sla/load.hpp"
#include "tools/calendar_export/calendar_days.hpp"
#include "tools/calendar_export/calendar_ics.hpp"
#include "tools/calendar_export/ics_writer.hpp"
#include "tools/calendar_export/vtimezone.hpp"
#include "tools/holidays/holiday_set_text.hpp"
#include "tools/holidays/ics_reader.hpp"

using namespace sla;
using namespace sla::cli;

namespace {

const char* kContract = R"(
contract "Export test" { provider "Acme"; version "1"; effective 2026-01-01 }

holidays company "Acme closing days" {
  2026-12-24 "Christmas Eve" open 09:00-12:00
  2026-12-25 "Christmas Day"
  2026-12-27 "Sunday holiday"
}

calendar berlin "Berlin office" {
  zone "Europe/Berlin"
  open Mon-Fri 09:00-17:00
  closed on holidays company
  closed on 2026-12-31 "Year-end closing"
}
calendar berlin_saturdays extends berlin { open Sat 10:00-14:00 }
calendar jakarta { zone "Asia/Jakarta"; open Mon-Fri 09:00-17:00; closed on 2026-12-25 "Christmas Day" }
calendar follow_the_sun { union of jakarta, berlin }
calendar fixed { zone UTC+07:00; open Mon-Fri 09:00-17:00; closed on 2026-12-25 "Christmas Day" }
calendar always_berlin { zone "Europe/Berlin"; open always }
calendar tokyo { zone "Asia/Tokyo"; open Mon-Fri 09:00-17:00; on 2026-12-24 open 09:00-13:00 }
)";

const Model& model() {
  static const LoadResult r = [] {
    LoadResult r = load_string("export.sla", kContract);
    BOOST_TEST_REQUIRE(r.ok(), (r.diagnostics.empty() ? "" : r.diagnostics[0].message));
    return r;
  }();
  return *r.model;
}

date::local_days day(int y, unsigned m, unsigned d) {
  return date::local_days{date::year{y} / date::month{m} / date::day{d}};
}

std::string export_of(const std::string& calendar, date::local_days first, date::local_days last,
                      bool openings = false, Instant stamp = Instant{std::chrono::seconds{0}}) {
  CalendarIcs e;
  e.calendar = model().calendar(calendar);
  BOOST_TEST_REQUIRE(e.calendar != nullptr);
  e.contract_name = "Export test";
  e.contract_key = uid_slug("Export test");
  e.first = first;
  e.last = last;
  e.openings = openings;
  e.stamp = stamp;
  e.version = "0.1.0";
  return calendar_ics(e).text;
}

struct IcalFree {
  void operator()(icalcomponent* c) const { icalcomponent_free(c); }
};

// The events as libical reads them back: "SUMMARY | DTSTART", and no parse error.
std::vector<std::string> parsed_events(const std::string& ics) {
  std::unique_ptr<icalcomponent, IcalFree> root(icalparser_parse_string(ics.c_str()));
  BOOST_TEST_REQUIRE(root != nullptr);
  BOOST_TEST(icalcomponent_count_errors(root.get()) == 0);
  std::vector<std::string> out;
  for (auto* e = icalcomponent_get_first_component(root.get(), ICAL_VEVENT_COMPONENT); e;
       e = icalcomponent_get_next_component(root.get(), ICAL_VEVENT_COMPONENT)) {
    BOOST_TEST(icalcomponent_get_uid(e) != nullptr);
    BOOST_TEST(!icaltime_is_null_time(icalcomponent_get_dtstamp(e)));
    icalproperty* start = icalcomponent_get_first_property(e, ICAL_DTSTART_PROPERTY);
    BOOST_TEST_REQUIRE(start != nullptr);
    out.push_back(fmt::format("{} | {}", icalcomponent_get_summary(e),
                              icaltime_as_ical_string(icalproperty_get_dtstart(start))));
  }
  return out;
}

std::vector<std::string> lines_of(const std::string& ics) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  for (std::size_t end; (end = ics.find("\r\n", pos)) != std::string::npos; pos = end + 2)
    out.push_back(ics.substr(pos, end - pos));
  BOOST_TEST(pos == ics.size());  // every line, the last one too, ends with CRLF
  return out;
}

bool has_line(const std::string& ics, const std::string& line) {
  const auto lines = lines_of(ics);
  return std::find(lines.begin(), lines.end(), line) != lines.end();
}

using Lines = std::vector<std::string>;

}  // namespace

BOOST_AUTO_TEST_CASE(long_lines_fold_at_75_octets_never_inside_a_character) {
  const std::string ascii(200, 'a');
  const std::string folded = fold_ics_line("SUMMARY:" + ascii);
  const auto lines = lines_of(folded);
  BOOST_TEST(lines.size() == 3u);
  std::string unfolded;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    BOOST_TEST(lines[i].size() <= 75u);
    if (i) BOOST_TEST(lines[i].front() == ' ');
    unfolded += i ? lines[i].substr(1) : lines[i];
  }
  BOOST_TEST(unfolded == "SUMMARY:" + ascii);
  // Two-byte and three-byte characters: each line stays UTF-8 of its own.
  std::string wide = "SUMMARY:";
  for (int i = 0; i < 60; ++i) wide += i % 2 ? "\xC3\xBC" : "\xE2\x80\x94";
  for (const auto& l : lines_of(fold_ics_line(wide))) {
    BOOST_TEST(l.size() <= 75u);
    BOOST_TEST(is_utf8(l));
  }
  BOOST_TEST(fold_ics_line("UID:x") == "UID:x\r\n");
}

BOOST_AUTO_TEST_CASE(text_values_are_escaped) {
  BOOST_TEST(escape_ics_text("a,b;c\\d\ne\r\nf") == "a\\,b\\;c\\\\d\\ne\\nf");
  BOOST_TEST(escape_ics_text("bell\x07") == "bell");
  BOOST_TEST(escape_ics_text("caf\xE9") == "caf\xEF\xBF\xBD");
  IcsWriter w;
  w.text("SUMMARY", "Closed: Christmas, Boxing Day");
  BOOST_TEST(w.str() == "SUMMARY:Closed: Christmas\\, Boxing Day\r\n");
}

BOOST_AUTO_TEST_CASE(a_vtimezone_holds_the_offset_at_the_start_and_each_change) {
  IcsWriter w;
  const auto* berlin = date::locate_zone("Europe/Berlin");
  write_vtimezone(w, *berlin, date::sys_days{date::year{2026} / 1 / 1},
                  date::sys_days{date::year{2027} / 1 / 1});
  const std::string& t = w.str();
  BOOST_TEST(t.find("BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\n") == 0u);
  // Winter time since October 2025, then the two changes of 2026, local times on
  // the clock before each change.
  BOOST_TEST(t.find("BEGIN:STANDARD\r\nDTSTART:20251026T030000\r\nTZOFFSETFROM:+0200\r\n"
                    "TZOFFSETTO:+0100\r\nTZNAME:CET\r\nEND:STANDARD") != std::string::npos);
  BOOST_TEST(t.find("BEGIN:DAYLIGHT\r\nDTSTART:20260329T020000\r\nTZOFFSETFROM:+0100\r\n"
                    "TZOFFSETTO:+0200\r\nTZNAME:CEST\r\nEND:DAYLIGHT") != std::string::npos);
  BOOST_TEST(t.find("DTSTART:20261025T030000") != std::string::npos);
  BOOST_TEST(t.find("DTSTART:20270328") == std::string::npos);  // past the range
  IcsWriter j;
  write_vtimezone(j, *date::locate_zone("Asia/Jakarta"), date::sys_days{date::year{2026} / 1 / 1},
                  date::sys_days{date::year{2036} / 1 / 1});
  BOOST_TEST(j.str() ==
             "BEGIN:VTIMEZONE\r\nTZID:Asia/Jakarta\r\nBEGIN:STANDARD\r\nDTSTART:19640101T000000\r\n"
             "TZOFFSETFROM:+0730\r\nTZOFFSETTO:+0700\r\nTZNAME:WIB\r\nEND:STANDARD\r\n"
             "END:VTIMEZONE\r\n");
}

BOOST_AUTO_TEST_CASE(closures_and_special_hours_are_all_day_events_weekends_are_not) {
  const std::string ics = export_of("berlin", day(2026, 12, 1), day(2026, 12, 31));
  BOOST_TEST(parsed_events(ics) ==
                 (Lines{"Christmas Eve: open 09:00-12:00 only | 20261224",
                        "Closed: Christmas Day | 20261225", "Closed: Sunday holiday | 20261227",
                        "Closed: Year-end closing | 20261231"}),
             boost::test_tools::per_element());
  for (const auto& l : lines_of(ics)) BOOST_TEST(l.size() <= 75u);
  BOOST_TEST(has_line(ics, "BEGIN:VCALENDAR"));
  BOOST_TEST(has_line(ics, "VERSION:2.0"));
  BOOST_TEST(has_line(ics, "PRODID:-//sla//sla calendar export 0.1.0//EN"));
  BOOST_TEST(has_line(ics, "X-WR-CALNAME:Export test: Berlin office"));
  BOOST_TEST(has_line(ics, "X-WR-TIMEZONE:Europe/Berlin"));
  BOOST_TEST(has_line(ics, "UID:20261225-closed-berlin-export-test@sla"));
  BOOST_TEST(has_line(ics, "UID:20261224-hours-berlin-export-test@sla"));
  BOOST_TEST(has_line(ics, "DTSTART;VALUE=DATE:20261225"));
  BOOST_TEST(has_line(ics, "DTEND;VALUE=DATE:20261226"));
  BOOST_TEST(has_line(ics, "DTSTAMP:19700101T000000Z"));
  BOOST_TEST(has_line(ics, "TRANSP:TRANSPARENT"));
  BOOST_TEST(ics.find("BEGIN:VTIMEZONE") == std::string::npos);  // all-day events need none
  // A calendar that extends another has the dated rules it inherits.
  BOOST_TEST(
      parsed_events(export_of("berlin_saturdays", day(2026, 12, 1), day(2026, 12, 31))).size() ==
      4u);
  // The range is kept: a day before or after is not in it.
  BOOST_TEST(parsed_events(export_of("berlin", day(2026, 12, 25), day(2026, 12, 27))).size() == 2u);
}

BOOST_AUTO_TEST_CASE(uids_stay_the_same_from_one_export_to_the_next) {
  const auto uids = [](const std::string& ics) {
    Lines out;
    for (const auto& l : lines_of(ics))
      if (l.starts_with("UID:")) out.push_back(l);
    return out;
  };
  const Instant later = date::sys_days{date::year{2026} / 6 / 1};
  const std::string a = export_of("berlin", day(2026, 12, 1), day(2026, 12, 31), true);
  const std::string b = export_of("berlin", day(2026, 12, 1), day(2026, 12, 31), true, later);
  BOOST_TEST(uids(a) == uids(b), boost::test_tools::per_element());
  BOOST_TEST(has_line(b, "DTSTAMP:20260601T000000Z"));
  Lines all = uids(a);
  std::sort(all.begin(), all.end());
  BOOST_TEST((std::adjacent_find(all.begin(), all.end()) == all.end()));  // and unique
}

BOOST_AUTO_TEST_CASE(uids_tell_contracts_apart_whatever_their_names) {
  // A name of ASCII words keeps its slug as it was; one the slug drops characters
  // of gets the hash of the whole name, so that names of other scripts differ.
  BOOST_TEST(uid_slug("Qiscus Enterprise Support") == "qiscus-enterprise-support");
  BOOST_TEST(uid_slug("acme_eu-2") == "acme-eu-2");
  BOOST_TEST(uid_slug("\xE6\x97\xA5\xE6\x9C\xAC\xE3\x82\xB5\xE3\x83\x9D\xE3\x83\xBC\xE3\x83\x88") ==
             "contract-bf7bc920");  // 日本サポート
  BOOST_TEST(uid_slug("\xE4\xB8\xAD\xE5\x9B\xBD\xE6\x94\xAF\xE6\x8C\x81") ==
             "contract-40bd5b3f");  // 中国支持
  BOOST_TEST(uid_slug("Acme (EU)") == "acme-eu-52d59648");
  BOOST_TEST(uid_slug("Acme EU") != uid_slug("Acme (EU)"));
  BOOST_TEST(uid_slug("Acme  EU") != uid_slug("Acme EU"));
  BOOST_TEST(uid_slug("") == "contract-811c9dc5");
}

BOOST_AUTO_TEST_CASE(special_hours_without_a_name_say_what_they_are) {
  const std::string ics = export_of("tokyo", day(2026, 12, 1), day(2026, 12, 31));
  BOOST_TEST(parsed_events(ics) == (Lines{"Special hours: open 09:00-13:00 only | 20261224"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_range_without_events_is_an_empty_calendar_that_says_so) {
  CalendarIcs e;
  e.calendar = model().calendar("tokyo");
  e.contract_key = uid_slug("Export test");
  e.first = day(2026, 12, 1);
  e.last = day(2026, 12, 20);
  e.version = "0.1.0";
  const CalendarIcsText none = calendar_ics(e);
  BOOST_TEST(none.events == 0u);
  BOOST_TEST(parsed_events(none.text).empty());
  BOOST_TEST(has_line(none.text, "END:VCALENDAR"));
  e.last = day(2026, 12, 24);
  BOOST_TEST(calendar_ics(e).events == 1u);
  e.openings = true;
  BOOST_TEST(calendar_ics(e).events ==
             1u + 18u);  // and 18 weekdays' openings, the 24th's short one too
}

BOOST_AUTO_TEST_CASE(a_union_shows_the_days_a_members_holiday_changes_it) {
  // Jakarta 09:00-17:00 and Berlin 09:00-17:00 (15:00-23:00 in Jakarta in winter):
  // on Christmas Eve Berlin opens 09:00-12:00 only (15:00-18:00 in Jakarta); on
  // Christmas both are closed; on 12-27 (Sunday) neither would open; on New
  // Year's Eve only Jakarta is open.
  const std::string ics = export_of("follow_the_sun", day(2026, 12, 1), day(2026, 12, 31));
  BOOST_TEST(parsed_events(ics) == (Lines{"Christmas Eve: open 09:00-18:00 only | 20261224",
                                          "Closed: Christmas Day | 20261225",
                                          "Year-end closing: open 09:00-17:00 only | 20261231"}),
             boost::test_tools::per_element());
  const auto days = dated_days(*model().calendar("follow_the_sun")->calendar, day(2026, 12, 1),
                               day(2026, 12, 31));
  BOOST_TEST_REQUIRE(days.size() == 3u);
  BOOST_TEST(days[1].hours.empty());
}

BOOST_AUTO_TEST_CASE(openings_are_timed_events_in_the_calendars_zone) {
  const std::string ics = export_of("berlin", day(2026, 12, 21), day(2026, 12, 27), true);
  const auto events = parsed_events(ics);
  BOOST_TEST(
      events == (Lines{"Christmas Eve: open 09:00-12:00 only | 20261224",
                       "Closed: Christmas Day | 20261225", "Closed: Sunday holiday | 20261227",
                       "Open | 20261221T090000", "Open | 20261222T090000", "Open | 20261223T090000",
                       "Open (Christmas Eve hours) | 20261224T090000"}),
      boost::test_tools::per_element());
  BOOST_TEST(has_line(ics, "DTSTART;TZID=Europe/Berlin:20261224T090000"));
  BOOST_TEST(has_line(ics, "DTEND;TZID=Europe/Berlin:20261224T120000"));
  BOOST_TEST(has_line(ics, "TZID:Europe/Berlin"));  // the VTIMEZONE
  BOOST_TEST(has_line(ics, "UID:20261221T090000-open-berlin-export-test@sla"));
  // A fixed offset has no zone a client knows: UTC times.
  const std::string fixed = export_of("fixed", day(2026, 12, 21), day(2026, 12, 21), true);
  BOOST_TEST(has_line(fixed, "DTSTART:20261221T020000Z"));
  BOOST_TEST(has_line(fixed, "DTEND:20261221T100000Z"));
  BOOST_TEST(fixed.find("VTIMEZONE") == std::string::npos);
  BOOST_TEST(fixed.find("X-WR-TIMEZONE") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(an_opening_longer_than_a_day_is_cut_at_each_midnight) {
  // Open always, over the night clocks go forward: three days, the middle one 23 hours.
  const auto open =
      openings(*model().calendar("always_berlin")->calendar, day(2026, 3, 28), day(2026, 3, 30));
  BOOST_TEST_REQUIRE(open.size() == 3u);
  BOOST_TEST((open[1].end - open[1].start == std::chrono::hours(23)));
  BOOST_TEST((open[0].end == open[1].start));
  const std::string ics = export_of("always_berlin", day(2026, 3, 28), day(2026, 3, 30), true);
  BOOST_TEST(has_line(ics, "DTSTART;TZID=Europe/Berlin:20260329T000000"));
  BOOST_TEST(has_line(ics, "DTEND;TZID=Europe/Berlin:20260330T000000"));
}

BOOST_AUTO_TEST_CASE(an_export_imports_back_to_the_same_closed_days) {
  const LoadResult qiscus =
      load_file(std::string(SLA_SOURCE_DIR) + "/contracts/qiscus-enterprise.sla");
  BOOST_TEST_REQUIRE(qiscus.ok());
  const CalendarInfo* office = qiscus.model->calendar("office_hours");
  BOOST_TEST_REQUIRE(office != nullptr);
  CalendarIcs e;
  e.calendar = office;
  e.contract_name = qiscus.model->contract.name;
  e.contract_key = uid_slug(e.contract_name);
  e.first = day(2020, 1, 1);
  e.last = day(2035, 12, 31);
  e.openings = true;  // timed openings must not come back as closed days
  e.stamp = Instant{};
  e.version = "0.1.0";
  const std::string ics = calendar_ics(e).text;
  IcsOptions options;
  options.this_year = 2026;
  const auto imported = read_ics(ics, options);
  BOOST_TEST_REQUIRE(imported.ok());
  Lines back, closed;
  for (const auto& entry : merge_holidays(imported.days))
    back.push_back(date::format("%F", entry.day));
  for (const auto& rule : office->calendar->spec().holidays)
    if (rule.hours.empty()) closed.push_back(date::format("%F", rule.day));
  std::sort(closed.begin(), closed.end());
  BOOST_TEST(!closed.empty());
  BOOST_TEST(back == closed, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(ten_years_of_openings_are_fine) {
  const auto started = std::chrono::steady_clock::now();
  const std::string ics = export_of("follow_the_sun", day(2026, 1, 1), day(2035, 12, 31), true);
  const auto took = std::chrono::steady_clock::now() - started;
  const auto events = parsed_events(ics);
  BOOST_TEST(events.size() > 2500u);  // one opening a weekday for ten years, and the holidays
  BOOST_TEST(std::chrono::duration_cast<std::chrono::seconds>(took).count() < 10);
}
