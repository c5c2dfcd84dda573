// sla fmt FILE...: rewrite contracts in the one canonical layout, or --check
// that they are in it. A file that does not parse is reported and left alone.
#include <fmt/format.h>
#include <algorithm>
#include <fstream>
#include <iostream>
#include <sstream>

#include "tools/cli/commands.hpp"
#include "tools/console/arguments.hpp"
#include "tools/console/file_output.hpp"
#include "tools/console/json_text.hpp"
#include "tools/console/output.hpp"
#include "tools/console/streams.hpp"
#include "tools/console/terminal.hpp"
#include "tools/format/formatter.hpp"
#include "tools/format/unified_diff.hpp"

namespace sla::cli {

namespace {

using json = nlohmann::ordered_json;

struct Options {
  std::vector<std::string> files;
  bool check = false;
  std::string format = "text";
};

std::optional<std::string> read_all(std::istream& in) {
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return std::move(text).str();
}

std::size_t error_count(const std::vector<Diagnostic>& diagnostics) {
  return static_cast<std::size_t>(
      std::count_if(diagnostics.begin(), diagnostics.end(),
                    [](const Diagnostic& d) { return d.severity == Severity::error; }));
}

class Run {
 public:
  explicit Run(const Options& options)
      : options_(options),
        json_(options.format == "json"),
        colour_(colour_wanted(standard_output())) {}

  int all() {
    for (const auto& file : options_.files) {
      json entry = {{"file", file}, {"formatted", false}};
      one(file, entry);
      report_.push_back(std::move(entry));
    }
    if (json_) {
      fmt::print(standard_output(), "{}\n", json_text(report_));
    } else if (options_.check && exit_ == Exit::ok) {
      fmt::print(standard_output(), "{} file{} formatted\n", options_.files.size(),
                 options_.files.size() == 1 ? "" : "s");
    } else if (options_.check && unformatted_ > 0) {
      fmt::print(standard_error(), "{} of {} file{} not formatted; run 'sla fmt' on {} to fix {}\n",
                 unformatted_, options_.files.size(), options_.files.size() == 1 ? "" : "s",
                 unformatted_ == 1 ? "it" : "them", unformatted_ == 1 ? "it" : "them");
    }
    return exit_;
  }

 private:
  void fail(int code) {
    // A usage error outranks a file that is not formatted.
    if (exit_ != Exit::usage) exit_ = code;
  }

  // A file that cannot be read or written: the others are still processed.
  void io_error(json& entry, const std::string& why) {
    if (json_)
      entry["error"] = why;
    else
      fmt::print(standard_error(), "sla fmt: {}\n", why);
    fail(Exit::usage);
  }

  // Formats one file, or says why not; `entry` is its line in the JSON report.
  void one(const std::string& file, json& entry) {
    const bool from_stdin = file == "-";
    const std::string name = from_stdin ? "<stdin>" : file;

    std::optional<std::string> text;
    if (from_stdin) {
      text = standard_input_text();
    } else if (auto why = unreadable(file); !why.empty()) {
      return io_error(entry, why);
    } else {
      std::ifstream in(file, std::ios::binary);
      text = read_all(in);
    }
    if (!text) return io_error(entry, fmt::format("cannot read '{}'", name));

    FormatResult r = format_source(name, *text);
    if (!r.text) {
      fail(Exit::failed);
      if (from_stdin && !options_.check && !json_)
        fmt::print(standard_output(), "{}", *text);  // a filter keeps it
      if (!r.internal_error.empty()) {
        const std::string why = fmt::format(
            "{}: not formatted: internal error: {}; the file is left as it was. "
            "Please report this with the file.",
            name, r.internal_error);
        if (json_)
          entry["error"] = why;
        else
          fmt::print(standard_error(), "sla fmt: {}\n", why);
        return;
      }
      if (json_) {
        auto diagnostics = json::array();
        for (const auto& d : r.diagnostics) diagnostics.push_back(to_json(d));
        entry["diagnostics"] = diagnostics;
      } else {
        print_diagnostics(r.diagnostics);
        const std::size_t n = error_count(r.diagnostics);
        fmt::print(standard_error(), "{}: {} error{}; not formatted\n", name, n, n == 1 ? "" : "s");
      }
      return;
    }

    const bool formatted = *r.text == *text;
    entry["formatted"] = formatted;
    if (options_.check) {
      if (formatted) {
        if (json_) entry["diff"] = "";
        return;
      }
      ++unformatted_;
      fail(Exit::failed);
      if (json_) {
        entry["diff"] = unified_diff(*text, *r.text, name, false);
      } else {
        fmt::print(standard_output(), "{}", unified_diff(*text, *r.text, name, colour_));
        std::fflush(standard_output());
        fmt::print(standard_error(), "{}: not formatted\n", name);
      }
    } else if (from_stdin) {
      if (json_)
        entry["text"] = *r.text;
      else
        fmt::print(standard_output(), "{}", *r.text);
    } else {
      if (!formatted)
        if (auto why = write_file(file, *r.text); !why.empty()) return io_error(entry, why);
      if (json_)
        entry["rewritten"] = !formatted;
      else
        fmt::print(standard_output(), "{}: {}\n", name,
                   formatted ? "already formatted" : "reformatted");
    }
  }

  const Options& options_;
  const bool json_;
  const bool colour_;
  json report_ = json::array();
  int exit_ = Exit::ok;
  std::size_t unformatted_ = 0;
};

}  // namespace

Command fmt_command(CLI::App& sla) {
  auto options = std::make_shared<Options>();
  CLI::App* app = sla.add_subcommand(
      "fmt", "Format contracts: rewrite them in the one canonical layout (or --check)");
  app->add_option("files", options->files, "Contract files (.sla); - reads standard input")
      ->required();
  app->add_flag("--check", options->check,
                "Change nothing: print a diff for each file that is not formatted, exit 1");
  app->add_option("--format", options->format, "Output: text (for people) or json")
      ->check(CLI::IsMember({"text", "json"}));
  app->footer(
      "Examples:\n"
      "  sla fmt contracts/*.sla               rewrite each file in place (when it changes)\n"
      "  sla fmt --check contracts/*.sla       change nothing; show what would change\n"
      "  sla fmt - <draft.sla >clean.sla       standard input to standard output\n"
      "Only the layout changes: one statement per line, two-space indents, one space between\n"
      "words, one blank line between top-level blocks. Words, numbers and strings stay as\n"
      "written; comments and blank lines between groups of statements are kept; the result\n"
      "parses to exactly the same contract (this is checked before a file is written).\n"
      "Exit codes: 0 every file is formatted (or was rewritten); 1 with --check, a file is not\n"
      "formatted, or a file has syntax errors (it is reported and left untouched); 2 usage error\n"
      "or a file that cannot be read or written (the other files are still processed).");

  return {app, [options] {
            std::vector<std::pair<std::string, std::string>> inputs;
            for (const auto& f : options->files) inputs.emplace_back("a contract", f);
            if (auto why = stdin_twice(inputs); !why.empty()) return argument_error("fmt", why);
            return Run(*options).all();
          }};
}

}  // namespace sla::cli
