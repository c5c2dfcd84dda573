// Hostile contracts: what a host that loads contracts it did not write relies on.
// Imports stay inside what the ImportPolicy allows, every limit in sla::Limits is
// a diagnostic just past it and nothing just below it, and what a limit bounds
// stays cheap at the limit. Contracts are written to a fresh folder per test.
#define BOOST_TEST_MODULE safety
#include <boost/test/unit_test.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <future>
#include <map>
#include <string>

#include <date/date.h>

#include "sla/evaluator.hpp"
#include "sla/load.hpp"
#include "sla/ticket.hpp"

namespace fs = std::filesystem;
using sla::ImportPolicy;
using sla::LoadOptions;
using sla::LoadResult;

namespace {

// A fresh folder, removed at the end of the test.
struct Folder {
  fs::path path;
  Folder() {
    std::string tmpl = (fs::temp_directory_path() / "sla-safety-XXXXXX").string();
    if (!::mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
    path = fs::canonical(tmpl);
  }
  ~Folder() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  std::string write(const std::string& relative, const std::string& text) const {
    const fs::path p = path / relative;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
    return p.string();
  }
  std::string operator/(const std::string& relative) const { return (path / relative).string(); }
};

std::string codes(const LoadResult& r) {
  std::string out;
  for (const auto& d : r.diagnostics) out += (out.empty() ? "" : " ") + d.code;
  return out;
}

sla::Diagnostic only(const LoadResult& r) {
  BOOST_REQUIRE_MESSAGE(r.diagnostics.size() == 1u, "diagnostics: " << codes(r));
  return r.diagnostics.front();
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// A complete contract; `more` is added at the end.
std::string contract(const std::string& more = {}) {
  return "priorities { Low \"l\"\n High \"h\" }\n"
         "calendar office { zone \"UTC\"\n open Mon-Fri 09:00-17:00 }\n"
         "package basic \"Basic\" { calendar office\n respond to all within 4 business hours }\n" +
         more;
}

// The same call under a watchdog: a load that blocks (on a fifo) fails the test
// instead of hanging it.
LoadResult within_seconds(int seconds, std::function<LoadResult()> load) {
  auto future = std::async(std::launch::async, std::move(load));
  if (future.wait_for(std::chrono::seconds(seconds)) != std::future_status::ready) {
    BOOST_ERROR("the load did not finish within " << seconds << " s");
    std::_Exit(1);  // the thread is blocked for good
  }
  return future.get();
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

// ------------------------------------------------------------------ imports

BOOST_AUTO_TEST_CASE(an_absolute_import_is_refused) {
  Folder f;
  const std::string shared = f.write("root/shared.sla", "holidays h \"H\" { }\n");
  const std::string root = f.write("root/a.sla", "import \"" + shared + "\"\n" + contract());
  const LoadResult r = sla::load_file(root);
  const auto& d = only(r);
  BOOST_TEST(d.code == "SLA013");
  BOOST_TEST(contains(d.message, "absolute path"));
  BOOST_TEST(d.location.line == 1u);
  BOOST_TEST(d.location.column == 8u);  // at the import's string
  BOOST_TEST(contains(d.hint, "its own folder"));
  BOOST_TEST(contains(d.hint, "ImportPolicy::folders"));
  BOOST_TEST(!r.ok());
}

BOOST_AUTO_TEST_CASE(dot_dot_may_not_leave_the_allowed_folder) {
  Folder f;
  f.write("secret.sla", "holidays h \"H\" { }\n");
  f.write("root/sub/inner.sla", "import \"../shared.sla\"\n");  // inside the root: fine
  f.write("root/shared.sla", "holidays shared \"S\" { }\n");
  const std::string ok = f.write("root/a.sla", "import \"sub/inner.sla\"\n" + contract());
  const LoadResult fine = sla::load_file(ok);
  BOOST_TEST(fine.ok(), codes(fine));

  const std::string root = f.write("root/b.sla", "import \"sub/../../secret.sla\"\n" + contract());
  const auto& d = only(sla::load_file(root));
  BOOST_TEST(d.code == "SLA013");
  BOOST_TEST(contains(d.message, "\"sub/../../secret.sla\""));
  BOOST_TEST(contains(d.message, "leads outside"));
  // The hint says what is allowed: the contract's folder, as the host gave it.
  BOOST_TEST(contains(d.hint, f / "root"));
}

BOOST_AUTO_TEST_CASE(a_symbolic_link_may_not_leave_the_allowed_folder) {
  Folder f;
  f.write("outside/secret.sla", "holidays h \"H\" { }\n");
  f.write("root/real.sla", "holidays r \"R\" { }\n");
  fs::create_directories(f.path / "root");
  fs::create_symlink(f.path / "outside/secret.sla", f.path / "root/link.sla");
  fs::create_directory_symlink(f.path / "outside", f.path / "root/linked");
  fs::create_symlink(f.path / "root/real.sla", f.path / "root/alias.sla");  // stays inside

  for (const std::string spec : {"link.sla", "linked/secret.sla"}) {
    const std::string root = f.write("root/a.sla", "import \"" + spec + "\"\n" + contract());
    const auto& d = only(sla::load_file(root));
    BOOST_TEST(d.code == "SLA013");
    BOOST_TEST(contains(d.message, "symbolic link"));
  }
  const std::string root = f.write("root/a.sla", "import \"alias.sla\"\n" + contract());
  const LoadResult inside = sla::load_file(root);
  BOOST_TEST(inside.ok(), codes(inside));
}

BOOST_AUTO_TEST_CASE(a_fifo_is_refused_without_being_opened) {
  Folder f;
  fs::create_directories(f.path / "root");
  BOOST_REQUIRE(::mkfifo((f / "root/pipe.sla").c_str(), 0600) == 0);
  const std::string root = f.write("root/a.sla", "import \"pipe.sla\"\n" + contract());
  const LoadResult r = within_seconds(20, [&] { return sla::load_file(root); });
  const auto& d = only(r);
  BOOST_TEST(d.code == "SLA013");
  BOOST_TEST(contains(d.message, "not a regular file"));
}

BOOST_AUTO_TEST_CASE(a_folder_is_not_a_contract) {
  Folder f;
  fs::create_directories(f.path / "root/folder.sla");
  const std::string root = f.write("root/a.sla", "import \"folder.sla\"\n" + contract());
  const auto& d = only(sla::load_file(root));
  BOOST_TEST(d.code == "SLA010");
  BOOST_TEST(contains(d.message, "a folder, not a file"));

  const std::string missing = f.write("root/b.sla", "import \"nothing-here\"\n" + contract());
  const auto& m = only(sla::load_file(missing));
  BOOST_TEST(m.code == "SLA010");
  BOOST_TEST(contains(m.message, "cannot read imported file"));
  BOOST_TEST(contains(m.message, "nothing-here.sla"));
}

BOOST_AUTO_TEST_CASE(stdlib_only_refuses_every_file) {
  Folder f;
  f.write("root/shared.sla", "holidays h \"H\" { }\n");
  // load_string may import the stdlib only, by default.
  const LoadResult s = sla::load_string("tenant.sla", "import \"shared.sla\"\n" + contract());
  const auto& d = only(s);
  BOOST_TEST(d.code == "SLA013");
  BOOST_TEST(contains(d.message, "only the stdlib (\"std/...\")"));
  BOOST_TEST(contains(d.hint, "ImportPolicy::folders or ImportPolicy::resolver"));
  BOOST_TEST(!contains(d.hint, "only the stdlib"), d.hint);  // the message says it once

  LoadOptions options;
  options.imports = ImportPolicy::stdlib_only();
  const std::string root = f.write("root/a.sla", "import \"shared.sla\"\n" + contract());
  BOOST_TEST(only(sla::load_file(root, options)).code == "SLA013");

  const LoadResult std_ok =
      sla::load_string("tenant.sla", "import \"std/holidays/id\"\n" + contract(), options);
  BOOST_TEST(std_ok.ok(), codes(std_ok));
}

BOOST_AUTO_TEST_CASE(folders_name_every_allowed_root) {
  Folder f;
  f.write("shared/cal.sla", "holidays shared \"S\" { }\n");
  const std::string root = f.write("tenant/a.sla", "import \"../shared/cal.sla\"\n" + contract());
  BOOST_TEST(only(sla::load_file(root)).code == "SLA013");  // automatic: the tenant folder only

  LoadOptions options;
  options.imports = ImportPolicy::folders({f / "tenant", f / "shared"});
  const LoadResult both = sla::load_file(root, options);
  BOOST_TEST(both.ok(), codes(both));

  options.imports = ImportPolicy::folders({f / "shared"});  // the root file's folder is not implied
  f.write("tenant/local.sla", "holidays local \"L\" { }\n");
  const std::string local = f.write("tenant/b.sla", "import \"local.sla\"\n" + contract());
  const auto& d = only(sla::load_file(local, options));
  BOOST_TEST(d.code == "SLA013");
  BOOST_TEST(contains(d.hint, f / "shared"));

  // Text in memory imports relative to the first root.
  const LoadResult text =
      sla::load_string("tenant.sla", "import \"cal.sla\"\n" + contract(), options);
  BOOST_TEST(text.ok(), codes(text));
  options.imports = ImportPolicy::folders({});
  BOOST_TEST(only(sla::load_string("t.sla", "import \"cal.sla\"\n" + contract(), options)).code ==
             "SLA013");
}

BOOST_AUTO_TEST_CASE(a_resolver_supplies_every_file) {
  std::map<std::string, std::string> files{
      {"calendars", "import \"std/holidays/id\"\nholidays extra \"E\" { }\n"},
      {"cycle-a", "import \"cycle-b\"\n"},
      {"cycle-b", "import \"cycle-a\"\n"},
  };
  std::vector<std::pair<std::string, std::string>> asked;  // (spec, importer)
  LoadOptions options;
  options.imports =
      ImportPolicy::resolver([&](std::string_view spec, std::string_view importer,
                                 std::string& error) -> std::optional<sla::ImportedFile> {
        asked.emplace_back(spec, importer);
        if (spec == "throws") throw std::runtime_error("the tenant store is down");
        const auto it = files.find(std::string(spec));
        if (it == files.end()) {
          error = "no such contract in this tenant";
          return std::nullopt;
        }
        return sla::ImportedFile{"tenant:" + it->first, it->second};
      });

  const LoadResult ok =
      sla::load_string("tenant.sla", "import \"calendars\"\n" + contract(), options);
  BOOST_TEST(ok.ok(), codes(ok));
  BOOST_REQUIRE(asked.size() == 1u);  // "std/..." never reaches the resolver
  BOOST_TEST(asked[0].first == "calendars");
  BOOST_TEST(asked[0].second == "tenant.sla");
  BOOST_TEST(ok.model->files.at(1) == "tenant:calendars");

  const auto& missing =
      only(sla::load_string("tenant.sla", "import \"nope\"\n" + contract(), options));
  BOOST_TEST(missing.code == "SLA010");
  BOOST_TEST(missing.message == "cannot import \"nope\": no such contract in this tenant");

  const auto& thrown =
      only(sla::load_string("tenant.sla", "import \"throws\"\n" + contract(), options));
  BOOST_TEST(thrown.code == "SLA010");
  BOOST_TEST(contains(thrown.message, "the tenant store is down"));

  const auto& cycle =
      only(sla::load_string("tenant.sla", "import \"cycle-a\"\n" + contract(), options));
  BOOST_TEST(cycle.code == "SLA011");
  BOOST_TEST(cycle.message == "import cycle: tenant:cycle-a -> tenant:cycle-b -> tenant:cycle-a");
  BOOST_TEST(cycle.location.file == "tenant:cycle-b");

  // No file is read in resolver mode, even one next to the root.
  Folder f;
  f.write("near.sla", "holidays near \"N\" { }\n");
  const std::string root = f.write("a.sla", "import \"near.sla\"\n" + contract());
  BOOST_TEST(only(sla::load_file(root, options)).code == "SLA010");

  LoadOptions unset;
  unset.imports.mode = ImportPolicy::Mode::resolver;
  BOOST_TEST(only(sla::load_string("t.sla", "import \"x\"\n" + contract(), unset)).code ==
             "SLA013");
}

BOOST_AUTO_TEST_CASE(a_resolver_obeys_the_depth_and_file_limits) {
  LoadOptions options;
  options.imports = ImportPolicy::resolver([](std::string_view spec, std::string_view,
                                              std::string&) -> std::optional<sla::ImportedFile> {
    // "n7" imports "n8", and so on, forever; "wide" imports 100 files.
    const std::string name(spec);
    if (name == "wide") {
      std::string text;
      for (int i = 0; i < 100; ++i) text += "import \"leaf" + std::to_string(i) + "\"\n";
      return sla::ImportedFile{name, text};
    }
    if (name.starts_with("leaf")) return sla::ImportedFile{name, ""};
    const int n = std::stoi(name.substr(1));
    return sla::ImportedFile{name, "import \"n" + std::to_string(n + 1) + "\"\n"};
  });
  const LoadResult deep = sla::load_string("t.sla", "import \"n0\"\n" + contract(), options);
  BOOST_TEST(codes(deep) == "SLA012");
  const LoadResult wide = sla::load_string("t.sla", "import \"wide\"\n" + contract(), options);
  BOOST_REQUIRE(!wide.diagnostics.empty());
  for (const auto& d : wide.diagnostics) BOOST_TEST(d.code == "SLA005");
  BOOST_TEST(wide.diagnostics.front().message == "more than 64 files imported");
  BOOST_TEST(wide.diagnostics.size() == 100u - 62u);  // t, wide and 62 leaves are 64
}

// ------------------------------------------------------------------ limits

BOOST_AUTO_TEST_CASE(file_bytes_per_file_and_all_together) {
  Folder f;
  const std::string text = contract();
  LoadOptions options;
  options.limits.max_file_bytes = text.size();
  BOOST_TEST(sla::load_string("a.sla", text, options).ok());
  options.limits.max_file_bytes = text.size() - 1;
  const auto& big = only(sla::load_string("a.sla", text, options));
  BOOST_TEST(big.code == "SLA004");
  BOOST_TEST(contains(big.message, "the limit is " + std::to_string(text.size() - 1)));

  // A root file over the limit is not read whole; an imported one is refused at the import.
  const std::string root = f.write("root/a.sla", text);
  BOOST_TEST(only(sla::load_file(root, options)).code == "SLA004");
  const std::string shared = "holidays h \"H\" { }\n";
  f.write("root/shared.sla", shared);
  const std::string importer = "import \"shared.sla\"\n" + contract();
  const std::string root2 = f.write("root/b.sla", importer);

  // Together: the root and the import, exactly at and just past the limit.
  LoadOptions together;
  together.limits.max_total_bytes = importer.size() + shared.size();
  BOOST_TEST(sla::load_file(root2, together).ok());
  together.limits.max_total_bytes = importer.size() + shared.size() - 1;
  const auto& d = only(sla::load_file(root2, together));
  BOOST_TEST(d.code == "SLA004");
  BOOST_TEST(contains(d.message, "together"));
  BOOST_TEST(d.location.line == 1u);                      // at the import
  together.limits.max_total_bytes = importer.size() - 1;  // the root alone is too much
  BOOST_TEST(only(sla::load_file(root2, together)).code == "SLA004");

  // An imported file over the per-file limit: said at the import, never read.
  LoadOptions small;
  small.limits.max_file_bytes = importer.size();
  f.write("root/huge.sla", std::string(importer.size() + 1, '#'));
  const std::string root3 = f.write("root/c.sla", "import \"huge.sla\"\n" + contract());
  const auto& h = only(sla::load_file(root3, small));
  BOOST_TEST(h.code == "SLA004");
  BOOST_TEST(contains(h.message, "huge.sla"));
}

BOOST_AUTO_TEST_CASE(statements_per_file) {
  const std::string text = contract();  // 2 priorities + 2 blocks + 4 statements in them
  LoadOptions options;
  std::size_t least = 0;
  for (std::size_t limit = 1; limit < 100 && !least; ++limit) {
    options.limits.max_statements = limit;
    if (sla::load_string("a.sla", text, options).ok()) least = limit;
  }
  BOOST_TEST(least == 9u);  // 3 blocks, 2 priorities, 4 statements in the blocks
  options.limits.max_statements = least - 1;
  const auto& d = only(sla::load_string("a.sla", text, options));
  BOOST_TEST(d.code == "SLA005");
  BOOST_TEST(contains(d.message, "too many statements"));
}

BOOST_AUTO_TEST_CASE(blocks_nest_two_deep_and_no_deeper) {
  const std::string text = contract(
      "package escalating \"E\" { calendar office\n"
      " escalation { from 0 hours escalate to \"Support\" } }\n");
  LoadOptions options;
  options.limits.max_nesting = 2;
  BOOST_TEST(sla::load_string("a.sla", text, options).ok());
  options.limits.max_nesting = 1;
  const auto& d = only(sla::load_string("a.sla", text, options));
  BOOST_TEST(d.code == "SLA007");
  BOOST_TEST(d.message == "escalation block nested 2 deep (the limit is 1)");
  BOOST_TEST(d.location.line == 8u);
  BOOST_TEST(d.location.column == 2u);  // at 'escalation'

  // The grammar does not recurse: braces nested 200,000 deep are one error, at once.
  const std::string deep = "package p \"P\" { escalation { " + std::string(200000, '{') +
                           std::string(200000, '}') + " } }\n";
  const auto start = std::chrono::steady_clock::now();
  const LoadResult r = sla::load_string("deep.sla", deep);
  BOOST_TEST(seconds_since(start) < 5.0);
  BOOST_REQUIRE(!r.diagnostics.empty());
  BOOST_TEST(r.diagnostics.front().code == "SLA002");
}

BOOST_AUTO_TEST_CASE(errors_per_file_and_in_the_checker) {
  LoadOptions options;
  options.limits.max_errors = 10;
  std::string noisy;
  for (int i = 0; i < 10; ++i) noisy += "nonsense\n";
  BOOST_TEST(codes(sla::load_string("a.sla", noisy, options)).find("SLA006") == std::string::npos);
  noisy += "nonsense\n";
  const LoadResult parse = sla::load_string("a.sla", noisy, options);
  BOOST_TEST(parse.diagnostics.size() == 11u);
  BOOST_TEST(parse.diagnostics.back().code == "SLA006");

  // The checker stops saying it after as many errors: 3,000 unknown calendars
  // among 3,000 names cost 50 diagnostics, not 3,000 searches for a suggestion.
  std::string unknown = contract();
  for (int i = 0; i < 3000; ++i)
    unknown += "calendar c" + std::to_string(i) + " { zone \"UTC\"\n open always }\n";
  for (int i = 0; i < 3000; ++i)
    unknown +=
        "package p" + std::to_string(i) + " \"P\" { calendar cx" + std::to_string(i) + " }\n";
  const auto start = std::chrono::steady_clock::now();
  const LoadResult checked = sla::load_string("b.sla", unknown);
  BOOST_TEST(seconds_since(start) < 5.0);
  BOOST_TEST(checked.diagnostics.size() == 51u);
  BOOST_TEST(checked.diagnostics.front().code == "SLA021");
  BOOST_TEST(checked.diagnostics.back().code == "SLA006");
  BOOST_TEST(checked.diagnostics.back().message == "too many errors; stopped after 50");
}

BOOST_AUTO_TEST_CASE(import_depth_and_file_count) {
  Folder f;
  // a0 imports a1 imports a2 ... a5.
  for (int i = 0; i < 5; ++i)
    f.write("root/a" + std::to_string(i) + ".sla",
            "import \"a" + std::to_string(i + 1) + ".sla\"\n");
  f.write("root/a5.sla", "");
  const std::string root = f.write("root/main.sla", "import \"a0.sla\"\n" + contract());
  LoadOptions options;
  options.limits.max_import_depth = 7;  // main, a0 ... a5: the sixth import is 7 deep
  BOOST_TEST(sla::load_file(root, options).ok());
  options.limits.max_import_depth = 6;
  const auto& d = only(sla::load_file(root, options));
  BOOST_TEST(d.code == "SLA012");
  BOOST_TEST(d.location.file == f / "root/a4.sla");

  options = {};
  options.limits.max_files = 7;
  BOOST_TEST(sla::load_file(root, options).ok());
  options.limits.max_files = 6;
  BOOST_TEST(only(sla::load_file(root, options)).code == "SLA005");
}

namespace {

// A chain of packages: p0 has the calendar, p1 extends p0, ... ; `reverse`
// declares the children first.
std::string chain(int packages, bool reverse, const std::string& note = {}) {
  std::vector<std::string> items;
  for (int i = 1; i < packages; ++i)
    items.push_back("package p" + std::to_string(i) + " \"P\" extends p" + std::to_string(i - 1) +
                    " { " + note + " }\n");
  if (reverse) std::reverse(items.begin(), items.end());
  std::string text = contract("package p0 \"P\" { calendar office }\n");
  for (const auto& item : items) text += item;
  return text;
}

}  // namespace

BOOST_AUTO_TEST_CASE(extends_chains) {
  for (bool reverse : {false, true}) {
    BOOST_TEST(sla::load_string("a.sla", chain(33, reverse)).ok());  // p32 has 32 parents
    const LoadResult r = sla::load_string("a.sla", chain(34, reverse));
    const auto& d = only(r);
    BOOST_TEST(d.code == "SLA038");
    BOOST_TEST(d.message == "package 'p33' has a chain of 33 parents; the limit is 32");
    BOOST_TEST(contains(d.hint, "Limits::max_extends_depth"));

    // 3,000 packages, each inheriting the notes of all its parents: one
    // diagnostic, and no quadratic flattening.
    const auto start = std::chrono::steady_clock::now();
    const LoadResult long_chain =
        sla::load_string("b.sla", chain(3000, reverse, "note \"inherited by every child\""));
    BOOST_TEST(seconds_since(start) < 5.0);
    BOOST_TEST(codes(long_chain) == "SLA038");
  }
  // Calendars too.
  std::string calendars = contract("calendar k0 { zone \"UTC\"\n open always }\n");
  for (int i = 1; i <= 33; ++i)
    calendars += "calendar k" + std::to_string(i) + " extends k" + std::to_string(i - 1) + " { }\n";
  const auto& d = only(sla::load_string("c.sla", calendars));
  BOOST_TEST(d.code == "SLA038");
  BOOST_TEST(contains(d.message, "calendar 'k33'"));
}

BOOST_AUTO_TEST_CASE(items_after_inheritance) {
  // A parent with 1,000 notes and children that inherit them: the budget counts
  // what the flattened contract holds.
  std::string text = contract("package fat \"F\" { calendar office\n");
  for (int i = 0; i < 1000; ++i) text += " note \"n" + std::to_string(i) + "\"\n";
  text += "}\n";
  for (int i = 0; i < 10; ++i)
    text += "package kid" + std::to_string(i) + " \"K\" extends fat { }\n";

  LoadOptions options;
  std::size_t lo = 1, hi = 100000;  // the least budget that takes it
  while (lo < hi) {
    const std::size_t mid = (lo + hi) / 2;
    options.limits.max_items = mid;
    if (sla::load_string("a.sla", text, options).ok())
      hi = mid;
    else
      lo = mid + 1;
  }
  BOOST_TEST_MESSAGE("the least max_items: " << lo);
  BOOST_TEST(lo > 11 * 1000u);  // the parent and ten copies of its notes
  BOOST_TEST(lo < 11 * 1100u);
  options.limits.max_items = lo - 1;
  const auto& d = only(sla::load_string("a.sla", text, options));
  BOOST_TEST(d.code == "SLA005");
  BOOST_TEST(contains(d.message, "clauses"));
  BOOST_TEST(contains(d.hint, "Limits::max_items"));

  // Huge: 'respond to all' over 100 priorities, 5,000 times; and 10,000 notes
  // inherited by 100 children. Refused at once, without building them.
  std::string priorities = "priorities {\n";
  for (int i = 0; i < 100; ++i) priorities += " P" + std::to_string(i) + " \"p\"\n";
  std::string all = priorities + "}\ncalendar office { zone \"UTC\"\n open always }\n" +
                    "package p \"P\" { calendar office\n";
  for (int i = 0; i < 5000; ++i) all += " respond to all within 4 hours\n";
  all += "}\n";
  std::string fan = contract("package fat \"F\" { calendar office\n");
  for (int i = 0; i < 10000; ++i) fan += " note \"n" + std::to_string(i) + "\"\n";
  fan += "}\n";
  for (int i = 0; i < 100; ++i)
    fan += "package kid" + std::to_string(i) + " \"K\" extends fat { }\n";
  for (const auto& huge : {all, fan}) {
    const auto start = std::chrono::steady_clock::now();
    const LoadResult r = sla::load_string("huge.sla", huge);
    BOOST_TEST(seconds_since(start) < 5.0);
    BOOST_TEST(codes(r) == "SLA005");
  }
}

BOOST_AUTO_TEST_CASE(many_one_line_addons_are_charged_what_they_hold) {
  // Each add-on is checked on the package it requires: that costs the package and
  // the add-on, not the whole list of add-ons (which made 220 of them too many).
  std::string text = contract();
  for (int i = 0; i < 2000; ++i)
    text += "addon a" + std::to_string(i) + " \"A\" { requires basic; price IDR " +
            std::to_string(i + 1) + " million per year }\n";
  auto start = std::chrono::steady_clock::now();
  const LoadResult r = sla::load_string("a.sla", text);
  BOOST_TEST(r.ok(), codes(r));
  BOOST_TEST(seconds_since(start) < 5.0);
  BOOST_REQUIRE(r.model);
  BOOST_TEST(r.model->addons.size() == 2000u);

  // Hostile still: 2,000 add-ons on a package of 10,000 notes would copy the notes
  // 2,000 times. Refused, and at once.
  std::string fat = contract("package fat \"F\" { calendar office\n");
  for (int i = 0; i < 10000; ++i) fat += " note \"n" + std::to_string(i) + "\"\n";
  fat += "}\n";
  for (int i = 0; i < 2000; ++i) fat += "addon a" + std::to_string(i) + " \"A\" { requires fat }\n";
  start = std::chrono::steady_clock::now();
  const LoadResult hostile = sla::load_string("b.sla", fat);
  BOOST_TEST(seconds_since(start) < 5.0);
  BOOST_TEST(codes(hostile) == "SLA005");
}

namespace {

// One-minute openings at the top of the first `count` hours: "00:00-00:01, 01:00-01:01".
std::string openings(int count) {
  std::string ranges;
  for (int h = 0; h < count; ++h) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%s%02d:00-%02d:01", h ? ", " : "", h, h);
    ranges += buffer;
  }
  return ranges;
}

// A calendar with 9 openings on Monday to Saturday and 9 + `more_on_sunday` on
// Sunday: 64 a week with 10 on Sunday. Open 64 minutes a week at most, a
// century of business time needs thousands of years.
std::string sparse_calendar(int more_on_sunday) {
  return "priorities { Low \"l\" }\ncalendar sparse { zone \"Europe/Berlin\"\n"
         " open Mon-Sat " +
         openings(9) + "\n open Sun " + openings(9 + more_on_sunday) +
         "\n business day is 24 hours }\n"
         "package p \"P\" { calendar sparse\n respond to all within 36525 business days\n"
         " escalation { from 0 business hours escalate to \"A\"\n"
         "  from 36525 business days escalate to \"B\" } }\n";
}

}  // namespace

BOOST_AUTO_TEST_CASE(weekly_intervals_and_priorities) {
  BOOST_TEST(sla::load_string("a.sla", sparse_calendar(1)).ok());  // 64
  const auto& d = only(sla::load_string("a.sla", sparse_calendar(2)));
  BOOST_TEST(d.code == "SLA005");
  BOOST_TEST(d.message == "calendar 'sparse' opens 65 times a week; the limit is 64");
  BOOST_TEST(contains(d.hint, "Limits::max_weekly_intervals"));

  std::string priorities = "priorities {\n";
  for (int i = 0; i < 100; ++i) priorities += " P" + std::to_string(i) + " \"p\"\n";
  BOOST_TEST(sla::load_string("p.sla", priorities + "}\n").ok());
  const auto& p = only(sla::load_string("p.sla", priorities + " P100 \"p\"\n}\n"));
  BOOST_TEST(p.code == "SLA005");
  BOOST_TEST(p.message == "more than 100 priorities (the limit)");
}

BOOST_AUTO_TEST_CASE(a_century_of_business_time_under_the_sparsest_calendar_is_cheap) {
  // The most openings a week the default allows, the longest target, and a ticket
  // that spans the supported years: the evaluation compiles every year's table.
  const LoadResult r = sla::load_string("sparse.sla", sparse_calendar(1));
  BOOST_REQUIRE_MESSAGE(r.ok(), codes(r));
  auto made = sla::Evaluator::make(r.model, "p");
  BOOST_REQUIRE(made.evaluator);
  const auto raised = sla::Instant{date::sys_days{date::year{1901} / 6 / 1}};
  const auto as_of = sla::Instant{date::sys_days{date::year{2398} / 6 / 1}};
  const auto start = std::chrono::steady_clock::now();
  const sla::Evaluation e =
      made.evaluator->evaluate(sla::Ticket{.priority = "low", .created = raised}, as_of);
  const double first = seconds_since(start);
  BOOST_TEST_MESSAGE("the first evaluation took " << first << " s");
  BOOST_TEST(e.ok());
  BOOST_TEST(sla::name(e.response.verdict) == "pending");  // never due within the years
  BOOST_REQUIRE(e.escalation);
  BOOST_TEST(e.escalation->role == "A");
  BOOST_TEST(first < 20.0);  // 0.6 s in a release build; sanitizers are slower
  // The tables are kept: the next ticket is a few binary searches.
  const auto again = std::chrono::steady_clock::now();
  for (int i = 0; i < 1000; ++i)
    (void)made.evaluator->evaluate(sla::Ticket{.priority = "Low", .created = raised}, as_of);
  BOOST_TEST(seconds_since(again) < 2.0);
}

BOOST_AUTO_TEST_CASE(the_qiscus_contract_uses_a_small_part_of_each_limit) {
  const std::string path = std::string(SLA_SOURCE_DIR) + "/contracts/qiscus-enterprise.sla";
  BOOST_REQUIRE(sla::load_file(path).ok());
  // The least value of each limit that still takes it is at most a quarter of the default.
  const sla::Limits defaults;
  std::vector<std::pair<std::string, std::size_t sla::Limits::*>> fields{
      {"max_file_bytes", &sla::Limits::max_file_bytes},
      {"max_total_bytes", &sla::Limits::max_total_bytes},
      {"max_statements", &sla::Limits::max_statements},
      {"max_import_depth", &sla::Limits::max_import_depth},
      {"max_files", &sla::Limits::max_files},
      {"max_extends_depth", &sla::Limits::max_extends_depth},
      {"max_items", &sla::Limits::max_items},
      {"max_priorities", &sla::Limits::max_priorities},
      {"max_nesting", &sla::Limits::max_nesting},
      {"max_weekly_intervals", &sla::Limits::max_weekly_intervals},
  };
  for (const auto& [name, field] : fields) {
    LoadOptions options;
    std::size_t lo = 0, hi = defaults.*field;
    while (lo < hi) {
      const std::size_t mid = lo + (hi - lo) / 2;
      options.limits.*field = mid;
      if (sla::load_file(path, options).ok())
        hi = mid;
      else
        lo = mid + 1;
    }
    BOOST_TEST_MESSAGE(name << ": " << lo << " of " << defaults.*field);
    BOOST_TEST(lo <= defaults.*field / 4, name << " needs " << lo << " of " << defaults.*field);
  }
}
