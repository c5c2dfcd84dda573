#include "tools/helpdesk/jira_json_reader.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <cmath>

#include "tools/helpdesk/desk_time.hpp"
#include "tools/io/json_fields.hpp"
#include "tools/io/json_line.hpp"

namespace sla::cli {

using nlohmann::json;

namespace {

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return s;
}

// The name of a field value such as {"name": "High", "id": "2"}.
std::string name_of(const json* value) {
  return value ? json_text(json_member(*value, "name")) : "";
}

// An SLA cycle's elapsedTime.millis; out of range, an error naming `field`.
std::optional<std::chrono::seconds> millis(const json* duration, std::string_view field,
                                           std::string& error) {
  const auto ms = duration ? json_number(json_member(*duration, "millis")) : std::nullopt;
  if (!ms) return std::nullopt;
  const auto seconds = desk_seconds(std::trunc(*ms / 1000));
  if (!seconds && error.empty())
    error = fmt::format("{} elapsedTime.millis {}: out of range", field, *ms);
  return seconds;
}

}  // namespace

bool JiraJsonReader::start(std::string& problem) {
  const int c = items_.peek();
  if (c == '{' || c == '[') {
    // The first issue is read now: a JSON file of pages without "issues" (another
    // desk's export) is a usage error, not an export of no issues.
    ahead_ = items_.next(text_, line_);
    if (ahead_ || items_.page_without_member().empty()) return true;
    problem = fmt::format(
        "not a Jira export: expected pages of /rest/api/2/search ({{\"issues\": [...]}}), found "
        "an object with {}",
        items_.page_without_member());
    return false;
  }
  problem =
      "the Jira export is empty or not JSON: expected pages of /rest/api/2/search "
      "({\"issues\": [...]}) or, for the CSV export, a header row";
  return false;
}

bool JiraJsonReader::next(DeskTicket& t) {
  if (ended_) return false;
  std::size_t line = line_;
  t = DeskTicket{};
  const bool read = ahead_ || items_.next(text_, line);
  ahead_ = false;
  if (!read) {
    ended_ = true;
    if (items_.error().empty()) return false;
    t.line = items_.line();
    t.error = "the Jira export cannot be read on: " + items_.error();
    return true;
  }
  t.line = line;
  const json issue = json::parse(text_, nullptr, false);
  if (issue.is_discarded() || !issue.is_object()) {
    t.error = issue.is_discarded() ? not_json_reason(text_) : "an issue that is not a JSON object";
    return true;
  }
  t.id = json_text(json_member(issue, "key"));
  if (t.id.empty()) t.id = json_text(json_member(issue, "id"));
  const json* fields = json_member(issue, "fields");
  if (!fields || !fields->is_object()) {
    t.error = "an issue without \"fields\"";
    return true;
  }
  t.priority = name_of(json_member(*fields, "priority"));
  t.status = name_of(json_member(*fields, "status"));
  auto time = [&](const json* value, std::string_view name) -> std::optional<Instant> {
    std::optional<Instant> at;
    if (value && value->is_number()) {  // epochMillis
      const auto seconds = desk_seconds(std::trunc(value->get<double>() / 1000));
      if (seconds)
        at = Instant(*seconds);
      else if (t.error.empty())
        t.error = fmt::format("{} epochMillis {}: out of range", name, value->get<double>());
    } else {
      at = desk_field_time(json_text(value), name, zone_, t.error);
    }
    return at;
  };
  t.created = time(json_member(*fields, "created"), "created");
  if (!t.created && t.error.empty()) t.error = "an issue without fields.created";
  t.solved = time(json_member(*fields, "resolutiondate"), "resolutiondate");
  // Service Management's SLA fields: {"name": "Time to first response",
  // "completedCycles": [{"stopTime": {"iso8601": ...}, "elapsedTime": {"millis": ...}}]}.
  for (const auto& [key, value] : fields->items()) {
    if (!value.is_object() || !value.contains("completedCycles")) continue;
    const std::string name = lower(json_text(json_member(value, "name")));
    const json* cycles = json_member(value, "completedCycles");
    if (!cycles || !cycles->is_array() || cycles->empty()) continue;
    if (name == "time to first response") {
      const json& first = cycles->front();
      if (const json* stop = json_member(first, "stopTime")) {
        const json* iso = json_member(*stop, "iso8601");
        t.responded = time(iso ? iso : json_member(*stop, "epochMillis"), "Time to first response");
      }
      t.desk_response =
          millis(json_member(first, "elapsedTime"), "Time to first response", t.error);
    } else if (name == "time to resolution") {
      t.desk_resolution =
          millis(json_member(cycles->back(), "elapsedTime"), "Time to resolution", t.error);
    }
  }
  const json* changelog = json_member(issue, "changelog");
  const json* histories = changelog ? json_member(*changelog, "histories") : nullptr;
  if (histories && histories->is_array()) {
    // The search returns at most 100 histories an issue: a history cut short would
    // leave the statuses after it unknown, so the issue is not judged on it.
    const auto total = json_number(json_member(*changelog, "total"));
    if (total && *total > static_cast<double>(histories->size()) && t.error.empty())
      t.error = fmt::format(
          "the changelog has {} of {} histories: export with expand=changelog and fetch the "
          "rest with /rest/api/2/issue/{}/changelog",
          histories->size(), *total, t.id);
    t.has_history = true;
    std::string first_status, first_priority;
    for (const json& h : *histories) {
      const auto at = time(json_member(h, "created"), "changelog created");
      const json* items = json_member(h, "items");
      if (!at || !items || !items->is_array()) continue;
      for (const json& item : *items) {
        const std::string field = lower(json_text(json_member(item, "field")));
        if (field != "status" && field != "priority") continue;
        auto& changes = field == "status" ? t.statuses : t.priorities;
        auto& first = field == "status" ? first_status : first_priority;
        // The changelog may come newest first: the oldest change tells the first value.
        if (changes.empty() ||
            *at < std::min_element(
                      changes.begin(), changes.end(),
                      [](const DeskChange& a, const DeskChange& b) { return a.at < b.at; })
                      ->at)
          first = json_text(json_member(item, "fromString"));
        changes.push_back({*at, json_text(json_member(item, "toString"))});
      }
    }
    if (!first_priority.empty()) t.priority = first_priority;
    // The status at creation, first among changes at the same instant.
    if (t.created) {
      t.statuses.insert(t.statuses.begin(),
                        {*t.created, first_status.empty() ? t.status : first_status});
      t.status_at_creation_assumed = first_status.empty();
    }
  }
  return true;
}

}  // namespace sla::cli
