#define BOOST_TEST_MODULE c_api
#include <boost/test/unit_test.hpp>

#include <cstddef>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>
#include <vector>

#include "sla/load.hpp"
#include "sla/sla.h"

namespace {

const std::string qiscus_path = std::string(SLA_SOURCE_DIR) + "/contracts/qiscus-enterprise.sla";

int64_t at(const char* text) {
  int64_t t = 0;
  BOOST_REQUIRE_EQUAL(sla_parse_time(text, &t), SLA_OK);
  return t;
}

// The Qiscus contract and an evaluator for `package`, freed at the end of a test.
struct Fixture {
  sla_contract* contract = nullptr;
  sla_evaluator* evaluator = nullptr;

  explicit Fixture(const char* package = "premium") {
    BOOST_REQUIRE_EQUAL(sla_contract_load_file(qiscus_path.c_str(), nullptr, &contract, nullptr),
                        SLA_OK);
    BOOST_REQUIRE_EQUAL(sla_evaluator_new(contract, package, nullptr, 0, &evaluator, nullptr),
                        SLA_OK);
  }
  ~Fixture() {
    sla_evaluator_free(evaluator);
    sla_contract_free(contract);
  }

  std::string local(int64_t t) const {
    char buffer[32];
    BOOST_REQUIRE_EQUAL(sla_format_time(evaluator, t, buffer, sizeof buffer), SLA_OK);
    return buffer;
  }
};

sla_ticket ticket(const char* priority, const char* created) {
  sla_ticket t = sla_ticket_init();
  t.priority = priority;
  t.created = at(created);
  return t;
}

}  // namespace

BOOST_AUTO_TEST_CASE(version_is_the_libraries) {
  BOOST_TEST(std::string(sla_version()) == std::string(sla::version()));
  BOOST_TEST(std::string(sla_status_name(SLA_ERROR_SELECTION)) == "selection");
  BOOST_TEST(std::string(sla_verdict_name(SLA_BREACHED)) == "breached");
}

BOOST_AUTO_TEST_CASE(a_contract_loads_and_says_what_it_holds) {
  sla_contract* contract = nullptr;
  sla_diagnostics* diagnostics = nullptr;
  BOOST_REQUIRE_EQUAL(sla_contract_load_file(qiscus_path.c_str(), nullptr, &contract, &diagnostics),
                      SLA_OK);
  BOOST_REQUIRE(diagnostics != nullptr);  // asked for: always set
  BOOST_TEST(sla_diagnostics_count(diagnostics) == 0u);
  BOOST_TEST(std::string(sla_contract_name(contract)).find("Qiscus") != std::string::npos);
  std::vector<std::string> packages;
  for (size_t i = 0; i < sla_contract_package_count(contract); ++i)
    packages.emplace_back(sla_contract_package_id(contract, i));
  BOOST_TEST((packages == std::vector<std::string>{"basic", "premium"}));
  BOOST_TEST(sla_contract_addon_count(contract) == 3u);
  BOOST_TEST(std::string(sla_contract_priority_name(contract, 0)) == "Low");
  BOOST_TEST(std::string(sla_contract_package_id(contract, 99)).empty());
  sla_diagnostics_free(diagnostics);
  sla_contract_free(contract);
}

BOOST_AUTO_TEST_CASE(a_broken_contract_gives_positioned_diagnostics) {
  const std::string text =
      "contract \"x\" {\n  provider \"p\"\n}\npackage basic \"B\" {\n  calendar nowhere\n}\n";
  sla_contract* contract = reinterpret_cast<sla_contract*>(&contract);  // must be reset
  sla_diagnostics* diagnostics = nullptr;
  BOOST_TEST(sla_contract_load_string("broken.sla", text.data(), text.size(), nullptr, &contract,
                                      &diagnostics) == SLA_ERROR_CONTRACT);
  BOOST_TEST(contract == nullptr);
  BOOST_REQUIRE(sla_diagnostics_count(diagnostics) >= 1u);
  BOOST_TEST(std::string(sla_diagnostics_code(diagnostics, 0)).starts_with("SLA0"));
  BOOST_TEST(std::string(sla_diagnostics_hint(diagnostics, 999)).empty());
  BOOST_TEST(sla_diagnostics_severity(diagnostics, 0) == SLA_SEVERITY_ERROR);
  BOOST_TEST(std::string(sla_diagnostics_file(diagnostics, 0)) == "broken.sla");
  BOOST_TEST(sla_diagnostics_line(diagnostics, 0) >= 1u);
  const std::string all = sla_diagnostics_text(diagnostics);
  BOOST_TEST(all.starts_with("broken.sla:"));
  BOOST_TEST(all.find(": error[SLA0") != std::string::npos);
  BOOST_TEST(std::string(sla_diagnostics_message(diagnostics, 999)).empty());
  sla_diagnostics_free(diagnostics);
}

BOOST_AUTO_TEST_CASE(a_diagnostic_carries_its_hint) {
  std::ifstream in(qiscus_path);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::string wrong = "respond to Normal within 4";
  text.replace(text.find(wrong), wrong.size(), "respond to Normall within 4");
  sla_contract* contract = nullptr;
  sla_diagnostics* diagnostics = nullptr;
  BOOST_TEST(sla_contract_load_string("typo.sla", text.data(), text.size(), nullptr, &contract,
                                      &diagnostics) == SLA_ERROR_CONTRACT);
  BOOST_REQUIRE(sla_diagnostics_count(diagnostics) >= 1u);
  BOOST_TEST(std::string(sla_diagnostics_code(diagnostics, 0)) == "SLA035");
  BOOST_TEST(std::string(sla_diagnostics_hint(diagnostics, 0)).find("'Normal'") !=
             std::string::npos);
  sla_diagnostics_free(diagnostics);
}

BOOST_AUTO_TEST_CASE(options_set_limits_by_name) {
  sla_options* options = sla_options_new();
  BOOST_TEST(sla_options_set_limit(options, "max_file_bytes", 100) == SLA_OK);
  BOOST_TEST(sla_options_set_limit(options, "max_bananas", 1) == SLA_ERROR_ARGUMENT);
  BOOST_TEST(sla_options_add_import_root(options, "") == SLA_ERROR_ARGUMENT);
  sla_contract* contract = nullptr;
  sla_diagnostics* diagnostics = nullptr;
  BOOST_TEST(sla_contract_load_file(qiscus_path.c_str(), options, &contract, &diagnostics) ==
             SLA_ERROR_CONTRACT);
  BOOST_TEST(std::string(sla_diagnostics_message(diagnostics, 0)).find("100") != std::string::npos);
  sla_diagnostics_free(diagnostics);
  sla_options_free(options);
}

BOOST_AUTO_TEST_CASE(an_unknown_package_is_a_selection_error_with_a_suggestion) {
  sla_contract* contract = nullptr;
  BOOST_REQUIRE_EQUAL(sla_contract_load_file(qiscus_path.c_str(), nullptr, &contract, nullptr),
                      SLA_OK);
  sla_evaluator* evaluator = nullptr;
  sla_diagnostics* diagnostics = nullptr;
  BOOST_TEST(sla_evaluator_new(contract, "premum", nullptr, 0, &evaluator, &diagnostics) ==
             SLA_ERROR_SELECTION);
  BOOST_TEST(evaluator == nullptr);
  BOOST_TEST(
      std::string(sla_diagnostics_message(diagnostics, 0)).find("packages: basic, premium") !=
      std::string::npos);
  sla_diagnostics_free(diagnostics);

  const char* both[] = {"dedicated_8x7", "dedicated_24x7"};
  BOOST_TEST(sla_evaluator_new(contract, "premium", both, 2, &evaluator, &diagnostics) ==
             SLA_ERROR_SELECTION);
  BOOST_TEST(std::string(sla_diagnostics_text(diagnostics)).find("dedicated") != std::string::npos);
  sla_diagnostics_free(diagnostics);
  sla_contract_free(contract);
}

BOOST_AUTO_TEST_CASE(a_ticket_is_judged_in_the_contracts_time) {
  Fixture f;
  // The contract's own example: a Normal ticket raised late on Friday is answered on Monday.
  sla_ticket t = ticket("normal", "2026-01-09T16:30:00+07:00");
  sla_result r;
  BOOST_REQUIRE_EQUAL(sla_evaluate(f.evaluator, &t, at("2026-01-10T10:00:00+07:00"), &r), SLA_OK);
  BOOST_TEST(std::string(r.priority) == "Normal");
  BOOST_TEST(r.response.verdict == SLA_PENDING);
  BOOST_TEST(r.response.committed == 1);
  BOOST_TEST(f.local(r.response.due) == "2026-01-12T12:30:00+07:00");
  BOOST_TEST(std::string(r.error).empty());

  t.responded = at("2026-01-12T12:31:00+07:00");
  BOOST_REQUIRE_EQUAL(sla_evaluate(f.evaluator, &t, t.responded, &r), SLA_OK);
  BOOST_TEST(r.response.verdict == SLA_BREACHED);
}

BOOST_AUTO_TEST_CASE(escalation_reports_the_band_reached) {
  Fixture f;
  sla_ticket t = ticket("Normal", "2026-01-12T09:00:00+07:00");
  sla_result r;
  BOOST_REQUIRE_EQUAL(sla_evaluate(f.evaluator, &t, at("2026-01-12T16:00:00+07:00"), &r), SLA_OK);
  BOOST_TEST(std::string(r.escalation_role) == "Account Manager");
}

BOOST_AUTO_TEST_CASE(pausing_statuses_and_priority_changes_come_as_events) {
  Fixture f;
  sla_ticket t = ticket("Low", "2026-01-12T09:00:00+07:00");
  const sla_event events[] = {{at("2026-01-12T09:10:00+07:00"), SLA_EVENT_PRIORITY, "Critical"}};
  t.events = events;
  t.event_count = 1;
  sla_result r;
  BOOST_REQUIRE_EQUAL(sla_evaluate(f.evaluator, &t, at("2026-01-12T09:30:00+07:00"), &r), SLA_OK);
  BOOST_TEST(std::string(r.priority) == "Critical");
  BOOST_TEST(f.local(r.response.due) == "2026-01-12T10:00:00+07:00");
  const sla_event odd[] = {{at("2026-01-12T09:10:00+07:00"), 7, "x"}};
  t.events = odd;
  BOOST_TEST(sla_evaluate(f.evaluator, &t, at("2026-01-12T09:30:00+07:00"), &r) ==
             SLA_ERROR_ARGUMENT);
  BOOST_TEST(std::string(r.error).find("SLA_EVENT_STATUS") != std::string::npos);
  const sla_event no_value[] = {{at("2026-01-12T09:10:00+07:00"), SLA_EVENT_STATUS, nullptr}};
  t.events = no_value;
  BOOST_TEST(sla_evaluate(f.evaluator, &t, at("2026-01-12T09:30:00+07:00"), &r) ==
             SLA_ERROR_ARGUMENT);
  t.events = nullptr;  // a count without events is refused, not read
  BOOST_TEST(sla_evaluate(f.evaluator, &t, at("2026-01-12T09:30:00+07:00"), &r) ==
             SLA_ERROR_ARGUMENT);
}

BOOST_AUTO_TEST_CASE(bad_tickets_say_why_and_nothing_crashes) {
  Fixture f;
  sla_result r;
  sla_ticket t = ticket("Urgent", "2026-01-12T09:00:00+07:00");
  BOOST_TEST(sla_evaluate(f.evaluator, &t, t.created, &r) == SLA_ERROR_TICKET);
  BOOST_TEST(std::string(r.error) == "unknown priority");

  t = ticket("Low", "2026-01-12T09:00:00+07:00");
  for (int64_t bad : {INT64_MAX, INT64_MIN + 1, int64_t{-5'000'000'000'000}}) {
    t.created = bad;
    BOOST_TEST(sla_evaluate(f.evaluator, &t, at("2026-01-12T09:00:00+07:00"), &r) ==
               SLA_ERROR_TICKET);
    BOOST_TEST(std::string(r.error).find("1901") != std::string::npos);
  }
  t.created = SLA_NO_TIME;
  BOOST_TEST(sla_evaluate(f.evaluator, &t, 0, &r) == SLA_ERROR_TICKET);
  t = ticket("Low", "2026-01-12T09:00:00+07:00");
  t.resolved = at("2026-01-11T09:00:00+07:00");
  BOOST_TEST(sla_evaluate(f.evaluator, &t, t.created, &r) == SLA_ERROR_TICKET);
  BOOST_TEST(std::string(r.error) == "resolved before creation");
  t.priority = nullptr;
  BOOST_TEST(sla_evaluate(f.evaluator, &t, t.created, &r) == SLA_ERROR_TICKET);

  BOOST_TEST(sla_evaluate(nullptr, &t, 0, &r) == SLA_ERROR_ARGUMENT);
  BOOST_TEST(sla_evaluate(f.evaluator, nullptr, 0, &r) == SLA_ERROR_ARGUMENT);
  BOOST_TEST(sla_evaluate(f.evaluator, &t, 0, nullptr) == SLA_ERROR_ARGUMENT);
  sla_contract* c = nullptr;
  BOOST_TEST(sla_contract_load_file(nullptr, nullptr, &c, nullptr) == SLA_ERROR_ARGUMENT);
  BOOST_TEST(sla_contract_load_file("/nonexistent.sla", nullptr, &c, nullptr) ==
             SLA_ERROR_CONTRACT);
  sla_contract_free(nullptr);
  sla_evaluator_free(nullptr);
  sla_diagnostics_free(nullptr);
  sla_options_free(nullptr);
  sla_string_free(nullptr);
}

BOOST_AUTO_TEST_CASE(a_batch_reports_each_ticket) {
  Fixture f;
  std::vector<sla_ticket> tickets{ticket("Critical", "2026-01-13T10:00:00+07:00"),
                                  ticket("Nope", "2026-01-13T10:00:00+07:00")};
  std::vector<sla_result> results(tickets.size());
  BOOST_TEST(sla_evaluate_batch(f.evaluator, tickets.data(), tickets.size(),
                                at("2026-01-13T12:00:00+07:00"),
                                results.data()) == SLA_ERROR_TICKET);
  BOOST_TEST(std::string(results[0].error).empty());
  BOOST_TEST(results[0].response.verdict == SLA_BREACHED);
  BOOST_TEST(std::string(results[1].error) == "unknown priority");
  BOOST_TEST(sla_evaluate_batch(f.evaluator, nullptr, 0, 0, nullptr) == SLA_OK);
}

BOOST_AUTO_TEST_CASE(explain_tells_the_steps) {
  Fixture f;
  sla_ticket t = ticket("Normal", "2026-01-09T16:30:00+07:00");
  char* text = nullptr;
  BOOST_REQUIRE_EQUAL(sla_explain(f.evaluator, &t, at("2026-01-13T00:00:00+07:00"), &text), SLA_OK);
  const std::string steps = text;
  sla_string_free(text);
  BOOST_TEST(steps.find("Open from Friday 2026-01-09T16:30:00+07:00") != std::string::npos);
  BOOST_TEST(steps.find("The response is due Monday 2026-01-12T12:30:00+07:00") !=
             std::string::npos);
  t.priority = "Urgent";
  BOOST_TEST(sla_explain(f.evaluator, &t, t.created, &text) == SLA_ERROR_TICKET);
  BOOST_TEST(text == nullptr);
}

BOOST_AUTO_TEST_CASE(time_queries_follow_the_calendar) {
  Fixture f;
  BOOST_TEST(sla_is_open(f.evaluator, at("2026-01-09T16:30:00+07:00")) == 1);
  BOOST_TEST(sla_is_open(f.evaluator, at("2026-01-10T10:00:00+07:00")) == 0);  // Saturday
  BOOST_TEST(sla_is_open(f.evaluator, INT64_MAX) == 0);
  int64_t due = 0;
  BOOST_REQUIRE_EQUAL(
      sla_add_business_time(f.evaluator, at("2026-01-09T16:30:00+07:00"), 4 * 3600, &due), SLA_OK);
  BOOST_TEST(f.local(due) == "2026-01-12T12:30:00+07:00");
  int64_t open = 0;
  BOOST_REQUIRE_EQUAL(sla_business_time_between(f.evaluator, at("2026-01-09T16:30:00+07:00"),
                                                at("2026-01-12T12:30:00+07:00"), &open),
                      SLA_OK);
  BOOST_TEST(open == 4 * 3600);
  int64_t next = 0;
  BOOST_REQUIRE_EQUAL(sla_next_opening(f.evaluator, at("2026-01-10T10:00:00+07:00"), &next),
                      SLA_OK);
  BOOST_TEST(f.local(next) == "2026-01-12T09:00:00+07:00");
  BOOST_TEST(sla_next_opening(f.evaluator, INT64_MIN, &next) == SLA_ERROR_RANGE);
  // Every due time the library gives can be shown, 2399 included.
  char buffer[32];
  BOOST_TEST(sla_format_time(f.evaluator, at("2398-12-31T23:00:00Z") + 86400 * 3, buffer,
                             sizeof buffer) == SLA_OK);
  BOOST_TEST(sla_add_business_time(f.evaluator, INT64_MIN, 1, &due) == SLA_ERROR_RANGE);
  BOOST_TEST(sla_add_business_time(f.evaluator, 0, -1, &due) == SLA_ERROR_ARGUMENT);
  BOOST_TEST(sla_add_business_time(f.evaluator, 0, INT64_MAX, &due) == SLA_ERROR_RANGE);
  int64_t start = 0;
  BOOST_REQUIRE_EQUAL(
      sla_subtract_business_time(f.evaluator, at("2026-01-12T12:30:00+07:00"), 4 * 3600, &start),
      SLA_OK);
  BOOST_TEST(f.local(start) == "2026-01-09T16:30:00+07:00");
  BOOST_REQUIRE_EQUAL(
      sla_subtract_business_time(f.evaluator, at("2026-03-23T10:00:00+07:00"), 2 * 3600, &start),
      SLA_OK);
  BOOST_TEST(f.local(start) == "2026-03-18T16:00:00+07:00");  // Nyepi and Eid skipped
  BOOST_REQUIRE_EQUAL(sla_subtract_business_time(f.evaluator, due, 0, &start), SLA_OK);
  BOOST_TEST(start == due);
  start = 42;
  BOOST_TEST(sla_subtract_business_time(f.evaluator, INT64_MIN, 1, &start) == SLA_ERROR_RANGE);
  BOOST_TEST(sla_subtract_business_time(f.evaluator, 0, -1, &start) == SLA_ERROR_ARGUMENT);
  BOOST_TEST(sla_subtract_business_time(f.evaluator, 0, INT64_MAX, &start) == SLA_ERROR_RANGE);
  BOOST_TEST(sla_subtract_business_time(nullptr, 0, 1, &start) == SLA_ERROR_ARGUMENT);
  BOOST_TEST(sla_subtract_business_time(f.evaluator, 0, 1, nullptr) == SLA_ERROR_ARGUMENT);
  BOOST_TEST(start == 42);  // untouched on failure
  char small[8];
  BOOST_TEST(sla_format_time(f.evaluator, 0, small, sizeof small) == SLA_ERROR_ARGUMENT);
  BOOST_TEST(sla_format_time(f.evaluator, INT64_MAX, small, sizeof small) == SLA_ERROR_RANGE);
  int64_t t = 0;
  BOOST_TEST(sla_parse_time("2026-01-09 16:30", &t) == SLA_ERROR_ARGUMENT);  // no offset
  BOOST_TEST(sla_parse_time("yesterday", &t) == SLA_ERROR_ARGUMENT);
  BOOST_TEST(sla_parse_time("1901-01-01T00:00:00+01:00", &t) == SLA_ERROR_RANGE);  // 1900 in UTC
}

BOOST_AUTO_TEST_CASE(an_evaluator_keeps_its_contract_alive) {
  sla_contract* contract = nullptr;
  BOOST_REQUIRE_EQUAL(sla_contract_load_file(qiscus_path.c_str(), nullptr, &contract, nullptr),
                      SLA_OK);
  sla_evaluator* evaluator = nullptr;
  BOOST_REQUIRE_EQUAL(sla_evaluator_new(contract, "premium", nullptr, 0, &evaluator, nullptr),
                      SLA_OK);
  sla_contract_free(contract);  // ASan would catch a use after this
  sla_ticket t = ticket("Critical", "2026-01-13T10:00:00+07:00");
  sla_result r;
  BOOST_TEST(sla_evaluate(evaluator, &t, t.created, &r) == SLA_OK);
  BOOST_TEST(std::string(r.priority) == "Critical");
  sla_evaluator_free(evaluator);
}

BOOST_AUTO_TEST_CASE(threads_share_one_evaluator) {
  Fixture f;
  const int64_t start = at("2026-01-05T00:00:00+07:00");
  const char* priorities[] = {"Low", "Normal", "High", "Critical"};
  std::vector<sla_ticket> tickets;
  for (int i = 0; i < 2000; ++i) {
    sla_ticket t = sla_ticket_init();
    t.priority = priorities[i % 4];
    t.created = start + i * 3571;  // spread over weeks, across nights and weekends
    tickets.push_back(t);
  }
  const int64_t as_of = start + 2000 * 3571;
  std::vector<sla_result> serial(tickets.size());
  sla_evaluate_batch(f.evaluator, tickets.data(), tickets.size(), as_of, serial.data());
  std::vector<std::vector<sla_result>> parallel(4, std::vector<sla_result>(tickets.size()));
  std::vector<std::thread> threads;
  for (auto& out : parallel)
    threads.emplace_back([&] {
      sla_evaluate_batch(f.evaluator, tickets.data(), tickets.size(), as_of, out.data());
    });
  for (auto& t : threads) t.join();
  for (const auto& out : parallel)
    for (std::size_t i = 0; i < tickets.size(); ++i) {
      BOOST_TEST(out[i].response.due == serial[i].response.due);
      BOOST_TEST(out[i].resolution.due == serial[i].resolution.due);
    }
}

BOOST_AUTO_TEST_CASE(names_of_values_outside_the_enums_are_unknown_not_undefined) {
  BOOST_TEST(std::string(sla_status_name(SLA_ERROR_INTERNAL)) == "internal");
  BOOST_TEST(std::string(sla_verdict_name(SLA_NO_TARGET)) == "no_target");
  for (int v : {-1, 7, 99, INT32_MIN, INT32_MAX}) {
    BOOST_TEST(std::string(sla_status_name(v)) == "unknown");
    BOOST_TEST(std::string(sla_verdict_name(v)) == "unknown");
  }
  BOOST_TEST(std::string(sla_verdict_name(4)) == "unknown");
}

BOOST_AUTO_TEST_CASE(parse_time_says_range_for_well_formed_times_outside_the_years) {
  int64_t t = 0;
  BOOST_TEST(sla_parse_time("1850-01-01T00:00:00Z", &t) == SLA_ERROR_RANGE);
  BOOST_TEST(sla_parse_time("2399-01-01T00:00:00Z", &t) == SLA_ERROR_RANGE);
  BOOST_TEST(sla_parse_time("0001-01-01T00:00:00Z", &t) == SLA_ERROR_RANGE);
  BOOST_TEST(sla_parse_time("2026-13-01T00:00:00Z", &t) == SLA_ERROR_ARGUMENT);  // malformed
  BOOST_TEST(sla_parse_time("2026-01-09T16:30:00+07:00", &t) == SLA_OK);
}

BOOST_AUTO_TEST_CASE(a_fraction_of_a_second_is_exact_when_zero_and_refused_otherwise) {
  Fixture f;
  int64_t t = 0;
  BOOST_REQUIRE_EQUAL(sla_parse_time("2026-01-09T16:30:00.000+07:00", &t), SLA_OK);
  BOOST_TEST(t == at("2026-01-09T16:30:00+07:00"));
  BOOST_REQUIRE_EQUAL(sla_parse_local_time(f.evaluator, "2026-01-09T16:30:00.000", &t), SLA_OK);
  BOOST_TEST(t == at("2026-01-09T16:30:00+07:00"));
  t = 42;
  BOOST_TEST(sla_parse_time("2026-01-09T16:30:00.5+07:00", &t) == SLA_ERROR_ARGUMENT);
  BOOST_TEST(sla_parse_local_time(f.evaluator, "2026-01-09T16:30:00.5+07:00", &t) ==
             SLA_ERROR_ARGUMENT);
  BOOST_TEST(sla_parse_local_time(f.evaluator, "2026-01-09T16:30:00.5", &t) == SLA_ERROR_ARGUMENT);
  BOOST_TEST(t == 42);
}

BOOST_AUTO_TEST_CASE(local_times_are_read_in_the_calendar_zone_as_the_cli_reads_them) {
  Fixture f;  // Asia/Jakarta, +07:00
  int64_t t = 0;
  BOOST_REQUIRE_EQUAL(sla_parse_local_time(f.evaluator, "2026-01-09T16:30:00", &t), SLA_OK);
  BOOST_TEST(t == at("2026-01-09T16:30:00+07:00"));
  BOOST_REQUIRE_EQUAL(sla_parse_local_time(f.evaluator, "2026-01-09 16:30:00", &t), SLA_OK);
  BOOST_TEST(t == at("2026-01-09T16:30:00+07:00"));
  BOOST_REQUIRE_EQUAL(sla_parse_local_time(f.evaluator, "2026-01-09T09:30:00Z", &t), SLA_OK);
  BOOST_TEST(t == at("2026-01-09T16:30:00+07:00"));  // an offset wins
  BOOST_TEST(sla_parse_local_time(f.evaluator, "soon", &t) == SLA_ERROR_ARGUMENT);
  BOOST_TEST(sla_parse_local_time(f.evaluator, "1901-01-01T03:00:00", &t) == SLA_ERROR_RANGE);
  BOOST_TEST(sla_parse_local_time(f.evaluator, "2400-01-01T00:00:00", &t) == SLA_ERROR_RANGE);
  BOOST_TEST(sla_parse_local_time(nullptr, "2026-01-09T16:30:00", &t) == SLA_ERROR_ARGUMENT);
  BOOST_TEST(sla_parse_local_time(f.evaluator, nullptr, &t) == SLA_ERROR_ARGUMENT);
}

BOOST_AUTO_TEST_CASE(every_due_time_evaluate_gives_formats) {
  // A calendar-time target of a century, raised in the last supported year and
  // paused for decades: the due time lies far past 2399, and still formats.
  const char* text =
      "contract \"T\" { provider \"P\"; version \"1\"; effective 2026-01-01 }\n"
      "calendar office { zone \"Asia/Tokyo\"; open Mon-Fri 09:00-17:00 }\n"
      "priorities { Low \"l\" }\n"
      "package p \"P\" {\n  calendar office\n  clock pauses on status \"On hold\"\n"
      "  resolve Low within 36500 days committed\n}\n";
  sla_contract* contract = nullptr;
  BOOST_REQUIRE_EQUAL(
      sla_contract_load_string("t.sla", text, std::strlen(text), nullptr, &contract, nullptr),
      SLA_OK);
  sla_evaluator* evaluator = nullptr;
  BOOST_REQUIRE_EQUAL(sla_evaluator_new(contract, "p", nullptr, 0, &evaluator, nullptr), SLA_OK);
  const sla_event events[] = {{at("1901-06-01T00:00:00Z"), SLA_EVENT_STATUS, "On hold"},
                              {at("2398-06-01T00:00:00Z"), SLA_EVENT_STATUS, "Open"}};
  for (const char* created : {"2398-12-31T10:00:00Z", "1901-01-02T10:00:00Z"}) {
    sla_ticket t = sla_ticket_init();
    t.priority = "Low";
    t.created = at(created);
    if (created[0] == '1') {
      t.events = events;
      t.event_count = 2;
    }
    sla_result r;
    BOOST_REQUIRE_EQUAL(sla_evaluate(evaluator, &t, at("2398-12-31T23:00:00Z"), &r), SLA_OK);
    BOOST_REQUIRE(r.resolution.due != SLA_NO_TIME);
    char buffer[32];
    BOOST_TEST(sla_format_time(evaluator, r.resolution.due, buffer, sizeof buffer) == SLA_OK);
    BOOST_TEST_MESSAGE(created << " -> " << buffer);
  }
  sla_evaluator_free(evaluator);
  sla_contract_free(contract);
}

// ---- Tickets with restoration, attributes and updates (sla_ticket_ex) -----------

namespace {

// A contract in Europe/Berlin (+01:00 in January) with attributes, a target on its
// own calendar, updates, restoration and a target for tickets without a priority.
constexpr const char* kBeyond = R"(
contract "Beyond" { provider "Acme"; version "1"; effective 2026-01-01 }
calendar office { zone "Europe/Berlin"; open Mon-Fri 08:00-18:00 }
calendar around_the_clock { zone "Europe/Berlin"; open always }
attribute channel "phone", "e-mail", "portal"
attribute type "incident", "question"
priorities { P2 "Major."; P1 "Outage." }
package business "Business" {
  calendar office
  respond to P1 within 30 minutes on calendar around_the_clock
  respond to P1 where channel is "phone", "portal" within 15 minutes on calendar around_the_clock
  respond to all where type is "question" within 2 business days
  update P1 every 1 hour on calendar around_the_clock
  update P2 every 2 business hours
  restore P1 within 4 hours on calendar around_the_clock
}
)";

struct Beyond {
  sla_contract* contract = nullptr;
  sla_evaluator* evaluator = nullptr;

  Beyond() {
    BOOST_REQUIRE_EQUAL(sla_contract_load_string("beyond.sla", kBeyond, std::strlen(kBeyond),
                                                 nullptr, &contract, nullptr),
                        SLA_OK);
    BOOST_REQUIRE_EQUAL(sla_evaluator_new(contract, "business", nullptr, 0, &evaluator, nullptr),
                        SLA_OK);
  }
  ~Beyond() {
    sla_evaluator_free(evaluator);
    sla_contract_free(contract);
  }
  std::string local(int64_t t) const {
    char buffer[32];
    BOOST_REQUIRE_EQUAL(sla_format_time(evaluator, t, buffer, sizeof buffer), SLA_OK);
    return buffer;
  }
};

// The layouts a program built against the first header knows: they must not move.
struct first_ticket {
  const char* priority;
  int64_t created, responded, resolved;
  const sla_event* events;
  size_t event_count;
};
struct first_result {
  const char* priority;
  sla_target_result response, resolution;
  const char *escalation_role, *escalation_contact, *error;
};

}  // namespace

BOOST_AUTO_TEST_CASE(the_first_structs_keep_their_layout) {
  static_assert(sizeof(sla_ticket) == sizeof(first_ticket));
  static_assert(offsetof(sla_ticket, event_count) == offsetof(first_ticket, event_count));
  static_assert(sizeof(sla_result) == sizeof(first_result));
  static_assert(offsetof(sla_result, error) == offsetof(first_result, error));
  static_assert(sizeof(sla_event) == 24 || sizeof(void*) != 8);
  BOOST_TEST(sla_ticket_ex_init().size == sizeof(sla_ticket_ex));
  BOOST_TEST(sla_result_ex_init().size == sizeof(sla_result_ex));
}

BOOST_AUTO_TEST_CASE(a_contract_lists_its_attributes) {
  Beyond b;
  BOOST_REQUIRE(sla_contract_attribute_count(b.contract) == 2u);
  BOOST_TEST(std::string(sla_contract_attribute_name(b.contract, 0)) == "channel");
  BOOST_TEST(sla_contract_attribute_value_count(b.contract, 0) == 3u);
  BOOST_TEST(std::string(sla_contract_attribute_value(b.contract, 0, 1)) == "e-mail");
  BOOST_TEST(std::string(sla_contract_attribute_value(b.contract, 0, 9)).empty());
  BOOST_TEST(std::string(sla_contract_attribute_name(b.contract, 9)).empty());
  BOOST_TEST(sla_contract_attribute_value_count(nullptr, 0) == 0u);
}

BOOST_AUTO_TEST_CASE(attributes_updates_and_restoration_are_judged) {
  Beyond b;
  sla_ticket_ex t = sla_ticket_ex_init();
  t.base.priority = "P1";
  t.base.created = at("2026-01-10T22:00:00+01:00");  // a Saturday night
  t.base.responded = at("2026-01-10T22:20:00+01:00");
  const sla_attribute phone[] = {{"channel", "PHONE"}};
  t.attributes = phone;
  t.attribute_count = 1;
  const int64_t updates[] = {at("2026-01-10T23:00:00+01:00"), at("2026-01-11T00:30:00+01:00")};
  t.updates = updates;
  t.update_count = 2;
  t.restored = at("2026-01-11T01:30:00+01:00");
  sla_result_ex r = sla_result_ex_init();
  const int64_t as_of = at("2026-01-11T01:00:00+01:00");
  BOOST_REQUIRE_EQUAL(sla_evaluate_ex(b.evaluator, &t, as_of, &r), SLA_OK);
  BOOST_TEST(std::string(r.base.priority) == "P1");
  // The phone target (15 minutes) applies, around the clock.
  BOOST_TEST(b.local(r.base.response.due) == "2026-01-10T22:15:00+01:00");
  BOOST_TEST(r.base.response.verdict == SLA_BREACHED);
  // Updates: 40 min, then 90 min (the update was due 00:00), then 30 min so far.
  BOOST_TEST(r.update.verdict == SLA_BREACHED);
  BOOST_TEST(b.local(r.update.due) == "2026-01-11T00:00:00+01:00");
  BOOST_TEST(r.update.committed == 1);
  BOOST_TEST(r.update_worst_gap == 5400);
  // Restored at 01:30, after the as-of time: not known yet.
  BOOST_TEST(r.restoration.verdict == SLA_PENDING);
  BOOST_TEST(b.local(r.restoration.due) == "2026-01-11T02:00:00+01:00");
  const sla_result_ex first = r;
  BOOST_REQUIRE_EQUAL(sla_evaluate_ex(b.evaluator, &t, at("2026-01-11T03:00:00+01:00"), &r),
                      SLA_OK);
  BOOST_TEST(r.restoration.verdict == SLA_MET);

  // The same updates as SLA_EVENT_UPDATE events say the same.
  const sla_event events[] = {{updates[0], SLA_EVENT_UPDATE, nullptr},
                              {updates[1], SLA_EVENT_UPDATE, "fix deployed"}};
  sla_ticket_ex e = t;
  e.updates = nullptr;
  e.update_count = 0;
  e.base.events = events;
  e.base.event_count = 2;
  sla_result_ex re = sla_result_ex_init();
  BOOST_REQUIRE_EQUAL(sla_evaluate_ex(b.evaluator, &e, as_of, &re), SLA_OK);
  BOOST_TEST(re.update_worst_gap == first.update_worst_gap);
  BOOST_TEST(re.update.due == first.update.due);
  // sla_evaluate takes update events too (and has no field for their verdict).
  sla_result plain;
  BOOST_TEST(sla_evaluate(b.evaluator, &e.base, as_of, &plain) == SLA_OK);
  BOOST_TEST(plain.response.verdict == SLA_MET);  // no attributes: the plain 30-minute target

  // Without a restoration time, the resolution counts.
  t.restored = SLA_NO_TIME;
  t.base.resolved = at("2026-01-11T03:00:00+01:00");
  BOOST_REQUIRE_EQUAL(sla_evaluate_ex(b.evaluator, &t, at("2026-01-12T00:00:00+01:00"), &r),
                      SLA_OK);
  BOOST_TEST(r.restoration.verdict == SLA_BREACHED);
  // No update target for the ticket: no verdict, and no worst gap.
  t.base.priority = "P2";
  t.attribute_count = 0;
  BOOST_REQUIRE_EQUAL(sla_evaluate_ex(b.evaluator, &t, at("2026-01-12T00:00:00+01:00"), &r),
                      SLA_OK);
  BOOST_TEST(r.restoration.verdict == SLA_NO_TARGET);
  BOOST_TEST(r.restoration.due == SLA_NO_TIME);
}

BOOST_AUTO_TEST_CASE(a_ticket_without_a_priority_is_judged_on_its_attributes) {
  Beyond b;
  sla_ticket_ex t = sla_ticket_ex_init();
  t.base.created = at("2026-01-09T10:00:00+01:00");
  const sla_attribute question[] = {{"type", "question"}, {"channel", nullptr}};
  t.attributes = question;
  t.attribute_count = 2;
  sla_result_ex r = sla_result_ex_init();
  BOOST_REQUIRE_EQUAL(sla_evaluate_ex(b.evaluator, &t, at("2026-01-20T00:00:00+01:00"), &r),
                      SLA_OK);
  BOOST_TEST(std::string(r.base.priority).empty());
  BOOST_TEST(b.local(r.base.response.due) == "2026-01-13T10:00:00+01:00");
  BOOST_TEST(r.update_worst_gap == -1);
  // Without the attribute, nothing applies.
  t.attribute_count = 0;
  BOOST_TEST(sla_evaluate_ex(b.evaluator, &t, t.base.created, &r) == SLA_ERROR_TICKET);
  BOOST_TEST(std::string(r.base.error).find("no priority") != std::string::npos);
  BOOST_TEST(sla_evaluate(b.evaluator, &t.base, t.base.created, &r.base) == SLA_ERROR_TICKET);
}

BOOST_AUTO_TEST_CASE(bad_attributes_and_sizes_say_why) {
  Beyond b;
  sla_ticket_ex t = sla_ticket_ex_init();
  t.base.priority = "P1";
  t.base.created = at("2026-01-09T10:00:00+01:00");
  sla_result_ex r = sla_result_ex_init();
  const sla_attribute fax[] = {{"channel", "fax"}};
  t.attributes = fax;
  t.attribute_count = 1;
  BOOST_TEST(sla_evaluate_ex(b.evaluator, &t, t.base.created, &r) == SLA_ERROR_TICKET);
  BOOST_TEST(std::string(r.base.error) == "unknown attribute value");
  BOOST_TEST(std::string(r.error_attribute) == "channel");
  const sla_attribute unknown[] = {{"chanel", "phone"}};
  t.attributes = unknown;
  BOOST_TEST(sla_evaluate_ex(b.evaluator, &t, t.base.created, &r) == SLA_ERROR_TICKET);
  BOOST_TEST(std::string(r.base.error) == "unknown attribute name");
  BOOST_TEST(std::string(r.error_attribute).empty());
  const sla_attribute twice[] = {{"channel", "phone"}, {"channel", ""}};
  t.attributes = twice;
  t.attribute_count = 2;
  BOOST_TEST(sla_evaluate_ex(b.evaluator, &t, t.base.created, &r) == SLA_ERROR_ARGUMENT);
  BOOST_TEST(std::string(r.base.error).find("twice") != std::string::npos);
  const sla_attribute unnamed[] = {{nullptr, "phone"}};
  t.attributes = unnamed;
  t.attribute_count = 1;
  BOOST_TEST(sla_evaluate_ex(b.evaluator, &t, t.base.created, &r) == SLA_ERROR_ARGUMENT);
  t.attributes = nullptr;  // a count without attributes is refused, not read
  BOOST_TEST(sla_evaluate_ex(b.evaluator, &t, t.base.created, &r) == SLA_ERROR_ARGUMENT);
  t.attribute_count = 0;
  t.update_count = 1;  // nor a count without updates
  BOOST_TEST(sla_evaluate_ex(b.evaluator, &t, t.base.created, &r) == SLA_ERROR_ARGUMENT);
  t.update_count = 0;
  t.restored = at("2026-01-08T10:00:00+01:00");
  BOOST_TEST(sla_evaluate_ex(b.evaluator, &t, t.base.created, &r) == SLA_ERROR_TICKET);
  BOOST_TEST(std::string(r.base.error) == "restored before creation");
  t.restored = INT64_MAX;
  BOOST_TEST(sla_evaluate_ex(b.evaluator, &t, t.base.created, &r) == SLA_ERROR_TICKET);
  BOOST_TEST(std::string(r.base.error).find("1901") != std::string::npos);
  t.restored = SLA_NO_TIME;
  const int64_t far[] = {INT64_MIN + 1};
  t.updates = far;
  t.update_count = 1;
  BOOST_TEST(sla_evaluate_ex(b.evaluator, &t, t.base.created, &r) == SLA_ERROR_TICKET);
  t.update_count = 0;

  // A size the caller did not set is refused.
  sla_ticket_ex unsized = t;
  unsized.size = 0;
  BOOST_TEST(sla_evaluate_ex(b.evaluator, &unsized, t.base.created, &r) == SLA_ERROR_ARGUMENT);
  BOOST_TEST(std::string(r.base.error).find("sla_ticket_ex_init") != std::string::npos);
  sla_result_ex small = sla_result_ex_init();
  small.size = sizeof(sla_result);
  BOOST_TEST(sla_evaluate_ex(b.evaluator, &t, t.base.created, &small) == SLA_ERROR_ARGUMENT);
  BOOST_TEST(sla_evaluate_ex(nullptr, &t, 0, &r) == SLA_ERROR_ARGUMENT);
  BOOST_TEST(sla_evaluate_ex(b.evaluator, nullptr, 0, &r) == SLA_ERROR_ARGUMENT);
  BOOST_TEST(sla_evaluate_ex(b.evaluator, &t, 0, nullptr) == SLA_ERROR_ARGUMENT);
  char* text = reinterpret_cast<char*>(&text);
  BOOST_TEST(sla_explain_ex(b.evaluator, &unsized, 0, &text) == SLA_ERROR_ARGUMENT);
  BOOST_TEST(text == nullptr);
}

BOOST_AUTO_TEST_CASE(explain_ex_tells_conditions_gaps_and_restoration) {
  Beyond b;
  sla_ticket_ex t = sla_ticket_ex_init();
  t.base.priority = "P1";
  t.base.created = at("2026-01-10T22:00:00+01:00");
  t.base.responded = at("2026-01-10T22:20:00+01:00");
  const sla_attribute portal[] = {{"channel", "portal"}};
  t.attributes = portal;
  t.attribute_count = 1;
  const int64_t updates[] = {at("2026-01-10T23:00:00+01:00"), at("2026-01-11T00:30:00+01:00")};
  t.updates = updates;
  t.update_count = 2;
  t.restored = at("2026-01-11T01:30:00+01:00");
  char* text = nullptr;
  BOOST_REQUIRE_EQUAL(sla_explain_ex(b.evaluator, &t, at("2026-01-11T03:00:00+01:00"), &text),
                      SLA_OK);
  const std::string steps = text;
  sla_string_free(text);
  BOOST_TEST_MESSAGE(steps);
  BOOST_TEST(steps.find("applies: the ticket's channel is \"portal\"") != std::string::npos);
  BOOST_TEST(steps.find("this gap breached the target (the next update was due Sunday "
                        "2026-01-11T00:00:00+01:00)") != std::string::npos);
  BOOST_TEST(steps.find("The restoration is due Sunday 2026-01-11T02:00:00+01:00; met") !=
             std::string::npos);
  const sla_attribute fax[] = {{"channel", "fax"}};
  t.attributes = fax;
  BOOST_TEST(sla_explain_ex(b.evaluator, &t, t.base.created, &text) == SLA_ERROR_TICKET);
  BOOST_TEST(text == nullptr);
}
