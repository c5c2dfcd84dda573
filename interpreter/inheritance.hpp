// How terms combine: a package that extends another, and an add-on applied to a
// package, follow the same rules (docs/language.md, "Inheritance and add-ons").
#pragma once

#include "sla/model.hpp"

namespace sla {

// Overlays `child`'s own statements on `base`, field by field.
void overlay(Package& base, const Package& child);

// A package that extends `parent`: the parent's terms with `child`'s on top; what
// belongs to the item sold (title, summary, sold, price, requires, excludes) is the child's.
Package inherit(const Package& parent, const Package& child);

}  // namespace sla
