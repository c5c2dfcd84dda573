// Jira Service Management: the issue CSV export (Filters > Export > CSV), one row
// per issue, its times in the exporting user's format and zone ("12/Jan/26 9:30
// AM": the map's [desk] zone, else the calendar's). The export has no changelog:
// the status now says whether the issue is resolved (at "Resolved"), and the first
// response is the "Date of First Response" custom field when the export has it.
#pragma once

#include <cstdio>
#include <string>
#include <vector>

#include "interpreter/time/calendar.hpp"
#include "tools/helpdesk/desk_ticket.hpp"
#include "tools/io/csv_reader.hpp"

namespace sla::cli {

class JiraCsvReader {
 public:
  // `first_line`: the line `in` is at (blank lines before the header already read).
  JiraCsvReader(std::FILE* in, const Calendar& zone, std::size_t first_line = 1)
      : csv_(in, first_line), zone_(zone) {}

  bool start(std::string& problem);
  bool next(DeskTicket& ticket);

 private:
  CsvReader csv_;
  const Calendar& zone_;
  std::vector<std::string_view> fields_;
  int key_ = -1, status_ = -1, priority_ = -1, created_ = -1, resolved_ = -1, responded_ = -1;
};

}  // namespace sla::cli
