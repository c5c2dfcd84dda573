#include "tools/document/contract_document.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <map>
#include <set>
#include <span>

#include "interpreter/time/calendar.hpp"
#include "sla/lint.hpp"
#include "tools/document/clause_index.hpp"
#include "tools/document/coverage_chart.hpp"
#include "tools/document/plain_words.hpp"
#include "tools/document/redline.hpp"
#include "tools/document/worked_example.hpp"
#include "tools/reports/model_json.hpp"

namespace sla::cli {

namespace {

using doc::Inline;
using doc::Run;
using Kind = ast::Kind;

Run text(std::string s) {
  return {Run::Style::plain, std::move(s), {}, {}};
}
Run strong(std::string s) {
  return {Run::Style::strong, std::move(s), {}, {}};
}
Run emphasis(std::string s) {
  return {Run::Style::emphasis, std::move(s), {}, {}};
}
Run code(std::string s) {
  return {Run::Style::reference, std::move(s), {}, {}};
}
Run line_break() {
  return {Run::Style::line_break, {}, {}, {}};
}

// A paragraph with a source states a clause of the contract, so it is numbered.
doc::Paragraph para(Inline runs, std::string source = {}) {
  const bool clause = !source.empty();
  return {std::move(runs), std::move(source), clause, {}};
}
doc::Paragraph para(std::string s, std::string source = {}) {
  return para(doc::plain(std::move(s)), std::move(source));
}
// A rule of reading the agreement that no one line states: numbered all the same,
// so that the rest of the document can cite it instead of saying it again.
doc::Paragraph rule(Inline runs, std::string anchor) {
  doc::Paragraph p = para(std::move(runs));
  p.clause = true;
  p.numbering.anchor = std::move(anchor);
  return p;
}

// A citation inside generated text, resolved to "clause 4.3.2" once the document is
// numbered: a source ("line 101") or, after '#', an anchor or a section's id.
constexpr char cite_open = '\x01', cite_close = '\x02';
std::string cite(std::string_view key) {
  if (key.empty() || key == "#") return {};
  return fmt::format("{}{}{}", cite_open, key, cite_close);
}

// The usual words for the parties of a support agreement, as a contract defines them.
constexpr std::string_view client_words[] = {
    "client",   "customer", "buyer",     "purchaser", "subscriber", "licensee",
    "licencee", "member",   "pelanggan", "klien",     "pembeli",    "pelanggan korporat"};
constexpr std::string_view provider_words[] = {"provider", "service provider", "supplier",
                                               "vendor",   "contractor",       "licensor",
                                               "penyedia", "penyedia layanan"};

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The term of the first definition that is one of `words` ("the Customer" too).
std::string defined_term(const Model& model, std::span<const std::string_view> words) {
  for (const auto& d : model.definitions) {
    std::string term = lower(d.term);
    if (term.starts_with("the ")) term.erase(0, 4);
    if (std::find(words.begin(), words.end(), term) != words.end())
      return d.term.starts_with("the ") || d.term.starts_with("The ") ? d.term.substr(4) : d.term;
  }
  return {};
}

std::string capitalized(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

class Builder {
 public:
  Builder(const Model& model, const RenderOptions& options)
      : m_(model),
        options_(options),
        w_(options.wording ? *options.wording : english()),
        index_(model) {
    client_ = client_term(m_, w_);
    provider_ = defined_term(m_, provider_words);
    provider_ = provider_.empty() ? w_.say("Provider") : w_.own(provider_);
    root_ = m_.files.empty() ? std::string() : m_.files.front();
    year_ = 2025;
    if (m_.contract.effective.size() >= 4) year_ = std::stoi(m_.contract.effective.substr(0, 4));
    ids_.insert("contents");  // the HTML writer's table of contents
  }

  doc::Document build() {
    doc::Document d;
    const Header& h = m_.contract;
    d.language = w_.language();
    d.title = h.name.empty() ? w_.say("Support service level agreement") : w_.own(h.name);
    d.subtitle = h.provider.empty() ? w_.say("Support service level agreement")
                                    : w_.say("Support service level agreement by {}", h.provider);
    d.running_header = d.title;
    d.page_words = w_.say("Page {} of {}");
    d.contents = w_.say("Contents");
    d.front.push_back(parties());
    title_block(d);

    select_packages();
    add(reading_guide());
    if (!m_.definitions.empty()) add(definitions());
    if (!m_.attributes.empty()) add(attributes());
    if (!packages_.empty() || !addons_.empty()) add(comparison());
    for (const Package* p : packages_) add(package_section(*p));
    for (const Package* a : addons_) add(addon_section(*a));
    if (auto examples = worked_examples(); !examples.sections.empty()) add(std::move(examples));
    add(signatures(), Part::signatures);
    if (!holiday_sets_.empty()) add(holiday_appendix(), Part::appendix);
    if (options_.findings) add(review_appendix(*options_.findings), Part::appendix);
    d.sections = std::move(sections_);
    number(d);
    resolve(d);
    if (options_.changes)
      mark_changes(d, *options_.changes, options_.compared_with, w_,
                   [this](const std::string& source) { return parse_source(source); });
    return d;
  }

 private:
  const Model& m_;
  const RenderOptions& options_;
  const Wording& w_;
  ClauseIndex index_;
  std::string client_, provider_;  // the parties' defined terms: "Customer", "Provider"
  std::map<std::string, std::string> hours_of_;  // package or add-on -> its hours section's id
  std::string hours_key_;                        // the package or add-on being written
  // Once numbered: each anchor's number, and the anchor of the first clause (or
  // else the section) stating each source line.
  std::map<std::string, std::string> number_of_;
  std::map<std::string, std::string> clause_at_, section_at_;
  std::map<std::string, std::string> section_of_;  // "package:premium" -> its section's id
  int numbered_ = 0;
  std::string root_;
  int year_;
  std::vector<const Package*> packages_, addons_;
  std::map<std::string, std::string> addon_base_;  // add-on -> the package it is shown with
  std::vector<std::string> holiday_sets_;          // in order of first use
  std::vector<doc::Section> sections_;
  std::set<std::string> ids_;
  std::map<std::string, int> next_suffix_;  // per base id, the next suffix to try
  int charts_ = 0;
  int appendices_ = 0;
  mutable std::map<std::string, std::pair<std::string, unsigned>> refs_;  // ref() -> file, line
  enum class Part { numbered, signatures, appendix };

  // ------------------------------------------------------------ references

  // "line 101", the reviewer's note of where a clause is stated; the file and line
  // of each note are kept for parse_source().
  std::string ref(const SourceRef& at) const {
    if (at.line == 0) return {};
    std::string out =
        at.file == root_ ? w_.say("line {}", at.line) : w_.say("{}, line {}", at.file, at.line);
    refs_.emplace(out, std::pair(at.file, at.line));
    return out;
  }
  std::string ref(const std::optional<Clause>& c, const SourceRef& fallback) const {
    return ref(c ? c->at : fallback);
  }
  std::string label(const std::optional<Clause>& c) const { return c ? c->label : std::string(); }

  // " (stated as “...”)": the contract's own wording beside a rule.
  std::string stated(std::string_view label) const {
    return label.empty() ? "" : w_.say(" (stated as {})", in_quotes(w_.own(label)));
  }

  // "4 business hours" in the document's words.
  std::string durations(std::string_view text) const { return unit_words(text, w_); }

  std::string and_words(const std::vector<std::string>& items) const { return and_list(items, w_); }
  std::string or_words(const std::vector<std::string>& items) const { return or_list(items, w_); }
  std::string percent(std::int64_t milli) const { return percent_words(milli, w_); }
  std::string kind_word(TargetKind k) const {
    switch (k) {
      case TargetKind::response:
        return w_.say("response");
      case TargetKind::resolution:
        return w_.say("resolution");
      case TargetKind::update:
        return w_.say("update");
      case TargetKind::restoration:
        return w_.say("restoration");
    }
    return std::string(name(k));
  }

  std::string commitment_words(Commitment c) const {
    return c == Commitment::committed ? w_.say("Committed") : w_.say("Best effort");
  }
  // "committed", "best effort", inside a sentence.
  std::string commitment_word(Commitment c) const {
    return c == Commitment::committed ? w_.say("committed") : w_.say("best effort");
  }

  std::string exclusion_words(const std::string& category) const {
    if (category == "scheduled maintenance") return w_.say("Scheduled maintenance");
    if (category == "third party") return w_.say("Third-party outages");
    if (category == "force majeure") return w_.say("Force majeure");
    return w_.say("Other");
  }

  // The package chain a merged clause may come from: add-ons first, then the
  // package, then its ancestors.
  std::vector<std::string> chain(const Package& p) const {
    std::vector<std::string> out(p.applied_addons.rbegin(), p.applied_addons.rend());
    out.push_back(p.id);
    for (const Package* q = m_.package(p.extends); q; q = m_.package(q->extends))
      out.push_back(q->id);
    return out;
  }
  std::vector<std::string> calendar_chain(const CalendarInfo& c) const {
    std::vector<std::string> out{c.id};
    for (const CalendarInfo* q = m_.calendar(c.extends); q; q = m_.calendar(q->extends))
      out.push_back(q->id);
    return out;
  }

  std::string title_of(const std::string& id) const {
    if (const Package* p = m_.package(id)) return p->title.empty() ? p->id : w_.own(p->title);
    if (const Package* a = m_.addon(id)) return a->title.empty() ? a->id : w_.own(a->title);
    return id;
  }

  // ------------------------------------------------------------ calendars and targets

  static bool is_union(const CalendarInfo& c) { return !c.union_of.empty(); }

  // The calendar a target runs on: its own ("on calendar X"), else the package's.
  const CalendarInfo* calendar_of(const Target& t, const CalendarInfo* package) const {
    if (t.calendar.empty()) return package;
    const CalendarInfo* c = m_.calendar(t.calendar);
    return c && c->calendar ? c : package;
  }
  bool on_other_hours(const Target& t, const CalendarInfo* package) const {
    const CalendarInfo* c = calendar_of(t, package);
    return c && package && c->id != package->id;
  }

  // A calendar as a reader sees it named: "calendar around_the_clock (“At any time”)".
  Inline calendar_name(const CalendarInfo& c) const {
    Inline out{text(w_.say("calendar ")), code(c.id)};
    if (!c.title.empty()) out.push_back(text(fmt::format(" ({})", in_quotes(w_.own(c.title)))));
    return out;
  }
  static std::string flat(const Inline& runs) {
    std::string out;
    for (const auto& r : runs) out += r.text;
    return out;
  }

  // The Monday of the week a union's hours are shown for: the second full week of
  // the contract's first year, which no zone changes its clocks in.
  date::local_days sample_monday() const {
    const date::local_days jan8{date::year(year_) / date::January / 8};
    return jan8 + (date::Monday - date::weekday{jan8});
  }

  std::vector<const CalendarInfo*> members_of(const CalendarInfo& c) const {
    std::vector<const CalendarInfo*> out;
    for (const auto& id : c.union_of)
      if (const CalendarInfo* m = m_.calendar(id); m && m->calendar) out.push_back(m);
    return out;
  }
  // Whether a union's members keep other zones than its own: its week then shifts
  // when one of them changes its clocks.
  bool members_keep_other_zones(const CalendarInfo& c) const {
    for (const CalendarInfo* m : members_of(c))
      if (m->zone != c.zone || (is_union(*m) && members_keep_other_zones(*m))) return true;
    return false;
  }
  // "“Jakarta desk” or “Amsterdam desk”"
  std::string members_words(const CalendarInfo& c) const {
    std::vector<std::string> names;
    for (const CalendarInfo* m : members_of(c))
      names.push_back(in_quotes(m->title.empty() ? m->id : w_.own(m->title)));
    return or_words(names);
  }

  WeeklyCoverage coverage_of(const CalendarInfo& c) const {
    const std::string zone = zone_words(c, year_, w_);
    WeeklyCoverage out = is_union(c) ? sampled_coverage(*c.calendar, sample_monday(), zone)
                                     : weekly_coverage(c.calendar->spec(), zone);
    out.words = chart_words(w_);
    return out;
  }
  // The weekly hours in words; a union's are its members' together.
  std::string week_words(const CalendarInfo& c) const {
    if (is_union(c)) return coverage_words(coverage_of(c), w_);
    return weekly_hours(c.calendar->spec(), w_);
  }
  // For a union whose members keep other zones: the week its hours are shown for.
  std::string sample_week_words(const CalendarInfo& c) const {
    if (!is_union(c) || !members_keep_other_zones(c)) return {};
    return w_.say(
        "as in the week of {}; the members keep their own time zones, so these hours move when "
        "one of them changes its clocks",
        day_name(sample_monday(), true, w_));
  }

  std::string kind_plural(TargetKind k) const {
    switch (k) {
      case TargetKind::response:
        return w_.say("responses");
      case TargetKind::resolution:
        return w_.say("resolutions");
      case TargetKind::update:
        return w_.say("updates");
      case TargetKind::restoration:
        return w_.say("restorations");
    }
    return w_.say("targets");
  }

  // where route is "e-mail", "phone" -> route is “e-mail” or “phone”
  std::string condition_words(const Condition& c) const {
    std::vector<std::string> values;
    for (const auto& v : c.values) values.push_back(in_quotes(v));
    // TRANSLATORS: a condition on a ticket's attribute: "route is “e-mail” or “phone”".
    return w_.say("{} is {}", c.attribute, or_words(values));
  }

  // Who a target is for, as a table's row heading: "P1", "P1, where route is
  // “e-mail”", "Any ticket where kind is “feedback” (any priority, or none)".
  std::string target_for_words(const Target& t) const {
    if (t.where && t.for_all)
      return w_.say("Any ticket where {} (any priority, or none)", condition_words(*t.where));
    if (t.where) return w_.say("{}, where {}", t.priority, condition_words(*t.where));
    return t.priority;
  }

  std::string at_clock(int minutes) const { return clock_words(minutes, w_); }

  // A target's time in words: "4 business hours", "by 12:00 on the next business
  // day", "an update at least every 1 hour".
  std::string target_value(const Target& t, const CalendarInfo* package) const {
    if (t.by) {
      if (!t.by->at_minutes) return w_.say("by the end of the next business day");
      return w_.say("by {} on the next business day", at_clock(*t.by->at_minutes));
    }
    const std::string d = duration_words(t.within, calendar_of(t, package), &w_);
    return t.kind == TargetKind::update ? w_.say("an update at least every {}", d) : d;
  }
  // The same, short, for the packages at a glance: "30 minutes", "every 1 hour".
  std::string short_value(const Target& t) const {
    if (t.by)
      return t.by->at_minutes ? w_.say("by {} next business day", at_clock(*t.by->at_minutes))
                              : w_.say("by end of next business day");
    return t.kind == TargetKind::update ? w_.say("every {}", durations(t.within.text))
                                        : durations(t.within.text);
  }

  // Which time a target counts: "Operating hours only", "Around the clock, on
  // calendar around_the_clock (“At any time”)".
  Inline counted_words(const Target& t, const CalendarInfo* package) const {
    if (!on_other_hours(t, package)) {
      if (t.by) return doc::plain(w_.say("Business days of the operating hours"));
      return doc::plain(t.within.business ? w_.say("Operating hours only")
                                          : w_.say("Around the clock"));
    }
    Inline out = doc::plain(t.by                ? w_.say("Business days of ")
                            : t.within.business ? w_.say("Only the open hours of ")
                                                : w_.say("Around the clock, on "));
    for (auto& r : calendar_name(*calendar_of(t, package))) out.push_back(std::move(r));
    return out;
  }

  // The targets of `p` on other hours than `package`, by calendar, in the order stated.
  std::vector<std::pair<const CalendarInfo*, std::vector<const Target*>>> other_hours(
      const Package& p, const CalendarInfo* package) const {
    std::vector<std::pair<const CalendarInfo*, std::vector<const Target*>>> out;
    std::vector<const Target*> targets;
    for (const auto& t : p.targets) targets.push_back(&t);
    std::stable_sort(targets.begin(), targets.end(), [](const Target* a, const Target* b) {
      return std::pair(a->span.file, a->span.line) < std::pair(b->span.file, b->span.line);
    });
    for (const Target* t : targets) {
      if (!on_other_hours(*t, package)) continue;
      const CalendarInfo* c = calendar_of(*t, package);
      auto it = std::find_if(out.begin(), out.end(), [&](auto& x) { return x.first == c; });
      if (it == out.end()) it = out.insert(out.end(), {c, {}});
      it->second.push_back(t);
    }
    return out;
  }

  // "P1 responses and updates", "restorations of tickets where fault is
  // “hardware failure”": what some targets are, by whom they are for.
  std::string targets_words(const std::vector<const Target*>& targets) const {
    std::vector<std::pair<std::string, std::vector<TargetKind>>> groups;  // for whom, kinds
    std::vector<bool> plain_priority;
    for (const Target* t : targets) {
      std::string who;
      if (t->for_all && t->where)
        who = w_.say("tickets where {}", condition_words(*t->where));
      else if (t->for_all)
        who = w_.say("tickets of every priority");
      else if (t->where)
        who = w_.say("{} tickets where {}", t->priority, condition_words(*t->where));
      else
        who = t->priority;
      auto it = std::find_if(groups.begin(), groups.end(), [&](auto& g) { return g.first == who; });
      if (it == groups.end()) {
        it = groups.insert(groups.end(), {who, {}});
        plain_priority.push_back(!t->for_all && !t->where);
      }
      if (std::find(it->second.begin(), it->second.end(), t->kind) == it->second.end())
        it->second.push_back(t->kind);
    }
    std::vector<std::string> parts;
    for (std::size_t i = 0; i < groups.size(); ++i) {
      std::vector<std::string> kinds;
      for (TargetKind k : groups[i].second) kinds.push_back(kind_plural(k));
      const bool to = groups[i].second.size() == 1 && groups[i].second[0] == TargetKind::response;
      // TRANSLATORS: "{0} {1}": a priority and kinds of target: "Critical responses
      // and updates"; "{0} to {1}", "{0} of {1}": kinds of target and the tickets they
      // are for: "responses to tickets where …", "resolutions of tickets where …".
      parts.push_back(plain_priority[i] ? w_.say("{0} {1}", groups[i].first, and_words(kinds))
                      : to              ? w_.say("{0} to {1}", and_words(kinds), groups[i].first)
                                        : w_.say("{0} of {1}", and_words(kinds), groups[i].first));
    }
    return fmt::format("{}", fmt::join(parts, "; "));
  }

  // ------------------------------------------------------------ sections

  std::string unique_id(std::string_view title) {
    std::string id;
    for (char c : title) {
      if (std::isalnum(static_cast<unsigned char>(c)))
        id += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      else if (!id.empty() && id.back() != '-')
        id += '-';
    }
    while (!id.empty() && id.back() == '-') id.pop_back();
    if (id.empty() || std::isdigit(static_cast<unsigned char>(id[0]))) id = "s-" + id;
    // Repeated titles take -2, -3, ...; the next suffix to try is kept per base id,
    // so a thousand packages of one title cost a thousand probes, not half a million.
    std::string candidate = id;
    int& n = next_suffix_[id];
    if (n < 2) n = 2;
    while (ids_.count(candidate)) candidate = fmt::format("{}-{}", id, n++);
    ids_.insert(candidate);
    return candidate;
  }

  doc::Section section(std::string title, std::string source = {}) {
    doc::Section s;
    s.id = unique_id(title);
    s.title = std::move(title);
    s.source = std::move(source);
    return s;
  }

  // Top-level sections are numbered, appendices lettered, the signatures neither;
  // subsections take their parent's number ("4.2 Operating hours").
  void add(doc::Section s, Part part = Part::numbered) {
    if (part == Part::numbered) {
      s.number = fmt::format("{}", ++numbered_);
      s.title = fmt::format("{}. {}", s.number, s.title);
    } else if (part == Part::appendix) {
      s.number = std::string(1, static_cast<char>('A' + appendices_++));
      s.title = w_.say("Appendix {}: {}", s.number, s.title);
    }
    int n = 0;
    if (!s.number.empty())
      for (auto& sub : s.sections) {
        sub.number = fmt::format("{}.{}", s.number, ++n);
        sub.title = fmt::format("{} {}", sub.number, sub.title);
      }
    sections_.push_back(std::move(s));
  }

  // ------------------------------------------------------------ clause numbers

  // The clauses of a section without subsections take its number and their place:
  // 4.3.1, 4.3.2, ... A list or a table that states clauses numbers every item or
  // row; the introduction of a section with subsections is not numbered.
  void number(doc::Section& s) {
    if (!s.number.empty()) {
      number_of_[s.id] = s.number;
      if (!s.source.empty()) section_at_.emplace(s.source, s.id);
    }
    if (!s.number.empty() && s.sections.empty()) {
      int n = 0;
      auto next = [&](doc::Numbering& at, const std::string& source) {
        at.number = fmt::format("{}.{}", s.number, ++n);
        if (at.anchor.empty()) {
          at.anchor = "clause-" + at.number;
          std::replace(at.anchor.begin(), at.anchor.end(), '.', '-');
        }
        number_of_[at.anchor] = at.number;
        if (!source.empty()) clause_at_.emplace(source, at.anchor);
      };
      for (auto& b : s.blocks) {
        if (auto* p = std::get_if<doc::Paragraph>(&b); p && p->clause) {
          next(p->numbering, p->source);
        } else if (auto* l = std::get_if<doc::List>(&b)) {
          if (std::any_of(l->items.begin(), l->items.end(), [](auto& i) { return i.clause; }))
            for (auto& item : l->items) next(item.numbering, item.source);
        } else if (auto* g = std::get_if<doc::Glossary>(&b)) {
          for (auto& t : g->terms) next(t.numbering, t.source);
        } else if (auto* t = std::get_if<doc::Table>(&b)) {
          if (std::none_of(t->sources.begin(), t->sources.end(),
                           [](auto& x) { return !x.empty(); }))
            continue;
          if (t->clause_column.empty()) t->clause_column = w_.say("Clause");
          t->numbering.resize(t->rows.size());
          for (std::size_t i = 0; i < t->rows.size(); ++i)
            next(t->numbering[i], i < t->sources.size() ? t->sources[i] : std::string());
        }
      }
    }
    for (auto& sub : s.sections) number(sub);
  }

  void number(doc::Document& d) {
    for (auto& s : d.sections) number(s);
  }

  // The anchor of the clause that states `source`; else of the section; else of the
  // last clause stated before it in the same item (a finding inside a block).
  std::string anchor_at(const std::string& source) const {
    if (auto it = clause_at_.find(source); it != clause_at_.end()) return it->second;
    if (auto it = section_at_.find(source); it != section_at_.end()) return it->second;
    const auto [file, line] = parse_source(source);
    const auto extent = index_.extent(file, line);
    if (!extent) return {};
    std::string best;
    unsigned best_line = 0;
    for (const auto* at : {&clause_at_, &section_at_})
      for (const auto& [s, anchor] : *at) {
        const auto [f, l] = parse_source(s);
        if (f == file && l >= extent->first && l <= line && l > best_line) {
          best_line = l;
          best = anchor;
        }
      }
    return best;
  }

  // "line 101" -> (the contract's file, 101); "std/holidays/id, line 7" -> (..., 7).
  std::pair<std::string, unsigned> parse_source(const std::string& source) const {
    if (auto it = refs_.find(source); it != refs_.end()) return it->second;
    return {{}, 0};
  }

  // A citation: "clause 4.3.2", linked, with its line as a reviewer's aid. A key
  // beginning with '?' stands for a dash when the document states no such clause;
  // otherwise the line itself is the reference.
  std::vector<Run> citation(std::string key) const {
    const bool dash = key.starts_with('?');
    if (dash) key.erase(0, 1);
    std::string anchor, source;
    if (key.starts_with('#')) {
      anchor = key.substr(1);
      if (auto it = section_of_.find(anchor); it != section_of_.end()) anchor = it->second;
    } else {
      source = key;
      anchor = anchor_at(key);
    }
    auto it = number_of_.find(anchor);
    if (it == number_of_.end()) return {text(dash ? "\u2014" : source)};
    const bool appendix = std::isalpha(static_cast<unsigned char>(it->second.front()));
    return {Run{Run::Style::clause,
                appendix ? w_.say("Appendix {}", it->second) : w_.say("clause {}", it->second),
                anchor, source}};
  }

  void resolve(Inline& runs) const {
    if (std::none_of(runs.begin(), runs.end(),
                     [](const Run& r) { return r.text.find(cite_open) != std::string::npos; }))
      return;
    Inline out;
    for (auto& r : runs) {
      std::size_t at = 0;
      for (std::size_t open = r.text.find(cite_open); open != std::string::npos;
           open = r.text.find(cite_open, at)) {
        const std::size_t close = r.text.find(cite_close, open);
        if (open > at) out.push_back({r.style, r.text.substr(at, open - at), {}, {}});
        for (auto& c : citation(r.text.substr(open + 1, close - open - 1)))
          out.push_back(std::move(c));
        at = close + 1;
      }
      if (at == 0)
        out.push_back(std::move(r));
      else if (at < r.text.size())
        out.push_back({r.style, r.text.substr(at), {}, {}});
    }
    runs = std::move(out);
  }

  void resolve(doc::Block& b) const {
    if (auto* p = std::get_if<doc::Paragraph>(&b)) resolve(p->text);
    if (auto* l = std::get_if<doc::List>(&b))
      for (auto& item : l->items) resolve(item.text);
    if (auto* g = std::get_if<doc::Glossary>(&b))
      for (auto& t : g->terms) resolve(t.meaning);
    if (auto* t = std::get_if<doc::Table>(&b))
      for (auto& row : t->rows)
        for (auto& cell : row) resolve(cell);
  }

  void resolve(doc::Section& s) const {
    for (auto& b : s.blocks) resolve(b);
    for (auto& sub : s.sections) resolve(sub);
  }

  void resolve(doc::Document& d) const {
    for (auto& b : d.front) resolve(b);
    for (auto& s : d.sections) resolve(s);
  }

  // ------------------------------------------------------------ parties

  doc::Party party(std::string term, std::string name) const {
    return {term, std::move(name), w_.say("(the \u201c{}\u201d)", term)};
  }

  doc::Parties parties() const {
    doc::Parties p;
    p.intro = doc::plain(w_.say("This agreement is made between:"));
    p.parties = {party(provider_, m_.contract.provider), party(client_, m_.contract.client)};
    p.joiner = w_.say("and");
    p.closing = doc::plain(w_.say(
        "The {0} provides the support set out below to the {1}; the {1} may choose among the "
        "packages and add-ons the agreement offers.",
        provider_, client_));
    return p;
  }

  doc::Section signatures() {
    doc::Section s = section(w_.say("Signatures"));
    s.new_page = true;
    s.blocks.push_back(para(w_.say(
        "Signed for and on behalf of each party by a person authorised to do so, on the date "
        "written beside the signature.")));
    doc::Signatures sig;
    sig.parties = {party(provider_, m_.contract.provider), party(client_, m_.contract.client)};
    sig.for_words = w_.say("For");
    sig.lines = {w_.say("Signature"), w_.say("Name"), w_.say("Title"), w_.say("Date")};
    s.blocks.push_back(std::move(sig));
    return s;
  }

  // ------------------------------------------------------------ front matter

  void title_block(doc::Document& d) {
    const Header& h = m_.contract;
    doc::Table t;
    t.caption = w_.say("The agreement");
    t.columns = {w_.say("Term"), w_.say("Value")};
    auto row = [&](std::string name, std::string value, std::string source) {
      t.rows.push_back({doc::plain(std::move(name)), doc::plain(std::move(value))});
      t.sources.push_back(std::move(source));
    };
    auto header = [&](Kind k) { return index_.find("", k); };
    if (!h.provider.empty()) row(provider_, h.provider, ref(header(Kind::provider), h.span));
    if (!h.client.empty()) row(client_, h.client, ref(header(Kind::client), h.span));
    if (!h.version.empty()) row(w_.say("Version"), h.version, ref(header(Kind::version), h.span));
    if (!h.effective.empty())
      row(w_.say("In force from"), long_date(h.effective, w_),
          ref(header(Kind::effective), h.span));
    if (!h.ends.empty())
      row(w_.say("In force until"), w_.say("{} (the last day in force)", long_date(h.ends, w_)),
          ref(header(Kind::ends), h.span));
    else if (!h.effective.empty())
      row(w_.say("In force until"), w_.say("No end date is stated"), ref(h.span));
    if (!h.review_cycle.empty())
      row(w_.say("Review"),
          w_.say("Reviewed {}{}", review_words(h.review_cycle), stated(h.review_label)),
          ref(header(Kind::reviewed), h.span));
    if (h.change_notice) {
      // How and to whom, when the contract says: a notice is only as good as its
      // channel and recipient (lint SLA117 asks for them).
      const std::string notice = durations(h.change_notice->text);
      const std::string label = stated(h.change_notice_label);
      const std::string via = w_.own(h.change_notice_via), to = w_.own(h.change_notice_to);
      std::string words;
      if (!to.empty() && !via.empty())
        words = w_.say("Changes are notified to {} by {} at least {} in advance{}", to, via, notice,
                       label);
      else if (!to.empty())
        words = w_.say("Changes are notified to {} at least {} in advance{}", to, notice, label);
      else if (!via.empty())
        words = w_.say("The {} is informed of changes by {} at least {} in advance{}", client_, via,
                       notice, label);
      else
        words = w_.say("The {} is informed of changes at least {} in advance{}", client_, notice,
                       label);
      row(w_.say("Changes"), words, ref(header(Kind::change_notice), h.span));
    }
    // The front matter is not numbered: its lines stay notes for the reviewer.
    t.clause_column = w_.say("Line");
    if (!t.rows.empty()) d.front.push_back(std::move(t));
    if (!h.summary.empty())
      d.front.push_back(para(w_.own(h.summary), ref(header(Kind::summary), h.span)));
    const std::string file = std::filesystem::path(root_).filename().string();
    d.front.push_back(para(
        {text(w_.say("This document is generated from the contract file ")), code(file),
         text(w_.say(", the same file whose rules the support tools apply to every ticket, so the "
                     "two cannot disagree. Clauses are numbered and cited by number; beside each "
                     "clause, a note names the line of that file that states it, as \u201cline "
                     "101\u201d, for the reviewer."))}));
  }

  // What the packages shown use, for the rules of reading said once for all of them.
  bool any_target(const std::function<bool(const Target&)>& pred) const {
    for (const auto* list : {&packages_, &addons_})
      for (const Package* p : *list)
        if (std::any_of(p->targets.begin(), p->targets.end(), pred)) return true;
    return false;
  }
  bool any_ticket_credits() const {
    for (const auto* list : {&packages_, &addons_})
      for (const Package* p : *list)
        if (!p->ticket_credits.empty()) return true;
    return false;
  }

  doc::Section reading_guide() {
    doc::Section s = section(w_.say("How to read this agreement"));
    s.blocks.push_back(rule(
        {strong(w_.say("Business hours")), text(w_.say(" and ")), strong(w_.say("business days")),
         text(w_.say(
             " count only the time the support desk is open, as set out under each package\u2019s "
             "operating hours: nights, closed weekdays and, where they close the desk, public "
             "holidays do not count. One business day is the length of one full operating day, "
             "stated with each package."))},
        "rule-business-time"));
    s.blocks.push_back(rule(
        {strong(w_.say("Hours")), text(w_.say(" and ")), strong(w_.say("days")),
         text(w_.say(" without the word \u201cbusiness\u201d are calendar time: they run around "
                     "the clock, whether the desk is open or not."))},
        "rule-calendar-time"));
    s.blocks.push_back(rule(
        {strong(w_.say("Committed")), text(w_.say(" times and targets bind the {}. ", provider_)),
         strong(w_.say("Best effort")),
         text(w_.say(" means the {} aims for them without committing to them.", provider_))},
        "rule-commitment"));
    s.blocks.push_back(rule(
        doc::plain(w_.say(
            "Times of day are local to the time zone stated with each package\u2019s operating "
            "hours. Where the contract keeps its original wording beside a rule, the wording is "
            "quoted as \u201cstated as \u2026\u201d.")),
        "rule-local-time"));
    // Rules that several packages would otherwise each repeat: said here, once.
    if (any_target([](const Target& t) { return t.where.has_value(); })) {
      std::string words = w_.say(
          "A target stated for some values of an attribute (\u201cwhere \u2026\u201d) applies "
          "only to tickets with one of those values, and for them takes the place of the target "
          "of their priority; a ticket that meets several takes the first the contract states.");
      if (any_target([](const Target& t) { return t.where && t.for_all; }))
        words += w_.say(
            " A ticket without a priority is judged only by the targets for any ticket with such "
            "a condition; with none of them, no time applies to it.");
      s.blocks.push_back(rule(doc::plain(words), "rule-conditions"));
    }
    if (any_target([](const Target& t) { return t.kind == TargetKind::update; }))
      s.blocks.push_back(rule(
          doc::plain(w_.say(
              "An update time is the longest the {} waits between two updates while the ticket "
              "is open: from the first response (which counts as the first update) until the "
              "resolution. Nothing is owed before the first response.",
              client_)),
          "rule-updates"));
    if (any_target([](const Target& t) { return t.kind == TargetKind::restoration; }))
      s.blocks.push_back(rule(
          doc::plain(
              w_.say("A restoration time ends when the service is restored, or a workaround given, "
                     "which is often before the issue is resolved; a ticket resolved without a "
                     "restoration time stated counts as restored when it is resolved.")),
          "rule-restorations"));
    if (any_ticket_credits())
      s.blocks.push_back(rule(
          doc::plain(w_.say(
              "Only a committed target earns a service credit: missing a best-effort one earns "
              "nothing. A ticket takes the rule for its own priority before the rule for any "
              "priority, earns each credit at most once, and earns it in the month in which the "
              "missed target fell due (for updates, the first missed update).")),
          "rule-credits"));
    return s;
  }

  doc::Section definitions() {
    doc::Section s = section(w_.say("Definitions"));
    doc::Glossary g;
    for (const auto& d : m_.definitions)
      g.terms.push_back({w_.own(d.term), doc::plain(w_.own(d.meaning)), ref(d.span), {}});
    s.blocks.push_back(std::move(g));
    return s;
  }

  doc::Section attributes() {
    doc::Section s = section(w_.say("Ticket attributes"));
    s.blocks.push_back(para(w_.say(
        "Besides its priority, a ticket may carry the attributes below, each with one of the "
        "values listed (in any case: \u201cPhone\u201d is \u201cphone\u201d) or with none. "
        "Some targets apply only to tickets with certain values; a ticket without a value for "
        "an attribute meets no condition on it.")));
    doc::Glossary g;
    for (const auto& a : m_.attributes) {
      std::vector<std::string> values;
      for (const auto& v : a.values) values.push_back(in_quotes(v));
      std::string meaning = a.label.empty() ? "" : capitalized(w_.own(a.label)) + ". ";
      meaning += a.values.size() == 1 ? w_.say("Its one value: {}.", and_words(values))
                                      : w_.say("Its values: {}.", and_words(values));
      std::vector<std::string> used;
      for (const auto* list : {&m_.packages, &m_.addons})
        for (const auto& p : *list) {
          std::vector<const Target*> ts;
          for (const auto& t : p.targets)
            if (t.where && t.where->attribute == a.name) ts.push_back(&t);
          if (!ts.empty()) used.push_back(w_.say("{} under {}", targets_words(ts), title_of(p.id)));
        }
      meaning += used.empty() ? w_.say(" No target depends on it.")
                              : w_.say(" Targets that depend on it: {}.",
                                       fmt::format("{}", fmt::join(used, "; ")));
      g.terms.push_back({a.name, doc::plain(meaning), ref(a.span), {}});
    }
    s.blocks.push_back(std::move(g));
    return s;
  }

  // ------------------------------------------------------------ which packages

  // The add-ons `package` can take: those whose requirements it (or add-ons it
  // can take) meets. The selection rules are the Model's.
  bool can_take(const Package& package, const Package& addon) const {
    std::vector<std::string> with;
    for (const auto& r : addon.requires_)
      if (m_.addon(r)) with.push_back(r);
    with.push_back(addon.id);
    return select(m_, package.id, with).package.has_value();
  }

  void select_packages() {
    for (const auto& p : m_.packages)
      if (options_.package.empty() || p.id == options_.package) packages_.push_back(&p);
    for (const auto& a : m_.addons) {
      // Shown with the package it requires, or else the first one that can take it.
      const Package* base = nullptr;
      for (const auto& r : a.requires_)
        if (const Package* p = m_.package(r); p && can_take(*p, a)) {
          base = p;
          break;
        }
      if (!base)
        for (const Package* p : packages_)
          if (can_take(*p, a)) {
            base = p;
            break;
          }
      if (!options_.package.empty()) {
        if (packages_.empty() || !can_take(*packages_.front(), a)) continue;
        base = packages_.front();
      }
      if (base) addon_base_[a.id] = base->id;
      addons_.push_back(&a);
    }
  }

  // ------------------------------------------------------------ at a glance

  std::string targets_summary(const Package& p, TargetKind kind) const {
    std::vector<const Target*> ts;
    for (auto it = m_.priorities.rbegin(); it != m_.priorities.rend(); ++it)
      if (const Target* t = p.target(kind, it->name)) ts.push_back(t);
    if (ts.empty()) return {};
    const bool same_value = std::all_of(ts.begin(), ts.end(), [&](const Target* t) {
      return short_value(*t) == short_value(*ts.front()) && t->calendar == ts.front()->calendar;
    });
    const bool same_commitment = std::all_of(ts.begin(), ts.end(), [&](const Target* t) {
      return t->commitment == ts.front()->commitment;
    });
    std::string out;
    if (same_value && ts.size() == m_.priorities.size()) {
      out = w_.say("{} for every priority", short_value(*ts.front()));
    } else {
      std::vector<std::string> parts;
      for (const Target* t : ts)
        parts.push_back(same_commitment ? fmt::format("{} {}", t->priority, short_value(*t))
                                        : fmt::format("{} {} ({})", t->priority, short_value(*t),
                                                      commitment_word(t->commitment)));
      out = and_words(parts);
    }
    if (same_commitment) out += fmt::format(" ({})", commitment_word(ts.front()->commitment));
    return out;
  }

  // What a package or add-on gives, in a few lines.
  Inline includes(const Package& p, const Package* own, const Package* parent) const {
    Inline cell;
    auto line = [&](std::string s) {
      if (!cell.empty()) cell.push_back(line_break());
      cell.push_back(text(std::move(s)));
    };
    const Package& says = own ? *own : p;
    if (own) {
      if (auto it = addon_base_.find(own->id); it != addon_base_.end())
        line(w_.say("Everything in {}, plus:", title_of(it->second)));
    } else if (parent) {
      line(w_.say("Everything in {}, plus:", w_.own(parent->title)));
    }
    auto inherited = [&](auto& list, const std::string& name) {
      if (!parent || own) return false;
      return std::any_of(list.begin(), list.end(), [&](auto& x) { return x.name == name; });
    };
    std::vector<std::string> channels;
    for (const auto& c : says.channels)
      if (!inherited(parent ? parent->channels : says.channels, c.name))
        channels.push_back(c.at.empty() ? w_.own(c.name)
                                        : fmt::format("{} ({})", w_.own(c.name), c.at));
    if (!channels.empty()) line(w_.say("Support channels: {}", and_words(channels)));
    for (const auto& f : says.features)
      if (!inherited(parent ? parent->features : says.features, f.name)) line(w_.own(f.name));
    const CalendarInfo* cal = m_.calendar(p.calendar);
    if (cal && cal->calendar && (!own || !own->calendar.empty()) &&
        (!parent || own || parent->calendar != p.calendar))
      line(w_.say("Operating hours: {}", week_words(*cal)));
    if (cal && cal->calendar) {
      auto other_lines = [&](const Package& q) {
        std::vector<std::string> out;
        for (const auto& [other, ts] : other_hours(q, cal))
          out.push_back(w_.say("{}: {}", capitalized(targets_words(ts)), week_words(*other)));
        return out;
      };
      const auto mine = other_lines(says);
      if (own || !parent || other_lines(*parent) != mine)
        for (const auto& l : mine) line(l);
    }
    auto changed_targets = [&](TargetKind kind) {
      if (own)
        return std::any_of(own->targets.begin(), own->targets.end(),
                           [&](const Target& t) { return t.kind == kind; });
      return !parent || targets_summary(*parent, kind) != targets_summary(p, kind);
    };
    if (changed_targets(TargetKind::response))
      if (auto s = targets_summary(p, TargetKind::response); !s.empty())
        line(w_.say("Response: {}", s));
    if (changed_targets(TargetKind::resolution))
      if (auto s = targets_summary(p, TargetKind::resolution); !s.empty())
        line(w_.say("Resolution: {}", s));
    if (changed_targets(TargetKind::update))
      if (auto s = targets_summary(p, TargetKind::update); !s.empty())
        line(w_.say("Updates: {}", s));
    if (changed_targets(TargetKind::restoration))
      if (auto s = targets_summary(p, TargetKind::restoration); !s.empty())
        line(w_.say("Restoration: {}", s));
    auto roles = [&](const std::vector<EscalationBand>& bands) {
      std::vector<std::string> out;
      for (const auto& b : bands)
        out.push_back(b.channel.empty() ? w_.own(b.role)
                                        : w_.say("{} (via {})", w_.own(b.role), w_.own(b.channel)));
      return then_list(out, w_);
    };
    if (says.ladders.empty()) {
      if (says.escalation && (own || !parent || !parent->escalation ||
                              parent->escalation->size() != says.escalation->size()))
        line(w_.say("Escalation: {}", roles(*says.escalation)));
    } else if (own || !parent || parent->ladders.size() != says.ladders.size() ||
               static_cast<bool>(parent->escalation) != static_cast<bool>(says.escalation)) {
      std::vector<std::string> parts;
      for (const auto& l : says.ladders)
        parts.push_back(w_.say("{} tickets: {}", and_words(l.priorities), roles(l.bands)));
      if (says.escalation && !says.escalation->empty())
        parts.push_back(w_.say("other tickets: {}", roles(*says.escalation)));
      line(w_.say("Escalation: {}", fmt::format("{}", fmt::join(parts, "; "))));
    }
    if (!says.ticket_credits.empty() &&
        (own || !parent || parent->ticket_credits.size() != says.ticket_credits.size())) {
      std::vector<std::string> rules;
      for (const auto& c : says.ticket_credits)
        rules.push_back(c.priority.empty()
                            ? w_.say("{} per late {}", percent(c.percent_milli), kind_word(c.kind))
                            : w_.say("{} per late {} {}", percent(c.percent_milli), c.priority,
                                     kind_word(c.kind)));
      line(says.credit_cap_milli ? w_.say("Service credits: {}; at most {} a month",
                                          and_words(rules), percent(*says.credit_cap_milli))
                                 : w_.say("Service credits: {}", and_words(rules)));
    }
    for (const auto& u : says.uptime) {
      const Uptime* before = nullptr;
      if (parent && !own)
        for (const auto& x : parent->uptime)
          if (x.service == u.service) before = &x;
      if (before && before->commitment == u.commitment && before->target_milli == u.target_milli)
        continue;
      if (u.target_milli)
        line(w_.say("{} uptime: {} ({})", w_.own(u.service), percent(*u.target_milli),
                    commitment_word(u.commitment)));
    }
    if (cell.empty()) line("\u2014");
    return cell;
  }

  std::string sold_words(const Package& p) const {
    if (p.is_addon) {
      std::vector<std::string> needs;
      for (const auto& r : p.requires_) needs.push_back(title_of(r));
      std::string out = needs.empty() ? w_.say("Add-on") : w_.say("Add-on to {}", and_words(needs));
      if (!p.excludes.empty()) {
        std::vector<std::string> not_with;
        for (const auto& x : p.excludes) not_with.push_back(title_of(x));
        out += w_.say("; cannot be combined with {}", or_words(not_with));
      }
      return out;
    }
    if (!p.sold_included_in.empty() && !p.sold_separately)
      return w_.say("Included in the {}{}", w_.own(p.sold_included_in), stated(p.sold_label));
    if (p.sold_separately) return w_.say("Sold separately{}", stated(p.sold_label));
    return w_.say("Not stated");
  }

  // "IDR 216,000,000 per year": an amount and its period.
  std::string money(const Money& m) const {
    const std::string amount = money_words(m, w_);
    if (m.period.empty()) return amount;
    return fmt::format("{} {}", amount, period_word(m.period));
  }
  std::string period_word(const std::string& period) const {
    if (period == "per year") return w_.say("per year");
    if (period == "per month") return w_.say("per month");
    if (period == "one-off") return w_.say("one-off");
    return w_.say(period);
  }

  std::string price_words(const Package& p) const {
    if (p.price) return money(*p.price) + stated(p.price->label);
    if (!p.sold_included_in.empty()) return w_.say("No separate price");
    return w_.say("Not stated");
  }

  doc::Section comparison() {
    doc::Section s = section(w_.say("Packages at a glance"));
    s.blocks.push_back(para(
        w_.say("What each package and add-on includes, how it is sold and what it costs. The full "
               "terms of each follow in their own sections.")));
    doc::Table t;
    t.caption = w_.say("Packages and add-ons");
    // A summary, not clauses: each row cites the section with the terms in full.
    t.columns = {w_.say("Package"), w_.say("What it includes"), w_.say("How it is sold"),
                 w_.say("Price"), w_.say("Terms")};
    for (const Package* p : packages_)
      t.rows.push_back({doc::plain(w_.own(p->title)), includes(*p, nullptr, m_.package(p->extends)),
                        doc::plain(sold_words(*p)), doc::plain(price_words(*p)),
                        doc::plain(cite("#package:" + p->id))});
    for (const Package* a : addons_) {
      const Package merged = merged_addon(*a);
      t.rows.push_back({doc::plain(w_.say("{} (add-on)", w_.own(a->title))),
                        includes(merged, a, nullptr), doc::plain(sold_words(*a)),
                        doc::plain(price_words(*a)), doc::plain(cite("#package:" + a->id))});
    }
    s.blocks.push_back(std::move(t));
    return s;
  }

  Package merged_addon(const Package& a) const {
    if (auto it = addon_base_.find(a.id); it != addon_base_.end()) {
      std::vector<std::string> with;
      for (const auto& r : a.requires_)
        if (m_.addon(r)) with.push_back(r);
      with.push_back(a.id);
      if (auto sel = select(m_, it->second, with); sel.package) return *sel.package;
    }
    return a;
  }

  // ------------------------------------------------------------ package terms

  // "Monday to Friday, 09:00–17:00, Asia/Jakarta time (UTC+07:00); closed on
  // Saturday and Sunday, and on public holidays"; for a union, its members' hours
  // together: "..., the hours in which “Jakarta desk” or “Amsterdam desk” is open".
  std::string hours_sentence(const CalendarInfo& cal) const {
    if (is_union(cal)) {
      const std::string week = sample_week_words(cal);
      return w_.say("{}, {}{}: the hours in which {} is open", week_words(cal),
                    zone_words(cal, year_, w_), week.empty() ? "" : fmt::format(" ({})", week),
                    members_words(cal));
    }
    std::string out =
        fmt::format("{}, {}", weekly_hours(cal.calendar->spec(), w_), zone_words(cal, year_, w_));
    const std::string days = closed_weekdays(cal.calendar->spec(), w_);
    if (!days.empty() && !cal.holiday_sets.empty())
      out += w_.say("; closed on {}, and on public holidays", days);
    else if (!days.empty())
      out += w_.say("; closed on {}", days);
    else if (!cal.holiday_sets.empty())
      out += w_.say("; closed on public holidays");
    return out;
  }

  std::vector<std::string> holiday_set_names(const CalendarInfo& cal) {
    std::vector<std::string> names;
    for (const auto& id : cal.holiday_sets) {
      if (std::find(holiday_sets_.begin(), holiday_sets_.end(), id) == holiday_sets_.end())
        holiday_sets_.push_back(id);
      const auto* set = find_set(id);
      names.push_back(set && !set->title.empty() ? own_or_library(set->title, set->span) : id);
    }
    return names;
  }

  // A text of the contract in the document's words; a standard library's (a
  // holiday set of std/) in the contract's translation if it gives one, else as the
  // library writes it.
  std::string own_or_library(const std::string& text, const SourceRef& at) const {
    return at.file.starts_with("std/") ? w_.library(text) : w_.own(text);
  }

  // A union's member, in one paragraph and its special dates: "“In hours” (calendar
  // in_hours): Monday to Friday, 09:30–17:30, Europe/London time (…); closed on
  // Saturday and Sunday, and on public holidays (the Bank holidays …)."
  void member_blocks(std::vector<doc::Block>& blocks, const CalendarInfo& m) {
    Inline item;
    if (m.title.empty())
      item = {text(w_.say("Calendar ")), code(m.id), text(w_.say(": "))};
    else
      item = {strong(w_.own(m.title)), text(w_.say(" (calendar ")), code(m.id),
              text(w_.say("): "))};
    std::string words;
    if (is_union(m)) {
      words = hours_sentence(m) + ".";
    } else {
      words = hours_sentence(m);
      const auto names = holiday_set_names(m);
      if (!names.empty())
        words += w_.say(" (the {})", and_words(names));
      else if (m.holidays_stated)
        words += w_.say("; public holidays do not close it");
      else
        words += w_.say("; the contract does not say whether public holidays close it");
      words += ".";
    }
    item.push_back(text(words));
    blocks.push_back(para(std::move(item), ref(m.span)));
    if (!m.dated.empty()) {
      doc::List dates;
      for (const auto& d : m.dated) dates.items.push_back(para(dated_words(d)));
      blocks.push_back(para(w_.say("On these dates {} keeps special hours or is closed:",
                                   in_quotes(m.title.empty() ? m.id : w_.own(m.title)))));
      blocks.push_back(std::move(dates));
    }
  }

  // What a calendar says, in the words of a contract: its hours, zone, holidays,
  // special dates and business day (the chart is added by the caller).
  void calendar_blocks(std::vector<doc::Block>& blocks, const CalendarInfo& cal) {
    const auto chain = calendar_chain(cal);
    const auto zone_clause = index_.find(chain, Kind::zone);
    if (!cal.summary.empty())
      blocks.push_back(para(w_.own(cal.summary), ref(index_.find(chain, Kind::summary), cal.span)));
    const std::string zone = zone_words(cal, year_, w_);
    if (is_union(cal)) {
      const auto members = members_of(cal);
      const std::string week = sample_week_words(cal);
      blocks.push_back(
          para({text(w_.say("Support operates whenever one of its {} calendars is open: {}. "
                            "Together they are open ",
                            members.size(), members_words(cal))),
                strong(week_words(cal)),
                text(w_.say("{}. Each keeps its own hours, time zone and holidays, as set out "
                            "below; the desk is closed only when all of them are.",
                            week.empty() ? "" : fmt::format(" ({})", week)))},
               ref(index_.find(chain, Kind::union_of), cal.span)));
    } else {
      std::optional<Clause> hours_clause;
      for (const auto& id : chain)
        for (const auto& c : index_.all(id, Kind::open))
          if (std::find(c.words.begin(), c.words.end(), "on holidays") == c.words.end() &&
              !hours_clause)
            hours_clause = c;
      const std::string closed_days = closed_weekdays(cal.calendar->spec(), w_);
      blocks.push_back(
          para({text(w_.say("Support operates ")), strong(weekly_hours(cal.calendar->spec(), w_)),
                text(fmt::format(
                    "{}.{}", stated(label(hours_clause)),
                    closed_days.empty() ? "" : w_.say(" The desk is closed on {}.", closed_days)))},
               ref(hours_clause, cal.span)));
    }
    blocks.push_back(para(zone_clause && !zone_clause->label.empty()
                              ? w_.say("All times are {}, stated in the contract as {}.", zone,
                                       in_quotes(w_.own(zone_clause->label)))
                              : w_.say("All times are {}.", zone),
                          ref(zone_clause, cal.span)));
    if (is_union(cal)) {
      for (const CalendarInfo* m : members_of(cal)) member_blocks(blocks, *m);
    } else {
      std::optional<Clause> holidays_open;
      for (const auto& id : chain)
        for (const auto& c : index_.all(id, Kind::open))
          if (std::find(c.words.begin(), c.words.end(), "on holidays") != c.words.end() &&
              !holidays_open)
            holidays_open = c;
      if (!cal.holiday_sets.empty()) {
        const auto names = holiday_set_names(cal);
        const auto closed = index_.find(chain, Kind::closed);
        blocks.push_back(para(
            w_.say("The desk is closed on public holidays{}: the {} (the dates are listed in {}).",
                   stated(label(closed)), and_words(names), cite("#appendix:holidays")),
            ref(closed, cal.span)));
      } else if (cal.holidays_stated && holidays_open) {
        blocks.push_back(para(cal.dated.empty()
                                  ? w_.say("Public holidays do not close the desk: these hours "
                                           "apply on every day of the year.")
                                  : w_.say("Public holidays do not close the desk."),
                              ref(holidays_open, cal.span)));
      } else if (!cal.holidays_stated) {
        blocks.push_back(para(w_.say(
            "The contract does not say whether public holidays close the desk; the hours above "
            "apply on every day of the year.")));
      }
      if (!cal.dated.empty()) {
        doc::List dates;
        for (const auto& d : cal.dated) dates.items.push_back(para(dated_words(d)));
        blocks.push_back(para(w_.say("On these dates the desk keeps special hours or is closed:")));
        blocks.push_back(std::move(dates));
      }
    }
    std::optional<std::int64_t> day = cal.business_day_seconds;
    if (!day && cal.calendar)
      if (auto b = cal.calendar->business_day()) day = b->count();
    if (day) {
      const auto bd = index_.find(chain, Kind::business_day);
      blocks.push_back(
          para(w_.say("One business day is {} of operating time{}.", hours_words(Seconds(*day), w_),
                      bd              ? stated(bd->label)
                      : is_union(cal) ? w_.say(" (the length its members share)")
                                      : w_.say(" (the length of one full operating day)")),
               ref(bd, cal.span)));
    }
  }

  doc::Chart chart_of(const CalendarInfo& cal, std::string title, std::string also = {}) {
    doc::Chart chart;
    chart.coverage = coverage_of(cal);
    chart.id = fmt::format("coverage-{}", ++charts_);
    chart.title = std::move(title);
    chart.description =
        w_.say("A week from Monday to Sunday, 24 hours a day; shaded hours are open: {}.{}",
               hours_sentence(cal), also);
    chart.source = ref(cal.span);
    return chart;
  }

  doc::Section hours_section(const Package& p, const CalendarInfo& cal, const std::string& whose) {
    doc::Section s = section(w_.say("Operating hours"), ref(cal.span));
    calendar_blocks(s.blocks, cal);
    std::string also;
    if (const auto others = other_hours(p, &cal); !others.empty()) {
      s.blocks.push_back(
          para(w_.say("Some targets run on other hours than these, each set out in its own section "
                      "below:")));
      doc::List list;
      std::vector<std::string> words;
      for (const auto& [other, ts] : others) {
        Inline item{strong(capitalized(targets_words(ts))), text(w_.say(": on "))};
        for (auto& r : calendar_name(*other)) item.push_back(std::move(r));
        item.push_back(text(w_.say(", open {}.", week_words(*other))));
        words.push_back(flat(item));
        list.items.push_back(para(std::move(item), ref(ts.front()->span)));
      }
      s.blocks.push_back(std::move(list));
      also = w_.say(" Other hours apply to: {}", fmt::format("{}", fmt::join(words, " ")));
    }
    s.blocks.push_back(chart_of(cal, w_.say("Weekly operating hours of {}", whose), also));
    return s;
  }

  // The hours of the targets that run on a calendar of their own.
  doc::Section other_hours_section(const CalendarInfo& other,
                                   const std::vector<const Target*>& targets,
                                   const std::string& whose) {
    const std::string what = targets_words(targets);
    doc::Section s = section(w_.say("Hours for {}", what), ref(other.span));
    Inline intro{text(w_.say("{} run on ", capitalized(what)))};
    for (auto& r : calendar_name(other)) intro.push_back(std::move(r));
    intro.push_back(text(
        w_.say(" instead of the package\u2019s operating hours: their business hours and business "
               "days, and the start of their clock, count these hours.")));
    s.blocks.push_back(para(std::move(intro), ref(targets.front()->span)));
    calendar_blocks(s.blocks, other);
    s.blocks.push_back(chart_of(other, w_.say("Weekly hours for {} under {}", what, whose)));
    return s;
  }

  // "2026-12-31 22:00-02:00 (New Year's Eve)" -> "Thursday 31 December 2026: open
  // 22:00–02:00 (New Year's Eve)".
  std::string dated_words(const std::string& dated) const {
    int y = 0, m = 0, d = 0;
    if (dated.size() < 12 || std::sscanf(dated.c_str(), "%4d-%2d-%2d", &y, &m, &d) != 3)
      return dated;
    std::string rest = dated.substr(11);
    for (std::size_t i = 0; i + 1 < rest.size(); ++i)
      if (rest[i] == '-' && std::isdigit(static_cast<unsigned char>(rest[i + 1])) && i > 0 &&
          std::isdigit(static_cast<unsigned char>(rest[i - 1])))
        rest.replace(i, 1, "\u2013");
    if (!rest.empty() && std::isdigit(static_cast<unsigned char>(rest[0])))
      rest = w_.say("open {}", local_clocks(rest));
    const date::local_days day{date::year(y) / m / d};
    return fmt::format("{}: {}", day_name(day, true, w_), rest);
  }

  // "22:00–02:00" with the wording's times of day ("22.00–02.00").
  std::string local_clocks(std::string text) const {
    for (std::size_t i = 0; i + 4 < text.size() + 0; ++i)
      if (std::isdigit(static_cast<unsigned char>(text[i])) &&
          std::isdigit(static_cast<unsigned char>(text[i + 1])) && text[i + 2] == ':' &&
          std::isdigit(static_cast<unsigned char>(text[i + 3])) &&
          std::isdigit(static_cast<unsigned char>(text[i + 4]))) {
        const int minutes = std::stoi(text.substr(i, 2)) * 60 + std::stoi(text.substr(i + 3, 2));
        const std::string clock = at_clock(minutes);
        text.replace(i, 5, clock);
        i += clock.size() - 1;
      }
    return text;
  }

  const HolidaySet* find_set(const std::string& id) const {
    for (const auto& h : m_.holiday_sets)
      if (h.id == id) return &h;
    return nullptr;
  }

  doc::Section priorities_section(const Package& p) {
    doc::Section s = section(w_.say("Priorities"));
    s.blocks.push_back(
        para(m_.priorities.size() == 1
                 ? w_.say("Every ticket has the one priority below:")
                 : w_.say("Each ticket has one of {} priorities, listed from the lowest to the "
                          "highest:",
                          m_.priorities.size())));
    doc::Table t;
    t.caption = w_.say("Priority levels");
    t.columns = {w_.say("Priority"), w_.say("Description")};
    const auto ch = chain(p);
    for (const auto& pr : m_.priorities) {
      auto it = p.descriptions.find(pr.name);
      const bool own = it != p.descriptions.end();
      t.rows.push_back(
          {doc::plain(pr.name), doc::plain(w_.own(own ? it->second : pr.description))});
      t.sources.push_back(own ? ref(index_.find(ch, Kind::describe, pr.name), pr.span)
                              : ref(pr.span));
    }
    s.blocks.push_back(std::move(t));
    std::vector<const Target*> unprioritized;
    for (const auto& x : p.targets)
      if (x.priority.empty()) unprioritized.push_back(&x);
    if (!unprioritized.empty())
      s.blocks.push_back(para(
          (p.escalation && !p.escalation->empty())
              ? w_.say("A ticket may also have no priority. Such a ticket is judged only by the "
                       "targets stated for any ticket with a condition on an attribute ({}, set "
                       "out with the times below), and climbs the escalation ladder for every "
                       "priority.",
                       targets_words(unprioritized))
              : w_.say("A ticket may also have no priority. Such a ticket is judged only by the "
                       "targets stated for any ticket with a condition on an attribute ({}, set "
                       "out with the times below).",
                       targets_words(unprioritized))));
    return s;
  }

  doc::Table target_table(const Package& p, const CalendarInfo* cal, TargetKind kind) const {
    doc::Table t;
    const bool any_by = std::any_of(p.targets.begin(), p.targets.end(), [&](const Target& x) {
      return x.kind == kind && x.by.has_value();
    });
    switch (kind) {
      case TargetKind::response:
        t.caption = w_.say("Response times");
        t.columns = {w_.say("Priority"),
                     any_by ? w_.say("Response time") : w_.say("Respond within")};
        break;
      case TargetKind::resolution:
        t.caption = w_.say("Resolution times");
        t.columns = {w_.say("Priority"),
                     any_by ? w_.say("Resolution time") : w_.say("Resolve within")};
        break;
      case TargetKind::update:
        t.caption = w_.say("Updates while a ticket is open");
        t.columns = {w_.say("Priority"), w_.say("Updates")};
        break;
      case TargetKind::restoration:
        t.caption = w_.say("Restoration times");
        t.columns = {w_.say("Priority"), w_.say("Restore within")};
        break;
    }
    t.columns.insert(t.columns.end(),
                     {w_.say("Time counted"), w_.say("Commitment"), w_.say("Contract wording")});
    auto row = [&](std::string heading, const Target& target) {
      t.rows.push_back(
          {doc::plain(std::move(heading)), Inline{strong(capitalized(target_value(target, cal)))},
           counted_words(target, cal), doc::plain(commitment_words(target.commitment)),
           doc::plain(target.label.empty() ? "\u2014" : in_quotes(w_.own(target.label)))});
      t.sources.push_back(ref(target.span));
    };
    for (const auto& pr : m_.priorities) {
      const Target* target = p.target(kind, pr.name);
      const bool conditioned = std::any_of(p.targets.begin(), p.targets.end(), [&](auto& x) {
        return x.kind == kind && x.where && x.priority == pr.name;
      });
      if (!target) {
        t.rows.push_back({doc::plain(pr.name),
                          doc::plain(conditioned ? w_.say("No time set, except where a condition "
                                                          "below applies")
                                                 : w_.say("No time set")),
                          doc::plain(w_.say("\u2014")), doc::plain(w_.say("\u2014")),
                          doc::plain(w_.say("\u2014"))});
        t.sources.push_back({});
      } else {
        row(pr.name, *target);
      }
      // The targets for this priority's tickets with some attribute values.
      for (const auto& x : p.targets)
        if (x.kind == kind && x.where && !x.for_all && x.priority == pr.name)
          row(target_for_words(x), x);
    }
    // Targets for any ticket with some attribute values: one row each (the copy for
    // tickets without a priority stands for the statement).
    for (const auto& x : p.targets)
      if (x.kind == kind && x.where && x.for_all && x.priority.empty()) row(target_for_words(x), x);
    return t;
  }

  doc::Section targets_section(const Package& p, const CalendarInfo* cal) {
    auto any = [&](auto pred) { return std::any_of(p.targets.begin(), p.targets.end(), pred); };
    auto of_kind = [&](TargetKind k) { return any([k](const Target& t) { return t.kind == k; }); };
    const bool updates = of_kind(TargetKind::update);
    const bool restorations = of_kind(TargetKind::restoration);
    // The section's title names the kinds of time it sets.
    doc::Section s = section(updates && restorations
                                 ? w_.say("Response, resolution, update and restoration times")
                             : updates      ? w_.say("Response, resolution and update times")
                             : restorations ? w_.say("Response, resolution and restoration times")
                                            : w_.say("Response and resolution times"));
    const bool other = any([&](const Target& t) { return on_other_hours(t, cal); });
    if (cal && cal->calendar) {
      // The meaning of business time is said once (clause 1); the hours it counts
      // are this package's, said in its own clauses, or else in words here.
      const auto hours = hours_of_.find(hours_key_);
      std::string words =
          hours != hours_of_.end()
              ? w_.say(
                    "Business hours and business days count only the operating hours of {}; "
                    "hours without \u201cbusiness\u201d run around the clock ({}).",
                    cite("#" + hours->second), cite("#rule-calendar-time"))
              : w_.say(
                    "Business hours and business days count only operating hours: {}. Hours "
                    "without \u201cbusiness\u201d run around the clock ({}).",
                    hours_sentence(*cal), cite("#rule-calendar-time"));
      if (other)
        words += w_.say(
            " A target shown with a calendar of its own counts that calendar\u2019s hours "
            "instead, as set out in the sections on hours above.");
      s.blocks.push_back(para(words));
    }
    if (of_kind(TargetKind::response))
      s.blocks.push_back(target_table(p, cal, TargetKind::response));
    else
      s.blocks.push_back(para(w_.say("No response times are set for this package.")));
    if (of_kind(TargetKind::resolution))
      s.blocks.push_back(target_table(p, cal, TargetKind::resolution));
    else
      s.blocks.push_back(para(w_.say("No resolution times are set for this package.")));
    if (updates) s.blocks.push_back(target_table(p, cal, TargetKind::update));
    if (restorations) s.blocks.push_back(target_table(p, cal, TargetKind::restoration));

    // What the new kinds of terms mean, where the package uses them.
    // Conditions, updates and restorations mean the same in every package: said
    // once in clause 1, cited here.
    std::vector<std::string> rules;
    if (any([](const Target& t) { return t.where.has_value(); }))
      rules.push_back(
          w_.say("targets for some values of an attribute: {}", cite("#rule-conditions")));
    if (updates) rules.push_back(w_.say("update times: {}", cite("#rule-updates")));
    if (restorations) rules.push_back(w_.say("restoration times: {}", cite("#rule-restorations")));
    if (!rules.empty())
      s.blocks.push_back(
          para(w_.say("What these times mean is set out once for every package ({}).",
                      fmt::format("{}", fmt::join(rules, "; ")))));
    if (any([](const Target& t) { return t.by.has_value(); })) {
      std::string words = w_.say(
          "The next business day of a ticket is the first day after the day its clock starts on "
          "which the desk opens: weekends and holidays on which the desk is closed are skipped.");
      std::set<std::string> forms;
      for (const auto& t : p.targets)
        if (t.by && forms.insert(target_value(t, cal)).second)
          words += t.by->at_minutes
                       ? w_.say(
                             " A deadline \u201c{}\u201d is {} local time on that day, even "
                             "when the desk is not open then.",
                             target_value(t, cal), at_clock(*t.by->at_minutes))
                       : w_.say(
                             " A deadline \u201c{}\u201d is the desk\u2019s last closing "
                             "time on that day.",
                             target_value(t, cal));
      s.blocks.push_back(para(words));
    }
    return s;
  }

  doc::Section clock_section(const Package& p) {
    doc::Section s = section(w_.say("Clock rules"));
    const auto ch = chain(p);
    doc::List rules;
    const bool calendar_time = std::any_of(p.targets.begin(), p.targets.end(), [](const Target& t) {
      return !t.by && !t.within.business && t.kind != TargetKind::update;
    });
    const auto starts = index_.find(ch, Kind::clock_starts);
    rules.items.push_back(
        para({strong(w_.say("Start. ")),
              text(w_.say(
                  "The clock starts when the ticket is raised. Business time counts only while the "
                  "desk is open, so an issue raised outside operating hours starts counting at the "
                  "next opening."))}));
    if (p.clock_starts_at_next_opening && *p.clock_starts_at_next_opening) {
      rules.items.push_back(
          para({strong(w_.say("Outside operating hours. ")),
                text(calendar_time
                         ? w_.say("Issues raised outside operating hours are answered from the "
                                  "next opening; this applies to times counted around the clock "
                                  "too{}.",
                                  stated(label(starts)))
                         : w_.say("Issues raised outside operating hours are answered from the "
                                  "next opening{}.",
                                  stated(label(starts))))},
               ref(starts, p.span)));
    } else if (calendar_time || p.clock_starts_at_next_opening) {
      rules.items.push_back(
          para({strong(w_.say("Outside operating hours. ")),
                text(w_.say("Times counted around the clock start when the ticket is raised, even "
                            "outside operating hours{}.",
                            stated(label(starts))))},
               starts ? ref(starts->at) : std::string()));
    }
    if (p.pause_statuses && !p.pause_statuses->empty()) {
      const auto pauses = index_.find(ch, Kind::clock_pauses);
      std::vector<std::string> statuses;
      for (const auto& st : *p.pause_statuses) statuses.push_back(in_quotes(st));
      rules.items.push_back(
          para({strong(w_.say("Pause. ")),
                text(w_.say("The clock stops while the ticket\u2019s status is {}{}: that time "
                            "does not count toward any time limit.",
                            or_words(statuses), stated(label(pauses))))},
               ref(pauses, p.span)));
    } else {
      rules.items.push_back(
          para({strong(w_.say("Pause. ")),
                text(w_.say("The contract sets no pauses: the clock never stops."))}));
    }
    if (p.warn_at_milli && !p.warn_at_milli->empty()) {
      // A warning binds no deadline; the clause only tells the client when to expect one.
      const auto warn = index_.find(ch, Kind::warn_at);
      std::vector<std::string> shares;
      for (const auto share : *p.warn_at_milli) shares.push_back(percent(share));
      rules.items.push_back(
          para({strong(w_.say("Warnings. ")),
                text(w_.say("The {} warns of a pending ticket when {} of a target\u2019s time "
                            "has passed.",
                            provider_, and_words(shares)))},
               ref(warn, p.span)));
    }
    std::string stop = w_.say(
        "The response time ends with the first response; the resolution time ends when the "
        "issue is resolved.");
    auto has = [&](TargetKind k) {
      return std::any_of(p.targets.begin(), p.targets.end(),
                         [k](const Target& t) { return t.kind == k; });
    };
    if (has(TargetKind::restoration))
      stop += w_.say(
          " The restoration time ends when the service is restored (or, without a restoration "
          "time stated, when the issue is resolved).");
    if (has(TargetKind::update))
      stop += w_.say(
          " Updates are owed from the first response until the resolution; each update starts the "
          "wait for the next one.");
    rules.items.push_back(para({strong(w_.say("Stop. ")), text(stop)}));
    s.blocks.push_back(std::move(rules));
    return s;
  }

  // One ladder's table: who handles a ticket after how long.
  void ladder_blocks(doc::Section& s, const std::vector<EscalationBand>& ladder,
                     std::string caption, std::string whose, std::string source) {
    const bool business = std::all_of(ladder.begin(), ladder.end(),
                                      [](const EscalationBand& b) { return b.from.business; });
    const bool calendar = std::none_of(ladder.begin(), ladder.end(),
                                       [](const EscalationBand& b) { return b.from.business; });
    const std::string counted = business
                                    ? w_.say(", counted in business hours (operating hours only)")
                                : calendar ? w_.say(", counted around the clock")
                                           : "";
    if (whose.empty())
      s.blocks.push_back(para(
          w_.say("Who handles a ticket depends on how long it has waited since it was raised{}.",
                 counted)));
    else
      s.blocks.push_back(
          para({strong(whose + ". "),
                text(w_.say("Who handles one of these tickets depends on how long it has "
                            "waited since it was raised{}.",
                            counted))},
               std::move(source)));
    doc::Table t;
    t.caption = std::move(caption);
    t.columns = {w_.say("Time waited"), w_.say("Escalated to"), w_.say("Contact person"),
                 w_.say("Channel"),     w_.say("Condition"),    w_.say("Remarks")};
    for (const auto& b : ladder) {
      const std::string when =
          b.until ? w_.say("From {} to {}", durations(b.from.text), durations(b.until->text))
                  : w_.say("From {} on", durations(b.from.text));
      t.rows.push_back({doc::plain(when), Inline{strong(w_.own(b.role))},
                        doc::plain(b.contact.empty() ? "\u2014" : w_.own(b.contact)),
                        doc::plain(b.channel.empty() ? "\u2014" : w_.own(b.channel)),
                        doc::plain(b.when_no_response    ? w_.say("If there is no response")
                                   : b.when_not_resolved ? w_.say("While the ticket is not "
                                                                  "resolved, even after a response")
                                                         : w_.say("Always")),
                        doc::plain(b.remark.empty() ? "\u2014" : w_.own(b.remark))});
      t.sources.push_back(ref(b.span));
    }
    s.blocks.push_back(std::move(t));
  }

  doc::Section escalation_section(const Package& p) {
    doc::Section s = section(w_.say("Escalation"));
    const bool for_all = p.escalation && !p.escalation->empty();
    if (p.ladders.empty()) {
      ladder_blocks(s, *p.escalation, w_.say("Escalation"), {}, {});
      return s;
    }
    // Each priority climbs one ladder: its own, else the one for every other priority.
    std::vector<std::string> others;
    for (const auto& pr : m_.priorities)
      if (std::none_of(p.ladders.begin(), p.ladders.end(), [&](const Escalation& l) {
            return std::find(l.priorities.begin(), l.priorities.end(), pr.name) !=
                   l.priorities.end();
          }))
        others.push_back(pr.name);
    s.blocks.push_back(para(
        for_all ? w_.say("Each ticket climbs one escalation ladder: the ladder for its priority, "
                         "or else the ladder for every other ticket, which also serves tickets "
                         "without a priority.")
        : others.empty()
            ? w_.say("Each ticket climbs the escalation ladder for its priority. Tickets without "
                     "a priority are not escalated.")
            : w_.say("Each ticket climbs the escalation ladder for its priority. {} tickets, and "
                     "tickets without a priority, are not escalated.",
                     and_words(others))));
    for (const auto& l : p.ladders) {
      const std::string who = w_.say("{} tickets", and_words(l.priorities));
      ladder_blocks(s, l.bands, w_.say("Escalation of {} tickets", and_words(l.priorities)), who,
                    ref(l.span));
    }
    if (for_all) {
      const std::string who =
          others.empty() ? w_.say("Tickets without a priority")
                         : w_.say("Every other ticket ({}, and tickets without a priority)",
                                  and_words(others));
      ladder_blocks(s, *p.escalation, w_.say("Escalation of every other ticket"), who,
                    ref(p.escalation->front().span));
    }
    const bool not_resolved = std::any_of(p.ladders.begin(), p.ladders.end(), [](auto& l) {
      return std::any_of(l.bands.begin(), l.bands.end(),
                         [](const EscalationBand& b) { return b.when_not_resolved; });
    });
    if (not_resolved)
      s.blocks.push_back(para(w_.say(
          "A ticket moves up a ladder only until it has a first response: a step that starts "
          "later is not reached. A step marked \u201cwhile the ticket is not resolved\u201d is the "
          "exception: it is reached even after a response, as long as the ticket is not "
          "resolved.")));
    return s;
  }

  // Service credits for missed ticket targets, and the cap on a month's credits.
  doc::Section credits_section(const Package& p) {
    doc::Section s =
        section(p.ticket_credits.empty() ? w_.say("Limit on service credits")
                                         : w_.say("Service credits for missed targets"));
    const std::string provider =
        m_.contract.provider.empty() ? w_.say("The {}", provider_) : m_.contract.provider;
    if (!p.ticket_credits.empty()) {
      s.blocks.push_back(para(w_.say(
          "{} credits the {} a share of the month\u2019s fee for each ticket target it misses, "
          "as follows ({}):",
          provider, client_, cite("#rule-credits"))));
      doc::Table t;
      t.caption = w_.say("Service credits for missed targets");
      t.columns = {w_.say("Missed target"), w_.say("Credit")};
      std::vector<doc::Paragraph> cautions;
      for (const auto& c : p.ticket_credits) {
        const std::string kind = kind_word(c.kind);
        const std::string missed =
            c.priority.empty()
                ? w_.say("Each ticket, of any priority or none, whose {} is late", kind)
                : w_.say("Each {} ticket whose {} is late", c.priority, kind);
        t.rows.push_back({doc::plain(missed), Inline{strong(w_.say("{} of the month\u2019s fee",
                                                                   percent(c.percent_milli)))}});
        t.sources.push_back(ref(c.span));
        // A rule no committed target can trigger earns nothing: say so.
        std::vector<const Target*> covered;
        for (const auto& x : p.targets)
          if (x.kind == c.kind && (c.priority.empty() || x.priority == c.priority))
            covered.push_back(&x);
        const bool committed = std::any_of(covered.begin(), covered.end(), [](const Target* x) {
          return x->commitment == Commitment::committed;
        });
        const std::string whom =
            c.priority.empty() ? w_.say("any ticket") : w_.say("{} tickets", c.priority);
        if (covered.empty())
          cautions.push_back(
              para(w_.say("No {0} time is set for {1}, so the credit for a late {0} never applies.",
                          kind, whom),
                   ref(c.span)));
        else if (!committed)
          cautions.push_back(para(w_.say("Every {0} time for {1} is best effort, so the credit "
                                         "for a late {0} never applies.",
                                         kind, whom),
                                  ref(c.span)));
      }
      s.blocks.push_back(std::move(t));
      for (auto& c : cautions) s.blocks.push_back(std::move(c));
    }
    if (p.credit_cap_milli) {
      const bool uptime_credits = std::any_of(p.uptime.begin(), p.uptime.end(),
                                              [](const Uptime& u) { return !u.credits.empty(); });
      const std::string cap = w_.say("{} of the month\u2019s fee", percent(*p.credit_cap_milli));
      s.blocks.push_back(
          para({text(uptime_credits ? w_.say("The credits of one month, for missed targets and "
                                             "uptime together, are at most ")
                                    : w_.say("The credits of one month are at most ")),
                strong(cap), text(w_.say("."))},
               ref(index_.find(chain(p), Kind::credit_cap), p.span)));
    } else {
      s.blocks.push_back(para(w_.say("The contract sets no limit to the credits of a month.")));
    }
    return s;
  }

  doc::Section uptime_section(const Package& p) {
    doc::Section s = section(w_.say("Uptime"));
    for (const auto& u : p.uptime) {
      const std::string provider =
          m_.contract.provider.empty() ? w_.say("The {}", provider_) : m_.contract.provider;
      const std::string service = w_.own(u.service);
      const std::string period =
          u.period.empty() ? "" : w_.say(", measured {}", measure_period(u.period));
      std::string sentence;
      if (!u.target_milli)
        sentence = w_.say("The contract states no uptime target for the {}{}.", service, period);
      else if (u.commitment == Commitment::committed)
        sentence = w_.say("{} commits to an uptime of {} for the {}{}{}.", provider,
                          percent(*u.target_milli), service, period, stated(u.target_label));
      else
        sentence = w_.say(
            "{} aims, on a best-effort basis and without committing to it, for an uptime of {} "
            "for the {}{}{}.",
            provider, percent(*u.target_milli), service, period, stated(u.target_label));
      if (u.period.empty() && u.target_milli)
        sentence += w_.say(" The contract does not say over what period uptime is measured.");
      s.blocks.push_back(para({strong(service + ". "), text(sentence)}, ref(u.span)));
      std::vector<std::string> block;  // where this commitment's own statements are
      for (const auto& id : chain(p)) block.push_back(id + "|" + u.service);
      if (!u.published_at.empty())
        s.blocks.push_back(para(w_.say("Uptime is published at {}.", u.published_at),
                                ref(index_.find(block, Kind::published), u.span)));
      if (!u.exclusions.empty()) {
        s.blocks.push_back(
            para(w_.say("Exclusions: downtime in these cases does not count against the "
                        "uptime commitment:")));
        doc::List list;
        for (const auto& e : u.exclusions) {
          Inline item{strong(exclusion_words(e.category))};
          std::string rest;
          if (e.notice)
            rest += w_.say(", when announced at least {} in advance", durations(e.notice->text));
          if (!e.text.empty()) rest += fmt::format(": {}", w_.own(e.text));
          item.push_back(text(rest.empty() ? "." : rest));
          list.items.push_back(para(std::move(item), ref(e.span)));
        }
        s.blocks.push_back(std::move(list));
      } else {
        s.blocks.push_back(para(w_.say("No exclusions are stated: all downtime counts.")));
      }
      if (!u.credits.empty()) {
        doc::Table t;
        t.caption = w_.say("Service credits for the {}", service);
        t.columns = {w_.say("Uptime of a period below"), w_.say("Credit")};
        for (const auto& c : u.credits) {
          t.rows.push_back(
              {doc::plain(percent(c.below_milli)), doc::plain(percent(c.credit_milli))});
          t.sources.push_back(ref(c.span));
        }
        s.blocks.push_back(
            para(w_.say("When several credits apply, the one with the lowest threshold "
                        "does.")));
        s.blocks.push_back(std::move(t));
      } else if (u.credits_named) {
        s.blocks.push_back(
            para(w_.say("Service credits: the contract refers to service credits{} but defines no "
                        "credit amounts, so no credit follows from a missed target.",
                        u.credits_text.empty()
                            ? ""
                            : fmt::format(" ({})", in_quotes(w_.own(u.credits_text)))),
                 ref(index_.find(block, Kind::service_credits), u.span)));
      }
      for (const auto& n : u.notes)
        s.blocks.push_back(para(w_.own(n), ref(index_.find(block, Kind::note, n), u.span)));
    }
    return s;
  }

  // "annually", "every 6 months": how often the contract is reviewed.
  std::string review_words(const std::string& cycle) const {
    if (cycle == "annually") return w_.say("annually");
    if (cycle == "quarterly") return w_.say("quarterly");
    if (cycle == "monthly") return w_.say("monthly");
    if (cycle == "every month") return w_.say("every month");
    if (cycle.starts_with("every ") && cycle.ends_with(" months"))
      return w_.say("every {} months", cycle.substr(6, cycle.size() - 13));
    return w_.say(cycle);
  }

  // "monthly": how often uptime is measured.
  std::string measure_period(const std::string& period) const {
    if (period == "monthly") return w_.say("monthly");
    if (period == "quarterly") return w_.say("quarterly");
    if (period == "yearly") return w_.say("yearly");
    return w_.say(period);
  }

  doc::Section included_section(const Package& p, const Package* own) {
    doc::Section s = section(w_.say("What is included"));
    const Package& says = own ? *own : p;
    const auto ch = chain(p);
    if (!says.summary.empty())
      s.blocks.push_back(
          para(w_.own(says.summary), ref(index_.find(says.id, Kind::summary), says.span)));
    if (own) {
      if (auto it = addon_base_.find(own->id); it != addon_base_.end())
        s.blocks.push_back(
            para({text(w_.say("{0} is an add-on to {1}. With it, the terms of {1} apply with the "
                              "changes set out in this section; everything else stays as it is.",
                              w_.own(own->title), title_of(it->second)))},
                 ref(own->span)));
      if (!own->requires_.empty()) {
        std::vector<std::string> needs;
        for (const auto& r : own->requires_) needs.push_back(title_of(r));
        s.blocks.push_back(para(w_.say("Available only with {}.", and_words(needs)),
                                ref(index_.find(own->id, Kind::requirement), own->span)));
      }
      if (!own->excludes.empty()) {
        std::vector<std::string> not_with;
        for (const auto& x : own->excludes) not_with.push_back(title_of(x));
        s.blocks.push_back(para(w_.say("Cannot be combined with {}.", or_words(not_with)),
                                ref(index_.find(own->id, Kind::exclusion), own->span)));
      }
    } else {
      if (!p.sold_included_in.empty() || p.sold_separately)
        s.blocks.push_back(para(w_.say("How it is sold: {}.", sold_words(p)),
                                ref(index_.find(ch, Kind::sold), p.span)));
      if (const Package* parent = m_.package(p.extends))
        s.blocks.push_back(
            para(w_.say("{0} builds on {1}: its terms, set out in full below, are those of {1} "
                        "with the changes {0} makes.",
                        w_.own(p.title), w_.own(parent->title)),
                 ref(p.span)));
    }
    if (says.price)
      s.blocks.push_back(para({text(w_.say("Price: ")), strong(money(*says.price)),
                               text(fmt::format("{}.", stated(says.price->label)))},
                              ref(index_.find(says.id, Kind::price), says.span)));
    if (!says.channels.empty()) {
      s.blocks.push_back(para(w_.say("Support channels:")));
      doc::List list;
      for (const auto& c : says.channels) {
        Inline item{strong(w_.own(c.name))};
        if (!c.at.empty()) item.push_back(text(w_.say(", at {}", c.at)));
        if (!c.label.empty()) item.push_back(text(fmt::format(": {}", w_.own(c.label))));
        list.items.push_back(
            para(std::move(item), ref(index_.find(ch, Kind::channel, c.name), says.span)));
      }
      s.blocks.push_back(std::move(list));
    }
    if (!says.features.empty()) {
      s.blocks.push_back(para(w_.say("Features:")));
      doc::List list;
      for (const auto& f : says.features) {
        Inline item{strong(w_.own(f.name))};
        if (!f.description.empty()) item.push_back(text(": " + w_.own(f.description)));
        list.items.push_back(
            para(std::move(item), ref(index_.find(ch, Kind::feature, f.name), says.span)));
      }
      s.blocks.push_back(std::move(list));
    }
    return s;
  }

  doc::Section notes_section(const Package& p, const Package* own) {
    doc::Section s = section(w_.say("Notes"));
    const Package& says = own ? *own : p;
    const auto ch = chain(p);
    for (const auto& n : says.notes)
      s.blocks.push_back(para(w_.own(n), ref(index_.find(ch, Kind::note, n), says.span)));
    return s;
  }

  // A package's terms in full, or an add-on's changes to the package it goes with.
  void terms(doc::Section& s, const Package& p, const Package* own) {
    const CalendarInfo* cal = m_.calendar(p.calendar);
    s.sections.push_back(included_section(p, own));
    const std::string whose =
        own ? w_.say("{} with {}",
                     title_of(addon_base_.count(own->id) ? addon_base_.at(own->id) : own->id),
                     w_.own(own->title))
            : w_.own(p.title);
    // The hours section that business time in this package or add-on counts.
    hours_key_ = own ? own->id : p.id;
    if (cal && cal->calendar && (!own || !own->calendar.empty())) {
      s.sections.push_back(hours_section(p, *cal, whose));
      hours_of_[hours_key_] = s.sections.back().id;
    } else if (own && addon_base_.count(own->id) && hours_of_.count(addon_base_.at(own->id))) {
      hours_of_[hours_key_] = hours_of_.at(addon_base_.at(own->id));  // the package's hours
    }
    if (cal && cal->calendar)
      for (const auto& [other, ts] : other_hours(own ? *own : p, cal))
        s.sections.push_back(other_hours_section(*other, ts, whose));
    if (!m_.priorities.empty() && (!own || !own->descriptions.empty()))
      s.sections.push_back(priorities_section(p));
    if (!own || !own->targets.empty() || !own->calendar.empty())
      s.sections.push_back(targets_section(p, cal));
    if (!own || own->clock_starts_at_next_opening || own->pause_statuses || own->warn_at_milli)
      s.sections.push_back(clock_section(p));
    if (((p.escalation && !p.escalation->empty()) || !p.ladders.empty()) &&
        (!own || own->escalation || !own->ladders.empty()))
      s.sections.push_back(escalation_section(p));
    if ((!p.ticket_credits.empty() || p.credit_cap_milli) &&
        (!own || !own->ticket_credits.empty() || own->credit_cap_milli))
      s.sections.push_back(credits_section(p));
    if (!p.uptime.empty() && (!own || !own->uptime.empty()))
      s.sections.push_back(uptime_section(p));
    if (!(own ? own->notes : p.notes).empty()) s.sections.push_back(notes_section(p, own));
  }

  doc::Section package_section(const Package& p) {
    doc::Section s = section(w_.own(p.title), ref(p.span));
    s.new_page = true;
    section_of_["package:" + p.id] = s.id;
    terms(s, p, nullptr);
    return s;
  }

  doc::Section addon_section(const Package& a) {
    doc::Section s = section(w_.say("Add-on: {}", w_.own(a.title)), ref(a.span));
    s.new_page = true;
    section_of_["package:" + a.id] = s.id;
    const Package merged = merged_addon(a);
    terms(s, merged, &a);
    return s;
  }

  // ------------------------------------------------------------ examples

  doc::Section worked_examples() {
    doc::Section s = section(w_.say("Worked examples"));
    s.new_page = true;
    s.blocks.push_back(para(
        w_.say("The contract carries these examples: a ticket, and what the rules must make of it. "
               "They are checked against the rules every time the contract is tested, so they show "
               "how the terms above work in practice.")));
    auto where = [this](const SourceRef& at) { return cite(ref(at)); };
    int n = 0;
    for (const auto& e : m_.examples) {
      if (!options_.package.empty() && e.package != options_.package) continue;
      WorkedExample w;
      try {
        w = work_example(m_, e, where, w_);
      } catch (const std::exception& ex) {
        // Times past the calendar's supported years: one example must not cost the
        // reader the whole document.
        const Package* base = m_.package(e.package);
        w.setting = fmt::format("{}.", base ? w_.own(base->title) : e.package);
        w.error = ex.what();
      }
      doc::Section x = section(w_.say("Example {}: {}", ++n, w_.own(e.name)), ref(e.span));
      x.blocks.push_back(para({strong(w_.say("Package: ")), text(w.setting)}));
      if (!w.error.empty()) {
        x.blocks.push_back(
            para({strong(w_.say("Caution: ")),
                  text(w_.say("this example cannot be worked out ({}).", w.error))}));
        s.sections.push_back(std::move(x));
        continue;
      }
      x.blocks.push_back(para({strong(w_.say("Ticket: ")), text(w.ticket)}));
      x.blocks.push_back(para({strong(w_.say("What the contract says happens:"))}));
      doc::List expected;
      for (const auto& line : w.expected) expected.items.push_back(para(line));
      x.blocks.push_back(std::move(expected));
      for (std::size_t i = 0; i < w.why.size(); ++i)
        x.blocks.push_back(
            para({strong(i == 0 ? w_.say("Why: ") : w_.say("And: ")), text(w.why[i])}));
      if (w.disagreements.empty())
        x.blocks.push_back(para({emphasis(w_.say("The rules produce exactly this result."))}));
      else
        x.blocks.push_back(
            para({strong(w_.say("Caution: ")),
                  text(w_.say("the rules do not produce this result. By the rules, {}.",
                              fmt::format("{}", fmt::join(w.disagreements, "; "))))}));
      s.sections.push_back(std::move(x));
    }
    return s;
  }

  // ------------------------------------------------------------ appendices

  doc::Section holiday_appendix() {
    doc::Section s = section(w_.say("Public holidays"));
    section_of_["appendix:holidays"] = s.id;
    s.new_page = true;
    s.blocks.push_back(para(w_.say(
        "The dates on which the operating hours above are closed for public holidays, as the "
        "contract lists them.")));
    for (const auto& id : holiday_sets_) {
      const HolidaySet* set = find_set(id);
      if (!set) continue;
      const std::string title =
          set->title.empty() ? set->id : own_or_library(set->title, set->span);
      doc::Section sub = section(title, ref(set->span));
      // A library set covers many years; the years the contract is in force are
      // the ones a reader needs.
      const auto year_of = [](const std::string& date) {
        return date.size() >= 4 ? std::atoi(date.substr(0, 4).c_str()) : 0;
      };
      const int from = year_of(m_.contract.effective), to = year_of(m_.contract.ends);
      const auto listed = [&](const Holiday& d) {
        const int y = year_of(d.date);
        return (!from || y >= from) && (!to || y <= to);
      };
      std::string about;
      if (set->first_year)
        about = w_.say("The list covers {0} to {1}; dates after {1} are not listed. ",
                       set->first_year, set->last_year);
      if (set->first_year && from > set->first_year)
        about +=
            w_.say("Dates before {}, when the contract takes effect, are left out here. ", from);
      if (!set->source.empty()) about += w_.say("Source of the dates: {}. ", set->source);
      if (std::any_of(set->days.begin(), set->days.end(),
                      [&](const Holiday& d) { return d.tentative && listed(d); }))
        about += w_.say(
            "Dates marked tentative follow a lunar calendar: the authorities fix them close to the "
            "day, and they can move by a day.");
      while (!about.empty() && about.back() == ' ') about.pop_back();
      if (!about.empty()) sub.blocks.push_back(para(about, ref(set->span)));
      doc::Table t;
      t.caption = title;
      t.columns = {w_.say("Date"), w_.say("Holiday"), w_.say("Hours")};
      for (const auto& d : set->days) {
        if (!listed(d)) continue;
        std::string date = long_date(d.date, w_);
        if (int y, mo, da;
            d.date.size() == 10 && std::sscanf(d.date.c_str(), "%d-%d-%d", &y, &mo, &da) == 3) {
          const date::local_days day{date::year(y) / mo / da};
          date = day_name(day, true, w_);
        }
        const std::string holiday = own_or_library(d.name, set->span);
        std::vector<std::string> hours;
        for (const auto& h : d.hours) hours.push_back(local_clocks(h));
        t.rows.push_back(
            {doc::plain(date),
             doc::plain(d.tentative ? w_.say("{} (tentative)", holiday) : holiday),
             doc::plain(d.hours.empty() ? w_.say("Closed") : w_.say("Open {}", and_words(hours)))});
      }
      sub.blocks.push_back(std::move(t));
      s.sections.push_back(std::move(sub));
    }
    return s;
  }

  // Names in a finding ('premium with dedicated_24x7') become the titles readers know.
  std::string readable(const std::string& message) const {
    std::map<std::string, std::string> titles;
    for (const auto& p : m_.packages) titles[p.id] = w_.own(p.title);
    for (const auto& a : m_.addons) titles[a.id] = w_.own(a.title);
    for (const auto& c : m_.calendars)
      if (!c.title.empty()) titles[c.id] = w_.own(c.title);
    for (const auto& h : m_.holiday_sets)
      if (!h.title.empty()) titles[h.id] = own_or_library(h.title, h.span);
    std::string out;
    std::size_t i = 0;
    while (i < message.size()) {
      const std::size_t open = message.find('\'', i);
      if (open == std::string::npos) break;
      const std::size_t close = message.find('\'', open + 1);
      if (close == std::string::npos) break;
      const std::string inner = message.substr(open + 1, close - open - 1);
      // Only a quoted name, or names joined by "with" and commas.
      std::vector<std::string> words;
      bool names_only = !inner.empty();
      std::string word;
      for (char c : inner + " ") {
        if (c == ' ' || c == ',') {
          if (!word.empty()) words.push_back(word);
          word.clear();
        } else if (std::isalnum(static_cast<unsigned char>(c)) || c == '_') {
          word += c;
        } else {
          names_only = false;
        }
      }
      bool any = false;
      std::vector<std::string> mapped;
      for (const auto& w : words) {
        auto it = titles.find(w);
        any = any || it != titles.end();
        mapped.push_back(it != titles.end() ? it->second : w);
      }
      if (names_only && any) {
        out += message.substr(i, open - i);
        out += in_quotes(fmt::format("{}", fmt::join(mapped, " ")));
        i = close + 1;
      } else {
        out += message.substr(i, open + 1 - i);
        i = open + 1;
      }
    }
    out += message.substr(std::min(i, message.size()));
    return out;
  }

  // ------------------------------------------------------------ the reviewer's notes

  // The calendars the document shows: the packages' and add-ons' own, their
  // targets', and the ones those extend or join; and the holiday sets they close on.
  void used_calendar(const std::string& id, std::set<std::string>& calendars,
                     std::set<std::string>& sets) const {
    const CalendarInfo* c = m_.calendar(id);
    if (!c || !calendars.insert(id).second) return;
    sets.insert(c->holiday_sets.begin(), c->holiday_sets.end());
    if (!c->extends.empty()) used_calendar(c->extends, calendars, sets);
    for (const auto& member : c->union_of) used_calendar(member, calendars, sets);
  }

  // Whether a finding is about what this document contains: with --package, a
  // finding inside a package, add-on, calendar, holiday set or example the document
  // leaves out is not the reader's business. The header, definitions, priorities
  // and attributes are in every document.
  std::function<bool(const Diagnostic&)> belongs_to_document() const {
    if (options_.package.empty()) return [](const Diagnostic&) { return true; };
    auto items = std::make_shared<std::set<std::string>>();
    auto calendars = std::make_shared<std::set<std::string>>();
    auto sets = std::make_shared<std::set<std::string>>();
    for (const auto* list : {&packages_, &addons_})
      for (const Package* p : *list) {
        items->insert(p->id);
        for (const Package* q = m_.package(p->extends); q; q = m_.package(q->extends))
          items->insert(q->id);
        for (const Package& shown : {*p, merged_addon(*p)}) {
          used_calendar(shown.calendar, *calendars, *sets);
          for (const auto& t : shown.targets) used_calendar(t.calendar, *calendars, *sets);
        }
      }
    return [this, items, calendars, sets](const Diagnostic& d) {
      if (d.location.line == 0) return true;
      const auto extent = index_.extent(d.location.file, d.location.line);
      if (!extent) return true;
      switch (extent->kind) {
        case Kind::package:
        case Kind::addon:
          return items->count(extent->name) > 0;
        case Kind::calendar:
          return calendars->count(extent->name) > 0;
        case Kind::holiday_set:
          return sets->count(extent->name) > 0;
        case Kind::example:
          return std::any_of(m_.examples.begin(), m_.examples.end(), [&](const Example& e) {
            return e.name == extent->name && e.package == options_.package;
          });
        default:
          return true;
      }
    };
  }

  // One row per finding: the clause it is about (its line beside it, for the
  // reviewer), the point, the detail and the suggestion; with `justifications`, a
  // last column for what the authors said when they accepted each finding.
  doc::Table findings_table(std::string caption, const std::vector<const Diagnostic*>& findings,
                            const std::vector<std::string>* justifications = nullptr) const {
    std::map<std::string, std::string> titles;
    for (const auto& r : lint_rules()) titles[std::string(r.code)] = std::string(r.title);
    doc::Table t;
    t.caption = std::move(caption);
    t.columns = {w_.say("Clause"), w_.say("Line"), w_.say("Point"), w_.say("In detail"),
                 w_.say("Suggestion")};
    if (justifications) t.columns.push_back(w_.say("Why the authors accept it"));
    t.row_headings = true;
    for (std::size_t i = 0; i < findings.size(); ++i) {
      const Diagnostic& d = *findings[i];
      const SourceRef at{d.location.file, d.location.line, d.location.column};
      const auto title = titles.count(d.code) ? titles.at(d.code) : std::string();
      t.rows.push_back(
          {doc::plain(cite("?" + ref(at))), doc::plain(ref(at).empty() ? "\u2014" : ref(at)),
           doc::plain(fmt::format("{}{} ({})", capitalized(title),
                                  d.severity == Severity::error ? w_.say(", an error") : "",
                                  d.code)),
           doc::plain(capitalized(readable(d.message))),
           doc::plain(d.hint.empty() ? "\u2014" : capitalized(readable(d.hint)))});
      if (justifications)
        t.rows.back().push_back(
            doc::plain(i < justifications->size() ? (*justifications)[i] : "\u2014"));
      t.sources.push_back({});
    }
    return t;
  }

  doc::Section review_appendix(const std::vector<Diagnostic>& all) {
    doc::Section s = section(w_.say("Reviewer\u2019s notes"));
    s.new_page = true;
    s.blocks.push_back(para(w_.say(
        "An automatic review of the contract raised the points below. They are not errors: the "
        "contract means something precise, and the rules above are what it says. Each point asks "
        "whether that is what its authors intend. The codes are explained in the project\u2019s "
        "lint documentation (docs/lint.md).")));
    const auto belongs = belongs_to_document();
    std::vector<const Diagnostic*> findings;
    // A misspelt lint comment (SLA100) is the authors' slip, not a point about the
    // agreement: `sla lint` tells them; the reviewer's appendix does not.
    std::size_t left_out = 0;
    for (const auto& d : all) {
      if (d.code == "SLA100") continue;
      if (belongs(d))
        findings.push_back(&d);
      else
        ++left_out;
    }
    if (!options_.package.empty() && left_out > 0)
      s.blocks.push_back(para(
          w_.say("Only the points about what this document contains are listed: {} about packages, "
                 "add-ons or calendars it leaves out are not.",
                 left_out == 1 ? w_.say("one point") : w_.say("{} points", left_out))));
    if (findings.empty())
      s.blocks.push_back(para(w_.say("The review found nothing to flag.")));
    else
      s.blocks.push_back(findings_table(w_.say("Points for the reviewer"), findings));
    if (options_.accepted) accepted_findings(s, *options_.accepted, belongs);
    return s;
  }

  // What the authors silenced stays visible to the reviewer, with their reason: a
  // silenced finding is a decision, and the reviewer is the one to weigh it.
  template <typename Belongs>
  void accepted_findings(doc::Section& s, const std::vector<SilencedFinding>& all,
                         const Belongs& belongs) {
    std::vector<const Diagnostic*> findings;
    std::vector<std::string> reasons;
    for (const auto& f : all) {
      if (!belongs(f.diagnostic)) continue;
      findings.push_back(&f.diagnostic);
      reasons.push_back(f.reason.empty() ? w_.say("No reason is given.") : in_quotes(f.reason));
    }
    if (findings.empty()) return;
    s.blocks.push_back(para(w_.say(
        "The authors weighed the points below and accepted them, each for the reason they give "
        "in the contract; they are listed so that the reviewer can weigh them too.")));
    s.blocks.push_back(findings_table(w_.say("Accepted by the authors"), findings, &reasons));
  }
};

}  // namespace

doc::Document contract_document(const Model& model, const RenderOptions& options) {
  return Builder(model, options).build();
}

std::string client_term(const Model& model, const Wording& wording) {
  const std::string term = defined_term(model, client_words);
  return term.empty() ? wording.say("Client") : wording.own(term);
}

}  // namespace sla::cli
