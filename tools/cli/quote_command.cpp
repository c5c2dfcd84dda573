// sla quote CONTRACT --package ID [--addon ID]...: is the combination allowed,
// what does it include, and what does it cost. The computation is
// interpreter/judge/quote.hpp; this file formats it.
#include <fmt/format.h>
#include <algorithm>

#include "sla/load.hpp"
#include "sla/quote.hpp"
#include "tools/cli/commands.hpp"
#include "tools/console/arguments.hpp"
#include "tools/console/json_text.hpp"
#include "tools/console/output.hpp"
#include "tools/console/selection.hpp"
#include "tools/console/streams.hpp"
#include "tools/console/terminal.hpp"
#include "tools/reports/model_json.hpp"

namespace sla::cli {

namespace {

using json = nlohmann::ordered_json;

struct Options {
  std::string file, package, format = "text";
  std::vector<std::string> addons;
};

// 520000000000 thousandths as "520000000", for tools.
std::string amount_text(std::int64_t milli) {
  if (milli % 1000 == 0) return fmt::format("{}", milli / 1000);
  std::string s = fmt::format("{}.{:03}", milli / 1000, milli % 1000);
  while (s.back() == '0') s.pop_back();
  return s;
}

// Columns are aligned by characters, not bytes ("24×7").
std::size_t display_width(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

std::string total_text(const QuoteTotal& t) {
  return money_text({t.currency, t.milli, t.period, ""}) + (t.period.empty() ? "" : " " + t.period);
}

std::string price_text(const Package& p) {
  if (p.price)
    return money_text(*p.price) + (p.price->period.empty() ? "" : " " + p.price->period) +
           (p.price->label.empty() ? "" : fmt::format(" (stated \"{}\")", p.price->label));
  if (!p.sold_included_in.empty()) return fmt::format("included in {}", p.sold_included_in);
  return "no price stated";
}

std::string where(const SourceRef& s) {
  return fmt::format("{}:{}:{}", s.file, s.line, s.column);
}

// Lowest priority first, whatever order inheritance and add-ons left them in.
std::string duration_list(const Package& p, TargetKind kind, const Model& m) {
  std::vector<const Target*> targets;
  for (const auto& t : p.targets)
    if (t.kind == kind) targets.push_back(&t);
  auto rank = [&](const Target* t) {
    const Priority* priority = m.priority(t->priority);
    return priority ? priority->rank : 0;
  };
  std::stable_sort(targets.begin(), targets.end(),
                   [&](const Target* a, const Target* b) { return rank(a) < rank(b); });
  std::vector<std::string> parts;
  for (const Target* t : targets)
    parts.push_back(fmt::format("{} within {}{}", t->priority, t->within.text,
                                t->commitment == Commitment::best_effort ? " (best effort)" : ""));
  return fmt::format("{}", fmt::join(parts, "; "));
}

// What the selection includes, after inheritance and the add-ons, for people.
std::string includes_text(const Package& p, const Model& m) {
  std::string out;
  auto line = [&](std::string_view label, const std::string& text) {
    if (!text.empty()) out += fmt::format("  {:<19} {}\n", label, text);
  };
  if (!p.extends.empty())
    line("inherits", fmt::format("everything in {} ({})", p.extends,
                                 m.package(p.extends) ? m.package(p.extends)->title : ""));
  if (const CalendarInfo* c = m.calendar(p.calendar))
    line("operating hours",
         fmt::format("{}{} ({}; {})", c->id, c->title.empty() ? "" : " \"" + c->title + "\"",
                     c->zone, fmt::join(c->weekly, "; ")));
  std::vector<std::string> channels, features;
  for (const auto& c : p.channels)
    channels.push_back(c.at.empty() ? c.name : fmt::format("{} ({})", c.name, c.at));
  for (const auto& f : p.features) features.push_back(f.name);
  line("channels", fmt::format("{}", fmt::join(channels, ", ")));
  line("features", fmt::format("{}", fmt::join(features, ", ")));
  line("response targets", duration_list(p, TargetKind::response, m));
  line("resolution targets", duration_list(p, TargetKind::resolution, m));
  if (p.clock_starts_at_next_opening && *p.clock_starts_at_next_opening)
    line("clock", "starts at the next opening");
  if (p.pause_statuses)
    line("clock pauses", fmt::format("on status {}", fmt::join(*p.pause_statuses, ", ")));
  if (p.warn_at_milli)
    line("warnings", fmt::format("at {} of a target's time", warn_at_text(*p.warn_at_milli)));
  if (p.escalation) {
    std::vector<std::string> bands;
    for (const auto& b : *p.escalation)
      bands.push_back(fmt::format("{} from {}{}", b.role, b.from.text,
                                  b.when_no_response ? " when no response" : ""));
    line("escalation", fmt::format("{}", fmt::join(bands, "; ")));
  }
  for (const auto& u : p.uptime) {
    std::vector<std::string> exclusions;
    for (const auto& e : u.exclusions)
      exclusions.push_back(
          e.notice ? fmt::format("{} announced {} ahead", e.category, e.notice->text) : e.category);
    line("uptime",
         fmt::format(
             "{} {} {}, {}{}{}", u.service,
             u.target_milli ? percent_text(*u.target_milli) : "(no target)",
             u.period.empty() ? "(period not stated)" : u.period,
             u.commitment == Commitment::committed ? "committed" : "best effort",
             exclusions.empty() ? "" : fmt::format("; excludes {}", fmt::join(exclusions, ", ")),
             u.credits.empty() ? (u.credits_named ? "; service credits named, no tiers" : "")
                               : fmt::format("; {} credit tier(s)", u.credits.size())));
  }
  for (const auto& n : p.notes) line("note", n);
  return out;
}

void print_text(const Quote& q, const Model& m, const Options& o, bool colour) {
  std::string selection = o.package;
  std::vector<std::string> addon_ids;
  for (std::size_t i = 1; i < q.items.size(); ++i) addon_ids.push_back(q.items[i]->id);
  if (!addon_ids.empty()) selection += fmt::format(" with {}", fmt::join(addon_ids, ", "));
  fmt::print(standard_output(), "Quote: {}{}\n",
             m.contract.name.empty() ? "" : m.contract.name + ", ", selection);
  std::size_t id_width = 0, title_width = 0;
  for (const Package* p : q.items) {
    id_width = std::max(id_width, p->id.size());
    title_width = std::max(title_width, display_width(p->title));
  }
  fmt::print(standard_output(), "\n");
  for (const Package* p : q.items)
    fmt::print(standard_output(), "  {:<{}}  {:<{}}  {}\n", p->id, id_width, p->title, title_width,
               price_text(*p));
  for (const auto& id : q.repeated)
    fmt::print(standard_output(),
               "  note: add-on '{}' is listed more than once; it is counted once\n", id);
  if (!q.problems.empty()) {
    fmt::print(standard_output(), "\n{} this combination is not allowed by the contract:\n",
               paint("error:", Colour::red, colour));
    for (const auto& problem : q.problems)
      fmt::print(standard_output(), "  {}: {}\n", where(problem.clause), problem.message);
    return;
  }
  fmt::print(standard_output(), "\n");
  if (q.totals.empty()) {
    fmt::print(standard_output(), "  {:<{}}  no prices stated\n", "total", id_width);
  } else {
    for (const auto& t : q.totals)
      fmt::print(standard_output(), "  {:<{}}  {}\n", "total", id_width,
                 paint(total_text(t), Colour::bold, colour));
    if (q.totals.size() > 1)
      fmt::print(standard_output(),
                 "  (prices in different currencies or periods are totalled separately)\n");
    for (const auto& t : q.totals)
      if (t.period.empty()) {
        fmt::print(standard_output(),
                   "  (the contract does not say whether these prices are per year, per month or "
                   "one-off)\n");
        break;
      }
  }
  fmt::print(standard_output(), "\nIncludes, after inheritance and add-ons:\n{}",
             includes_text(*q.selection, m));
}

json quote_json(const Quote& q, const Model& m, const Options& o) {
  json j;
  j["package"] = o.package;
  json addons = json::array();
  for (std::size_t i = 1; i < q.items.size(); ++i) addons.push_back(q.items[i]->id);
  j["addons"] = addons;
  j["valid"] = q.valid();
  json problems = json::array();
  for (const auto& p : q.problems)
    problems.push_back({{"message", p.message}, {"span", to_json(p.clause)}});
  j["problems"] = problems;
  j["repeated_addons"] = q.repeated;
  json items = json::array();
  for (const Package* p : q.items) {
    json item{{"id", p->id}, {"title", p->title}, {"kind", p->is_addon ? "addon" : "package"}};
    item["price"] = p->price ? json{{"currency", p->price->currency},
                                    {"amount", amount_text(p->price->milli)},
                                    {"text", money_text(*p->price)},
                                    {"period", p->price->period},
                                    {"label", p->price->label}}
                             : json();
    if (!p->sold_included_in.empty()) item["included_in"] = p->sold_included_in;
    items.push_back(std::move(item));
  }
  j["items"] = items;
  json totals = json::array();
  if (q.valid())
    for (const auto& t : q.totals)
      totals.push_back({{"currency", t.currency},
                        {"period", t.period},
                        {"amount", amount_text(t.milli)},
                        {"text", total_text(t)}});
  j["totals"] = totals;
  j["includes"] = q.selection ? to_json(*q.selection, m) : json();
  return j;
}

}  // namespace

Command quote_command(CLI::App& sla) {
  auto o = std::make_shared<Options>();
  CLI::App* app = sla.add_subcommand(
      "quote",
      "Check a package and add-ons can be sold together, list what they include, total "
      "the prices");
  app->add_option("contract", o->file, "Contract file (.sla), or - for standard input")->required();
  app->add_option("--package", o->package, "The package to quote")->required();
  add_addon_option(app, o->addons);
  app->add_option("--format", o->format, "Output: text or json (default text)")
      ->check(CLI::IsMember({"text", "json"}));
  app->footer(
      "Examples:\n"
      "  sla quote contracts/qiscus-enterprise.sla --package premium --addon dedicated_24x7 "
      "--addon resolution\n"
      "  sla quote contracts/qiscus-enterprise.sla --package premium --addon resolution "
      "--format json\n"
      "Prices are added per currency and per period (per year, per month, one-off, or unstated);\n"
      "amounts with different currencies or periods are never added together.\n"
      "Exit codes: 0 the combination is allowed; 1 the contract has errors, or it forbids the\n"
      "combination (each `requires`/`excludes` clause broken is named with its position);\n"
      "2 usage error (unknown package or add-on, unreadable file).");

  return {app, [o] {
            if (auto why = unreadable(o->file); !why.empty()) return usage_error("quote", why);
            LoadResult r = load_contract(o->file);
            print_diagnostics(r.diagnostics);
            if (!r.ok()) return static_cast<int>(Exit::failed);
            const Quote q = make_quote(*r.model, o->package, o->addons);
            if (!q.error.empty()) return argument_error("quote", q.error);
            if (o->format == "json")
              fmt::print(standard_output(), "{}\n", json_text(quote_json(q, *r.model, *o)));
            else
              print_text(q, *r.model, *o, colour_wanted(standard_output()));
            return static_cast<int>(q.valid() ? Exit::ok : Exit::failed);
          }};
}

}  // namespace sla::cli
