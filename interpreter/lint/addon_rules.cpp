// What an add-on changes, judged in every combination a client can buy: an
// add-on that restates what the base already gives (so what is bought?), one
// whose relation to the base (adds to it, or replaces it) decides what the client
// gets, and a target whose calendar depends on which add-ons are combined.
#include <fmt/format.h>
#include <algorithm>
#include <array>
#include <map>

#include "interpreter/lint/lint_rules.hpp"
#include "interpreter/lint/lint_util.hpp"
#include "interpreter/time/calendar.hpp"

namespace sla::lint {

namespace {

// The add-ons' blocks, by id, for the positions of statements the Model keeps none for.
std::map<std::string, const ast::Node*> addon_nodes(const Context& c) {
  std::map<std::string, const ast::Node*> out;
  walk_own(c, [&](const ast::Node& n, const ast::Node*) {
    if (n.kind != ast::Kind::addon) return;
    if (const auto* id = ast::arg<ast::Ident>(n)) out.emplace(id->name, &n);
  });
  return out;
}

const ast::Node* child(const ast::Node* block, ast::Kind kind) {
  if (!block) return nullptr;
  for (const auto& n : block->children)
    if (n.kind == kind) return &n;
  return nullptr;
}

// The base an add-on is bought on in a view: the same package and add-ons without it.
const View* base_of(const Context& c, const View& v, const std::string& addon) {
  std::vector<std::string> others;
  for (const auto& a : v.package.applied_addons)
    if (a != addon) others.push_back(a);
  return c.view(v.package.id, others);
}

const Target* same_target(const Package& p, const Target& t) {
  for (const auto& b : p.targets)
    if (b.kind == t.kind && b.priority == t.priority && b.where == t.where) return &b;
  return nullptr;
}

std::string statement_of(const Target& t) {
  const std::string length =
      t.by ? t.by->text
           : fmt::format("{} {}", t.kind == TargetKind::update ? "every" : "within", t.within.text);
  return fmt::format("{} {} {}", verb(t.kind), t.priority, length);
}

bool same_terms(const Context& c, const View& v, const Target& a, const View& bv, const Target& b) {
  const bool same_length =
      a.by ? (b.by && a.by->text == b.by->text)
           : (!b.by && a.within.milli == b.within.milli && a.within.unit == b.within.unit &&
              a.within.business == b.within.business);
  const CalendarInfo* ca = calendar_of(c, v, a);
  const CalendarInfo* cb = calendar_of(c, bv, b);
  return same_length && a.commitment == b.commitment &&
         (!a.within.business || (ca && cb && ca->id == cb->id));
}

// Opening hours of a calendar per weekday (0 = Sunday), a union's members merged.
std::array<std::vector<DailyInterval>, 7> weekly_of(const Calendar& cal) {
  const CalendarSpec& spec = cal.spec();
  if (spec.members.empty()) return spec.weekly;
  std::array<std::vector<DailyInterval>, 7> out;
  for (const auto& member : spec.members) {
    if (!member) continue;
    const auto w = weekly_of(*member);
    for (int d = 0; d < 7; ++d) out[d].insert(out[d].end(), w[d].begin(), w[d].end());
  }
  return out;
}

// Every weekly time `base` is open and `other` is closed, days with the same hours
// grouped: "Mon-Fri 12:00-17:00, Sat 09:00-12:00". All of it, as a client weighing
// the add-on weighs the hours it may lose, not their first hour.
std::optional<std::string> open_only_in(const Calendar& base, const Calendar& other) {
  static constexpr std::string_view days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr int week[] = {1, 2, 3, 4, 5, 6, 0};
  const auto b = weekly_of(base), o = weekly_of(other);
  auto clock = [](Seconds s) {
    return fmt::format("{:02}:{:02}", s.count() / 3600, s.count() % 3600 / 60);
  };
  // Per day of the week (Monday first), its lost hours in words.
  std::array<std::string, 7> lost;
  for (int k = 0; k < 7; ++k) {
    const int d = week[k];
    auto cover = o[d];
    std::sort(cover.begin(), cover.end(),
              [](const DailyInterval& x, const DailyInterval& y) { return x.start < y.start; });
    auto wants = b[d];
    std::sort(wants.begin(), wants.end(),
              [](const DailyInterval& x, const DailyInterval& y) { return x.start < y.start; });
    std::vector<std::string> pieces;
    for (const auto& want : wants) {
      Seconds at = want.start;
      while (at < want.end) {
        bool moved = false;
        for (const auto& i : cover)
          if (i.start <= at && i.end > at) {
            at = i.end;
            moved = true;
          }
        if (moved) continue;
        if (at >= want.end) break;
        Seconds until = want.end;
        for (const auto& i : cover)
          if (i.start > at && i.start < until) until = i.start;
        pieces.push_back(fmt::format("{}-{}", clock(at), clock(until)));
        at = until;
      }
    }
    lost[k] = fmt::format("{}", fmt::join(pieces, " and "));
  }
  std::vector<std::string> groups;
  for (int k = 0; k < 7;) {
    int last = k;
    while (last + 1 < 7 && lost[last + 1] == lost[k]) ++last;
    if (!lost[k].empty())
      groups.push_back(last == k
                           ? fmt::format("{} {}", days[week[k]], lost[k])
                           : fmt::format("{}-{} {}", days[week[k]], days[week[last]], lost[k]));
    k = last + 1;
  }
  if (groups.empty()) return std::nullopt;
  return fmt::format("{}", fmt::join(groups, ", "));
}

// Calls f(view, add-on id, add-on, base view) for each add-on applied in each view,
// with the view of the same selection without it (the base the add-on changes).
template <typename F>
void for_each_applied_addon(const Context& c, F&& f) {
  for (const auto& v : c.views())
    for (const auto& id : v.package.applied_addons) {
      const Package* addon = c.model().addon(id);
      const View* base = base_of(c, v, id);
      if (addon && base) f(v, id, addon, base);
    }
}

}  // namespace

// ------------------------------------------------------------------ SLA121

void addons_restating_the_base(Context& c) {
  const auto nodes = addon_nodes(c);
  for_each_applied_addon(
      c, [&](const View& v, const std::string& id, const Package* addon, const View* base) {
        for (const auto& t : addon->targets) {
          const Target* given = same_target(base->package, t);
          if (!given || !same_terms(c, v, t, *base, *given)) continue;
          auto* d = c.report(
              Code::lint_addon_restates, Severity::warning, c.at(t.span),
              fmt::format("add-on '{}' states '{}', which {} already gives: buying it changes "
                          "nothing for {} {}s. So what does the client pay for?",
                          id, statement_of(t), where(*base), t.priority, name(t.kind)),
              "state what the add-on improves (a shorter time, a committed target), or remove "
              "the statement; if it only repeats the base for the reader, say so in a note");
          if (d) c.note(*d, given->span, "the base's target");
        }
        const auto node = nodes.find(id);
        const ast::Node* block = node == nodes.end() ? nullptr : node->second;
        // An add-on calendar that a later add-on's overrides says nothing in this view.
        const bool governs = !addon->calendar.empty() && addon->calendar == v.calendar->id;
        if (governs && addon->calendar == base->calendar->id)
          if (const ast::Node* stated = child(block, ast::Kind::uses_calendar))
            c.report(Code::lint_addon_restates, Severity::warning, c.at(stated->span),
                     fmt::format("add-on '{}' sets calendar '{}', which {} already keeps: its "
                                 "hours add nothing",
                                 id, addon->calendar, where(*base)),
                     "name the calendar whose hours the add-on sells, or remove the statement");
        if (block)
          for (const auto& n : block->children) {
            if (n.kind != ast::Kind::feature) continue;
            const auto* feature = ast::arg<ast::Text>(n);
            if (!feature) continue;
            const auto& features = base->package.features;
            if (std::any_of(features.begin(), features.end(),
                            [&](const Feature& f) { return f.name == feature->value; }))
              c.report(Code::lint_addon_restates, Severity::warning, c.at(n.span),
                       fmt::format("add-on '{}' offers the feature \"{}\", which {} already has",
                                   id, feature->value, where(*base)),
                       "say what the add-on's version adds (in its description), or remove it");
          }
      });
}

// ------------------------------------------------------------------ SLA122

void addon_relation_unsettled(Context& c) {
  const Model& m = c.model();
  const auto nodes = addon_nodes(c);
  for_each_applied_addon(c, [&](const View& v, const std::string& id, const Package* addon,
                                const View* base) {
    // Hours: an add-on calendar closed when the base's is open takes hours away
    // if it replaces the base's, and adds hours if it comes on top.
    const CalendarInfo* own = addon->calendar.empty() ? nullptr : m.calendar(addon->calendar);
    if (own && own->calendar && own->id == v.calendar->id && base->calendar->calendar &&
        own->id != base->calendar->id && own->zone == base->calendar->zone) {
      const auto node = nodes.find(id);
      const ast::Node* stated =
          child(node == nodes.end() ? nullptr : node->second, ast::Kind::uses_calendar);
      if (const auto lost = open_only_in(*base->calendar->calendar, *own->calendar); lost && stated)
        c.report(
            Code::lint_addon_relation, Severity::warning, c.at(stated->span),
            fmt::format("add-on '{}' sets calendar '{}', which is closed at times "
                        "calendar '{}' of {} is open (every week: {}): if the add-on replaces the "
                        "base's hours, buying it takes those hours away; if it adds to "
                        "them, the contract does not say so",
                        id, own->id, base->calendar->id, where(*base), *lost),
            fmt::format("give the add-on a calendar that covers the base's (calendar "
                        "{}_and_{} {{ union of {}, {} }}), or say in its summary that its "
                        "hours replace the base's",
                        base->calendar->id, own->id, base->calendar->id, own->id));
    }
    // Targets: one looser than the base's makes the purchase a loss if it replaces it.
    for (const auto& t : addon->targets) {
      const Target* given = same_target(base->package, t);
      if (!given || t.by || given->by || t.within.business != given->within.business) continue;
      const CalendarInfo* ca = calendar_of(c, v, t);
      const CalendarInfo* cb = calendar_of(c, *base, *given);
      if (t.within.business && (!ca || !cb || ca->id != cb->id)) continue;
      const auto mine = seconds_of(t.within, ca), theirs = seconds_of(given->within, cb);
      if (!mine || !theirs || *mine <= *theirs) continue;
      auto* d = c.report(
          Code::lint_addon_relation, Severity::warning, c.at(t.span),
          fmt::format("add-on '{}' gives {} {}s {}, but {} already gives {}: if the add-on's "
                      "target replaces the base's, buying it makes things worse; if both "
                      "apply, the contract does not say which binds",
                      id, t.priority, name(t.kind), t.within.text, where(*base),
                      given->within.text),
          "state a target at least as good as the base's, or say which prevails (e.g. in a "
          "note: \"the shorter of the two times applies\")");
      if (d) c.note(*d, given->span, "the base's target");
    }
  });
}

// ------------------------------------------------------------------ SLA124

void calendars_by_combination(Context& c) {
  const Model& m = c.model();
  for (const auto& v : c.views()) {
    if (v.package.applied_addons.size() < 2) continue;
    // The add-on whose calendar the combination keeps (the last one stating one).
    std::string setter;
    for (const auto& id : v.package.applied_addons)
      if (const Package* a = m.addon(id); a && !a->calendar.empty()) setter = id;
    if (setter.empty() || m.addon(setter)->calendar != v.calendar->id) continue;
    const std::string& package = v.package.id;
    const Package* base = m.package(package);
    for (const auto& t : v.package.targets) {
      if (t.origin == setter || !t.calendar.empty() || !m.addon(t.origin)) continue;
      if (!t.by && !t.within.business) continue;  // calendar time is the same on any calendar
      const Package* origin = m.addon(t.origin);
      // The calendar the target would follow without the setter: its add-on's, or the package's.
      const std::string usual = !origin->calendar.empty() ? origin->calendar
                                : base                    ? base->calendar
                                                          : std::string();
      if (usual.empty() || usual == v.calendar->id) continue;
      auto* d = c.report(
          Code::lint_calendar_by_combination, Severity::warning, c.at(t.span),
          fmt::format("in {}, the target add-on '{}' states ('{}') counts business time on "
                      "calendar '{}' (set by add-on '{}'), not on '{}' (the calendar of '{}'): "
                      "which hours count for it depends on which add-ons are bought together",
                      v.name, t.origin, statement_of(t), v.calendar->id, setter, usual,
                      origin->calendar.empty() ? package : t.origin),
          fmt::format("pin the target to a calendar so every combination reads it the same: {} "
                      "on calendar {} (or on calendar {})",
                      statement_of(t), usual, v.calendar->id));
      if (d)
        c.note(*d, m.addon(setter)->span, fmt::format("add-on '{}' sets the calendar", setter));
    }
  }
}

// ------------------------------------------------------------------ SLA125

void combinations_capped(Context& c) {
  for (const auto& capped : c.capped())
    if (const Package* p = c.model().package(capped.package)) {
      // How much was left out, so the reader can weigh it: all the sets, and the
      // ones reviewed (those of fewest add-ons, which the walk takes first).
      const std::string sets =
          capped.sets
              ? fmt::format("{} sets of its {} add-ons", *capped.sets, capped.addons)
              : fmt::format("more sets of its {} add-ons than can be counted", capped.addons);
      c.report(Code::lint_combinations_capped, Severity::note, c.at(p->span),
               fmt::format("package '{}' can be bought with {} (as their excludes allow), more "
                           "than the lint reviews: it reviewed {} (the lint tries at most {} "
                           "selections, fewest add-ons first), and findings that arise only in "
                           "the others are not reported",
                           capped.package, sets, capped.reviewed, Context::kMaxViewsPerPackage),
               "let add-ons exclude or require one another where they are not sold together, so "
               "fewer combinations exist; or review the larger combinations by hand");
    }
}

}  // namespace sla::lint
