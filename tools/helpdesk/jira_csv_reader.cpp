#include "tools/helpdesk/jira_csv_reader.hpp"

#include <fmt/format.h>

#include "tools/helpdesk/desk_time.hpp"
#include "tools/io/csv_columns.hpp"

namespace sla::cli {

bool JiraCsvReader::start(std::string& problem) {
  if (!csv_.next(fields_)) {
    problem = "the Jira export is empty: expected its header row (Summary,Issue key,...)";
    return false;
  }
  key_ = csv_column(fields_, "Issue key");
  status_ = csv_column(fields_, "Status");
  priority_ = csv_column(fields_, "Priority");
  created_ = csv_column(fields_, "Created");
  resolved_ = csv_column(fields_, "Resolved");
  responded_ = csv_column(fields_, "Custom field (Date of First Response)");
  std::vector<std::string> missing;
  if (key_ < 0) missing.emplace_back("Issue key");
  if (status_ < 0) missing.emplace_back("Status");
  if (priority_ < 0) missing.emplace_back("Priority");
  if (created_ < 0) missing.emplace_back("Created");
  if (missing.empty()) return true;
  problem = fmt::format(
      "the Jira export's header has no column {}: expected Jira's issue CSV export (\"Issue "
      "key\", \"Status\", \"Priority\", \"Created\", \"Resolved\", ...)",
      fmt::join(missing, ", "));
  return false;
}

bool JiraCsvReader::next(DeskTicket& t) {
  if (!csv_.next(fields_)) return false;
  t = DeskTicket{};
  t.line = csv_.line();
  if (!csv_.error().empty()) t.error = std::string(csv_.error());
  t.id = std::string(csv_field(fields_, key_));
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
  t.created = time(created_, "Created");
  if (!t.created && t.error.empty()) t.error = "no Created time";
  t.responded = time(responded_, "Date of First Response");
  t.solved = time(resolved_, "Resolved");
  return true;
}

}  // namespace sla::cli
