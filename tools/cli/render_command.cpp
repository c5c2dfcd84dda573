// sla render FILE: the contract as a document that a lawyer or a client reads and
// signs, in Markdown or as one self-contained HTML file, generated from the same
// Model the interpreter enforces so that the two cannot drift apart.
#include <fmt/format.h>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "sla/lint.hpp"
#include "sla/load.hpp"
#include "tools/cli/commands.hpp"
#include "tools/console/arguments.hpp"
#include "tools/console/file_output.hpp"
#include "tools/console/output.hpp"
#include "tools/console/selection.hpp"
#include "tools/document/contract_document.hpp"
#include "tools/document/html_writer.hpp"
#include "tools/document/markdown_writer.hpp"

namespace sla::cli {

namespace {

struct Options {
  std::string file, format, package, output;
  bool with_lint = false;
};

// By extension, whatever its case: "report.HTML" is HTML too.
bool ends_with_html(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == ".html" || ext == ".htm";
}

}  // namespace

Command render_command(CLI::App& sla) {
  auto o = std::make_shared<Options>();
  CLI::App* app = sla.add_subcommand(
      "render", "Render the contract as a document to read and sign (Markdown or HTML)");
  app->add_option("file", o->file, "Contract file (.sla), or - for standard input")->required();
  app->add_option("--format", o->format,
                  "Output: md (Markdown, the default) or html (one self-contained file; the "
                  "default when --output ends in .html)")
      ->check(CLI::IsMember({"md", "html"}));
  app->add_option("--package", o->package,
                  "Render only this package, with the add-ons it can take and its examples");
  app->add_flag("--with-lint", o->with_lint,
                "Add a reviewer's appendix with the lint's findings in plain words");
  app->add_option("-o,--output", o->output,
                  "Write to FILE instead of standard output (replaced in one step, never the "
                  "contract itself; - is standard output)");
  app->footer(
      "Examples:\n"
      "  sla render contracts/qiscus-enterprise.sla > qiscus.md\n"
      "  sla render contracts/qiscus-enterprise.sla --format html --output qiscus.html\n"
      "  sla render contracts/qiscus-enterprise.sla --package premium --with-lint -o premium.html\n"
      "The document: the title block (provider, version, dates, review, change notice), the\n"
      "definitions, the packages side by side, each package's terms (operating hours with a\n"
      "weekly chart, priorities, response and resolution times, clock rules, escalation,\n"
      "uptime), the add-ons with their prices, the contract's examples worked out in words,\n"
      "and the public holidays. Every clause names the source line that states it. The HTML\n"
      "is one file with no external resources, printable, and the same bytes on every run.\n"
      "Exit codes: 0 rendered; 1 the contract has errors (its diagnostics are printed) or\n"
      "defines no package; 2 usage\n"
      "error (unknown package, unreadable contract, an output that is the contract or cannot be\n"
      "written).");

  return {app, [o] {
            if (auto why = output_is_input("--output", o->output, {{"the contract", o->file}});
                !why.empty())
              return usage_error("render", why);
            if (auto why = unreadable(o->file); !why.empty()) return usage_error("render", why);
            LoadResult r = load_contract(o->file);
            if (auto why = output_is_loaded("--output", o->output, o->file, r.files); !why.empty())
              return usage_error("render", why);
            print_diagnostics(r.diagnostics);
            if (!r.ok()) return static_cast<int>(Exit::failed);
            // An empty or truncated file checks clean (a module may define little), but it
            // is no agreement anyone should sign.
            if (r.model->packages.empty()) {
              fmt::print(stderr,
                         "sla render: {} defines no package, so there is no agreement to render "
                         "(is the file complete?)\n",
                         o->file);
              return static_cast<int>(Exit::failed);
            }
            if (!o->package.empty()) {
              Selection sel = select(*r.model, o->package);
              // Render has no --addon: an add-on is shown with the package it goes with.
              if (!sel.package && r.model->addon(o->package)) {
                std::vector<std::string> ids;
                for (const auto& p : r.model->packages) ids.push_back(p.id);
                return usage_error(
                    "render", fmt::format("'{}' is an add-on, not a package; render the package it "
                                          "goes with (packages: {})",
                                          o->package, fmt::join(ids, ", ")));
              }
              if (!sel.package) return argument_error("render", sel.error);
            }
            std::vector<Diagnostic> findings;
            RenderOptions options;
            options.package = o->package;
            if (o->with_lint) {
              LintResult lint = lint_contract(o->file);
              findings = std::move(lint.diagnostics);
              options.findings = &findings;
            }
            const doc::Document document = contract_document(*r.model, options);
            const bool as_html =
                o->format == "html" || (o->format.empty() && ends_with_html(o->output));
            const std::string text = as_html ? html(document) : markdown(document);
            if (o->output.empty() || o->output == "-") {
              fmt::print("{}", text);
              return static_cast<int>(Exit::ok);
            }
            if (auto why = write_file(o->output, text); !why.empty())
              return usage_error("render", why);
            return static_cast<int>(Exit::ok);
          }};
}

}  // namespace sla::cli
