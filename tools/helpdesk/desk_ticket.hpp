// A ticket as a help desk's export tells it, in the desk's own words (its priority
// and status names), before the mapping turns it into the contract's. Compact: a
// few strings and times per ticket, so a reader that must join a page of tickets
// with their metrics holds these, never the JSON.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "sla/model.hpp"

namespace sla::cli {

struct DeskChange {
  Instant at{};
  std::string value;  // the desk's status or priority from then on
};

struct DeskTicket {
  std::string id;
  std::size_t line = 0;  // where the ticket starts in the export, 0 if not known
  std::string priority;  // at creation (the first change's old value), else now; empty: none
  std::string status;    // now; empty: not in the export
  std::optional<Instant> created, responded;
  std::optional<Instant> solved;  // the desk's own solve time, for tickets without history
  bool has_history = false;       // statuses hold the whole history (the export had it)
  std::vector<DeskChange> statuses, priorities;  // changes, in any order
  // statuses[0] is the status now, put at creation because the history changed none:
  // true of an open or pausing status, but a resolved one was solved at some later time.
  bool status_at_creation_assumed = false;
  std::optional<std::chrono::seconds> desk_response, desk_resolution;
  std::string error;  // the ticket could not be read
};

}  // namespace sla::cli
