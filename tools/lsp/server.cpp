#include "tools/lsp/server.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <chrono>

#include "sla/load.hpp"
#include "tools/format/formatter.hpp"
#include "tools/ide/code_actions.hpp"
#include "tools/ide/completion.hpp"
#include "tools/ide/hover.hpp"
#include "tools/ide/outline.hpp"
#include "tools/ide/semantic_tokens.hpp"
#include "tools/lsp/json_rpc.hpp"
#include "tools/lsp/protocol.hpp"
#include "tools/lsp/uri.hpp"

namespace sla::lsp {

// The analysis and its answers (tools/ide), said here in the protocol's terms.
using namespace ide;

namespace {

// JSON-RPC and LSP error codes.
constexpr int kParseError = -32700, kInvalidRequest = -32600, kMethodNotFound = -32601,
              kInvalidParams = -32602, kInternalError = -32603, kServerNotInitialized = -32002,
              kRequestFailed = -32803;

// A request the server cannot answer; becomes the response's error.
struct RequestFailed {
  int code;
  std::string message;
};

json response(const json& id, json result) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}};
}

json error_response(const json& id, int code, const std::string& message) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}};
}

// "invalid params for textDocument/hover: cannot use at() with null", without the
// JSON library's "[json.exception.type_error.304]".
std::string invalid_params(const std::string& method, const json::exception& e) {
  std::string_view what = e.what();
  if (what.starts_with("[json.exception."))
    what.remove_prefix(std::min(what.find("] ") + 2, what.size()));
  return fmt::format("invalid params for {}: {}", method, what);
}

json notification_message(const std::string& method, json params) {
  return {{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}};
}

json capabilities(PositionEncoding encoding) {
  json types = json::array(), modifiers = json::array();
  for (auto t : token_types()) types.push_back(std::string(t));
  for (auto m : token_modifiers()) modifiers.push_back(std::string(m));
  return {
      {"positionEncoding", encoding == PositionEncoding::utf8    ? "utf-8"
                           : encoding == PositionEncoding::utf32 ? "utf-32"
                                                                 : "utf-16"},
      {"textDocumentSync",
       {{"openClose", true}, {"change", 2}, {"save", {{"includeText", false}}}}},
      {"hoverProvider", true},
      {"definitionProvider", true},
      {"referencesProvider", true},
      {"completionProvider", {{"triggerCharacters", {" ", "\"", "/"}}}},
      {"documentFormattingProvider", true},
      {"codeActionProvider", {{"codeActionKinds", {"quickfix"}}}},
      {"documentSymbolProvider", true},
      {"foldingRangeProvider", true},
      {"semanticTokensProvider",
       {{"legend", {{"tokenTypes", types}, {"tokenModifiers", modifiers}}}, {"full", true}}},
  };
}

}  // namespace

json Server::initialize(const json& params) {
  // UTF-8 positions when the editor can count them (no conversion), else UTF-16,
  // the protocol's default.
  const json encodings =
      params.value("/capabilities/general/positionEncodings"_json_pointer, json::array());
  for (const auto& e : encodings)
    if (e == "utf-8") encoding_ = PositionEncoding::utf8;
  snippets_ = params.value(
      "/capabilities/textDocument/completion/completionItem/snippetSupport"_json_pointer, false);
  std::string root;
  if (params.contains("rootUri") && params["rootUri"].is_string())
    root = path_of_uri(params["rootUri"].get<std::string>()).value_or("");
  else if (params.contains("rootPath") && params["rootPath"].is_string())
    root = params["rootPath"].get<std::string>();
  if (!root.empty()) workspace_.set_root(root);
  if (const json* options =
          params.contains("initializationOptions") ? &params["initializationOptions"] : nullptr;
      options && options->is_object() && options->contains("debounceMs") &&
      (*options)["debounceMs"].is_number_integer())
    options_.debounce_ms = std::clamp((*options)["debounceMs"].get<int>(), 0, 5000);
  initialized_ = true;
  return {{"capabilities", capabilities(encoding_)},
          {"serverInfo", {{"name", "sla"}, {"version", std::string(version())}}}};
}

Document& Server::document(const json& params) {
  const std::string uri = params.at("textDocument").at("uri").get<std::string>();
  Document* doc = workspace_.find(uri);
  if (!doc) throw RequestFailed{kInvalidParams, fmt::format("{} is not open", uri)};
  return *doc;
}

void Server::notification(const std::string& method, const json& params) {
  if (method == "exit") {
    exited_ = true;
    return;
  }
  if (!initialized_) return;  // the protocol drops notifications before initialize
  if (method == "textDocument/didOpen") {
    const json& item = params.at("textDocument");
    workspace_.open(item.at("uri").get<std::string>(), item.at("text").get<std::string>(),
                    item.value("version", 0));
  } else if (method == "textDocument/didChange") {
    Document& doc = document(params);
    const std::int64_t version = params.at("textDocument").value("version", doc.text.version() + 1);
    for (const auto& change : params.at("contentChanges")) {
      if (!change.contains("range")) {
        doc.text.set(change.at("text").get<std::string>(), version);
        continue;
      }
      const json& r = change.at("range");
      auto pos = [](const json& p) {
        return Position{p.at("line").get<std::uint32_t>(), p.at("character").get<std::uint32_t>()};
      };
      doc.text.replace(pos(r.at("start")), pos(r.at("end")), change.at("text").get<std::string>(),
                       encoding_, version);
    }
    workspace_.changed(doc);
  } else if (method == "textDocument/didSave") {
    workspace_.reload_all();  // what is on disk changed: imports may read it
  } else if (method == "textDocument/didClose") {
    const std::string uri = params.at("textDocument").at("uri").get<std::string>();
    closed_.push_back(uri);
    workspace_.close(uri);
  }
  // Anything else ($/cancelRequest, $/setTrace, workspace/...) needs nothing.
}

json Server::dispatch(const std::string& method, const json& params) {
  if (method == "initialize") {
    if (initialized_) throw RequestFailed{kInvalidRequest, "initialize was already received"};
    return initialize(params);
  }
  if (!initialized_) throw RequestFailed{kServerNotInitialized, "initialize first"};
  if (shutdown_) throw RequestFailed{kInvalidRequest, "the server is shutting down"};
  if (method == "shutdown") {
    shutdown_ = true;
    return nullptr;
  }
  if (!method.starts_with("textDocument/"))
    throw RequestFailed{kMethodNotFound, fmt::format("unknown method {}", method)};
  Document& doc = document(params);
  const auto analysis = workspace_.analysis(doc);
  const Analysis& a = *analysis;
  Positions at(a, workspace_, encoding_);
  auto offset = [&] { return at.offset(params.at("position")); };

  if (method == "textDocument/hover") {
    auto h = hover(a, offset());
    if (!h) return nullptr;
    return {{"contents", {{"kind", "markdown"}, {"value", h->markdown}}},
            {"range", at.range(h->span)}};
  }
  if (method == "textDocument/definition") {
    const Symbol* s = a.symbols.at(0, offset());
    if (!s) return nullptr;
    if (s->kind == SymbolKind::file) {
      auto it = a.imports.find(import_key(s->span.file, s->span.begin));
      if (it == a.imports.end()) return nullptr;
      auto place = at.location({it->second, 0, 0});
      return place ? *place : json(nullptr);
    }
    const Symbol* def = a.symbols.definition_of(*s);
    if (!def) return nullptr;
    auto place = at.location(def->span);
    return place ? *place : json(nullptr);
  }
  if (method == "textDocument/references") {
    const Symbol* s = a.symbols.at(0, offset());
    json out = json::array();
    if (!s) return out;
    const bool with_declaration = params.value("/context/includeDeclaration"_json_pointer, true);
    for (const Symbol* r : references(a, *s)) {
      if (r->definition && !with_declaration) continue;
      if (auto place = at.location(r->span)) out.push_back(*place);
    }
    return out;
  }
  if (method == "textDocument/completion") {
    const std::uint32_t at_cursor = offset();
    return completion_json(complete(a, at_cursor), at_cursor, at, snippets_);
  }
  if (method == "textDocument/documentSymbol")
    return outline_json(outline(a.loaded.files.at(0)), at);
  if (method == "textDocument/foldingRange")
    return folding_json(folding_ranges(a.loaded.files.at(0), a.root()));
  if (method == "textDocument/semanticTokens/full")
    return semantic_tokens_json(semantic_tokens(a), at);
  if (method == "textDocument/formatting") {
    cli::FormatResult r = cli::format_source(doc.name, doc.text.text());
    // A text that does not parse is left as it is; the editor shows why not.
    if (!r.text)
      throw RequestFailed{kRequestFailed,
                          r.internal_error.empty()
                              ? "not formatted: the contract has syntax errors; fix them first"
                              : "not formatted: " + r.internal_error};
    return text_edits(doc.text.text(), *r.text, at);
  }
  if (method == "textDocument/codeAction") {
    const json& range = params.at("range");
    // The codes the editor asks about, when it names diagnostics: a fix for
    // another finding on the same line is not what was asked for.
    std::vector<std::string> codes;
    for (const auto& d : params.value("/context/diagnostics"_json_pointer, json::array()))
      if (d.contains("code") && d["code"].is_string()) codes.push_back(d["code"]);
    json out = json::array();
    for (const auto& action :
         quick_fixes(a, at.offset(range.at("start")), at.offset(range.at("end")))) {
      const std::string& code = a.diagnostics.at(action.diagnostic).code;
      if (!codes.empty() && std::find(codes.begin(), codes.end(), code) == codes.end()) continue;
      out.push_back(code_action_json(action, a, at, doc.uri));
    }
    return out;
  }
  throw RequestFailed{kMethodNotFound, fmt::format("unknown method {}", method)};
}

std::vector<json> Server::handle(const json& message) {
  std::vector<json> out;
  if (!message.is_object()) {
    out.push_back(error_response(nullptr, kInvalidRequest, "a message is a JSON object"));
    return out;
  }
  const bool is_request = message.contains("id") && message.contains("method");
  const json id = message.contains("id") ? message["id"] : json(nullptr);
  if (!message.contains("method") || !message["method"].is_string()) {
    if (!message.contains("id"))  // neither a request nor a response
      out.push_back(error_response(nullptr, kInvalidRequest, "a message without a method"));
    return out;  // a response to a request of ours: the server sends none
  }
  const std::string method = message["method"].get<std::string>();
  const json params = message.contains("params") ? message["params"] : json::object();
  try {
    if (is_request)
      out.push_back(response(id, dispatch(method, params)));
    else
      notification(method, params);
  } catch (const RequestFailed& e) {
    if (is_request) out.push_back(error_response(id, e.code, e.message));
  } catch (const json::exception& e) {
    if (is_request) out.push_back(error_response(id, kInvalidParams, invalid_params(method, e)));
  } catch (const std::exception& e) {
    if (is_request) out.push_back(error_response(id, kInternalError, e.what()));
  }
  for (const auto& uri : closed_)
    out.push_back(notification_message("textDocument/publishDiagnostics",
                                       {{"uri", uri}, {"diagnostics", json::array()}}));
  closed_.clear();
  return out;
}

std::vector<json> Server::handle_text(const std::string& body) {
  json message = json::parse(body, nullptr, false);
  if (message.is_discarded())
    return {error_response(nullptr, kParseError, "the message is not valid JSON")};
  return handle(message);
}

std::vector<json> Server::publish_due() {
  std::vector<json> out;
  for (Document* doc : workspace_.documents()) {
    if (!doc->diagnostics_due) continue;
    doc->diagnostics_due = false;
    const auto analysis = workspace_.analysis(*doc);
    Positions at(*analysis, workspace_, encoding_);
    out.push_back(notification_message("textDocument/publishDiagnostics",
                                       {{"uri", doc->uri},
                                        {"version", doc->text.version()},
                                        {"diagnostics", diagnostics_json(*analysis, at)}}));
  }
  return out;
}

int serve(int in, int out, ServerOptions options) {
  Server server(options);
  MessageReader reader(in);
  auto send = [&](const std::vector<json>& messages) {
    for (const auto& m : messages)
      if (!write_message(out, m.dump(-1, ' ', false, json::error_handler_t::replace))) return false;
    return true;
  };
  using Clock = std::chrono::steady_clock;
  auto published = Clock::now();
  for (;;) {
    // Diagnostics wait until the editor pauses, so that a burst of edits is one
    // analysis; an editor that never pauses (requests back to back) still gets
    // them at least every quarter of a second.
    const bool pause = !reader.waiting(server.options().debounce_ms);
    if (pause || Clock::now() - published > std::chrono::milliseconds(250)) {
      if (!send(server.publish_due())) return 1;
      published = Clock::now();
    }
    std::string body, error;
    switch (reader.next(body, error)) {
      case MessageReader::Status::end:
        return server.exit_status() == 0 ? 0 : 1;
      case MessageReader::Status::broken:
        if (!send({error_response(nullptr, kParseError, error)})) return 1;
        continue;
      case MessageReader::Status::message:
        break;
    }
    if (!send(server.handle_text(body))) return 1;
    if (server.exited()) return server.exit_status();
  }
}

}  // namespace sla::lsp
