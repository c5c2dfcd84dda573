// sla diff OLD NEW: what changed for the client between two versions of a
// contract, compared as checked Models (docs/diff.md), with a CI gate.
#include <fmt/format.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>

#include "sla/diff.hpp"
#include "sla/load.hpp"
#include "tools/cli/commands.hpp"
#include "tools/console/arguments.hpp"
#include "tools/console/input_file.hpp"
#include "tools/console/output.hpp"
#include "tools/console/selection.hpp"
#include "tools/console/streams.hpp"
#include "tools/console/terminal.hpp"
#include "tools/io/ticket_reader.hpp"
#include "tools/reports/diff_report.hpp"

namespace sla::cli {

namespace {

struct Options {
  std::vector<std::string> files;
  std::string against;
  std::string format = "text";
  std::string fail_on = "none";
  std::vector<std::string> effects;  // CODE=EFFECT
  bool impact = false;
  std::size_t per_priority = 500;
  std::string tickets;  // replayed instead of generated ones
};

// --impact --tickets FILE: each row of the help desk's export replayed under both
// versions, as of the last moment either version evaluates it; a row that is no
// ticket is counted and named on stderr, never dropped in silence.
std::optional<Impact> replay_file(const std::string& path, const Model& a, const Model& b,
                                  std::string& error) {
  InputFile in;
  if (!in.open(path, error)) return std::nullopt;
  const CalendarInfo* calendar =
      b.packages.empty() ? nullptr : b.calendar(b.packages.front().calendar);
  if (!calendar || !calendar->calendar) {
    error = "the new version has no package with a calendar to read the tickets' times in";
    return std::nullopt;
  }
  std::vector<std::string> attributes;
  for (const auto& attribute : b.attributes) attributes.push_back(attribute.name);
  TicketReader reader(in.stream(),
                      input_format_of(path, in.stream()) == "jsonl" ? TicketReader::Format::jsonl
                                                                    : TicketReader::Format::csv,
                      *calendar->calendar, std::move(attributes));
  if (!reader.start(error)) {
    error = fmt::format("{}: {}", input_name(path), error);
    return std::nullopt;
  }
  ImpactReplay replay(a, b);
  TicketRow row;
  const Instant now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  while (reader.next(row)) {
    if (row.error.empty()) row.error = replay.add(row.ticket, now);
    if (row.error.empty()) continue;
    replay.unreadable();
    fmt::print(standard_error(), "sla diff: {}: row {} (line {}){}: {}\n", input_name(path),
               row.number, row.line, row.id.empty() ? "" : fmt::format(", ticket {}", row.id),
               row.error);
  }
  return replay.result();
}

std::optional<Effect> effect_named(std::string_view word) {
  for (Effect e : {Effect::weaker, Effect::stronger, Effect::neutral})
    if (name(e) == word) return e;
  return std::nullopt;
}

// --effect SLA240=neutral: the project's own reading of a change kind.
std::string read_overrides(const std::vector<std::string>& given,
                           std::map<std::string, Effect>& out) {
  for (const auto& g : given) {
    const auto eq = g.find('=');
    std::string code = g.substr(0, eq);
    for (auto& c : code) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    const auto known = std::find_if(diff_rules().begin(), diff_rules().end(),
                                    [&](const DiffRule& r) { return r.code == code; });
    if (eq == std::string::npos || known == diff_rules().end())
      return fmt::format(
          "--effect '{}': write CODE=weaker|stronger|neutral with a change code "
          "{}-{} (docs/diff.md)",
          g, diff_rules().front().code, diff_rules().back().code);
    const auto effect = effect_named(g.substr(eq + 1));
    if (!effect) return fmt::format("--effect '{}': the effect is weaker, stronger or neutral", g);
    out[code] = *effect;
  }
  return {};
}

// The text of FILE at a git revision: `git show REF:./FILE`, from the file's folder.
std::optional<std::string> git_show(const std::string& ref, const std::string& file,
                                    std::string& why) {
  namespace fs = std::filesystem;
  const fs::path path(file);
  const std::string dir = path.has_parent_path() ? path.parent_path().string() : ".";
  std::string command = "git -C '";
  for (char c : dir) command += c == '\'' ? std::string("'\\''") : std::string(1, c);
  command += "' show '";
  const std::string spec = ref + ":./" + path.filename().string();
  for (char c : spec) command += c == '\'' ? std::string("'\\''") : std::string(1, c);
  command += "' 2>&1";
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(::popen(command.c_str(), "r"), ::pclose);
  if (!pipe) {
    why = "cannot run git";
    return std::nullopt;
  }
  std::string text;
  std::array<char, 65536> chunk{};
  while (const std::size_t n = std::fread(chunk.data(), 1, chunk.size(), pipe.get()))
    text.append(chunk.data(), n);
  const int status = ::pclose(pipe.release());
  if (status != 0) {
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
    if (text.starts_with("fatal: ")) text.erase(0, 7);
    why = fmt::format("git show {}: {}", spec, text.empty() ? "failed" : text);
    if (text.find("exists on disk, but not in") != std::string::npos ||
        text.find("does not exist in") != std::string::npos)
      why += fmt::format(" (a contract new since {} has no earlier version to compare with)", ref);
    return std::nullopt;
  }
  return text;
}

}  // namespace

Command diff_command(CLI::App& sla) {
  auto o = std::make_shared<Options>();
  CLI::App* app = sla.add_subcommand(
      "diff", "Compare two versions of a contract: what got weaker or stronger for the client");
  app->add_option("files", o->files, "OLD NEW contract files (or one FILE with --against)")
      ->required()
      ->expected(1, 2);
  app->add_option("--against", o->against,
                  "Compare FILE with its version at this git revision (HEAD, main, v2025.1)");
  app->add_option("--format", o->format,
                  "Output: text (for people), json, sarif (SARIF 2.1.0), github (workflow "
                  "annotations) or markdown (a pull request comment)")
      ->check(CLI::IsMember({"text", "json", "sarif", "github", "markdown"}));
  app->add_option("--fail-on", o->fail_on,
                  "Exit 1 when a change has this effect: weaker (the CI gate), stronger, "
                  "neutral, any, or none (default)")
      ->check(CLI::IsMember({"weaker", "stronger", "neutral", "any", "none"}));
  app->add_option("--effect", o->effects,
                  "Read a change kind your way: CODE=weaker|stronger|neutral (repeatable)");
  app->add_flag("--impact", o->impact,
                "Replay generated tickets under both versions: how many deadlines move, by how "
                "much, how many verdicts flip");
  app->add_option("--impact-tickets", o->per_priority,
                  "With --impact: generated tickets per package and priority (default 500)")
      ->check(CLI::Range(1, 100000));
  app->add_option("--tickets", o->tickets,
                  "With --impact: replay these tickets (CSV or JSON Lines, as sla eval reads) "
                  "instead of generated ones");
  app->footer(
      "Compares what the two versions mean, package by package and add-on by add-on after\n"
      "inheritance: targets, calendars (hours a week, closed days, zone), clock rules,\n"
      "escalation, uptime, credits, prices, add-on rules, definitions, examples. Moved or\n"
      "reformatted clauses and comments are no change. Each change has a stable code\n"
      "(SLA2xx, docs/diff.md) and an effect on the client: weaker (the client gets less: a\n"
      "longer target, fewer hours, a higher price, a new exclusion), stronger, or neutral.\n"
      "Examples:\n"
      "  sla diff contract-2025.sla contract-2026.sla\n"
      "  sla diff --against main contracts/qiscus-enterprise.sla --fail-on weaker\n"
      "  sla diff old.sla new.sla --impact   # how much later are tickets answered?\n"
      "Exit codes: 0 compared (and no change has the --fail-on effect); 1 a change has the\n"
      "--fail-on effect, or a version has errors; 2 usage error (an unreadable file, an\n"
      "unknown revision).");
  return {
      app, [o] {
        std::map<std::string, Effect> overrides;
        if (auto why = read_overrides(o->effects, overrides); !why.empty())
          return usage_error("diff", why);
        if (o->against.empty() != (o->files.size() == 2))
          return usage_error("diff", o->against.empty()
                                         ? "give OLD and NEW, or one FILE with --against REF"
                                         : "--against REF compares one FILE with its past "
                                           "version: give one file");
        const std::string new_file = o->files.back();
        const std::string old_file =
            o->against.empty() ? o->files.front() : o->against + ":" + new_file;
        for (const auto& f : o->files)
          if (auto why = unreadable(f); !why.empty()) return usage_error("diff", why);
        LoadResult old_version;
        if (o->against.empty()) {
          old_version = load_contract(old_file);
        } else {
          std::string why;
          auto text = git_show(o->against, new_file, why);
          if (!text) return usage_error("diff", why);
          // Its imports are read as they are now, from the file's folder.
          namespace fs = std::filesystem;
          LoadOptions options;
          const fs::path dir = fs::path(new_file).parent_path();
          options.imports = ImportPolicy::folders({dir.empty() ? "." : dir.string()});
          old_version = load_string(old_file, std::move(*text), options);
        }
        LoadResult new_version = load_contract(new_file);
        if (!old_version.ok() || !new_version.ok()) {
          print_diagnostics(old_version.diagnostics);
          print_diagnostics(new_version.diagnostics);
          fmt::print(standard_error(), "sla diff: {} has errors; nothing compared\n",
                     !old_version.ok() ? old_file : new_file);
          return static_cast<int>(Exit::failed);
        }
        DiffSummary summary{old_file, new_file, diff(*old_version.model, *new_version.model),
                            nullptr, o->against.empty()};
        for (auto& c : summary.changes)
          if (auto it = overrides.find(c.code); it != overrides.end()) c.effect = it->second;
        if (!o->tickets.empty() && !o->impact)
          return usage_error("diff", "--tickets is for --impact: add --impact");
        if (o->impact && o->tickets.empty())
          summary.impact =
              impact_json(impact(*old_version.model, *new_version.model, o->per_priority));
        if (o->impact && !o->tickets.empty()) {
          std::string why;
          auto replayed = replay_file(o->tickets, *old_version.model, *new_version.model, why);
          if (!replayed) return usage_error("diff", why);
          summary.impact = impact_json(*replayed);
        }
        if (o->format == "json")
          fmt::print(standard_output(), "{}\n", diff_json(summary).dump(2));
        else if (o->format == "sarif")
          fmt::print(standard_output(), "{}\n", diff_sarif(summary).dump(2));
        else if (o->format == "github")
          fmt::print(standard_output(), "{}", diff_github(summary));
        else if (o->format == "markdown")
          fmt::print(standard_output(), "{}", diff_markdown(summary));
        else
          fmt::print(standard_output(), "{}", diff_text(summary, colour_wanted(standard_output())));
        const bool fails = std::any_of(
            summary.changes.begin(), summary.changes.end(),
            [&](const Change& c) { return o->fail_on == "any" || name(c.effect) == o->fail_on; });
        return static_cast<int>(fails ? Exit::failed : Exit::ok);
      }};
}

}  // namespace sla::cli
