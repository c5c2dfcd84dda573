// sla explain: one ticket's computation in plain words, clause by clause — what a
// support manager shows a client. --format json gives the same steps as data.
#include <fmt/format.h>
#include <algorithm>
#include <cstdio>
#include <deque>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>

#include "grammar/suggest.hpp"
#include "interpreter/time/timestamp.hpp"
#include "sla/evaluator.hpp"
#include "sla/load.hpp"
#include "tools/cli/commands.hpp"
#include "tools/console/arguments.hpp"
#include "tools/console/input_file.hpp"
#include "tools/console/json_text.hpp"
#include "tools/console/output.hpp"
#include "tools/console/selection.hpp"
#include "tools/console/streams.hpp"
#include "tools/io/line_reader.hpp"
#include "tools/reports/explanation.hpp"

namespace sla::cli {

namespace {

using json = nlohmann::ordered_json;

struct Options {
  std::string file, package, priority, created, responded, resolved, restored, events, as_of,
      format = "text";
  std::vector<std::string> addons, attributes, updates;
};

// --attribute NAME=VALUE, checked against the contract's attributes: the values in
// the order of Model::attributes (views into `given`), or why not.
std::optional<std::vector<std::string_view>> attribute_values(const Model& model,
                                                              const std::vector<std::string>& given,
                                                              std::string& error) {
  std::vector<std::string_view> values(model.attributes.size());
  std::vector<std::string_view> known;
  for (const auto& a : model.attributes) known.push_back(a.name);
  for (const std::string& g : given) {
    const auto eq = g.find('=');
    if (eq == std::string::npos || eq == 0) {
      error = fmt::format("--attribute '{}': expected NAME=VALUE (channel=phone)", g);
      return std::nullopt;
    }
    const std::string_view name = std::string_view(g).substr(0, eq);
    const auto at = std::find(known.begin(), known.end(), name);
    if (at == known.end()) {
      if (known.empty()) {
        error = fmt::format("--attribute '{}': the contract declares no attributes", g);
      } else {
        const auto near = closest(name, std::span<const std::string_view>(known));
        error = fmt::format("--attribute '{}': unknown attribute '{}'{} (known: {})", g, name,
                            near ? fmt::format("; did you mean '{}'?", *near) : "",
                            fmt::join(known, ", "));
      }
      return std::nullopt;
    }
    auto& slot = values[static_cast<std::size_t>(at - known.begin())];
    if (!slot.empty()) {
      error = fmt::format("--attribute '{}': {} is given twice", g, name);
      return std::nullopt;
    }
    slot = std::string_view(g).substr(eq + 1);
  }
  return values;
}

}  // namespace

Command explain_command(CLI::App& sla) {
  auto o = std::make_shared<Options>();
  CLI::App* app = sla.add_subcommand("explain", "Explain one ticket's deadlines in plain words");
  app->add_option("contract", o->file, "Contract file (.sla), or - for standard input")->required();
  app->add_option("--package", o->package, "The package")->required();
  add_addon_option(app, o->addons);
  app->footer(
      "Example:\n  sla explain contracts/qiscus-enterprise.sla --package premium --priority Normal "
      "\\\n"
      "    --created 2026-01-09T16:30:00+07:00 --as-of 2026-01-12T10:00:00+07:00\n"
      "--events takes a file path (- for standard input): JSON Lines of {\"at\": T, \"status\": "
      "S}, {\"at\": T, \"priority\": P} or {\"at\": T, \"update\": TEXT}.\n"
      "--attribute NAME=VALUE gives the ticket's value of an attribute the contract declares\n"
      "(repeat it for several); without --priority the ticket is judged by the targets for all\n"
      "priorities with a condition on its attributes.\n"
      "Times without an offset are read in the package calendar's zone.\n"
      "Exit codes: 0 ok; 1 the contract has errors; 2 usage error.");
  app->add_option("--priority", o->priority,
                  "The ticket's priority (may be left out when attributes give it a target)");
  app->add_option("--created", o->created, "When the ticket was raised (RFC 3339)")->required();
  auto* responded_flag = app->add_option("--responded", o->responded, "First response (RFC 3339)");
  auto* resolved_flag = app->add_option("--resolved", o->resolved, "Resolution (RFC 3339)");
  auto* restored_flag = app->add_option("--restored", o->restored,
                                        "Service restored, or a workaround given (RFC 3339)");
  app->add_option("--update", o->updates, "An update given to the client (RFC 3339; repeatable)")
      ->type_size(1)
      ->expected(1)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  app->add_option("--attribute", o->attributes,
                  "The ticket's value of an attribute: NAME=VALUE (repeatable)")
      ->type_size(1)
      ->expected(1)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  app->add_option("--events", o->events,
                  "JSON Lines of events: {\"at\": T, \"status\": S}, {\"at\": T, \"priority\": "
                  "P} or {\"at\": T, \"update\": TEXT}; - for standard input");
  auto* as_of_flag = app->add_option(
      "--as-of", o->as_of, "Judge an open ticket at this instant (RFC 3339; default: now)");
  app->add_option("--format", o->format, "Output: text or json")
      ->check(CLI::IsMember({"text", "json"}));

  return {
      app, [o, as_of_flag, responded_flag, resolved_flag, restored_flag] {
        std::string error;
        if (auto why = stdin_twice({{"the contract", o->file}, {"--events", o->events}});
            !why.empty())
          return usage_error("explain", why);
        int exit = Exit::ok;
        auto selected = load_selection("explain", o->file, o->package, o->addons, exit);
        if (!selected) return exit;
        const Evaluator& ev = selected->evaluator;
        const Calendar& cal = ev.calendar();

        auto instant = [&](const std::string& text, const char* what) -> std::optional<Instant> {
          std::string why;
          auto t = instant_argument(text, cal, why);
          if (!t) error = fmt::format("{} '{}': {}", what, text, why);
          return t;
        };
        const auto as_of = as_of_argument(as_of_flag->count() > 0, o->as_of, cal, error);
        if (!as_of) return usage_error("explain", fmt::format("--as-of '{}': {}", o->as_of, error));
        Ticket ticket;
        ticket.priority = o->priority;
        auto created = instant(o->created, "--created");
        if (!created) return usage_error("explain", error);
        ticket.created = *created;
        if (responded_flag->count() > 0 &&
            !(ticket.responded = instant(o->responded, "--responded")))
          return usage_error("explain", error);
        if (resolved_flag->count() > 0 && !(ticket.resolved = instant(o->resolved, "--resolved")))
          return usage_error("explain", error);
        if (restored_flag->count() > 0 && !(ticket.restored = instant(o->restored, "--restored")))
          return usage_error("explain", error);
        const auto attributes = attribute_values(ev.model(), o->attributes, error);
        if (!attributes) return usage_error("explain", error);
        ticket.attributes = *attributes;
        std::vector<TicketEvent> events;
        std::deque<std::string> values;  // the events' views point here (never moved)
        for (const std::string& u : o->updates) {
          const auto t = instant(u, "--update");
          if (!t) return usage_error("explain", error);
          events.push_back({*t, TicketEvent::Kind::update, "update"});
        }
        if (!o->events.empty()) {
          InputFile input;
          if (!input.open(o->events, error)) return usage_error("explain", error);
          std::FILE* in = input.stream();
          // One event a line (LF, CR or CRLF, blank lines skipped, as in every reader);
          // a bad line is named with its line number.
          const std::string name = input_name(o->events);
          std::string line;
          for (std::size_t n = 0;;) {
            const LineRead read = read_record(in, line, 1 << 20, n);
            if (!read.any) break;
            if (read.too_long)
              return usage_error("explain",
                                 fmt::format("{}:{}: a line longer than 1 MiB", name, n));
            const auto j = nlohmann::json::parse(line, nullptr, false);
            const bool valid =
                !j.is_discarded() && j.is_object() && j.contains("at") && j["at"].is_string() &&
                j.contains("status") + j.contains("priority") + j.contains("update") == 1;
            if (!valid)
              return usage_error(
                  "explain", fmt::format("{}:{}: expected {{\"at\": T, \"status\": S}}, {{\"at\": "
                                         "T, \"priority\": P}} or {{\"at\": T, \"update\": TEXT}}",
                                         name, n));
            const auto t = instant(j["at"].get<std::string>(), "event at");
            if (!t) return usage_error("explain", fmt::format("{}:{}: {}", name, n, error));
            const char* key = j.contains("status")     ? "status"
                              : j.contains("priority") ? "priority"
                                                       : "update";
            const auto& value = j[key];
            values.push_back(value.is_string() ? value.get<std::string>() : json_text(value, -1));
            events.push_back({*t,
                              key[0] == 's'   ? TicketEvent::Kind::status
                              : key[0] == 'p' ? TicketEvent::Kind::priority
                                              : TicketEvent::Kind::update,
                              values.back()});
          }
        }
        // In time order, as the evaluator reads them (a --update among --events too).
        std::stable_sort(events.begin(), events.end(),
                         [](auto& a, auto& b) { return a.at < b.at; });
        ticket.events = events;

        Evaluation result = ev.evaluate(ticket, *as_of);
        if (!result.error.empty()) {
          if (ticket.priority.empty() && result.error != "unknown attribute value")
            return usage_error(
                "explain",
                fmt::format("{}: give --priority{}", ev.error_text(result),
                            ev.model().attributes.empty()
                                ? ""
                                : ", or --attribute values that a target for all priorities "
                                  "with a condition matches"));
          return usage_error("explain", ev.error_text(result));
        }
        const json steps = explanation(ev, ticket, *as_of);
        if (o->format == "json") {
          fmt::print(standard_output(), "{}\n", json_text(steps));
        } else {
          for (const auto& s : steps)
            fmt::print(standard_output(), "- {}\n", s["text"].get<std::string>());
        }
        return static_cast<int>(Exit::ok);
      }};
}

}  // namespace sla::cli
