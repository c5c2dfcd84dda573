#include "sla/credits.hpp"

#include <algorithm>

namespace sla {

const TicketCredit* ticket_credit(const Package& package, const Priority* priority,
                                  TargetKind kind) {
  const TicketCredit* for_all = nullptr;
  for (const auto& c : package.ticket_credits) {
    if (c.kind != kind) continue;
    if (c.priority.empty())
      for_all = &c;
    else if (priority && c.priority == priority->name)
      return &c;
  }
  return for_all;
}

std::vector<TicketCreditEarned> ticket_credits(const Package& package, const Evaluation& ev,
                                               Instant from, Instant to) {
  std::vector<TicketCreditEarned> out;
  if (!ev.ok()) return out;
  const std::pair<TargetKind, const TargetOutcome*> outcomes[] = {
      {TargetKind::response, &ev.response},
      {TargetKind::resolution, &ev.resolution},
      {TargetKind::update, &ev.update},
      {TargetKind::restoration, &ev.restoration}};
  for (const auto& [kind, outcome] : outcomes) {
    // Best effort is no commitment: missing it earns nothing.
    if (outcome->verdict != Verdict::breached || !outcome->due ||
        outcome->commitment != Commitment::committed)
      continue;
    if (*outcome->due < from || *outcome->due >= to) continue;
    if (const TicketCredit* rule = ticket_credit(package, ev.priority, kind))
      out.push_back({kind, rule->percent_milli, *outcome->due, rule});
  }
  return out;
}

MonthCredit month_credit(const Package& package, std::int64_t sum_milli) {
  MonthCredit m;
  m.sum_milli = sum_milli;
  m.cap_milli = package.credit_cap_milli;
  m.total_milli = m.cap_milli ? std::min(sum_milli, *m.cap_milli) : sum_milli;
  return m;
}

}  // namespace sla
