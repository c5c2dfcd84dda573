// sla eval CONTRACT --package ID [--addon ID]... [TICKETS|-]: deadlines, verdicts
// and escalation for every ticket, streamed: one output row per input row (or the
// rows --only asks for). With --watch, a live queue: the file re-read and judged as
// of now at every refresh, the most pressing tickets first.
#include <fmt/format.h>
#include <algorithm>
#include <cerrno>
#include <csignal>
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
#include "tools/console/streams.hpp"
#include "tools/console/terminal.hpp"
#include "tools/io/eval_pipeline.hpp"
#include "tools/io/result_writer.hpp"
#include "tools/io/ticket_reader.hpp"

namespace sla::cli {

namespace {

struct Options {
  std::string file, package, as_of, format = "csv", output, only;
  TicketInputOptions input;
  std::vector<std::string> addons;
  unsigned threads = std::thread::hardware_concurrency() > 1 ? 2 : 1;
  unsigned watch = 60, watch_count = 0;
  CLI::Option* as_of_flag = nullptr;  // given, or now
  CLI::Option *format_flag = nullptr, *only_flag = nullptr, *watch_flag = nullptr;
};

// --watch stops at SIGINT or SIGTERM between refreshes: the flag is all the handler
// may touch.
volatile std::sig_atomic_t stop_watching = 0;
extern "C" void on_stop_signal(int) {
  stop_watching = 1;
}

// A row kept for one refresh of --watch, with copies of the texts its views point into.
struct QueueRow {
  std::string id, priority, error;
  ResultRow row;
  Evaluation ev;
  // Seconds to the most pressing deadline of its pending and breached targets (time
  // left as the target counts it; negative past a deadline); none: nothing is due.
  std::optional<std::int64_t> urgency;

  QueueRow(const TicketRow& r, const Evaluation& e)
      : id(r.id), priority(r.ticket.priority), error(r.error), ev(e) {
    row = ResultRow{};
    row.number = r.number;
    row.line = r.line;
    row.responded = r.ticket.responded;
    row.resolved = r.ticket.resolved;
    row.restored = r.ticket.restored;
    ev.unknown_priority = ev.unknown_value = {};  // views into the ticket; the writer needs none
  }
  void seal() {
    row.id = id;
    row.priority = priority;
    row.error = error;
  }
};

std::optional<std::int64_t> urgency(const Evaluation& ev, Instant as_of, ResultColumns columns) {
  std::optional<std::int64_t> out;
  auto consider = [&](const TargetOutcome& o) {
    std::optional<std::int64_t> s;
    if (o.verdict == Verdict::pending && o.left) s = o.left->count();
    if (o.verdict == Verdict::breached && o.due) s = (*o.due - as_of).count();
    if (s && (!out || *s < *out)) out = s;
  };
  consider(ev.response);
  consider(ev.resolution);
  if (columns.restoration) consider(ev.restoration);
  if (columns.updates) consider(ev.update);
  return out;
}

// One refresh: every row read and judged as of now; the rows --only keeps, the most
// pressing first, under a heading that counts them all. False with `error` when the
// file cannot be read as tickets (a help desk may be rewriting it: the next refresh
// tries again).
bool refresh(const Options& o, const Evaluator& evaluator, StatusSet only, bool terminal,
             std::string& error) {
  TicketInput input;
  if (!input.open(o.input, evaluator, error)) return false;
  const Instant now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  const ResultColumns columns = result_columns(evaluator.package());
  const StatusSet at_risk = status_flag("at_risk"), breached = status_flag("breached");
  std::size_t rows = 0, risky = 0, late = 0, failed = 0;
  std::vector<QueueRow> queue;
  TicketRow r;
  while (input.next(r)) {
    ++rows;
    Evaluation ev;
    if (r.error.empty()) {
      ev = evaluator.evaluate(r.ticket, now);
      if (!ev.ok()) r.error = evaluator.error_text(ev);
    }
    const StatusSet statuses = row_statuses(ev, !r.error.empty(), columns);
    risky += (statuses & at_risk) != 0;
    late += (statuses & breached) != 0;
    failed += !r.error.empty();
    if (!(statuses & only)) continue;
    queue.emplace_back(r, ev);
    if (r.error.empty()) queue.back().urgency = urgency(ev, now, columns);
  }
  // Stable: rows equally pressing (or with nothing due) keep the file's order.
  std::stable_sort(queue.begin(), queue.end(), [](const QueueRow& a, const QueueRow& b) {
    if (!a.urgency || !b.urgency) return a.urgency.has_value() && !b.urgency.has_value();
    return *a.urgency < *b.urgency;
  });
  if (terminal)
    fmt::print(standard_output(),
               "\x1b[H\x1b[2J");  // a fresh screen; a pipe gets each refresh in turn
  const Calendar& calendar = evaluator.calendar();
  // Rows that cannot be judged are counted even when --only leaves them out.
  fmt::print(standard_output(), "as of {}, {} at risk, {} breached{} ({} of {} shown)\n",
             format_timestamp(now, calendar.utc_offset(now)), risky, late,
             failed ? fmt::format(", {} with errors", failed) : std::string(), queue.size(),
             plural(rows, "row"));
  ResultWriter writer(standard_output(), ResultWriter::Format::table, calendar, columns);
  writer.header();
  for (auto& q : queue) {
    q.seal();
    writer.write(q.row, q.ev);
  }
  if (!writer.flush()) return false;
  if (!terminal)
    fmt::print(standard_output(), "\n");  // refreshes one after the other, a blank line apart
  return true;
}

int watch(const Options& o, const Evaluator& evaluator, StatusSet only) {
  stop_watching = 0;
  struct sigaction action = {};
  action.sa_handler = on_stop_signal;
  sigemptyset(&action.sa_mask);
  // A signal during a read or a write must not fail it: the refresh ends, then the watch.
  action.sa_flags = SA_RESTART;
  // The handlers stay until the process ends: a second signal (`timeout` sends one to
  // the child and one to its group) must not kill it on its way out.
  for (const int signal : {SIGINT, SIGTERM}) {
    struct sigaction previous = {};
    sigaction(signal, nullptr, &previous);
    // A signal the parent ignores (a job in the background of a script) stays ignored.
    if (previous.sa_handler != SIG_IGN) sigaction(signal, &action, nullptr);
  }
  const bool terminal = is_terminal(standard_output());
  int exit = Exit::ok;
  for (unsigned done = 0; !stop_watching;) {
    std::string error;
    if (!refresh(o, evaluator, only, terminal, error)) {
      if (error.empty()) {  // stdout is gone: nobody is watching
        exit = output_failure("eval", std::strerror(errno));
        break;
      }
      // The first time, a file that cannot be read is a mistake in the command; later,
      // most likely a desk rewriting it.
      if (done == 0) {
        exit = usage_error("eval", error);
        break;
      }
      fmt::print(standard_error(), "sla eval: {} (trying again in {} s)\n", error, o.watch);
    }
    std::fflush(standard_output());
    ++done;
    if (o.watch_count && done >= o.watch_count) break;
    // Sleeps in short steps, so that a signal ends the wait at once.
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(o.watch);
    while (!stop_watching && std::chrono::steady_clock::now() < until)
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return exit;
}

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
  o->format_flag = app->add_option("--format", o->format, "Output: csv, jsonl or table")
                       ->check(CLI::IsMember({"csv", "jsonl", "table"}));
  o->only_flag = app->add_option("--only", o->only,
                                 "Write only the rows with a status among these (comma list of "
                                 "met, breached, pending, at-risk, no-target, error); how many "
                                 "were shown goes to standard error");
  o->watch_flag = app->add_option("--watch", o->watch,
                                  "A live queue: re-read the tickets file every SECONDS and show "
                                  "its rows as of now, the least time left first (default "
                                  "--only at-risk,breached); stops at Ctrl-C")
                      ->type_name("SECONDS")
                      ->check(CLI::Range(1, 86400));
  app->add_option("--watch-count", o->watch_count, "With --watch: stop after N refreshes")
      ->type_name("N")
      ->check(CLI::Range(1, 1000000))
      ->needs(o->watch_flag);
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
      "update_commitment; then, for packages with `warn at`, <target>_elapsed_percent and\n"
      "<target>_left_seconds per target; then escalation, error. Status: met, breached, pending,\n"
      "at_risk (pending, past a warning), no_target, or error.\n"
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
            const bool watching = o->watch_flag->count() > 0;
            StatusSet only = 0;
            if (o->only_flag->count() > 0) {
              const auto statuses = parse_statuses(o->only, error);
              if (!statuses) return argument_error("eval", fmt::format("--only: {}", error));
              only = *statuses;
            } else if (watching) {
              only = status_flag("at_risk") | status_flag("breached");
            }
            if (watching) {
              if (o->input.tickets == "-")
                return usage_error("eval",
                                   "--watch re-reads the tickets at every refresh, and standard "
                                   "input can be read only once: give the tickets file");
              if (!o->output.empty())
                return usage_error("eval",
                                   "--watch shows a live table on the screen; --output writes a "
                                   "file once: leave one of them out");
              if (o->as_of_flag->count() > 0)
                return usage_error("eval",
                                   "--watch judges the tickets as of now at every refresh; "
                                   "--as-of fixes one instant: leave one of them out");
              if (o->format_flag->count() > 0 && o->format != "table")
                return usage_error("eval",
                                   "--watch shows a table for people; for csv or jsonl, run "
                                   "sla eval without --watch");
            }
            int exit = Exit::ok;
            auto selected = load_selection("eval", o->file, o->package, o->addons, exit, o->output);
            if (!selected) return exit;
            const Evaluator& evaluator = selected->evaluator;
            if (watching) return watch(*o, evaluator, only);
            const auto as_of =
                as_of_argument(o->as_of_flag->count() > 0, o->as_of, evaluator.calendar(), error);
            if (!as_of)
              return argument_error("eval", fmt::format("--as-of '{}': {}", o->as_of, error));

            TicketInput input;
            if (!input.open(o->input, evaluator, error)) return usage_error("eval", error);

            // Only now, with the input known good, is the output opened: a file is written
            // beside its target and replaces it when the run finishes, never before.
            std::FILE* out = standard_output();
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
            writer.only(only);
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
            // No row is left out unsaid.
            if (only)
              fmt::print(standard_error(), "sla eval: {} of {} shown (--only {})\n",
                         rows - writer.hidden(), plural(rows, "row"), o->only);
            if (failed) {
              // Rows with errors that --only left out are still counted: say how to see them.
              const bool shown = !only || (only & status_flag("error"));
              fmt::print(standard_error(), "sla eval: {} of {} {} errors ({})\n", failed,
                         plural(rows, "row"), agree(failed, "has", "have"),
                         shown ? "see the error column" : "--only error shows them");
              return static_cast<int>(Exit::failed);
            }
            return static_cast<int>(Exit::ok);
          }};
}

}  // namespace sla::cli
