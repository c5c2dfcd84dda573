// sla report CONTRACT --package ID --from DATE --to DATE [TICKETS|-]: how the
// tickets created in a period fared, per priority and target, as HTML, Markdown,
// JSON or CSV. The tickets are read once, in constant memory.
#include <fmt/format.h>
#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <thread>

#include "interpreter/time/timestamp.hpp"
#include "sla/evaluator.hpp"
#include "tools/cli/commands.hpp"
#include "tools/cli/ticket_input.hpp"
#include "tools/compliance/compliance.hpp"
#include "tools/compliance/report_writers.hpp"
#include "tools/console/arguments.hpp"
#include "tools/console/file_output.hpp"
#include "tools/console/output.hpp"
#include "tools/console/plural.hpp"
#include "tools/console/selection.hpp"
#include "tools/console/streams.hpp"
#include "tools/io/eval_pipeline.hpp"

namespace sla::cli {

namespace {

struct Options {
  std::string file, package, from, to, as_of, format, output, trend;
  std::vector<std::string> addons;
  TicketInputOptions input;
  CLI::Option* as_of_flag = nullptr;
  unsigned threads = std::thread::hardware_concurrency() > 1 ? 2 : 1;
};

// The format --output's extension asks for ("report.HTML" too), else Markdown.
std::string format_for(const std::string& output) {
  const std::string ext = extension_of(output);
  if (ext == ".html" || ext == ".htm") return "html";
  if (ext == ".json") return "json";
  if (ext == ".csv") return "csv";
  return "md";
}

// A day of the years the calendars hold; `error` says why not.
std::optional<date::local_days> day_argument(const std::string& text, std::string& error) {
  const auto ymd = parse_date(text);
  if (!ymd) {
    error = "expected a day as YYYY-MM-DD";
    return std::nullopt;
  }
  if (ymd->year() < date::year{1901} || ymd->year() > date::year{2398}) {
    error = "a day from 1901-01-01 to 2398-12-31";
    return std::nullopt;
  }
  return date::local_days{*ymd};
}

}  // namespace

Command report_command(CLI::App& sla) {
  auto o = std::make_shared<Options>();
  CLI::App* app = sla.add_subcommand(
      "report",
      "Report compliance over a period: per priority and target, with trends and breaches");
  app->add_option("contract", o->file, "Contract file (.sla), or - for standard input")->required();
  app->add_option("tickets", o->input.tickets,
                  "Tickets file (CSV or JSON Lines, or a help desk's export), or - for standard "
                  "input (the default)");
  app->add_option("--package", o->package, "The package the tickets are under")->required();
  add_addon_option(app, o->addons);
  app->add_option("--from", o->from, "First day of the period (YYYY-MM-DD, in the calendar's zone)")
      ->required();
  app->add_option("--to", o->to, "Last day of the period, included (YYYY-MM-DD)")->required();
  o->as_of_flag = app->add_option("--as-of", o->as_of,
                                  "Judge open tickets at this instant (RFC 3339; without an "
                                  "offset, in the calendar's zone; default: now)");
  app->add_option("--trend", o->trend,
                  "Trend buckets: week or month (default: week for periods up to 13 weeks)")
      ->check(CLI::IsMember({"week", "month"}));
  app->add_option("--format", o->format,
                  "Output: html, md, json or csv (default: by --output's extension, else md)")
      ->check(CLI::IsMember({"html", "md", "json", "csv"}));
  app->add_option("-o,--output", o->output,
                  "Write to FILE instead of standard output (replaced only when the report is "
                  "complete; - is standard output)");
  add_ticket_input_options(app, o->input);
  app->add_option("--threads", o->threads,
                  "1, or 2 to read and tally in parallel (default: 2 on a multi-core machine)")
      ->check(CLI::Range(1, 2));
  app->footer(
      "Examples:\n"
      "  sla report contracts/qiscus-enterprise.sla --package premium --from 2026-01-01 --to "
      "2026-03-31 \\\n"
      "    --as-of 2026-04-01T00:00:00+07:00 contracts/samples/qiscus-tickets.csv\n"
      "  sla report contracts/qiscus-enterprise.sla --package premium --addon resolution \\\n"
      "    --from 2026-03-01 --to 2026-03-31 -o march.html tickets.csv\n"
      "Tickets are those created in the period (from --from's midnight to the midnight after "
      "--to,\n"
      "in the package calendar's zone); the input is read as by 'sla eval' (see 'sla eval "
      "--help').\n"
      "Compliance is met / (met + breached); pending and at-risk targets are counted apart, as "
      "are\n"
      "rows with errors (listed in the report) and tickets created outside the period.\n"
      "Exit codes: 0 every row evaluated; 1 some rows have errors (the report counts and lists "
      "them);\n"
      "2 usage error. docs/report.md explains every figure.");

  return {
      app, [o] {
        std::string error;
        const std::vector<std::pair<std::string, std::string>> inputs{
            {"the contract", o->file},
            {"the tickets", o->input.tickets},
            {"the map", o->input.map}};
        if (auto why = stdin_twice(inputs); !why.empty()) return argument_error("report", why);
        if (auto why = output_is_input("--output", o->output, inputs); !why.empty())
          return usage_error("report", why);
        const auto from = day_argument(o->from, error);
        if (!from) return argument_error("report", fmt::format("--from '{}': {}", o->from, error));
        const auto to = day_argument(o->to, error);
        if (!to) return argument_error("report", fmt::format("--to '{}': {}", o->to, error));
        if (*to < *from)
          return argument_error(
              "report",
              fmt::format("--to {} is before --from {}: the period is empty", o->to, o->from));
        int exit = Exit::ok;
        auto selected = load_selection("report", o->file, o->package, o->addons, exit, o->output);
        if (!selected) return exit;
        const Evaluator& evaluator = selected->evaluator;
        const Calendar& cal = evaluator.calendar();
        const auto as_of = as_of_argument(o->as_of_flag->count() > 0, o->as_of, cal, error);
        if (!as_of)
          return argument_error("report", fmt::format("--as-of '{}': {}", o->as_of, error));

        ReportPeriod period;
        period.from = *from;
        period.to = *to;
        period.start = cal.to_instant(date::local_seconds{*from});
        period.end = cal.to_instant(date::local_seconds{*to + date::days{1}});
        period.as_of = *as_of;
        period.trend = o->trend == "month"              ? TrendUnit::month
                       : o->trend == "week"             ? TrendUnit::week
                       : (*to - *from).count() < 13 * 7 ? TrendUnit::week
                                                        : TrendUnit::month;

        TicketInput input;
        if (!input.open(o->input, evaluator, error)) return usage_error("report", error);
        ComplianceTally tally(evaluator, period, input_name(o->file),
                              evaluator.package().applied_addons);
        run_eval(
            input.rows(), evaluator,
            [&](const ResultRow& row, const Evaluation& ev) { tally.add(row, ev); }, *as_of,
            o->threads, true);
        const ComplianceReport report = tally.finish();

        const std::string format = o->format.empty() ? format_for(o->output) : o->format;
        const std::string text = format == "json"   ? report_json(report)
                                 : format == "csv"  ? report_csv(report)
                                 : format == "html" ? report_html(report)
                                                    : report_markdown(report);
        if (o->output.empty() || o->output == "-") {
          if (std::fwrite(text.data(), 1, text.size(), standard_output()) != text.size() ||
              std::fflush(standard_output()) != 0)
            return output_failure("report", std::strerror(errno));
        } else if (auto why = write_file(o->output, text); !why.empty()) {
          return usage_error("report", why);
        }
        if (report.groups.empty())
          fmt::print(standard_error(),
                     "sla report: no ticket of the {} created from {} to {} has a target of "
                     "package '{}' ({} outside the period or after --as-of)\n",
                     plural(report.rows, "row"), o->from, o->to, report.package,
                     report.outside_period);
        if (report.errors) {
          fmt::print(standard_error(),
                     "sla report: {} of {} {} errors, counted apart (the report lists {})\n",
                     report.errors, plural(report.rows, "row"), agree(report.errors, "has", "have"),
                     report.errors > report.error_rows.size() ? "the first ones" : "them");
          return static_cast<int>(Exit::failed);
        }
        return static_cast<int>(Exit::ok);
      }};
}

}  // namespace sla::cli
