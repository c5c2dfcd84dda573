// sla inspect FILE: what the checked contract says, after inheritance.
#include <fmt/format.h>
#include <filesystem>

#include "sla/load.hpp"
#include "tools/cli/commands.hpp"
#include "tools/console/arguments.hpp"
#include "tools/console/json_text.hpp"
#include "tools/console/output.hpp"
#include "tools/console/plural.hpp"
#include "tools/console/selection.hpp"
#include "tools/console/streams.hpp"
#include "tools/reports/model_json.hpp"

namespace sla::cli {

namespace {

void print_package(const Package& p, const Model& m) {
  fmt::print(standard_output(), "\n{} {} \"{}\"{}\n", p.is_addon ? "addon" : "package", p.id,
             p.title, p.extends.empty() ? "" : fmt::format(" (extends {})", p.extends));
  if (!p.applied_addons.empty()) {
    std::string list;
    for (const auto& a : p.applied_addons) list += fmt::format("{}{}", list.empty() ? "" : ", ", a);
    fmt::print(standard_output(), "  with add-ons: {}\n", list);
  }
  if (!p.sold_included_in.empty())
    fmt::print(standard_output(), "  sold: included in {}\n", p.sold_included_in);
  if (p.price)
    fmt::print(standard_output(), "  price: {}{}\n", money_text(*p.price),
               p.price->period.empty() ? "" : " " + p.price->period);
  if (!p.requires_.empty())
    fmt::print(standard_output(), "  requires: {}\n", fmt::join(p.requires_, ", "));
  if (!p.excludes.empty())
    fmt::print(standard_output(), "  excludes: {}\n", fmt::join(p.excludes, ", "));
  if (const CalendarInfo* c = m.calendar(p.calendar))
    fmt::print(standard_output(), "  calendar: {} ({}; {})\n", c->id, c->zone,
               fmt::join(c->weekly, "; "));
  for (const auto& t : p.targets)
    fmt::print(standard_output(), "  {} {}{} {}{}{}\n", verb(t.kind),
               t.priority.empty() ? "(no priority)" : t.priority,
               t.where ? " where " + t.where->text() : "",
               t.by                           ? t.by->text
               : t.kind == TargetKind::update ? "every " + t.within.text
                                              : "within " + t.within.text,
               t.calendar.empty() ? "" : " on calendar " + t.calendar,
               t.commitment == Commitment::best_effort ? " (best effort)" : "");
  if (p.clock_starts_at_next_opening)
    fmt::print(standard_output(), "  clock starts {}\n",
               *p.clock_starts_at_next_opening ? "at next opening" : "at creation");
  if (p.pause_statuses)
    fmt::print(standard_output(), "  clock pauses on status: {}\n",
               fmt::join(*p.pause_statuses, ", "));
  if (p.warn_at_milli)
    fmt::print(standard_output(), "  warn at {}\n", warn_at_text(*p.warn_at_milli));
  auto ladder = [](const std::vector<EscalationBand>& bands, const std::string& whom) {
    for (const auto& b : bands)
      fmt::print(standard_output(), "  escalate{} from {}{} to {}{}\n", whom, b.from.text,
                 b.until ? " until " + b.until->text : "", b.role,
                 b.when_no_response    ? " when no response"
                 : b.when_not_resolved ? " when not resolved"
                                       : "");
  };
  if (p.escalation) ladder(*p.escalation, "");
  for (const auto& l : p.ladders)
    ladder(l.bands, fmt::format(" {}", fmt::join(l.priorities, ", ")));
  for (const auto& c : p.ticket_credits)
    fmt::print(standard_output(), "  credit {} per breached {}{}\n", percent_text(c.percent_milli),
               c.priority.empty() ? "" : c.priority + " ", name(c.kind));
  if (p.credit_cap_milli)
    fmt::print(standard_output(), "  credits at most {} per month\n",
               percent_text(*p.credit_cap_milli));
  for (const auto& u : p.uptime)
    fmt::print(standard_output(), "  uptime of {}: {} {} ({}), {}\n", u.service,
               u.target_milli ? percent_text(*u.target_milli) : "no target", u.period,
               u.commitment == Commitment::committed ? "committed" : "best effort",
               plural_or_no(u.exclusions.size(), "exclusion"));
}

void print_text(const Model& m, const Package* selected) {
  const Header& h = m.contract;
  if (!h.name.empty())
    fmt::print(standard_output(), "contract \"{}\" by {}, version {}, effective {}{}\n", h.name,
               h.provider, h.version, h.effective, h.ends.empty() ? "" : " until " + h.ends);
  if (!m.priorities.empty()) {
    std::vector<std::string> names;
    for (const auto& p : m.priorities) names.push_back(p.name);
    fmt::print(standard_output(), "priorities (lowest first): {}\n", fmt::join(names, " < "));
  }
  for (const auto& c : m.calendars)
    fmt::print(standard_output(), "calendar {}{}: {}; {}{}{}{}\n", c.id,
               c.extends.empty() ? "" : " (extends " + c.extends + ")", c.zone,
               fmt::join(c.weekly, "; "),
               c.dated.empty() ? "" : fmt::format("; {}", fmt::join(c.dated, "; ")),
               c.business_day_seconds
                   ? fmt::format("; business day {} h", *c.business_day_seconds / 3600.0)
                   : "",
               c.holiday_sets.empty()
                   ? ""
                   : fmt::format("; closed on holidays {}", fmt::join(c.holiday_sets, ", ")));
  if (selected) {
    print_package(*selected, m);
    return;
  }
  for (const auto& p : m.packages) print_package(p, m);
  for (const auto& a : m.addons) print_package(a, m);
  if (!m.examples.empty())
    fmt::print(standard_output(), "\n{}\n", plural(m.examples.size(), "example"));
}

}  // namespace

Command inspect_command(CLI::App& sla) {
  struct Options {
    std::string file;
    std::string format = "text";
    std::string package;
    std::vector<std::string> addons;
  };
  auto options = std::make_shared<Options>();
  CLI::App* app = sla.add_subcommand(
      "inspect", "Show the checked contract: packages after inheritance, calendars, targets");
  app->add_option("file", options->file, "Contract file (.sla), or - for standard input")
      ->required();
  app->add_option("--format", options->format,
                  "Output: text or json (positions under \"span\" keys)")
      ->check(CLI::IsMember({"text", "json"}));
  app->add_option("--package", options->package, "Show only this package, with --addon applied");
  add_addon_option(app, options->addons);
  app->footer(
      "Examples:\n  sla inspect contracts/qiscus-enterprise.sla\n"
      "  sla inspect contracts/qiscus-enterprise.sla --package premium --addon dedicated_24x7 "
      "--format json\n"
      "Exit codes: 0 ok; 1 the contract has errors; 2 usage error (unknown package or add-on).");

  return {app, [options] {
            if (auto why = unreadable(options->file); !why.empty()) {
              fmt::print(standard_error(), "sla inspect: {}\n", why);
              return static_cast<int>(Exit::usage);
            }
            if (!options->addons.empty() && options->package.empty()) {
              return argument_error("inspect", "--addon needs --package");
            }
            LoadResult r = load_contract(options->file);
            print_diagnostics(r.diagnostics);
            if (!r.ok()) return static_cast<int>(Exit::failed);
            std::optional<Package> selected;
            if (!options->package.empty()) {
              Selection sel = select(*r.model, options->package, options->addons);
              if (!sel.package) return argument_error("inspect", sel.error);
              selected = std::move(sel.package);
            }
            if (options->format == "json") {
              fmt::print(standard_output(), "{}\n",
                         selected ? json_text(to_json(*selected, *r.model))
                                  : json_text(to_json(*r.model)));
            } else {
              print_text(*r.model, selected ? &*selected : nullptr);
            }
            return static_cast<int>(Exit::ok);
          }};
}

}  // namespace sla::cli
