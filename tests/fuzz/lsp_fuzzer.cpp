// libFuzzer target: random edit sequences fed to the language server, as an
// editor would send them while someone types: the input is a script of edits
// (insertions, deletions, whole new texts, at any line and character, UTF-16 or
// not) and requests (every one the server advertises) on a contract. The server
// must answer every request with a result or a protocol error of the caller's
// making, keep its diagnostics inside the document, and never crash or throw.
//
//   cmake -S . -B build-fuzz -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DSLA_FUZZ=ON -DSLA_BENCH=OFF
//   cmake --build build-fuzz --target sla_lsp_fuzzer
//   build-fuzz/bin/sla_lsp_fuzzer -max_total_time=60 work-corpus tests/fuzz/lsp-corpus
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "tools/lsp/server.hpp"

namespace {

using nlohmann::json;

void require(bool condition) {
  if (!condition) std::abort();
}

const std::string& seed_text() {
  static const std::string text = [] {
    std::ifstream in(SLA_SOURCE_DIR "/contracts/qiscus-enterprise.sla", std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  }();
  return text;
}

// Reads the script's bytes; past the end, zeros.
class Script {
 public:
  Script(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}
  bool done() const { return at_ >= size_; }
  std::uint8_t byte() { return at_ < size_ ? data_[at_++] : 0; }
  std::uint32_t number(std::uint32_t bound) {
    const std::uint32_t v = byte() | (std::uint32_t{byte()} << 8);
    return bound ? v % bound : 0;
  }
  std::string text() {
    const std::size_t n = std::min<std::size_t>(byte() % 48, size_ - std::min(at_, size_));
    std::string out(reinterpret_cast<const char*>(data_ + at_), n);
    at_ += n;
    return out;
  }

 private:
  const std::uint8_t* data_;
  std::size_t size_;
  std::size_t at_ = 0;
};

const char* const kUri = "file:///fuzz/contract.sla";

// Checks the replies: each request answered once, with a result or an error the
// caller caused (never an internal error); diagnostics for the document, each
// range in order.
void check(const std::vector<json>& replies, int id) {
  int answered = 0;
  for (const auto& m : replies) {
    require(m.is_object() && m.value("jsonrpc", "") == "2.0");
    (void)m.dump(-1, ' ', false, json::error_handler_t::replace);
    if (m.contains("id")) {
      require(m["id"] == id);
      ++answered;
      require(m.contains("result") != m.contains("error"));
      if (m.contains("error")) require(m["error"]["code"] != -32603);
      continue;
    }
    require(m["method"] == "textDocument/publishDiagnostics");
    require(m["params"]["uri"] == kUri);
    for (const auto& d : m["params"]["diagnostics"]) {
      const json &a = d["range"]["start"], &b = d["range"]["end"];
      require(std::make_pair(a["line"].get<std::uint32_t>(), a["character"].get<std::uint32_t>()) <=
              std::make_pair(b["line"].get<std::uint32_t>(), b["character"].get<std::uint32_t>()));
    }
  }
  require(id == 0 || answered == 1);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  Script script(data, size);
  sla::lsp::Server server;
  const bool utf8 = script.byte() & 1;
  json caps = json::object();
  if (utf8) caps["general"]["positionEncodings"] = {"utf-8"};
  check(server.handle({{"jsonrpc", "2.0"},
                       {"id", 1},
                       {"method", "initialize"},
                       {"params", {{"capabilities", caps}}}}),
        1);
  server.handle(
      {{"jsonrpc", "2.0"},
       {"method", "textDocument/didOpen"},
       {"params",
        {{"textDocument",
          {{"uri", kUri}, {"languageId", "sla"}, {"version", 1}, {"text", seed_text()}}}}}});
  int version = 1, id = 1;
  static const char* const requests[] = {"textDocument/hover",
                                         "textDocument/completion",
                                         "textDocument/definition",
                                         "textDocument/references",
                                         "textDocument/documentSymbol",
                                         "textDocument/foldingRange",
                                         "textDocument/semanticTokens/full",
                                         "textDocument/formatting",
                                         "textDocument/codeAction"};
  for (int steps = 0; !script.done() && steps < 64; ++steps) {
    const std::uint8_t op = script.byte();
    auto position = [&] {
      return json{{"line", script.number(420)}, {"character", script.number(120)}};
    };
    if (op % 4 == 0) {  // an edit at a position (possibly past the end: clamped)
      json change = {{"range", {{"start", position()}, {"end", position()}}},
                     {"text", script.text()}};
      check(server.handle({{"jsonrpc", "2.0"},
                           {"method", "textDocument/didChange"},
                           {"params",
                            {{"textDocument", {{"uri", kUri}, {"version", ++version}}},
                             {"contentChanges", json::array({change})}}}}),
            0);
    } else if (op % 4 == 1) {  // a whole new text
      std::string text = script.text();
      check(server.handle({{"jsonrpc", "2.0"},
                           {"method", "textDocument/didChange"},
                           {"params",
                            {{"textDocument", {{"uri", kUri}, {"version", ++version}}},
                             {"contentChanges", json::array({{{"text", text}}})}}}}),
            0);
    } else if (op % 4 == 2) {
      check(server.publish_due(), 0);
    } else {
      const char* method = requests[(op / 4) % std::size(requests)];
      json params = {{"textDocument", {{"uri", kUri}}},
                     {"position", position()},
                     {"context", {{"includeDeclaration", true}, {"diagnostics", json::array()}}},
                     {"range", {{"start", position()}, {"end", position()}}},
                     {"options", {{"tabSize", 2}, {"insertSpaces", true}}}};
      check(
          server.handle({{"jsonrpc", "2.0"}, {"id", ++id}, {"method", method}, {"params", params}}),
          id);
    }
  }
  check(server.publish_due(), 0);
  check(server.handle({{"jsonrpc", "2.0"}, {"id", ++id}, {"method", "shutdown"}}), id);
  return 0;
}
