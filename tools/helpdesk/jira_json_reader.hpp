// Jira Service Management: pages of GET /rest/api/2/search?expand=changelog (each
// {"issues": [...], ...}), one after another, or a list of issues. Each issue is
// read whole and alone: its fields (priority, status, created, resolutiondate, the
// SLA fields "Time to first response" and "Time to resolution") and its changelog
// (status and priority changes). docs/helpdesk.md lists the fields read.
#pragma once

#include <cstdio>
#include <string>

#include "interpreter/time/calendar.hpp"
#include "tools/helpdesk/desk_ticket.hpp"
#include "tools/io/json_elements.hpp"

namespace sla::cli {

class JiraJsonReader {
 public:
  JiraJsonReader(std::FILE* in, const Calendar& zone) : items_(in, "issues"), zone_(zone) {}

  bool start(std::string& problem);
  bool next(DeskTicket& ticket);

 private:
  JsonElements items_;
  const Calendar& zone_;
  std::string text_;
  std::size_t line_ = 0;
  bool ended_ = false, ahead_ = false;  // ahead_: start() read the first issue into text_
};

}  // namespace sla::cli
