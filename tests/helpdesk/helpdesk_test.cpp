// Help desks' exports read as the contract's tickets (docs/helpdesk.md): per desk,
// the rows read from the fixtures in tests/helpdesk/DESK against values worked out
// by hand, the error rows (deleted tickets, values the map lacks), the map's own
// errors, and a 200,000-ticket Zendesk export read one page at a time.
#define BOOST_TEST_MODULE helpdesk
#include <boost/test/unit_test.hpp>

#include <cstdio>
#include <fstream>
#include <memory>

#include <fmt/format.h>

#include "interpreter/time/timestamp.hpp"
#include "sla/evaluator.hpp"
#include "sla/load.hpp"
#include "tools/helpdesk/desk_map.hpp"
#include "tools/helpdesk/desk_reader.hpp"
#include "tools/helpdesk/desk_time.hpp"

using namespace sla;
using namespace sla::cli;
using namespace std::chrono_literals;

namespace {

const std::string kDir = std::string(SLA_SOURCE_DIR) + "/tests/helpdesk/";

const Evaluator& premium() {
  static const LoadResult r =
      load_file(std::string(SLA_SOURCE_DIR) + "/contracts/qiscus-enterprise.sla");
  static const Evaluator ev = [] {
    BOOST_TEST_REQUIRE(r.ok());
    auto made = Evaluator::make(*r.model, "premium");
    BOOST_TEST_REQUIRE(made.evaluator.has_value(), made.error);
    return std::move(*made.evaluator);
  }();
  return ev;
}

Instant at(const std::string& text) {
  std::string error;
  auto t = parse_timestamp(text, error);
  BOOST_TEST_REQUIRE((t && t->has_offset), text << ": " << error);
  return t->utc;
}

// A row copied out of the reader (its views last only until the next row).
struct Row {
  std::size_t number = 0, line = 0;
  std::string id, priority, error;
  Instant created{};
  std::optional<Instant> responded, resolved;
  std::vector<std::pair<std::string, Instant>> events;  // "status:NAME" or "priority:NAME"
  std::optional<std::chrono::seconds> desk_response, desk_resolution;
};

struct Read {
  bool opened = false;
  std::string error;
  std::vector<Row> rows;
  std::size_t peak_held = 0;
};

Read read_export(Desk desk, const std::string& file, const std::string& map_file) {
  Read out;
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> in(std::fopen((kDir + file).c_str(), "rb"),
                                                     &std::fclose);
  BOOST_TEST_REQUIRE(in != nullptr, file);
  std::optional<DeskMap> map =
      map_file.empty() ? default_desk_map(desk) : read_desk_map(kDir + map_file, desk, out.error);
  BOOST_TEST_REQUIRE(map.has_value(), out.error);
  DeskReader reader;
  out.opened = reader.open(in.get(), desk, std::move(*map), premium(), out.error);
  if (!out.opened) return out;
  for (TicketRow r; reader.next(r);) {
    Row row{r.number, r.line,           std::string(r.id),  std::string(r.ticket.priority),
            r.error,  r.ticket.created, r.ticket.responded, r.ticket.resolved,
            {},       r.desk_response,  r.desk_resolution};
    for (const TicketEvent& e : r.ticket.events)
      row.events.emplace_back(
          std::string(e.kind == TicketEvent::Kind::status ? "status:" : "priority:") +
              std::string(e.value),
          e.at);
    out.rows.push_back(std::move(row));
  }
  out.peak_held = reader.peak_held();
  return out;
}

using Events = std::vector<std::pair<std::string, Instant>>;

void check_numbers(const Read& r) {
  for (std::size_t i = 0; i < r.rows.size(); ++i) BOOST_TEST(r.rows[i].number == i + 1);
}

}  // namespace

BOOST_AUTO_TEST_CASE(zendesk_tickets_metric_sets_and_audits) {
  const Read r = read_export(Desk::zendesk, "zendesk/export.json", "zendesk/map.ini");
  BOOST_TEST_REQUIRE(r.opened, r.error);
  BOOST_TEST_REQUIRE(r.rows.size() == 6u);
  check_numbers(r);
  for (const Row& row : r.rows) BOOST_TEST(row.error == "", row.id << ": " << row.error);
  const Row& urgent = r.rows[0];
  BOOST_TEST(urgent.id == "1001");
  BOOST_TEST(urgent.priority == "Critical");
  BOOST_TEST(urgent.line > 1u);
  BOOST_TEST((urgent.created == at("2026-01-12T02:15:00Z")));
  BOOST_TEST((urgent.responded == at("2026-01-12T02:40:00Z")));  // the agent's public comment
  BOOST_TEST((urgent.resolved == at("2026-01-12T06:00:00Z")));
  BOOST_TEST((urgent.desk_response == std::chrono::seconds(25 * 60)));
  BOOST_TEST((urgent.desk_resolution == std::chrono::seconds(225 * 60)));
  BOOST_TEST((urgent.events == Events{{"status:open", at("2026-01-12T02:15:00Z")},
                                      {"status:open", at("2026-01-12T02:40:00Z")},
                                      {"status:resolved", at("2026-01-12T06:00:00Z")}}));
  // Raised from normal to high half an hour in: the priority at creation, then the change.
  const Row& raised = r.rows[1];
  BOOST_TEST(raised.priority == "Normal");
  BOOST_TEST((raised.events[1] ==
              std::pair<std::string, Instant>{"priority:High", at("2026-01-20T03:30:00Z")}));
  BOOST_TEST((raised.resolved == at("2026-01-21T08:00:00Z")));
  // Pending is the contract's "waiting on client"; the requester's comment is no reply.
  const Row& pending = r.rows[2];
  BOOST_TEST((pending.responded == at("2026-02-03T02:30:00Z")));
  BOOST_TEST((pending.events == Events{{"status:open", at("2026-02-03T02:00:00Z")},
                                       {"status:waiting on client", at("2026-02-03T02:30:00Z")},
                                       {"status:open", at("2026-02-03T05:00:00Z")},
                                       {"status:resolved", at("2026-02-04T04:00:00Z")}}));
  const Row& hold = r.rows[3];
  BOOST_TEST((hold.events[2] == std::pair<std::string, Instant>{"status:awaiting confirmation",
                                                                at("2026-02-10T08:30:00Z")}));
  // Solved, reopened, solved again, closed: resolved at the second solve.
  const Row& reopened = r.rows[4];
  BOOST_TEST(reopened.priority == "Low");
  BOOST_TEST((reopened.resolved == at("2026-03-05T05:00:00Z")));
  BOOST_TEST((reopened.responded == at("2026-03-02T06:00:00Z")));
  const Row& waiting = r.rows[5];
  BOOST_TEST(!waiting.responded.has_value());
  BOOST_TEST(!waiting.resolved.has_value());
  BOOST_TEST(!waiting.desk_response.has_value());
}

BOOST_AUTO_TEST_CASE(zendesk_deleted_and_unknown_values_are_row_errors) {
  const Read r = read_export(Desk::zendesk, "zendesk/deleted-and-unknown.json", "zendesk/map.ini");
  BOOST_TEST_REQUIRE(r.opened, r.error);
  BOOST_TEST_REQUIRE(r.rows.size() == 5u);  // every ticket comes back once
  check_numbers(r);
  BOOST_TEST(r.rows[0].id == "2001");
  BOOST_TEST(r.rows[0].error == "deleted in zendesk (status 'deleted')");
  BOOST_TEST(r.rows[1].error ==
             "unknown zendesk priority 'emergency': add it under [priority] in " + kDir +
                 "zendesk/map.ini (emergency = <one of Low, Normal, High, Critical>)");
  BOOST_TEST(r.rows[2].error ==
             "unknown zendesk status 'escalated': add it under [status] in " + kDir +
                 "zendesk/map.ini (escalated = <open, resolved, deleted, or one of waiting on "
                 "client, awaiting confirmation>)");
  BOOST_TEST(r.rows[3].error == "");
  BOOST_TEST((r.rows[3].responded == at("2026-01-16T03:45:00Z")));  // reply_time_in_minutes
  BOOST_TEST(r.rows[4].error.starts_with("the ticket has no zendesk priority: add (none) = "));
}

BOOST_AUTO_TEST_CASE(zendesk_default_map_names_itself_in_the_hint) {
  const Read r = read_export(Desk::zendesk, "zendesk/deleted-and-unknown.json", "");
  BOOST_TEST_REQUIRE(r.rows.size() == 5u);
  BOOST_TEST(r.rows[1].error ==
             "unknown zendesk priority 'emergency': add it under [priority] in a copy of the "
             "default zendesk map (docs/helpdesk.md) given with --map (emergency = <one of Low, "
             "Normal, High, Critical>)");
}

// Incremental ticket events name the changed field as the key; comments say
// comment_public, and their author is the event's updater.
BOOST_AUTO_TEST_CASE(zendesk_incremental_ticket_events) {
  std::string text = R"({"ticket_events": [
  {"id": 1, "ticket_id": 7, "timestamp": 1768183200, "created_at": "2026-01-12T02:00:00Z",
   "updater_id": 50, "event_type": "Audit", "child_events": [
     {"id": 2, "event_type": "Create", "status": "new"},
     {"id": 3, "event_type": "Create", "priority": "low"},
     {"id": 4, "event_type": "Comment", "comment_present": true, "comment_public": true}]},
  {"id": 5, "ticket_id": 7, "timestamp": 1768185000, "updater_id": 9, "event_type": "Audit",
   "child_events": [
     {"id": 6, "event_type": "Comment", "comment_present": true, "comment_public": true},
     {"id": 7, "event_type": "Change", "status": "pending", "previous_value": "new"},
     {"id": 8, "event_type": "Change", "priority": "urgent", "previous_value": "low"}]}],
 "tickets": [{"id": 7, "created_at": "2026-01-12T02:00:00Z", "priority": "urgent",
              "status": "pending", "requester_id": 50}]}
)";
  std::FILE* f = fmemopen(text.data(), text.size(), "rb");
  DeskReader reader;
  std::string error;
  BOOST_TEST_REQUIRE(
      reader.open(f, Desk::zendesk, default_desk_map(Desk::zendesk), premium(), error), error);
  TicketRow row;
  BOOST_TEST_REQUIRE(reader.next(row));
  BOOST_TEST(row.error == "");
  BOOST_TEST(row.ticket.priority == "Low");  // at creation; urgent since 02:30
  BOOST_TEST((row.ticket.responded == at("2026-01-12T02:30:00Z")));
  BOOST_TEST_REQUIRE(row.ticket.events.size() == 3u);
  BOOST_TEST(row.ticket.events[1].value == "Critical");
  BOOST_TEST(row.ticket.events[2].value == "waiting on client");
  BOOST_TEST(!reader.next(row));
  std::fclose(f);
}

// Solved now, but the audits stop at a pause: the desk's solve time ends it.
BOOST_AUTO_TEST_CASE(a_history_without_the_solve_ends_at_the_desk_solve_time) {
  std::string text = R"({"tickets": [{"id": 8, "created_at": "2026-01-12T02:00:00Z",
  "priority": "normal", "status": "solved", "requester_id": 50}],
 "metric_sets": [{"ticket_id": 8, "solved_at": "2026-01-12T08:00:00Z"}],
 "audits": [{"ticket_id": 8, "created_at": "2026-01-12T03:00:00Z", "author_id": 9,
   "events": [{"type": "Change", "field_name": "status", "value": "pending",
               "previous_value": "open"}]}]})";
  std::FILE* f = fmemopen(text.data(), text.size(), "rb");
  DeskReader reader;
  std::string error;
  BOOST_TEST_REQUIRE(
      reader.open(f, Desk::zendesk, default_desk_map(Desk::zendesk), premium(), error), error);
  TicketRow row;
  BOOST_TEST_REQUIRE(reader.next(row));
  BOOST_TEST(row.error == "");
  BOOST_TEST((row.ticket.resolved == at("2026-01-12T08:00:00Z")));
  BOOST_TEST_REQUIRE(row.ticket.events.size() == 2u);
  BOOST_TEST(row.ticket.events[1].value == "resolved");
  BOOST_TEST((row.ticket.events[1].at == at("2026-01-12T08:00:00Z")));
  std::fclose(f);
}

BOOST_AUTO_TEST_CASE(jira_csv_export_in_the_map_zone) {
  const Read r = read_export(Desk::jira, "jira/export.csv", "jira/map.ini");
  BOOST_TEST_REQUIRE(r.opened, r.error);
  BOOST_TEST_REQUIRE(r.rows.size() == 6u);
  check_numbers(r);
  for (const Row& row : r.rows) BOOST_TEST(row.error == "", row.id << ": " << row.error);
  BOOST_TEST(r.rows[0].id == "QSD-101");
  BOOST_TEST(r.rows[0].line == 2u);
  BOOST_TEST(r.rows[0].priority == "Critical");
  // "12/Jan/26 9:05 AM" has no offset: read in the map's Asia/Jakarta.
  BOOST_TEST((r.rows[0].created == at("2026-01-12T09:05:00+07:00")));
  BOOST_TEST((r.rows[0].responded == at("2026-01-12T09:40:00+07:00")));
  BOOST_TEST((r.rows[0].resolved == at("2026-01-12T14:30:00+07:00")));
  BOOST_TEST((r.rows[3].created == at("2026-02-16T16:50:00+07:00")));  // 4:50 PM
  BOOST_TEST(!r.rows[2].resolved.has_value());  // waiting for customer, no history
  BOOST_TEST(r.rows[2].events.empty());
}

BOOST_AUTO_TEST_CASE(jira_rest_json_with_changelog_and_sla_fields) {
  const Read r = read_export(Desk::jira, "jira/rest.json", "jira/map.ini");
  BOOST_TEST_REQUIRE(r.opened, r.error);
  BOOST_TEST_REQUIRE(r.rows.size() == 5u);
  for (const Row& row : r.rows) BOOST_TEST(row.error == "", row.id << ": " << row.error);
  const Row& raised = r.rows[1];
  BOOST_TEST(raised.id == "QSD-202");
  BOOST_TEST(raised.priority == "Normal");  // Medium at creation
  BOOST_TEST((raised.created == at("2026-01-20T10:15:00+07:00")));
  BOOST_TEST((raised.responded == at("2026-01-20T11:30:00+07:00")));  // the SLA's stop time
  BOOST_TEST((raised.desk_response == std::chrono::seconds(75 * 60)));
  BOOST_TEST((raised.events == Events{{"status:open", at("2026-01-20T10:15:00+07:00")},
                                      {"priority:High", at("2026-01-20T10:45:00+07:00")},
                                      {"status:open", at("2026-01-20T11:30:00+07:00")},
                                      {"status:resolved", at("2026-01-21T16:00:00+07:00")}}));
  const Row& paused = r.rows[2];
  BOOST_TEST(
      (paused.events[1] == std::pair<std::string, Instant>{"status:waiting on client",
                                                           at("2026-02-03T15:00:00+07:00")}));
  const Row& reopened = r.rows[3];
  BOOST_TEST((reopened.resolved == at("2026-03-11T15:00:00+07:00")));
  BOOST_TEST((reopened.desk_resolution == std::chrono::seconds(810 * 60)));  // the last cycle
  BOOST_TEST(!r.rows[4].responded.has_value());
}

BOOST_AUTO_TEST_CASE(jira_canceled_and_unknown_values) {
  const Read r = read_export(Desk::jira, "jira/deleted-and-unknown.json", "jira/map.ini");
  BOOST_TEST_REQUIRE(r.rows.size() == 4u);
  check_numbers(r);
  BOOST_TEST(r.rows[0].error == "deleted in jira (status 'Canceled')");
  BOOST_TEST(
      r.rows[1].error.starts_with("unknown jira priority 'Blocker': add it under [priority] in "));
  BOOST_TEST(
      r.rows[2].error.starts_with("unknown jira status 'Under review': add it under [status] in "));
  BOOST_TEST(
      r.rows[2].error.ends_with("(under review = <open, resolved, deleted, or one of waiting on "
                                "client, awaiting confirmation>)"));
  BOOST_TEST(r.rows[3].error == "");
}

BOOST_AUTO_TEST_CASE(zammad_tickets_with_history) {
  const Read r = read_export(Desk::zammad, "zammad/export.json", "zammad/map.ini");
  BOOST_TEST_REQUIRE(r.opened, r.error);
  BOOST_TEST_REQUIRE(r.rows.size() == 5u);
  for (const Row& row : r.rows) BOOST_TEST(row.error == "", row.id << ": " << row.error);
  BOOST_TEST(r.rows[0].id == "31001");
  BOOST_TEST(r.rows[0].priority == "Critical");
  BOOST_TEST((r.rows[0].responded == at("2026-01-13T02:25:00Z")));
  BOOST_TEST((r.rows[0].resolved == at("2026-01-13T06:00:00Z")));
  BOOST_TEST((r.rows[0].desk_response == std::chrono::seconds(15 * 60)));
  BOOST_TEST(r.rows[1].priority == "Normal");
  BOOST_TEST((r.rows[1].events[1] ==
              std::pair<std::string, Instant>{"priority:High", at("2026-01-22T03:20:00Z")}));
  BOOST_TEST((r.rows[2].events == Events{{"status:open", at("2026-02-09T02:00:00Z")},
                                         {"status:waiting on client", at("2026-02-09T03:00:00Z")},
                                         {"status:open", at("2026-02-09T07:00:00Z")},
                                         {"status:resolved", at("2026-02-10T05:00:00Z")}}));
  BOOST_TEST((r.rows[3].resolved == at("2026-03-05T08:00:00Z")));  // closed again after a reopen
  BOOST_TEST(!r.rows[4].resolved.has_value());
}

BOOST_AUTO_TEST_CASE(zammad_merged_and_unknown_priority) {
  const Read r = read_export(Desk::zammad, "zammad/deleted-and-unknown.json", "zammad/map.ini");
  BOOST_TEST_REQUIRE(r.rows.size() == 3u);
  BOOST_TEST(r.rows[0].error == "deleted in zammad (status 'merged')");
  BOOST_TEST(r.rows[1].error.starts_with(
      "unknown zammad priority '5 blocker': add it under [priority] in "));
  BOOST_TEST(r.rows[2].error == "");
}

BOOST_AUTO_TEST_CASE(freshdesk_csv_export) {
  const Read r = read_export(Desk::freshdesk, "freshdesk/export.csv", "freshdesk/map.ini");
  BOOST_TEST_REQUIRE(r.opened, r.error);
  BOOST_TEST_REQUIRE(r.rows.size() == 6u);
  for (const Row& row : r.rows) BOOST_TEST(row.error == "", row.id << ": " << row.error);
  const Row& urgent = r.rows[0];
  BOOST_TEST(urgent.id == "201");
  BOOST_TEST(urgent.priority == "Critical");
  BOOST_TEST((urgent.created == at("2026-01-12T09:10:00+07:00")));
  BOOST_TEST((urgent.responded == at("2026-01-12T09:35:00+07:00")));
  BOOST_TEST((urgent.resolved == at("2026-01-12T13:40:00+07:00")));  // resolved, not closed
  BOOST_TEST((urgent.desk_response == std::chrono::seconds(1512)));  // 0.42 hours
  BOOST_TEST((urgent.desk_resolution == std::chrono::seconds(4 * 3600 + 1800)));
  BOOST_TEST(r.rows[2].priority == "Normal");  // Medium
  BOOST_TEST(!r.rows[3].resolved.has_value());
}

// Freshdesk's times carry no offset: the map's zone reads them, else the calendar's.
BOOST_AUTO_TEST_CASE(times_without_offset_are_read_in_the_map_zone) {
  std::string error;
  auto berlin = parse_desk_map(
      "[desk]\nzone = Europe/Berlin\n" + std::string(default_desk_map_text(Desk::freshdesk)),
      Desk::freshdesk, "berlin.ini", error);
  BOOST_TEST_REQUIRE(berlin.has_value(), error);
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> in(
      std::fopen((kDir + "freshdesk/export.csv").c_str(), "rb"), &std::fclose);
  DeskReader reader;
  BOOST_TEST_REQUIRE(reader.open(in.get(), Desk::freshdesk, std::move(*berlin), premium(), error));
  TicketRow row;
  BOOST_TEST_REQUIRE(reader.next(row));
  BOOST_TEST((row.ticket.created == at("2026-01-12T09:10:00+01:00")));
  // Without a zone in the map: the package calendar's (Asia/Jakarta).
  const Read jakarta = read_export(Desk::freshdesk, "freshdesk/export.csv", "");
  BOOST_TEST((jakarta.rows[0].created == at("2026-01-12T09:10:00+07:00")));
}

BOOST_AUTO_TEST_CASE(freshdesk_unknown_values_and_bad_times) {
  const Read r = read_export(Desk::freshdesk, "freshdesk/unknown-values.csv", "freshdesk/map.ini");
  BOOST_TEST_REQUIRE(r.rows.size() == 4u);
  BOOST_TEST(
      r.rows[0].error.starts_with("unknown freshdesk priority 'Blocker': add it under [priority]"));
  BOOST_TEST(r.rows[0].error.ends_with("(blocker = <one of Low, Normal, High, Critical>)"));
  BOOST_TEST(
      r.rows[1].error.starts_with("unknown freshdesk status 'In Review': add it under [status]"));
  BOOST_TEST(r.rows[2].error == "");
  BOOST_TEST(r.rows[3].error.starts_with("Created time '13/01/2026 10:00'"), r.rows[3].error);
  BOOST_TEST(r.rows[3].line == 5u);
}

BOOST_AUTO_TEST_CASE(map_errors_name_file_and_line) {
  std::string error;
  BOOST_TEST(
      !parse_desk_map("[priority]\nurgent = Critical\n[priorty]\n", Desk::zendesk, "m.ini", error));
  BOOST_TEST(error == "m.ini:3: unknown section [priorty] (known: [priority], [status], [desk])");
  BOOST_TEST(!parse_desk_map("# x\n[status]\npending waiting\n", Desk::zendesk, "m.ini", error));
  BOOST_TEST(error == "m.ini:3: 'pending waiting': expected DESK VALUE = CONTRACT VALUE");
  BOOST_TEST(
      !parse_desk_map("[priority]\nhigh = High\nHIGH = Critical\n", Desk::zendesk, "m.ini", error));
  BOOST_TEST(error == "m.ini:3: priority 'high' is mapped twice");
  BOOST_TEST(!parse_desk_map("[desk]\nzone = Mars/Olympus\n", Desk::zendesk, "m.ini", error));
  BOOST_TEST(error.starts_with("m.ini:2: unknown time zone 'Mars/Olympus'"));
  BOOST_TEST(!parse_desk_map("low = Low\n", Desk::zendesk, "m.ini", error));
  BOOST_TEST(error.starts_with("m.ini:1: 'low' before any section"));
  BOOST_TEST(!parse_desk_map("[status]\nopen =\n", Desk::zendesk, "m.ini", error));
  BOOST_TEST(error == "m.ini:2: 'open' is mapped to nothing after '='");
  // Comments, blanks, case and inline comments.
  auto map = parse_desk_map("; c\n[Status]   # s\n  On Hold = Waiting on Client  # pause\n",
                            Desk::zendesk, "m.ini", error);
  BOOST_TEST_REQUIRE(map.has_value(), error);
  BOOST_TEST(map->statuses.at("on hold").name == "Waiting on Client");
  for (Desk d : {Desk::zendesk, Desk::jira, Desk::zammad, Desk::freshdesk}) {
    BOOST_TEST(parse_desk_map(default_desk_map_text(d), d, "default", error).has_value(), error);
  }
}

BOOST_AUTO_TEST_CASE(desk_times) {
  CalendarSpec spec;
  spec.name = "z";
  spec.zone = "Asia/Jakarta";
  const Calendar jakarta(spec);
  std::string error;
  BOOST_TEST(
      (desk_instant("12/Jan/26 9:05 AM", jakarta, error) == at("2026-01-12T09:05:00+07:00")));
  BOOST_TEST(
      (desk_instant("12/Jan/26 12:30 PM", jakarta, error) == at("2026-01-12T12:30:00+07:00")));
  BOOST_TEST(
      (desk_instant("1/Feb/26 12:10 AM", jakarta, error) == at("2026-02-01T00:10:00+07:00")));
  BOOST_TEST((desk_instant("2026-01-20T10:15:00.000+0700", jakarta, error) ==
              at("2026-01-20T10:15:00+07:00")));
  BOOST_TEST(
      (desk_instant("2026-01-12 09:30:00", jakarta, error) == at("2026-01-12T09:30:00+07:00")));
  BOOST_TEST(
      (desk_instant("2026-01-13T02:25:00.000Z", jakarta, error) == at("2026-01-13T02:25:00Z")));
  BOOST_TEST(!desk_instant("12/Jnu/26 9:05 AM", jakarta, error).has_value());
}

// A Zendesk export of 200 pages of 1000 tickets, each page with its metric sets:
// every ticket comes back once, in order, and no more than a page is held at once.
BOOST_AUTO_TEST_CASE(a_large_zendesk_export_is_read_one_page_at_a_time) {
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::tmpfile(), &std::fclose);
  BOOST_TEST_REQUIRE(file != nullptr);
  constexpr int pages = 200, per_page = 1000;
  for (int p = 0; p < pages; ++p) {
    std::string page = "{\"tickets\":[";
    for (int i = 0; i < per_page; ++i) {
      const int id = p * per_page + i + 1;
      page += fmt::format(
          "{}{{\"id\":{},\"created_at\":\"2026-01-12T02:{:02}:00Z\",\"priority\":\"normal\","
          "\"status\":\"open\",\"subject\":\"Ticket {}\",\"requester_id\":7}}",
          i ? "," : "", id, id % 60, id);
    }
    page += "],\"metric_sets\":[";
    for (int i = 0; i < per_page; ++i)
      page += fmt::format(
          "{}{{\"ticket_id\":{},\"reply_time_in_minutes\":{{\"calendar\":30,"
          "\"business\":30}}}}",
          i ? "," : "", p * per_page + i + 1);
    page += "],\"end_of_stream\":false}\n";
    std::fwrite(page.data(), 1, page.size(), file.get());
  }
  std::rewind(file.get());
  DeskReader reader;
  std::string error;
  BOOST_TEST_REQUIRE(
      reader.open(file.get(), Desk::zendesk, default_desk_map(Desk::zendesk), premium(), error),
      error);
  std::size_t rows = 0, bad = 0;
  for (TicketRow row; reader.next(row);) {
    ++rows;
    if (row.number != rows || row.id != std::to_string(rows) || !row.error.empty() ||
        !row.ticket.responded)
      ++bad;
  }
  BOOST_TEST(rows == std::size_t{pages * per_page});
  BOOST_TEST(bad == 0u);
  BOOST_TEST(reader.peak_held() <= std::size_t{per_page});
}

// A page that breaks off still gives back every ticket read, then one row that says why.
BOOST_AUTO_TEST_CASE(a_broken_export_ends_with_a_row_saying_where) {
  std::string text =
      "{\"tickets\":[{\"id\":1,\"created_at\":\"2026-01-12T02:00:00Z\",\"priority\":\"low\","
      "\"status\":\"open\"},\n{\"id\":2,\"created_at\":";
  std::FILE* f = fmemopen(text.data(), text.size(), "rb");
  DeskReader reader;
  std::string error;
  BOOST_TEST_REQUIRE(
      reader.open(f, Desk::zendesk, default_desk_map(Desk::zendesk), premium(), error));
  std::vector<std::string> errors;
  for (TicketRow row; reader.next(row);) errors.push_back(row.error);
  std::fclose(f);
  // Ticket 1's page broke off: its metric sets and audits may be lost, so it is not
  // judged; the ticket cut in the middle is one row more.
  BOOST_TEST_REQUIRE(errors.size() == 2u);
  BOOST_TEST(errors[0].starts_with("the Zendesk export broke off in this ticket's page (line 2"),
             errors[0]);
  BOOST_TEST(errors[1].starts_with("the Zendesk export cannot be read on: line 2"), errors[1]);
}

BOOST_AUTO_TEST_CASE(not_an_export_is_said_at_open) {
  std::string text = "id,priority,created_at\n";
  std::FILE* f = fmemopen(text.data(), text.size(), "rb");
  DeskReader reader;
  std::string error;
  BOOST_TEST(!reader.open(f, Desk::zendesk, default_desk_map(Desk::zendesk), premium(), error));
  BOOST_TEST(error.find("does not start with '{'") != std::string::npos, error);
  std::fclose(f);
}

namespace {

// The rows of `text` read as `desk`'s export with the default map.
Read read_text(Desk desk, std::string text) {
  Read out;
  std::FILE* f = fmemopen(text.data(), text.size(), "rb");
  DeskReader reader;
  out.opened = reader.open(f, desk, default_desk_map(desk), premium(), out.error);
  for (TicketRow r; out.opened && reader.next(r);)
    out.rows.push_back({r.number,
                        r.line,
                        std::string(r.id),
                        std::string(r.ticket.priority),
                        r.error,
                        r.ticket.created,
                        r.ticket.responded,
                        r.ticket.resolved,
                        {},
                        r.desk_response,
                        r.desk_resolution});
  std::fclose(f);
  return out;
}

}  // namespace

// Zammad's History.list names the entry's object and attribute "object" and
// "attribute" (app/models/history.rb); the fixture has that shape now, and the pause
// is read from it.
BOOST_AUTO_TEST_CASE(zammad_history_with_the_real_keys) {
  const Read r = read_text(Desk::zammad, R"([{"number": "1", "priority": "2 normal",
    "state": "closed", "created_at": "2026-02-09T02:00:00Z", "close_at": "2026-02-10T05:00:00Z",
    "history": [
      {"object": "Ticket", "type": "updated", "attribute": "state", "value_from": "open",
       "value_to": "pending reminder", "created_at": "2026-02-09T03:00:00Z"},
      {"object": "Ticket", "type": "updated", "attribute": "state",
       "value_from": "pending reminder", "value_to": "closed",
       "created_at": "2026-02-10T05:00:00Z"}]}])");
  BOOST_TEST_REQUIRE(r.rows.size() == 1u);
  BOOST_TEST(r.rows[0].error == "");
  BOOST_TEST((r.rows[0].resolved == at("2026-02-10T05:00:00Z")));
}

// A history that changes no status says nothing of when a closed ticket was closed:
// the desk's solve time does, not the creation.
BOOST_AUTO_TEST_CASE(a_history_without_status_changes_is_solved_at_the_desk_time) {
  const Read zammad = read_text(Desk::zammad, R"([{"number": "1", "priority": "2 normal",
    "state": "closed", "created_at": "2026-02-09T02:00:00Z", "close_at": "2026-02-10T05:00:00Z",
    "history": [{"object": "Ticket", "type": "updated", "attribute": "priority",
      "value_from": "2 normal", "value_to": "3 high", "created_at": "2026-02-09T03:00:00Z"}]}])");
  BOOST_TEST_REQUIRE(zammad.rows.size() == 1u);
  BOOST_TEST(zammad.rows[0].error == "");
  BOOST_TEST((zammad.rows[0].resolved == at("2026-02-10T05:00:00Z")));
  const Read jira = read_text(Desk::jira, R"({"issues": [{"key": "Q-1", "fields": {
    "priority": {"name": "High"}, "status": {"name": "Done"},
    "created": "2026-01-12T09:05:00.000+0700", "resolutiondate": "2026-01-12T14:30:00.000+0700"},
    "changelog": {"total": 0, "histories": []}}]})");
  BOOST_TEST_REQUIRE(jira.rows.size() == 1u);
  BOOST_TEST(jira.rows[0].error == "");
  BOOST_TEST((jira.rows[0].resolved == at("2026-01-12T14:30:00+07:00")));
}

// An error row keeps the creation time it read: the report counts it by its period.
BOOST_AUTO_TEST_CASE(error_rows_keep_their_creation_time) {
  const Read r = read_text(Desk::zendesk, R"({"tickets": [{"id": 1, "priority": "emergency",
    "status": "open", "created_at": "2026-01-12T02:00:00Z"}]})");
  BOOST_TEST_REQUIRE(r.rows.size() == 1u);
  BOOST_TEST(r.rows[0].error != "");
  BOOST_TEST((r.rows[0].created == at("2026-01-12T02:00:00Z")));
}

// Numbers beyond any duration or time are row errors naming the field, never a cast
// that overflows.
BOOST_AUTO_TEST_CASE(out_of_range_numbers_are_row_errors) {
  const Read zendesk = read_text(Desk::zendesk, R"({"tickets": [{"id": 1, "priority": "low",
    "status": "open", "created_at": "2026-01-12T02:00:00Z"}],
    "metric_sets": [{"ticket_id": 1, "reply_time_in_minutes": {"business": 1e300}}]})");
  BOOST_TEST_REQUIRE(zendesk.rows.size() == 1u);
  BOOST_TEST(zendesk.rows[0].error ==
             "metric_sets reply_time_in_minutes.business 1e+300: out of range");
  const Read jira = read_text(Desk::jira, R"({"issues": [
    {"key": "Q-1", "fields": {"priority": {"name": "High"}, "status": {"name": "Open"},
     "created": 1e30}},
    {"key": "Q-2", "fields": {"priority": {"name": "High"}, "status": {"name": "Open"},
     "created": "2026-01-12T09:05:00.000+0700", "customfield_1": {
       "name": "Time to first response", "completedCycles": [{"elapsedTime": {"millis": -5e25}}]}}}]})");
  BOOST_TEST_REQUIRE(jira.rows.size() == 2u);
  BOOST_TEST(jira.rows[0].error == "created epochMillis 1e+30: out of range");
  BOOST_TEST(jira.rows[1].error ==
             "Time to first response elapsedTime.millis -5e+25: out of range");
  const Read freshdesk =
      read_text(Desk::freshdesk,
                "Ticket ID,Status,Priority,Created time,First response time (in hrs)\n"
                "1,Open,Low,2026-01-12 09:00:00,inf\n2,Open,Low,2026-01-12 09:00:00,1e300\n");
  BOOST_TEST_REQUIRE(freshdesk.rows.size() == 2u);
  for (const Row& row : freshdesk.rows)
    BOOST_TEST(row.error.starts_with("First response time (in hrs) '"), row.error);
}

// A changelog the search cut short (100 histories) is not judged on.
BOOST_AUTO_TEST_CASE(a_cut_jira_changelog_is_a_row_error) {
  const Read r = read_text(Desk::jira, R"({"issues": [{"key": "Q-1", "fields": {
    "priority": {"name": "High"}, "status": {"name": "Open"},
    "created": "2026-01-12T09:05:00.000+0700"},
    "changelog": {"startAt": 0, "maxResults": 1, "total": 120, "histories": [
      {"created": "2026-01-12T10:00:00.000+0700", "items": []}]}}]})");
  BOOST_TEST_REQUIRE(r.rows.size() == 1u);
  BOOST_TEST(r.rows[0].error ==
             "the changelog has 1 of 120 histories: export with expand=changelog and fetch the "
             "rest with /rest/api/2/issue/Q-1/changelog");
}

// The incremental export lists a ticket again when it changed during the export:
// within a page, the last listing counts, once.
BOOST_AUTO_TEST_CASE(a_ticket_listed_twice_in_a_page_counts_once) {
  const Read r = read_text(Desk::zendesk, R"({"tickets": [
    {"id": 1, "priority": "low", "status": "open", "created_at": "2026-01-12T02:00:00Z"},
    {"id": 2, "priority": "low", "status": "open", "created_at": "2026-01-12T02:00:00Z"},
    {"id": 1, "priority": "high", "status": "open", "created_at": "2026-01-12T02:00:00Z"}]})");
  BOOST_TEST_REQUIRE(r.rows.size() == 2u);
  BOOST_TEST(r.rows[0].id == "2");
  BOOST_TEST(r.rows[1].id == "1");
  BOOST_TEST(r.rows[1].priority == "High");
}

// A long numeric id keeps its digits, and its metric set joins on them.
BOOST_AUTO_TEST_CASE(a_long_zendesk_id_keeps_its_digits) {
  const Read r = read_text(Desk::zendesk, R"({"tickets": [{"id": 123456789012345678901234567890,
    "priority": "low", "status": "open", "created_at": "2026-01-12T02:00:00Z"}],
    "metric_sets": [{"ticket_id": 123456789012345678901234567890,
                     "reply_time_in_minutes": {"business": 5}}]})");
  BOOST_TEST_REQUIRE(r.rows.size() == 1u);
  BOOST_TEST(r.rows[0].id == "123456789012345678901234567890");
  BOOST_TEST((r.rows[0].desk_response == std::chrono::seconds(300)));
}

// The map's values must be the contract's: a typo is an error at its line.
BOOST_AUTO_TEST_CASE(map_values_are_checked_against_the_contract) {
  std::string error;
  auto map = parse_desk_map("[priority]\nurgent = Critcal\n", Desk::zendesk, "m.ini", error);
  BOOST_TEST_REQUIRE(map.has_value(), error);
  std::string text = R"({"tickets": []})";
  std::FILE* f = fmemopen(text.data(), text.size(), "rb");
  DeskReader reader;
  BOOST_TEST(!reader.open(f, Desk::zendesk, std::move(*map), premium(), error));
  std::fclose(f);
  BOOST_TEST(error.starts_with("m.ini:2: [priority] urgent = Critcal: the contract has no "
                               "priority 'Critcal' (did you mean 'Critical'?)"),
             error);
  // A byte-order mark before the first line is an editor's, not a value.
  map = parse_desk_map("\xEF\xBB\xBF# a comment\n[priority]\nurgent = Critical\n", Desk::zendesk,
                       "m.ini", error);
  BOOST_TEST(map.has_value(), error);
}
