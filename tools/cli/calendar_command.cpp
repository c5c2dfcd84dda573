// sla calendar export CONTRACT --calendar NAME --from DATE --to DATE: a calendar's
// closures, special hours and (with --openings) opening hours as an iCalendar file
// that Google Calendar, Apple Calendar and Outlook subscribe to or import.
#include <fmt/format.h>
#include <filesystem>

#include <sys/stat.h>

#include <date/date.h>

#include "grammar/suggest.hpp"
#include "interpreter/calendar.hpp"
#include "interpreter/timestamp.hpp"
#include "sla/load.hpp"
#include "tools/calendar_export/calendar_ics.hpp"
#include "tools/calendar_export/holiday_coverage.hpp"
#include "tools/cli/commands.hpp"
#include "tools/console/arguments.hpp"
#include "tools/console/file_output.hpp"
#include "tools/console/output.hpp"
#include "tools/console/selection.hpp"

namespace sla::cli {

namespace {

struct Options {
  std::string file, calendar, from, to, format = "ics", output;
  bool openings = false;
};

// YYYY-MM-DD, a day that exists, in the years a calendar can be asked about.
std::optional<date::local_days> date_argument(const std::string& text) {
  const auto ymd = parse_date(text);
  if (!ymd || int(ymd->year()) < Calendar::kFirstYear + 1 ||
      int(ymd->year()) > Calendar::kEndYear - 2)
    return std::nullopt;
  return date::local_days{*ymd};
}

// When the contract last changed: the events' DTSTAMP, the same on every run until
// it changes. A contract from standard input has no date: now.
Instant stamp_of(const std::string& file) {
  struct stat st {};
  if (file != "-" && stat(file.c_str(), &st) == 0)
    return Instant{std::chrono::seconds{st.st_mtime}};
  return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

}  // namespace

Command calendar_command(CLI::App& sla) {
  auto o = std::make_shared<Options>();
  CLI::App* app = sla.add_subcommand("calendar", "A contract's calendars as data: export");
  app->require_subcommand(1);
  CLI::App* exp = app->add_subcommand(
      "export", "A calendar's closures and special hours (and openings) as an iCalendar file");
  exp->add_option("contract", o->file, "Contract file (.sla), or - for standard input")->required();
  exp->add_option("--calendar", o->calendar, "The calendar to export")->required();
  exp->add_option("--from", o->from, "The first day, YYYY-MM-DD")->required();
  exp->add_option("--to", o->to, "The last day, YYYY-MM-DD (included)")->required();
  exp->add_option("--format", o->format, "Output: ics (iCalendar)")->check(CLI::IsMember({"ics"}));
  exp->add_flag("--openings", o->openings,
                "Add each opening as a timed event, in the calendar's zone");
  exp->add_option("-o,--output", o->output,
                  "Write to FILE (.ics) instead of standard output (replaced in one step, never "
                  "the contract; - is standard output)");
  exp->footer(
      "Examples:\n"
      "  sla calendar export contracts/qiscus-enterprise.sla --calendar office_hours --from "
      "2026-01-01 --to 2026-12-31 -o office-2026.ics\n"
      "  sla calendar export contracts/qiscus-enterprise.sla --calendar office_hours --from "
      "2026-01-01 --to 2026-03-31 --openings\n"
      "Each closed day is an all-day event \"Closed: Good Friday\"; a day of special hours an\n"
      "all-day event \"Christmas Eve: open 09:00-12:00 only\" (hours in the calendar's zone).\n"
      "Weekends are not closures: only the calendar's dated rules (its holiday sets, closed\n"
      "and special dates) are. A union shows the days a member's holiday changes when the\n"
      "union is open. --openings adds the open hours as timed events (TZID of the calendar's\n"
      "zone with its VTIMEZONE; UTC for a fixed offset). Events do not make you busy, and keep\n"
      "their UID from one export to the next, so a subscription updates them in place.\n"
      "Exit codes: 0 written; 1 the contract has errors; 2 usage error (unknown calendar,\n"
      "bad dates, an output that is the contract).");

  return {
      app, [o, exp] {
        constexpr std::string_view command = "calendar export";
        if (!exp->parsed()) return static_cast<int>(Exit::usage);
        const auto from = date_argument(o->from);
        if (!from)
          return argument_error(command, fmt::format("--from '{}': expected a date "
                                                     "YYYY-MM-DD from 1901 to 2398",
                                                     o->from));
        const auto to = date_argument(o->to);
        if (!to)
          return argument_error(command, fmt::format("--to '{}': expected a date YYYY-MM-DD "
                                                     "from 1901 to 2398",
                                                     o->to));
        if (*to < *from)
          return argument_error(command,
                                fmt::format("--to {} is before --from {}", o->to, o->from));
        if (auto why = output_is_input("--output", o->output, {{"the contract", o->file}});
            !why.empty())
          return usage_error(command, why);
        if (auto why = unreadable(o->file); !why.empty()) return usage_error(command, why);
        LoadResult r = load_contract(o->file);
        if (auto why = output_is_loaded("--output", o->output, o->file, r.files); !why.empty())
          return usage_error(command, why);
        print_diagnostics(r.diagnostics);
        if (!r.ok()) return static_cast<int>(Exit::failed);
        const Model& model = *r.model;
        const CalendarInfo* info = model.calendar(o->calendar);
        if (!info || !info->calendar) {
          std::vector<std::string> ids;
          for (const auto& c : model.calendars) ids.push_back(c.id);
          const auto near = closest(o->calendar, std::span<const std::string>(ids));
          return argument_error(
              command, fmt::format("unknown calendar '{}'{} (calendars: {})", o->calendar,
                                   near ? fmt::format("; did you mean '{}'?", *near) : "",
                                   ids.empty() ? "none" : fmt::format("{}", fmt::join(ids, ", "))));
        }
        // Past the years a holiday set covers its holidays are unknown, not absent.
        const int first_year = static_cast<int>(date::year_month_day{*from}.year());
        const int last_year = static_cast<int>(date::year_month_day{*to}.year());
        for (const HolidaySet* set : sets_not_covering(model, *info, first_year, last_year))
          fmt::print(stderr,
                     "sla {}: note: the holiday set {} covers {} to {} only; the closures of "
                     "other years are not known, so none are exported for them\n",
                     command, set->id, set->first_year, set->last_year);
        CalendarIcs e;
        e.calendar = info;
        e.contract_name = model.contract.name;
        e.contract_key =
            uid_slug(!model.contract.name.empty() ? model.contract.name
                                                  : std::filesystem::path(o->file).stem().string());
        e.first = *from;
        e.last = *to;
        e.openings = o->openings;
        e.stamp = stamp_of(o->file);
        e.version = std::string(version());
        const std::string text = calendar_ics(e);
        if (o->output.empty() || o->output == "-") {
          fmt::print("{}", text);
          return static_cast<int>(Exit::ok);
        }
        if (auto why = write_file(o->output, text); !why.empty()) return usage_error(command, why);
        return static_cast<int>(Exit::ok);
      }};
}

}  // namespace sla::cli
