// sla test FILE...: runs the contracts' examples; a failing example fails the run.
#include <date/date.h>
#include <fmt/format.h>
// libstdc++'s <regex> trips GCC 12's -Wmaybe-uninitialized at -O1 (a known false positive).
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include <regex>
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

#include "interpreter/time/timestamp.hpp"
#include "sla/evaluator.hpp"
#include "sla/load.hpp"
#include "tools/cli/commands.hpp"
#include "tools/console/arguments.hpp"
#include "tools/console/json_text.hpp"
#include "tools/console/output.hpp"
#include "tools/console/selection.hpp"
#include "tools/console/streams.hpp"
#include "tools/console/terminal.hpp"
#include "tools/document/example_ticket.hpp"
#include "tools/reports/explanation.hpp"

namespace sla::cli {

namespace {

using json = nlohmann::ordered_json;

// "2026-01-12 12:30" in the calendar's zone.
std::string local_minutes(Instant t, const Calendar& calendar) {
  if (t == Calendar::kNever) return "never";
  // The local wall time itself: an offset with seconds (local mean time before a
  // zone adopted standard time) is written in UTC by format_timestamp.
  return date::format("%Y-%m-%d %H:%M", date::floor<std::chrono::minutes>(calendar.to_local(t)));
}

struct Outcome {
  bool passed = true;
  std::vector<std::string> failures;
  json trace = json::array();  // the explain steps of a failed example's ticket
};

Outcome run_example(const Model& model, const Example& e) {
  Outcome out;
  auto fail = [&](std::string why) {
    out.passed = false;
    out.failures.push_back(std::move(why));
  };
  auto made = Evaluator::make(model, e.package, e.addons);
  if (!made.evaluator) {
    fail(made.error);
    return out;
  }
  const Evaluator& ev = *made.evaluator;
  const Calendar& cal = ev.calendar();
  auto instant = [&](const std::string& text) -> std::optional<Instant> {
    if (text.empty()) return std::nullopt;
    std::string error;
    auto t = instant_argument(text, cal, error);
    if (!t) fail(fmt::format("'{}': {}", text, error));
    return t;
  };
  const ExampleTicket example = example_ticket(model, e, cal);
  if (!example.error.empty()) {
    fail(example.error);
    return out;
  }
  const Ticket& ticket = example.ticket;
  const Instant as_of = example.as_of;
  const Evaluation result = ev.evaluate(ticket, as_of);
  if (!result.error.empty()) {
    fail(fmt::format("{}:{}:{}: {}", e.span.file, e.span.line, e.span.column,
                     ev.error_text(result)));
    return out;
  }
  for (const auto& x : e.expectations) {
    const std::string where = fmt::format("{}:{}:{}", x.span.file, x.span.line, x.span.column);
    if (x.subject == "escalation") {
      const auto t = instant(x.due);
      if (!t) continue;
      const EscalationBand* at =
          ev.band_at(result.priority, ticket.created, *t, ticket.responded, ticket.resolved);
      const EscalationBand* before =
          ev.band_at(result.priority, ticket.created, *t - std::chrono::seconds(1),
                     ticket.responded, ticket.resolved);
      if (!at || at->role != x.role)
        fail(
            fmt::format("{}: expected escalation to \"{}\" at {}, but the ladder is at \"{}\" then",
                        where, x.role, x.due, at ? at->role : "no band"));
      else if (before && before->role == x.role)
        fail(fmt::format("{}: expected escalation to \"{}\" at {}, but it was reached earlier",
                         where, x.role, x.due));
      continue;
    }
    const TargetOutcome& target = x.subject == "response"     ? result.response
                                  : x.subject == "resolution" ? result.resolution
                                  : x.subject == "update"     ? result.update
                                                              : result.restoration;
    if (!x.due.empty()) {
      const std::string got = target.due ? local_minutes(*target.due, cal)
                              : target.verdict == Verdict::no_target ? "no target"
                                                                     : "never";
      if (got != x.due)
        fail(fmt::format("{}: expected {} due {}, got {}", where, x.subject, x.due, got));
    } else if (!x.status.empty() && x.status != name(target.verdict)) {
      fail(fmt::format("{}: expected {} {}, got {}", where, x.subject, x.status,
                       name(target.verdict)));
    }
  }
  if (!out.passed) out.trace = explanation(ev, ticket, as_of);
  return out;
}

}  // namespace

Command test_command(CLI::App& sla) {
  struct Options {
    std::vector<std::string> files;
    std::string filter, format = "text";
  };
  auto o = std::make_shared<Options>();
  CLI::App* app = sla.add_subcommand("test", "Run the examples written in contracts");
  app->add_option("files", o->files, "Contract files (.sla); - reads standard input")->required();
  app->add_option("--filter", o->filter,
                  "Run only the examples whose name matches this regular expression");
  app->add_option("--format", o->format, "Output: text or json")
      ->check(CLI::IsMember({"text", "json"}));
  app->footer(
      "Each example states a ticket under a package and what must come of it:\n"
      "  example \"Friday afternoon\" { under premium  ticket Normal raised 2026-01-09 16:30\n"
      "                               expect response due 2026-01-12 12:30 }\n"
      "Times are local to the package's calendar. An example is judged as of the latest time it\n"
      "mentions. Exit codes: 0 every example passed; 1 an example failed, a contract has errors,\n"
      "or no example ran (none in the files, or none matching --filter);\n"
      "2 usage error. A failing example prints the expected and actual values and how they\n"
      "were computed (the steps of 'sla explain').");

  return {app, [o] {
            std::optional<std::regex> filter;
            if (!o->filter.empty()) {
              try {
                filter.emplace(o->filter);
              } catch (const std::regex_error& e) {
                return argument_error(
                    "test", fmt::format("--filter '{}' is not a regular expression: {}", o->filter,
                                        e.what()));
              }
            }
            std::vector<std::pair<std::string, std::string>> inputs;
            for (const auto& f : o->files) inputs.emplace_back("a contract", f);
            if (auto why = stdin_twice(inputs); !why.empty()) return argument_error("test", why);
            int exit = Exit::ok;
            const bool colour = o->format == "text" && colour_wanted(standard_output());
            std::size_t passed = 0, failed = 0;
            json report = json::array();
            for (const auto& file : o->files) {
              if (auto why = unreadable(file); !why.empty()) {
                fmt::print(standard_error(), "sla test: {}\n", why);
                exit = Exit::usage;
                continue;
              }
              LoadResult r = load_contract(file);
              print_diagnostics(r.diagnostics);
              if (!r.ok()) {
                if (exit == Exit::ok) exit = Exit::failed;
                continue;
              }
              for (const auto& e : r.model->examples) {
                if (filter && !std::regex_search(e.name, *filter)) continue;
                const Outcome outcome = run_example(*r.model, e);
                outcome.passed ? ++passed : ++failed;
                if (!outcome.passed && exit == Exit::ok) exit = Exit::failed;
                if (o->format == "json") {
                  report.push_back({{"file", input_name(file)},
                                    {"example", e.name},
                                    {"passed", outcome.passed},
                                    {"failures", outcome.failures},
                                    {"trace", outcome.trace},
                                    {"span", to_json(e.span)}});
                } else {
                  fmt::print(standard_output(), "{} {} ({}:{})\n",
                             outcome.passed ? paint("PASS", Colour::green, colour)
                                            : paint("FAIL", Colour::red, colour),
                             e.name, e.span.file, e.span.line);
                  for (const auto& f : outcome.failures)
                    fmt::print(standard_output(), "     {}\n", f);
                  if (!outcome.trace.empty())
                    fmt::print(standard_output(), "     how it was computed:\n");
                  for (const auto& step : outcome.trace)
                    fmt::print(standard_output(), "       - {}\n", step["text"].get<std::string>());
                }
              }
            }
            if (o->format == "json")
              fmt::print(standard_output(), "{}\n", json_text(report));
            else
              fmt::print(standard_output(), "{} passed, {} failed\n", passed, failed);
            // Nothing run is not a pass: a mistyped --filter must not turn CI green.
            if (passed + failed == 0 && exit == Exit::ok) {
              fmt::print(standard_error(), "sla test: no example ran{}\n",
                         o->filter.empty()
                             ? (o->files.size() == 1 ? ": the contract contains no example blocks"
                                                     : ": the contracts contain no example blocks")
                             : fmt::format(": none is named to match --filter '{}'", o->filter));
              exit = Exit::failed;
            }
            return exit;
          }};
}

}  // namespace sla::cli
