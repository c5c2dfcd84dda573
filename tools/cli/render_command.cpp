// sla render FILE: the contract as a document that a lawyer or a client reads and
// signs, in Markdown or as one self-contained HTML file, generated from the same
// Model the interpreter enforces so that the two cannot drift apart.
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "sla/diff.hpp"
#include "sla/lint.hpp"
#include "sla/load.hpp"
#include "tools/cli/commands.hpp"
#include "tools/console/arguments.hpp"
#include "tools/console/file_output.hpp"
#include "tools/console/output.hpp"
#include "tools/console/selection.hpp"
#include "tools/console/streams.hpp"
#include "tools/document/contract_document.hpp"
#include "tools/document/html_writer.hpp"
#include "tools/document/markdown_writer.hpp"
#include "tools/document/pdf_printer.hpp"
#include "tools/wording/wording.hpp"

namespace sla::cli {

namespace {

struct Options {
  std::string file, format, package, output, compare;
  std::vector<std::string> languages;
  bool with_lint = false;
};

// The format an output's extension asks for, whatever its case: "report.HTML" is
// HTML too; "" for any other.
std::string format_of(const std::string& path) {
  const std::string ext = extension_of(path);
  if (ext == ".html" || ext == ".htm") return "html";
  if (ext == ".pdf") return "pdf";
  return {};
}

// What a document in another language still says as written, on stderr: the
// document is complete, but a reader of that language meets these in English.
void warn_untranslated(const Wording& w) {
  if (w.is_english()) return;
  const std::string language = Wording::english_name(w.language());
  if (const auto n = w.missing_texts().size(); n > 0)
    fmt::print(standard_error(),
               "sla render: warning: {} of the contract's texts {} no {} translation and {} as "
               "written ('sla lint --lang {}' lists them with the entries to add)\n",
               n, n == 1 ? "has" : "have", language, n == 1 ? "stays" : "stay", w.language());
  if (const auto n = w.missing_phrases().size(); n > 0)
    fmt::print(standard_error(),
               "sla render: warning: {} generated phrase{} {} no {} wording and {} in English "
               "(tools/wording/lang/{}.po)\n",
               n, n == 1 ? "" : "s", n == 1 ? "has" : "have", language, n == 1 ? "stays" : "stay",
               w.language());
}

}  // namespace

Command render_command(CLI::App& sla) {
  auto o = std::make_shared<Options>();
  CLI::App* app = sla.add_subcommand(
      "render", "Render the contract as a document to read and sign (Markdown, HTML or PDF)");
  app->add_option("file", o->file, "Contract file (.sla), or - for standard input")->required();
  app->add_option("--format", o->format,
                  "Output: md (Markdown, the default), html (one self-contained file, printable; "
                  "the default when --output ends in .html) or pdf (printed by headless "
                  "Chromium, $SLA_CHROMIUM to choose one; needs --output; the default when it "
                  "ends in .pdf)")
      ->check(CLI::IsMember({"md", "html", "pdf"}));
  app->add_option("--package", o->package,
                  "Render only this package, with the add-ons it can take and its examples");
  app->add_option("--compare", o->compare,
                  "A redline: mark what changed since this older version (the changes as "
                  "'sla diff OLD FILE' finds them, summed up first, struck and inserted)");
  app->add_flag("--with-lint", o->with_lint,
                "Add a reviewer's appendix with the lint's findings in plain words");
  app->add_option("--lang", o->languages,
                  "The document's language: en (the default) or id (Bahasa Indonesia); two, as "
                  "en,id, side by side. The contract's own texts come from its translation block")
      ->delimiter(',')
      ->type_size(1)
      ->allow_extra_args(false)
      ->transform(language_code_check());
  app->add_option("-o,--output", o->output,
                  "Write to FILE instead of standard output (replaced in one step, never the "
                  "contract itself; - is standard output)");
  app->footer(
      "Examples:\n"
      "  sla render contracts/qiscus-enterprise.sla > qiscus.md\n"
      "  sla render contracts/qiscus-enterprise.sla --format html --output qiscus.html\n"
      "  sla render contracts/qiscus-enterprise.sla --package premium --with-lint -o premium.html\n"
      "  sla render contracts/qiscus-enterprise.sla --output qiscus.pdf\n"
      "  sla render contracts/qiscus-enterprise.sla --lang id --output qiscus-id.pdf\n"
      "  sla render contracts/qiscus-enterprise.sla --lang en,id --output qiscus-en-id.html\n"
      "The document: the parties (the client's name left to fill in unless the contract's\n"
      "`client` names it), the title block (version, dates, review, change notice), how to\n"
      "read it, the definitions, the packages side by side, each package's terms (operating\n"
      "hours with a weekly chart, priorities, response and resolution times, clock rules,\n"
      "escalation, uptime), the add-ons with their prices, the contract's examples worked out\n"
      "in words, the signature block, and the public holidays of the years in force. Clauses\n"
      "are numbered (4, 4.3, 4.3.1) and cited by number; each names the source line that\n"
      "states it as a reviewer's aid. Generated words use the contract's own defined terms\n"
      "(\"Customer\" where it defines one). With --package and --with-lint, only the\n"
      "findings about what that document contains are listed. The HTML is one file with no\n"
      "external resources, the same bytes on every run; printed, its pages carry the\n"
      "contract's name and their numbers. --format pdf prints that HTML with headless\n"
      "Chromium; without it: chromium --headless --no-pdf-header-footer --print-to-pdf=out.pdf\n"
      "file:///path/to/document.html\n"
      "Exit codes: 0 rendered; 1 the contract has errors (its diagnostics are printed),\n"
      "defines no package, or the PDF could not be printed (no Chromium); 2 usage\n"
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
              fmt::print(standard_error(),
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
            // The document's languages: one, or two side by side; each needs a word list.
            std::vector<std::string> languages = o->languages;
            if (languages.empty()) languages.push_back("en");
            if (languages.size() > 2)
              return argument_error("render",
                                    "--lang takes one language, or two to set side by side "
                                    "(--lang en,id)");
            if (languages.size() == 2 && languages[0] == languages[1])
              return argument_error("render", fmt::format("--lang names '{}' twice", languages[0]));
            std::vector<Wording> wordings;
            for (const auto& language : languages) {
              auto wording = Wording::in(language, r.model.get());
              if (!wording)
                return argument_error(
                    "render",
                    fmt::format("there are no words for '{}' yet: documents can be rendered in {} "
                                "(a language is added as a word list, tools/wording/lang/*.po)",
                                language, fmt::join(Wording::languages(), ", ")));
              wordings.push_back(std::move(*wording));
            }
            std::vector<Diagnostic> findings;
            std::vector<SilencedFinding> accepted;
            RenderOptions options;
            options.package = o->package;
            std::vector<Change> changes;
            if (!o->compare.empty()) {
              if (auto why = unreadable(o->compare); !why.empty())
                return usage_error("render", why);
              LoadResult old_version = load_contract(o->compare);
              if (!old_version.ok()) {
                print_diagnostics(old_version.diagnostics);
                fmt::print(standard_error(), "sla render: {} has errors; no redline\n", o->compare);
                return static_cast<int>(Exit::failed);
              }
              changes = diff(*old_version.model, *r.model);
              options.changes = &changes;
              options.compared_with = o->compare;
            }
            if (o->with_lint) {
              LintOptions lint_options;
              for (const auto& language : languages)
                if (language != "en") lint_options.languages.push_back(language);
              LintResult lint = lint_contract(o->file, lint_options);
              findings = std::move(lint.diagnostics);
              accepted = std::move(lint.silenced);
              options.findings = &findings;
              options.accepted = &accepted;
            }
            const std::string format =
                !o->format.empty() ? o->format
                                   : (format_of(o->output).empty() ? "md" : format_of(o->output));
            // An output named for one format and written in another would open as garbage.
            if (const std::string named = format_of(o->output);
                !o->format.empty() && !named.empty() && named != o->format)
              return usage_error(
                  "render",
                  fmt::format("--format {}, but the output's name ends in .{}: name it for the "
                              "format, or leave --format out and let the name choose",
                              o->format,
                              std::filesystem::path(o->output).extension().string().substr(1)));
            if (format == "pdf" && (o->output.empty() || o->output == "-"))
              return usage_error("render",
                                 "--format pdf needs --output FILE (a PDF is not for a terminal)");
            std::vector<doc::Document> documents;
            for (const auto& wording : wordings) {
              options.wording = &wording;
              documents.push_back(contract_document(*r.model, options));
            }
            const doc::Document* facing = documents.size() == 2 ? &documents[1] : nullptr;
            const std::string text =
                format == "md" ? markdown(documents[0], facing) : html(documents[0], facing);
            for (const auto& wording : wordings) warn_untranslated(wording);
            if (format == "pdf") {
              const PdfResult printed = print_pdf(text);
              if (!printed.error.empty()) {
                fmt::print(standard_error(), "sla render: {}\n", printed.error);
                return static_cast<int>(Exit::failed);
              }
              // Replaced in one step, like every other output: never half a PDF.
              if (auto why = write_file(o->output, printed.pdf); !why.empty())
                return usage_error("render", why);
              return static_cast<int>(Exit::ok);
            }
            if (o->output.empty() || o->output == "-") {
              fmt::print(standard_output(), "{}", text);
              return static_cast<int>(Exit::ok);
            }
            if (auto why = write_file(o->output, text); !why.empty())
              return usage_error("render", why);
            return static_cast<int>(Exit::ok);
          }};
}

}  // namespace sla::cli
