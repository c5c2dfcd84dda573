#include "tools/helpdesk/zendesk_reader.hpp"

#include <fmt/format.h>
#include <cmath>
#include <unordered_map>

#include "tools/helpdesk/desk_time.hpp"
#include "tools/io/json_line.hpp"

namespace sla::cli {

using nlohmann::json;

namespace {

// An id as written: a number keeps all its digits (123456789012345678901234567890
// would read as a double), so tickets, metric sets and audits join on the same text.
std::string id_text(const std::string& text, const json& j, const char* key) {
  const json* value = json_member(j, key);
  if (value && value->is_number()) return std::string(raw_member(text, key));
  return json_text(value);
}

}  // namespace

bool ZendeskReader::start(std::string& problem) {
  const int c = json_.peek();
  if (c == '{') {
    // The first page is read now: a JSON file without "tickets" (another desk's
    // export) is a usage error, not an export of no tickets.
    read_page();
    if (not_zendesk_.empty()) return true;
    problem = fmt::format(
        "not a Zendesk export: expected a page of the incremental ticket export "
        "({{\"tickets\": [...], \"metric_sets\": [...]}}), found {}",
        not_zendesk_);
    return false;
  }
  problem = c < 0
                ? "the Zendesk export is empty: expected a page of the incremental ticket export "
                  "({\"tickets\": [...], \"metric_sets\": [...]})"
                : "the Zendesk export does not start with '{': expected a page of the incremental "
                  "ticket export ({\"tickets\": [...], \"metric_sets\": [...]})";
  return false;
}

std::optional<Instant> ZendeskReader::time(const json* value, std::string& error) const {
  const std::string text = json_text(value);
  if (text.empty()) return std::nullopt;
  std::string why;
  auto t = desk_instant(text, zone_, why);
  if (!t && error.empty()) error = why;
  return t;
}

void ZendeskReader::add_ticket(const std::string& text, std::size_t line) {
  DeskTicket t;
  t.line = line;
  const json j = json::parse(text, nullptr, false);
  requesters_.emplace_back();
  if (j.is_discarded() || !j.is_object()) {
    t.error = j.is_discarded() ? not_json_reason(text) : "a ticket that is not a JSON object";
    page_.push_back(std::move(t));
    return;
  }
  t.id = id_text(text, j, "id");
  if (t.id.empty()) t.error = "a ticket without an id";
  t.priority = json_text(json_member(j, "priority"));
  t.status = json_text(json_member(j, "status"));
  std::string error;
  t.created = time(json_member(j, "created_at"), error);
  if (!t.created && error.empty()) error = "a ticket without created_at";
  if (!error.empty() && t.error.empty()) t.error = "created_at " + error;
  requesters_.back() = json_text(json_member(j, "requester_id"));
  page_.push_back(std::move(t));
}

void ZendeskReader::add_metric(const std::string& text, std::size_t line) {
  const json j = json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    if (page_error_.empty())
      page_error_ = fmt::format("the metric set at line {} is {}", line,
                                j.is_discarded() ? not_json_reason(text) : "not a JSON object");
    return;
  }
  const std::string id = id_text(text, j, "ticket_id");
  if (id.empty()) return;  // a metric set of no ticket judges nothing
  Metric m;
  auto minutes = [&](const char* key, const char* kind) {
    const json* v = json_member(j, key);
    return v ? json_number(json_member(*v, kind)) : std::nullopt;
  };
  m.reply_calendar = minutes("reply_time_in_minutes", "calendar");
  m.reply_business = minutes("reply_time_in_minutes", "business");
  m.resolution_business = minutes("full_resolution_time_in_minutes", "business");
  std::string ignored;
  m.solved_at = time(json_member(j, "solved_at"), ignored);
  metrics_[id] = m;
}

// An audit (GET /api/v2/tickets/{id}/audits: "events") or an incremental ticket
// event (GET /api/v2/incremental/ticket_events: "child_events"): its "Create" and
// "Change" events of the status and priority fields, and its comments (public ones
// after the creating audit are replies). Audits name the field in "field_name" and
// the new value in "value"; ticket events name it as the key ("status": "pending").
void ZendeskReader::add_audit(const std::string& text, std::size_t line) {
  const json j = json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    if (page_error_.empty())
      page_error_ = fmt::format("the audit at line {} is {}", line,
                                j.is_discarded() ? not_json_reason(text) : "not a JSON object");
    return;
  }
  const std::string id = id_text(text, j, "ticket_id");
  const json* events = json_member(j, "events");
  if (!events) events = json_member(j, "child_events");
  if (id.empty() || !events || !events->is_array()) return;
  std::string ignored;
  std::optional<Instant> at = time(json_member(j, "created_at"), ignored);
  if (const auto seconds = json_number(json_member(j, "timestamp")); !at && seconds) {
    const auto s = desk_seconds(std::trunc(*seconds));
    if (!s) {
      ticket_errors_.emplace(
          id, fmt::format("the audit at line {}: timestamp {}: out of range", line, *seconds));
      return;
    }
    at = Instant(*s);
  }
  if (!at) return;
  const std::string updater = json_text(json_member(j, "updater_id"));
  History& h = histories_[id];
  h.any = true;
  auto type_of = [](const json& e) {
    std::string type = json_text(json_member(e, "type"));
    return type.empty() ? json_text(json_member(e, "event_type")) : type;
  };
  bool creating = false;
  for (const json& e : *events)
    if (type_of(e) == "Create") creating = true;
  for (const json& e : *events) {
    const std::string type = type_of(e);
    if (type == "Comment") {
      const json* pub = json_member(e, "public");
      if (!pub) pub = json_member(e, "comment_public");
      std::string author = json_text(json_member(e, "author_id"));
      if (author.empty()) author = updater;
      if (!creating && pub && pub->is_boolean() && pub->get<bool>())
        h.replies.push_back({*at, std::move(author)});
      continue;
    }
    if (type != "Create" && type != "Change") continue;
    std::string field = json_text(json_member(e, "field_name"));
    std::string value = json_text(json_member(e, "value"));
    if (field.empty()) {
      field = e.contains("status") ? "status" : e.contains("priority") ? "priority" : "";
      if (!field.empty()) value = json_text(json_member(e, field.c_str()));
    }
    if (field == "status") {
      h.statuses.push_back({*at, value});
    } else if (field == "priority") {
      if (type == "Create") {
        h.first_priority = value;
      } else {
        if (h.priorities.empty() && h.first_priority.empty())
          h.first_priority = json_text(json_member(e, "previous_value"));
        h.priorities.push_back({*at, value});
      }
    }
  }
}

bool ZendeskReader::read_page() {
  page_.clear();
  requesters_.clear();
  metrics_.clear();
  histories_.clear();
  ticket_errors_.clear();
  page_error_.clear();
  next_ = 0;
  std::string key, text;
  auto each = [&](auto&& take) {
    if (!json_.open('[')) return json_.skip_value();  // null, or not a list: nothing
    for (;;) {
      const auto step = json_.next_element();
      if (step == JsonStream::Step::end) return true;
      if (step == JsonStream::Step::error) return false;
      const std::size_t line = json_.line();
      if (!json_.read_value(text)) return false;
      take(line);
      peak_held_ = std::max(peak_held_, page_.size());
    }
  };
  while (page_.empty()) {
    const int c = json_.peek();
    if (c < 0) return false;
    if (!json_.open('{')) {
      broken_ = fmt::format("line {}: expected the next page ('{{'), found '{}'", json_.line(),
                            static_cast<char>(c));
      return false;
    }
    bool tickets = false;
    std::string keys;
    for (;;) {
      const auto step = json_.next_key(key);
      if (step == JsonStream::Step::end) break;
      bool ok = step == JsonStream::Step::item;
      if (ok && keys.size() < 200) keys += (keys.empty() ? "" : ", ") + key;
      if (ok && key == "tickets") {
        tickets = json_.peek() == '[';
        ok = each([&](std::size_t line) { add_ticket(text, line); });
        broken_in_tickets_ = !ok;
      } else if (ok && key == "metric_sets") {
        ok = each([&](std::size_t line) { add_metric(text, line); });
      } else if (ok && (key == "audits" || key == "ticket_events")) {
        ok = each([&](std::size_t line) { add_audit(text, line); });
      } else if (ok) {
        ok = json_.skip_value();
      }
      if (!ok) {
        broken_ = json_.error();
        if (broken_.empty()) broken_ = fmt::format("line {}: cannot be read", json_.line());
        // The page's metric sets and audits may be cut: none of its tickets is judged.
        page_error_ =
            fmt::format("the Zendesk export broke off in this ticket's page ({})", broken_);
        break;
      }
    }
    if (first_page_ && !tickets && broken_.empty())
      not_zendesk_ =
          keys.empty() ? "an object with no keys" : fmt::format("an object with {}", keys);
    first_page_ = false;
    finish_page();
    if (!broken_.empty()) break;
  }
  return !page_.empty();
}

void ZendeskReader::finish_page() {
  // A ticket the page lists twice (the incremental export lists a ticket again when
  // it changed while exported) is judged once, as it was last listed.
  {
    std::unordered_map<std::string, std::size_t> last;
    for (std::size_t i = 0; i < page_.size(); ++i)
      if (!page_[i].id.empty()) last[page_[i].id] = i;
    std::size_t kept = 0;
    for (std::size_t i = 0; i < page_.size(); ++i) {
      if (!page_[i].id.empty() && last[page_[i].id] != i) continue;
      if (kept != i) {
        page_[kept] = std::move(page_[i]);
        requesters_[kept] = std::move(requesters_[i]);
      }
      ++kept;
    }
    page_.resize(kept);
    requesters_.resize(kept);
  }
  for (std::size_t i = 0; i < page_.size(); ++i) {
    DeskTicket& t = page_[i];
    if (!t.error.empty()) continue;
    if (!page_error_.empty()) {
      t.error = page_error_;
      continue;
    }
    if (auto e = ticket_errors_.find(t.id); e != ticket_errors_.end()) {
      t.error = e->second;
      continue;
    }
    if (auto m = metrics_.find(t.id); m != metrics_.end()) {
      const Metric& metric = m->second;
      auto seconds = [&](double minutes, const char* field) {
        const auto s = desk_seconds(minutes * 60);
        if (!s && t.error.empty())
          t.error = fmt::format("metric_sets {} {}: out of range", field, minutes);
        return s;
      };
      if (metric.reply_business)
        t.desk_response = seconds(*metric.reply_business, "reply_time_in_minutes.business");
      if (metric.resolution_business)
        t.desk_resolution =
            seconds(*metric.resolution_business, "full_resolution_time_in_minutes.business");
      if (metric.reply_calendar && t.created)
        if (const auto s = seconds(*metric.reply_calendar, "reply_time_in_minutes.calendar"))
          t.responded = *t.created + *s;
      t.solved = metric.solved_at;
      if (!t.error.empty()) continue;
    }
    if (auto h = histories_.find(t.id); h != histories_.end() && h->second.any) {
      History& history = h->second;
      t.has_history = true;
      t.statuses = std::move(history.statuses);
      t.priorities = std::move(history.priorities);
      if (!history.first_priority.empty()) t.priority = history.first_priority;
      // The first public comment by someone other than the requester is the reply.
      std::optional<Instant> reply;
      for (const Reply& r : history.replies)
        if (r.author != requesters_[i] && (!reply || r.at < *reply)) reply = r.at;
      if (reply) t.responded = reply;
    }
  }
}

bool ZendeskReader::next(DeskTicket& ticket) {
  if (next_ == page_.size()) {
    if (ended_) return false;
    if (!broken_.empty() || !read_page()) {
      ended_ = true;
      // A page that broke off gave its tickets the reason; with none, one row says it.
      if (broken_.empty() || broken_told_) return false;
      // What cannot be read still comes back once, as one row with the reason.
      ticket = DeskTicket{};
      ticket.line = json_.line();
      ticket.error = "the Zendesk export cannot be read on: " + broken_;
      return true;
    }
  }
  ticket = std::move(page_[next_++]);
  // The page's tickets told the break; a ticket cut in the middle is one row more.
  if (!broken_.empty() && next_ == page_.size() && !broken_in_tickets_) broken_told_ = true;
  return true;
}

}  // namespace sla::cli
