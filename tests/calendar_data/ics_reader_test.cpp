// Reading holidays from iCalendar files: every shape the calendar programs export
// (fixtures/), recurrences, zones, cancelled events, folded lines, and broken files
// reported at their lines.
#define BOOST_TEST_MODULE ics_reader
#include <fmt/format.h>
#include <boost/test/unit_test.hpp>
#include <fstream>
#include <sstream>

#include "tools/holidays/holiday_set_text.hpp"
#include "tools/holidays/ics_outline.hpp"
#include "tools/holidays/ics_reader.hpp"
#include "tools/holidays/zone_name.hpp"

using namespace sla::cli;

namespace {

std::string fixture(const std::string& name) {
  std::ifstream in(std::string(SLA_SOURCE_DIR) + "/tests/calendar_data/fixtures/" + name,
                   std::ios::binary);
  BOOST_TEST_REQUIRE(in.good(), name);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

IcsOptions options(std::optional<YearRange> years = std::nullopt) {
  IcsOptions o;
  o.years = years;
  o.this_year = 2026;
  return o;
}

// The imported dates as "YYYY-MM-DD name" lines, merged by date as the set is.
std::vector<std::string> dates(const ImportedHolidays& imported) {
  BOOST_TEST_REQUIRE(imported.ok(), (imported.error ? imported.error->message : ""));
  std::vector<std::string> out;
  for (const auto& e : merge_holidays(imported.days))
    out.push_back(fmt::format("{} {}", date::format("%F", e.day), e.name));
  return out;
}

std::vector<std::string> read(const std::string& name,
                              std::optional<YearRange> years = std::nullopt) {
  return dates(read_ics(fixture(name), options(years)));
}

bool has_note(const ImportedHolidays& imported, std::size_t line, const std::string& part) {
  for (const auto& n : imported.notes)
    if (n.line == line && n.message.find(part) != std::string::npos) return true;
  return false;
}

using Lines = std::vector<std::string>;

}  // namespace

BOOST_AUTO_TEST_CASE(all_day_events_close_their_dates_with_dtend_exclusive) {
  // A missing DTEND is one day; DURATION:P2D two; two events on a date are one entry.
  BOOST_TEST(read("all_day.ics") ==
                 (Lines{"2026-01-01 New Year's Day / Company anniversary", "2026-05-01 Labour Day",
                        "2026-12-24 Christmas, \"closed\" \\ back on the 28th",
                        "2026-12-25 Christmas, \"closed\" \\ back on the 28th"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_multi_day_event_is_one_entry_per_date) {
  BOOST_TEST(read("multi_day.ics") ==
                 (Lines{"2026-08-03 Summer closure", "2026-08-04 Summer closure",
                        "2026-08-05 Summer closure", "2026-12-30 Year-end closure",
                        "2026-12-31 Year-end closure", "2027-01-01 Year-end closure"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_yearly_rule_with_count_exdate_and_rdate) {
  // COUNT=4 from 2026 with 2027 and 2029 excluded: 2026 and 2028; an RDATE adds a date.
  BOOST_TEST(
      read("yearly_count_exdate.ics") == (Lines{"2026-06-15 Founders' Day", "2026-10-09 Team day",
                                                "2027-10-08 Team day", "2028-06-15 Founders' Day"}),
      boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_rule_with_until_stops_and_one_without_an_end_is_bounded) {
  const auto imported = read_ics(fixture("rrule_until.ics"), options());
  // The first Monday of each month until the end of April; Memorial Day (the last
  // Monday of May) has no end: it runs to this year + 5, and a note says so.
  BOOST_TEST(
      dates(imported) ==
          (Lines{"2025-05-26 Memorial Day", "2026-01-05 Inventory day", "2026-02-02 Inventory day",
                 "2026-03-02 Inventory day", "2026-04-06 Inventory day", "2026-05-25 Memorial Day",
                 "2027-05-31 Memorial Day", "2028-05-29 Memorial Day", "2029-05-28 Memorial Day",
                 "2030-05-27 Memorial Day", "2031-05-26 Memorial Day"}),
      boost::test_tools::per_element());
  BOOST_TEST(has_note(imported, 15, "repeats without end"));
  BOOST_TEST(has_note(imported, 15, "through 2031"));
  // With --years the rule runs to their end, and only their dates are kept.
  BOOST_TEST(
      read("rrule_until.ics", YearRange{2027, 2033}) ==
          (Lines{"2027-05-31 Memorial Day", "2028-05-29 Memorial Day", "2029-05-28 Memorial Day",
                 "2030-05-27 Memorial Day", "2031-05-26 Memorial Day", "2032-05-31 Memorial Day",
                 "2033-05-30 Memorial Day"}),
      boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(timed_events_close_the_whole_days_they_cover_in_their_zone) {
  const auto imported = read_ics(fixture("timed_tzid.ics"), options());
  // The offsite (00:00 to 00:00) closes its day; the office move (Tue 12:00 to Fri
  // 00:00) closes Wednesday and Thursday; an end at 23:59 ends the day (on the
  // day DST starts, a 23-hour day); the two-hour meeting closes nothing.
  BOOST_TEST(
      dates(imported) == (Lines{"2026-03-25 Office move", "2026-03-26 Office move",
                                "2026-03-29 Server migration", "2026-11-12 Company offsite"}),
      boost::test_tools::per_element());
  BOOST_TEST(has_note(imported, 28, "covers part of a day (2026-03-24 12:00)"));
  BOOST_TEST(has_note(imported, 35,
                      "'All-hands meeting' (2026-03-05 10:00) is a timed event "
                      "shorter than a day"));
}

BOOST_AUTO_TEST_CASE(utc_times_fall_on_the_dates_of_the_chosen_zone) {
  // 2026-12-24 23:00Z to 2026-12-25 23:00Z is Christmas Day in Berlin (the
  // calendar's X-WR-TIMEZONE), and no whole day in UTC.
  const auto berlin = read_ics(fixture("utc.ics"), options());
  BOOST_TEST(dates(berlin) == (Lines{"2026-12-25 Christmas Day"}),
             boost::test_tools::per_element());
  BOOST_TEST(has_note(berlin, 0, "read as dates in Europe/Berlin, the calendar's X-WR-TIMEZONE"));
  IcsOptions utc = options();
  utc.zone = zone_named("UTC");
  const auto in_utc = read_ics(fixture("utc.ics"), utc);
  BOOST_TEST(in_utc.ok());
  BOOST_TEST(in_utc.days.empty());
  BOOST_TEST(has_note(in_utc, 0, "read as dates in UTC (--zone)"));
  IcsOptions tokyo = options();
  tokyo.zone = zone_named("Asia/Tokyo");  // 08:00 to 08:00: no whole day either
  BOOST_TEST(read_ics(fixture("utc.ics"), tokyo).days.empty());
}

BOOST_AUTO_TEST_CASE(cancelled_events_and_occurrences_are_left_out_and_moved_ones_moved) {
  const auto imported = read_ics(fixture("cancelled.ics"), options());
  // The picnic is cancelled; the bridge day of 2027 is cancelled by an override
  // (RECURRENCE-ID) and that of 2028 moved to the 3rd.
  BOOST_TEST(dates(imported) == (Lines{"2026-01-02 Bridge day", "2028-01-03 Bridge day (moved)"}),
             boost::test_tools::per_element());
  BOOST_TEST(has_note(imported, 0, "2 cancelled events"));
}

BOOST_AUTO_TEST_CASE(notes_concern_only_the_years_asked_for) {
  // --years 2027: the picnic (2026) and the meeting (2026) are not in them, so
  // neither is said; the cancelled bridge day of 2027 is.
  const auto cancelled = read_ics(fixture("cancelled.ics"), options(YearRange{2027, 2027}));
  BOOST_TEST(has_note(cancelled, 0, "1 cancelled event "));
  BOOST_TEST(read_ics(fixture("cancelled.ics"), options(YearRange{2029, 2030})).notes.empty());
  const auto timed = read_ics(fixture("timed_tzid.ics"), options(YearRange{2027, 2028}));
  BOOST_TEST(timed.notes.empty());
  BOOST_TEST(timed.days.empty());
  // A UTC time outside the years chooses no zone, so the zone is not said either.
  const auto google = read_ics(fixture("google.ics"), options(YearRange{2027, 2027}));
  for (const auto& n : google.notes) {
    BOOST_TEST(n.message.find("Fire drill") == std::string::npos, n.message);
    BOOST_TEST(n.message.find("times in UTC") == std::string::npos, n.message);
  }
}

BOOST_AUTO_TEST_CASE(folded_lines_are_unfolded_even_inside_a_character) {
  BOOST_TEST(read("folded.ics") ==
                 (Lines{"2026-10-03 Tag der Deutschen Einheit \xE2\x80\x93 Day of German Unity, "
                        "a long name that is folded over more than one line by the program "
                        "that wrote it, as RFC 5545 says",
                        "2026-12-31 Silvester \xE2\x80\x94 Br\xC3\xBC"
                        "ckentag"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_google_calendar_export) {
  const auto imported = read_ics(fixture("google.ics"), options(YearRange{2026, 2028}));
  // All-day events, a yearly rule with one occurrence cancelled by an override,
  // UTC times read in the calendar's zone (Europe/Berlin), a one-hour fire drill
  // left out; the alarm inside an event and Google's empty DESCRIPTION are ignored.
  BOOST_TEST(dates(imported) == (Lines{"2026-10-03 Day of German Unity", "2026-12-24 Christmas Eve",
                                       "2026-12-31 New Year's Eve", "2028-12-31 New Year's Eve"}),
             boost::test_tools::per_element());
  BOOST_TEST(imported.calendar_name == "Acme Berlin office closures");
  BOOST_TEST(has_note(imported, 76, "'Fire drill'"));
  for (const auto& n : imported.notes)
    BOOST_TEST(n.message.find("DESCRIPTION") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(an_apple_icloud_export) {
  const auto imported = read_ics(fixture("icloud.ics"), options());
  // A timed day in the calendar's own zone, a folded X-APPLE-STRUCTURED-LOCATION,
  // and a yearly rule with UNTIL as a date.
  BOOST_TEST(dates(imported) == (Lines{"2025-12-25 Kerstmis", "2026-04-27 Koningsdag",
                                       "2026-05-05 Bevrijdingsdag", "2026-12-25 Kerstmis"}),
             boost::test_tools::per_element());
  BOOST_TEST(imported.calendar_name == "Kantoor Amsterdam");
}

BOOST_AUTO_TEST_CASE(an_outlook_export) {
  const auto imported = read_ics(fixture("outlook.ics"), options());
  // A Windows zone name (its VTIMEZONE in the file) keeps its dates as written; an
  // EXDATE given as a date-time removes the occurrence of that date; SUMMARY with
  // a LANGUAGE parameter.
  BOOST_TEST(dates(imported) ==
                 (Lines{"2026-01-01 Nieuwjaarsdag", "2026-05-05 Bevrijdingsdag",
                        "2026-12-24 Kerstavond (kantoor dicht)", "2028-05-05 Bevrijdingsdag"}),
             boost::test_tools::per_element());
  BOOST_TEST(imported.calendar_name == "Feestdagen");
}

BOOST_AUTO_TEST_CASE(broken_files_are_errors_at_their_lines) {
  struct Case {
    std::string file;
    std::size_t line;
    std::string says;
  };
  const Case cases[] = {
      {"no_dtstart.ics", 9, "has no DTSTART"},
      {"missing_end.ics", 9, "has no END:VEVENT (line 13 begins a VEVENT)"},
      {"garbage.ics", 1, "not an iCalendar file"},
      // Line 10 of the file: a folded line before it counts as two.
      {"bad_value.ics", 10, "DTEND 'tomorrow' is not a valid DATE value"},
  };
  for (const auto& c : cases) {
    const auto imported = read_ics(fixture(c.file), options());
    BOOST_TEST_REQUIRE(!imported.ok(), c.file);
    BOOST_TEST(imported.error->line == c.line, c.file);
    BOOST_TEST(imported.error->message.find(c.says) != std::string::npos,
               c.file << ": " << imported.error->message);
  }
}

BOOST_AUTO_TEST_CASE(broken_structure_found_before_libical_sees_it) {
  auto error = [](const std::string& text) {
    const auto o = outline_ics(text);
    return o.error ? fmt::format("{}: {}", o.error->line, o.error->message) : std::string("ok");
  };
  BOOST_TEST(error("") == "0: is empty: not an iCalendar file");
  BOOST_TEST(error("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
                 .starts_with("1: the file ends inside the "
                              "VCALENDAR"));
  BOOST_TEST(error("BEGIN:VCALENDAR\nno colon here\nEND:VCALENDAR\n") ==
             "2: 'no colon here' is not an iCalendar content line (NAME:value)");
  BOOST_TEST(error("BEGIN:VCALENDAR\nEND:VEVENT\n").starts_with("1: the VCALENDAR that begins"));
  BOOST_TEST(error("BEGIN:VCALENDAR\nEND:VCALENDAR\nEND:VCALENDAR\n") ==
             "3: END:VCALENDAR ends nothing: no BEGIN:VCALENDAR is open");
  using namespace std::string_literals;
  BOOST_TEST(error("BEGIN:VCALENDAR\nX:\0\nEND:VCALENDAR\n"s).starts_with("2: holds a NUL"));
  // Line ends of every kind count as lines; a folded line is one content line.
  const auto o = outline_ics(
      "BEGIN:VCALENDAR\rBEGIN:VEVENT\r\nSUMMARY:a\n  b\nDTSTART:20260101\nEND:VEVENT\nEND:"
      "VCALENDAR");
  BOOST_TEST_REQUIRE(!o.error);
  BOOST_TEST_REQUIRE(o.events.size() == 1u);
  BOOST_TEST(o.events[0].begin_line == 2u);
  BOOST_TEST(o.events[0].line_of("DTSTART") == 5u);
  BOOST_TEST(o.events[0].end_line == 6u);
  BOOST_TEST(o.lines[2].text == "SUMMARY:a b");
  BOOST_TEST(looks_like_ics("\xEF\xBB\xBF\r\n  begin:vcalendar\r\n"));
  BOOST_TEST(!looks_like_ics("date,name\n"));
}

BOOST_AUTO_TEST_CASE(a_rule_that_never_ends_within_reach_is_refused_not_run_for_ever) {
  const std::string text =
      "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:19000101T000000Z\nDURATION:PT1S\n"
      "RRULE:FREQ=SECONDLY\nSUMMARY:tick\nEND:VEVENT\nEND:VCALENDAR\n";
  const auto imported = read_ics(text, options(YearRange{2026, 2026}));
  BOOST_TEST_REQUIRE(!imported.ok());
  BOOST_TEST(imported.error->line == 5u);
  BOOST_TEST(imported.error->message.find("choose fewer years") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(zones_by_their_names) {
  BOOST_TEST(zone_text(*zone_named("Europe/Berlin")) == "Europe/Berlin");
  BOOST_TEST(zone_text(*zone_named("/freeassociation.sourceforge.net/Europe/Berlin")) ==
             "Europe/Berlin");
  BOOST_TEST(zone_text(*zone_named("UTC+07:00")) == "UTC+07:00");
  BOOST_TEST(zone_text(*zone_named("UTC-3")) == "UTC-03:00");
  BOOST_TEST(zone_text(*zone_named("Z")) == "UTC");
  BOOST_TEST(!zone_named("W. Europe Standard Time"));
  BOOST_TEST(!zone_named("UTC+15"));
  BOOST_TEST(!zone_named(""));
}
