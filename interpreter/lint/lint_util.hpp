// Helpers the rule files share: lengths of durations, the calendar a target runs
// on in a view, how a view is named in a message, walking the syntax trees.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "interpreter/lint/lint_rules.hpp"

namespace sla::lint {

// The length of a duration in seconds: business units on `calendar` (none without
// one), plain units as they are.
std::optional<std::int64_t> seconds_of(const DurationValue& d, const CalendarInfo* calendar);

// An escalation band with its start and end in seconds of the view's calendar.
struct LadderStep {
  const EscalationBand* band;
  std::int64_t from;
  std::optional<std::int64_t> until;  // none: open-ended
};

// The bands of a ladder as steps, in the ladder's order; nullopt when a length
// cannot be told (business days without a calendar).
std::optional<std::vector<LadderStep>> ladder_steps(const std::vector<EscalationBand>& bands,
                                                    const CalendarInfo* calendar);

// True when every day of the week is open around the clock (holidays aside).
bool always_open(const CalendarInfo& info);

// The calendar a target runs on in a view: its own, or the package's.
const CalendarInfo* calendar_of(const Context& c, const View& v, const Target& t);

// "package 'premium'", "'premium with resolution'": a view in a message.
std::string where(const View& v);

std::string lower(std::string_view s);

// Every node of a tree, depth first, with its parent.
template <typename F>
void walk(const ast::Node& node, const ast::Node* parent, F&& visit) {
  visit(node, parent);
  for (const auto& child : node.children) walk(child, &node, visit);
}

// Every node of the files a user wrote: the standard library states nothing to
// review, and a translation says again what the contract says (SLA123 keeps the two
// in step), so its texts are not reviewed twice.
template <typename F>
void walk_own(const Context& c, F&& visit) {
  for (std::uint32_t id = 0; id < c.files().size(); ++id) {
    if (c.sources().file(id).name().starts_with("std/")) continue;
    const ast::Node& root = c.files()[id].root;
    visit(root, nullptr);
    for (const auto& item : root.children)
      if (item.kind != ast::Kind::translation) walk(item, &root, visit);
  }
}

}  // namespace sla::lint
