// The analysis's answers in the protocol's words: byte offsets become lines and
// characters, diagnostics get their codes' links, spans in other files (an
// imported file, a stdlib module) become locations the editor can open.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "tools/ide/analysis.hpp"
#include "tools/ide/code_actions.hpp"
#include "tools/ide/completion.hpp"
#include "tools/ide/outline.hpp"
#include "tools/ide/semantic_tokens.hpp"
#include "tools/lsp/text_document.hpp"
#include "tools/lsp/workspace.hpp"

namespace sla::lsp {

using nlohmann::json;

// Turns byte ranges of one analysis into the editor's positions.
class Positions {
 public:
  Positions(const ide::Analysis& analysis, Workspace& workspace, PositionEncoding encoding)
      : analysis_(analysis), workspace_(workspace), encoding_(encoding) {}

  json range(std::uint32_t file, std::uint32_t begin, std::uint32_t end) const;
  json range(const Span& span) const { return range(span.file, span.begin, span.end); }
  // {uri, range}, or nullopt when the file has no URI the editor can open.
  std::optional<json> location(const Span& span) const;
  std::uint32_t offset(const json& position) const;  // in the document (file 0)
  Position position(std::uint32_t file, std::uint32_t offset) const;

 private:
  const LineIndex& lines(std::uint32_t file) const;
  const ide::Analysis& analysis_;
  Workspace& workspace_;
  PositionEncoding encoding_;
  mutable std::vector<std::optional<LineIndex>> lines_;
};

// The document's diagnostics; those in files it imports are summed up at the
// import that brings them in, with their places as related information.
json diagnostics_json(const ide::Analysis& analysis, const Positions& at);
json diagnostic_json(const Diagnostic& d, std::uint32_t begin, std::uint32_t end,
                     const Positions& at);
json code_action_json(const ide::CodeAction& action, const ide::Analysis& analysis,
                      const Positions& at, const std::string& uri);
// `offset`: the cursor, where an item that replaces typed text ends. Without
// `snippets` (the editor did not say it expands them), a snippet is its keyword.
json completion_json(const std::vector<ide::Completion>& items, std::uint32_t offset,
                     const Positions& at, bool snippets);
json outline_json(const std::vector<ide::OutlineItem>& items, const Positions& at);
json folding_json(const std::vector<ide::Fold>& folds);
json semantic_tokens_json(const std::vector<ide::SemanticToken>& tokens, const Positions& at);
// The edits that turn `before` into `after`: the lines between their common start
// and end, replaced (an editor keeps the cursor where nothing changed).
json text_edits(const std::string& before, const std::string& after, const Positions& at);

}  // namespace sla::lsp
