// How a help desk's priorities and statuses read as the contract's: the mapping
// file of `sla eval --desk D --map FILE` (docs/helpdesk.md), or the desk's default.
//
//   [priority]            [status]                       [desk]
//   urgent = Critical     pending = waiting on client    zone = Asia/Jakarta
//   high = High           solved = resolved
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tools/helpdesk/desk.hpp"

namespace sla::cli {

// What a desk status means: the ticket is open (the clocks run), resolved, deleted
// (no ticket to judge), or in a status the contract may name (a pause).
struct StatusMeaning {
  enum class Kind { open, resolved, deleted, status };
  Kind kind = Kind::open;
  std::string name;  // Kind::status: the contract's status name
};

struct DeskMap {
  Desk desk = Desk::zendesk;
  // Where the map came from, as errors name it: "map.ini", or "the default zendesk map".
  std::string source;
  bool is_default = false;
  // Keys are the desk's values in lower case (desks compare them without case).
  std::map<std::string, std::string, std::less<>> priorities;
  std::map<std::string, StatusMeaning, std::less<>> statuses;
  std::string zone;  // [desk] zone: for timestamps without an offset; empty: the calendar's
  // The line of each mapping, by its key (for errors against the contract).
  std::map<std::string, std::size_t, std::less<>> priority_lines, status_lines;
};

// The map in `text`; none with `error` = "FILE:LINE: what is wrong".
std::optional<DeskMap> parse_desk_map(std::string_view text, Desk desk, std::string_view source,
                                      std::string& error);
// The map in the file at `path` (errors name the file as given).
std::optional<DeskMap> read_desk_map(const std::string& path, Desk desk, std::string& error);
// The desk's standard values mapped to the names of the bundled Qiscus contract
// (priorities Low, Normal, High, Critical; pausing status "waiting on client").
DeskMap default_desk_map(Desk desk);

// Why `map` does not fit the contract: a [priority] value that is not one of
// `priorities`, or a [status] value that is not open, resolved, deleted or one of
// `pause_statuses` (another status would not pause: it is `open`); empty if it fits.
std::string check_desk_map(const DeskMap& map, const std::vector<std::string>& priorities,
                           const std::vector<std::string>& pause_statuses,
                           std::string_view contract);
std::string_view default_desk_map_text(Desk desk);

// The desk's value in lower case, blanks around it trimmed: how maps look values up.
std::string map_key(std::string_view value);

}  // namespace sla::cli
