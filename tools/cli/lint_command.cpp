// sla lint FILE...: what a careful reviewer would flag in contracts that check
// clean (SLA1xx findings, docs/lint.md), for people, for tools and for CI.
#include <fmt/format.h>
#include <algorithm>
#include <cctype>

#include "grammar/codes.hpp"
#include "grammar/suggest.hpp"
#include "sla/lint.hpp"
#include "tools/cli/commands.hpp"
#include "tools/console/arguments.hpp"
#include "tools/console/json_text.hpp"
#include "tools/console/output.hpp"
#include "tools/console/plural.hpp"
#include "tools/console/selection.hpp"
#include "tools/console/streams.hpp"
#include "tools/console/terminal.hpp"
#include "tools/reports/lint_report.hpp"

namespace sla::cli {

namespace {

// An unknown code in --allow or --deny is a typo to report, not a silent no-op;
// an error code (SLA0xx) is no finding: errors cannot be silenced, nor denied.
std::string unknown_code(const std::vector<std::string>& codes, std::string_view flag) {
  std::vector<std::string> known;
  for (const auto& r : lint_rules()) known.emplace_back(r.code);
  for (const auto& c : codes) {
    if (std::find(known.begin(), known.end(), c) != known.end()) continue;
    for (const auto& entry : code_table)
      if (entry.id == c)
        return fmt::format(
            "{} {}: {} ({}) is an error in the contract, not a lint finding; {} (codes: {}-{}; "
            "see docs/diagnostics.md)",
            flag, c, c, entry.title,
            flag == "--allow" ? "errors cannot be silenced, fix the contract"
                              : "errors are always errors, --deny takes lint codes",
            known.front(), known.back());
    auto near = closest(c, std::span<const std::string>(known));
    return fmt::format("unknown lint code '{}'{} (codes: {}-{}; see docs/lint.md)", c,
                       near ? fmt::format("; did you mean '{}'?", *near) : "", known.front(),
                       known.back());
  }
  return {};
}

// --allow and --deny take lint codes in any case (sla105 is SLA105, as in
// comments), and a code in one of them only: both at once has no meaning, so it is
// named rather than one of them picked silently.
std::string code_flags_problem(std::vector<std::string>& allow, std::vector<std::string>& deny) {
  for (auto* list : {&allow, &deny}) {
    for (auto& code : *list)
      for (auto& ch : code) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    if (auto why = unknown_code(*list, list == &allow ? "--allow" : "--deny"); !why.empty())
      return why;
  }
  for (const auto& code : allow)
    if (std::find(deny.begin(), deny.end(), code) != deny.end())
      return fmt::format("{} is given to both --allow and --deny; choose one", code);
  return {};
}

}  // namespace

Command lint_command(CLI::App& sla) {
  struct Options {
    std::vector<std::string> files;
    std::string format = "text";
    std::vector<std::string> allow, deny, languages;
    std::string fail_level = "error";
  };
  auto options = std::make_shared<Options>();
  CLI::App* app = sla.add_subcommand(
      "lint", "Find what a reviewer would flag: ambiguous units, labels that disagree, gaps");
  app->add_option("files", options->files, "Contract files (.sla); - reads standard input")
      ->required();
  app->add_option("--format", options->format,
                  "Output: text (for people), json, sarif (SARIF 2.1.0) or github (workflow "
                  "annotations)")
      ->check(CLI::IsMember({"text", "json", "sarif", "github"}));
  app->add_option("--allow", options->allow, "Never report CODE (repeat, or separate with commas)")
      ->delimiter(',')
      ->type_size(1)
      ->allow_extra_args(false);
  app->add_option("--deny", options->deny, "Report CODE as an error (repeat, or use commas)")
      ->delimiter(',')
      ->type_size(1)
      ->allow_extra_args(false);
  app->add_option("--lang", options->languages,
                  "Report the contract's texts without a translation into LANG (e.g. id; repeat "
                  "or use commas). Languages the contract translates into are always checked")
      ->delimiter(',')
      ->type_size(1)
      ->allow_extra_args(false)
      ->transform(language_code_check());
  app->add_option("--fail-level", options->fail_level,
                  "Exit 1 when a finding is at least this severe: warning or error (default)")
      ->check(CLI::IsMember({"warning", "error"}));
  app->footer(
      "Examples:\n"
      "  sla lint contracts/qiscus-enterprise.sla\n"
      "  sla lint contracts/*.sla --fail-level warning --format github   # in a CI job\n"
      "  sla lint contract.sla --format sarif > lint.sarif             # for code scanning\n"
      "  sla lint contract.sla --allow SLA105 --deny SLA103\n"
      "  sla lint contract.sla --lang id      # texts still without an Indonesian translation\n"
      "Silence one finding with a comment on its line or alone on the line above:\n"
      "  # sla: allow SLA105 (calendar hours are meant)\n"
      "and a code for a whole file with '# sla: allow-file SLA110'. Every code is explained\n"
      "with a bad and a good example in docs/lint.md.\n"
      "Exit codes: 0 no finding at the fail level; 1 a finding at the fail level (findings are\n"
      "warnings unless --deny makes them errors), or a contract with errors; 2 usage error or\n"
      "an unreadable file.");

  return {app, [options] {
            if (auto why = code_flags_problem(options->allow, options->deny); !why.empty())
              return usage_error("lint", why);
            LintOptions lint_options;
            lint_options.allow = options->allow;
            lint_options.deny = options->deny;
            lint_options.languages = options->languages;
            const Severity fail_at =
                options->fail_level == "warning" ? Severity::warning : Severity::error;

            int exit = Exit::ok;
            LintSummary summary;
            const bool text = options->format == "text";
            const bool colour = text && colour_wanted(standard_output());
            std::vector<std::pair<std::string, std::string>> inputs;
            for (const auto& f : options->files) inputs.emplace_back("a contract", f);
            if (auto why = stdin_twice(inputs); !why.empty()) return argument_error("lint", why);
            for (const auto& file : options->files) {
              const std::string f = input_name(file);
              if (auto why = unreadable(file); !why.empty()) {
                fmt::print(standard_error(), "sla lint: {}\n", why);
                exit = Exit::usage;
                continue;
              }
              LintResult r = lint_contract(file, lint_options);
              summary.files.push_back(f);
              summary.suppressed += r.suppressed;
              summary.silenced.insert(summary.silenced.end(), r.silenced.begin(), r.silenced.end());
              std::size_t errors = 0, warnings = 0;
              for (const auto& d : r.diagnostics) {
                (d.severity == Severity::error ? errors : warnings) += 1;
                if (d.severity <= fail_at && exit == Exit::ok) exit = Exit::failed;
                if (text) fmt::print(standard_output(), "{}", format_diagnostic(d, colour));
              }
              if (text) {
                const std::string counts =
                    errors + warnings == 0
                        ? "no findings"
                        : fmt::format("{}{}", errors ? plural(errors, "error") + ", " : "",
                                      plural(warnings, "finding"));
                fmt::print(standard_output(), "{}: {}{}\n", f,
                           r.model ? counts : "does not check: " + counts,
                           r.suppressed ? fmt::format(" ({} silenced)", r.suppressed) : "");
              }
              if (!r.model && exit != Exit::usage) exit = Exit::failed;
              for (auto& d : r.diagnostics) summary.diagnostics.push_back(std::move(d));
            }
            if (options->format == "json")
              fmt::print(standard_output(), "{}\n", json_text(lint_json(summary)));
            else if (options->format == "sarif")
              fmt::print(standard_output(), "{}\n", json_text(lint_sarif(summary)));
            else if (options->format == "github")
              fmt::print(standard_output(), "{}", github_annotations(summary));
            return exit;
          }};
}

}  // namespace sla::cli
