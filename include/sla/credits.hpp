// Service credits for missed ticket targets: `credit 5 % per breached P1 response`
// and the monthly cap `credits at most 25 % per month`, which bounds ticket and
// uptime credits together. The rules are in docs/semantics.md, "Service credits".
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "sla/export.hpp"
#include "sla/model.hpp"
#include "sla/ticket.hpp"

namespace sla {

// One missed target of one ticket that earns a credit.
struct TicketCreditEarned {
  TargetKind kind = TargetKind::response;
  std::int64_t percent_milli = 0;  // thousandths of a percent of the month's fee
  Instant due{};                   // when the missed target fell due
  const TicketCredit* rule = nullptr;
};

// The rule that credits a breached target of `kind` for a ticket of `priority`
// (none: a ticket without one): the priority's own rule, else the one for every
// priority; nullptr when the package grants none.
SLA_API const TicketCredit* ticket_credit(const Package& package, const Priority* priority,
                                          TargetKind kind);

// The credits an evaluated ticket earns for its targets breached with a due time
// in [from, to): a ticket's breach belongs to the month its target fell due in.
SLA_API std::vector<TicketCreditEarned> ticket_credits(const Package& package,
                                                       const Evaluation& evaluation, Instant from,
                                                       Instant to);

// The credit of a month: the sum of every credit earned, at most the package's cap.
struct MonthCredit {
  std::int64_t sum_milli = 0;
  std::optional<std::int64_t> cap_milli;
  std::int64_t total_milli = 0;
  bool capped() const { return cap_milli && sum_milli > *cap_milli; }
};
SLA_API MonthCredit month_credit(const Package& package, std::int64_t sum_milli);

}  // namespace sla
