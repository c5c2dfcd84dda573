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
  const std::string missing =
      find_csv_columns(fields_, {{"Issue key", &key_, true},
                                 {"Status", &status_, true},
                                 {"Priority", &priority_, true},
                                 {"Created", &created_, true},
                                 {"Resolved", &resolved_},
                                 {"Custom field (Date of First Response)", &responded_}});
  if (missing.empty()) return true;
  problem = fmt::format(
      "the Jira export's header has no column {}: expected Jira's issue CSV export (\"Issue "
      "key\", \"Status\", \"Priority\", \"Created\", \"Resolved\", ...)",
      missing);
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
  auto time = [&](int column, std::string_view name) {
    return desk_field_time(csv_field(fields_, column), name, zone_, t.error);
  };
  t.created = time(created_, "Created");
  if (!t.created && t.error.empty()) t.error = "no Created time";
  t.responded = time(responded_, "Date of First Response");
  t.solved = time(resolved_, "Resolved");
  return true;
}

}  // namespace sla::cli
