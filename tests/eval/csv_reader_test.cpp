#define BOOST_TEST_MODULE csv_reader
#include <boost/test/unit_test.hpp>
#include <cstdio>

#include "tools/io/csv_reader.hpp"

using sla::cli::CsvReader;

namespace {

struct Records {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::size_t> lines;
  std::vector<std::string> errors;
};

Records read_all(const std::string& text) {
  Records out;
  std::FILE* f = fmemopen(const_cast<char*>(text.data()), text.size(), "rb");
  BOOST_TEST_REQUIRE(f != nullptr);
  CsvReader reader(f);
  std::vector<std::string_view> fields;
  while (reader.next(fields)) {
    out.rows.emplace_back(fields.begin(), fields.end());
    out.lines.push_back(reader.line());
    out.errors.emplace_back(reader.error());
  }
  std::fclose(f);
  return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(plain_and_quoted_fields) {
  auto r = read_all("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\n");
  BOOST_REQUIRE(r.rows.size() == 2u);
  BOOST_TEST(r.rows[1] == (std::vector<std::string>{"x, y", "say \"hi\"", ""}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(crlf_blank_lines_and_line_numbers) {
  auto r = read_all("h1,h2\r\n\r\n1,2\r\n\n3,4");
  BOOST_REQUIRE(r.rows.size() == 3u);
  BOOST_TEST(r.rows[1] == (std::vector<std::string>{"1", "2"}), boost::test_tools::per_element());
  BOOST_TEST(r.rows[2] == (std::vector<std::string>{"3", "4"}), boost::test_tools::per_element());
  BOOST_TEST(r.lines == (std::vector<std::size_t>{1, 3, 5}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(newlines_inside_quotes) {
  auto r = read_all("a,b\n\"one\ntwo\",x\nnext,y\n");
  BOOST_REQUIRE(r.rows.size() == 3u);
  BOOST_TEST(r.rows[1][0] == "one\ntwo");
  BOOST_TEST(r.lines[2] == 4u);
}

BOOST_AUTO_TEST_CASE(broken_records_still_come_back) {
  auto r = read_all("a,b\n\"unclosed,x\n");
  BOOST_REQUIRE(r.rows.size() == 2u);
  BOOST_TEST(!r.errors[1].empty());
  auto junk = read_all("\"a\"junk,b\n");
  BOOST_REQUIRE(junk.rows.size() == 1u);
  BOOST_TEST(junk.errors[0] == "text after a closing quote");
}

BOOST_AUTO_TEST_CASE(records_longer_than_the_buffer) {
  std::string big(200000, 'x');
  auto r = read_all("a,b\n" + big + ",\"" + big + "\"\nc,d\n");
  BOOST_REQUIRE(r.rows.size() == 3u);
  BOOST_TEST(r.rows[1][0].size() == big.size());
  BOOST_TEST(r.rows[1][1].size() == big.size());
  BOOST_TEST(r.rows[2][0] == "c");
}

BOOST_AUTO_TEST_CASE(a_quote_inside_an_unquoted_field_is_a_character) {
  auto r = read_all("id,subject\n1,6\" monitor broken\n2,next\n");
  BOOST_REQUIRE(r.rows.size() == 3u);
  BOOST_TEST(r.rows[1][1] == "6\" monitor broken");
  BOOST_TEST(r.errors[1].empty());
  BOOST_TEST(r.rows[2][0] == "2");
}

BOOST_AUTO_TEST_CASE(runaway_rows_are_cut_not_held) {
  std::string text = "a,b\n1,\"" + std::string(3 << 20, 'x') + "\n2,ok\n";
  auto r = read_all(text);
  BOOST_REQUIRE(r.rows.size() == 3u);
  BOOST_TEST(r.errors[1].find("longer than 1 MiB") != std::string::npos);
  BOOST_TEST(r.rows[2] == (std::vector<std::string>{"2", "ok"}), boost::test_tools::per_element());
}

// "CSV (Macintosh)" ends lines with CR alone; a stray CR in an LF file ends its line
// too. Every line end style gives the same rows, and the same line numbers.
BOOST_AUTO_TEST_CASE(cr_lf_and_crlf_are_all_line_ends) {
  for (const std::string end : {"\n", "\r\n", "\r"}) {
    auto r = read_all("h1,h2" + end + "1,a" + end + end + "2,\"x" + end + "y\"" + end + "3,c");
    BOOST_TEST_CONTEXT("line end " << (end == "\n" ? "LF" : end == "\r" ? "CR" : "CRLF")) {
      BOOST_REQUIRE(r.rows.size() == 4u);
      BOOST_TEST(r.rows[1] == (std::vector<std::string>{"1", "a"}),
                 boost::test_tools::per_element());
      BOOST_TEST(r.rows[2] == (std::vector<std::string>{"2", "x" + end + "y"}),
                 boost::test_tools::per_element());
      BOOST_TEST(r.rows[3] == (std::vector<std::string>{"3", "c"}),
                 boost::test_tools::per_element());
      BOOST_TEST(r.lines == (std::vector<std::size_t>{1, 2, 4, 6}),
                 boost::test_tools::per_element());
      for (const auto& e : r.errors) BOOST_TEST(e.empty());
    }
  }
}

BOOST_AUTO_TEST_CASE(a_stray_cr_ends_its_row_and_folds_nothing) {
  auto r = read_all("id,p\nT1,High\rT2,Low\r\nT3,Normal\n\r\nT4,Low\n");
  BOOST_REQUIRE(r.rows.size() == 5u);
  BOOST_TEST(r.rows[1] == (std::vector<std::string>{"T1", "High"}),
             boost::test_tools::per_element());
  BOOST_TEST(r.rows[2] == (std::vector<std::string>{"T2", "Low"}),
             boost::test_tools::per_element());
  BOOST_TEST(r.rows[3] == (std::vector<std::string>{"T3", "Normal"}),
             boost::test_tools::per_element());
  BOOST_TEST(r.rows[4] == (std::vector<std::string>{"T4", "Low"}),
             boost::test_tools::per_element());
  BOOST_TEST(r.lines == (std::vector<std::size_t>{1, 2, 3, 4, 6}),
             boost::test_tools::per_element());
}

// A CRLF split by the reader's buffer is still one line end, not a blank line.
BOOST_AUTO_TEST_CASE(crlf_across_the_buffer_edge) {
  for (std::size_t pad : {65530u, 65531u, 65532u, 65533u, 65534u, 65535u, 65536u}) {
    std::string text = "a,b\r\n" + std::string(pad - 5 - 2, 'x') + ",y\r\n2,z\r\n\r\n3,w\r\n";
    auto r = read_all(text);
    BOOST_TEST_CONTEXT("pad " << pad) {
      BOOST_REQUIRE(r.rows.size() == 4u);
      BOOST_TEST(r.rows[2] == (std::vector<std::string>{"2", "z"}),
                 boost::test_tools::per_element());
      BOOST_TEST(r.lines == (std::vector<std::size_t>{1, 2, 3, 5}),
                 boost::test_tools::per_element());
    }
  }
}

BOOST_AUTO_TEST_CASE(line_numbers_count_line_ends_inside_quotes_once) {
  auto r = read_all("a,b\r\"1\r\n2\r3\n4\",x\r\nnext,y\n");
  BOOST_REQUIRE(r.rows.size() == 3u);
  BOOST_TEST(r.rows[1][0] == "1\r\n2\r3\n4");
  BOOST_TEST(r.lines[2] == 6u);
}

// A quote that is never closed must not swallow the rows after it: the row is an
// error, read to the end of its line, and the next line is the next row.
BOOST_AUTO_TEST_CASE(an_unclosed_quote_is_a_row_error_not_a_merge) {
  for (const std::string end : {"\n", "\r\n", "\r"}) {
    auto r = read_all("id,p" + end + "T1,\"High" + end + "T2,Low" + end + "T3,Normal" + end);
    BOOST_TEST_INFO("line end " << (end == "\n" ? "LF" : end == "\r" ? "CR" : "CRLF"));
    BOOST_REQUIRE(r.rows.size() == 4u);
    BOOST_TEST(!r.errors[1].empty());
    BOOST_TEST(r.rows[1][0] == "T1");
    BOOST_TEST(r.rows[2] == (std::vector<std::string>{"T2", "Low"}),
               boost::test_tools::per_element());
    BOOST_TEST(r.errors[2].empty());
    BOOST_TEST(r.rows[3] == (std::vector<std::string>{"T3", "Normal"}),
               boost::test_tools::per_element());
    BOOST_TEST(r.lines == (std::vector<std::size_t>{1, 2, 3, 4}), boost::test_tools::per_element());
  }
}

BOOST_AUTO_TEST_CASE(runaway_rows_resume_after_a_cr_line_end) {
  std::string text = "a,b\r1,\"" + std::string(3 << 20, 'x') + "\r2,ok\r";
  auto r = read_all(text);
  BOOST_REQUIRE(r.rows.size() == 3u);
  BOOST_TEST(r.errors[1].find("longer than 1 MiB") != std::string::npos);
  BOOST_TEST(r.rows[2] == (std::vector<std::string>{"2", "ok"}), boost::test_tools::per_element());
  BOOST_TEST(r.lines == (std::vector<std::size_t>{1, 2, 3}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_byte_order_mark_before_a_quoted_header_is_skipped) {
  auto r = read_all("\xEF\xBB\xBF\"id\",\"priority\"\r\n\"T1\",\"P1\"\r\n");
  BOOST_TEST_REQUIRE(r.rows.size() == 2u);
  BOOST_TEST(r.rows[0][0] == "id");  // unquoted, and without the mark
  BOOST_TEST(r.rows[1][1] == "P1");
  // A mark alone leaves nothing to read; one further on is data.
  BOOST_TEST(read_all("\xEF\xBB\xBF").rows.empty());
  BOOST_TEST(read_all("a\n\xEF\xBB\xBF"
                      "b\n")
                 .rows[1][0] ==
             "\xEF\xBB\xBF"
             "b");
}
