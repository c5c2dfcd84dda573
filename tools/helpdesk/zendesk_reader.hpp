// Zendesk: pages of the incremental ticket export (GET /api/v2/incremental/tickets
// with include=metric_sets), one JSON object per page, one after another (a single
// page, or JSON Lines of pages). A page may also carry "audits": the ticket audits
// (GET /api/v2/tickets/{id}/audits) of its tickets, for their status and priority
// history and first public agent reply, or "ticket_events": the incremental ticket
// events (GET /api/v2/incremental/ticket_events) of its tickets. docs/helpdesk.md
// has the fields read.
//
// Tickets, metric sets and audits join on the ticket id within a page, in any member
// order, so a page is held as compact DeskTicket records (Zendesk pages hold at
// most 1000 tickets) and the whole export is read in memory bounded by one page.
#pragma once

#include <cstdio>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "interpreter/time/calendar.hpp"
#include "tools/helpdesk/desk_ticket.hpp"
#include "tools/io/json_fields.hpp"
#include "tools/io/json_stream.hpp"

namespace sla::cli {

class ZendeskReader {
 public:
  ZendeskReader(std::FILE* in, const Calendar& zone) : json_(in), zone_(zone) {}

  bool start(std::string& problem);
  bool next(DeskTicket& ticket);
  // The most tickets held at once so far (tests check that memory stays bounded).
  std::size_t peak_held() const { return peak_held_; }

 private:
  struct Reply {
    Instant at{};
    std::string author;
  };
  struct Metric {
    std::optional<double> reply_calendar, reply_business, resolution_business;
    std::optional<Instant> solved_at;
  };
  struct History {
    std::vector<DeskChange> statuses, priorities;
    std::string first_priority;  // the value at creation, when the audits say it
    std::vector<Reply> replies;  // public comments after the creation
    bool any = false;
  };

  bool read_page();
  void add_ticket(const std::string& text, std::size_t line);
  void add_metric(const std::string& text, std::size_t line);
  void add_audit(const std::string& text, std::size_t line);
  void finish_page();
  std::optional<Instant> time(const nlohmann::json* value, std::string& error) const;

  JsonStream json_;
  const Calendar& zone_;
  std::vector<DeskTicket> page_;
  std::vector<std::string> requesters_;  // per ticket of the page
  std::unordered_map<std::string, Metric> metrics_;
  std::unordered_map<std::string, History> histories_;
  std::size_t next_ = 0, peak_held_ = 0;
  bool ended_ = false;
  std::string broken_;  // the export cannot be read on: one last row says so
  // What spoils the whole page (a corrupt metric set or audit of no known ticket, the
  // page breaking off): every ticket of the page gets it as its error.
  std::string page_error_;
  // Of a ticket's metric set or audit that is wrong (its id known): its error.
  std::unordered_map<std::string, std::string> ticket_errors_;
  bool first_page_ = true, broken_told_ = false, broken_in_tickets_ = false;
  std::string not_zendesk_;  // the first page has no "tickets" list: its keys
};

}  // namespace sla::cli
