#include "tools/helpdesk/zammad_reader.hpp"

#include <fmt/format.h>
#include <cmath>

#include "tools/helpdesk/desk_time.hpp"
#include "tools/io/json_fields.hpp"
#include "tools/io/json_line.hpp"

namespace sla::cli {

using nlohmann::json;

bool ZammadReader::start(std::string& problem) {
  const int c = items_.peek();
  if (c == '{' || c == '[') return true;
  problem =
      "the Zammad export is empty or not JSON: expected a list of tickets "
      "(GET /api/v1/tickets?expand=true, each with its \"history\")";
  return false;
}

bool ZammadReader::next(DeskTicket& t) {
  if (ended_) return false;
  std::size_t line = 0;
  t = DeskTicket{};
  if (!items_.next(text_, line)) {
    ended_ = true;
    if (items_.error().empty()) return false;
    t.line = items_.line();
    t.error = "the Zammad export cannot be read on: " + items_.error();
    return true;
  }
  t.line = line;
  const json ticket = json::parse(text_, nullptr, false);
  if (ticket.is_discarded() || !ticket.is_object()) {
    t.error = ticket.is_discarded() ? not_json_reason(text_) : "a ticket that is not a JSON object";
    return true;
  }
  // The number is what agents and customers see ("31001"); the id is internal.
  t.id = json_text(json_member(ticket, "number"));
  if (t.id.empty()) t.id = json_text(json_member(ticket, "id"));
  t.priority = json_text(json_member(ticket, "priority"));
  t.status = json_text(json_member(ticket, "state"));
  if ((t.priority.empty() && json_member(ticket, "priority_id")) ||
      (t.status.empty() && json_member(ticket, "state_id"))) {
    t.error = "a ticket with priority_id and state_id but no names: export with ?expand=true";
    return true;
  }
  auto time = [&](const json* value, std::string_view name) {
    return desk_field_time(json_text(value), name, zone_, t.error);
  };
  t.created = time(json_member(ticket, "created_at"), "created_at");
  if (!t.created && t.error.empty()) t.error = "a ticket without created_at";
  t.responded = time(json_member(ticket, "first_response_at"), "first_response_at");
  t.solved = time(json_member(ticket, "last_close_at"), "last_close_at");
  if (!t.solved) t.solved = time(json_member(ticket, "close_at"), "close_at");
  auto minutes = [&](const char* key) -> std::optional<std::chrono::seconds> {
    const auto m = json_number(json_member(ticket, key));
    if (!m) return std::nullopt;
    const auto seconds = desk_seconds(*m * 60);
    if (!seconds && t.error.empty()) t.error = fmt::format("{} {}: out of range", key, *m);
    return seconds;
  };
  t.desk_response = minutes("first_response_in_min");
  t.desk_resolution = minutes("close_in_min");
  const json* history = json_member(ticket, "history");
  if (history && history->is_array()) {
    t.has_history = true;
    std::string first_state, first_priority;
    std::optional<Instant> first_state_at, first_priority_at;
    for (const json& h : *history) {
      // History.list (app/models/history.rb) names them "object" and "attribute";
      // the history_* names of its table columns are read too, for hand-made exports.
      auto named = [&](const char* key, const char* column) {
        std::string text = json_text(json_member(h, key));
        return text.empty() ? json_text(json_member(h, column)) : text;
      };
      const std::string object = named("object", "history_object");
      if (!object.empty() && object != "Ticket") continue;  // articles, users, ...
      const std::string attribute = named("attribute", "history_attribute");
      if (attribute != "state" && attribute != "priority") continue;
      const auto at = time(json_member(h, "created_at"), "history created_at");
      if (!at) continue;
      const bool state = attribute == "state";
      auto& first_at = state ? first_state_at : first_priority_at;
      if (!first_at || *at < *first_at) {
        first_at = at;
        (state ? first_state : first_priority) = json_text(json_member(h, "value_from"));
      }
      (state ? t.statuses : t.priorities).push_back({*at, json_text(json_member(h, "value_to"))});
    }
    if (!first_priority.empty()) t.priority = first_priority;
    if (t.created) {
      t.statuses.insert(t.statuses.begin(),
                        {*t.created, first_state.empty() ? t.status : first_state});
      t.status_at_creation_assumed = first_state.empty();
    }
  }
  return true;
}

}  // namespace sla::cli
