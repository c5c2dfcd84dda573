#include "tools/io/ticket_reader.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <nlohmann/json.hpp>

#include "grammar/suggest.hpp"
#include "tools/io/json_line.hpp"
#include "tools/io/line_reader.hpp"

namespace sla::cli {

TicketReader::TicketReader(std::FILE* in, Format format, const Calendar& calendar)
    : in_(in), format_(format), calendar_(calendar), csv_(in) {}

bool TicketReader::start(std::string& problem) {
  if (format_ == Format::jsonl) return true;
  if (!csv_.next(fields_)) {
    problem = "the input is empty: expected a header row such as id,priority,created_at";
    return false;
  }
  if (!find_columns(fields_,
                    {{"id", &id_},
                     {"priority", &priority_},
                     {"created_at", &created_},
                     {"first_response_at", &responded_},
                     {"resolved_at", &resolved_}},
                    problem))
    return false;
  std::vector<std::string> missing;
  if (id_ < 0) missing.emplace_back("id");
  if (priority_ < 0) missing.emplace_back("priority");
  if (created_ < 0) missing.emplace_back("created_at");
  if (!missing.empty()) {
    problem = fmt::format(
        "the header row has no {} column{} (columns: id, priority, created_at, "
        "and optionally first_response_at, resolved_at)",
        fmt::join(missing, ", "), missing.size() > 1 ? "s" : "");
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
  if (row.ticket.priority.empty() && error.empty()) error = "missing priority";
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
  if (const auto* p = member("priority"))
    row.ticket.priority = text(*p);
  else
    error = "missing priority";
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
  if (const auto* events = member("events")) {
    if (!events->is_array()) {
      if (error.empty()) error = "events must be a list";
    } else {
      for (const auto& e : *events) {
        if (!e.is_object() || !e.contains("at") || e.contains("status") == e.contains("priority")) {
          if (error.empty())
            error = "each event needs \"at\" and either a \"status\" or a \"priority\"";
          continue;
        }
        TicketEvent ev;
        if (auto t = instant(text(e["at"]), "event at", error)) ev.at = *t;
        const bool status = e.contains("status");
        ev.kind = status ? TicketEvent::Kind::status : TicketEvent::Kind::priority;
        ev.value = text(status ? e["status"] : e["priority"]);
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
