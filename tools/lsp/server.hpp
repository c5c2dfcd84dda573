// The language server: the editor's messages in, answers and diagnostics out.
// A Server answers one message at a time (tests, the fuzzer and the benchmark
// drive it directly); serve() runs it over stdio, coalescing a burst of edits
// into one analysis before it publishes diagnostics.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "tools/lsp/text_document.hpp"
#include "tools/lsp/workspace.hpp"

namespace sla::lsp {

struct ServerOptions {
  // How long the server waits for more edits before it analyses and publishes:
  // typing a word is one analysis, not one per key.
  int debounce_ms = 10;
};

class Server {
 public:
  explicit Server(ServerOptions options = {}) : options_(options) {}

  // One message (a request, a notification or a response); returns what to send.
  std::vector<nlohmann::json> handle(const nlohmann::json& message);
  // One frame's text, JSON or not: a frame that is no JSON gets a ParseError.
  std::vector<nlohmann::json> handle_text(const std::string& body);
  // The diagnostics of every document whose text (or imports) changed since
  // they were last published.
  std::vector<nlohmann::json> publish_due();

  bool exited() const { return exited_; }
  int exit_status() const { return shutdown_ ? 0 : 1; }
  const ServerOptions& options() const { return options_; }

 private:
  nlohmann::json dispatch(const std::string& method, const nlohmann::json& params);
  void notification(const std::string& method, const nlohmann::json& params);
  nlohmann::json initialize(const nlohmann::json& params);
  Document& document(const nlohmann::json& params);

  ServerOptions options_;
  Workspace workspace_;
  PositionEncoding encoding_ = PositionEncoding::utf16;
  bool snippets_ = false;  // the editor expands snippets in completions
  bool initialized_ = false, shutdown_ = false, exited_ = false;
  std::vector<std::string> closed_;  // documents closed: their diagnostics to clear
};

// Runs a Server over descriptors `in` and `out` until the editor says exit or
// the stream ends; returns the exit status (0 after shutdown and exit).
int serve(int in, int out, ServerOptions options = {});

}  // namespace sla::lsp
