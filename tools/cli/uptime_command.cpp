// sla uptime CONTRACT --package ID [--addon ID]... --month YYYY-MM [INCIDENTS|-]:
// uptime of each service the package commits to, from an incident log, per month,
// quarter or year as the contract measures it.
// The computation is interpreter/judge/uptime.hpp; this file reads and writes.
#include <fmt/format.h>
#include <algorithm>
#include <charconv>
#include <filesystem>

#include "grammar/source.hpp"
#include "sla/load.hpp"
#include "tools/cli/commands.hpp"
#include "tools/console/arguments.hpp"
#include "tools/console/file_output.hpp"
#include "tools/console/input_file.hpp"
#include "tools/console/json_text.hpp"
#include "tools/console/plural.hpp"
#include "tools/console/selection.hpp"
#include "tools/console/streams.hpp"
#include "tools/console/terminal.hpp"
#include "tools/io/incident_reader.hpp"
#include "tools/reports/uptime_output.hpp"

namespace sla::cli {

namespace {

struct Options {
  std::string file, package, as_of, format = "text", input_format, incidents = "-", output;
  std::vector<std::string> addons, months;
};

// "2026-01", or a range "2026-01..2026-03"; sorted, each month once.
bool months_argument(const std::vector<std::string>& values,
                     std::vector<std::chrono::year_month>& out, std::string& error) {
  constexpr int kMaxMonths = 1200;
  for (const auto& value : values) {
    const auto dots = value.find("..");
    const auto first = month_argument(value.substr(0, dots));
    const auto last = dots == std::string::npos ? first : month_argument(value.substr(dots + 2));
    if (!first || !last) {
      error = fmt::format(
          "--month '{}': expected YYYY-MM (2026-01) or a range YYYY-MM..YYYY-MM, years 1901 to "
          "2398",
          value);
      return false;
    }
    if (*last < *first) {
      error = fmt::format("--month '{}': the range ends before it starts", value);
      return false;
    }
    for (auto m = *first; m <= *last; m += std::chrono::months{1}) {
      out.push_back(m);
      if (out.size() > kMaxMonths) {
        error = fmt::format("--month: more than {} months asked for", kMaxMonths);
        return false;
      }
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return true;
}

}  // namespace

Command uptime_command(CLI::App& sla) {
  auto o = std::make_shared<Options>();
  CLI::App* app = sla.add_subcommand(
      "uptime",
      "Uptime from an incident log per month, quarter or year: met or breached, service credits");
  app->add_option("contract", o->file, "Contract file (.sla), or - for standard input")->required();
  app->add_option("incidents", o->incidents,
                  "Incidents file (CSV or JSON Lines), or - for standard input (the default)");
  app->add_option("--package", o->package, "The package whose uptime commitments apply")
      ->required();
  add_addon_option(app, o->addons);
  app->add_option("--month", o->months,
                  "The month to report, YYYY-MM, or a range YYYY-MM..YYYY-MM (repeat the flag, "
                  "or separate several with commas); a commitment measured quarterly or yearly "
                  "is reported for each whole quarter or year these touch")
      ->required()
      ->type_size(1)
      ->expected(1)
      ->allow_extra_args(false)
      ->delimiter(',')
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  auto* as_of_flag = app->add_option(
      "--as-of", o->as_of,
      "Measure up to this instant (RFC 3339) when it falls within a period; incidents with no "
      "end end here; a later period has not started, and a quarter or year not over yet is "
      "pending (default: now)");
  app->add_option("--format", o->format, "Output: text, json or csv (default text)")
      ->check(CLI::IsMember({"text", "json", "csv"}));
  app->add_option("--input-format", o->input_format,
                  "Input: csv or jsonl (default: by extension, .jsonl/.ndjson or .csv; else "
                  "jsonl when the first character is '{', csv otherwise)")
      ->check(CLI::IsMember({"csv", "jsonl"}));
  app->add_option("-o,--output", o->output,
                  "Write the report to FILE instead of standard output (replaced in one step; - "
                  "is standard output)");
  app->footer(
      "Examples:\n"
      "  sla uptime contracts/qiscus-enterprise.sla --package premium --month 2026-01 \\\n"
      "    contracts/samples/qiscus-incidents.csv\n"
      "  sla uptime contracts/qiscus-enterprise.sla --package premium --month 2026-01..2026-03 \\\n"
      "    --format json contracts/samples/qiscus-incidents.csv\n"
      "Input columns: id, service, start, end, category, announced_at (service, start and "
      "category\n"
      "are required; an empty end means still going on). Categories: outage, degraded,\n"
      "scheduled_maintenance, third_party, force_majeure, other. Timestamps are RFC 3339; one\n"
      "without an offset is read in the package calendar's zone, which also sets the period\n"
      "boundaries. A commitment measured quarterly or yearly is judged over each calendar quarter\n"
      "or year as a whole; one not over at --as-of is pending, with its uptime so far.\n"
      "uptime = (total - excluded - downtime) / (total - excluded); overlapping\n"
      "incidents count once, excluded time wins over downtime, degraded is not downtime.\n"
      "Scheduled maintenance is excluded only when announced as far ahead as the contract asks.\n"
      "Rules: docs/semantics.md, \"Uptime\".\n"
      "Exit codes: 0 report written (even when a target is breached); 1 the contract has errors,\n"
      "or some incident rows are bad (each is reported on stderr with its row and line; the\n"
      "report leaves them out); 2 usage error (unknown package or add-on, bad --month, a\n"
      "package with no uptime commitment, unreadable file).");

  return {app, [o, as_of_flag] {
            std::string error;
            const std::vector<std::pair<std::string, std::string>> inputs{
                {"the contract", o->file}, {"the incidents", o->incidents}};
            if (auto why = stdin_twice(inputs); !why.empty()) return argument_error("uptime", why);
            if (auto why = output_is_input("--output", o->output, inputs); !why.empty())
              return usage_error("uptime", why);
            std::vector<std::chrono::year_month> months;
            if (!months_argument(o->months, months, error)) return usage_error("uptime", error);
            int exit = Exit::ok;
            auto selected =
                load_selection("uptime", o->file, o->package, o->addons, exit, o->output);
            if (!selected) return exit;
            // Like eval, the default is now: a month not over yet is measured to now, a
            // later one has not started (it must not read "met, 100 %").
            const std::optional<Instant> as_of = as_of_argument(
                as_of_flag->count() > 0, o->as_of, selected->evaluator.calendar(), error);
            if (!as_of)
              return argument_error("uptime", fmt::format("--as-of '{}': {}", o->as_of, error));
            const Package& package = selected->evaluator.package();
            const CalendarInfo& calendar = selected->evaluator.calendar_info();
            if (package.uptime.empty())
              return usage_error(
                  "uptime", fmt::format("package '{}' states no uptime commitment", package.id));

            InputFile input;
            if (!input.open(o->incidents, error)) return usage_error("uptime", error);
            std::FILE* in = input.stream();
            std::string input_format = o->input_format;
            if (input_format.empty()) input_format = input_format_of(o->incidents, in);
            IncidentReader reader(in,
                                  input_format == "jsonl" ? IncidentReader::Format::jsonl
                                                          : IncidentReader::Format::csv,
                                  selected->evaluator.calendar());
            if (!reader.start(error)) return usage_error("uptime", error);

            // Every row is read; bad ones are reported, each with its row and line.
            std::size_t rows = 0, bad = 0;
            const std::vector<Incident> incidents =
                read_incidents(reader, package, as_of, rows, [&](const IncidentRow& row) {
                  ++bad;
                  fmt::print(standard_error(), "sla uptime: {}\n", bad_row_text(o->incidents, row));
                });

            auto reports = uptime_report(*selected->contract.model, package, calendar, incidents,
                                         UptimeQuery{months, as_of});
            if (bad)
              for (auto& r : reports)
                r.notes.push_back(fmt::format("{} of {} {} errors and {} left out of these figures",
                                              bad, plural(rows, "incident row"),
                                              agree(bad, "has", "have"), agree(bad, "is", "are")));
            const UptimeContext context{package, calendar, incidents};
            const bool to_file = !o->output.empty() && o->output != "-";
            std::string text;
            if (o->format == "json")
              text = fmt::format("{}\n", json_text(uptime_json(reports, context)));
            else if (o->format == "csv")
              text = uptime_csv(reports, context);
            else
              text = uptime_text(reports, context, !to_file && colour_wanted(standard_output()));
            if (!to_file)
              fmt::print(standard_output(), "{}", text);
            else if (auto why = write_file(o->output, text); !why.empty())
              return usage_error("uptime", why);
            if (bad) {
              fmt::print(standard_error(), "sla uptime: {} of {} {} errors (listed above)\n", bad,
                         plural(rows, "incident row"), agree(bad, "has", "have"));
              return static_cast<int>(Exit::failed);
            }
            return static_cast<int>(Exit::ok);
          }};
}

}  // namespace sla::cli
