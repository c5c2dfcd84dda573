// How terms combine: a package that extends another, and an add-on applied to a
// package, follow the same rules (docs/language.md, "Inheritance and add-ons").
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "sla/model.hpp"

namespace sla {

// Overlays `child`'s own statements on `base`, field by field.
void overlay(Package& base, const Package& child);

// A package that extends `parent`: the parent's terms with `child`'s on top; what
// belongs to the item sold (title, summary, sold, price, requires, excludes) is the child's.
Package inherit(const Package& parent, const Package& child);

// How select() finds what a Model holds by name. The pointers point into the
// Model's lists (add-ons apply in the order of model.addons).
struct SelectionLookup {
  std::function<const Package*(const std::string&)> package;
  std::function<const Package*(const std::string&)> addon;
  std::function<const CalendarInfo*(const std::string&)> calendar;
};

// select() with the lookups given: the checker, which selects once for each
// add-on and example, finds names through its maps, so that a selection costs
// what it holds and not the size of the contract (Limits::max_items).
Selection select(const Model& model, const SelectionLookup& lookup, const std::string& package,
                 const std::vector<std::string>& addons);

}  // namespace sla
