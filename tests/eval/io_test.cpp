// Help-desk data in and out: tickets read whatever the line ends, ids kept as
// written, empty times as "not yet"; results written as valid UTF-8 JSON whatever
// the bytes, a table that fits its values on one line per row; the messages and
// counts a person reads.
#define BOOST_TEST_MODULE eval_io
#include <boost/test/unit_test.hpp>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <sstream>

#include "grammar/utf8.hpp"
#include "sla/evaluator.hpp"
#include "sla/load.hpp"
#include "tools/console/json_text.hpp"
#include "tools/console/plural.hpp"
#include "tools/io/eval_pipeline.hpp"
#include "tools/io/json_line.hpp"
#include "tools/io/result_writer.hpp"
#include "tools/io/ticket_reader.hpp"

using namespace sla;
using sla::cli::ResultWriter;
using sla::cli::TicketReader;
using sla::cli::TicketRow;

namespace {

const Evaluator& premium() {
  static const LoadResult r =
      load_file(std::string(SLA_SOURCE_DIR) + "/contracts/qiscus-enterprise.sla");
  static const Evaluator::Made made = [] {
    BOOST_TEST_REQUIRE(r.ok());
    return Evaluator::make(*r.model, "premium", {});
  }();
  BOOST_TEST_REQUIRE(made.evaluator.has_value(), made.error);
  return *made.evaluator;
}

struct Row {
  std::size_t number, line;
  std::string id, priority, error;
  Ticket ticket;
};

std::vector<Row> read_all(const std::string& text, TicketReader::Format format) {
  std::vector<Row> out;
  std::FILE* f = fmemopen(const_cast<char*>(text.data()), text.size(), "rb");
  BOOST_TEST_REQUIRE(f != nullptr);
  TicketReader reader(f, format, premium().calendar());
  std::string problem;
  BOOST_TEST_REQUIRE(reader.start(problem), problem);
  TicketRow row;
  while (reader.next(row))
    out.push_back({row.number, row.line, std::string(row.id), std::string(row.ticket.priority),
                   row.error, row.ticket});
  std::fclose(f);
  return out;
}

// `sla eval` from text to text: the reader, the Evaluator and the writer.
std::string eval(const std::string& input, TicketReader::Format in, ResultWriter::Format out,
                 unsigned threads = 1) {
  std::FILE* f = fmemopen(const_cast<char*>(input.data()), input.size(), "rb");
  char* text = nullptr;
  std::size_t size = 0;
  std::FILE* o = open_memstream(&text, &size);
  BOOST_TEST_REQUIRE((f && o));
  {
    TicketReader reader(f, in, premium().calendar());
    std::string problem;
    BOOST_TEST_REQUIRE(reader.start(problem), problem);
    ResultWriter writer(o, out, premium().calendar());
    writer.header();
    cli::run_eval(reader, premium(), writer, Instant(std::chrono::seconds(1'780'000'000)), threads);
    BOOST_TEST(writer.flush());
  }
  std::fclose(o);
  std::string result(text, size);
  std::free(text);
  std::fclose(f);
  return result;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

const std::string header = "id,priority,created_at,first_response_at\n";

}  // namespace

BOOST_AUTO_TEST_CASE(json_lines_tickets_with_cr_only_and_mixed_line_ends) {
  const std::string a = R"({"id":"A","priority":"High","created_at":"2026-01-05T10:00:00+07:00"})";
  const std::string b = R"({"id":"B","priority":"Low","created_at":"2026-01-05T10:00:00+07:00"})";
  const std::string c = R"({"id":"C","priority":"Normal","created_at":"2026-01-05T10:00:00Z"})";
  for (const std::string end : {"\r", "\r\n", "\n"}) {
    const auto rows = read_all(a + end + b + "\r" + end + c + end, TicketReader::Format::jsonl);
    BOOST_REQUIRE(rows.size() == 3u);
    BOOST_TEST(rows[0].id == "A");
    BOOST_TEST(rows[1].id == "B");
    BOOST_TEST(rows[2].id == "C");
    for (const auto& r : rows) BOOST_TEST(r.error.empty(), r.error);
    // B's "\r" then the line end: a blank line, but for "\r" + "\n", one CRLF.
    BOOST_TEST(rows[2].line == (end == "\n" ? 3u : 4u));
  }
}

BOOST_AUTO_TEST_CASE(csv_tickets_with_cr_only_line_ends) {
  const auto rows = read_all(
      "id,priority,created_at\rT1,High,2026-01-05T10:00:00+07:00\rT2,Low,2026-01-05T10:00:00Z\r",
      TicketReader::Format::csv);
  BOOST_REQUIRE(rows.size() == 2u);
  BOOST_TEST(rows[0].id == "T1");
  BOOST_TEST(rows[1].id == "T2");
  BOOST_TEST(rows[1].line == 3u);
  BOOST_TEST(rows[1].error.empty(), rows[1].error);
}

BOOST_AUTO_TEST_CASE(json_ids_are_kept_exactly_as_written) {
  const std::string rest = R"(,"priority":"High","created_at":"2026-01-05T10:00:00+07:00"})";
  const auto rows = read_all(
      R"({"id":1.5e3)" + rest + "\n" + R"({"id": -0 )" + rest + "\n" +
          R"({"id":12345678901234567890123)" + rest + "\n" + R"({"i\u0064":1E-2)" + rest + "\n" +
          R"({"id":"x","id":[1, 2.50])" + rest + "\n" + R"({"id":"1.5e3"})" + rest + "\n",
      TicketReader::Format::jsonl);
  BOOST_REQUIRE(rows.size() == 6u);
  BOOST_TEST(rows[0].id == "1.5e3");
  BOOST_TEST(read_all("\xEF\xBB\xBF{\"id\":2e0" + rest + "\n", TicketReader::Format::jsonl)[0].id ==
             "2e0");  // after a byte-order mark
  BOOST_TEST(rows[1].id == "-0");
  BOOST_TEST(rows[2].id == "12345678901234567890123");
  BOOST_TEST(rows[3].id == "1E-2");
  BOOST_TEST(rows[4].id == "[1, 2.50]");  // the last of two, as the parsed object has it
  BOOST_TEST(rows[5].error == "not valid JSON");
  // And so in every output format.
  const std::string in = R"({"id":1.5e3)" + rest + "\n";
  BOOST_TEST(
      eval(in, TicketReader::Format::jsonl, ResultWriter::Format::csv).find("\n1.5e3,High,") !=
      std::string::npos);
  BOOST_TEST(eval(in, TicketReader::Format::jsonl, ResultWriter::Format::jsonl)
                 .starts_with(R"({"id":"1.5e3",)"));
  BOOST_TEST(
      lines_of(eval(in, TicketReader::Format::jsonl, ResultWriter::Format::table))[1].starts_with(
          "1.5e3 "));
}

BOOST_AUTO_TEST_CASE(an_empty_json_time_is_not_yet_as_an_empty_csv_field) {
  const auto rows = read_all(
      R"({"id":"A","priority":"High","created_at":"2026-01-05T10:00:00+07:00","first_response_at":"","resolved_at":" "})"
      "\n"
      R"({"id":"B","priority":"High","created_at":""})"
      "\n",
      TicketReader::Format::jsonl);
  BOOST_REQUIRE(rows.size() == 2u);
  BOOST_TEST(rows[0].error.empty(), rows[0].error);
  BOOST_TEST(!rows[0].ticket.responded.has_value());
  BOOST_TEST(!rows[0].ticket.resolved.has_value());
  BOOST_TEST(rows[1].error == "missing created_at");
  const auto csv = read_all("id,priority,created_at\nB,High,\n", TicketReader::Format::csv);
  BOOST_TEST(csv[0].error == rows[1].error);
}

BOOST_AUTO_TEST_CASE(a_json_line_that_is_not_utf8_says_where) {
  const auto rows =
      read_all("{\"id\":\"caf\xE9\",\"priority\":\"High\"}\n", TicketReader::Format::jsonl);
  BOOST_REQUIRE(rows.size() == 1u);
  BOOST_TEST(rows[0].error.starts_with("not valid JSON: byte 0xE9 at column 11 is not UTF-8"),
             rows[0].error);
}

// A Latin-1 id, priority and created_at (quoted back in the error): JSON Lines out
// is valid UTF-8 JSON, with U+FFFD and a warning on that row only; CSV keeps the
// bytes as they came.
BOOST_AUTO_TEST_CASE(json_lines_out_are_valid_utf8_whatever_the_bytes) {
  const std::string in = header +
                         "caf\xE9,High,2026-01-05T10:00:00+07:00,\n"
                         "ok,High,2026-01-05T10:00:00+07:00,\n"
                         "x,Urg\xE9nt,2026-01-05T10:00:00+07:00,\n"
                         "y,High,2026-01-05\xFF,\n"
                         "\xC3\xA9t\xC3\xA9\xED\xA0\x80,Low,2026-01-05T10:00:00+07:00,\n";
  for (unsigned threads : {1u, 2u}) {
    const auto out =
        lines_of(eval(in, TicketReader::Format::csv, ResultWriter::Format::jsonl, threads));
    BOOST_REQUIRE(out.size() == 5u);
    std::vector<nlohmann::json> rows;
    for (const auto& line : out) {
      BOOST_TEST(is_utf8(line), line);
      rows.push_back(nlohmann::json::parse(line));  // throws if it is not JSON
    }
    BOOST_TEST(rows[0]["id"] == "caf\xEF\xBF\xBD");
    BOOST_TEST(rows[0]["warning"] == "bytes that are not UTF-8 in id are shown as U+FFFD");
    BOOST_TEST(rows[0]["response_status"] == "breached");  // still judged
    BOOST_TEST(!rows[1].contains("warning"));
    BOOST_TEST(rows[2]["warning"] ==
               "bytes that are not UTF-8 in priority, error are shown as U+FFFD");
    BOOST_TEST(rows[3]["warning"] == "bytes that are not UTF-8 in error are shown as U+FFFD");
    // A surrogate (ED A0 80) is not UTF-8 either: one U+FFFD per maximal subpart.
    BOOST_TEST(rows[4]["id"] == "\xC3\xA9t\xC3\xA9\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
  }
  const std::string csv = eval(in, TicketReader::Format::csv, ResultWriter::Format::csv);
  BOOST_TEST(csv.find("\ncaf\xE9,High,") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_table_fits_its_values_and_keeps_one_row_per_line) {
  const std::string long_id(40, 'L');
  const std::string in = header + "\"two\nlines\",High,2026-01-05T10:00:00+07:00,\n" + long_id +
                         ",Low,2026-01-05T10:00:00+07:00,\n"
                         "\"tab\there\x1b[31m\",Normal,2026-01-05T10:00:00+07:00,\n";
  for (unsigned threads : {1u, 2u}) {
    const auto out =
        lines_of(eval(in, TicketReader::Format::csv, ResultWriter::Format::table, threads));
    BOOST_REQUIRE(out.size() == 4u);  // the header and one line per row
    BOOST_TEST(out[1].starts_with("two\\nlines "));
    BOOST_TEST(out[3].starts_with("tab\\there\\x1b[31m "));
    // Every column starts where the header's does: the priority after the widest id.
    const std::size_t at = out[0].find("priority");
    BOOST_TEST(at == long_id.size() + 2);
    for (std::size_t i = 1; i < out.size(); ++i) {
      BOOST_TEST(out[i].find_first_not_of(' ', out[i].find(' ')) == at, out[i]);
      BOOST_TEST(!out[i].ends_with(" "));
    }
    const std::size_t status = out[0].find("response_status");
    BOOST_TEST(out[2].substr(status, 8) == "breached");
  }
}

BOOST_AUTO_TEST_CASE(an_unknown_priority_lists_the_known_ones) {
  const auto out = lines_of(eval(header + "T8,Urgent,2026-01-05T10:00:00+07:00,\n"
                                          "T9,Hihg,2026-01-05T10:00:00+07:00,\n",
                                 TicketReader::Format::csv, ResultWriter::Format::csv));
  BOOST_REQUIRE(out.size() == 3u);
  BOOST_TEST(out[1].ends_with(
      "\"row 1 (line 2): unknown priority 'Urgent' (known: Low, Normal, High, Critical)\""));
  BOOST_TEST(
      out[2].ends_with("\"row 2 (line 3): unknown priority 'Hihg'; did you mean 'High'? "
                       "(known: Low, Normal, High, Critical)\""));
  // The list is the Evaluator's, made once: a copy has its own.
  const Evaluator copy = premium();
  Evaluation ev;
  ev.error = "unknown priority";
  ev.unknown_priority = "P0";
  BOOST_TEST(copy.error_text(ev) == "unknown priority 'P0' (known: Low, Normal, High, Critical)");
  ev.error = "created after the as-of time";
  BOOST_TEST(copy.error_text(ev) == "created after the as-of time");
}

BOOST_AUTO_TEST_CASE(utf8_replacement_follows_unicode) {
  // Maximal subparts (Unicode 3.9, Table 3-8): one U+FFFD each.
  const std::string r(kReplacementCharacter);
  BOOST_TEST(valid_utf8("a\x80z") == "a" + r + "z");
  BOOST_TEST(valid_utf8("\xC0\xAF") == r + r);                  // overlong: C0 never starts
  BOOST_TEST(valid_utf8("\xE0\x80\x80") == r + r + r);          // overlong three-byte form
  BOOST_TEST(valid_utf8("\xE1\x80\x41") == r + "A");            // a truncated sequence is one
  BOOST_TEST(valid_utf8("\xF4\x90\x80\x80") == r + r + r + r);  // past U+10FFFF
  BOOST_TEST(valid_utf8("\xF0\x9F\x98\x80!") == "\xF0\x9F\x98\x80!");
  BOOST_TEST(valid_utf8("\xF0\x9F\x98") == r);  // cut at the end of the text
  BOOST_TEST(utf8_error_at("ok\xC3\xA9\xE9") == 4u);
  BOOST_TEST(utf8_error_at("ok\xC3\xA9") == std::string_view::npos);
}

BOOST_AUTO_TEST_CASE(json_text_never_throws_on_bytes_that_are_not_utf8) {
  nlohmann::ordered_json j = {{"file", "caf\xE9.sla"}, {"ok", true}};
  std::string text;
  BOOST_CHECK_NO_THROW(text = cli::json_text(j));
  BOOST_TEST(nlohmann::json::parse(text)["file"] == "caf\xEF\xBF\xBD.sla");
  BOOST_TEST(cli::json_line({{"open", true}, {"next_change", nullptr}}) ==
             R"({"open": true, "next_change": null})");
  bool replaced = false;
  BOOST_TEST(cli::json_string("I\xE9", &replaced) == "I\xEF\xBF\xBD");
  BOOST_TEST(replaced);
  BOOST_TEST(cli::json_string("I1", &replaced) == "I1");
  BOOST_TEST(!replaced);
}

BOOST_AUTO_TEST_CASE(counts_agree_with_their_number) {
  BOOST_TEST(cli::plural(0, "row") == "0 rows");
  BOOST_TEST(cli::plural(1, "row") == "1 row");
  BOOST_TEST(cli::plural(2, "priority", "priorities") == "2 priorities");
  BOOST_TEST(cli::plural_or_no(0, "exclusion") == "no exclusions");
  BOOST_TEST(cli::plural_or_no(1, "exclusion") == "1 exclusion");
  BOOST_TEST(cli::agree(1, "has", "have") == "has");
  BOOST_TEST(cli::agree(0, "has", "have") == "have");
}

BOOST_AUTO_TEST_CASE(a_time_with_a_fraction_of_a_second_is_an_error_row_naming_the_column) {
  // ".000" (Jira, ServiceNow) is exact; any other fraction would be dropped, so the
  // row is refused with the column and the reason, in CSV and JSON Lines alike.
  const auto csv = read_all(
      "id,priority,created_at,first_response_at\n"
      "A,High,2026-01-09T16:30:00.000+07:00,2026-01-09T16:45:00.000+07:00\n"
      "B,High,2026-01-09T16:30:00.5+07:00,\n"
      "C,High,2026-01-09T16:30:00+07:00,2026-01-09T16:45:00.25\n",
      TicketReader::Format::csv);
  BOOST_REQUIRE(csv.size() == 3u);
  BOOST_TEST(csv[0].error.empty(), csv[0].error);
  BOOST_TEST(csv[0].ticket.created.time_since_epoch().count() == 1767951000);
  BOOST_TEST(csv[1].error ==
             "created_at '2026-01-09T16:30:00.5+07:00': sub-second times are not supported: the "
             "time has a fraction of a second (0.5); write whole seconds");
  BOOST_TEST(csv[2].error.starts_with(
                 "first_response_at '2026-01-09T16:45:00.25': sub-second times are not supported"),
             csv[2].error);
  const auto jsonl =
      read_all(R"({"id":"B","priority":"High","created_at":"2026-01-09T16:30:00.5+07:00"})"
               "\n",
               TicketReader::Format::jsonl);
  BOOST_REQUIRE(jsonl.size() == 1u);
  BOOST_TEST(jsonl[0].error == csv[1].error);
  // And `sla eval` writes the row in place with the reason.
  const std::string out = eval("id,priority,created_at\nB,High,2026-01-09T16:30:00.5+07:00\n",
                               TicketReader::Format::csv, ResultWriter::Format::csv);
  BOOST_TEST(out.find("sub-second times are not supported") != std::string::npos, out);
}
