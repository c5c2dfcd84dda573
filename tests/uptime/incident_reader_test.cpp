// Reading incident logs: every row comes back, in order, with its row and line
// numbers; a bad row carries its reason instead of being dropped.
#define BOOST_TEST_MODULE incident_reader
#include <fmt/format.h>
#include <boost/test/unit_test.hpp>
#include <cstdio>

#include "interpreter/time/calendar.hpp"
#include "tools/io/incident_reader.hpp"

using namespace sla;
using sla::cli::IncidentReader;
using sla::cli::IncidentRow;

namespace {

const Calendar& jakarta() {
  static const Calendar c([] {
    CalendarSpec spec;
    spec.zone = "Asia/Jakarta";
    for (int d = 1; d <= 5; ++d)
      spec.weekly[static_cast<std::size_t>(d)] = {{std::chrono::hours(9), std::chrono::hours(17)}};
    return spec;
  }());
  return c;
}

struct Read {
  bool started = false;
  std::string problem;
  std::vector<IncidentRow> rows;
};

Read read_all(const std::string& text, IncidentReader::Format format) {
  Read out;
  std::FILE* f = fmemopen(const_cast<char*>(text.data()), text.size(), "rb");
  BOOST_TEST_REQUIRE(f != nullptr);
  IncidentReader reader(f, format, jakarta());
  out.started = reader.start(out.problem);
  IncidentRow row;
  if (out.started)
    while (reader.next(row)) out.rows.push_back(row);
  std::fclose(f);
  return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(bad_rows_are_reported_with_their_numbers_and_none_is_dropped) {
  const std::string csv =
      "id,service,start,end,category,announced_at\n"
      "I1,Chat Service,2026-01-05T10:00:00+07:00,2026-01-05T14:00:00+07:00,outage,\n"
      "I2,Chat Service,2026-01-05 13:00,,Degraded,\n"
      "I3,Chat Service,2026-01-05T25:00:00+07:00,,outage,\n"
      "I4,Chat Service,2026-01-05T10:00:00+07:00,,outgae,\n"
      "\n"
      "\"I5\",\"Chat\nService\",2026-01-05T10:00:00+07:00,,outage,\n"
      "I6,,2026-01-05T10:00:00+07:00,,outage,\n"
      "I7,Chat Service,,,outage,\n"
      "I8,Chat Service,2026-01-05T10:00:00+07:00,,,\n"
      "I9,Chat Service,2026-01-05T10:00:00+07:00,,scheduled maintenance,yesterday\n"
      "I10,Chat Service,2026-01-05T10:00:00+07:00,2026-01-05T11:00:00Z,third-party,\n";
  const auto r = read_all(csv, IncidentReader::Format::csv);
  BOOST_TEST_REQUIRE(r.started, r.problem);
  BOOST_TEST_REQUIRE(r.rows.size() == 10u);
  const std::vector<std::size_t> lines{2, 3, 4, 5, 7, 9, 10, 11, 12, 13};
  for (std::size_t i = 0; i < r.rows.size(); ++i) {
    BOOST_TEST(r.rows[i].number == i + 1);
    BOOST_TEST(r.rows[i].line == lines[i]);
  }
  BOOST_TEST(r.rows[0].error.empty());
  BOOST_TEST(r.rows[1].error.empty());  // a local time, a category in another case
  BOOST_TEST((r.rows[1].incident.category == IncidentCategory::degraded));
  BOOST_TEST(!r.rows[1].incident.end.has_value());
  BOOST_TEST(r.rows[2].error.starts_with("start '2026-01-05T25:00:00+07:00'"), r.rows[2].error);
  BOOST_TEST(r.rows[3].error.find("unknown category 'outgae'; did you mean 'outage'?") == 0u,
             r.rows[3].error);
  BOOST_TEST(r.rows[4].error.empty());  // a quoted field across lines (an odd service name)
  BOOST_TEST(r.rows[5].error == "missing service");
  BOOST_TEST(r.rows[6].error == "missing start");
  BOOST_TEST(r.rows[7].error == "missing category");
  BOOST_TEST(r.rows[8].error.starts_with("announced_at 'yesterday'"), r.rows[8].error);
  BOOST_TEST(r.rows[9].error.empty());
  BOOST_TEST((r.rows[9].incident.category == IncidentCategory::third_party));
}

BOOST_AUTO_TEST_CASE(columns_in_any_order_and_optional_ones) {
  const auto r =
      read_all("category,start,service,note\noutage,2026-01-05T10:00:00+07:00,Chat Service,x\n",
               IncidentReader::Format::csv);
  BOOST_TEST_REQUIRE(r.started, r.problem);
  BOOST_TEST_REQUIRE(r.rows.size() == 1u);
  BOOST_TEST(r.rows[0].error.empty());
  BOOST_TEST(r.rows[0].incident.service == "Chat Service");
}

BOOST_AUTO_TEST_CASE(a_header_without_the_required_columns_is_refused) {
  auto r = read_all("id,service,end\n", IncidentReader::Format::csv);
  BOOST_TEST(!r.started);
  BOOST_TEST(r.problem.find("no start, category columns") != std::string::npos, r.problem);
  r = read_all("", IncidentReader::Format::csv);
  BOOST_TEST(!r.started);
  r = read_all("service,start,category,Start\n", IncidentReader::Format::csv);
  BOOST_TEST(r.problem.find("twice") != std::string::npos, r.problem);
}

BOOST_AUTO_TEST_CASE(json_lines_rows_and_errors) {
  const std::string jsonl =
      "{\"id\": \"I1\", \"service\": \"Chat Service\", \"start\": \"2026-01-05T10:00:00+07:00\", "
      "\"end\": null, \"category\": \"outage\"}\n"
      "\n"
      "not json\n"
      "[1, 2]\n"
      "{\"id\": 7, \"service\": \"Chat Service\", \"start\": \"2026-01-05T10:00:00+07:00\", "
      "\"category\": \"scheduled_maintenance\", \"announced_at\": \"2026-01-01T00:00:00Z\"}\n"
      "{\"id\": \"I4\", \"service\": \"Chat Service\", \"category\": \"outage\"}\n";
  const auto r = read_all(jsonl, IncidentReader::Format::jsonl);
  BOOST_TEST_REQUIRE(r.rows.size() == 5u);
  BOOST_TEST(r.rows[0].error.empty());
  BOOST_TEST(r.rows[1].error == "not valid JSON");
  BOOST_TEST(r.rows[1].line == 3u);
  BOOST_TEST(r.rows[2].error == "not a JSON object");
  BOOST_TEST(r.rows[3].error.empty());
  BOOST_TEST(r.rows[3].incident.id == "7");
  BOOST_TEST(r.rows[3].incident.announced_at.has_value());
  BOOST_TEST(r.rows[4].error == "missing start");
  BOOST_TEST(r.rows[4].number == 5u);
  BOOST_TEST(r.rows[4].line == 6u);
}

// CR-only ("CSV (Macintosh)") and mixed line ends: every row, with the line it
// starts on, in CSV and in JSON Lines alike.
BOOST_AUTO_TEST_CASE(cr_only_and_mixed_line_ends_lose_no_row) {
  const std::string rows[] = {
      "I1,Chat Service,2026-01-05T10:00:00+07:00,2026-01-05T11:00:00+07:00,outage",
      "I2,Chat Service,2026-01-06T10:00:00+07:00,,outage",
      "I3,Chat Service,2026-01-07T10:00:00+07:00,,degraded"};
  for (const std::string end : {"\r", "\r\n", "\n"}) {
    const std::string csv =
        "id,service,start,end,category" + end + rows[0] + end + rows[1] + "\r" + rows[2] + end;
    const auto r = read_all(csv, IncidentReader::Format::csv);
    BOOST_TEST_REQUIRE(r.started, r.problem);
    BOOST_TEST_REQUIRE(r.rows.size() == 3u);
    for (std::size_t i = 0; i < 3; ++i) {
      BOOST_TEST(r.rows[i].error.empty(), r.rows[i].error);
      BOOST_TEST(r.rows[i].incident.id == fmt::format("I{}", i + 1));
      BOOST_TEST(r.rows[i].line == i + 2);
    }
  }
  const std::string line =
      "{\"service\": \"Chat Service\", \"start\": \"2026-01-05T10:00:00+07:00\", \"category\": "
      "\"outage\", \"id\": ";
  const auto j = read_all(line + "\"J1\"}\r" + line + "\"J2\"}\r\n\r" + line + "\"J3\"}\n",
                          IncidentReader::Format::jsonl);
  BOOST_TEST_REQUIRE(j.rows.size() == 3u);
  BOOST_TEST(j.rows[2].incident.id == "J3");
  BOOST_TEST(j.rows[2].error.empty(), j.rows[2].error);
  BOOST_TEST(j.rows[1].line == 2u);
  BOOST_TEST(j.rows[2].line == 4u);
}

BOOST_AUTO_TEST_CASE(json_ids_are_kept_as_written_and_empty_times_are_no_time) {
  const std::string jsonl =
      "{\"id\": 1.5e3, \"service\": \"Chat Service\", \"start\": \"2026-01-05T10:00:00+07:00\", "
      "\"end\": \"\", \"category\": \"outage\", \"announced_at\": \" \"}\n"
      "{\"id\": -0, \"service\": \"Chat Service\", \"start\": \"2026-01-05T10:00:00+07:00\", "
      "\"category\": \"outage\"}\n"
      "{\"id\": 123456789012345678901234567890, \"service\": \"Chat Service\", \"start\": "
      "\"2026-01-05T10:00:00+07:00\", \"category\": \"outage\"}\n"
      "{\"id\": \"I4\", \"service\": \"Chat Service\", \"start\": \"\", \"category\": "
      "\"outage\"}\n";
  const auto r = read_all(jsonl, IncidentReader::Format::jsonl);
  BOOST_TEST_REQUIRE(r.rows.size() == 4u);
  BOOST_TEST(r.rows[0].incident.id == "1.5e3");
  BOOST_TEST(r.rows[0].error.empty(), r.rows[0].error);
  BOOST_TEST(!r.rows[0].incident.end.has_value());  // "" : still going on
  BOOST_TEST(!r.rows[0].incident.announced_at.has_value());
  BOOST_TEST(r.rows[1].incident.id == "-0");
  BOOST_TEST(r.rows[2].incident.id == "123456789012345678901234567890");
  BOOST_TEST(r.rows[3].error == "missing start");
}

BOOST_AUTO_TEST_CASE(a_json_line_that_is_not_utf8_says_so) {
  const auto r = read_all(
      "{\"id\": \"caf\xE9\", \"service\": \"Chat Service\", \"start\": \"2026-01-05T10:00:00Z\", "
      "\"category\": \"outage\"}\n",
      IncidentReader::Format::jsonl);
  BOOST_TEST_REQUIRE(r.rows.size() == 1u);
  BOOST_TEST(r.rows[0].error ==
                 "not valid JSON: byte 0xE9 at column 12 is not UTF-8 (JSON Lines must be saved as "
                 "UTF-8)",
             r.rows[0].error);
}
