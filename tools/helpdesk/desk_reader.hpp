// A help desk's export read as tickets of the contract: the desk's reader (its
// export format) and the mapping (its priorities and statuses as the contract's).
// Every ticket of the export comes back exactly once, in the export's order; one
// the contract cannot judge (deleted, a value the map lacks) with its error.
//
//   DeskReader reader;
//   if (!reader.open(file, Desk::zendesk, default_desk_map(Desk::zendesk), evaluator, error)) ...
//   for (TicketRow row; reader.next(row);) ...
#pragma once

#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <variant>

#include "sla/evaluator.hpp"
#include "tools/helpdesk/desk_map.hpp"
#include "tools/helpdesk/freshdesk_reader.hpp"
#include "tools/helpdesk/jira_csv_reader.hpp"
#include "tools/helpdesk/jira_json_reader.hpp"
#include "tools/helpdesk/ticket_builder.hpp"
#include "tools/helpdesk/zammad_reader.hpp"
#include "tools/helpdesk/zendesk_reader.hpp"
#include "tools/io/ticket_reader.hpp"

namespace sla::cli {

class DeskReader {
 public:
  // Reads what comes before the first ticket; false with `error` saying why the
  // input is not the desk's export. `evaluator` must outlive the reader.
  bool open(std::FILE* in, Desk desk, DeskMap map, const Evaluator& evaluator, std::string& error);
  // The next row; false at the end. The row is valid until the next call.
  bool next(TicketRow& row);
  // The most tickets the reader held at once (a Zendesk page; 1 for the others).
  std::size_t peak_held() const;

 private:
  DeskMap map_;
  std::unique_ptr<Calendar> zone_;  // the map's zone, when it names one
  std::optional<TicketBuilder> builder_;
  std::variant<std::monostate, ZendeskReader, JiraCsvReader, JiraJsonReader, ZammadReader,
               FreshdeskReader>
      reader_;
  DeskTicket ticket_;
  std::size_t rows_ = 0;
};

}  // namespace sla::cli
