// A desk's ticket in the contract's words: the mapping applied to its priority, its
// status now and its history of statuses and priorities (docs/helpdesk.md, "What
// the statuses mean"). The strings and events of the row it fills live here until
// the next build.
#pragma once

#include <deque>
#include <string>
#include <vector>

#include "tools/helpdesk/desk_map.hpp"
#include "tools/helpdesk/desk_ticket.hpp"
#include "tools/io/ticket_reader.hpp"

namespace sla::cli {

class TicketBuilder {
 public:
  // `priorities` and `statuses` are the contract's (for the hint of an unknown value).
  TicketBuilder(const DeskMap& map, std::vector<std::string> priorities,
                std::vector<std::string> statuses)
      : map_(map), priorities_(std::move(priorities)), statuses_(std::move(statuses)) {}

  // Fills `row` (all but number) from `ticket`; a value the map lacks, or a deleted
  // ticket, gives the row its error.
  void build(const DeskTicket& ticket, TicketRow& row);

 private:
  std::string_view keep(std::string text);
  std::string where() const;
  std::string unknown(std::string_view what, std::string_view value) const;

  const DeskMap& map_;
  std::vector<std::string> priorities_, statuses_;
  std::deque<std::string> strings_;
  std::vector<TicketEvent> events_;
};

}  // namespace sla::cli
