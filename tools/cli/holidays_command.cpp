// sla holidays import|list|show: holiday sets as data. `import` turns a calendar
// program's export (iCalendar) or a spreadsheet's (CSV) into a .sla holiday set;
// `list` and `show` tell what the stdlib ships under std/holidays/.
#include <fmt/format.h>
#include <algorithm>
#include <array>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <set>

#include <date/date.h>

#include "interpreter/check/stdlib_hint.hpp"
#include "interpreter/time/timestamp.hpp"
#include "sla/load.hpp"
#include "stdlib/stdlib.hpp"
#include "tools/cli/commands.hpp"
#include "tools/console/arguments.hpp"
#include "tools/console/file_output.hpp"
#include "tools/console/input_file.hpp"
#include "tools/console/json_text.hpp"
#include "tools/console/output.hpp"
#include "tools/console/streams.hpp"
#include "tools/holidays/holiday_catalogue.hpp"
#include "tools/holidays/holiday_csv_reader.hpp"
#include "tools/holidays/holiday_set_text.hpp"
#include "tools/holidays/ics_outline.hpp"
#include "tools/holidays/ics_reader.hpp"
#include "tools/holidays/utf16.hpp"
#include "tools/holidays/zone_name.hpp"

namespace sla::cli {

namespace {

// A .sla file holds at most 20,000 statements (docs/language.md).
constexpr std::size_t kMostDates = 19'990;
// A calendar export larger than this is not a holiday calendar.
constexpr std::size_t kMostBytes = 64u << 20;

struct ImportOptions {
  std::string file, name, years, title, output, zone;
};
struct ListOptions {
  std::string format = "text";
};
struct ShowOptions {
  std::string set, set_name, format = "text";
  int year = 0;
};

// The whole input, or why not.
std::optional<std::string> read_all(const std::string& path, std::string& error) {
  InputFile in;
  if (!in.open(path, error)) return std::nullopt;
  std::string text;
  char buffer[1 << 16];
  for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, in.stream())) > 0;) {
    text.append(buffer, n);
    if (text.size() > kMostBytes) {
      error = fmt::format("'{}' is larger than {} MiB: not a holiday calendar", input_name(path),
                          kMostBytes >> 20);
      return std::nullopt;
    }
  }
  if (std::ferror(in.stream())) {
    error = fmt::format("cannot read '{}'", input_name(path));
    return std::nullopt;
  }
  return text;
}

std::string where(const std::string& file, std::size_t line) {
  return line ? fmt::format("{}:{}", input_name(file), line) : input_name(file);
}

// "2027-2030 have no dates in this file; ...", for the years of `covers` that no
// entry falls in, or "" when each has one.
std::string years_without_dates(const YearRange& covers, const std::vector<HolidayEntry>& entries) {
  std::set<int> found;
  for (const auto& e : entries) found.insert(static_cast<int>(e.day.year()));
  std::vector<std::string> runs;
  std::size_t count = 0;
  for (int y = covers.first; y <= covers.last; ++y) {
    if (found.count(y)) continue;
    int last = y;
    while (last < covers.last && !found.count(last + 1)) ++last;
    runs.push_back(last == y ? fmt::format("{}", y) : fmt::format("{}-{}", y, last));
    count += static_cast<std::size_t>(last - y + 1);
    y = last;
  }
  if (runs.empty()) return {};
  std::string list = runs.back();
  if (runs.size() > 1)
    list = fmt::format("{} and {}", fmt::join(runs.begin(), runs.end() - 1, ", "), runs.back());
  return fmt::format("{} {} no dates in this file; the set says it covers {}", list,
                     count == 1 ? "has" : "have", count == 1 ? "it" : "them");
}

int import_holidays(const ImportOptions& o) {
  constexpr std::string_view command = "holidays import";
  if (!is_set_name(o.name))
    return argument_error(command,
                          fmt::format("--name '{}': a set's name starts with a letter or '_' and "
                                      "goes on with letters, digits and '_' (such as "
                                      "acme_holidays)",
                                      o.name));
  // A name the grammar takes for something else (a keyword) says so here, not later.
  if (LoadResult probe = load_string("--name", fmt::format("holidays {} {{ }}\n", o.name),
                                     LoadOptions{ImportPolicy::stdlib_only(), {}});
      !probe.ok())
    return argument_error(
        command, fmt::format("--name '{}' cannot name a holiday set: {}", o.name,
                             probe.diagnostics.empty() ? "" : probe.diagnostics[0].message));
  std::optional<YearRange> years;
  // One spelling of a range, the one of --years everywhere: "2026-2028" (as `sla
  // holidays list` shows years) is refused with the spelling it meant, since a
  // reader of the command line cannot tell it from a date or a subtraction.
  if (!o.years.empty() && !(years = parse_year_range(o.years))) {
    const std::string meant = year_range_suggestion(o.years);
    return argument_error(
        command, meant.empty() ? fmt::format("--years '{}': expected A..B such as "
                                             "2026..2030, or one year, from 1900 to 2399",
                                             o.years)
                               : fmt::format("--years '{}': did you mean {}?", o.years, meant));
  }
  std::optional<Zone> zone;
  if (!o.zone.empty() && !(zone = zone_named(o.zone)))
    return argument_error(command,
                          fmt::format("--zone '{}': not a time zone (an IANA name such as "
                                      "Europe/Berlin, UTC, or an offset such as UTC+07:00)",
                                      o.zone));
  if (auto why = output_is_input("--output", o.output, {{"the calendar file", o.file}});
      !why.empty())
    return usage_error(command, why);
  std::string error;
  const auto text = read_all(o.file, error);
  if (!text) return usage_error(command, error);
  if (is_utf16(*text)) {
    fmt::print(standard_error(), "sla {}: {}: is UTF-16; save it as UTF-8; nothing written\n",
               command, input_name(o.file));
    return static_cast<int>(Exit::failed);
  }

  // iCalendar or CSV: by the extension, else by what the file starts with.
  const std::string ext = extension_of(o.file);
  bool csv = ext == ".csv";
  if (!csv && ext != ".ics" && ext != ".ical" && ext != ".icalendar" && !looks_like_ics(*text)) {
    if (!looks_like_holiday_csv(*text)) {
      fmt::print(standard_error(),
                 "sla {}: {}: not an iCalendar file (it does not start with BEGIN:VCALENDAR), "
                 "nor a CSV file of date,name rows\n",
                 command, input_name(o.file));
      return static_cast<int>(Exit::failed);
    }
    csv = true;
  }
  IcsOptions ics;
  ics.years = years;
  ics.zone = zone;
  ics.this_year = static_cast<int>(
      date::year_month_day{std::chrono::floor<date::days>(std::chrono::system_clock::now())}
          .year());
  ImportedHolidays imported = csv ? read_holiday_csv(*text) : read_ics(*text, ics);
  // At most ten notes: a personal calendar full of meetings would bury the rest.
  const std::size_t shown = std::min<std::size_t>(imported.notes.size(), 10);
  for (std::size_t i = 0; i < shown; ++i)
    fmt::print(standard_error(), "sla {}: {}: note: {}\n", command,
               where(o.file, imported.notes[i].line), imported.notes[i].message);
  if (imported.notes.size() > shown)
    fmt::print(standard_error(), "sla {}: {} more notes like these\n", command,
               imported.notes.size() - shown);
  if (imported.error && imported.more_errors.empty()) {
    fmt::print(standard_error(), "sla {}: {}: {}; nothing written\n", command,
               where(o.file, imported.error->line), imported.error->message);
    return static_cast<int>(Exit::failed);
  }
  if (imported.error) {
    fmt::print(standard_error(), "sla {}: {}: {}\n", command, where(o.file, imported.error->line),
               imported.error->message);
    for (const auto& e : imported.more_errors)
      fmt::print(standard_error(), "sla {}: {}: {}\n", command, where(o.file, e.line), e.message);
    const std::size_t all = 1 + imported.more_errors.size() + imported.errors_not_kept;
    fmt::print(standard_error(), "sla {}: {}: {} errors{}; nothing written\n", command,
               input_name(o.file), all,
               imported.errors_not_kept
                   ? fmt::format(", {} more not shown", imported.errors_not_kept)
                   : "");
    return static_cast<int>(Exit::failed);
  }
  if (years)
    std::erase_if(imported.days, [&](const ImportedDay& d) {
      return !years->contains(static_cast<int>(d.day.year()));
    });
  const auto entries = merge_holidays(imported.days);
  if (entries.empty()) {
    fmt::print(standard_error(), "sla {}: {}: no holiday dates{}; nothing written\n", command,
               input_name(o.file),
               years ? fmt::format(" in {} to {}", years->first, years->last) : "");
    return static_cast<int>(Exit::failed);
  }
  if (entries.size() > kMostDates) {
    fmt::print(standard_error(),
               "sla {}: {}: {} dates, more than a .sla file holds (20,000 statements); choose "
               "fewer years with --years; nothing written\n",
               command, input_name(o.file), entries.size());
    return static_cast<int>(Exit::failed);
  }

  HolidaySetText set;
  set.name = o.name;
  set.origin = o.file == "-" ? "standard input" : std::filesystem::path(o.file).filename().string();
  set.title = !o.title.empty()                  ? o.title
              : !imported.calendar_name.empty() ? imported.calendar_name
                                                : fmt::format("Holidays from {}", set.origin);
  set.version = std::string(version());
  set.covers = years ? *years
                     : YearRange{static_cast<int>(entries.front().day.year()),
                                 static_cast<int>(entries.back().day.year())};
  // A covered year without a date reads as a year without holidays; the user may
  // mean that (a new company's first year), or have asked for years the file
  // does not hold: said either way, never refused.
  if (const std::string empty = years_without_dates(set.covers, entries); !empty.empty())
    fmt::print(standard_error(), "sla {}: {}: note: {}\n", command, input_name(o.file), empty);
  const std::string out = holiday_set_text(set, entries);

  // What is written must load as it is: check it as a contract importing it would.
  const std::string name = o.output.empty() || o.output == "-" ? "<output>" : o.output;
  LoadResult check = load_string(name, out, LoadOptions{ImportPolicy::stdlib_only(), {}});
  if (!check.ok() || check.model->holiday_sets.size() != 1 ||
      check.model->holiday_sets.front().days.size() != entries.size()) {
    print_diagnostics(check.diagnostics);
    fmt::print(standard_error(),
               "sla {}: the holiday set made from {} does not load as it should (a bug in sla: "
               "please report it with the file); nothing written\n",
               command, input_name(o.file));
    return static_cast<int>(Exit::failed);
  }
  if (o.output.empty() || o.output == "-") {
    fmt::print(standard_output(), "{}", out);
    return static_cast<int>(Exit::ok);
  }
  if (auto why = write_file(o.output, out); !why.empty()) return usage_error(command, why);
  fmt::print(standard_error(), "sla {}: wrote {} {} ({} to {}) as the set {} to {}\n", command,
             entries.size(), entries.size() == 1 ? "date" : "dates", set.covers.first,
             set.covers.last, o.name, o.output);
  return static_cast<int>(Exit::ok);
}

// "an iCalendar" or "a CSV" when `path` holds such a file rather than .sla, by
// what it starts with; "" otherwise, and always for a .sla name (a comment on its
// first line may read like a CSV header) and for a pipe (what is read here would
// be gone for the loader).
std::string calendar_file_kind(const std::string& path) {
  std::error_code ec;
  if (extension_of(path) == ".sla" || !std::filesystem::is_regular_file(path, ec)) return {};
  std::ifstream in(path, std::ios::binary);
  std::string head(4096, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  if (looks_like_ics(head)) return "an iCalendar";
  if (looks_like_holiday_csv(head)) return "a CSV";
  return {};
}

std::string years_text(const HolidaySet& set) {
  return set.first_year ? fmt::format("{}-{}", set.first_year, set.last_year) : "-";
}

std::size_t tentative_days(const HolidaySet& set) {
  return static_cast<std::size_t>(std::count_if(set.days.begin(), set.days.end(),
                                                [](const Holiday& h) { return h.tentative; }));
}

int list_holidays(const ListOptions& o) {
  const HolidayCatalogue catalogue = holiday_catalogue();
  for (const auto& failure : catalogue.failures)
    fmt::print(standard_error(), "sla holidays list: {}\n", failure);
  if (o.format == "json") {
    auto sets = nlohmann::ordered_json::array();
    for (const auto& [module, set] : catalogue.sets)
      sets.push_back({{"name", module},
                      {"set", set.id},
                      {"title", set.title},
                      {"first_year", set.first_year ? nlohmann::ordered_json(set.first_year)
                                                    : nlohmann::ordered_json()},
                      {"last_year", set.first_year ? nlohmann::ordered_json(set.last_year)
                                                   : nlohmann::ordered_json()},
                      {"source", set.source},
                      {"days", set.days.size()},
                      {"tentative", tentative_days(set)}});
    fmt::print(standard_output(), "{}\n", json_text(nlohmann::ordered_json{{"sets", sets}}));
  } else {
    std::vector<std::array<std::string, 6>> rows{
        {"MODULE", "SET", "YEARS", "DAYS", "TENTATIVE", "TITLE"}};
    for (const auto& [module, set] : catalogue.sets)
      rows.push_back({module, set.id, years_text(set), fmt::format("{}", set.days.size()),
                      fmt::format("{}", tentative_days(set)), set.title});
    std::array<std::size_t, 6> width{};
    for (const auto& row : rows)
      for (std::size_t i = 0; i < row.size(); ++i) width[i] = std::max(width[i], row[i].size());
    for (const auto& row : rows)
      fmt::print(standard_output(), "{:<{}}  {:<{}}  {:<{}}  {:>{}}  {:>{}}  {}\n", row[0],
                 width[0], row[1], width[1], row[2], width[2], row[3], width[3], row[4], width[4],
                 row[5]);
  }
  return static_cast<int>(catalogue.failures.empty() ? Exit::ok : Exit::failed);
}

int show_holidays(ShowOptions o) {
  constexpr std::string_view command = "holidays show";
  // "de/by" is short for std/holidays/de/by, unless a file of that name is there
  // (a folder of that name is no .sla file: `id/` beside the contracts).
  std::error_code ec;
  if (!o.set.starts_with("std/") && !std::filesystem::is_regular_file(o.set, ec) &&
      stdlib_module("std/holidays/" + o.set))
    o.set = "std/holidays/" + o.set;
  std::vector<HolidaySet> sets;
  std::string module;
  const bool is_module = o.set.starts_with("std/");
  const auto modules = holiday_modules();
  if (is_module && std::find(modules.begin(), modules.end(), o.set) != modules.end()) {
    ModuleSets m = module_sets(o.set);
    if (!m.error.empty()) {
      fmt::print(standard_error(), "sla {}: {}: {}\n", command, o.set, m.error);
      return static_cast<int>(Exit::failed);
    }
    sets = std::move(m.sets);
    module = o.set;
  } else if (!is_module && unreadable(o.set).empty()) {
    // A calendar file is what `import` reads; loaded as .sla it is a page of errors.
    if (const std::string kind = calendar_file_kind(o.set); !kind.empty())
      return usage_error(command, fmt::format("{} is {} file, not a .sla file: make a set of it "
                                              "with `sla holidays import {} --name NAME`",
                                              o.set, kind, o.set));
    LoadResult r = load_file(o.set);
    print_diagnostics(r.diagnostics);
    if (!r.ok()) return static_cast<int>(Exit::failed);
    for (const HolidaySet* set : sets_defined_in(*r.model, r.model->files.front()))
      sets.push_back(*set);
    if (sets.empty()) return usage_error(command, fmt::format("{} defines no holiday set", o.set));
  } else {
    const auto near = nearest_stdlib_modules(o.set, 5);
    return usage_error(
        command,
        fmt::format("no holiday module or file '{}'{}; 'sla holidays list' lists the stdlib's "
                    "holiday sets",
                    o.set,
                    near.empty() ? "" : fmt::format(" (did you mean {}?)", fmt::join(near, ", "))));
  }

  // --set chooses one; without it, every set of the module or file is shown.
  std::vector<const HolidaySet*> shown;
  std::vector<std::string> ids;
  for (const auto& s : sets) ids.push_back(s.id);
  for (const auto& s : sets)
    if (o.set_name.empty() || s.id == o.set_name) shown.push_back(&s);
  if (shown.empty())
    return argument_error(command,
                          fmt::format("--set '{}': {} has the {} {}", o.set_name, o.set,
                                      ids.size() == 1 ? "set" : "sets", fmt::join(ids, ", ")));
  const std::string where = module.empty() ? o.set : module;
  auto covers = [&](const HolidaySet* s) {
    return !s->first_year || (s->first_year <= o.year && o.year <= s->last_year);
  };
  if (std::none_of(shown.begin(), shown.end(), covers)) {
    std::vector<std::string> years;
    for (const HolidaySet* s : shown)
      years.push_back(
          fmt::format("{} covers the years {} to {}", s->id, s->first_year, s->last_year));
    return argument_error(
        command, fmt::format("--year {}: in {}, {} only", o.year, where, fmt::join(years, "; ")));
  }

  struct Day {
    const Holiday* holiday;
    const HolidaySet* set;
  };
  std::vector<Day> days;
  const std::string prefix = fmt::format("{}-", o.year);
  for (const HolidaySet* s : shown)
    for (const auto& h : s->days)
      if (h.date.starts_with(prefix)) days.push_back({&h, s});
  std::stable_sort(days.begin(), days.end(),
                   [](const Day& a, const Day& b) { return a.holiday->date < b.holiday->date; });
  // The checker has validated the date.
  auto weekday = [](const std::string& text) {
    return date::format("%a", date::weekday{date::sys_days{*parse_date(text)}});
  };
  const bool one = shown.size() == 1;
  if (o.format == "json") {
    auto dates = nlohmann::ordered_json::array();
    for (const auto& [h, s] : days) {
      nlohmann::ordered_json d{{"date", h->date},
                               {"weekday", weekday(h->date)},
                               {"name", h->name},
                               {"tentative", h->tentative}};
      if (!h->hours.empty()) d["hours"] = h->hours;
      if (!one) d["set"] = s->id;
      dates.push_back(std::move(d));
    }
    // One set: its name and title; several: "set" and "title" are null and "sets"
    // names them, each date saying its own.
    nlohmann::ordered_json j;
    j["set"] = one ? nlohmann::ordered_json(shown.front()->id) : nlohmann::ordered_json();
    j["module"] = module.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(module);
    if (module.empty()) j["file"] = o.set;
    j["title"] = one ? nlohmann::ordered_json(shown.front()->title) : nlohmann::ordered_json();
    if (!one) {
      auto names = nlohmann::ordered_json::array();
      for (const HolidaySet* s : shown) names.push_back(s->id);
      j["sets"] = std::move(names);
    }
    j["year"] = o.year;
    j["dates"] = std::move(dates);
    fmt::print(standard_output(), "{}\n", json_text(j));
    return static_cast<int>(Exit::ok);
  }
  for (const HolidaySet* s : shown)
    fmt::print(standard_output(), "{} \"{}\" ({}){}\n", s->id, s->title, where,
               covers(s) ? "" : fmt::format(": covers {} to {} only", s->first_year, s->last_year));
  fmt::print(standard_output(), "{}: {} {}\n", o.year, days.size(),
             days.size() == 1 ? "date" : "dates");
  for (const auto& [h, s] : days)
    fmt::print(standard_output(), "{}  {}  {}{}{}{}\n", h->date, weekday(h->date), h->name,
               h->hours.empty() ? "" : fmt::format("  (open {})", fmt::join(h->hours, ", ")),
               h->tentative ? "  (tentative)" : "", one ? "" : fmt::format("  [{}]", s->id));
  return static_cast<int>(Exit::ok);
}

}  // namespace

Command holidays_command(CLI::App& sla) {
  auto io = std::make_shared<ImportOptions>();
  auto lo = std::make_shared<ListOptions>();
  auto so = std::make_shared<ShowOptions>();
  CLI::App* app =
      sla.add_subcommand("holidays",
                         "Holiday sets as data: import one from a calendar file, list and show the "
                         "stdlib's");
  app->require_subcommand(1);
  app->footer(
      "Examples:\n"
      "  sla holidays import company.ics --name acme_company --years 2026..2028 -o acme.sla\n"
      "  sla holidays list\n"
      "  sla holidays show std/holidays/id --year 2026\n"
      "Exit codes: 0 ok; 1 the input is broken or a stdlib set does not load; 2 usage error.");

  CLI::App* import = app->add_subcommand(
      "import", "Make a .sla holiday set from an iCalendar (.ics) or CSV (date,name) file");
  import->add_option("file", io->file, "The calendar file (.ics or .csv), or - for standard input")
      ->required();
  import->add_option("--name", io->name, "The set's name in .sla (such as acme_company)")
      ->required();
  import->add_option("--years", io->years,
                     "Keep the dates of these years, A..B (2026..2028) or one year; the set "
                     "covers them (default: the first to the last year found)");
  import->add_option("--title", io->title,
                     "The set's title (default: the calendar's name, X-WR-CALNAME)");
  import->add_option("--zone", io->zone,
                     "The zone whose dates UTC times fall on (default: the calendar's "
                     "X-WR-TIMEZONE, else UTC); times with a TZID keep their own");
  import->add_option("-o,--output", io->output,
                     "Write the set to FILE (.sla) instead of standard output (replaced in one "
                     "step, never the calendar file; - is standard output)");
  import->footer(
      "Examples:\n"
      "  sla holidays import company.ics --name acme_company -o acme-holidays.sla\n"
      "  sla holidays import google-export.ics --name team_leave --years 2026..2027 --zone "
      "Europe/Berlin\n"
      "  sla holidays import closures.csv --name acme_closures --title \"Acme closing days\"\n"
      "Then in a contract: import \"acme-holidays.sla\" and closed on holidays acme_company.\n"
      "What is read: all-day events close their dates (DTEND exclusive); a timed event closes\n"
      "the local days it covers whole, and one shorter than a day is left out with a note.\n"
      "Recurrences (RRULE with COUNT or UNTIL, RDATE, EXDATE, moved occurrences) are expanded;\n"
      "one without an end runs through --years, else five years past this one. Cancelled\n"
      "events are left out. Two events on one date are one entry, their names joined \" / \".\n"
      "CSV: date,name rows (YYYY-MM-DD), with or without a header row; fields separated\n"
      "by commas (not semicolons); every bad row is reported at its line. UTF-8 only.\n"
      "Notes concern the years kept, and say which covered years have no date.\n"
      "The set is checked as a contract would load it before anything is written.\n"
      "Exit codes: 0 written; 1 the file is broken (the error names its line), nothing\n"
      "written; 2 usage error (bad or empty --name, --years, --title or --zone, unreadable\n"
      "file, an output that is the input).");

  CLI::App* list =
      app->add_subcommand("list", "The holiday sets shipped in the stdlib (std/holidays/...)");
  list->add_option("--format", lo->format, "Output: text (a table) or json")
      ->check(CLI::IsMember({"text", "json"}));
  list->footer(
      "Each set: its module (what a contract imports), its name (what closed on holidays\n"
      "names), the years it covers, its number of dates and of tentative ones (a date the\n"
      "source says may still move), its title. JSON: {\"sets\": [{\"name\": module, \"set\",\n"
      "\"title\", \"first_year\", \"last_year\", \"source\", \"days\", \"tentative\"}, ...]}.\n"
      "Example:\n"
      "  sla holidays list --format json\n"
      "Exit codes: 0 ok; 1 a module does not load (named on stderr).");

  CLI::App* show = app->add_subcommand("show", "The dates of one holiday set in one year");
  show->add_option("set", so->set, "A stdlib module (std/holidays/de/by) or a .sla file")
      ->required();
  show->add_option("--year", so->year, "The year to show")->required();
  show->add_option("--set", so->set_name,
                   "Only this set, when the module or file holds several (default: all)");
  show->add_option("--format", so->format, "Output: text or json")
      ->check(CLI::IsMember({"text", "json"}));
  show->footer(
      "Examples:\n"
      "  sla holidays show std/holidays/id --year 2026\n"
      "  sla holidays show acme-holidays.sla --year 2027 --format json\n"
      "Each date with its weekday and name; special hours and tentative dates are marked.\n"
      "A module or file of several sets shows them all, each date with its set, or the one\n"
      "--set names.\n"
      "JSON: {\"set\", \"module\", \"title\", \"year\", \"dates\": [{\"date\", \"weekday\", "
      "\"name\",\n\"tentative\"}, ...]}.\n"
      "Exit codes: 0 ok; 1 the file or module has errors; 2 usage error (an unknown module,\n"
      "with the nearest ones; a year the set does not cover; an iCalendar or CSV file,\n"
      "which sla holidays import makes a set of).");

  return {app, [io, lo, so, import, list, show] {
            if (import->parsed()) {
              // An empty value is a usage error (docs/cli.md, Conventions): only a
              // flag left out means its default.
              const std::pair<const char*, const std::string*> values[] = {
                  {"--years", &io->years}, {"--title", &io->title}, {"--zone", &io->zone}};
              for (const auto& [flag, value] : values)
                if (import->get_option(flag)->count() > 0 && value->empty())
                  return argument_error("holidays import",
                                        fmt::format("{} '': expected a value, not an empty one "
                                                    "(leave {} out for its default)",
                                                    flag, flag));
              return import_holidays(*io);
            }
            if (list->parsed()) return list_holidays(*lo);
            if (show->parsed()) return show_holidays(*so);
            return static_cast<int>(Exit::usage);
          }};
}

}  // namespace sla::cli
