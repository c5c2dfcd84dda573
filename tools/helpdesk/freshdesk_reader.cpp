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
  id_ = csv_column(fields_, "Ticket ID");
  status_ = csv_column(fields_, "Status");
  priority_ = csv_column(fields_, "Priority");
  created_ = csv_column(fields_, "Created time");
  resolved_ = csv_column(fields_, "Resolved time");
  closed_ = csv_column(fields_, "Closed time");
  responded_ = csv_column(fields_, "Initial response time");
  response_hours_ = csv_column(fields_, "First response time (in hrs)");
  resolution_hours_ = csv_column(fields_, "Resolution time (in hrs)");
  std::vector<std::string> missing;
  if (id_ < 0) missing.emplace_back("Ticket ID");
  if (status_ < 0) missing.emplace_back("Status");
  if (priority_ < 0) missing.emplace_back("Priority");
  if (created_ < 0) missing.emplace_back("Created time");
  if (missing.empty()) return true;
  problem = fmt::format(
      "the Freshdesk export's header has no column {}: expected Freshdesk's ticket export "
      "(\"Ticket ID\", \"Status\", \"Priority\", \"Created time\", \"Resolved time\", ...)",
      fmt::join(missing, ", "));
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
  auto time = [&](int column, std::string_view name) -> std::optional<Instant> {
    const std::string_view text = csv_field(fields_, column);
    if (text.empty()) return std::nullopt;
    std::string why;
    auto at = desk_instant(text, zone_, why);
    if (!at && t.error.empty()) t.error = fmt::format("{} {}", name, why);
    return at;
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
