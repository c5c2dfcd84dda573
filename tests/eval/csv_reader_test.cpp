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
