// sla calendar export CONTRACT --calendar NAME --from DATE --to DATE: a calendar's
// closures, special hours and (with --openings) opening hours as an iCalendar file
// that Google Calendar, Apple Calendar and Outlook subscribe to or import.
#include <fmt/format.h>
#include <algorithm>
#include <filesystem>
#include <optional>
#include <vector>

#include <sys/stat.h>

#include <date/date.h>

#include "grammar/suggest.hpp"
#include "interpreter/time/calendar.hpp"
#include "interpreter/time/timestamp.hpp"
#include "sla/load.hpp"
#include "tools/calendar_export/calendar_ics.hpp"
#include "tools/calendar_export/holiday_coverage.hpp"
#include "tools/cli/commands.hpp"
#include "tools/console/arguments.hpp"
#include "tools/console/file_output.hpp"
#include "tools/console/output.hpp"
#include "tools/console/selection.hpp"
#include "tools/console/streams.hpp"

namespace sla::cli {

namespace {

struct Options {
  std::string file, calendar, from, to, format = "ics", output;
  bool openings = false;
};

// YYYY-MM-DD, a day that exists, in the years a calendar can be asked about; or
// nullopt with why not in `error`: a text of another form, a day that does not
// exist (2026-02-30, told apart: the form is right, the calendar is not), a year
// out of range.
std::optional<date::local_days> date_argument(const std::string& text, std::string& error) {
  const bool digits = text.size() == 10 && text[4] == '-' && text[7] == '-' &&
                      std::all_of(text.begin(), text.end(),
                                  [](char c) { return c == '-' || (c >= '0' && c <= '9'); });
  const auto ymd = parse_date(text);
  if (!ymd && digits) {
    const int year = std::stoi(text.substr(0, 4));
    const unsigned month = static_cast<unsigned>(std::stoi(text.substr(5, 2)));
    const date::year_month ym{date::year{year}, date::month{month}};
    error = ym.ok() ? fmt::format("there is no such day: {} has {} days", date::format("%B %Y", ym),
                                  static_cast<unsigned>((ym / date::last).day()))
                    : fmt::format("there is no month {}", month);
    return std::nullopt;
  }
  if (!ymd || int(ymd->year()) < Calendar::kFirstYear + 1 ||
      int(ymd->year()) > Calendar::kEndYear - 2) {
    error = fmt::format("expected a date YYYY-MM-DD from {} to {}", Calendar::kFirstYear + 1,
                        Calendar::kEndYear - 2);
    return std::nullopt;
  }
  return date::local_days{*ymd};
}

// When the contract last changed: the newest change of the files the load read (the
// contract and what it imports), the events' DTSTAMP, the same on every run until
// one of them changes. A contract from standard input has no date: now.
Instant stamp_of(const std::string& contract, const std::vector<std::string>& files) {
  std::optional<Instant> newest;
  if (contract != "-")
    for (const auto& file : files) {
      struct stat st {};
      if (stat(file.c_str(), &st) != 0) continue;
      const Instant t{std::chrono::seconds{st.st_mtime}};
      if (!newest || t > *newest) newest = t;
    }
  return newest ? *newest
                : std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

}  // namespace

Command calendar_command(CLI::App& sla) {
  auto o = std::make_shared<Options>();
  CLI::App* app = sla.add_subcommand(
      "calendar", "A contract's calendar for calendar programs: export it as an iCalendar file");
  app->require_subcommand(1);
  app->footer(
      "Examples:\n"
      "  sla calendar export contracts/qiscus-enterprise.sla --calendar office_hours --from "
      "2026-01-01 --to 2026-12-31 -o office-2026.ics\n"
      "  sla calendar export contracts/qiscus-enterprise.sla --calendar office_hours --from "
      "2026-01-01 --to 2026-03-31 --openings\n"
      "Run 'sla calendar export --help' for what the file holds.\n"
      "Exit codes: 0 written; 1 the contract has errors; 2 usage error.");
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
      "all-day event \"Christmas Eve: open 09:00-12:00 only\" (hours in the calendar's zone;\n"
      "\"Special hours: ...\" for a day without a name).\n"
      "Weekends are not closures: only the calendar's dated rules (its holiday sets, closed\n"
      "and special dates) are. A union shows the days a member's holiday changes when the\n"
      "union is open. --openings adds the open hours as timed events (TZID of the calendar's\n"
      "zone with its VTIMEZONE; UTC for a fixed offset). Events do not make you busy, and keep\n"
      "their UID from one export to the next, so a subscription updates them in place.\n"
      "A range without events is still written, with a note.\n"
      "Exit codes: 0 written; 1 the contract has errors; 2 usage error (unknown calendar,\n"
      "a bad date or one that does not exist, an output that is the contract).");

  return {
      app, [o, exp] {
        constexpr std::string_view command = "calendar export";
        if (!exp->parsed()) return static_cast<int>(Exit::usage);
        std::string error;
        const auto from = date_argument(o->from, error);
        if (!from) return argument_error(command, fmt::format("--from '{}': {}", o->from, error));
        const auto to = date_argument(o->to, error);
        if (!to) return argument_error(command, fmt::format("--to '{}': {}", o->to, error));
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
          fmt::print(standard_error(),
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
        e.stamp = stamp_of(o->file, r.files);
        e.version = std::string(version());
        const CalendarIcsText ics = calendar_ics(e);
        // An empty calendar is still written (a subscription to it stays valid, and
        // fills when the contract gains closures), but an empty file looks broken.
        if (ics.events == 0)
          fmt::print(standard_error(), "sla {}: note: no closed or special days{} in {} to {}{}\n",
                     command, o->openings ? " nor openings" : "", o->from, o->to,
                     o->openings ? "" : "; --openings adds the opening hours");
        if (o->output.empty() || o->output == "-") {
          fmt::print(standard_output(), "{}", ics.text);
          return static_cast<int>(Exit::ok);
        }
        if (auto why = write_file(o->output, ics.text); !why.empty())
          return usage_error(command, why);
        return static_cast<int>(Exit::ok);
      }};
}

}  // namespace sla::cli
