// sla time CONTRACT (--calendar NAME | --package ID [--addon ID]...) add|sub|between|open ...
// Business-time arithmetic on a contract's calendars, for authors checking a clause.
#include <fmt/format.h>
#include <algorithm>
#include <filesystem>
#include <vector>

#include <date/date.h>

#include "grammar/parser.hpp"
#include "grammar/suggest.hpp"
#include "interpreter/check/checker.hpp"
#include "interpreter/time/calendar.hpp"
#include "interpreter/time/timestamp.hpp"
#include "sla/load.hpp"
#include "tools/calendar_export/holiday_coverage.hpp"
#include "tools/cli/commands.hpp"
#include "tools/console/arguments.hpp"
#include "tools/console/json_text.hpp"
#include "tools/console/output.hpp"
#include "tools/console/selection.hpp"
#include "tools/console/streams.hpp"

namespace sla::cli {

namespace {

struct Options {
  std::string file, calendar, package, format = "text";
  std::vector<std::string> addons;
  std::string from, to, duration, at;
};

// A DURATION argument in seconds, or a usage message in `error`.
std::optional<std::pair<DurationValue, std::chrono::seconds>> duration_argument(
    const std::string& text, const CalendarInfo& info, std::string& error) {
  auto words = parse_duration(text);
  if (!words) {
    error = fmt::format(
        "DURATION '{}': expected words such as \"4 business hours\" or \"90 minutes\"", text);
    return std::nullopt;
  }
  DurationValue d = duration_value(*words);
  auto seconds = to_seconds(d, info);
  if (!seconds) {
    error = fmt::format("calendar '{}' has no business-day length for '{}'", info.id, d.text);
    return std::nullopt;
  }
  return std::pair{std::move(d), *seconds};
}

std::optional<Instant> instant(const std::string& text, const char* what, const Calendar& calendar,
                               std::string& error) {
  auto t = instant_argument(text, calendar, error);
  if (!t) error = fmt::format("{} '{}': {}", what, text, error);
  return t;
}

std::string human(std::chrono::seconds s) {
  const auto total = s.count();
  const auto h = total / 3600, m = (total % 3600) / 60, sec = total % 60;
  std::string out = fmt::format("{}h{:02}m", h, m);
  if (sec) out += fmt::format("{:02}s", sec);
  return out;
}

// "2029", "2028-2030", "2019 and 2028-2030": the years of first..last outside
// `set`'s, and how many they are.
std::pair<std::string, int> years_outside(const HolidaySet& set, int first, int last) {
  std::vector<std::string> runs;
  int count = 0;
  const auto run = [&](int a, int b) {
    if (a > b) return;
    runs.push_back(a == b ? fmt::format("{}", a) : fmt::format("{}-{}", a, b));
    count += b - a + 1;
  };
  run(first, std::min(last, set.first_year - 1));
  run(std::max(first, set.last_year + 1), last);
  return {fmt::format("{}", fmt::join(runs, " and ")), count};
}

// A holiday set knows its holidays only for the years it covers: past them they
// are unknown, not absent, so an answer computed over such a year is said to be
// (on stderr, as `sla calendar export` says it; the answer itself stays as it is).
// `a` and `b` are the ends of the span the query looked at, in either order; a
// never-reached end (kNever, kNeverBefore) is the end of the supported years.
void note_uncovered_years(const Model& model, const CalendarInfo& info, Instant a, Instant b) {
  const Calendar& cal = *info.calendar;
  const auto year = [&](Instant t) {
    if (t == Calendar::kNever) return Calendar::kEndYear - 2;
    if (t == Calendar::kNeverBefore) return Calendar::kFirstYear + 1;
    return static_cast<int>(
        date::year_month_day{std::chrono::floor<date::days>(cal.to_local(t))}.year());
  };
  const int first = std::min(year(a), year(b)), last = std::max(year(a), year(b));
  for (const HolidaySet* set : sets_not_covering(model, info, first, last)) {
    const auto [years, count] = years_outside(*set, first, last);
    fmt::print(standard_error(),
               "sla time: note: holiday set '{}' covers {}-{}; {} {} computed without its "
               "holidays\n",
               set->id, set->first_year, set->last_year, years, count == 1 ? "is" : "are");
  }
}

}  // namespace

Command time_command(CLI::App& sla) {
  auto o = std::make_shared<Options>();
  CLI::App* app = sla.add_subcommand(
      "time", "Business-time arithmetic on a contract's calendar: add, sub, between, open");
  app->add_option("contract", o->file, "Contract file (.sla), or - for standard input")->required();
  auto* calendar = app->add_option("--calendar", o->calendar, "Use this calendar of the contract");
  auto* package =
      app->add_option("--package", o->package, "Use the calendar governing this package");
  add_addon_option(app, o->addons)->needs(package);
  calendar->excludes(package);
  app->add_option("--format", o->format, "Output: text or json")
      ->check(CLI::IsMember({"text", "json"}));
  app->require_subcommand(1);
  app->footer(
      "Timestamps are RFC 3339; one without an offset is read in the calendar's zone, as are\n"
      "the results.\n"
      "Durations are words: \"4 business hours\", \"1 business day\", \"90 minutes\", \"8 "
      "hours\".\n"
      "JSON: add -> {\"deadline\": ...}; sub -> {\"start\": ...}; between -> {\"seconds\": N}; "
      "open -> {\"open\": bool, \"next_change\": ...}.\n"
      "Example: the latest a ticket can be raised for 4 business hours to reach Monday 12:30:\n"
      "  sla time contracts/qiscus-enterprise.sla --package premium sub 2026-01-12T12:30:00+07:00 "
      "\"4 business hours\"\n"
      "  2026-01-12T12:30:00+07:00 - 4 business hours on calendar office_hours (Asia/Jakarta) = "
      "2026-01-09T16:30:00+07:00\n"
      "Exit codes: 0 ok; 1 the contract has errors; 2 usage error (bad timestamp, unknown "
      "package).");
  CLI::App* add = app->add_subcommand(
      "add", "The deadline: FROM plus DURATION (business time starts at the next opening)");
  add->add_option("from", o->from, "Start, RFC 3339")->required();
  add->add_option("duration", o->duration, "Duration in words")->required();
  CLI::App* sub = app->add_subcommand(
      "sub", "The latest start: TO minus DURATION (business time counts back over open hours)");
  sub->add_option("to", o->to, "End, RFC 3339")->required();
  sub->add_option("duration", o->duration, "Duration in words")->required();
  CLI::App* between = app->add_subcommand("between", "Business time open between FROM and TO");
  between->add_option("from", o->from, "Start, RFC 3339")->required();
  between->add_option("to", o->to, "End, RFC 3339")->required();
  CLI::App* open =
      app->add_subcommand("open", "Is the calendar open AT, and when does that change");
  open->add_option("at", o->at, "Instant, RFC 3339")->required();
  // --format may also follow the query.
  for (CLI::App* query : {add, sub, between, open})
    query->add_option("--format", o->format, "Output: text or json")
        ->check(CLI::IsMember({"text", "json"}));

  return {
      app, [o, add, sub, between, open] {
        if (auto why = unreadable(o->file); !why.empty()) return usage_error("time", why);
        if (o->calendar.empty() && o->package.empty())
          return usage_error("time", "choose a calendar: --calendar NAME or --package ID");
        LoadResult r = load_contract(o->file);
        print_diagnostics(r.diagnostics);
        if (!r.ok()) return static_cast<int>(Exit::failed);
        const Model& model = *r.model;

        const CalendarInfo* info = nullptr;
        if (!o->calendar.empty()) {
          info = model.calendar(o->calendar);
          if (!info) {
            std::vector<std::string> ids;
            for (const auto& c : model.calendars) ids.push_back(c.id);
            const auto near = closest(o->calendar, std::span<const std::string>(ids));
            return argument_error(
                "time",
                fmt::format("unknown calendar '{}'{} (calendars: {})", o->calendar,
                            near ? fmt::format("; did you mean '{}'?", *near) : "",
                            ids.empty() ? "none" : fmt::format("{}", fmt::join(ids, ", "))));
          }
        } else {
          Selection sel = select(model, o->package, o->addons);
          if (!sel.package) return argument_error("time", sel.error);
          info = sel.calendar;
          if (!info)
            return usage_error("time", fmt::format("package '{}' has no calendar", o->package));
        }
        const Calendar& cal = *info->calendar;
        auto local = [&](Instant t) { return format_timestamp(t, cal.utc_offset(t)); };
        std::string error;

        if (add->parsed()) {
          auto from = instant(o->from, "FROM", cal, error);
          if (!from) return usage_error("time", error);
          const auto duration = duration_argument(o->duration, *info, error);
          if (!duration) return usage_error("time", error);
          const auto& [d, seconds] = *duration;
          const Instant due = d.business ? cal.add(*from, seconds) : *from + seconds;
          if (d.business) note_uncovered_years(model, *info, *from, due);
          if (due == Calendar::kNever) {
            if (o->format == "json")
              fmt::print(standard_output(), "{}\n", json_line({{"deadline", nullptr}}));
            else
              fmt::print(standard_output(),
                         "never: calendar {} does not open again for that long\n", info->id);
            return static_cast<int>(Exit::ok);
          }
          if (o->format == "json")
            fmt::print(standard_output(), "{}\n", json_line({{"deadline", local(due)}}));
          else
            fmt::print(standard_output(), "{} + {} on calendar {} ({}) = {}\n", local(*from),
                       d.text, info->id, info->zone, local(due));
        } else if (sub->parsed()) {
          auto to = instant(o->to, "TO", cal, error);
          if (!to) return usage_error("time", error);
          const auto duration = duration_argument(o->duration, *info, error);
          if (!duration) return usage_error("time", error);
          const auto& [d, seconds] = *duration;
          const Instant start = d.business ? cal.subtract(*to, seconds) : *to - seconds;
          if (d.business) note_uncovered_years(model, *info, start, *to);
          if (start == Calendar::kNeverBefore) {
            if (o->format == "json")
              fmt::print(standard_output(), "{}\n", json_line({{"start", nullptr}}));
            else
              fmt::print(standard_output(), "never: calendar {} was not open that long before {}\n",
                         info->id, local(*to));
            return static_cast<int>(Exit::ok);
          }
          if (o->format == "json")
            fmt::print(standard_output(), "{}\n", json_line({{"start", local(start)}}));
          else
            fmt::print(standard_output(), "{} - {} on calendar {} ({}) = {}\n", local(*to), d.text,
                       info->id, info->zone, local(start));
        } else if (between->parsed()) {
          auto from = instant(o->from, "FROM", cal, error);
          if (!from) return usage_error("time", error);
          auto to = instant(o->to, "TO", cal, error);
          if (!to) return usage_error("time", error);
          const auto seconds = cal.between(*from, *to);
          note_uncovered_years(model, *info, *from, *to);
          if (o->format == "json")
            fmt::print(standard_output(), "{}\n", json_line({{"seconds", seconds.count()}}));
          else
            fmt::print(standard_output(),
                       "{} business time ({} s) on calendar {} between {} and {}\n", human(seconds),
                       seconds.count(), info->id, local(*from), local(*to));
        } else if (open->parsed()) {
          auto at = instant(o->at, "AT", cal, error);
          if (!at) return usage_error("time", error);
          const bool is_open = cal.is_open(*at);
          const Instant change = is_open ? cal.next_closing(*at) : cal.next_opening(*at);
          const bool never = change == Calendar::kNever;  // e.g. a 24x7 desk never closes
          note_uncovered_years(model, *info, *at, change);
          if (o->format == "json")
            fmt::print(standard_output(), "{}\n",
                       json_line({{"open", is_open},
                                  {"next_change", never ? nlohmann::ordered_json()
                                                        : nlohmann::ordered_json(local(change))}}));
          else
            fmt::print(standard_output(), "calendar {} is {} at {}; it {}\n", info->id,
                       is_open ? "open" : "closed", local(*at),
                       never
                           ? fmt::format("never {}", is_open ? "closes" : "opens")
                           : fmt::format("{} at {}", is_open ? "closes" : "opens", local(change)));
        }
        return static_cast<int>(Exit::ok);
      }};
}

}  // namespace sla::cli
