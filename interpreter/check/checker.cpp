#include "interpreter/check/checker.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <cctype>
#include <functional>
#include <map>
#include <set>
#include <tuple>

#include <date/tz.h>

#include "grammar/codes.hpp"
#include "grammar/suggest.hpp"
#include "interpreter/check/inheritance.hpp"
#include "interpreter/time/calendar.hpp"

namespace sla {

namespace {

using ast::Kind;
using ast::Node;

std::string two(int v) {
  return fmt::format("{:02}", v);
}
std::string date_text(const ast::Date& d) {
  return fmt::format("{:04}-{}-{}", d.year, two(d.month), two(d.day));
}
std::string clock_text(int minutes) {
  return fmt::format("{}:{}", two(minutes / 60), two(minutes % 60));
}
std::string date_time_text(const ast::DateTime& t) {
  return fmt::format("{} {}", date_text(t.date), clock_text(t.time.minutes));
}

std::string number_text(std::int64_t milli) {
  if (milli % 1000 == 0) return fmt::format("{}", milli / 1000);
  std::string s = fmt::format("{}.{:03}", milli / 1000, milli % 1000);
  while (s.back() == '0') s.pop_back();
  return s;
}

std::string label_of(const Node& node) {
  const auto* l = ast::arg<ast::Label>(node);
  return l ? l->value : std::string();
}

std::string text_of(const Node& node, std::size_t nth = 0) {
  const auto* t = ast::arg<ast::Text>(node, nth);
  return t ? t->value : std::string();
}

const std::string& ident_of(const Node& node, std::size_t nth = 0) {
  static const std::string none;
  const auto* i = ast::arg<ast::Ident>(node, nth);
  return i ? i->name : none;
}

Span ident_span(const Node& node, std::size_t nth = 0) {
  const auto* i = ast::arg<ast::Ident>(node, nth);
  return i ? i->span : node.span;
}

const char* weekday_names[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};

std::string days_text(std::uint8_t mask) {
  if (mask == 0x7F) return "daily";
  std::string out;
  // Runs of consecutive days from Monday: "Mon-Fri, Sun".
  const int order[] = {1, 2, 3, 4, 5, 6, 0};
  for (int i = 0; i < 7;) {
    if (!(mask & (1u << order[i]))) {
      ++i;
      continue;
    }
    int j = i;
    while (j + 1 < 7 && (mask & (1u << order[j + 1]))) ++j;
    if (!out.empty()) out += ", ";
    out += weekday_names[order[i]];
    if (j > i) out += fmt::format("-{}", weekday_names[order[j]]);
    i = j + 1;
  }
  return out;
}

// An opening as written: "09:00-17:00", "22:00-06:00".
std::string interval_text(const DailyInterval& h) {
  const auto from = std::chrono::duration_cast<std::chrono::minutes>(h.start).count();
  const auto to = std::chrono::duration_cast<std::chrono::minutes>(h.end).count();
  return fmt::format("{}-{}", clock_text(static_cast<int>(from)),
                     to == 1440 ? "24:00" : clock_text(static_cast<int>(to % 1440)));
}

// The weekly hours for people: days with the same hours grouped ("Mon-Fri 09:00-17:00").
std::vector<std::string> weekly_text(const std::array<std::vector<DailyInterval>, 7>& weekly) {
  const DailyInterval whole_day{std::chrono::hours(0), std::chrono::hours(24)};
  bool always = true;
  for (const auto& day : weekly) always = always && day.size() == 1 && day[0] == whole_day;
  if (always) return {"always"};
  auto hours_text = [](const std::vector<DailyInterval>& day) {
    std::string out;
    for (const auto& h : day) out += fmt::format("{}{}", out.empty() ? "" : ", ", interval_text(h));
    return out;
  };
  std::vector<std::string> out;
  std::uint8_t done = 0;
  for (int i : {1, 2, 3, 4, 5, 6, 0}) {
    if ((done & (1u << i)) || weekly[i].empty()) continue;
    std::uint8_t mask = 0;
    for (int j = 0; j < 7; ++j)
      if (weekly[j] == weekly[i]) mask |= static_cast<std::uint8_t>(1u << j);
    done |= mask;
    out.push_back(fmt::format("{} {}", days_text(mask), hours_text(weekly[i])));
  }
  return out;
}

std::vector<std::string> hours_of(const Node& s) {
  std::vector<std::string> out;
  for (const auto* r : ast::args<ast::TimeRange>(s))
    out.push_back(fmt::format("{}-{}", clock_text(r->from.minutes), clock_text(r->to.minutes)));
  return out;
}

// "Did you mean" compares a word with each name it could be; beyond this many
// names (no real contract comes near) it is not offered.
constexpr std::size_t kMaxSuggestionCandidates = 1000;

std::string folded(std::string_view name) {
  std::string out(name);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The budget of Limits::max_items counts clauses, and their text: a clause counts
// once, and once more for each kBytesPerItem bytes of text it holds, so that a
// long text copied into every package that inherits it is paid for.
constexpr std::size_t kBytesPerItem = 256;

// What a package weighs in that budget.
std::size_t clauses(const Package& p) {
  std::size_t n = 1 + p.requires_.size() + p.excludes.size() + p.channels.size() +
                  p.features.size() + p.descriptions.size() + p.targets.size() + p.notes.size();
  std::size_t bytes = p.id.size() + p.title.size() + p.summary.size() + p.extends.size() +
                      p.sold_included_in.size() + p.sold_label.size() + p.calendar.size() +
                      p.span.file.size();
  auto text = [&](const std::string& s) { bytes += s.size(); };
  if (p.price) text(p.price->label);
  for (const auto& r : p.requires_) text(r);
  for (const auto& r : p.excludes) text(r);
  for (const auto& r : p.requires_at) text(r.file);
  for (const auto& r : p.excludes_at) text(r.file);
  for (const auto& c : p.channels) bytes += c.name.size() + c.at.size() + c.label.size();
  for (const auto& f : p.features) bytes += f.name.size() + f.description.size();
  for (const auto& [priority, words] : p.descriptions) bytes += priority.size() + words.size();
  for (const auto& t : p.targets)
    bytes += t.priority.size() + t.within.text.size() + t.label.size() + t.origin.size() +
             t.span.file.size();
  for (const auto& note : p.notes) text(note);
  if (p.pause_statuses) {
    n += p.pause_statuses->size();
    for (const auto& status : *p.pause_statuses) text(status);
  }
  auto bands = [&](const std::vector<EscalationBand>& ladder) {
    n += ladder.size();
    for (const auto& b : ladder)
      bytes += b.role.size() + b.contact.size() + b.channel.size() + b.remark.size() +
               b.from.text.size() + (b.until ? b.until->text.size() : 0) + b.span.file.size();
  };
  if (p.escalation) bands(*p.escalation);
  for (const auto& l : p.ladders) {
    bands(l.bands);
    n += l.priorities.size();
  }
  n += p.ticket_credits.size();
  for (const auto& u : p.uptime) {
    n += 1 + u.exclusions.size() + u.credits.size() + u.notes.size();
    bytes += u.service.size() + u.target_label.size() + u.period.size() + u.published_at.size() +
             u.credits_text.size() + u.span.file.size();
    for (const auto& e : u.exclusions)
      bytes += e.category.size() + e.text.size() + e.span.file.size();
    for (const auto& c : u.credits) text(c.span.file);
    for (const auto& note : u.notes) text(note);
  }
  return n + bytes / kBytesPerItem;
}

// The opening hours and dated rules of a calendar, counted the same way.
std::size_t clauses(const CalendarSpec& spec) {
  std::size_t n = 1, bytes = spec.name.size() + spec.zone.size();
  for (const auto& day : spec.weekly) n += day.size();
  for (const auto& h : spec.holidays) {
    n += 1 + h.hours.size();
    bytes += h.name.size();
  }
  return n + bytes / kBytesPerItem;
}

// A statement's own weight: itself, the statements of a block it opens, its text.
std::size_t weight(const ast::Node& s) {
  return 1 + s.children.size() + ast::args<ast::TimeRange>(s).size() +
         (s.span.end - s.span.begin) / kBytesPerItem;
}

class Checker {
 public:
  Checker(const SourceMap& sources, std::vector<Diagnostic>& diagnostics, const Limits& limits)
      : sources_(sources), diagnostics_(diagnostics), limits_(limits) {}

  std::shared_ptr<const Model> run(const std::vector<const ast::File*>& files) {
    auto model = std::make_shared<Model>();
    model_ = model.get();
    for (auto it = files.rbegin(); it != files.rend(); ++it)  // the root file first
      model_->files.push_back(sources_.file((*it)->root.span.file).name());
    collect(files);
    // Packages point at each other while they are flattened: no reallocation.
    model_->packages.reserve(items_[Kind::package].size());
    check_header();
    check_definitions();
    check_translations();
    check_priorities();
    for (const auto& p : model_->priorities) {
      rank_.emplace(p.name, p.rank);
      folded_.emplace(folded(p.name), p.rank);
    }
    check_attributes();
    for (const Node* n : items_[Kind::holiday_set]) check_holiday_set(*n);
    for (const Node* n : items_[Kind::calendar]) resolve_calendar(ident_of(*n));
    for (const Node* n : items_[Kind::package]) resolve_package(ident_of(*n));
    for (const Node* n : items_[Kind::addon]) {
      model_->addons.push_back(build_addon(*n));
      addon_index_.emplace(model_->addons.back().id, model_->addons.size() - 1);
    }
    check_addons();
    for (const Node* n : items_[Kind::example]) check_example(*n);
    if (has_errors(diagnostics_)) return nullptr;
    return model;
  }

 private:
  // ------------------------------------------------------------ reporting

  SourceRef ref(Span span) const {
    const Location loc = sources_.locate(span);
    return {loc.file, loc.line, loc.column};
  }

  // After Limits::max_errors errors the checker goes on silently: a contract that
  // is wrong everywhere gets one more diagnostic saying so, not thousands.
  Diagnostic& report(Code code, Span span, std::string message, std::string hint = {}) {
    if (quiet()) {
      discarded_ = {};
      return discarded_;
    }
    if (++errors_ > limits_.max_errors) {
      diagnostics_.push_back(
          make_diagnostic(Code::too_many_errors, sources_.locate(span),
                          fmt::format("too many errors; stopped after {}", limits_.max_errors)));
      discarded_ = {};
      return discarded_;
    }
    diagnostics_.push_back(
        make_diagnostic(code, sources_.locate(span), std::move(message), std::move(hint)));
    return diagnostics_.back();
  }

  bool quiet() const { return errors_ > limits_.max_errors; }

  void note(Diagnostic& d, Span span, std::string message) {
    d.notes.push_back({sources_.locate(span), std::move(message)});
  }

  template <typename Names>
  std::string did_you_mean(const std::string& word, const Names& names) {
    // A suggestion compares the word with every name: not among thousands.
    if (quiet() || names.size() > kMaxSuggestionCandidates) return {};
    std::vector<std::string> candidates(names.begin(), names.end());
    auto near = closest(word, std::span<const std::string>(candidates));
    return near ? fmt::format("did you mean '{}'?", *near) : std::string();
  }

  void unknown(Span span, std::string_view what, const std::string& name, Kind kind) {
    if (quiet()) {
      report(Code::unknown_name, span, {});
      return;
    }
    unknown(span, what, name, names_of(kind));
  }

  void unknown(Span span, std::string_view what, const std::string& name,
               const std::vector<std::string>& known) {
    std::string hint = did_you_mean(name, known);
    if (hint.empty() && !known.empty() && known.size() <= 12) {
      std::string list;
      for (const auto& k : known) list += fmt::format("{}{}", list.empty() ? "" : ", ", k);
      hint = fmt::format("known {}s: {}", what, list);
    }
    report(Code::unknown_name, span, fmt::format("unknown {} '{}'", what, name), std::move(hint));
  }

  // Statements that may be given once per block.
  void once(const Node& block, std::initializer_list<Kind> kinds) {
    for (Kind k : kinds) {
      const Node* first = nullptr;
      for (const auto& c : block.children) {
        if (c.kind != k) continue;
        if (!first) {
          first = &c;
          continue;
        }
        auto& d = report(
            Code::duplicate_statement, c.span,
            fmt::format("'{}' is given twice in this {}", ast::name(k), ast::name(block.kind)));
        note(d, first->span, "first given here");
      }
    }
  }

  // ------------------------------------------------------------ collecting

  void collect(const std::vector<const ast::File*>& files) {
    std::map<std::string, const Node*> names;  // one namespace for named items
    for (const auto* file : files) {
      for (const Node& item : file->root.children) {
        if (item.kind == Kind::import_file) continue;
        items_[item.kind].push_back(&item);
        const auto* id = ast::arg<ast::Ident>(item);
        // Attributes name ticket fields and translations languages, not items: their
        // names are checked apart.
        if (!id || item.kind == Kind::priorities || item.kind == Kind::attribute ||
            item.kind == Kind::translation)
          continue;
        auto [it, fresh] = names.emplace(id->name, &item);
        by_name_.emplace(id->name, &item);
        if (fresh) continue;
        auto& d = report(Code::duplicate_name, id->span,
                         fmt::format("'{}' is already defined (by a '{}' block)", id->name,
                                     ast::name(it->second->kind)));
        note(d, ident_span(*it->second), "first defined here");
      }
    }
    for (Kind k : {Kind::contract, Kind::priorities, Kind::definitions}) {
      const auto& list = items_[k];
      for (std::size_t i = 1; i < list.size(); ++i) {
        auto& d = report(
            Code::duplicate_statement, list[i]->span,
            fmt::format("a contract has one '{}' block; this is a second one", ast::name(k)));
        note(d, list[0]->span, "the first one is here");
      }
    }
  }

  std::vector<std::string> names_of(Kind kind) {
    std::vector<std::string> out;
    std::set<std::string_view> seen;
    for (const Node* n : items_[kind])
      if (seen.insert(ident_of(*n)).second) out.push_back(ident_of(*n));
    return out;
  }

  // ------------------------------------------------------------ limits

  // Charges `n` clauses to the budget of the whole contract after inheritance
  // (Limits::max_items). When it is spent: false, and one diagnostic for the load.
  bool charge(std::size_t n, Span at, std::string_view what) {
    if (!items_spent_ && n <= limits_.max_items - std::min(items_used_, limits_.max_items)) {
      items_used_ += n;
      return true;
    }
    if (!items_spent_)
      report(Code::too_many_items, at,
             fmt::format(
                 "{} takes the contract past {} clauses once inheritance, add-ons and holiday sets "
                 "are applied (the limit)",
                 what, limits_.max_items),
             "shorten the contract; the program that loads it sets the limit (Limits::max_items)");
    items_spent_ = true;
    return false;
  }

  // The parent a calendar or package names after `extends`, or "".
  std::string parent_of(Kind kind, const Node& block) {
    if (ast::args<ast::Ident>(block).size() < 2) return {};
    const std::string& parent = ident_of(block, 1);
    return item(kind, parent) ? parent : std::string();
  }

  // How many ancestors a calendar or package has (a cycle ends the count; it is
  // reported where the items are resolved). Each chain is walked once.
  std::size_t ancestors(Kind kind, const std::string& id) {
    std::vector<std::string> path;
    std::set<std::string> on_path;
    std::size_t above = 0;  // ancestors of the item above the last one on the path, plus one
    for (std::string current = id;;) {
      if (auto it = ancestors_.find({kind, current}); it != ancestors_.end()) {
        above = it->second + 1;
        break;
      }
      path.push_back(current);
      on_path.insert(current);
      const Node* block = item(kind, current);
      std::string parent = block ? parent_of(kind, *block) : std::string();
      if (parent.empty() || on_path.count(parent)) break;
      current = std::move(parent);
    }
    for (auto it = path.rbegin(); it != path.rend(); ++it) ancestors_[{kind, *it}] = above++;
    return ancestors_[{kind, id}];
  }

  // True (and reported once per chain) when `block` has more ancestors than allowed.
  bool too_deep(Kind kind, const std::string& id, const Node& block) {
    const std::size_t depth = ancestors(kind, id);
    if (depth <= limits_.max_extends_depth) return false;
    if (depth == limits_.max_extends_depth + 1)
      report(Code::inheritance_too_deep, ident_span(block, 1),
             fmt::format("{} '{}' has a chain of {} parents; the limit is {}", ast::name(kind), id,
                         depth, limits_.max_extends_depth),
             "state the terms in fewer steps; the program that loads the contract sets the limit "
             "(Limits::max_extends_depth)");
    return true;
  }

  const Node* item(Kind kind, const std::string& name) {
    auto [first, last] = by_name_.equal_range(name);
    for (auto it = first; it != last; ++it)
      if (it->second->kind == kind) return it->second;
    return nullptr;
  }

  // ------------------------------------------------------------ header

  void check_header() {
    if (items_[Kind::contract].empty()) return;
    const Node& block = *items_[Kind::contract].front();
    once(block, {Kind::provider, Kind::client, Kind::version, Kind::effective, Kind::ends,
                 Kind::reviewed, Kind::change_notice, Kind::summary});
    Header& h = model_->contract;
    const Node* ends_at = nullptr;
    h.name = text_of(block);
    h.span = ref(block.span);
    for (const Node& s : block.children) {
      switch (s.kind) {
        case Kind::provider:
          h.provider = text_of(s);
          break;
        case Kind::client:
          h.client = text_of(s);
          break;
        case Kind::version:
          h.version = text_of(s);
          break;
        case Kind::summary:
          h.summary = text_of(s);
          break;
        case Kind::effective:
          h.effective = date_text(*ast::arg<ast::Date>(s));
          break;
        case Kind::ends:
          h.ends = date_text(*ast::arg<ast::Date>(s));
          ends_at = &s;
          break;
        case Kind::reviewed:
          if (const auto* w = ast::arg<ast::Word>(s)) h.review_cycle = w->word;
          if (const auto* n = ast::arg<ast::Number>(s)) {
            if (n->milli < 1000 || n->milli % 1000 != 0)
              report(Code::out_of_range, n->span,
                     "the review cycle must be a whole number of months");
            h.review_cycle = n->milli == 1000
                                 ? std::string("every month")
                                 : fmt::format("every {} months", number_text(n->milli));
          }
          h.review_label = label_of(s);
          break;
        case Kind::change_notice: {
          h.change_notice = duration_value(*ast::arg<ast::Duration>(s));
          h.change_notice_label = label_of(s);
          // via "e-mail" to "...": each text follows its word.
          const ast::Word* word = nullptr;
          for (const auto& v : s.args) {
            if (const auto* w = std::get_if<ast::Word>(&v)) word = w;
            if (const auto* t = std::get_if<ast::Text>(&v); t && word)
              (word->word == "via" ? h.change_notice_via : h.change_notice_to) = t->value;
          }
          break;
        }
        default:
          break;
      }
    }
    // Dates are YYYY-MM-DD, so text order is date order.
    if (ends_at && !h.effective.empty() && h.ends < h.effective)
      report(
          Code::out_of_range, ends_at->span,
          fmt::format("the contract ends ({}) before it takes effect ({})", h.ends, h.effective));
  }

  void check_definitions() {
    std::map<std::string, Span> seen;
    for (const Node* block : items_[Kind::definitions]) {
      for (const Node& s : block->children) {
        Definition def{text_of(s, 0), text_of(s, 1), ref(s.span)};
        if (auto [it, fresh] = seen.emplace(def.term, s.span); !fresh) {
          auto& d =
              report(Code::duplicate_name, s.span, fmt::format("'{}' is defined twice", def.term));
          note(d, it->second, "first defined here");
          continue;
        }
        model_->definitions.push_back(std::move(def));
      }
    }
  }

  // A translation is named by its language's ISO 639 code ("id"), with a region
  // after '_' if it needs one ("pt_BR"); its entries key the contract's texts.
  void check_translations() {
    std::map<std::string, Span> languages;
    for (const Node* block : items_[Kind::translation]) {
      Translation t{ident_of(*block), text_of(*block), {}, {}, ref(block->span)};
      const std::string_view code = t.language;
      const auto lower = [](std::string_view s) {
        return std::all_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; });
      };
      const std::string_view base = code.substr(0, code.find('_'));
      if (base.size() < 2 || base.size() > 3 || !lower(base)) {
        report(Code::out_of_range, ident_span(*block),
               fmt::format("'{}' is not a language code", code),
               "name a translation by its language's ISO 639-1 code in lower case: 'id' for "
               "Indonesian, 'ms' for Malay, 'en' for English");
        continue;
      }
      if (auto [it, fresh] = languages.emplace(t.language, ident_span(*block)); !fresh) {
        auto& d = report(Code::duplicate_name, ident_span(*block),
                         fmt::format("a second translation into '{}'", t.language),
                         "keep one translation block per language");
        note(d, it->second, "the first one is here");
        continue;
      }
      std::map<std::string, Span, std::less<>> seen;
      for (const Node& s : block->children) {
        std::string from = text_of(s, 0), to = text_of(s, 1);
        // An empty side would render as nothing: a heading with no title, a clause
        // with no words.
        if (from.empty() || to.empty()) {
          report(Code::out_of_range, s.span,
                 from.empty() ? "a translation of an empty text" : "an empty translation",
                 fmt::format("write the text in '{}', or leave the entry out (the text then "
                             "stays as written)",
                             t.language));
          continue;
        }
        if (auto [it, fresh] = seen.emplace(from, s.span); !fresh) {
          auto& d = report(Code::duplicate_statement, s.span,
                           fmt::format("\"{}\" is translated twice", from));
          note(d, it->second, "first translated here");
          continue;
        }
        t.at.emplace(from, ref(s.span));
        t.texts.emplace(std::move(from), std::move(to));
      }
      model_->translations.push_back(std::move(t));
    }
  }

  void check_priorities() {
    std::map<std::string, Span> seen;
    for (const Node* block : items_[Kind::priorities]) {
      for (const Node& s : block->children) {
        const std::string& name = ident_of(s);
        if (name == "all") {
          report(Code::out_of_range, ident_span(s),
                 "'all' is reserved: 'respond to all' means every priority");
          continue;
        }
        if (auto [it, fresh] = seen.emplace(name, ident_span(s)); !fresh) {
          auto& d = report(Code::duplicate_name, ident_span(s),
                           fmt::format("priority '{}' is listed twice", name));
          note(d, it->second, "first listed here");
          continue;
        }
        // Each ticket looks its priority up among them, each target is kept per priority.
        if (model_->priorities.size() >= limits_.max_priorities) {
          report(Code::too_many_items, ident_span(s),
                 fmt::format("more than {} priorities (the limit)", limits_.max_priorities),
                 "the program that loads the contract sets the limit (Limits::max_priorities)");
          return;
        }
        model_->priorities.push_back(
            {name, text_of(s), static_cast<int>(model_->priorities.size()), ref(s.span)});
      }
    }
  }

  // Case-insensitive lookup: "critical" names the priority "Critical".
  const Priority* priority(const ast::Ident& name) {
    // Model::priority's rule (the exact name, else the first equal but for case),
    // through maps: a contract may hold many priorities and many targets.
    if (auto it = rank_.find(name.name); it != rank_.end())
      return &model_->priorities[static_cast<std::size_t>(it->second)];
    if (auto it = folded_.find(folded(name.name)); it != folded_.end())
      return &model_->priorities[static_cast<std::size_t>(it->second)];
    if (quiet()) {
      report(Code::unknown_priority, name.span, {});
      return nullptr;
    }
    std::vector<std::string> known;
    for (const auto& p : model_->priorities) known.push_back(p.name);
    if (model_->priorities.empty()) {
      report(Code::unknown_priority, name.span,
             fmt::format("unknown priority '{}': the contract has no priorities block", name.name),
             "add one: priorities { Low \"...\" High \"...\" }");
    } else {
      // The closest, and every name the contract knows: a typo and a priority
      // from another contract are both answered.
      std::string list;
      for (const auto& k : known) list += fmt::format("{}{}", list.empty() ? "" : ", ", k);
      std::string hint = did_you_mean(name.name, known);
      hint = hint.empty() ? fmt::format("the priorities are: {}", list)
                          : fmt::format("{} known: {}", hint, list);
      report(Code::unknown_priority, name.span, fmt::format("unknown priority '{}'", name.name),
             std::move(hint));
    }
    return nullptr;
  }

  // ------------------------------------------------------------ attributes

  void check_attributes() {
    // Ticket fields the readers give their own meaning.
    static constexpr std::string_view reserved[] = {
        "id",          "priority",    "created_at", "first_response_at",
        "resolved_at", "restored_at", "status",     "events",
        "error",       "all",         "updates"};
    std::map<std::string, Span> seen;
    for (const Node* n : items_[Kind::attribute]) {
      const ast::Ident& id = *ast::arg<ast::Ident>(*n);
      if (std::find(std::begin(reserved), std::end(reserved), id.name) != std::end(reserved)) {
        report(Code::out_of_range, id.span,
               fmt::format("'{}' is a ticket field of its own; an attribute needs another name",
                           id.name));
        continue;
      }
      if (auto [it, fresh] = seen.emplace(id.name, id.span); !fresh) {
        auto& d = report(Code::duplicate_name, id.span,
                         fmt::format("attribute '{}' is declared twice", id.name));
        note(d, it->second, "first declared here");
        continue;
      }
      Attribute a{id.name, {}, label_of(*n), ref(n->span)};
      std::map<std::string, Span> values;
      for (const auto* t : ast::args<ast::Text>(*n)) {
        if (t->value.empty()) {
          report(Code::out_of_range, t->span,
                 "an attribute value is not empty: an empty cell means the ticket has none");
          continue;
        }
        if (auto [it, fresh] = values.emplace(folded(t->value), t->span); !fresh) {
          auto& d = report(
              Code::duplicate_statement, t->span,
              fmt::format("value \"{}\" of attribute '{}' is listed twice", t->value, id.name));
          note(d, it->second, "first listed here");
          continue;
        }
        a.values.push_back(t->value);
      }
      model_->attributes.push_back(std::move(a));
    }
  }

  // The attribute a condition or an example names, reported when unknown.
  const Attribute* attribute(const ast::Ident& name) {
    if (const Attribute* a = model_->attribute(name.name)) return a;
    std::vector<std::string> known;
    for (const auto& a : model_->attributes) known.push_back(a.name);
    if (known.empty())
      report(Code::unknown_name, name.span,
             fmt::format("unknown attribute '{}': the contract declares no attributes", name.name),
             fmt::format("declare it at the top level: attribute {} \"...\", \"...\"", name.name));
    else
      unknown(name.span, "attribute", name.name, known);
    return nullptr;
  }

  // A value of `a` as declared (matched case-insensitively), reported when unknown.
  std::optional<std::string> attribute_value(const Attribute& a, const ast::Text& value) {
    for (const auto& v : a.values)
      if (iequals(v, value.value)) return v;
    std::string list;
    for (const auto& v : a.values) list += fmt::format("{}\"{}\"", list.empty() ? "" : ", ", v);
    report(Code::unknown_name, value.span,
           fmt::format("\"{}\" is not a value of attribute '{}'", value.value, a.name),
           fmt::format("its values are: {}", list));
    return std::nullopt;
  }

  // where channel is "phone", "chat": the words after 'where' in a target.
  std::optional<Condition> condition(const Node& s) {
    const ast::Ident* name = nullptr;
    std::vector<const ast::Text*> values;
    bool in_where = false;
    for (const auto& v : s.args) {
      if (const auto* w = std::get_if<ast::Word>(&v)) {
        in_where = w->word == "where";
      } else if (!in_where) {
        continue;
      } else if (const auto* i = std::get_if<ast::Ident>(&v)) {
        name = i;
      } else if (const auto* t = std::get_if<ast::Text>(&v)) {
        values.push_back(t);
      } else {
        in_where = false;
      }
    }
    if (!name) return std::nullopt;
    Condition c{name->name, {}};
    const Attribute* a = attribute(*name);
    if (!a) return c;
    for (const auto* t : values)
      if (auto v = attribute_value(*a, *t);
          v && std::find(c.values.begin(), c.values.end(), *v) == c.values.end())
        c.values.push_back(*v);
    return c;
  }

  // ------------------------------------------------------------ holidays

  void check_holiday_set(const Node& block) {
    once(block, {Kind::source, Kind::covers});
    HolidaySet set;
    set.id = ident_of(block);
    set.title = text_of(block);
    set.span = ref(block.span);
    std::map<std::string, Span> seen;
    const Node* covers = nullptr;
    for (const Node& s : block.children) {
      if (s.kind == Kind::source) set.source = text_of(s);
      if (s.kind == Kind::covers) {
        covers = &s;
        set.first_year = static_cast<int>(ast::arg<ast::Number>(s, 0)->milli / 1000);
        set.last_year = static_cast<int>(ast::arg<ast::Number>(s, 1)->milli / 1000);
        if (set.last_year < set.first_year)
          report(Code::out_of_range, s.span, "the covered years run backwards");
      }
    }
    for (const Node& s : block.children) {
      if (s.kind != Kind::holiday) continue;
      const auto& date = *ast::arg<ast::Date>(s);
      Holiday h{date_text(date), text_of(s), {}, ast::has_word(s, "tentative")};
      for (const auto* r : ast::args<ast::TimeRange>(s))
        h.hours.push_back(
            fmt::format("{}-{}", clock_text(r->from.minutes), clock_text(r->to.minutes)));
      if (auto [it, fresh] = seen.emplace(h.date, s.span); !fresh) {
        auto& d =
            report(Code::duplicate_statement, s.span, fmt::format("{} is listed twice", h.date));
        note(d, it->second, "first listed here");
      }
      if (covers && (date.year < set.first_year || date.year > set.last_year)) {
        auto& d = report(Code::out_of_range, date.span,
                         fmt::format("{} is outside the years this set covers ({} to {})", h.date,
                                     set.first_year, set.last_year));
        note(d, covers->span, "the covered years are stated here");
      }
      set.days.push_back(std::move(h));
      holiday_nodes_[set.id].push_back(&s);
    }
    model_->holiday_sets.push_back(std::move(set));
  }

  // ------------------------------------------------------------ calendars

  std::vector<DailyInterval> intervals(const Node& s, bool& ok) {
    std::vector<DailyInterval> out;
    for (const auto* r : ast::args<ast::TimeRange>(s)) {
      int from = r->from.minutes, to = r->to.minutes;
      if (from == 1440) {
        report(Code::out_of_range, r->span,
               "an opening cannot start at 24:00; write 00:00 on the next day");
        ok = false;
        continue;
      }
      if (to == from) {
        report(Code::out_of_range, r->span,
               "an opening that ends when it starts is empty; for a full day write 00:00-24:00");
        ok = false;
        continue;
      }
      if (to < from) to += 1440;  // crosses midnight
      out.push_back({std::chrono::minutes(from), std::chrono::minutes(to)});
    }
    return out;
  }

  struct CalendarBuild {
    CalendarSpec spec;
    CalendarInfo info;
    std::map<int, std::size_t> holiday_at;  // day number -> index in spec.holidays
    bool ok = true;
    bool has_zone = false, has_hours = false;
    std::string member_zone;  // a union's first member's zone
    std::set<int> set_days;   // days named by this calendar's own holiday sets
  };

  // Calendars may extend each other; each is built once, parents first.
  CalendarBuild* resolve_calendar(const std::string& id) {
    if (auto it = calendars_.find(id); it != calendars_.end()) return it->second.get();
    const Node* block = item(Kind::calendar, id);
    if (!block) return nullptr;
    if (calendar_stack_.count(id)) {
      report(Code::inheritance_cycle, ident_span(*block),
             fmt::format("calendar '{}' extends itself through its parents", id));
      return nullptr;
    }
    if (items_spent_ || too_deep(Kind::calendar, id, *block)) return nullptr;
    calendar_stack_.insert(id);
    auto build = std::make_unique<CalendarBuild>();
    CalendarBuild& b = *build;
    const std::string what = fmt::format("calendar '{}'", id);
    bool parent_failed = false;  // then what it lacks was already said
    const std::string parent = ast::args<ast::Ident>(*block).size() > 1 ? ident_of(*block, 1) : "";
    if (!parent.empty()) {
      CalendarBuild* p = resolve_calendar(parent);
      if (p && !charge(clauses(p->spec), ident_span(*block), what)) {
        calendar_stack_.erase(id);
        return nullptr;
      }
      if (p) {
        b.spec = p->spec;
        b.holiday_at = p->holiday_at;
        b.info = p->info;
        b.has_zone = p->has_zone;
        b.has_hours = p->has_hours;
        b.ok = p->ok;
      } else if (!item(Kind::calendar, parent)) {
        unknown(ident_span(*block, 1), "calendar", parent, Kind::calendar);
        b.ok = false;
        parent_failed = true;
      } else {
        b.ok = false;
        parent_failed = true;
      }
    }
    calendar_stack_.erase(id);
    b.info.id = id;
    b.info.title = text_of(*block);
    b.info.extends = parent;
    b.info.span = ref(block->span);
    b.info.calendar.reset();
    b.spec.name = id;
    once(*block, {Kind::zone, Kind::business_day, Kind::summary});

    std::uint8_t own_days = 0;  // weekdays whose hours this calendar states itself
    std::map<std::string, Span> dated;
    bool week_too_full = false;  // said once per calendar
    for (const Node& s : block->children) {
      if (!charge(weight(s), s.span, what)) {
        b.ok = false;
        break;
      }
      switch (s.kind) {
        case Kind::zone:
          b.has_zone = check_zone(s, b);
          break;
        case Kind::summary:
          b.info.summary = text_of(s);
          break;
        case Kind::open: {
          if (ast::has_word(s, "on holidays")) {
            b.info.holidays_stated = true;
            break;
          }
          b.has_hours = true;
          {
            // A calendar's own hours for a day replace what its parent says of that day.
            const bool always = ast::has_word(s, "always");
            const std::uint8_t mask = always ? 0x7F : ast::arg<ast::Days>(s)->mask;
            auto hours =
                always ? std::vector<DailyInterval>{{std::chrono::hours(0), std::chrono::hours(24)}}
                       : intervals(s, b.ok);
            // Each opening of the week is an interval in every year's table: their
            // number bounds what compiling a year costs (Limits::max_weekly_intervals).
            std::size_t week = 0;
            for (int d = 0; d < 7; ++d)
              week += (mask & (1u << d))
                          ? (own_days & (1u << d) ? b.spec.weekly[d].size() : 0) + hours.size()
                          : b.spec.weekly[d].size();
            if (week > limits_.max_weekly_intervals) {
              if (!week_too_full)
                report(Code::too_many_items, s.span,
                       fmt::format("calendar '{}' opens {} times a week; the limit is {}", id, week,
                                   limits_.max_weekly_intervals),
                       "join adjacent openings; the program that loads the contract sets the "
                       "limit (Limits::max_weekly_intervals)");
              week_too_full = true;
              b.ok = false;
              break;
            }
            // Each overlap is said once, with the days it happens on.
            std::vector<Overlap> overlaps;
            for (int d = 0; d < 7; ++d) {
              if (!(mask & (1u << d))) continue;
              if (!(own_days & (1u << d))) b.spec.weekly[d].clear();
              own_days |= static_cast<std::uint8_t>(1u << d);
              for (const auto& h : hours) add_interval(b.spec.weekly[d], h, d, overlaps);
            }
            for (const auto& o : overlaps) {
              report(Code::conflicting_terms, s.span,
                     fmt::format("{}: {} overlaps {}", days_text(o.days), interval_text(o.first),
                                 interval_text(o.second)),
                     fmt::format("join them into one opening ({}) or make the first end before the "
                                 "second starts",
                                 interval_text({std::min(o.first.start, o.second.start),
                                                std::max(o.first.end, o.second.end)})));
              b.ok = false;
            }
          }
          break;
        }
        case Kind::closed: {
          b.info.holidays_stated = true;
          if (const auto* date = ast::arg<ast::Date>(s)) {
            add_dated(b, dated, *date, text_of(s), {}, s);
            break;
          }
          for (const auto* set_name : ast::args<ast::Ident>(s)) {
            const Node* set = item(Kind::holiday_set, set_name->name);
            if (!set) {
              unknown(set_name->span, "holiday set", set_name->name, Kind::holiday_set);
              b.ok = false;
              continue;
            }
            b.info.holiday_sets.push_back(set_name->name);
            std::size_t days = 0;
            for (const Node* h : holiday_nodes_[set_name->name]) days += weight(*h);
            if (!charge(days, set_name->span, what)) {
              b.ok = false;
              break;
            }
            for (const Node* h : holiday_nodes_[set_name->name]) {
              bool ok = true;
              add_dated(b, dated, *ast::arg<ast::Date>(*h), text_of(*h), intervals(*h, ok), *h);
            }
          }
          break;
        }
        case Kind::special_hours: {
          auto hours = intervals(s, b.ok);
          add_dated(b, dated, *ast::arg<ast::Date>(s), text_of(s), std::move(hours), s);
          break;
        }
        case Kind::union_of:
          b.has_hours = b.has_zone = true;
          if (!parent.empty()) {
            report(Code::misplaced_statement, s.span,
                   "a union calendar extends no calendar: it is open when its members are");
            b.ok = false;
          }
          for (const auto* member : ast::args<ast::Ident>(s)) {
            b.info.union_of.push_back(member->name);
            if (member->name == id || calendar_stack_.count(member->name)) {
              report(Code::inheritance_cycle, member->span,
                     fmt::format("calendar '{}' is a union that includes itself", id));
              b.ok = false;
              continue;
            }
            if (!item(Kind::calendar, member->name)) {
              unknown(member->span, "calendar", member->name, Kind::calendar);
              b.ok = false;
              continue;
            }
            calendar_stack_.insert(id);
            CalendarBuild* m = resolve_calendar(member->name);
            calendar_stack_.erase(id);
            if (!m || !m->info.calendar) {
              b.ok = false;
              continue;
            }
            if (b.spec.members.empty()) b.member_zone = m->info.zone;
            b.spec.members.push_back(m->info.calendar);
          }
          break;
        case Kind::business_day: {
          const auto& d = *ast::arg<ast::Duration>(s);
          if (d.business) {
            report(Code::wrong_unit, d.span,
                   "the length of a business day is calendar time: write '8 hours', not '8 "
                   "business hours'");
            b.ok = false;
            break;
          }
          const auto seconds = to_plain_seconds(d);
          if (seconds <= 0 || seconds > 24 * 3600) {
            report(Code::out_of_range, d.span,
                   "a business day is more than 0 and at most 24 hours");
            b.ok = false;
            break;
          }
          b.spec.business_day = std::chrono::seconds(seconds);
          break;
        }
        default:
          break;
      }
    }
    if (parent_failed) b.ok = false;
    if (!b.info.union_of.empty()) check_union(*block, b);
    if (!b.has_zone && !parent_failed) {
      report(Code::missing_statement, ident_span(*block),
             fmt::format("calendar '{}' has no time zone", id),
             "add: zone \"Asia/Jakarta\" (or UTC+07:00)");
      b.ok = false;
    }
    if (!b.has_hours && !parent_failed) {
      report(Code::missing_statement, ident_span(*block),
             fmt::format("calendar '{}' has no opening hours", id),
             "add: open Mon-Fri 09:00-17:00 (or: open always)");
      b.ok = false;
    }
    b.info.weekly = weekly_text(b.spec.weekly);
    // A default business day is worked out again for this calendar's own hours.
    b.info.business_day_seconds.reset();
    if (b.ok) {
      try {
        auto calendar = std::make_shared<const Calendar>(b.spec);
        if (auto bd = calendar->business_day()) b.info.business_day_seconds = bd->count();
        b.info.calendar = std::move(calendar);
      } catch (const std::exception& e) {
        report(Code::out_of_range, ident_span(*block),
               fmt::format("calendar '{}' cannot be built: {}", id, e.what()));
        b.ok = false;
      }
    }
    model_->calendars.push_back(b.info);
    calendar_index_.emplace(id, model_->calendars.size() - 1);
    return (calendars_[id] = std::move(build)).get();
  }

  // A union's hours are its members': it states none of its own, and takes the
  // first member's zone unless it names one.
  void check_union(const Node& block, CalendarBuild& b) {
    for (const Node& s : block.children)
      if (s.kind == Kind::open || s.kind == Kind::closed || s.kind == Kind::special_hours) {
        report(Code::misplaced_statement, s.span,
               "a union calendar is open when any of its members is: state hours and holidays in "
               "the members");
        b.ok = false;
      }
    if (b.spec.members.empty()) return;
    const bool zone_stated = std::any_of(block.children.begin(), block.children.end(),
                                         [](const Node& s) { return s.kind == Kind::zone; });
    if (!zone_stated) {
      const CalendarSpec& first = b.spec.members.front()->spec();
      b.spec.zone = first.zone;
      b.spec.fixed_offset = first.fixed_offset;
      b.info.zone = b.member_zone;
    }
    if (!b.spec.business_day) {
      // Members with one business-day length give it to the union.
      std::optional<std::chrono::seconds> common = b.spec.members.front()->business_day();
      for (const auto& m : b.spec.members)
        if (m->business_day() != common) common.reset();
      b.spec.business_day = common;
    }
  }

  static std::int64_t to_plain_seconds(const ast::Duration& d) {
    static constexpr std::int64_t unit[] = {60, 3600, 86400, 604800};
    return d.milli * unit[static_cast<int>(d.unit)] / 1000;
  }

  // Two openings of the same day that overlap, and the days they do on.
  struct Overlap {
    DailyInterval first, second;
    std::uint8_t days = 0;
  };

  static void add_interval(std::vector<DailyInterval>& day, DailyInterval h, int weekday,
                           std::vector<Overlap>& overlaps) {
    for (const auto& other : day) {
      if (h.start < other.end && other.start < h.end) {
        auto same = std::find_if(overlaps.begin(), overlaps.end(), [&](const Overlap& o) {
          return o.first == other && o.second == h;
        });
        if (same == overlaps.end()) same = overlaps.insert(overlaps.end(), {other, h, 0});
        same->days |= static_cast<std::uint8_t>(1u << weekday);
        return;
      }
    }
    day.push_back(h);
    std::sort(day.begin(), day.end(), [](auto& a, auto& b) { return a.start < b.start; });
  }

  void add_dated(CalendarBuild& b, std::map<std::string, Span>& dated, const ast::Date& date,
                 std::string name, std::vector<DailyInterval> hours, const Node& s) {
    const std::string key = date_text(date);
    HolidayRule rule{date::year{date.year} / date.month / date.day, std::move(name),
                     std::move(hours), s.kind == Kind::holiday && ast::has_word(s, "tentative")};
    // A date stated in the calendar itself overrides the same date in a holiday set.
    const int day = static_cast<int>(date::sys_days{rule.day}.time_since_epoch().count());
    auto [at, fresh] = b.holiday_at.emplace(day, b.spec.holidays.size());
    if (!fresh) {
      auto existing = b.spec.holidays.begin() + static_cast<std::ptrdiff_t>(at->second);
      if (auto it = dated.find(key); it != dated.end()) {
        if (s.kind == Kind::holiday) return;  // the calendar's own word on the day wins
        auto& d = report(Code::duplicate_statement, s.span, fmt::format("{} is given twice", key));
        note(d, it->second, "first given here");
        b.ok = false;
        return;
      }
      if (s.kind == Kind::holiday && b.set_days.count(day)) {
        // Two holiday sets of this calendar name the day: it opens the union of their
        // hours, whatever order the sets are named in.
        existing->hours.insert(existing->hours.end(), rule.hours.begin(), rule.hours.end());
        if (existing->name != rule.name) existing->name += " / " + rule.name;
        existing->tentative = existing->tentative && rule.tentative;  // firm in one set: firm
        return;
      }
      *existing = std::move(rule);  // over what the parent calendar says of the day
    } else {
      b.spec.holidays.push_back(std::move(rule));
    }
    if (s.kind == Kind::holiday) b.set_days.insert(day);
    if (s.kind != Kind::holiday) {
      dated.emplace(key, s.span);
      std::string hours;
      for (const auto& h : hours_of(s)) hours += fmt::format("{}{}", hours.empty() ? "" : ", ", h);
      b.info.dated.push_back(
          fmt::format("{} {}{}", key, hours.empty() ? "closed" : hours,
                      text_of(s).empty() ? "" : fmt::format(" ({})", text_of(s))));
    }
  }

  bool check_zone(const Node& s, CalendarBuild& b) {
    if (const auto* word = ast::arg<ast::Word>(s)) {  // UTC, UTC+7, UTC+07:00, UTC-03:30
      std::string_view t = word->word;
      t.remove_prefix(3);
      int sign = 1, hours = 0, minutes = 0;
      if (!t.empty()) {
        sign = t.front() == '-' ? -1 : 1;
        t.remove_prefix(1);
        const auto colon = t.find(':');
        hours = std::stoi(std::string(t.substr(0, colon)));
        if (colon != std::string_view::npos) minutes = std::stoi(std::string(t.substr(colon + 1)));
      }
      if (hours > 14 || minutes > 59 || (hours == 14 && minutes > 0)) {
        report(Code::out_of_range, word->span, "a UTC offset is between UTC-14:00 and UTC+14:00");
        b.ok = false;
        return true;
      }
      b.spec.zone.clear();
      b.spec.fixed_offset = std::chrono::minutes(sign * (hours * 60 + minutes));
      b.info.zone = minutes || hours
                        ? fmt::format("UTC{}{}:{}", sign < 0 ? '-' : '+', two(hours), two(minutes))
                        : "UTC";
      return true;
    }
    const auto* name = ast::arg<ast::Text>(s);
    try {
      (void)date::locate_zone(name->value);
    } catch (const std::exception&) {
      std::vector<std::string> zones;
      try {
        for (const auto& z : date::get_tzdb().zones) zones.push_back(std::string(z.name()));
      } catch (const std::exception&) {
      }
      std::string hint = did_you_mean(name->value, zones);
      const std::string_view given = name->value;
      if (given.size() > 3 && (given.starts_with("UTC") || given.starts_with("GMT")) &&
          (given[3] == '+' || given[3] == '-'))
        hint = fmt::format("a fixed offset is written without quotes: zone UTC{}", given.substr(3));
      else if (hint.empty())
        hint =
            "use an IANA name such as \"Asia/Jakarta\", or a fixed offset without quotes: "
            "zone UTC+07:00";
      report(Code::unknown_zone, name->span, fmt::format("unknown time zone \"{}\"", name->value),
             std::move(hint));
      b.ok = false;
      return true;
    }
    b.spec.zone = name->value;
    b.info.zone = name->value;
    return true;
  }

  // ------------------------------------------------------------ packages

  // A package or add-on's own statements, before inheritance.
  Package build(const Node& block) {
    Package p;
    p.id = ident_of(block);
    p.title = text_of(block);
    p.is_addon = block.kind == Kind::addon;
    if (!p.is_addon && ast::args<ast::Ident>(block).size() > 1) p.extends = ident_of(block, 1);
    p.span = ref(block.span);
    once(block, {Kind::summary, Kind::sold, Kind::price, Kind::uses_calendar, Kind::clock_starts,
                 Kind::clock_pauses, Kind::credit_cap, Kind::warn_at});

    TargetsSeen targets_seen;
    TargetIndex target_at;                  // index in p.targets
    std::map<std::string, Span> ladder_of;  // priority ("" for all) -> the ladder naming it
    std::map<std::pair<std::string, TargetKind>, Span> credits_seen;
    std::map<std::string, Span> uptime_seen;
    const std::string what = fmt::format("{} '{}'", p.is_addon ? "add-on" : "package", p.id);
    for (const Node& s : block.children) {
      // A target for 'all' priorities is one clause per priority.
      const bool for_all = is_target(s.kind) && ast::has_word(s, "all");
      const std::size_t copies = for_all ? std::max<std::size_t>(1, model_->priorities.size()) : 1;
      if (!charge(copies * weight(s), s.span, what)) break;
      switch (s.kind) {
        case Kind::summary:
          p.summary = text_of(s);
          break;
        case Kind::sold:
          p.sold_separately = ast::has_word(s, "separately");
          p.sold_included_in = text_of(s);
          p.sold_label = label_of(s);
          break;
        case Kind::price: {
          const auto& m = *ast::arg<ast::Money>(s);
          Money money{m.currency, m.milli, "", label_of(s)};
          if (const auto* w = ast::arg<ast::Word>(s)) money.period = w->word;
          p.price = std::move(money);
          break;
        }
        case Kind::requirement:
          for (const auto* i : ast::args<ast::Ident>(s)) {
            p.requires_.push_back(i->name);
            p.requires_at.push_back(ref(s.span));
          }
          break;
        case Kind::exclusion:
          for (const auto* i : ast::args<ast::Ident>(s)) {
            p.excludes.push_back(i->name);
            p.excludes_at.push_back(ref(s.span));
          }
          break;
        case Kind::uses_calendar: {
          const std::string& name = ident_of(s);
          if (!item(Kind::calendar, name)) unknown(ident_span(s), "calendar", name, Kind::calendar);
          p.calendar = name;
          break;
        }
        case Kind::channel:
          p.channels.push_back({text_of(s, 0), text_of(s, 1), label_of(s)});
          break;
        case Kind::feature:
          p.features.push_back({text_of(s, 0), text_of(s, 1)});
          break;
        case Kind::describe: {
          const auto* name = ast::arg<ast::Ident>(s);
          if (const Priority* pr = priority(*name)) p.descriptions[pr->name] = text_of(s);
          break;
        }
        case Kind::respond:
        case Kind::resolve:
        case Kind::update:
        case Kind::restore:
          add_targets(p, s, targets_seen, target_at);
          break;
        case Kind::ticket_credit:
          add_ticket_credit(p, s, credits_seen);
          break;
        case Kind::credit_cap: {
          const auto& cap = *ast::arg<ast::Percent>(s);
          if (cap.milli <= 0 || cap.milli > 100000)
            report(Code::out_of_range, cap.span, "a credit cap is more than 0 and at most 100 %");
          p.credit_cap_milli = cap.milli;
          break;
        }
        case Kind::clock_starts:
          p.clock_starts_at_next_opening = ast::has_word(s, "at next opening");
          break;
        case Kind::clock_pauses: {
          std::vector<std::string> statuses;
          for (const auto* t : ast::args<ast::Text>(s)) statuses.push_back(t->value);
          p.pause_statuses = std::move(statuses);
          break;
        }
        case Kind::warn_at:
          p.warn_at_milli = warn_thresholds(s);
          break;
        case Kind::escalation:
          add_ladder(p, s, ladder_of);
          break;
        case Kind::uptime: {
          Uptime u = uptime(s);
          if (auto [it, fresh] = uptime_seen.emplace(u.service, s.span); !fresh) {
            auto& d = report(Code::duplicate_statement, s.span,
                             fmt::format("uptime of \"{}\" is given twice", u.service));
            note(d, it->second, "first given here");
          }
          p.uptime.push_back(std::move(u));
          break;
        }
        case Kind::note:
          p.notes.push_back(text_of(s));
          break;
        default:
          break;
      }
    }
    return p;
  }

  using TargetKey = std::tuple<TargetKind, std::string, std::optional<Condition>>;
  using TargetsSeen = std::map<TargetKey, Span>;
  using TargetIndex = std::map<TargetKey, std::size_t>;

  static bool is_target(Kind kind) {
    return kind == Kind::respond || kind == Kind::resolve || kind == Kind::update ||
           kind == Kind::restore;
  }

  static TargetKind target_kind(Kind kind) {
    switch (kind) {
      case Kind::resolve:
        return TargetKind::resolution;
      case Kind::update:
        return TargetKind::update;
      case Kind::restore:
        return TargetKind::restoration;
      default:
        return TargetKind::response;
    }
  }

  // The identifier that follows the word `word` in a statement ("on calendar X").
  static const ast::Ident* ident_after(const Node& s, std::string_view word) {
    bool after = false;
    for (const auto& v : s.args) {
      if (const auto* w = std::get_if<ast::Word>(&v))
        after = w->word == word;
      else if (const auto* i = std::get_if<ast::Ident>(&v); i && after)
        return i;
    }
    return nullptr;
  }

  void add_targets(Package& p, const Node& s, TargetsSeen& seen, TargetIndex& at) {
    Target t;
    t.kind = target_kind(s.kind);
    if (const auto* d = ast::arg<ast::Duration>(s)) {
      t.within = duration_value(*d);
      if (d->milli <= 0)
        report(Code::out_of_range, d->span,
               t.kind == TargetKind::update ? "updates are due every so often: more than 0"
                                            : "a target is more than 0");
    }
    if (ast::has_word(s, "by")) {
      RelativeDeadline r;
      if (const auto* clock = ast::arg<ast::ClockTime>(s)) {
        r.at_minutes = clock->minutes;
        r.text = fmt::format("by {} next business day", clock_text(clock->minutes));
      } else {
        r.text = "by end of next business day";
      }
      t.by = std::move(r);
    }
    t.where = condition(s);
    if (const auto* cal = ident_after(s, "on calendar")) {
      t.calendar = cal->name;
      if (!item(Kind::calendar, cal->name))
        unknown(cal->span, "calendar", cal->name, Kind::calendar);
    }
    t.commitment =
        ast::has_word(s, "best effort") ? Commitment::best_effort : Commitment::committed;
    t.label = label_of(s);
    t.origin = ident_of_block_;
    t.span = ref(s.span);
    std::vector<std::string> priorities;
    const bool all = ast::has_word(s, "all");
    t.for_all = all;
    if (all) {
      for (const auto& pr : model_->priorities) priorities.push_back(pr.name);
      if (model_->priorities.empty() && !t.where)
        report(Code::unknown_priority, s.span,
               "'all' priorities, but the contract has no priorities block");
    } else if (!s.args.empty() && std::holds_alternative<ast::Ident>(s.args.front())) {
      if (const Priority* pr = priority(std::get<ast::Ident>(s.args.front())))
        priorities.push_back(pr->name);
    }
    // A target for all on a condition also judges tickets that have no priority.
    if (all && t.where) priorities.push_back("");
    for (const auto& pname : priorities) {
      t.priority = pname;
      TargetKey key{t.kind, pname, t.where};
      auto it = seen.find(key);
      // "respond to all" followed by one priority refines it; two targets for the
      // same priority (and condition) are a contradiction.
      if (it != seen.end() && !all) {
        auto& d = report(Code::duplicate_statement, s.span,
                         fmt::format("a second {} target for {}{}", name(t.kind), pname,
                                     t.where ? " where " + t.where->text() : ""));
        note(d, it->second, "first given here");
        continue;
      }
      if (!all) seen[key] = s.span;
      if (auto [slot, fresh] = at.emplace(key, p.targets.size()); fresh)
        p.targets.push_back(t);
      else
        p.targets[slot->second] = t;
    }
  }

  // Each share strictly between 0 and 100 %, rising: a warning at 100 % would be the breach.
  std::vector<std::int32_t> warn_thresholds(const Node& s) {
    std::vector<std::int32_t> out;
    for (const auto* share : ast::args<ast::Percent>(s)) {
      if (share->milli <= 0 || share->milli >= 100000)
        report(Code::out_of_range, share->span,
               "a warning is given between 0 and 100 % of a target's time");
      else if (!out.empty() && share->milli <= out.back())
        report(Code::out_of_range, share->span,
               "warnings are listed from the earliest: each share above the one before");
      else
        out.push_back(share->milli);
    }
    return out;
  }

  void add_ticket_credit(Package& p, const Node& s,
                         std::map<std::pair<std::string, TargetKind>, Span>& seen) {
    TicketCredit c;
    const auto& percent = *ast::arg<ast::Percent>(s);
    c.percent_milli = percent.milli;
    c.span = ref(s.span);
    if (percent.milli <= 0 || percent.milli > 100000)
      report(Code::out_of_range, percent.span, "a credit is more than 0 and at most 100 %");
    if (const auto* who = ast::arg<ast::Ident>(s)) {
      const Priority* pr = priority(*who);
      if (!pr) return;
      c.priority = pr->name;
    }
    const auto words = ast::args<ast::Word>(s);
    const std::string& kind = words.back()->word;
    c.kind = kind == "resolution"    ? TargetKind::resolution
             : kind == "update"      ? TargetKind::update
             : kind == "restoration" ? TargetKind::restoration
                                     : TargetKind::response;
    if (auto [it, fresh] = seen.emplace(std::pair(c.priority, c.kind), s.span); !fresh) {
      auto& d = report(Code::duplicate_statement, s.span,
                       fmt::format("a second credit per breached {}{}",
                                   c.priority.empty() ? "" : c.priority + " ", name(c.kind)));
      note(d, it->second, "first given here");
      return;
    }
    p.ticket_credits.push_back(std::move(c));
  }

  // escalation { ... } for all priorities, escalation for P1, P2 { ... } for some:
  // each priority climbs one ladder.
  void add_ladder(Package& p, const Node& s, std::map<std::string, Span>& ladder_of) {
    const auto names = ast::args<ast::Ident>(s);
    if (names.empty()) {
      if (auto [it, fresh] = ladder_of.emplace("", s.span); !fresh) {
        auto& d = report(Code::duplicate_statement, s.span,
                         "a second escalation ladder for all priorities");
        note(d, it->second, "first given here");
        return;
      }
      p.escalation = escalation(s);
      return;
    }
    Escalation ladder;
    ladder.span = ref(s.span);
    for (const auto* n : names) {
      const Priority* pr = priority(*n);
      if (!pr) continue;
      if (auto [it, fresh] = ladder_of.emplace(pr->name, n->span); !fresh) {
        auto& d = report(Code::duplicate_statement, n->span,
                         fmt::format("{} is already on another escalation ladder", pr->name),
                         "each priority climbs one ladder");
        note(d, it->second, "named here");
        continue;
      }
      ladder.priorities.push_back(pr->name);
    }
    ladder.bands = escalation(s);
    if (!ladder.priorities.empty()) p.ladders.push_back(std::move(ladder));
  }

  std::vector<EscalationBand> escalation(const Node& block) {
    std::vector<EscalationBand> bands;
    for (const Node& s : block.children) {
      EscalationBand band;
      band.span = ref(s.span);
      const auto durations = ast::args<ast::Duration>(s);
      band.from = duration_value(*durations[0]);
      if (durations.size() > 1) {
        band.until = duration_value(*durations[1]);
        if (durations[1]->business != durations[0]->business)
          report(Code::wrong_unit, durations[1]->span,
                 "a band's start and end must both be business time or both calendar time");
        else if (to_plain_seconds(*durations[1]) <= to_plain_seconds(*durations[0]))
          report(Code::out_of_range, durations[1]->span, "a band must end after it starts");
      }
      // Arguments after the durations: the role, then option words each followed by its text.
      std::string pending;
      bool role_seen = false;
      for (const auto& v : s.args) {
        if (const auto* w = std::get_if<ast::Word>(&v)) {
          if (w->word == "when no response")
            band.when_no_response = true;
          else if (w->word == "when not resolved")
            band.when_not_resolved = true;
          else
            pending = w->word;
        } else if (const auto* t = std::get_if<ast::Text>(&v)) {
          if (!role_seen)
            band.role = t->value, role_seen = true;
          else if (pending == "contact")
            band.contact = t->value;
          else if (pending == "via")
            band.channel = t->value;
          else if (pending == "remark")
            band.remark = t->value;
          pending.clear();
        }
      }
      if (band.when_no_response && band.when_not_resolved)
        report(Code::conflicting_terms, s.span,
               "a band applies 'when no response' or 'when not resolved', not both");
      bands.push_back(std::move(band));
    }
    return bands;
  }

  Uptime uptime(const Node& block) {
    Uptime u;
    u.service = text_of(block);
    u.span = ref(block.span);
    once(block, {Kind::uptime_target, Kind::measured, Kind::commitment, Kind::published,
                 Kind::unavailable, Kind::excluded_time, Kind::service_credits});
    for (const Node& s : block.children) {
      switch (s.kind) {
        case Kind::uptime_target:
          u.target_milli = ast::arg<ast::Percent>(s)->milli;
          u.target_label = label_of(s);
          break;
        case Kind::measured:
          u.period = ast::arg<ast::Word>(s)->word;
          break;
        case Kind::commitment:
          u.commitment =
              ast::has_word(s, "best effort") ? Commitment::best_effort : Commitment::committed;
          break;
        case Kind::published:
          u.published_at = text_of(s);
          break;
        case Kind::unavailable:
          u.unavailable_when = text_of(s);
          break;
        case Kind::excluded_time:
          u.excluded_time = ast::has_word(s, "counts as available")
                                ? ExcludedTime::counts_as_available
                                : ExcludedTime::removed;
          break;
        case Kind::exclude: {
          Exclusion e{ast::arg<ast::Word>(s)->word, text_of(s), std::nullopt, ref(s.span)};
          if (const auto* d = ast::arg<ast::Duration>(s)) e.notice = duration_value(*d);
          u.exclusions.push_back(std::move(e));
          break;
        }
        case Kind::service_credits:
          u.credits_named = true;
          u.credits_text = text_of(s);
          break;
        case Kind::credit: {
          const auto* credit = ast::arg<ast::Percent>(s, 0);
          const auto* below = ast::arg<ast::Percent>(s, 1);
          u.credits_named = true;
          u.credits.push_back({credit->milli, below->milli, ref(s.span)});
          break;
        }
        case Kind::note:
          u.notes.push_back(text_of(s));
          break;
        default:
          break;
      }
    }
    if (!u.target_milli)
      report(Code::missing_statement, block.span,
             fmt::format("uptime of \"{}\" has no target", u.service), "add: target 99 %");
    return u;
  }

  const Package* resolve_package(const std::string& id) {
    if (auto it = package_index_.find(id); it != package_index_.end())
      return &model_->packages[it->second];
    if (failed_packages_.count(id)) return nullptr;
    const Node* block = item(Kind::package, id);
    if (!block) return nullptr;
    if (package_stack_.count(id)) {
      report(Code::inheritance_cycle, ident_span(*block),
             fmt::format("package '{}' extends itself through its parents", id));
      return nullptr;
    }
    // Past a limit, packages are not flattened: what was said is said once.
    if (items_spent_ || too_deep(Kind::package, id, *block)) {
      failed_packages_.insert(id);
      return nullptr;
    }
    package_stack_.insert(id);
    ident_of_block_ = id;
    Package own = build(*block);
    Package flat = own;
    auto give_up = [&] {
      package_stack_.erase(id);
      failed_packages_.insert(id);
      return nullptr;
    };
    if (items_spent_) return give_up();
    if (!own.extends.empty()) {
      const Package* parent = resolve_package(own.extends);
      if (!parent && failed_packages_.count(own.extends)) return give_up();
      if (parent && !charge(clauses(*parent), ident_span(*block),
                            fmt::format("package '{}', with what it inherits,", id)))
        return give_up();
      if (!parent) {
        if (item(Kind::addon, own.extends))
          report(Code::misplaced_statement, ident_span(*block, 1),
                 fmt::format("a package extends a package; '{}' is an add-on", own.extends),
                 "an add-on is selected with the package instead: --addon " + own.extends);
        else if (!package_stack_.count(own.extends) && !item(Kind::package, own.extends))
          unknown(ident_span(*block, 1), "package", own.extends, Kind::package);
      } else {
        flat = inherit(*parent, own);
      }
    }
    package_stack_.erase(id);
    sort_targets(flat);
    if (flat.calendar.empty())
      report(Code::missing_statement, ident_span(*block),
             fmt::format("package '{}' has no calendar (none of its own, none inherited)", id),
             items_[Kind::calendar].empty()
                 ? "define a calendar, then add: calendar NAME"
                 : fmt::format("add: calendar {}", ident_of(*items_[Kind::calendar].front())));
    check_business_units(flat, *block);
    model_->packages.push_back(std::move(flat));
    package_index_.emplace(id, model_->packages.size() - 1);
    return &model_->packages.back();
  }

  void sort_targets(Package& p) {
    auto rank = [&](const std::string& name) {
      const auto it = rank_.find(name);
      return it == rank_.end() ? 0 : it->second;
    };
    std::stable_sort(p.targets.begin(), p.targets.end(), [&](const Target& a, const Target& b) {
      return std::pair(a.kind, rank(a.priority)) < std::pair(b.kind, rank(b.priority));
    });
  }

  // Business-day units need a business-day length in the governing calendar.
  void check_business_units(const Package& p, const Node& block) {
    auto calendar_named = [&](const std::string& id) -> const CalendarInfo* {
      const auto at = calendar_index_.find(id);
      return at == calendar_index_.end() ? nullptr : &model_->calendars[at->second];
    };
    const CalendarInfo* cal = nullptr;
    auto check = [&](const DurationValue& d, const SourceRef& where) {
      if (!cal || !cal->calendar) return;
      if (!d.business || (d.unit != TimeUnit::day && d.unit != TimeUnit::week)) return;
      Span at = sources_.find(where.file, where.line, where.column);
      if (at.end == 0) at = block.span;
      if (cal->business_day_seconds) {
        // Deadlines are whole seconds (docs/language.md): a fraction is not dropped.
        if (d.milli * *cal->business_day_seconds % 1000 != 0)
          report(Code::out_of_range, at,
                 fmt::format("'{}' in {} '{}' is {} seconds under calendar '{}': durations are "
                             "whole seconds",
                             d.text, p.is_addon ? "add-on" : "package", p.id,
                             number_text(d.milli * *cal->business_day_seconds), cal->id),
                 "round it to whole seconds, or state the time in business hours or minutes");
        return;
      }
      report(Code::business_day_undefined, at,
             fmt::format("'{}' in {} '{}': calendar '{}' has open days of different lengths, so a "
                         "business day has no length",
                         d.text, p.is_addon ? "add-on" : "package", p.id, cal->id),
             fmt::format("state it in calendar '{}': business day is 8 hours", cal->id));
    };
    for (const auto& t : p.targets) {
      cal = calendar_named(t.calendar.empty() ? p.calendar : t.calendar);
      if (!t.by) check(t.within, t.span);
    }
    cal = calendar_named(p.calendar);
    auto check_ladder = [&](const std::vector<EscalationBand>& bands) {
      for (const auto& b : bands) {
        check(b.from, b.span);
        if (b.until) check(*b.until, b.span);
      }
    };
    if (p.escalation) check_ladder(*p.escalation);
    for (const auto& l : p.ladders) check_ladder(l.bands);
  }

  // ------------------------------------------------------------ add-ons

  Package build_addon(const Node& block) {
    ident_of_block_ = ident_of(block);
    Package a = build(block);
    sort_targets(a);
    std::set<std::string> required(a.requires_.begin(), a.requires_.end());
    for (const Node& s : block.children) {
      if (s.kind != Kind::requirement && s.kind != Kind::exclusion) continue;
      for (const auto* name : ast::args<ast::Ident>(s)) {
        if (!item(Kind::package, name->name) && !item(Kind::addon, name->name)) {
          auto known = quiet() ? std::vector<std::string>() : names_of(Kind::package);
          auto addons = quiet() ? std::vector<std::string>() : names_of(Kind::addon);
          known.insert(known.end(), addons.begin(), addons.end());
          unknown(name->span, "package or add-on", name->name, known);
        } else if (name->name == a.id) {
          report(Code::conflicting_terms, name->span,
                 fmt::format("add-on '{}' names itself", a.id));
        } else if (s.kind == Kind::exclusion && required.count(name->name)) {
          report(Code::conflicting_terms, name->span,
                 fmt::format("add-on '{}' both requires and excludes '{}'", a.id, name->name));
        }
      }
    }
    return a;
  }

  const Package* flat_package(const std::string& id) const {
    const auto it = package_index_.find(id);
    return it == package_index_.end() ? nullptr : &model_->packages[it->second];
  }

  const Package* addon(const std::string& id) const {
    const auto it = addon_index_.find(id);
    return it == addon_index_.end() ? nullptr : &model_->addons[it->second];
  }

  // What a selection costs, in the clauses of Limits::max_items: through the
  // checker's maps (selection_lookup), it copies the package, walks its parents
  // when add-ons are chosen, and overlays each add-on on what it has so far. It
  // does not grow with the number of packages or add-ons in the contract.
  std::size_t select_cost(const std::string& package, const std::vector<std::string>& addons) {
    const Package* base = flat_package(package);
    std::size_t held = base ? clauses(*base) : 1;
    std::size_t n = held + addons.size();
    if (addons.empty()) return n;
    const std::size_t chosen = ancestors(Kind::package, package) + 1 + addons.size();
    n += chosen;
    for (const auto& id : addons) {
      const Package* a = addon(id);
      if (!a) continue;
      n += held + clauses(*a) + (a->requires_.size() + a->excludes.size()) * chosen;
      held += clauses(*a);
    }
    return n;
  }

  SelectionLookup selection_lookup() const {
    return {[this](const std::string& id) { return flat_package(id); },
            [this](const std::string& id) { return addon(id); },
            [this](const std::string& id) -> const CalendarInfo* {
              const auto it = calendar_index_.find(id);
              return it == calendar_index_.end() ? nullptr : &model_->calendars[it->second];
            }};
  }

  // Model::select, its work charged to the contract's budget; nullopt when spent.
  std::optional<Selection> checked_select(const std::string& package,
                                          const std::vector<std::string>& addons, Span at,
                                          std::string_view what) {
    if (!charge(select_cost(package, addons), at, what)) return std::nullopt;
    return select(*model_, selection_lookup(), package, addons);
  }

  void check_addons() {
    // Each add-on on each package it requires must still make sense.
    for (const auto& a : model_->addons) {
      for (const auto& req : a.requires_) {
        if (!flat_package(req)) continue;
        const Node* block = item(Kind::addon, a.id);
        auto checked = checked_select(req, {a.id}, block ? ident_span(*block) : Span{},
                                      fmt::format("add-on '{}' on package '{}'", a.id, req));
        if (!checked) return;
        Selection& sel = *checked;
        if (sel.package && item(Kind::addon, a.id))
          check_business_units(*sel.package, *item(Kind::addon, a.id));
      }
    }
  }

  // ------------------------------------------------------------ examples

  void check_example(const Node& block) {
    Example e;
    e.name = text_of(block);
    e.span = ref(block.span);
    once(block, {Kind::under, Kind::ticket, Kind::responded, Kind::resolved, Kind::restored});
    std::map<std::string, Span> attributes_seen;
    const Node* under = nullptr;
    for (const Node& s : block.children) {
      switch (s.kind) {
        case Kind::under: {
          under = &s;
          const auto names = ast::args<ast::Ident>(s);
          e.package = names[0]->name;
          if (!flat_package(e.package)) {
            if (item(Kind::addon, e.package))
              report(Code::misplaced_statement, names[0]->span,
                     fmt::format("'{}' is an add-on; write: under PACKAGE with {}", e.package,
                                 e.package));
            else
              unknown(names[0]->span, "package", e.package, Kind::package);
          }
          for (std::size_t i = 1; i < names.size(); ++i) {
            e.addons.push_back(names[i]->name);
            if (!addon(names[i]->name))
              unknown(names[i]->span, "add-on", names[i]->name, Kind::addon);
          }
          break;
        }
        case Kind::ticket: {
          if (const auto* name = ast::arg<ast::Ident>(s))
            if (const Priority* p = priority(*name)) e.priority = p->name;
          e.raised = date_time_text(*ast::arg<ast::DateTime>(s));
          break;
        }
        case Kind::ticket_attribute: {
          const auto& name = *ast::arg<ast::Ident>(s);
          if (auto [it, fresh] = attributes_seen.emplace(name.name, s.span); !fresh) {
            auto& d = report(Code::duplicate_statement, s.span,
                             fmt::format("the ticket's {} is given twice", name.name));
            note(d, it->second, "first given here");
            break;
          }
          if (const Attribute* a = attribute(name))
            if (auto v = attribute_value(*a, *ast::arg<ast::Text>(s))) e.attributes[a->name] = *v;
          break;
        }
        case Kind::updated:
          e.updates.push_back(date_time_text(*ast::arg<ast::DateTime>(s)));
          break;
        case Kind::restored:
          e.restored = date_time_text(*ast::arg<ast::DateTime>(s));
          break;
        case Kind::responded:
          e.responded = date_time_text(*ast::arg<ast::DateTime>(s));
          break;
        case Kind::resolved:
          e.resolved = date_time_text(*ast::arg<ast::DateTime>(s));
          break;
        case Kind::expect: {
          Expectation x;
          x.span = ref(s.span);
          const auto words = ast::args<ast::Word>(s);
          x.subject = words[0]->word;
          if (const auto* t = ast::arg<ast::DateTime>(s)) x.due = date_time_text(*t);
          if (x.subject == "escalation")
            x.role = text_of(s);
          else if (words.size() > 1 && words[1]->word != "due")
            x.status = words[1]->word;
          e.expectations.push_back(std::move(x));
          break;
        }
        default:
          break;
      }
    }
    if (!under) report(Code::missing_statement, block.span, "an example needs 'under PACKAGE'");
    if (e.raised.empty())
      report(Code::missing_statement, block.span,
             "an example needs 'ticket PRIORITY raised DATE TIME' (or 'ticket raised DATE TIME' "
             "for a ticket without a priority)");
    if (e.expectations.empty())
      report(Code::missing_statement, block.span, "an example needs at least one 'expect'");
    if (under && flat_package(e.package)) {
      bool addons_known = true;
      for (const auto& a : e.addons) addons_known = addons_known && addon(a);
      if (addons_known) {
        auto sel =
            checked_select(e.package, e.addons, under->span, fmt::format("example \"{}\"", e.name));
        if (sel && !sel->package) report(Code::conflicting_terms, under->span, sel->error);
      }
    }
    model_->examples.push_back(std::move(e));
  }

  const SourceMap& sources_;
  std::vector<Diagnostic>& diagnostics_;
  const Limits& limits_;
  std::size_t items_used_ = 0;  // clauses charged to Limits::max_items
  bool items_spent_ = false;
  std::map<std::pair<Kind, std::string>, std::size_t> ancestors_;
  std::size_t errors_ = 0;
  Diagnostic discarded_;                               // what report() returns when quiet
  std::map<std::string, std::size_t> package_index_;   // id -> index in model_->packages
  std::map<std::string, std::size_t> addon_index_;     // id -> index in model_->addons
  std::map<std::string, std::size_t> calendar_index_;  // id -> index in model_->calendars
  std::set<std::string> failed_packages_;              // not flattened: past a limit
  std::map<std::string, int> rank_, folded_;           // priority name (or lower case) -> rank
  Model* model_ = nullptr;
  std::map<Kind, std::vector<const Node*>> items_;
  std::multimap<std::string, const Node*> by_name_;
  std::map<std::string, std::vector<const Node*>> holiday_nodes_;
  std::map<std::string, std::unique_ptr<CalendarBuild>> calendars_;
  std::set<std::string> calendar_stack_, package_stack_;
  std::string ident_of_block_;
};

}  // namespace

DurationValue duration_value(const ast::Duration& d) {
  static constexpr const char* units[] = {"minute", "hour", "day", "week"};
  DurationValue v;
  v.milli = d.milli;
  v.unit = static_cast<TimeUnit>(d.unit);
  v.business = d.business;
  v.calendar = d.calendar;
  v.text = fmt::format("{} {}{}{}", number_text(d.milli),
                       d.business   ? "business "
                       : d.calendar ? "calendar "
                                    : "",
                       units[static_cast<int>(d.unit)], d.milli == 1000 ? "" : "s");
  return v;
}

std::shared_ptr<const Model> check(const std::vector<const ast::File*>& files,
                                   const SourceMap& sources, std::vector<Diagnostic>& diagnostics,
                                   const Limits& limits) {
  Checker checker(sources, diagnostics, limits);
  return checker.run(files);
}

}  // namespace sla
