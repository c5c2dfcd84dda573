// `sla credits`: the service credits of one month under one package, as text for
// people and JSON for tools. The figures are worked out by the command (tickets
// evaluated, uptime measured); this file only states them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sla/credits.hpp"
#include "sla/uptime.hpp"

namespace sla::cli {

struct CreditStatement {
  struct TicketLine {
    std::string id, priority;
    TicketCreditEarned credit;
    std::optional<Instant> done;  // when the target was met late, if it was
  };
  struct UptimeLine {
    std::string service, period;
    std::optional<std::int64_t> uptime_ppm;
    std::int64_t percent_milli = 0;
  };
  std::string package, month;  // "2026-01"
  Instant from{}, to{}, as_of{};
  std::vector<TicketLine> tickets;
  std::vector<UptimeLine> uptime;
  std::vector<std::string> pending;  // uptime periods not over by then: no credit yet
  MonthCredit total;
  std::size_t ticket_rows = 0, ticket_errors = 0, incident_rows = 0, incident_errors = 0;
};

// Instants are shown in `calendar`'s zone.
std::string credit_text(const CreditStatement& s, const Calendar& calendar);
nlohmann::ordered_json credit_json(const CreditStatement& s, const Calendar& calendar);

}  // namespace sla::cli
