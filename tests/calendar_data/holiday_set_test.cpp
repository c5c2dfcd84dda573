// From imported dates to a .sla holiday set that loads: CSV rows, dates merged,
// names escaped, --years, and the stdlib's holiday modules looked up by name.
#define BOOST_TEST_MODULE holiday_set
#include <fmt/format.h>
#include <boost/test/unit_test.hpp>

#include "interpreter/check/stdlib_hint.hpp"
#include "sla/load.hpp"
#include "tools/holidays/holiday_catalogue.hpp"
#include "tools/holidays/holiday_csv_reader.hpp"
#include "tools/holidays/holiday_set_text.hpp"
#include "tools/holidays/year_range.hpp"

using namespace sla;
using namespace sla::cli;

namespace {

date::year_month_day ymd(int y, unsigned m, unsigned d) {
  return date::year{y} / date::month{m} / date::day{d};
}

LoadResult load(const std::string& text) {
  return load_string("set.sla", text, LoadOptions{ImportPolicy::stdlib_only(), {}});
}

}  // namespace

BOOST_AUTO_TEST_CASE(csv_with_a_header_in_any_order_with_quotes_and_a_bom) {
  const auto r = read_holiday_csv(
      "\xEF\xBB\xBFName,Notes,Date\r\n\"Christmas Eve, closed\",memo,2026-12-24\r\nTeam "
      "party,,2026-12-24\r\n");
  BOOST_TEST_REQUIRE(r.ok());
  BOOST_TEST_REQUIRE(r.days.size() == 2u);
  BOOST_TEST(r.days[0].name == "Christmas Eve, closed");
  BOOST_TEST(r.days[0].line == 2u);
  BOOST_TEST((r.days[1].day == ymd(2026, 12, 24)));
}

BOOST_AUTO_TEST_CASE(csv_without_a_header) {
  const auto r =
      read_holiday_csv("2026-01-01,New Year's Day\n\n2026-05-01,\"Labour \"\"May\"\" Day\"\n");
  BOOST_TEST_REQUIRE(r.ok());
  BOOST_TEST_REQUIRE(r.days.size() == 2u);
  BOOST_TEST(r.days[1].name == "Labour \"May\" Day");
  BOOST_TEST(r.days[1].line == 3u);
}

BOOST_AUTO_TEST_CASE(csv_errors_name_their_line) {
  struct Case {
    std::string text;
    std::size_t line;
    std::string says;
  };
  const Case cases[] = {
      {"date,name\n2026-01-01,a\n2026-02-30,b\n", 3, "'2026-02-30' is not a date"},
      {"date,name\n2026-01-01,a\n01/05/2026,b\n", 3, "'01/05/2026' is not a date"},
      {"2026-01-01,a\n2026-01-02\n", 2, "2026-01-02 has no name"},
      {"when,what\n2026-01-01,a\n", 1, "header row naming the columns date and name"},
      {"date,name,date\n", 1, "names the column 'date' twice"},
      {"  \n", 0, "is empty"},
  };
  for (const auto& c : cases) {
    const auto r = read_holiday_csv(c.text);
    BOOST_TEST_REQUIRE(!r.ok(), c.text);
    BOOST_TEST(r.error->line == c.line, c.text);
    BOOST_TEST(r.error->message.find(c.says) != std::string::npos, r.error->message);
  }
  BOOST_TEST(looks_like_holiday_csv("2026-01-01,x\n"));
  BOOST_TEST(looks_like_holiday_csv("Date;x,Name\n"));
  BOOST_TEST(!looks_like_holiday_csv("hello world\n"));
  BOOST_TEST(!looks_like_holiday_csv("BEGIN:VCALENDAR\n"));
}

BOOST_AUTO_TEST_CASE(csv_every_bad_row_is_reported_up_to_twenty) {
  const auto r = read_holiday_csv("date,name\n2026-02-30,a\n2026-01-01,b\n2026-01-02\nx,c\n");
  BOOST_TEST_REQUIRE(!r.ok());
  BOOST_TEST(r.error->line == 2u);
  BOOST_TEST_REQUIRE(r.more_errors.size() == 2u);
  BOOST_TEST(r.more_errors[0].line == 4u);
  BOOST_TEST(r.more_errors[0].message.find("has no name") != std::string::npos);
  BOOST_TEST(r.more_errors[1].line == 5u);
  BOOST_TEST(r.errors_not_kept == 0u);
  std::string many = "date,name\n";
  for (int i = 0; i < 25; ++i) many += "2026-02-30,x\n";
  const auto m = read_holiday_csv(many);
  BOOST_TEST(m.more_errors.size() + 1 == ImportedHolidays::kMostErrors);
  BOOST_TEST(m.errors_not_kept == 5u);
  BOOST_TEST(m.more_errors.back().line == 21u);
}

BOOST_AUTO_TEST_CASE(csv_separated_by_semicolons_is_refused_with_what_to_change) {
  for (const char* text : {"Datum;Feiertag\n2026-01-01;Neujahr\n", "2026-01-01;Neujahr\n"}) {
    const auto r = read_holiday_csv(text);
    BOOST_TEST_REQUIRE(!r.ok(), text);
    BOOST_TEST(r.error->line == 1u);
    BOOST_TEST(r.error->message.find("separated by ';'") != std::string::npos, r.error->message);
    BOOST_TEST(r.error->message.find("with ','") != std::string::npos, r.error->message);
  }
  // Known as CSV by its content, so that the reader says so.
  BOOST_TEST(looks_like_holiday_csv("2026-01-01;Neujahr\n"));
  // One semicolon inside a comma-separated row is data.
  const auto ok = read_holiday_csv("2026-01-01,New Year; closed\n");
  BOOST_TEST_REQUIRE(ok.ok());
  BOOST_TEST(ok.days[0].name == "New Year; closed");
}

BOOST_AUTO_TEST_CASE(csv_fields_past_the_columns_are_noted_at_their_line) {
  const auto r = read_holiday_csv("2026-01-01,New Year\n2026-12-25,Christmas, Day\n");
  BOOST_TEST_REQUIRE(r.ok());
  BOOST_TEST(r.days[1].name == "Christmas");
  BOOST_TEST_REQUIRE(r.notes.size() == 1u);
  BOOST_TEST(r.notes[0].line == 2u);
  BOOST_TEST(r.notes[0].message.find("'Day' is not read") != std::string::npos, r.notes[0].message);
  BOOST_TEST(r.notes[0].message.find("\"Christmas, Day\"") != std::string::npos);
  // Empty trailing fields (a spreadsheet's empty column) and a header's other
  // columns are no news.
  BOOST_TEST(read_holiday_csv("2026-01-01,New Year,,\n").notes.empty());
  BOOST_TEST(read_holiday_csv("date,name,notes\n2026-01-01,New Year,memo\n").notes.empty());
  const auto h = read_holiday_csv("name,date\nNew Year,2026-01-01,memo\n");
  BOOST_TEST_REQUIRE(h.notes.size() == 1u);
  BOOST_TEST(h.notes[0].message.find("quoted") == std::string::npos, h.notes[0].message);
}

BOOST_AUTO_TEST_CASE(years_spelled_otherwise_are_suggested) {
  BOOST_TEST(year_range_suggestion("2026-2028") == "2026..2028");
  BOOST_TEST(year_range_suggestion("2026 to 2028") == "2026..2028");
  BOOST_TEST(year_range_suggestion("2026 - 2028") == "2026..2028");
  BOOST_TEST(year_range_suggestion("2028-2026").empty());
  BOOST_TEST(year_range_suggestion("2026-01-01").empty());
  BOOST_TEST(!parse_year_range("2026-2028"));
}

BOOST_AUTO_TEST_CASE(dates_merge_with_both_names_once_each) {
  const std::vector<ImportedDay> days{{ymd(2026, 12, 25), "Christmas Day", 1},
                                      {ymd(2026, 1, 1), "New Year", 2},
                                      {ymd(2026, 12, 25), "Company day", 3},
                                      {ymd(2026, 12, 25), "Christmas Day", 4},
                                      {ymd(2026, 7, 1), " \t ", 5}};
  const auto merged = merge_holidays(days);
  BOOST_TEST_REQUIRE(merged.size() == 3u);
  BOOST_TEST((merged[0].day == ymd(2026, 1, 1)));
  BOOST_TEST(merged[1].name == "(no title)");
  BOOST_TEST(merged[2].name == "Christmas Day / Company day");
}

BOOST_AUTO_TEST_CASE(names_become_sla_strings_that_load_as_written) {
  BOOST_TEST(sla_string("Founders' Day") == "\"Founders' Day\"");
  BOOST_TEST(sla_string("a \"b\" c\\d") == "\"a \\\"b\\\" c\\\\d\"");
  BOOST_TEST(sla_string("  two\r\nlines\tand\x01 bell ") == "\"two lines and bell\"");
  BOOST_TEST(sla_string("evil \xE2\x80\xAE"
                        "txt.exe") == "\"evil txt.exe\"");     // U+202E is refused by .sla
  BOOST_TEST(sla_string("caf\xE9") == "\"caf\xEF\xBF\xBD\"");  // Latin-1 -> U+FFFD
  const std::string hostile = "Quote \" back\\slash # not a comment } { \xE2\x80\xAE end";
  HolidaySetText set{"acme", "Acme \"closing\" days", "odd\nname.ics", "0.1.0", {2026, 2026}};
  const std::string text = holiday_set_text(set, {{ymd(2026, 12, 24), hostile}});
  const LoadResult r = load(text);
  BOOST_TEST_REQUIRE(r.ok(), text);
  const HolidaySet& s = r.model->holiday_sets.at(0);
  BOOST_TEST(s.id == "acme");
  BOOST_TEST(s.title == "Acme \"closing\" days");
  BOOST_TEST(s.source == "odd name.ics (imported by sla 0.1.0)");
  BOOST_TEST(s.days.at(0).name == "Quote \" back\\slash # not a comment } { end");
}

BOOST_AUTO_TEST_CASE(the_set_text_says_where_it_comes_from_and_what_it_covers) {
  HolidaySetText set{"acme_company", "Acme", "company.ics", "0.1.0", {2026, 2028}};
  const std::string text = holiday_set_text(
      set, {{ymd(2026, 6, 15), "Founders' Day"}, {ymd(2028, 6, 15), "Founders' Day"}});
  BOOST_TEST(text ==
             "# Acme\n"
             "# Imported from company.ics by `sla holidays import` (sla 0.1.0).\n"
             "# 2 dates from 2026-06-15 to 2028-06-15; the set covers 2026 to 2028.\n"
             "# Generated: change the calendar it comes from and import it again.\n"
             "\n"
             "holidays acme_company \"Acme\" {\n"
             "  source \"company.ics (imported by sla 0.1.0)\"\n"
             "  covers 2026 to 2028\n"
             "  2026-06-15 \"Founders' Day\"\n"
             "  2028-06-15 \"Founders' Day\"\n"
             "}\n");
  const LoadResult r = load(text);
  BOOST_TEST_REQUIRE(r.ok());
  BOOST_TEST(r.model->holiday_sets.at(0).first_year == 2026);
  BOOST_TEST(r.model->holiday_sets.at(0).last_year == 2028);
}

BOOST_AUTO_TEST_CASE(set_names_and_year_ranges) {
  BOOST_TEST(is_set_name("acme_2026"));
  BOOST_TEST(is_set_name("_x"));
  BOOST_TEST(!is_set_name("2026_acme"));
  BOOST_TEST(!is_set_name("acme-company"));
  BOOST_TEST(!is_set_name(""));
  BOOST_TEST(!is_set_name("caf\xC3\xA9"));
  const auto r = parse_year_range("2026..2028");
  BOOST_TEST_REQUIRE(r.has_value());
  BOOST_TEST(r->first == 2026);
  BOOST_TEST(r->last == 2028);
  BOOST_TEST(parse_year_range("2030")->first == 2030);
  BOOST_TEST(!parse_year_range("2028..2026"));
  BOOST_TEST(!parse_year_range("1899..1900"));
  BOOST_TEST(!parse_year_range("2026-2028"));
  BOOST_TEST(!parse_year_range("2026.."));
}

BOOST_AUTO_TEST_CASE(the_stdlib_holiday_modules_load_and_are_found_by_near_names) {
  const auto modules = holiday_modules();
  BOOST_TEST_REQUIRE(!modules.empty());
  BOOST_TEST((std::find(modules.begin(), modules.end(), "std/holidays/id") != modules.end()));
  for (const auto& m : modules) BOOST_TEST(m.starts_with("std/holidays/"));
  const auto catalogue = holiday_catalogue();
  BOOST_TEST(catalogue.failures.empty());
  const auto id = std::find_if(catalogue.sets.begin(), catalogue.sets.end(),
                               [](const CatalogueSet& s) { return s.module == "std/holidays/id"; });
  BOOST_TEST_REQUIRE((id != catalogue.sets.end()));
  BOOST_TEST(id->set.id == "id_national");
  BOOST_TEST(!id->set.days.empty());
  // Every set a module defines is its own, not one it imports.
  for (const auto& s : catalogue.sets) BOOST_TEST(s.set.span.file == s.module);
  // By the title's words ("Indonesian"), the set's name, the module's name with
  // ".sla", a typo of it: the one look-up the loader's import hint uses too.
  for (const char* name : {"indonesia", "Indonesian", "id_national", "std/holidays/id.sla", "idd"})
    BOOST_TEST(nearest_stdlib_modules(name).front() == "std/holidays/id", name);
  BOOST_TEST(nearest_stdlib_modules("zzzzzz").empty());
  BOOST_TEST(!module_sets("std/holidays/nowhere").error.empty());
}

BOOST_AUTO_TEST_CASE(a_country_comes_before_its_regions_and_titles_find_them) {
  BOOST_TEST(nearest_stdlib_modules("germany") == std::vector<std::string>{"std/holidays/de"},
             boost::test_tools::per_element());
  BOOST_TEST(nearest_stdlib_modules("german").front() == "std/holidays/de");
  BOOST_TEST(nearest_stdlib_modules("austria").front() == "std/holidays/at");
  BOOST_TEST(nearest_stdlib_modules("de_national").front() == "std/holidays/de");
  BOOST_TEST(nearest_stdlib_modules("california").front() == "std/holidays/us/ca");
  BOOST_TEST(nearest_stdlib_modules("holidays").empty());  // a word every title has
}
