// The language server at an editor's pace, in-process (no pipe): the Qiscus
// contract open, one character typed then taken back per iteration.
//   diagnostics_after_edit  an edit, then the analysis and the published
//                           diagnostics (target: within 20 ms)
//   hover_*                 hover on a calendar, a priority and a duration
//                           (target: within 5 ms)
//   completion, definition, semantic_tokens: the other requests, for reference
//   memory_over_edits       10,000 edits, each analysed and published: heap in
//                           use before and after (target: flat; the run fails
//                           with an error when it grows by more than 1 MiB)
#include <malloc.h>

#include <fstream>
#include <sstream>
#include <string>

#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>

#include "tools/lsp/server.hpp"

namespace {

using nlohmann::json;

const char* const kUri = "file:///bench/qiscus-enterprise.sla";

std::string qiscus() {
  std::ifstream in(SLA_SOURCE_DIR "/contracts/qiscus-enterprise.sla", std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The 0-based line and character of the first `needle` in the contract.
json position_of(const std::string& text, const std::string& needle, int shift = 0) {
  const std::size_t at = text.find(needle);
  const std::size_t line_start = text.rfind('\n', at) + 1;
  return {{"line", std::count(text.begin(), text.begin() + static_cast<long>(at), '\n')},
          {"character", static_cast<long>(at - line_start) + shift}};
}

struct Session {
  sla::lsp::Server server;
  std::string text = qiscus();
  int version = 1, id = 1;

  Session() {
    server.handle({{"jsonrpc", "2.0"},
                   {"id", id},
                   {"method", "initialize"},
                   {"params", {{"capabilities", json::object()}}}});
    server.handle(
        {{"jsonrpc", "2.0"},
         {"method", "textDocument/didOpen"},
         {"params",
          {{"textDocument",
            {{"uri", kUri}, {"languageId", "sla"}, {"version", version}, {"text", text}}}}}});
    server.publish_due();
  }

  // Types (or takes back) one character in `package basic`'s calendar line: the
  // contract is broken every other edit, as while typing.
  void edit(bool type) {
    const json at = position_of(text, "  calendar office_hours", 12);
    json end = at;
    if (!type) end["character"] = at["character"].get<int>() + 1;
    json change = {{"range", {{"start", at}, {"end", end}}}, {"text", type ? "x" : ""}};
    server.handle({{"jsonrpc", "2.0"},
                   {"method", "textDocument/didChange"},
                   {"params",
                    {{"textDocument", {{"uri", kUri}, {"version", ++version}}},
                     {"contentChanges", json::array({change})}}}});
  }

  json request(const std::string& method, json params) {
    params["textDocument"] = {{"uri", kUri}};
    return server.handle(
        {{"jsonrpc", "2.0"}, {"id", ++id}, {"method", method}, {"params", std::move(params)}})[0];
  }
};

void diagnostics_after_edit(benchmark::State& state) {
  Session s;
  bool type = true;
  for (auto _ : state) {
    s.edit(type);
    type = !type;
    benchmark::DoNotOptimize(s.server.publish_due());
  }
}

void hover(benchmark::State& state, const std::string& needle, int shift) {
  Session s;
  const json at = position_of(s.text, needle, shift);
  s.request("textDocument/hover", {{"position", at}});  // the analysis is made once
  for (auto _ : state) {
    json r = s.request("textDocument/hover", {{"position", at}});
    if (r["result"].is_null()) state.SkipWithError("no hover");
    benchmark::DoNotOptimize(r);
  }
}

void request(benchmark::State& state, const std::string& method, const std::string& needle,
             int shift) {
  Session s;
  const json params = {{"position", position_of(s.text, needle, shift)},
                       {"context", {{"includeDeclaration", true}}}};
  s.request(method, params);
  for (auto _ : state) benchmark::DoNotOptimize(s.request(method, params));
}

// Bytes the allocator has handed out: small blocks in the heap and the large
// ones it maps on their own.
std::size_t heap_in_use() {
  const struct mallinfo2 m = mallinfo2();
  return m.uordblks + m.hblkhd;
}

void memory_over_edits(benchmark::State& state) {
  for (auto _ : state) {
    Session s;
    // Warm: the caches every analysis shares (time zones, the stdlib) are made.
    for (int i = 0; i < 100; ++i) {
      s.edit(i % 2 == 0);
      s.server.publish_due();
    }
    malloc_trim(0);
    const std::size_t before = heap_in_use();
    for (int i = 0; i < 10000; ++i) {
      s.edit(i % 2 == 0);
      s.server.publish_due();
    }
    malloc_trim(0);
    const std::size_t after = heap_in_use();
    state.counters["heap_before_mb"] = static_cast<double>(before) / (1 << 20);
    state.counters["heap_after_mb"] = static_cast<double>(after) / (1 << 20);
    state.counters["growth_kb"] =
        (static_cast<double>(after) - static_cast<double>(before)) / 1024.0;
    if (after > before + (1u << 20)) state.SkipWithError("the heap grew by more than 1 MiB");
  }
}

}  // namespace

BENCHMARK(diagnostics_after_edit)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(hover, calendar, std::string("  calendar office_hours"), 12)
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(hover, priority, std::string("respond to Normal within"), 12)
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(hover, duration, std::string("within 4 business hours"), 8)
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(request, completion, std::string("textDocument/completion"),
                  std::string("  calendar office_hours"), 11)
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(request, definition, std::string("textDocument/definition"),
                  std::string("  calendar office_hours"), 12)
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(request, semantic_tokens, std::string("textDocument/semanticTokens/full"),
                  std::string("  calendar office_hours"), 12)
    ->Unit(benchmark::kMicrosecond);
BENCHMARK(memory_over_edits)->Unit(benchmark::kSecond)->Iterations(1);

BENCHMARK_MAIN();
