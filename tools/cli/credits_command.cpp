// sla credits CONTRACT --package P --month YYYY-MM --tickets FILE [--incidents FILE]:
// the service credits of one month, for missed ticket targets and for uptime below
// its tiers, capped as the contract says.
#include <fmt/format.h>
#include <algorithm>
#include <memory>

#include "sla/credits.hpp"
#include "sla/evaluator.hpp"
#include "sla/uptime.hpp"
#include "tools/cli/commands.hpp"
#include "tools/console/arguments.hpp"
#include "tools/console/exit.hpp"
#include "tools/console/file_output.hpp"
#include "tools/console/input_file.hpp"
#include "tools/console/json_text.hpp"
#include "tools/console/plural.hpp"
#include "tools/console/selection.hpp"
#include "tools/console/streams.hpp"
#include "tools/io/incident_reader.hpp"
#include "tools/io/ticket_reader.hpp"
#include "tools/reports/credit_report.hpp"

namespace sla::cli {

namespace {

struct Options {
  std::string file, package, month, tickets, incidents, as_of, format = "text", input_format,
                                                               output;
  std::vector<std::string> addons;
};

std::string format_of(const std::string& given, const std::string& path, std::FILE* in) {
  return given.empty() ? input_format_of(path, in) : given;
}

}  // namespace

Command credits_command(CLI::App& sla) {
  auto o = std::make_shared<Options>();
  CLI::App* app = sla.add_subcommand(
      "credits", "The service credits of a month: missed ticket targets and uptime, capped");
  app->add_option("contract", o->file, "Contract file (.sla), or - for standard input")->required();
  app->add_option("--package", o->package, "The package whose credits apply")->required();
  add_addon_option(app, o->addons);
  app->add_option("--month", o->month, "The month, YYYY-MM, in the package calendar's zone")
      ->required();
  app->add_option("--tickets", o->tickets,
                  "Tickets file (CSV or JSON Lines, as for 'sla eval'), or - for standard input")
      ->required();
  app->add_option("--incidents", o->incidents,
                  "Incidents file (CSV or JSON Lines, as for 'sla uptime'), for uptime credits");
  auto* as_of_flag = app->add_option(
      "--as-of", o->as_of,
      "Judge the month as of this instant when it is not over yet (RFC 3339; default: now)");
  app->add_option("--format", o->format, "Output: text or json (default text)")
      ->check(CLI::IsMember({"text", "json"}));
  app->add_option("--input-format", o->input_format,
                  "The format of both inputs: csv or jsonl (default: by extension, else by the "
                  "first character)")
      ->check(CLI::IsMember({"csv", "jsonl"}));
  app->add_option("-o,--output", o->output,
                  "Write the statement to FILE instead of standard output (replaced in one step)");
  app->footer(
      "Example:\n"
      "  sla credits contracts/qiscus-enterprise.sla --package premium --month 2026-01 \\\n"
      "    --tickets contracts/samples/qiscus-tickets.csv \\\n"
      "    --incidents contracts/samples/qiscus-incidents.csv\n"
      "A ticket earns the credit its package grants per breached target ('credit 5 % per\n"
      "breached P1 response') in the month that target fell due. Uptime earns its tier's credit\n"
      "in the month its period ends (a quarter's credit in its last month). The sum is capped\n"
      "by 'credits at most N % per month'. JSON gives total_percent, sum_percent, cap_percent\n"
      "and every ticket and service that earned a credit. Rules: docs/semantics.md, \"Service\n"
      "credits\".\n"
      "Exit codes: 0 statement written; 1 the contract has errors, or some input rows are bad\n"
      "(each reported on stderr with its row and line, and left out of the figures); 2 usage\n"
      "error (unknown package, bad --month, unreadable file).");

  return {
      app, [o, as_of_flag] {
        std::string error;
        const std::vector<std::pair<std::string, std::string>> inputs{
            {"the contract", o->file},
            {"the tickets", o->tickets},
            {"the incidents", o->incidents}};
        if (auto why = stdin_twice(inputs); !why.empty()) return argument_error("credits", why);
        if (auto why = output_is_input("--output", o->output, inputs); !why.empty())
          return usage_error("credits", why);
        const auto month = month_argument(o->month);
        if (!month)
          return argument_error(
              "credits", fmt::format("--month '{}': expected YYYY-MM (2026-01), years 1901 to 2398",
                                     o->month));
        int exit = Exit::ok;
        auto selected = load_selection("credits", o->file, o->package, o->addons, exit, o->output);
        if (!selected) return exit;
        const Evaluator& evaluator = selected->evaluator;
        const Calendar& calendar = evaluator.calendar();
        const Package& package = evaluator.package();
        const auto now = as_of_argument(as_of_flag->count() > 0, o->as_of, calendar, error);
        if (!now)
          return argument_error("credits", fmt::format("--as-of '{}': {}", o->as_of, error));

        CreditStatement s;
        s.package = package.id;
        s.month = o->month;
        const date::year_month ym{date::year{static_cast<int>(month->year())},
                                  date::month{static_cast<unsigned>(month->month())}};
        const date::local_days first{ym / 1};
        const date::local_days next{(ym + date::months{1}) / 1};
        s.from = calendar.to_instant(date::local_seconds{first});
        s.to = calendar.to_instant(date::local_seconds{next});
        s.as_of = std::clamp(*now, s.from, s.to);
        std::int64_t sum = 0;

        InputFile tickets_in;
        if (!tickets_in.open(o->tickets, error)) return usage_error("credits", error);
        std::vector<std::string> attributes;
        for (const auto& a : evaluator.model().attributes) attributes.push_back(a.name);
        TicketReader tickets(tickets_in.stream(),
                             format_of(o->input_format, o->tickets, tickets_in.stream()) == "jsonl"
                                 ? TicketReader::Format::jsonl
                                 : TicketReader::Format::csv,
                             calendar, std::move(attributes));
        if (!tickets.start(error))
          return usage_error("credits", fmt::format("{}: {}", input_name(o->tickets), error));
        TicketRow row;
        while (tickets.next(row)) {
          ++s.ticket_rows;
          // A ticket raised after the month (or the as-of time) earns nothing in it.
          if (row.error.empty() && row.ticket.created > s.as_of) continue;
          Evaluation ev;
          if (row.error.empty()) {
            ev = evaluator.evaluate(row.ticket, s.as_of);
            if (!ev.ok()) row.error = evaluator.error_text(ev);
          }
          if (!row.error.empty()) {
            ++s.ticket_errors;
            fmt::print(standard_error(), "sla credits: {}: row {} (line {}){}: {}\n",
                       input_name(o->tickets), row.number, row.line,
                       row.id.empty() ? "" : fmt::format(", ticket {}", row.id), row.error);
            continue;
          }
          const std::optional<Instant> done[] = {
              row.ticket.responded, row.ticket.resolved, std::nullopt,
              row.ticket.restored ? row.ticket.restored : row.ticket.resolved};
          for (const auto& earned : ticket_credits(package, ev, s.from, s.to)) {
            const auto k = static_cast<std::size_t>(earned.kind);
            std::optional<Instant> at = done[k];
            if (at && *at > s.as_of) at.reset();
            s.tickets.push_back(
                {std::string(row.id), ev.priority ? ev.priority->name : std::string(), earned, at});
            sum += earned.percent_milli;
          }
        }

        if (!o->incidents.empty()) {
          InputFile incidents_in;
          if (!incidents_in.open(o->incidents, error)) return usage_error("credits", error);
          IncidentReader reader(
              incidents_in.stream(),
              format_of(o->input_format, o->incidents, incidents_in.stream()) == "jsonl"
                  ? IncidentReader::Format::jsonl
                  : IncidentReader::Format::csv,
              calendar);
          if (!reader.start(error))
            return usage_error("credits", fmt::format("{}: {}", input_name(o->incidents), error));
          const auto incidents = read_incidents(
              reader, package, s.as_of, s.incident_rows, [&](const IncidentRow& bad) {
                ++s.incident_errors;
                fmt::print(standard_error(), "sla credits: {}\n", bad_row_text(o->incidents, bad));
              });
          const auto reports = uptime_report(evaluator.model(), package, evaluator.calendar_info(),
                                             incidents, UptimeQuery{{*month}, s.as_of});
          for (const auto& r : reports) {
            // A quarter's or a year's credit belongs to the month it ends in.
            if (r.month_end <= s.from || r.month_end > s.to) continue;
            if (r.status == UptimeStatus::pending || r.credit == CreditStatus::pending) {
              s.pending.push_back(fmt::format("{}, {}: not over yet, no credit so far",
                                              r.uptime->service, period_label(r)));
              continue;
            }
            if (r.credit != CreditStatus::due || !r.tier) continue;
            s.uptime.push_back(
                {r.uptime->service, period_label(r), r.uptime_ppm, r.tier->credit_milli});
            sum += r.tier->credit_milli;
          }
        }
        s.total = month_credit(package, sum);

        const std::string text = o->format == "json" ? json_text(credit_json(s, calendar)) + "\n"
                                                     : credit_text(s, calendar);
        if (o->output.empty() || o->output == "-")
          fmt::print(standard_output(), "{}", text);
        else if (auto why = write_file(o->output, text); !why.empty())
          return usage_error("credits", why);
        if (s.ticket_errors || s.incident_errors) {
          fmt::print(standard_error(), "sla credits: {} with errors, not counted (listed above)\n",
                     plural(s.ticket_errors + s.incident_errors, "row"));
          return static_cast<int>(Exit::failed);
        }
        return static_cast<int>(Exit::ok);
      }};
}

}  // namespace sla::cli
