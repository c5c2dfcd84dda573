#include "tools/io/ticket_reader.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <nlohmann/json.hpp>

#include "grammar/suggest.hpp"
#include "tools/io/json_line.hpp"
#include "tools/io/line_reader.hpp"

namespace sla::cli {

TicketReader::TicketReader(std::FILE* in, Format format, const Calendar& calendar,
                           std::vector<std::string> attributes)
    : in_(in),
      format_(format),
      calendar_(calendar),
      csv_(in),
      attribute_names_(std::move(attributes)),
      attribute_columns_(attribute_names_.size(), -1),
      attributes_(attribute_names_.size()) {}

bool TicketReader::start(std::string& problem) {
  if (format_ == Format::jsonl) return true;
  if (!csv_.next(fields_)) {
    problem = "the input is empty: expected a header row such as id,priority,created_at";
    return false;
  }
  std::vector<Column> columns{{"id", &id_},
                              {"priority", &priority_},
                              {"created_at", &created_},
                              {"first_response_at", &responded_},
                              {"resolved_at", &resolved_},
                              {"restored_at", &restored_},
                              {"updates", &updates_}};
  for (std::size_t i = 0; i < attribute_names_.size(); ++i)
    columns.push_back({attribute_names_[i], &attribute_columns_[i]});
  if (!find_columns(fields_, columns, problem)) return false;
  std::vector<std::string> missing;
  if (id_ < 0) missing.emplace_back("id");
  // Tickets without priorities are judged on their attributes alone.
  if (priority_ < 0 && attribute_names_.empty()) missing.emplace_back("priority");
  if (created_ < 0) missing.emplace_back("created_at");
  if (!missing.empty()) {
    problem = fmt::format(
        "the header row has no {} column{} (columns: id, priority, created_at, "
        "and optionally first_response_at, resolved_at, restored_at, updates{})",
        fmt::join(missing, ", "), missing.size() > 1 ? "s" : "",
        attribute_names_.empty() ? "" : fmt::format(", {}", fmt::join(attribute_names_, ", ")));
    return false;
  }
  return true;
}

std::optional<Instant> TicketReader::instant(std::string_view text, std::string_view column,
                                             std::string& error) const {
  std::string why;
  auto t = parse_local_instant(trim_field(text), calendar_, why);
  if (!t && error.empty()) error = fmt::format("{} '{}': {}", column, text, why);
  return t;
}

bool TicketReader::next(TicketRow& row) {
  row = TicketRow{};
  return format_ == Format::csv ? next_csv(row) : next_jsonl(row);
}

bool TicketReader::next_csv(TicketRow& row) {
  if (!csv_.next(fields_)) return false;
  row.number = ++rows_;
  row.line = csv_.line();
  auto field = [&](int index) -> std::string_view {
    return index >= 0 && static_cast<std::size_t>(index) < fields_.size()
               ? fields_[static_cast<std::size_t>(index)]
               : std::string_view();
  };
  row.id = field(id_);
  std::string& error = row.error;
  if (!csv_.error().empty()) error = std::string(csv_.error());
  row.ticket.priority = trim_field(field(priority_));
  for (std::size_t i = 0; i < attributes_.size(); ++i)
    attributes_[i] = trim_field(field(attribute_columns_[i]));
  row.ticket.attributes = attributes_;
  const std::string_view created = field(created_);
  if (trim_field(created).empty()) {
    if (error.empty()) error = "missing created_at";
  } else if (auto t = instant(created, "created_at", error)) {
    row.ticket.created = *t;
  }
  if (auto text = field(responded_); !trim_field(text).empty())
    row.ticket.responded = instant(text, "first_response_at", error);
  if (auto text = field(resolved_); !trim_field(text).empty())
    row.ticket.resolved = instant(text, "resolved_at", error);
  if (auto text = field(restored_); !trim_field(text).empty())
    row.ticket.restored = instant(text, "restored_at", error);
  // The times of the updates, separated by ';'.
  events_.clear();
  for (std::string_view rest = field(updates_); !trim_field(rest).empty();) {
    const auto end = rest.find(';');
    const std::string_view text = trim_field(rest.substr(0, end));
    if (!text.empty()) {
      if (auto t = instant(text, "updates", error))
        events_.push_back({*t, TicketEvent::Kind::update, "update"});
    } else if (error.empty()) {
      error = "updates: an empty time between ';'";
    }
    if (end == std::string_view::npos) break;
    rest.remove_prefix(end + 1);
  }
  std::stable_sort(events_.begin(), events_.end(),
                   [](const TicketEvent& a, const TicketEvent& b) { return a.at < b.at; });
  row.ticket.events = events_;
  return true;
}

bool TicketReader::next_jsonl(TicketRow& row) {
  // One line at a time (ended by LF, CR or CRLF); blank lines are skipped.
  const LineRead read = read_record(in_, line_text_, 1u << 20, line_);
  if (!read.any) return false;
  row.number = ++rows_;
  row.line = line_;
  if (read.too_long) {
    row.error = "a line longer than 1 MiB";
    return true;
  }
  strings_.clear();
  events_.clear();
  std::string& error = row.error;
  const auto json = nlohmann::json::parse(line_text_, nullptr, false);
  if (json.is_discarded() || !json.is_object()) {
    error = json.is_discarded() ? not_json_reason(line_text_) : "not a JSON object";
    return true;
  }
  auto text = [&](const nlohmann::json& v) -> std::string_view {
    strings_.push_back(v.is_string() ? v.get<std::string>() : v.dump());
    return strings_.back();
  };
  auto member = [&](const char* key) -> const nlohmann::json* {
    auto it = json.find(key);
    return it == json.end() || it->is_null() ? nullptr : &*it;
  };
  // An id that is not a string is kept as written (1.5e3, not 1500.0).
  if (const auto* id = member("id"))
    row.id = id->is_string() ? text(*id) : raw_member(line_text_, "id");
  if (const auto* p = member("priority")) row.ticket.priority = text(*p);
  for (std::size_t i = 0; i < attributes_.size(); ++i) {
    const auto* v = member(attribute_names_[i].c_str());
    attributes_[i] = v ? trim_field(text(*v)) : std::string_view();
  }
  row.ticket.attributes = attributes_;
  // An empty time is no time, as an empty CSV field: created_at is then missing,
  // and a response or resolution has not happened yet.
  auto time = [&](const char* key) -> std::string_view {
    const auto* v = member(key);
    return v ? text(*v) : std::string_view();
  };
  if (const auto created = time("created_at"); !trim_field(created).empty()) {
    if (auto t = instant(created, "created_at", error)) row.ticket.created = *t;
  } else if (error.empty()) {
    error = "missing created_at";
  }
  if (const auto responded = time("first_response_at"); !trim_field(responded).empty())
    row.ticket.responded = instant(responded, "first_response_at", error);
  if (const auto resolved = time("resolved_at"); !trim_field(resolved).empty())
    row.ticket.resolved = instant(resolved, "resolved_at", error);
  if (const auto restored = time("restored_at"); !trim_field(restored).empty())
    row.ticket.restored = instant(restored, "restored_at", error);
  if (const auto* events = member("events")) {
    if (!events->is_array()) {
      if (error.empty()) error = "events must be a list";
    } else {
      for (const auto& e : *events) {
        const int said = e.is_object() ? static_cast<int>(e.contains("status")) +
                                             static_cast<int>(e.contains("priority")) +
                                             static_cast<int>(e.contains("update"))
                                       : 0;
        if (!e.is_object() || !e.contains("at") || said != 1) {
          if (error.empty())
            error = "each event needs \"at\" and one of \"status\", \"priority\" or \"update\"";
          continue;
        }
        TicketEvent ev;
        if (auto t = instant(text(e["at"]), "event at", error)) ev.at = *t;
        const char* key = e.contains("status")     ? "status"
                          : e.contains("priority") ? "priority"
                                                   : "update";
        ev.kind = key[0] == 's'   ? TicketEvent::Kind::status
                  : key[0] == 'p' ? TicketEvent::Kind::priority
                                  : TicketEvent::Kind::update;
        ev.value = text(e[key]);
        events_.push_back(ev);
      }
      std::stable_sort(events_.begin(), events_.end(),
                       [](const TicketEvent& a, const TicketEvent& b) { return a.at < b.at; });
      row.ticket.events = events_;
    }
  }
  return true;
}

}  // namespace sla::cli
