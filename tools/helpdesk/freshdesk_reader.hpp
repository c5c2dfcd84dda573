// Freshdesk: the ticket CSV export (Tickets > Export), one row per ticket, its
// times without an offset ("2026-01-12 09:30:00", in the account's time zone: the
// map's [desk] zone, else the calendar's). The export has no history: the status
// now says whether the ticket is resolved (at "Resolved time"), and the export's
// "First response time (in hrs)" and "Resolution time (in hrs)" are the desk's
// own figures. docs/helpdesk.md lists the columns read.
#pragma once

#include <cstdio>
#include <string>
#include <vector>

#include "interpreter/time/calendar.hpp"
#include "tools/helpdesk/desk_ticket.hpp"
#include "tools/io/csv_reader.hpp"

namespace sla::cli {

class FreshdeskReader {
 public:
  FreshdeskReader(std::FILE* in, const Calendar& zone) : csv_(in), zone_(zone) {}

  bool start(std::string& problem);
  bool next(DeskTicket& ticket);

 private:
  CsvReader csv_;
  const Calendar& zone_;
  std::vector<std::string_view> fields_;
  int id_ = -1, status_ = -1, priority_ = -1, created_ = -1, resolved_ = -1, closed_ = -1,
      responded_ = -1, response_hours_ = -1, resolution_hours_ = -1;
};

}  // namespace sla::cli
