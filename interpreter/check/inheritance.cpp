#include "interpreter/check/inheritance.hpp"

#include <algorithm>
#include <map>
#include <tuple>

namespace sla {

namespace {

// Items with the same name replace each other; new ones are added in order. The
// first of equal names in `base` is the one replaced. Through an index: a long
// list on each side must not cost their product.
template <typename T>
void merge_named(std::vector<T>& base, const std::vector<T>& more, auto key) {
  if (more.empty()) return;
  std::map<decltype(key(more.front())), std::size_t> at;
  for (std::size_t i = 0; i < base.size(); ++i) at.emplace(key(base[i]), i);
  for (const auto& item : more) {
    if (auto [it, fresh] = at.emplace(key(item), base.size()); fresh)
      base.push_back(item);
    else
      base[it->second] = item;
  }
}

}  // namespace

void overlay(Package& base, const Package& child) {
  if (!child.calendar.empty()) base.calendar = child.calendar;
  if (child.clock_starts_at_next_opening)
    base.clock_starts_at_next_opening = child.clock_starts_at_next_opening;
  if (child.pause_statuses) base.pause_statuses = child.pause_statuses;
  if (child.warn_at_milli) base.warn_at_milli = child.warn_at_milli;
  if (child.escalation) base.escalation = child.escalation;
  // A ladder for some priorities takes them from the ladders that had them.
  for (const auto& ladder : child.ladders) {
    for (auto& had : base.ladders)
      std::erase_if(had.priorities, [&](const std::string& p) {
        return std::find(ladder.priorities.begin(), ladder.priorities.end(), p) !=
               ladder.priorities.end();
      });
    std::erase_if(base.ladders, [](const Escalation& l) { return l.priorities.empty(); });
    base.ladders.push_back(ladder);
  }
  merge_named(base.ticket_credits, child.ticket_credits,
              [](const TicketCredit& c) { return std::pair(c.priority, c.kind); });
  if (child.credit_cap_milli) base.credit_cap_milli = child.credit_cap_milli;
  merge_named(base.channels, child.channels, [](const Channel& c) { return c.name; });
  merge_named(base.features, child.features, [](const Feature& f) { return f.name; });
  merge_named(base.uptime, child.uptime, [](const Uptime& u) { return u.service; });
  merge_named(base.targets, child.targets,
              [](const Target& t) { return std::tuple(t.kind, t.priority, t.where); });
  for (const auto& [priority, text] : child.descriptions) base.descriptions[priority] = text;
  base.notes.insert(base.notes.end(), child.notes.begin(), child.notes.end());
}

Package inherit(const Package& parent, const Package& child) {
  Package p = parent;
  overlay(p, child);
  p.id = child.id;
  p.title = child.title;
  p.summary = child.summary;
  p.is_addon = child.is_addon;
  p.extends = child.extends;
  p.sold_included_in = child.sold_included_in;
  p.sold_separately = child.sold_separately;
  p.sold_label = child.sold_label;
  p.price = child.price;
  p.requires_ = child.requires_;
  p.excludes = child.excludes;
  p.requires_at = child.requires_at;
  p.excludes_at = child.excludes_at;
  p.span = child.span;
  return p;
}

}  // namespace sla
