// Zammad: a list of tickets as GET /api/v1/tickets?expand=true gives them (priority
// and state by name), each with its "history": the list GET /api/v1/ticket_history/
// {id} returns under "history" (state and priority changes). A top-level list, or
// tickets one per line, or pages one after another. Each ticket is read whole and
// alone. docs/helpdesk.md lists the fields read.
#pragma once

#include <cstdio>
#include <string>

#include "interpreter/time/calendar.hpp"
#include "tools/helpdesk/desk_ticket.hpp"
#include "tools/io/json_elements.hpp"

namespace sla::cli {

class ZammadReader {
 public:
  ZammadReader(std::FILE* in, const Calendar& zone) : items_(in, ""), zone_(zone) {}

  bool start(std::string& problem);
  bool next(DeskTicket& ticket);

 private:
  JsonElements items_;
  const Calendar& zone_;
  std::string text_;
  bool ended_ = false;
};

}  // namespace sla::cli
