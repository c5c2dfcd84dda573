// Lookups on the Model, and package selection with add-ons.
#include <fmt/format.h>
#include <algorithm>
#include <functional>

#include "interpreter/check/inheritance.hpp"
#include "interpreter/time/calendar.hpp"
#include "sla/model.hpp"

#include "grammar/suggest.hpp"

namespace sla {

namespace {

template <typename T>
const T* find_id(const std::vector<T>& items, const std::string& id) {
  for (const auto& item : items)
    if (item.id == id) return &item;
  return nullptr;
}

std::string ids(const std::vector<Package>& items) {
  std::string out;
  for (const auto& p : items) out += fmt::format("{}{}", out.empty() ? "" : ", ", p.id);
  return out.empty() ? "none" : out;
}

// "unknown package 'premum'; did you mean 'premium'? (packages: basic, premium)":
// the same words wherever a package or add-on is chosen by name (quote says it too).
std::string unknown_id(std::string_view what, const std::string& id,
                       const std::vector<Package>& known) {
  if (known.empty())
    return fmt::format("unknown {} '{}': the contract defines no {}s", what, id, what);
  std::vector<std::string> names;
  for (const auto& p : known) names.push_back(p.id);
  const auto near = closest(id, std::span<const std::string>(names));
  return fmt::format("unknown {} '{}'{} ({}s: {})", what, id,
                     near ? fmt::format("; did you mean '{}'?", *near) : "", what, ids(known));
}

}  // namespace

std::string_view name(TargetKind kind) {
  static constexpr std::string_view names[] = {"response", "resolution", "update", "restoration"};
  return names[static_cast<int>(kind)];
}

std::string_view verb(TargetKind kind) {
  switch (kind) {
    case TargetKind::response:
      return "respond to";
    case TargetKind::resolution:
      return "resolve";
    case TargetKind::update:
      return "update";
    case TargetKind::restoration:
      return "restore";
  }
  return "respond to";
}

std::string Condition::text() const {
  std::string out = attribute + " is ";
  for (std::size_t i = 0; i < values.size(); ++i)
    out += fmt::format("{}\"{}\"", i ? ", " : "", values[i]);
  return out;
}

const Target* Package::target(TargetKind kind, const std::string& priority) const {
  for (const auto& t : targets)
    if (t.kind == kind && t.priority == priority && !t.where) return &t;
  return nullptr;
}

const std::vector<EscalationBand>* Package::ladder(const std::string& priority) const {
  for (const auto& l : ladders)
    if (std::find(l.priorities.begin(), l.priorities.end(), priority) != l.priorities.end())
      return &l.bands;
  return escalation ? &*escalation : nullptr;
}

const Package* Model::package(const std::string& id) const {
  return find_id(packages, id);
}
const Package* Model::addon(const std::string& id) const {
  return find_id(addons, id);
}
const CalendarInfo* Model::calendar(const std::string& id) const {
  return find_id(calendars, id);
}

const Priority* Model::priority(std::string_view name) const {
  for (const auto& p : priorities)
    if (p.name == name) return &p;
  for (const auto& p : priorities)
    if (iequals(p.name, name)) return &p;
  return nullptr;
}

const Attribute* Model::attribute(std::string_view name) const {
  for (const auto& a : attributes)
    if (a.name == name) return &a;
  return nullptr;
}

Selection select(const Model& model, const std::string& package_id,
                 const std::vector<std::string>& addon_ids) {
  const SelectionLookup lookup{[&](const std::string& id) { return model.package(id); },
                               [&](const std::string& id) { return model.addon(id); },
                               [&](const std::string& id) { return model.calendar(id); }};
  return select(model, lookup, package_id, addon_ids);
}

Selection select(const Model& model, const SelectionLookup& lookup, const std::string& package_id,
                 const std::vector<std::string>& addon_ids) {
  Selection sel;
  const Package* base = lookup.package(package_id);
  if (!base) {
    sel.error =
        lookup.addon(package_id)
            ? fmt::format(
                  "'{}' is an add-on, not a package; select a package and apply the add-on to it",
                  package_id)
            : unknown_id("package", package_id, model.packages);
    return sel;
  }
  // The add-ons in declaration order (their place in model.addons), each once.
  std::vector<const Package*> addons;
  for (const auto& id : addon_ids) {
    const Package* addon = lookup.addon(id);
    if (!addon) {
      sel.error = unknown_id("add-on", id, model.addons);
      return sel;
    }
    addons.push_back(addon);
  }
  std::sort(addons.begin(), addons.end(), std::less<const Package*>());
  addons.erase(std::unique(addons.begin(), addons.end()), addons.end());
  // Everything chosen: the package, its ancestors, and the add-ons.
  std::vector<std::string> chosen{base->id};
  // Only add-ons ask about ancestors; a long extends chain is not walked for nothing.
  if (!addon_ids.empty())
    for (const Package* p = base; p && !p->extends.empty(); p = lookup.package(p->extends))
      chosen.push_back(p->extends);
  chosen.insert(chosen.end(), addon_ids.begin(), addon_ids.end());
  auto is_chosen = [&](const std::string& id) {
    return std::find(chosen.begin(), chosen.end(), id) != chosen.end();
  };

  Package result = *base;
  for (const Package* addon_at : addons) {
    const Package& addon = *addon_at;
    // The clause that says so: its own position when known, else the add-on's.
    auto clause = [&](const std::vector<SourceRef>& at, std::size_t i) {
      const SourceRef& ref = i < at.size() ? at[i] : addon.span;
      return fmt::format("{}:{}:{}", ref.file, ref.line, ref.column);
    };
    for (std::size_t i = 0; i < addon.requires_.size(); ++i) {
      if (!is_chosen(addon.requires_[i])) {
        sel.error = fmt::format("add-on '{}' requires '{}' (stated at {})", addon.id,
                                addon.requires_[i], clause(addon.requires_at, i));
        return sel;
      }
    }
    for (std::size_t i = 0; i < addon.excludes.size(); ++i) {
      if (is_chosen(addon.excludes[i])) {
        sel.error = fmt::format("add-on '{}' cannot be combined with '{}' (stated at {})", addon.id,
                                addon.excludes[i], clause(addon.excludes_at, i));
        return sel;
      }
    }
    overlay(result, addon);
    result.applied_addons.push_back(addon.id);
  }
  sel.calendar = lookup.calendar(result.calendar);
  sel.package = std::move(result);
  return sel;
}

std::optional<std::chrono::seconds> to_seconds(const DurationValue& d,
                                               const CalendarInfo& calendar) {
  static constexpr std::int64_t plain[] = {60, 3600, 86400, 604800};
  std::int64_t unit = plain[static_cast<int>(d.unit)];
  if (d.business && (d.unit == TimeUnit::day || d.unit == TimeUnit::week)) {
    if (!calendar.business_day_seconds) return std::nullopt;
    // A business week is five business days.
    unit = *calendar.business_day_seconds * (d.unit == TimeUnit::week ? 5 : 1);
  }
  return std::chrono::seconds(d.milli * unit / 1000);
}

}  // namespace sla
