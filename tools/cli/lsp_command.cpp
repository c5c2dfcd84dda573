// sla lsp: the language server an editor starts, speaking LSP over stdin/stdout.
#include <unistd.h>

#include "tools/cli/commands.hpp"
#include "tools/lsp/server.hpp"

namespace sla::cli {

Command lsp_command(CLI::App& sla) {
  auto options = std::make_shared<lsp::ServerOptions>();
  auto stdio = std::make_shared<bool>(true);
  CLI::App* app = sla.add_subcommand(
      "lsp", "Run the language server for editors (LSP over standard input and output)");
  // Editors pass --stdio by habit (VS Code's client does); it is the only transport.
  app->add_flag("--stdio", *stdio,
                "Talk over standard input and output (the default and only transport)");
  app->add_option("--debounce-ms", options->debounce_ms,
                  "Wait this long after an edit for the next one before analysing (default 10)")
      ->check(CLI::Range(0, 5000));
  app->footer(
      "An editor starts `sla lsp` and talks to it; a person does not type to it. It checks and\n"
      "lints each open contract as it is typed (the same errors and findings as `sla check` and\n"
      "`sla lint`), and answers hover, go to definition, references, completion, outline,\n"
      "folding, semantic highlighting, formatting (as `sla fmt`) and quick fixes.\n"
      "Editor set-up: editors/README.md (VS Code, Neovim). Messages to stderr are logs only.\n"
      "Exit codes: 0 after the editor's shutdown and exit; 1 when the stream ends or exit comes\n"
      "without shutdown; 2 usage error.");
  return {app, [options] { return lsp::serve(STDIN_FILENO, STDOUT_FILENO, *options); }};
}

}  // namespace sla::cli
