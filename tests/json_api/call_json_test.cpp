// The JSON boundary: requests read as the command line would be, outputs parsed,
// usage errors said, standard streams kept per call and per thread.
#define BOOST_TEST_MODULE call_json
#include <boost/test/unit_test.hpp>

#include <cstdio>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "sla/sla_json.h"
#include "tools/json_api/call_json.hpp"

using json = nlohmann::json;

namespace {

const std::string contract = std::string(SLA_SOURCE_DIR) + "/contracts/qiscus-enterprise.sla";

json call(const json& request) {
  return json::parse(sla::json_api::call_json(request.dump()));
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_check_returns_the_json_the_cli_writes) {
  const json r = call({{"command", "check"}, {"arguments", {contract}}});
  BOOST_TEST(r["exit_code"] == 0);
  BOOST_TEST(r["output"].is_array());  // one entry per file checked
  BOOST_TEST(r["argv"] == json({"sla", "check", "--format", "json", contract}));
}

BOOST_AUTO_TEST_CASE(time_add_gives_the_deadline) {
  const json r =
      call({{"command", "time"},
            {"options", {{"package", "premium"}}},
            {"arguments", {contract, "add", "2026-01-09T16:30:00+07:00", "4 business hours"}}});
  BOOST_TEST(r["exit_code"] == 0, r.dump());
  BOOST_TEST(r["output"]["deadline"] == "2026-01-12T12:30:00+07:00", r.dump());
}

BOOST_AUTO_TEST_CASE(eval_reads_the_input_and_returns_every_row) {
  const std::string tickets =
      "id,priority,created_at,first_response_at,resolved_at\n"
      "T-1,High,2026-01-09T16:30:00+07:00,2026-01-12T10:00:00+07:00,\n"
      "T-2,Critical,2026-01-09T09:00:00+07:00,,\n"
      "T-3,Nope,2026-01-09T09:00:00+07:00,,\n";
  const json r =
      call({{"command", "eval"},
            {"options", {{"package", "premium"}, {"as-of", "2026-02-01T00:00:00+07:00"}}},
            {"arguments", {contract, "-"}},
            {"input", tickets}});
  BOOST_REQUIRE(r["output"].is_array());
  BOOST_TEST(r["output"].size() == 3u);
  BOOST_TEST(r["output"][0]["id"] == "T-1");
  BOOST_TEST(r["output"][2]["id"] == "T-3");
  BOOST_TEST(r["exit_code"] == 1);  // a row with an error, as `sla eval` says
  BOOST_TEST(r["messages"].get<std::string>().find("row") != std::string::npos, r["messages"]);
}

BOOST_AUTO_TEST_CASE(a_text_format_comes_back_as_text) {
  const json r = call({{"command", "render"},
                       {"options", {{"package", "premium"}, {"format", "md"}}},
                       {"arguments", {contract}}});
  BOOST_TEST(r["exit_code"] == 0, r["messages"]);
  BOOST_REQUIRE(r["output"].is_string());
  BOOST_TEST(r["output"].get<std::string>().starts_with("#"));
}

BOOST_AUTO_TEST_CASE(a_contract_on_standard_input) {
  const json r =
      call({{"command", "check"}, {"arguments", {"-"}}, {"input", "calendar x {\n  oops\n}\n"}});
  BOOST_TEST(r["exit_code"] == 1);
  const std::string text = r["output"].dump();
  BOOST_TEST(text.find("<stdin>") != std::string::npos, text);
}

BOOST_AUTO_TEST_CASE(options_of_every_shape) {
  // true is a flag alone, false leaves it out, a list repeats the flag, a number is
  // written as JSON writes it; leading dashes are allowed. (nlohmann::json orders keys.)
  const json r = call({{"command", "diff"},
                       {"options",
                        {{"--effect", {"SLA201=neutral", "SLA240=neutral"}},
                         {"impact", true},
                         {"impact-tickets", 20},
                         {"fail-on", false}}},
                       {"arguments", {contract, contract}}});
  BOOST_TEST(r["argv"] == json({"sla", "diff", "--effect", "SLA201=neutral", "--effect",
                                "SLA240=neutral", "--impact", "--impact-tickets", "20", "--format",
                                "json", contract, contract}),
             r["argv"].dump());
  BOOST_TEST(r["exit_code"] == 0, r["messages"]);
  BOOST_TEST(r["output"]["changes"].empty(), r["output"].dump());
}

BOOST_AUTO_TEST_CASE(usage_errors_are_said_as_the_cli_says_them) {
  const json wrong_flag =
      call({{"command", "check"}, {"options", {{"nope", true}}}, {"arguments", {contract}}});
  BOOST_TEST(wrong_flag["exit_code"] == 2);
  BOOST_TEST(wrong_flag["messages"].get<std::string>().find("--nope") != std::string::npos,
             wrong_flag.dump());
  const json unknown = call({{"command", "chekc"}});
  BOOST_TEST(unknown["exit_code"] == 2);
  BOOST_TEST(
      unknown["messages"].get<std::string>().find("did you mean 'check'") != std::string::npos,
      unknown.dump());
}

BOOST_AUTO_TEST_CASE(requests_that_cannot_run_say_why) {
  const std::vector<std::pair<std::string, std::string>> cases{
      {"not json", "not JSON"},
      {"[1]", "not a JSON object"},
      {"{}", "needs \\\"command\\\""},
      {R"({"command": "  "})", "needs \\\"command\\\""},
      {R"({"command": "--help"})", "not '--help': flags go in"},
      {R"({"command": "render --output x.md", "arguments": ["c.sla"]})",
       "not 'render --output x.md'"},
      {R"({"command": "holidays show extra"})", "in one or two words"},
      {R"({"command": "Check"})", "in one or two words"},
      {R"({"command": "render", "arguments": ["c.sla", "--output", "x.md"]})",
       "argument '--output' looks like a flag"},
      {R"({"command": "eval", "arguments": ["c.sla", "t.csv", "--watch", "1"]})",
       "argument '--watch' looks like a flag"},
      {R"({"command": "render", "options": {"output=x.md": true}})", "not a flag's name"},
      {R"({"command": "render", "options": {"---output": "x.md"}})", "has no name"},
      {R"({"command": "render", "options": {"--output": "x.md"}})", "comes back in the response"},
      {R"({"command": "lsp"})", "run `sla lsp`"},
      {R"({"command": "check", "arguments": "x.sla"})", "list of strings"},
      {R"({"command": "check", "arguments": [{}]})", "list of strings"},
      {R"({"command": "check", "options": []})", "object of flags"},
      {R"({"command": "check", "options": {"x": {}}})", "or a list of them"},
      {R"({"command": "check", "options": {"x": [[1]]}})", "a list of strings or numbers"},
      {R"({"command": "check", "options": {"-": 1}})", "has no name"},
      {R"({"command": "render", "options": {"output": "x.html"}})", "comes back in the response"},
      {R"({"command": "eval", "options": {"watch": 5}})", "call again to watch"},
      {R"({"command": "check", "input": 5})", "standard input"},
      {R"({"command": "check", "extra": 1})", "unknown request field 'extra'"},
  };
  for (const auto& [request, why] : cases) {
    const std::string text = sla::json_api::call_json(request);
    const json r = json::parse(text);
    BOOST_TEST(r["exit_code"] == 2, request);
    BOOST_TEST(r["output"].is_null(), request);
    BOOST_TEST(text.find(why) != std::string::npos, request << " -> " << text);
  }
}

BOOST_AUTO_TEST_CASE(help_comes_back_as_output) {
  const json r = call({{"command", "eval"}, {"options", {{"help", true}}}});
  BOOST_TEST(r["exit_code"] == 0);
  BOOST_TEST(r["output"].dump().find("Usage: sla eval") != std::string::npos, r.dump());
}

BOOST_AUTO_TEST_CASE(calls_on_threads_keep_their_own_streams) {
  // Each thread evaluates its own tickets; a row of another thread's input, or
  // output on the process's stdout, would show here.
  std::vector<std::thread> threads;
  std::vector<json> results(6);
  for (int t = 0; t < 6; ++t)
    threads.emplace_back([t, &results] {
      std::string tickets = "id,priority,created_at\n";
      for (int i = 0; i < 200; ++i)
        tickets +=
            "t" + std::to_string(t) + "-" + std::to_string(i) + ",High,2026-01-09T16:30:00+07:00\n";
      results[t] =
          call({{"command", "eval"},
                {"options", {{"package", "premium"}, {"as-of", "2026-01-10T00:00:00+07:00"}}},
                {"arguments", {contract, "-"}},
                {"input", tickets}});
    });
  for (auto& th : threads) th.join();
  for (int t = 0; t < 6; ++t) {
    BOOST_REQUIRE(results[t]["output"].is_array());
    BOOST_TEST(results[t]["output"].size() == 200u);
    for (const auto& row : results[t]["output"])
      BOOST_TEST(row["id"].get<std::string>().starts_with("t" + std::to_string(t) + "-"));
  }
}

BOOST_AUTO_TEST_CASE(the_c_entry_point) {
  char* response = sla_call_json(
      R"({"command": "check", "arguments": ["-"], "input": "calendar c { zone \"UTC\" open Mon-Fri 09:00-17:00 }"})");
  BOOST_REQUIRE(response != nullptr);
  const json r = json::parse(response);
  sla_json_free(response);
  BOOST_TEST(r.contains("exit_code"));
  char* none = sla_call_json(nullptr);
  BOOST_TEST(json::parse(none)["exit_code"] == 2);
  sla_json_free(none);
  sla_json_free(nullptr);
}
