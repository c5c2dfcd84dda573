#include "tools/ide/hover.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <algorithm>
#include <charconv>
#include <map>
#include <set>

#include "grammar/suggest.hpp"
#include "interpreter/check/checker.hpp"
#include "interpreter/time/calendar.hpp"
#include "sla/evaluator.hpp"
#include "tools/document/plain_words.hpp"
#include "tools/ide/syntax.hpp"

namespace sla::ide {

namespace {

using cli::and_list;
using cli::hours_words;
using cli::moment;
using cli::money_words;
using cli::percent_words;
using cli::span_words;

std::string code(std::string_view name) {
  return fmt::format("`{}`", name);
}

std::string codes(const std::vector<std::string>& names) {
  std::vector<std::string> out;
  for (const auto& n : names) out.push_back(code(n));
  return and_list(out);
}

// The year whose offsets a zone is described with: the contract's first, so the
// words do not change with the day they are read.
int contract_year(const Model* m) {
  int year = 0;
  if (m && m->contract.effective.size() >= 4)
    std::from_chars(m->contract.effective.data(), m->contract.effective.data() + 4, year);
  return year >= Calendar::kFirstYear + 1 && year < Calendar::kEndYear - 1 ? year : 2026;
}

const HolidaySet* holiday_set(const Model& m, std::string_view id) {
  for (const auto& h : m.holiday_sets)
    if (h.id == id) return &h;
  return nullptr;
}

std::string years(const HolidaySet& h) {
  if (h.first_year == 0) return {};
  return h.first_year == h.last_year ? fmt::format("{}", h.first_year)
                                     : fmt::format("{}\u2013{}", h.first_year, h.last_year);
}

// A set's title and its years, unless the title says them ("Berlin holidays 2026").
std::vector<std::string> title_and_years(const HolidaySet& h) {
  std::vector<std::string> about;
  if (!h.title.empty()) about.push_back(h.title);
  if (h.first_year != 0 && h.title.find(std::to_string(h.first_year)) == std::string::npos)
    about.push_back(years(h));
  return about;
}

std::string set_words(const Model& m, const std::string& id) {
  const HolidaySet* h = holiday_set(m, id);
  if (!h) return code(id);
  const std::vector<std::string> about = title_and_years(*h);
  return about.empty() ? code(id) : fmt::format("{} ({})", code(id), fmt::join(about, ", "));
}

// "Mon-Fri 09:00-17:00, Asia/Jakarta": a calendar in one parenthesis.
std::string hours_brief(const CalendarInfo& c) {
  std::vector<std::string> parts;
  if (!c.union_of.empty())
    parts.push_back(fmt::format("open when any of {} is", codes(c.union_of)));
  else if (c.weekly.size() == 1 && c.weekly[0] == "always")
    parts.push_back("always open");
  else if (!c.weekly.empty())
    parts.push_back(fmt::format("{}", fmt::join(c.weekly, ", ")));
  if (!c.zone.empty()) parts.push_back(c.zone);
  if (!c.holiday_sets.empty())
    parts.push_back(fmt::format("closed on holidays {}", fmt::join(c.holiday_sets, ", ")));
  return fmt::format("{}", fmt::join(parts, ", "));
}

// The definition as written: what hover shows when no Model knows the name yet.
std::string as_written(const Analysis& a, const Symbol& def) {
  if (def.item.file >= a.loaded.sources.size()) return {};
  const std::string& text = a.loaded.sources.file(def.item.file).text();
  if (def.item.end > text.size() || def.item.begin >= def.item.end) return {};
  std::string_view item(text.data() + def.item.begin, def.item.end - def.item.begin);
  // A long block is cut after its first lines: the hover is a glance, not the file.
  constexpr std::size_t kMaxLines = 12;
  std::size_t end = 0;
  for (std::size_t line = 0; line < kMaxLines && end != std::string_view::npos; ++line) {
    const std::size_t eol = item.find('\n', end);
    end = eol == std::string_view::npos ? eol : eol + 1;
  }
  std::string shown(item.substr(0, end == std::string_view::npos ? item.size() : end));
  if (end != std::string_view::npos) shown += "  ...";
  return fmt::format("```sla\n{}\n```", shown);
}

std::string heading(std::string_view kind, std::string_view name, std::string_view title) {
  return title.empty() ? fmt::format("**{} {}**", kind, code(name))
                       : fmt::format("**{} {}** \u2014 {}", kind, code(name), title);
}

std::string bullets(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += fmt::format("\n- {}", l);
  return out;
}

// ------------------------------------------------------------------ names

std::string calendar_words(const Model& m, const CalendarInfo& c) {
  std::vector<std::string> lines;
  lines.push_back(
      fmt::format("Zone: {}", c.calendar ? cli::zone_words(c, contract_year(&m)) : c.zone));
  if (!c.union_of.empty()) {
    lines.push_back(fmt::format("Open whenever any of {} is open", codes(c.union_of)));
  } else if (c.weekly.size() == 1 && c.weekly[0] == "always") {
    lines.push_back("Open always: 24 hours a day, 7 days a week");
  } else if (c.weekly.empty()) {
    lines.push_back("No regular opening hours");
  } else {
    lines.push_back(fmt::format("Open {}", fmt::join(c.weekly, "; ")));
  }
  if (!c.holiday_sets.empty()) {
    std::vector<std::string> sets;
    for (const auto& id : c.holiday_sets) sets.push_back(set_words(m, id));
    lines.push_back(fmt::format("Closed on public holidays: {}", and_list(sets)));
  } else if (c.holidays_stated) {
    lines.push_back("Open on public holidays");
  } else if (c.union_of.empty()) {
    lines.push_back("Does not say whether public holidays close it");
  }
  constexpr std::size_t kMaxDated = 5;
  for (std::size_t i = 0; i < c.dated.size() && i < kMaxDated; ++i)
    lines.push_back(fmt::format("On {}", c.dated[i]));
  if (c.dated.size() > kMaxDated)
    lines.push_back(fmt::format("... and {} more dated rules", c.dated.size() - kMaxDated));
  if (c.business_day_seconds)
    lines.push_back(fmt::format("A business day is {} of operating time",
                                hours_words(Seconds(*c.business_day_seconds))));
  else
    lines.push_back("No business-day length (its open days differ; `business day is` sets one)");
  if (!c.extends.empty())
    lines.push_back(
        fmt::format("Extends {} (the hours above include what it inherits)", code(c.extends)));
  std::string out = heading("calendar", c.id, c.title) + "\n" + bullets(lines);
  if (!c.summary.empty()) out += "\n\n" + c.summary;
  return out;
}

std::string priority_words(const Model& m, const Priority& p) {
  std::string out = heading("priority", p.name, {});
  out += fmt::format(" \u2014 rank {} of {}, counted from the lowest", p.rank + 1,
                     m.priorities.size());
  if (!p.description.empty()) out += "\n\n" + p.description;
  // Packages and add-ons that word it their own way.
  std::map<std::string, std::vector<std::string>> own;
  for (const auto* list : {&m.packages, &m.addons})
    for (const auto& pkg : *list)
      if (auto it = pkg.descriptions.find(p.name);
          it != pkg.descriptions.end() && it->second != p.description)
        own[it->second].push_back(pkg.id);
  for (const auto& [text, ids] : own) out += fmt::format("\n\nIn {}: {}", codes(ids), text);
  return out;
}

// "respond to Critical within 1 business hour (committed)".
std::string target_words(const Target& t, const std::string& owner) {
  std::string out = fmt::format("{} {}", verb(t.kind), t.for_all ? "all" : t.priority);
  if (t.where) out += " where " + t.where->text();
  if (t.by)
    out += " " + t.by->text;
  else
    out += fmt::format(" {} {}", t.kind == TargetKind::update ? "every" : "within", t.within.text);
  if (!t.calendar.empty()) out += " on calendar " + t.calendar;
  out += t.commitment == Commitment::committed ? " (committed)" : " (best effort)";
  if (!t.origin.empty() && t.origin != owner) out += fmt::format(", from {}", code(t.origin));
  return out;
}

std::string band_words(const EscalationBand& b) {
  std::string out = fmt::format("from {}", b.from.text);
  if (b.until) out += fmt::format(" until {}", b.until->text);
  out += fmt::format(": {}", b.role);
  if (b.when_no_response) out += " (when no response)";
  if (b.when_not_resolved) out += " (when not resolved)";
  return out;
}

std::string package_words(const Model& m, const Package& p) {
  std::vector<std::string> lines;
  if (!p.extends.empty())
    lines.push_back(
        fmt::format("Extends {} (what it inherits is included below)", code(p.extends)));
  if (!p.sold_included_in.empty())
    lines.push_back(fmt::format("Sold included in {}", cli::in_quotes(p.sold_included_in)));
  else if (p.sold_separately)
    lines.push_back("Sold separately");
  if (p.price) {
    std::string price = money_words(*p.price);
    if (!p.price->period.empty()) price += " " + p.price->period;
    lines.push_back("Price: " + price);
  }
  if (!p.requires_.empty()) lines.push_back("Requires " + codes(p.requires_));
  if (!p.excludes.empty()) lines.push_back("Excludes " + codes(p.excludes));
  if (!p.calendar.empty()) {
    const CalendarInfo* c = m.calendar(p.calendar);
    lines.push_back(c ? fmt::format("Calendar {} ({})", code(p.calendar), hours_brief(*c))
                      : fmt::format("Calendar {}", code(p.calendar)));
  } else if (p.is_addon) {
    lines.push_back("Calendar: the one of the package it is added to");
  }
  if (!p.targets.empty()) {
    std::string targets = "Targets:";
    // A target for `all` is one line, not one per priority.
    std::set<std::tuple<TargetKind, std::string, std::uint32_t, std::uint32_t>> said;
    for (const auto& t : p.targets) {
      if (t.for_all && !said.emplace(t.kind, t.span.file, t.span.line, t.span.column).second)
        continue;
      targets += "\n  - " + target_words(t, p.id);
    }
    lines.push_back(targets);
  }
  if (p.clock_starts_at_next_opening.value_or(false))
    lines.push_back("The clock starts at the next opening");
  if (p.pause_statuses && !p.pause_statuses->empty())
    lines.push_back(
        fmt::format("The clock pauses on status \"{}\"", fmt::join(*p.pause_statuses, "\", \"")));
  if (p.warn_at_milli && !p.warn_at_milli->empty()) {
    std::vector<std::string> shares;
    for (const auto share : *p.warn_at_milli) shares.push_back(percent_words(share));
    lines.push_back(fmt::format("A pending ticket is at risk at {} of a target's time",
                                fmt::join(shares, ", ")));
  }
  if (p.escalation) {
    std::vector<std::string> bands;
    for (const auto& b : *p.escalation) bands.push_back(band_words(b));
    lines.push_back(fmt::format("Escalation: {}", fmt::join(bands, "; ")));
  }
  for (const auto& ladder : p.ladders) {
    std::vector<std::string> bands;
    for (const auto& b : ladder.bands) bands.push_back(band_words(b));
    lines.push_back(fmt::format("Escalation for {}: {}", fmt::join(ladder.priorities, ", "),
                                fmt::join(bands, "; ")));
  }
  for (const auto& u : p.uptime) {
    std::string line = fmt::format("Uptime {}", cli::in_quotes(u.service));
    if (u.target_milli) line += ": " + percent_words(*u.target_milli);
    if (!u.period.empty()) line += " " + u.period;
    line += u.commitment == Commitment::committed ? ", committed" : ", best effort";
    lines.push_back(line);
  }
  if (!p.channels.empty()) {
    std::vector<std::string> names;
    for (const auto& c : p.channels) names.push_back(c.name);
    lines.push_back(fmt::format("Channels: {}", fmt::join(names, ", ")));
  }
  if (!p.features.empty()) {
    std::vector<std::string> names;
    for (const auto& f : p.features) names.push_back(f.name);
    lines.push_back(fmt::format("Features: {}", fmt::join(names, ", ")));
  }
  std::string out =
      heading(p.is_addon ? "add-on" : "package", p.id, p.title) + "\n" + bullets(lines);
  if (!p.summary.empty()) out += "\n\n" + p.summary;
  return out;
}

std::string holiday_set_words(const Model& m, const HolidaySet& h) {
  std::vector<std::string> lines;
  if (const auto y = years(h); !y.empty()) lines.push_back("Covers " + y);
  const auto tentative =
      std::count_if(h.days.begin(), h.days.end(), [](const Holiday& d) { return d.tentative; });
  lines.push_back(tentative ? fmt::format("{} days, {} of them tentative", h.days.size(), tentative)
                            : fmt::format("{} days", h.days.size()));
  if (!h.source.empty()) lines.push_back("Source: " + h.source);
  std::vector<std::string> closes;
  for (const auto& c : m.calendars)
    if (std::find(c.holiday_sets.begin(), c.holiday_sets.end(), h.id) != c.holiday_sets.end())
      closes.push_back(c.id);
  if (!closes.empty()) lines.push_back("Closes " + codes(closes));
  return heading("holiday set", h.id, h.title) + "\n" + bullets(lines);
}

std::string attribute_words(const Attribute& at) {
  std::vector<std::string> values;
  for (const auto& v : at.values) values.push_back(cli::in_quotes(v));
  std::string out = heading("attribute", at.name, {});
  out += fmt::format("\n\nValues: {} (a ticket's value matches without case)",
                     fmt::join(values, ", "));
  if (!at.label.empty()) out += fmt::format(" ({})", cli::in_quotes(at.label));
  return out;
}

// What an import loaded and what the file defines.
std::string import_words(const Analysis& a, const Symbol& s) {
  std::string out = fmt::format("**import {}**", code(s.name));
  const auto loaded = a.imports.find(import_key(s.span.file, s.span.begin));
  if (loaded == a.imports.end()) return out + "\n\nNot loaded: see the error on this line.";
  const std::uint32_t file = loaded->second;
  if (s.name.starts_with("std/"))
    out += "\n\nFrom the standard library.";
  else
    out += fmt::format("\n\nThe file {}.", code(a.loaded.sources.file(file).name()));
  std::vector<std::string> lines;
  const Model* m = a.model.get();
  for (const auto& def : a.symbols.all()) {
    if (def.span.file != file || !def.definition) continue;
    std::string line = fmt::format("{} {}", name(def.kind), code(def.name));
    if (def.kind == SymbolKind::holiday_set && m) {
      if (const HolidaySet* h = holiday_set(*m, def.name)) {
        std::vector<std::string> about = title_and_years(*h);
        about.push_back(fmt::format("{} days", h->days.size()));
        line += fmt::format(" ({})", fmt::join(about, ", "));
      }
    } else if (def.kind == SymbolKind::calendar && m) {
      if (const CalendarInfo* c = m->calendar(def.name))
        line += fmt::format(" ({})", hours_brief(*c));
    }
    lines.push_back(line);
  }
  constexpr std::size_t kMaxLines = 20;
  if (lines.size() > kMaxLines) {
    const std::size_t more = lines.size() - kMaxLines;
    lines.resize(kMaxLines);
    lines.push_back(fmt::format("... and {} more", more));
  }
  if (!lines.empty()) out += "\n\nDefines:" + bullets(lines);
  return out;
}

std::optional<std::string> symbol_words(const Analysis& a, const Symbol& s) {
  if (s.kind == SymbolKind::file) return import_words(a, s);
  const Symbol* def = a.symbols.definition_of(s);
  const SymbolKind kind = def ? def->kind : s.kind;
  const std::string& id = def ? def->name : s.name;
  // A name the text does not define is not described by a Model that did (the
  // last one that checked, before a rename): it is said to be undefined below.
  if (const Model* m = a.model.get(); m && def) {
    switch (kind) {
      case SymbolKind::calendar:
        if (const auto* c = m->calendar(id)) return calendar_words(*m, *c);
        break;
      case SymbolKind::priority:
        if (const auto* p = m->priority(id)) return priority_words(*m, *p);
        break;
      case SymbolKind::package:
      case SymbolKind::addon:
      case SymbolKind::package_or_addon:
        if (const auto* p = m->package(id)) return package_words(*m, *p);
        if (const auto* p = m->addon(id)) return package_words(*m, *p);
        break;
      case SymbolKind::holiday_set:
        if (const auto* h = holiday_set(*m, id)) return holiday_set_words(*m, *h);
        break;
      case SymbolKind::attribute:
        if (const auto* at = m->attribute(id)) return attribute_words(*at);
        break;
      default:
        break;
    }
  }
  if (def) return heading(name(kind), id, {}) + "\n\n" + as_written(a, *def);
  // A name nothing defines: say so, with the closest one that is defined.
  std::vector<std::string> known;
  for (const Symbol* d : a.symbols.definitions(kind)) known.push_back(d->name);
  std::string out = fmt::format("**{} {}**: not defined", name(kind), code(s.name));
  if (const auto near = closest(s.name, std::span<const std::string>(known)))
    out += fmt::format("; did you mean {}?", code(*near));
  return out;
}

// --------------------------------------------------------------- durations

struct Found {
  const ast::Duration* duration = nullptr;
  std::vector<const ast::Node*> path;  // root first; the statement holding it last
};

Found duration_at(const ast::Node& root, std::uint32_t offset) {
  Found f;
  f.path = nodes_at(root, offset);
  // The innermost node first: a block's head and its statements both hold values.
  while (!f.path.empty()) {
    for (const auto& v : f.path.back()->args)
      if (const auto* d = std::get_if<ast::Duration>(&v);
          d && d->span.begin <= offset && offset <= d->span.end) {
        f.duration = d;
        return f;
      }
    f.path.pop_back();
  }
  return f;
}

const ast::Node* innermost(const std::vector<const ast::Node*>& path,
                           std::initializer_list<ast::Kind> kinds) {
  for (auto it = path.rbegin(); it != path.rend(); ++it)
    if (std::find(kinds.begin(), kinds.end(), (*it)->kind) != kinds.end()) return *it;
  return nullptr;
}

// The calendar a duration is counted on, and how to say where it comes from.
struct Governing {
  std::string calendar;  // its name; empty when unknown
  std::string whose;     // "", or "the calendar of the package it is added to (...)"
  const CalendarInfo* info = nullptr;
  bool next_opening = false;  // calendar-time targets start at the next opening
};

// Without a Model: the calendar a package states, or the one its parents state.
std::string stated_calendar(const Analysis& a, const ast::Node& package) {
  const ast::Node* p = &package;
  constexpr int kMaxDepth = 32;  // the checker's own bound on inheritance chains
  for (int depth = 0; p && depth < kMaxDepth; ++depth) {
    for (const auto& s : p->children)
      if (s.kind == ast::Kind::uses_calendar)
        if (const auto* id = ast::arg<ast::Ident>(s)) return id->name;
    const auto* parent = p->kind == ast::Kind::package ? ast::arg<ast::Ident>(*p, 1) : nullptr;
    p = nullptr;
    if (!parent) break;
    for (const Symbol* def : a.symbols.definitions(SymbolKind::package))
      if (def->name == parent->name) p = node_with_span(a.loaded.files, def->item);
  }
  return {};
}

Governing governing(const Analysis& a, const std::vector<const ast::Node*>& path) {
  Governing g;
  const Model* m = a.model.get();
  const ast::Node& statement = *path.back();
  // "on calendar X": the target keeps its own hours.
  bool next = false;
  for (const auto& v : statement.args) {
    if (const auto* w = std::get_if<ast::Word>(&v)) next = w->word == "on calendar";
    if (const auto* id = std::get_if<ast::Ident>(&v); id && next) g.calendar = id->name;
  }
  const ast::Node* owner = innermost(path, {ast::Kind::package, ast::Kind::addon});
  const ast::Node* calendar = innermost(path, {ast::Kind::calendar});
  const ast::Ident* owner_id = owner ? ast::arg<ast::Ident>(*owner) : nullptr;
  const Package* pkg = nullptr;
  if (m && owner_id)
    pkg = owner->kind == ast::Kind::package ? m->package(owner_id->name) : m->addon(owner_id->name);
  if (pkg && statement.kind != ast::Kind::update)
    g.next_opening = pkg->clock_starts_at_next_opening.value_or(false);
  if (g.calendar.empty() && calendar) {
    if (const auto* id = ast::arg<ast::Ident>(*calendar)) g.calendar = id->name;
  }
  if (g.calendar.empty() && owner) {
    g.calendar = pkg ? pkg->calendar : stated_calendar(a, *owner);
    if (g.calendar.empty() && owner->kind == ast::Kind::addon) {
      // An add-on without hours of its own counts on its package's.
      g.whose = "the calendar of the package it is added to";
      if (pkg && m)
        for (const auto& required : pkg->requires_)
          if (const Package* base = m->package(required); base && !base->calendar.empty()) {
            g.calendar = base->calendar;
            g.whose += fmt::format(" (under {}: {})", code(base->id), code(base->calendar));
            g.next_opening = statement.kind != ast::Kind::update &&
                             base->clock_starts_at_next_opening.value_or(false);
            break;
          }
    }
  }
  if (m && !g.calendar.empty()) g.info = m->calendar(g.calendar);
  return g;
}

// The example's ticket: the first Friday from the contract's effective date, half
// an hour before that day's last closing (16:30 for a 09:00-17:00 desk), where
// business time shows what it skips; 16:30 when the desk does not close that day.
Instant example_start(const Calendar& cal, const Model* m) {
  using namespace date;
  local_days day = local_days(year{2026} / January / 9);
  if (m && m->contract.effective.size() == 10) {
    int y = 0;
    unsigned mo = 0, d = 0;
    const char* s = m->contract.effective.data();
    std::from_chars(s, s + 4, y);
    std::from_chars(s + 5, s + 7, mo);
    std::from_chars(s + 8, s + 10, d);
    const year_month_day ymd{year{y}, month{mo}, date::day{d}};
    if (ymd.ok() && y > Calendar::kFirstYear && y < Calendar::kEndYear - 1) {
      day = local_days(ymd);
      while (weekday{day} != Friday) day += days{1};
    }
  }
  const Instant fallback = cal.to_instant(local_seconds(day) + std::chrono::minutes(16 * 60 + 30));
  const Instant midnight = cal.to_instant(local_seconds(day));
  const Instant tomorrow = cal.to_instant(local_seconds(day + days{1}));
  Instant open = cal.next_opening(midnight);
  if (open == Calendar::kNever || open >= tomorrow) return fallback;
  Instant close = cal.next_closing(open);
  for (int i = 0; i < 64 && close < tomorrow; ++i) {
    const Instant again = cal.next_opening(close);
    if (again == Calendar::kNever || again >= tomorrow) break;
    open = again;
    close = cal.next_closing(open);
  }
  if (close == Calendar::kNever || close >= tomorrow) return fallback;
  return std::max(open, close - std::chrono::minutes(30));
}

// "30 minutes on Friday, 3 hours 30 minutes on Monday": where business time is
// spent; empty when that takes more than a few openings.
std::string spent(const Calendar& cal, Instant from, Seconds length) {
  std::vector<std::pair<date::local_days, Seconds>> days;
  Instant t = from;
  constexpr int kMaxOpenings = 6;
  for (int i = 0; i < kMaxOpenings && length > Seconds(0); ++i) {
    const Instant open = cal.next_opening(t);
    if (open == Calendar::kNever) return {};
    const Instant close = cal.next_closing(open);
    const Seconds take =
        close == Calendar::kNever ? length : std::min(length, Seconds(close - open));
    // A night opening counts on each side of midnight: 7 hours on Sunday, the
    // rest on Monday.
    for (Instant a = open, end = open + take; a < end;) {
      const auto day = date::floor<date::days>(cal.to_local(a));
      const Instant midnight = cal.to_instant(date::local_seconds(day + date::days(1)));
      const Instant b = midnight > a ? std::min(end, midnight) : end;
      if (!days.empty() && days.back().first == day)
        days.back().second += b - a;
      else
        days.emplace_back(day, b - a);
      a = b;
    }
    length -= take;
    t = close;
  }
  if (length > Seconds(0) || days.size() < 2) return {};
  std::vector<std::string> parts;
  for (const auto& [day, s] : days)
    parts.push_back(fmt::format("{} on {}", hours_words(s), cli::day_name(day)));
  return fmt::format("{}", fmt::join(parts, ", "));
}

std::string_view due_what(ast::Kind statement) {
  switch (statement) {
    case ast::Kind::respond:
      return "response due";
    case ast::Kind::resolve:
      return "resolution due";
    case ast::Kind::restore:
      return "restoration due";
    case ast::Kind::update:
      return "next update due";
    case ast::Kind::band:
      return "in this band from";
    default:
      return "due";
  }
}

std::string duration_words(const Analysis& a, const Found& f) {
  const DurationValue d = duration_value(*f.duration);
  const ast::Node& statement = *f.path.back();
  const Model* m = a.model.get();

  if (statement.kind == ast::Kind::business_day) {
    const ast::Node* cal = innermost(f.path, {ast::Kind::calendar});
    const auto* id = cal ? ast::arg<ast::Ident>(*cal) : nullptr;
    return fmt::format(
        "**{}** \u2014 the length of one business day{}: \u201c1 business "
        "day\u201d in a target counts {} of operating time",
        d.text, id ? " of calendar " + code(id->name) : "",
        d.business ? d.text : hours_words(*to_seconds(d, CalendarInfo{})));
  }
  const bool in_package = innermost(f.path, {ast::Kind::package, ast::Kind::addon}) != nullptr;
  const bool in_calendar = innermost(f.path, {ast::Kind::calendar}) != nullptr;
  if (!in_package && !in_calendar) {
    // The contract's header: no calendar governs it.
    return d.business ? fmt::format(
                            "**{}** \u2014 business time; outside a package no "
                            "calendar says which days are business days",
                            d.text)
                      : fmt::format(
                            "**{}** \u2014 calendar time: every day counts, weekends "
                            "and holidays included",
                            d.text);
  }

  const Governing g = governing(a, f.path);
  const std::string on = g.calendar.empty() ? g.whose
                         : g.whose.empty()  ? "calendar " + code(g.calendar)
                                            : g.whose;
  const std::optional<Seconds> seconds = g.info ? to_seconds(d, *g.info) : std::nullopt;
  std::string out = fmt::format("**{}**", cli::duration_words(d, g.info));
  if (d.business) {
    if (g.info && !seconds) {
      return out + fmt::format(
                       " \u2014 business days, but calendar {} does not say how long a "
                       "business day is (its open days differ; `business day is` "
                       "sets it)",
                       code(g.calendar));
    }
    out += seconds ? fmt::format(" \u2014 {} of operating time on {}", hours_words(*seconds), on)
                   : fmt::format(" \u2014 operating time{}", on.empty() ? "" : " on " + on);
    if (g.info) out += fmt::format(" ({})", hours_brief(*g.info));
    if (g.info && g.info->business_day_seconds &&
        (d.unit == TimeUnit::day || d.unit == TimeUnit::week))
      out += fmt::format("; a business day there is {}",
                         hours_words(Seconds(*g.info->business_day_seconds)));
  } else {
    out +=
        " \u2014 calendar time: the clock runs through nights, weekends and holidays, "
        "whatever the opening hours";
    if (!on.empty()) out += " of " + on;
    if (g.next_opening)
      out += "; the package starts the clock at the next opening for a ticket raised outside hours";
  }
  if (!g.info || !g.info->calendar || !seconds) return out;

  const Calendar& cal = *g.info->calendar;
  const Instant start = example_start(cal, m);
  Instant due;
  if (d.business) {
    due = cal.add(start, *seconds);
  } else {
    const Instant from = g.next_opening ? cal.next_opening(start) : start;
    due = from == Calendar::kNever ? from : from + *seconds;
  }
  out += fmt::format("\n\nExample: raised {} \u2192 {} {}", moment(start, cal),
                     due_what(statement.kind), moment(due, cal));
  if (d.business && due != Calendar::kNever)
    if (const auto where = spent(cal, start, *seconds); !where.empty())
      out += fmt::format(" ({})", where);
  return out;
}

// ------------------------------------------------------ relative deadlines

// The words "by 12:00 next business day" (or "by end of next business day") of
// a target, when the offset is on them.
std::optional<Span> deadline_at(const ast::Node& statement, std::uint32_t offset) {
  std::optional<std::uint32_t> begin;
  std::uint32_t end = 0;
  for (const auto& v : statement.args)
    if (const auto* w = std::get_if<ast::Word>(&v)) {
      if (w->word == "by") begin = w->span.begin;
      if (begin && w->word == "next business day") end = w->span.end;
    }
  if (!begin || end == 0 || offset < *begin || offset > end) return std::nullopt;
  return Span{statement.span.file, *begin, end};
}

// The merged target a statement states, for the package (or the add-on on its
// first required package) that holds it: found by its line.
std::optional<Evaluator> evaluator_for(const Model& m, const ast::Node& owner) {
  const auto* id = ast::arg<ast::Ident>(owner);
  if (!id) return std::nullopt;
  Evaluator::Made made = Evaluator::make(m, id->name);
  if (owner.kind == ast::Kind::addon)
    if (const Package* addon = m.addon(id->name); addon && !addon->requires_.empty())
      made = Evaluator::make(m, addon->requires_.front(), {id->name});
  if (!made.evaluator) return std::nullopt;
  return std::move(*made.evaluator);
}

std::string deadline_words(const Analysis& a, const std::vector<const ast::Node*>& path,
                           Span words) {
  const ast::Node& statement = *path.back();
  const std::string said = a.text().substr(words.begin, words.end - words.begin);
  const Governing g = governing(a, path);
  const ast::ClockTime* clock = ast::arg<ast::ClockTime>(statement);
  std::string out = fmt::format(
      "**{}** \u2014 on the next business day after the day the ticket is raised, {}", said,
      clock ? fmt::format("at {:02}:{:02}", clock->minutes / 60, clock->minutes % 60)
            : std::string("at the end of that day's last opening"));
  if (!g.calendar.empty())
    out += fmt::format(", on {}{}", g.whose.empty() ? "calendar " + code(g.calendar) : g.whose,
                       g.info ? fmt::format(" ({})", hours_brief(*g.info)) : std::string());
  out +=
      ". A business day is a later local day on which the desk opens: the day the ticket is "
      "raised never counts";
  const Model* m = a.model.get();
  const ast::Node* owner = innermost(path, {ast::Kind::package, ast::Kind::addon});
  if (!m || !owner || a.model_is_stale) return out;
  const auto ev = evaluator_for(*m, *owner);
  if (!ev) return out;
  const std::uint32_t line = a.loaded.sources.locate(statement.span).line;
  for (const Target& t : ev->package().targets) {
    if (!t.by || t.span.line != line || t.span.file != a.root().name()) continue;
    const CalendarInfo& info = ev->calendar_of(t);
    if (!info.calendar) break;
    const Calendar& cal = *info.calendar;
    const Instant start = example_start(cal, m);
    const Instant due = ev->due(start, t, {}, start);
    out += fmt::format("\n\nExample: raised {} \u2192 {} {}", moment(start, cal),
                       due_what(statement.kind), moment(due, cal));
    break;
  }
  return out;
}

std::optional<HoverText> hover_at(const Analysis& a, std::uint32_t offset) {
  if (const Symbol* s = a.symbols.at(0, offset))
    if (auto words = symbol_words(a, *s)) return HoverText{std::move(*words), s->span};
  if (a.loaded.files.empty()) return std::nullopt;
  const Found f = duration_at(a.loaded.files[0].root, offset);
  if (f.duration) return HoverText{duration_words(a, f), f.duration->span};
  const auto path = nodes_at(a.loaded.files[0].root, offset);
  if (path.empty()) return std::nullopt;
  if (const auto words = deadline_at(*path.back(), offset))
    return HoverText{deadline_words(a, path, *words), *words};
  return std::nullopt;
}

}  // namespace

std::optional<HoverText> hover(const Analysis& analysis, std::uint32_t offset) {
  try {
    return hover_at(analysis, offset);
  } catch (const std::exception&) {
    // A time past the calendar's range, a zone the database lost: no hover, no crash.
    return std::nullopt;
  }
}

}  // namespace sla::ide
