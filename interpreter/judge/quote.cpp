#include "sla/quote.hpp"

#include <fmt/format.h>
#include <algorithm>

#include "grammar/suggest.hpp"

namespace sla {

namespace {

std::string unknown(std::string_view what, const std::string& id,
                    const std::vector<Package>& known) {
  if (known.empty())
    return fmt::format("unknown {} '{}': the contract defines no {}s", what, id, what);
  std::vector<std::string> ids;
  for (const auto& p : known) ids.push_back(p.id);
  const auto near = closest(id, std::span<const std::string>(ids));
  return fmt::format("unknown {} '{}'{} ({}s: {})", what, id,
                     near ? fmt::format("; did you mean '{}'?", *near) : "", what,
                     fmt::join(ids, ", "));
}

SourceRef clause_at(const std::vector<SourceRef>& spans, std::size_t i, const Package& item) {
  return i < spans.size() ? spans[i] : item.span;
}

}  // namespace

Quote make_quote(const Model& model, const std::string& package_id,
                 const std::vector<std::string>& addon_ids) {
  Quote q;
  const Package* base = model.package(package_id);
  if (!base) {
    q.error = model.addon(package_id)
                  ? fmt::format(
                        "'{}' is an add-on, not a package; choose a package and add it "
                        "with --addon",
                        package_id)
                  : unknown("package", package_id, model.packages);
    return q;
  }
  for (std::size_t i = 0; i < addon_ids.size(); ++i) {
    const std::string& id = addon_ids[i];
    if (!model.addon(id)) {
      q.error = model.package(id) ? fmt::format("'{}' is a package, not an add-on", id)
                                  : unknown("add-on", id, model.addons);
      return q;
    }
    if (std::find(addon_ids.begin(), addon_ids.begin() + static_cast<std::ptrdiff_t>(i), id) !=
            addon_ids.begin() + static_cast<std::ptrdiff_t>(i) &&
        std::find(q.repeated.begin(), q.repeated.end(), id) == q.repeated.end())
      q.repeated.push_back(id);
  }

  // What the client gets: the package, its ancestors (whose terms it inherits),
  // and the add-ons; the same set select() checks against.
  std::vector<std::string> chosen{base->id};
  for (const Package* p = base; p && !p->extends.empty(); p = model.package(p->extends))
    chosen.push_back(p->extends);
  chosen.insert(chosen.end(), addon_ids.begin(), addon_ids.end());
  auto is_chosen = [&](const std::string& id) {
    return std::find(chosen.begin(), chosen.end(), id) != chosen.end();
  };

  q.items.push_back(base);
  for (const auto& addon : model.addons) {  // declaration order
    if (std::find(addon_ids.begin(), addon_ids.end(), addon.id) == addon_ids.end()) continue;
    q.items.push_back(&addon);
    for (std::size_t i = 0; i < addon.requires_.size(); ++i)
      if (!is_chosen(addon.requires_[i]))
        q.problems.push_back({fmt::format("add-on '{}' requires '{}', which is not selected",
                                          addon.id, addon.requires_[i]),
                              clause_at(addon.requires_at, i, addon)});
    for (std::size_t i = 0; i < addon.excludes.size(); ++i)
      if (is_chosen(addon.excludes[i]))
        q.problems.push_back(
            {fmt::format("add-on '{}' cannot be combined with '{}'", addon.id, addon.excludes[i]),
             clause_at(addon.excludes_at, i, addon)});
  }

  for (const Package* item : q.items) {
    if (!item->price) continue;
    const Money& m = *item->price;
    auto it = std::find_if(q.totals.begin(), q.totals.end(), [&](const QuoteTotal& t) {
      return t.currency == m.currency && t.period == m.period;
    });
    if (it == q.totals.end()) it = q.totals.insert(q.totals.end(), {m.currency, m.period, 0});
    if (__builtin_add_overflow(it->milli, m.milli, &it->milli))
      q.problems.push_back(
          {fmt::format("the {} total is too large to add up", m.currency), item->span});
  }

  if (q.problems.empty()) {
    Selection sel = select(model, package_id, addon_ids);
    if (sel.package)
      q.selection = std::move(sel.package);
    else  // select() and the checks above agree; this only guards a broken invariant
      q.problems.push_back({sel.error, base->span});
  }
  return q;
}

}  // namespace sla
