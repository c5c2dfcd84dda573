// sla fmt: the canonical layout case by case, its promises (idempotent, same
// meaning, comments kept) on every shipped file and golden input, and the diff.
#define BOOST_TEST_MODULE format
#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "grammar/parser.hpp"
#include "sla/load.hpp"
#include "tools/format/formatter.hpp"
#include "tools/format/same_syntax.hpp"
#include "tools/format/unified_diff.hpp"
#include "tools/reports/model_json.hpp"

namespace fs = std::filesystem;
using sla::cli::format_source;

namespace {

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::vector<fs::path> files_in(const fs::path& dir, bool recursive) {
  std::vector<fs::path> out;
  auto take = [&](const fs::directory_entry& e) {
    if (e.path().extension() == ".sla") out.push_back(e.path());
  };
  if (recursive)
    for (const auto& e : fs::recursive_directory_iterator(dir)) take(e);
  else
    for (const auto& e : fs::directory_iterator(dir)) take(e);
  std::sort(out.begin(), out.end());
  return out;
}

// The formatted text, or a message saying why there is none.
std::string format(const std::string& text) {
  auto r = format_source("test.sla", text);
  if (r.text) return *r.text;
  if (!r.internal_error.empty()) return "INTERNAL ERROR: " + r.internal_error;
  return "SYNTAX ERROR: " + (r.diagnostics.empty() ? "" : r.diagnostics.front().message);
}

sla::ParseResult parse_text(const std::string& text) {
  return sla::parse(sla::SourceFile("test.sla", text), 0);
}

// The properties every formatted file has, beyond the layout itself.
void require_promises(const std::string& source, const std::string& formatted) {
  BOOST_TEST(format(formatted) == formatted);  // idempotent
  const auto before = parse_text(source), after = parse_text(formatted);
  BOOST_TEST(!sla::has_errors(after.diagnostics));
  BOOST_TEST(sla::cli::same_syntax(before.file, after.file));
  BOOST_TEST(after.file.comments.size() == before.file.comments.size());
  BOOST_TEST((formatted.empty() || formatted.ends_with("\n")));
  BOOST_TEST(!formatted.ends_with("\n\n"));
  BOOST_TEST(formatted.find('\r') == std::string::npos);
}

// The checked contract with every position and file name removed.
nlohmann::ordered_json meaning(const sla::LoadResult& r) {
  std::function<nlohmann::ordered_json(const nlohmann::ordered_json&)> strip =
      [&](const nlohmann::ordered_json& j) {
        if (j.is_object()) {
          nlohmann::ordered_json out = nlohmann::ordered_json::object();
          for (const auto& [k, v] : j.items())
            if (k != "span" && k != "file") out[k] = strip(v);
          return out;
        }
        if (j.is_array()) {
          nlohmann::ordered_json out = nlohmann::ordered_json::array();
          for (const auto& v : j) out.push_back(strip(v));
          return out;
        }
        return j;
      };
  return r.model ? strip(sla::cli::to_json(*r.model)) : nlohmann::ordered_json();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(layout)

BOOST_AUTO_TEST_CASE(one_statement_per_line_and_two_space_indents) {
  BOOST_TEST(format("calendar office { zone \"Asia/Jakarta\"; open Mon-Fri 09:00-17:00 }") ==
             "calendar office {\n"
             "  zone \"Asia/Jakarta\"\n"
             "  open Mon-Fri 09:00-17:00\n"
             "}\n");
  BOOST_TEST(format("package p \"P\"\n{\nuptime \"Chat\" { target 99 %\n measured monthly }\n"
                    "escalation {\nfrom 0 hours escalate to \"A\"}}") ==
             "package p \"P\" {\n"
             "  uptime \"Chat\" {\n"
             "    target 99 %\n"
             "    measured monthly\n"
             "  }\n"
             "  escalation {\n"
             "    from 0 hours escalate to \"A\"\n"
             "  }\n"
             "}\n");
}

BOOST_AUTO_TEST_CASE(a_statement_over_several_lines_becomes_one) {
  BOOST_TEST(format("package p \"P\" {\n  respond to Low\n      within 4\tbusiness hours\n"
                    "      committed\n}\n") ==
             "package p \"P\" {\n  respond to Low within 4 business hours committed\n}\n");
}

BOOST_AUTO_TEST_CASE(one_space_between_tokens_but_in_lists_labels_and_ranges) {
  BOOST_TEST(
      format("calendar c {\n  zone   UTC  (  \"GMT\"  )\n  open Mon - Fri , Sun  09:00 - "
             "12:00 ,13:00-17:00\n}\n") ==
      "calendar c {\n  zone UTC (\"GMT\")\n  open Mon-Fri, Sun 09:00-12:00, 13:00-17:00\n}\n");
  BOOST_TEST(format("package p \"P\" { clock pauses on status \"a\" ,\"b\"  ,  \"c\" }") ==
             "package p \"P\" {\n  clock pauses on status \"a\", \"b\", \"c\"\n}\n");
  BOOST_TEST(format("addon a \"A\" { requires p,q }") == "addon a \"A\" {\n  requires p, q\n}\n");
  BOOST_TEST(format("package p \"P\" {\n  warn  at 50 % ,75 %\n}") ==
             "package p \"P\" {\n  warn at 50 %, 75 %\n}\n");
}

BOOST_AUTO_TEST_CASE(words_numbers_and_strings_keep_their_spelling) {
  // Layout only: `8hours`, `99%` and escapes are the author's to change.
  BOOST_TEST(format("package p \"a \\\"q\\\" \\\\ \\t\" { respond to all within 8hours\n"
                    "uptime \"x\" { target 99.50% } }") ==
             "package p \"a \\\"q\\\" \\\\ \\t\" {\n"
             "  respond to all within 8hours\n"
             "  uptime \"x\" {\n"
             "    target 99.50%\n"
             "  }\n"
             "}\n");
  BOOST_TEST(format("contract \"C\" { changes notified at least 2 days in advance }") ==
             "contract \"C\" {\n  changes notified at least 2 days in advance\n}\n");
}

BOOST_AUTO_TEST_CASE(semicolons_go_line_breaks_separate) {
  BOOST_TEST(format("import \"a\"; import \"b\";\npriorities { Low \"l\"; High \"h\"; }") ==
             "import \"a\"\nimport \"b\"\n\npriorities {\n  Low \"l\"\n  High \"h\"\n}\n");
}

BOOST_AUTO_TEST_CASE(blank_lines) {
  // At most one, wherever there were some; none just inside braces.
  BOOST_TEST(format("priorities {\n\n\n  Low \"l\"\n\n\n\n  High \"h\"\n\n}\n") ==
             "priorities {\n  Low \"l\"\n\n  High \"h\"\n}\n");
  // Exactly one between top-level blocks, added where missing and above the
  // comments that lead into a block; imports may stay together.
  BOOST_TEST(format("import \"a\"\nimport \"b\"\n\n\nimport \"c\"\npriorities { Low \"l\" }\n"
                    "# about c\ncalendar c { zone UTC }\n\n\n\ncalendar d { zone UTC }\n") ==
             "import \"a\"\nimport \"b\"\n\nimport \"c\"\n\npriorities {\n  Low \"l\"\n}\n\n"
             "# about c\ncalendar c {\n  zone UTC\n}\n\ncalendar d {\n  zone UTC\n}\n");
  // A comment set apart from its block stays apart.
  BOOST_TEST(format("calendar c { zone UTC }\n# section\n\ncalendar d { zone UTC }\n") ==
             "calendar c {\n  zone UTC\n}\n\n# section\n\ncalendar d {\n  zone UTC\n}\n");
}

BOOST_AUTO_TEST_CASE(comments_stay_where_they_are) {
  const std::string tidy =
      "# header\n"
      "\n"
      "# about p\n"
      "package p \"P\" { # opening\n"
      "  # before\n"
      "  respond to Low within 4 hours # trailing\n"
      "\n"
      "  # last words\n"
      "} # closing\n"
      "# the end\n";
  BOOST_TEST(format(tidy) == tidy);
  // Indentation follows the statement, whatever the comment's own.
  BOOST_TEST(format("package p \"P\" {\n# before\n      respond to Low within 4 hours\n"
                    "       # last words\n}\n") ==
             "package p \"P\" {\n  # before\n  respond to Low within 4 hours\n"
             "  # last words\n}\n");
  // One space before a trailing comment; white space after it is dropped.
  BOOST_TEST(format("priorities {\n  Low \"l\"      #   two words   \n}\n") ==
             "priorities {\n  Low \"l\" #   two words\n}\n");
}

BOOST_AUTO_TEST_CASE(a_comment_inside_a_statement_moves_above_it) {
  BOOST_TEST(format("package p \"P\" {\n  respond to Low # which one\n  # more\n"
                    "    within 4 hours # done\n}\n") ==
             "package p \"P\" {\n  # which one\n  # more\n  respond to Low within 4 hours # done\n"
             "}\n");
  BOOST_TEST(format("package p \"P\" # why\n{\n  note \"n\"\n}\n") ==
             "# why\npackage p \"P\" {\n  note \"n\"\n}\n");
}

BOOST_AUTO_TEST_CASE(bom_and_crlf) {
  BOOST_TEST(format("\xEF\xBB\xBF# c\r\npriorities {\r\n  Low \"l\" # t\r\n}\r\n") ==
             "# c\npriorities {\n  Low \"l\" # t\n}\n");
}

BOOST_AUTO_TEST_CASE(cr_only_line_ends_become_lf) {
  // Each lone CR ends a line (and a comment); the output has LF line ends.
  const std::string source = "# c\rpriorities {\r  Low \"l\" # t\r\r  High \"h\"\r}\r";
  const std::string formatted = format(source);
  BOOST_TEST(formatted == "# c\npriorities {\n  Low \"l\" # t\n\n  High \"h\"\n}\n");
  require_promises(source, formatted);
}

BOOST_AUTO_TEST_CASE(empty_and_comment_only_files) {
  BOOST_TEST(format("") == "");
  BOOST_TEST(format("\n\n  \n") == "");
  BOOST_TEST(format("  # only\n\n\n   # comments") == "# only\n\n# comments\n");
}

BOOST_AUTO_TEST_CASE(a_file_with_syntax_errors_is_refused) {
  auto r = format_source("bad.sla", "package p \"P\" {\n  respond to Low withn 4 hours\n}\n");
  BOOST_TEST(!r.text.has_value());
  BOOST_TEST(r.internal_error.empty());
  BOOST_TEST_REQUIRE(!r.diagnostics.empty());
  BOOST_TEST(r.diagnostics.front().code == "SLA001");
  BOOST_TEST(r.diagnostics.front().location.line == 2u);
  // Checker errors (an unknown name) are not syntax: the file formats.
  BOOST_TEST(format("package p \"P\" { calendar nowhere }") ==
             "package p \"P\" {\n  calendar nowhere\n}\n");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(promises)

BOOST_AUTO_TEST_CASE(shipped_contracts_and_stdlib_are_formatted) {
  const fs::path root = SLA_SOURCE_DIR;
  auto files = files_in(root / "contracts", false);
  const auto stdlib = files_in(root / "stdlib", true);
  files.insert(files.end(), stdlib.begin(), stdlib.end());
  BOOST_TEST_REQUIRE(files.size() >= 5u);
  for (const auto& f : files) {
    BOOST_TEST_CONTEXT(f.string()) {
      const std::string text = read_text(f);
      BOOST_TEST(format(text) == text);
    }
  }
}

BOOST_AUTO_TEST_CASE(golden_inputs_format_to_the_same_tree_or_are_refused) {
  const fs::path root = SLA_SOURCE_DIR;
  std::size_t formatted = 0, refused = 0;
  for (const auto& f : files_in(root / "tests/golden", false)) {
    BOOST_TEST_CONTEXT(f.string()) {
      const std::string text = read_text(f);
      const auto parsed = parse_text(text);
      auto r = format_source(f.string(), text);
      BOOST_TEST(r.internal_error.empty());
      if (sla::has_errors(parsed.diagnostics)) {
        BOOST_TEST(!r.text.has_value());
        BOOST_TEST(!r.diagnostics.empty());
        ++refused;
      } else {
        BOOST_TEST_REQUIRE(r.text.has_value());
        require_promises(text, *r.text);
        ++formatted;
      }
    }
  }
  // Both kinds are there, or this test proves less than it says.
  BOOST_TEST(formatted >= 3u);
  BOOST_TEST(refused >= 3u);
}

BOOST_AUTO_TEST_CASE(a_messy_copy_of_the_qiscus_contract) {
  // As the acceptance script makes it: no indentation, no blank lines.
  const fs::path root = SLA_SOURCE_DIR;
  const std::string original = read_text(root / "contracts/qiscus-enterprise.sla");
  std::string messy;
  std::istringstream lines(original);
  for (std::string line; std::getline(lines, line);) {
    line.erase(0, line.find_first_not_of(" \t"));
    if (line.find_first_not_of(" \t\r") != std::string::npos) messy += line + "\n";
  }
  BOOST_TEST_REQUIRE(format(messy) != messy);
  const std::string formatted = format(messy);
  require_promises(messy, formatted);
  BOOST_TEST(std::count(formatted.begin(), formatted.end(), '#') ==
             std::count(original.begin(), original.end(), '#'));
  // Only blank lines inside blocks cannot come back.
  auto without_blank_lines = [](const std::string& s) {
    std::string out;
    std::istringstream in(s);
    for (std::string line; std::getline(in, line);)
      if (!line.empty()) out += line + "\n";
    return out;
  };
  BOOST_TEST(without_blank_lines(formatted) == without_blank_lines(original));

  // The same checked contract, positions aside.
  const auto a = sla::load_string("messy.sla", messy), b = sla::load_string("tidy.sla", formatted);
  BOOST_TEST_REQUIRE(a.ok());
  BOOST_TEST_REQUIRE(b.ok());
  BOOST_TEST(meaning(a) == meaning(b));
}

BOOST_AUTO_TEST_CASE(comments_and_line_breaks_inside_values_are_white_space) {
  // Found by formatting contracts with comments and line breaks strewn between
  // tokens: the parser once read "IDR # c\n 216 million" as IDR 0, "4 business # c\n
  // hours" as weeks, and "Mon\n - Fri" as two days, so moving the comment out (or
  // joining the lines) changed the value, and the formatter refused the file.
  BOOST_TEST(format("addon a \"A\" {\n  price IDR # list\n 216 # why\n million ( # c\n \"x\" )\n}\n"
                    "package p \"P\" {\n  respond to all within 4 business # c\n hours\n}\n"
                    "calendar c {\n  open Mon\n  - Fri, # c\n Sun 09:00 # c\n - 17:00\n}\n") ==
             "addon a \"A\" {\n  # list\n  # why\n  # c\n  price IDR 216 million (\"x\")\n}\n\n"
             "package p \"P\" {\n  # c\n  respond to all within 4 business hours\n}\n\n"
             "calendar c {\n  # c\n  # c\n  open Mon-Fri, Sun 09:00-17:00\n}\n");
  const auto parsed = parse_text("addon a \"A\" { price IDR # list\n 216 # why\n million }");
  BOOST_TEST_REQUIRE(!sla::has_errors(parsed.diagnostics));
  const auto* money =
      sla::ast::arg<sla::ast::Money>(parsed.file.root.children.at(0).children.at(0));
  BOOST_TEST_REQUIRE(money);
  BOOST_TEST(money->milli == 216'000'000'000);
  const auto days = parse_text("calendar c { open Mon\n - Wed 09:00-17:00 }");
  const auto* mask = sla::ast::arg<sla::ast::Days>(days.file.root.children.at(0).children.at(0));
  BOOST_TEST_REQUIRE(mask);
  BOOST_TEST(mask->mask == 0b0001110);  // Mon, Tue, Wed
}

BOOST_AUTO_TEST_CASE(a_change_of_meaning_is_noticed) {
  // The safety net itself: what same_syntax must tell apart.
  auto same = [](const std::string& a, const std::string& b) {
    return sla::cli::same_syntax(parse_text(a).file, parse_text(b).file);
  };
  const std::string p = "package p \"P\" {\n  respond to Low within 4 hours # c\n}\n";
  BOOST_TEST(same(p, "package p \"P\" { respond to Low within 4 hours # c\n}"));
  BOOST_TEST(!same(p, "package p \"P\" { respond to Low within 5 hours # c\n}"));
  BOOST_TEST(!same(p, "package p \"P\" { respond to Low within 4 business hours # c\n}"));
  BOOST_TEST(!same(p, "package p \"P\" { respond to High within 4 hours # c\n}"));
  BOOST_TEST(!same(p, "package p \"P\" { respond to Low within 4 hours # d\n}"));
  BOOST_TEST(!same(p, "package p \"P\" { respond to Low within 4 hours\n}"));
  BOOST_TEST(!same(p, "package q \"P\" { respond to Low within 4 hours # c\n}"));
  BOOST_TEST(
      !same("calendar c { open Mon-Fri 09:00-17:00 }", "calendar c { open Mon-Sat 09:00-17:00 }"));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(diff)

using sla::cli::unified_diff;

BOOST_AUTO_TEST_CASE(equal_texts_have_no_diff) {
  BOOST_TEST(unified_diff("a\nb\n", "a\nb\n", "f.sla", false) == "");
}

BOOST_AUTO_TEST_CASE(hunks_with_three_lines_of_context) {
  std::string before, after;
  for (int i = 1; i <= 20; ++i) {
    before += std::to_string(i) + "\n";
    after += (i == 2 ? "two" : i == 15 ? "fifteen" : std::to_string(i)) + "\n";
  }
  after += "21\n";
  BOOST_TEST(unified_diff(before, after, "f.sla", false) ==
             "--- a/f.sla\n+++ b/f.sla\n"
             "@@ -1,5 +1,5 @@\n 1\n-2\n+two\n 3\n 4\n 5\n"
             "@@ -12,9 +12,10 @@\n 12\n 13\n 14\n-15\n+fifteen\n 16\n 17\n 18\n 19\n 20\n+21\n");
}

BOOST_AUTO_TEST_CASE(close_changes_share_a_hunk) {
  BOOST_TEST(
      unified_diff("1\n2\n3\n4\n5\n6\n7\n8\n9\n", "1\nx\n3\n4\n5\n6\n7\n8\ny\n", "f", false) ==
      "--- a/f\n+++ b/f\n@@ -1,9 +1,9 @@\n 1\n-2\n+x\n 3\n 4\n 5\n 6\n 7\n 8\n-9\n+y\n");
}

BOOST_AUTO_TEST_CASE(empty_sides_and_missing_final_newline) {
  BOOST_TEST(unified_diff("", "a\n", "f", false) == "--- a/f\n+++ b/f\n@@ -0,0 +1 @@\n+a\n");
  BOOST_TEST(unified_diff("a", "a\n", "f", false) ==
             "--- a/f\n+++ b/f\n@@ -1 +1 @@\n-a\n\\ No newline at end of file\n+a\n");
}

BOOST_AUTO_TEST_CASE(colour_only_when_asked) {
  const std::string coloured = unified_diff("a\n", "b\n", "f", true);
  BOOST_TEST(coloured.find("\x1b[31m-a\x1b[0m") != std::string::npos);
  BOOST_TEST(coloured.find("\x1b[32m+b\x1b[0m") != std::string::npos);
  BOOST_TEST(unified_diff("a\n", "b\n", "f", false).find('\x1b') == std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_huge_rewrite_stays_fast_and_correct) {
  // Past the table limit the changed middle is one block: still a valid diff.
  std::string before, after;
  for (int i = 0; i < 5000; ++i) {
    before += "line " + std::to_string(i) + "\n";
    after += "  line " + std::to_string(i) + "\n";
  }
  const std::string d = unified_diff(before, after, "f", false);
  BOOST_TEST(d.starts_with("--- a/f\n+++ b/f\n@@ -1,5000 +1,5000 @@\n-line 0\n"));
  BOOST_TEST(std::count(d.begin(), d.end(), '\n') == 3 + 10000);
}

BOOST_AUTO_TEST_SUITE_END()
