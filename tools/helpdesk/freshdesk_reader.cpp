#include "tools/helpdesk/freshdesk_reader.hpp"

#include <fmt/format.h>
#include <cmath>

#include "tools/helpdesk/desk_time.hpp"
#include "tools/io/csv_columns.hpp"

namespace sla::cli {

bool FreshdeskReader::start(std::string& problem) {
  if (!csv_.next(fields_)) {
    problem = "the Freshdesk export is empty: expected its header row (\"Ticket ID\",...)";
    return false;
  }
  const std::string missing =
      find_csv_columns(fields_, {{"Ticket ID", &id_, true},
                                 {"Status", &status_, true},
                                 {"Priority", &priority_, true},
                                 {"Created time", &created_, true},
                                 {"Resolved time", &resolved_},
                                 {"Closed time", &closed_},
                                 {"Initial response time", &responded_},
                                 {"First response time (in hrs)", &response_hours_},
                                 {"Resolution time (in hrs)", &resolution_hours_}});
  if (missing.empty()) return true;
  problem = fmt::format(
      "the Freshdesk export's header has no column {}: expected Freshdesk's ticket export "
      "(\"Ticket ID\", \"Status\", \"Priority\", \"Created time\", \"Resolved time\", ...)",
      missing);
  return false;
}

bool FreshdeskReader::next(DeskTicket& t) {
  if (!csv_.next(fields_)) return false;
  t = DeskTicket{};
  t.line = csv_.line();
  if (!csv_.error().empty()) t.error = std::string(csv_.error());
  t.id = std::string(csv_field(fields_, id_));
  t.status = std::string(csv_field(fields_, status_));
  t.priority = std::string(csv_field(fields_, priority_));
  auto time = [&](int column, std::string_view name) {
    return desk_field_time(csv_field(fields_, column), name, zone_, t.error);
  };
  t.created = time(created_, "Created time");
  if (!t.created && t.error.empty()) t.error = "no Created time";
  t.responded = time(responded_, "Initial response time");
  t.solved = time(resolved_, "Resolved time");
  if (!t.solved) t.solved = time(closed_, "Closed time");
  auto hours = [&](int column, std::string_view name) -> std::optional<std::chrono::seconds> {
    const std::string_view text = csv_field(fields_, column);
    double h = 0;
    if (text.empty()) return std::nullopt;
    if (!csv_hours(text, h)) {
      if (t.error.empty())
        t.error = fmt::format("{} '{}': expected hours such as 1.5 or 1:30", name, text);
      return std::nullopt;
    }
    const auto seconds = desk_seconds(h * 3600);
    if (!seconds && t.error.empty()) t.error = fmt::format("{} '{}': out of range", name, text);
    return seconds;
  };
  t.desk_response = hours(response_hours_, "First response time (in hrs)");
  t.desk_resolution = hours(resolution_hours_, "Resolution time (in hrs)");
  return true;
}

}  // namespace sla::cli
