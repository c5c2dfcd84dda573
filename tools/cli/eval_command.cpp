// sla eval CONTRACT --package ID [--addon ID]... [TICKETS|-]: deadlines, verdicts
// and escalation for every ticket, streamed: one output row per input row.
#include <fmt/format.h>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <thread>

#include "interpreter/time/timestamp.hpp"
#include "sla/evaluator.hpp"
#include "sla/load.hpp"
#include "tools/cli/commands.hpp"
#include "tools/cli/ticket_input.hpp"
#include "tools/console/arguments.hpp"
#include "tools/console/file_output.hpp"
#include "tools/console/input_file.hpp"
#include "tools/console/output.hpp"
#include "tools/console/plural.hpp"
#include "tools/console/selection.hpp"
#include "tools/io/eval_pipeline.hpp"
#include "tools/io/result_writer.hpp"
#include "tools/io/ticket_reader.hpp"

namespace sla::cli {

namespace {

struct Options {
  std::string file, package, as_of, format = "csv", output;
  TicketInputOptions input;
  std::vector<std::string> addons;
  unsigned threads = std::thread::hardware_concurrency() > 1 ? 2 : 1;
  CLI::Option* as_of_flag = nullptr;  // given, or now
};

}  // namespace

Command eval_command(CLI::App& sla) {
  auto o = std::make_shared<Options>();
  CLI::App* app =
      sla.add_subcommand("eval", "Evaluate tickets: deadlines, met or breached, escalation");
  app->add_option("contract", o->file, "Contract file (.sla), or - for standard input")->required();
  app->add_option("tickets", o->input.tickets,
                  "Tickets file (CSV or JSON Lines), or - for standard input (the default)");
  app->add_option("--package", o->package, "The package the tickets are under")->required();
  add_addon_option(app, o->addons);
  o->as_of_flag = app->add_option("--as-of", o->as_of,
                                  "Judge unanswered tickets at this instant (RFC 3339; without "
                                  "an offset, in the calendar's zone; default: now)");
  app->add_option("--format", o->format, "Output: csv, jsonl or table")
      ->check(CLI::IsMember({"csv", "jsonl", "table"}));
  add_ticket_input_options(app, o->input);
  app->add_option("-o,--output", o->output,
                  "Write to FILE instead of standard output (replaced only when the run "
                  "finishes; - is standard output)");
  app->add_option("--threads", o->threads,
                  "1, or 2 to read and write in parallel (default: 2 on a multi-core machine)")
      ->check(CLI::Range(1, 2));
  app->footer(
      "Example:\n  sla eval contracts/qiscus-enterprise.sla --package premium --as-of "
      "2026-04-01T00:00:00+07:00 \\\n    --format table contracts/samples/qiscus-tickets.csv\n"
      "Input columns: id, created_at (required); priority (required unless the contract\n"
      "declares attributes); first_response_at, resolved_at, restored_at; one column per\n"
      "attribute of the contract (channel, type, ...); updates (update times separated by ';').\n"
      "CSV needs a header row; columns may come in any order; other columns are ignored. JSON "
      "Lines\n"
      "use the same names and may add \"events\": [{\"at\": T, \"status\": S}, {\"at\": T, "
      "\"priority\": P},\n{\"at\": T, \"update\": TEXT}].\n"
      "Timestamps are RFC 3339; one without an offset is read in the package calendar's zone.\n"
      "Output columns: id, priority, response_due, response_at, response_status,\n"
      "response_commitment, resolution_due, resolved_at, resolution_status, "
      "resolution_commitment,\n"
      "then, for packages with such targets, restoration_due, restored_at, restoration_status,\n"
      "restoration_commitment and update_due, update_status, update_worst_gap_seconds,\n"
      "update_commitment; then escalation, error. Status: met, breached, pending, no_target, or "
      "error.\n"
      "Exit codes: 0 every row evaluated; 1 some rows have errors (they are still written, in "
      "place,\n"
      "with the reason in the error column); 2 usage error.");

  return {app, [o] {
            std::string error;
            const std::vector<std::pair<std::string, std::string>> inputs{
                {"the contract", o->file},
                {"the tickets", o->input.tickets},
                {"the map", o->input.map}};
            if (auto why = stdin_twice(inputs); !why.empty()) return argument_error("eval", why);
            if (auto why = output_is_input("--output", o->output, inputs); !why.empty())
              return usage_error("eval", why);
            int exit = Exit::ok;
            auto selected = load_selection("eval", o->file, o->package, o->addons, exit, o->output);
            if (!selected) return exit;
            const Evaluator& evaluator = selected->evaluator;
            const auto as_of =
                as_of_argument(o->as_of_flag->count() > 0, o->as_of, evaluator.calendar(), error);
            if (!as_of)
              return argument_error("eval", fmt::format("--as-of '{}': {}", o->as_of, error));

            TicketInput input;
            if (!input.open(o->input, evaluator, error)) return usage_error("eval", error);

            // Only now, with the input known good, is the output opened: a file is written
            // beside its target and replaces it when the run finishes, never before.
            std::FILE* out = stdout;
            OutputFile out_file;
            const bool to_file = !o->output.empty() && o->output != "-";
            if (to_file) {
              if (auto why = out_file.open(o->output); !why.empty())
                return usage_error("eval", why);
              out = out_file.stream();
            }
            ResultWriter writer(out,
                                o->format == "jsonl"   ? ResultWriter::Format::jsonl
                                : o->format == "table" ? ResultWriter::Format::table
                                                       : ResultWriter::Format::csv,
                                evaluator.calendar(), result_columns(evaluator.package()));
            writer.header();
            const EvalStats stats = run_eval(input.rows(), evaluator, writer, *as_of, o->threads);
            const std::size_t rows = stats.rows, failed = stats.failed;
            if (!writer.flush()) {
              if (!to_file) return output_failure("eval", std::strerror(errno));
              return usage_error(
                  "eval", fmt::format("cannot write '{}': {}", o->output, std::strerror(errno)));
            }
            if (to_file)
              if (auto why = out_file.commit(); !why.empty()) return usage_error("eval", why);
            if (failed) {
              fmt::print(stderr, "sla eval: {} of {} {} errors (see the error column)\n", failed,
                         plural(rows, "row"), agree(failed, "has", "have"));
              return static_cast<int>(Exit::failed);
            }
            return static_cast<int>(Exit::ok);
          }};
}

}  // namespace sla::cli
