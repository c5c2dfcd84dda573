#include "interpreter/lint/lint_rules.hpp"
#include "interpreter/lint/lint_util.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <bit>
#include <cctype>
#include <map>
#include <set>

#include "grammar/suggest.hpp"
#include "interpreter/lint/stated_label.hpp"
#include "interpreter/time/calendar.hpp"
#include "interpreter/time/zone.hpp"
#include "sla/evaluator.hpp"
#include "stdlib/stdlib.hpp"

namespace sla::lint {

namespace {

// ------------------------------------------------------------------ helpers

// "240 hours", "1 hour", "90 minutes", "2.5 hours".
std::string hours_text(std::int64_t seconds) {
  if (seconds % 3600 == 0) {
    const auto h = seconds / 3600;
    return fmt::format("{} hour{}", h, h == 1 ? "" : "s");
  }
  if (seconds % 60 == 0 && seconds < 3600) {
    const auto m = seconds / 60;
    return fmt::format("{} minute{}", m, m == 1 ? "" : "s");
  }
  return fmt::format("{:.2f} hours", static_cast<double>(seconds) / 3600.0);
}

std::string days_text(std::int64_t seconds) {
  if (seconds % 86400 == 0) {
    const auto d = seconds / 86400;
    return fmt::format("{} calendar day{}", d, d == 1 ? "" : "s");
  }
  return fmt::format("{:.1f} calendar days", static_cast<double>(seconds) / 86400.0);
}

// "8 hours" -> "8 business hours": the same amount in operating time.
std::string business_words(const DurationValue& d) {
  const auto space = d.text.find(' ');
  if (space == std::string::npos) return d.text;
  return d.text.substr(0, space) + " business" + d.text.substr(space);
}

// "8 hours" -> "8 calendar hours": calendar time, said outright.
std::string calendar_words(const DurationValue& d) {
  const auto space = d.text.find(' ');
  if (space == std::string::npos) return d.text;
  return d.text.substr(0, space) + " calendar" + d.text.substr(space);
}

std::string_view kind_name(TargetKind k) {
  return name(k);
}

// `term` appears in `text` as a whole word (a plural "s" allowed), ignoring case.
bool mentions(const std::string& text, const std::string& term) {
  if (term.empty()) return false;
  auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
  for (std::size_t at = text.find(term); at != std::string::npos; at = text.find(term, at + 1)) {
    std::size_t end = at + term.size();
    if (end < text.size() && text[end] == 's') ++end;
    if ((at == 0 || !word(text[at - 1])) && (end >= text.size() || !word(text[end]))) return true;
  }
  return false;
}

}  // namespace

// ------------------------------------------------------------ shared helpers

std::optional<std::int64_t> seconds_of(const DurationValue& d, const CalendarInfo* calendar) {
  if (calendar) {
    if (auto s = to_seconds(d, *calendar)) return s->count();
    return std::nullopt;
  }
  if (d.business && (d.unit == TimeUnit::day || d.unit == TimeUnit::week)) return std::nullopt;
  static constexpr std::int64_t unit[] = {60, 3600, 86400, 604800};
  return d.milli * unit[static_cast<int>(d.unit)] / 1000;
}

std::optional<std::vector<LadderStep>> ladder_steps(const std::vector<EscalationBand>& bands,
                                                    const CalendarInfo* calendar) {
  std::vector<LadderStep> steps;
  for (const auto& b : bands) {
    const auto from = seconds_of(b.from, calendar);
    if (!from) return std::nullopt;
    std::optional<std::int64_t> until;
    if (b.until) {
      until = seconds_of(*b.until, calendar);
      if (!until) return std::nullopt;
    }
    steps.push_back({&b, *from, until});
  }
  return steps;
}

bool always_open(const CalendarInfo& info) {
  if (!info.calendar) return false;
  for (const auto& day : info.calendar->spec().weekly) {
    auto intervals = day;
    std::sort(intervals.begin(), intervals.end(),
              [](const DailyInterval& a, const DailyInterval& b) { return a.start < b.start; });
    Seconds covered{0};
    for (const auto& i : intervals) {
      if (i.start > covered) return false;
      covered = std::max(covered, i.end);
    }
    if (covered < Seconds(86400)) return false;
  }
  return true;
}

const CalendarInfo* calendar_of(const Context& c, const View& v, const Target& t) {
  if (t.calendar.empty()) return v.calendar;
  const CalendarInfo* own = c.model().calendar(t.calendar);
  return own && own->calendar ? own : v.calendar;
}

std::string where(const View& v) {
  return v.package.applied_addons.empty() ? fmt::format("package '{}'", v.name)
                                          : fmt::format("'{}'", v.name);
}

std::string lower(std::string_view s) {
  std::string out;
  for (char c : s) out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  return out;
}

// ------------------------------------------------------------------ context

std::string view_name(const std::string& package, const std::vector<std::string>& addons) {
  std::string out = package;
  for (std::size_t i = 0; i < addons.size(); ++i)
    out += (i == 0 ? " with " : i + 1 == addons.size() ? " and " : ", ") + addons[i];
  return out;
}

namespace {

// The sets of add-ons no exclusion forbids, the empty set included: the
// independent sets of the graph whose edges are the excludes (`edges[i]`: the
// add-ons i excludes or is excluded by, as a bit mask). Branching on the add-on
// with most exclusions is quick for the few a contract states; none when there
// are too many add-ons or branches to count.
std::optional<std::uint64_t> allowed_sets(const std::vector<std::uint64_t>& edges) {
  const std::size_t n = edges.size();
  if (n > 62) return std::nullopt;
  std::size_t budget = 1'000'000;
  auto count = [&](auto&& self, std::uint64_t left) -> std::optional<std::uint64_t> {
    if (budget-- == 0) return std::nullopt;
    int pick = -1, most = 0;
    for (std::size_t i = 0; i < n; ++i)
      if (left >> i & 1)
        if (const int degree = std::popcount(edges[i] & left); degree > most) {
          most = degree;
          pick = static_cast<int>(i);
        }
    // No exclusions left: any subset of what is left.
    if (pick < 0) return std::uint64_t{1} << std::popcount(left);
    const std::uint64_t without = left & ~(std::uint64_t{1} << pick);
    const auto a = self(self, without);
    const auto b = self(self, without & ~edges[pick]);
    if (!a || !b) return std::nullopt;
    return *a + *b;
  };
  return count(count, n == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << n) - 1);
}

std::string view_key(const std::string& package, std::vector<std::string> addons) {
  std::sort(addons.begin(), addons.end());
  std::string key = package;
  for (const auto& a : addons) key += "|" + a;
  return key;
}

}  // namespace

Context::Context(const Model& model, const SourceMap& sources, const std::vector<ast::File>& files)
    : model_(model), sources_(sources), files_(files) {
  // Every package with every set of add-ons its requires and excludes allow: a
  // finding may arise only when two add-ons meet. Sets are walked by size, fewest
  // add-ons first, so that a finding names the smallest combination it arises in;
  // a hostile contract (2^n sets) is cut at kMaxViewsPerPackage selections.
  for (const auto& p : model.packages) {
    std::vector<std::string> chain{p.id};
    for (const Package* q = &p; q && !q->extends.empty(); q = model.package(q->extends))
      chain.push_back(q->extends);
    // Add-ons that require another package (not this one or an ancestor) never fit.
    std::vector<const Package*> candidates;
    for (const auto& a : model.addons) {
      const bool fits = std::none_of(a.requires_.begin(), a.requires_.end(), [&](const auto& r) {
        return model.package(r) && std::find(chain.begin(), chain.end(), r) == chain.end();
      });
      if (fits) candidates.push_back(&a);
    }
    auto excluded = [&](const Package* a, const std::vector<const Package*>& set) {
      return std::any_of(set.begin(), set.end(), [&](const Package* b) {
        return std::find(a->excludes.begin(), a->excludes.end(), b->id) != a->excludes.end() ||
               std::find(b->excludes.begin(), b->excludes.end(), a->id) != b->excludes.end();
      });
    };
    std::size_t tried = 0;
    bool capped = false;
    std::vector<const Package*> set;
    // Sets of exactly `size` add-ons from candidates[from..], in declaration order.
    auto walk_sets = [&](auto&& self, std::size_t from, std::size_t size) -> void {
      if (capped) return;
      if (set.size() == size) {
        if (++tried > kMaxViewsPerPackage) {
          capped = true;
          return;
        }
        std::vector<std::string> ids;
        for (const Package* a : set) ids.push_back(a->id);
        Selection s = select(model, p.id, ids);
        if (!s.package || !s.calendar) return;
        view_index_.emplace(view_key(p.id, ids), views_.size());
        views_.push_back({view_name(p.id, ids), std::move(*s.package), s.calendar});
        return;
      }
      for (std::size_t i = from; i + (size - set.size()) <= candidates.size(); ++i) {
        if (excluded(candidates[i], set)) continue;
        set.push_back(candidates[i]);
        self(self, i + 1, size);
        set.pop_back();
        if (capped) return;
      }
    };
    for (std::size_t size = 0; size <= candidates.size() && !capped; ++size)
      walk_sets(walk_sets, 0, size);
    if (capped) {
      std::vector<std::uint64_t> edges(candidates.size());
      for (std::size_t i = 0; i < candidates.size() && candidates.size() <= 62; ++i)
        for (std::size_t j = 0; j < candidates.size(); ++j)
          if (i != j && excluded(candidates[i], {candidates[j]})) edges[i] |= std::uint64_t{1} << j;
      const std::size_t reviewed = std::count_if(
          views_.begin(), views_.end(), [&](const View& v) { return v.package.id == p.id; });
      capped_.push_back({p.id, candidates.size(), allowed_sets(edges), reviewed});
    }
  }
}

const View* Context::view(const std::string& package, std::vector<std::string> addons) const {
  const auto it = view_index_.find(view_key(package, std::move(addons)));
  return it == view_index_.end() ? nullptr : &views_[it->second];
}

Location Context::at(const SourceRef& ref) const {
  const Span start = sources_.find(ref.file, ref.line, ref.column);
  if (start.file < files_.size()) {
    const auto emplaced = statements_.try_emplace(start.file);
    auto& index = emplaced.first->second;
    if (emplaced.second)
      walk(files_[start.file].root, nullptr, [&](const ast::Node& n, const ast::Node*) {
        if (n.kind == ast::Kind::file) return;
        // The outermost node starting at an offset (the walk meets it first); a
        // block is underlined on its head line only.
        Span s = n.span;
        const std::string& text = sources_.file(start.file).text();
        const auto eol = text.find_first_of("\r\n", s.begin);
        if (eol != std::string::npos && eol < s.end) s.end = static_cast<std::uint32_t>(eol);
        index.try_emplace(s.begin, s);
      });
    if (auto it = index.find(start.begin); it != index.end()) return sources_.locate(it->second);
  }
  Location loc;
  loc.file = ref.file;
  loc.line = ref.line;
  loc.column = ref.column;
  return loc;
}

Diagnostic* Context::report(Code code, Severity severity, Location where, std::string message,
                            std::string hint) {
  if (!reported_.emplace(std::string(info(code).id), where.file, where.line, where.column).second)
    return nullptr;
  Diagnostic d = make_diagnostic(code, std::move(where), std::move(message), std::move(hint));
  d.severity = severity;
  findings_.push_back(std::move(d));
  return &findings_.back();
}

void Context::note(Diagnostic& d, const SourceRef& ref, std::string message) const {
  d.notes.push_back({at(ref), std::move(message)});
}

// ------------------------------------------------------------------ SLA101

void targets_not_monotonic(Context& c) {
  for (const auto& v : c.views()) {
    for (TargetKind kind : {TargetKind::response, TargetKind::resolution, TargetKind::update,
                            TargetKind::restoration}) {
      // By rank, lowest first; a higher priority must not wait longer. Deadlines on a
      // later business day have no length to compare.
      std::vector<std::pair<const Target*, std::int64_t>> ladder;
      for (const auto& p : c.model().priorities)
        if (const Target* t = v.package.target(kind, p.name); t && !t->by)
          if (auto s = seconds_of(t->within, calendar_of(c, v, *t))) ladder.emplace_back(t, *s);
      for (std::size_t hi = 1; hi < ladder.size(); ++hi) {
        const auto [higher, higher_s] = ladder[hi];
        // The lower priority with the shortest target makes the clearest example.
        std::optional<std::size_t> shortest;
        for (std::size_t lo = 0; lo < hi; ++lo)
          if (ladder[lo].second < higher_s &&
              (!shortest || ladder[lo].second < ladder[*shortest].second))
            shortest = lo;
        if (!shortest) continue;
        const Target* lower = ladder[*shortest].first;
        const bool mixed = higher->within.business != lower->within.business;
        auto* d = c.report(
            Code::lint_not_monotonic, Severity::warning, c.at(higher->span),
            fmt::format("{} is a higher priority than {}, but its {} target ({}) is longer than "
                        "{}'s ({}) in {}{}",
                        higher->priority, lower->priority, kind_name(kind), higher->within.text,
                        lower->priority, lower->within.text, where(v),
                        mixed ? "; one counts business time and the other calendar time" : ""),
            "a more urgent priority should never be given more time; check the table");
        if (d) c.note(*d, lower->span, fmt::format("{}'s target", lower->priority));
      }
    }
  }
}

// ------------------------------------------------------------------ SLA102

void resolution_before_response(Context& c) {
  // Bounded work whatever the contract's size: at most this many sampled tickets.
  std::size_t budget = 100'000;
  for (const auto& v : c.views()) {
    const Evaluator evaluator(c.model(), v.package, *v.calendar);
    const Calendar& cal = *v.calendar->calendar;
    // Sample raise times over two weeks from the contract's start (a fixed
    // Monday when it states none), every half hour.
    date::local_days first = date::local_days{date::year{2026} / 1 / 5};
    if (const auto& e = c.model().contract.effective; e.size() == 10) {
      const int y = std::stoi(e.substr(0, 4)), m = std::stoi(e.substr(5, 2)),
                d = std::stoi(e.substr(8, 2));
      // Within the years the calendars compute (two weeks of margin at the end).
      if (y >= 1901 && y <= 2398) first = date::local_days{date::year{y} / m / d};
    }
    for (const auto& p : c.model().priorities) {
      const Target* response = evaluator.package().target(TargetKind::response, p.name);
      const Target* resolution = evaluator.package().target(TargetKind::resolution, p.name);
      if (!response || !resolution) continue;
      const auto rs = seconds_of(response->within, calendar_of(c, v, *response));
      const auto ls = seconds_of(resolution->within, calendar_of(c, v, *resolution));
      if (rs && ls && !response->by && !resolution->by &&
          response->calendar == resolution->calendar &&
          response->within.business == resolution->within.business && *ls < *rs) {
        auto* d = c.report(
            Code::lint_resolution_before_response, Severity::warning, c.at(resolution->span),
            fmt::format("{}: the resolution target ({}) is shorter than the "
                        "response target ({}) in {}",
                        p.name, resolution->within.text, response->within.text, where(v)),
            "a ticket cannot be resolved before it is answered: lengthen the resolution target "
            "or shorten the response target");
        if (d) c.note(*d, response->span, "the response target");
        continue;
      }
      for (int step = 0; step < 14 * 48 && budget > 0; ++step, --budget) {
        const Instant raised = cal.to_instant(first + std::chrono::minutes(30 * step));
        const Instant respond_by = evaluator.due(raised, *response, {}, raised);
        const Instant resolve_by = evaluator.due(raised, *resolution, {}, raised);
        if (respond_by == Calendar::kNever || resolve_by >= respond_by) continue;
        auto local = [&](Instant t) { return date::format("%a %Y-%m-%d %H:%M", cal.to_local(t)); };
        auto* d = c.report(
            Code::lint_resolution_before_response, Severity::warning, c.at(resolution->span),
            fmt::format("{}: the resolution can fall due before the response in {}: a ticket "
                        "raised {} must be resolved by {} but answered only by {} ({} counts "
                        "{}, {} counts {})",
                        p.name, where(v), local(raised), local(resolve_by), local(respond_by),
                        resolution->within.text,
                        resolution->within.business ? "operating hours" : "calendar time",
                        response->within.text,
                        response->within.business ? "operating hours" : "calendar time"),
            "state both in the same kind of time, or say how the resolution clock runs outside "
            "operating hours");
        if (d) c.note(*d, response->span, "the response target");
        break;
      }
    }
  }
}

// ------------------------------------------------------------------ SLA103

namespace {

void duration_label(Context& c, const DurationValue& value, const std::string& label,
                    const SourceRef& span, const CalendarInfo* calendar) {
  const auto value_s = seconds_of(value, calendar);
  if (!value_s) return;
  for (const auto& stated : stated_durations(label)) {
    // Prose often says "4 hours" for operating hours: a phrase without
    // "business" agrees with a business value of the same amount.
    DurationValue as_value = stated.value;
    if (!stated.says_business && value.business) as_value.business = true;
    const auto stated_s = seconds_of(as_value, calendar);
    if (!stated_s || (*stated_s == *value_s && as_value.business == value.business)) continue;
    std::string why;
    if (as_value.business != value.business) {
      const std::string cal = calendar ? fmt::format(" under calendar '{}'", calendar->id) : "";
      why = value.business
                ? fmt::format("{} is {} of operating time{}, while {} counts calendar time",
                              value.text, hours_text(*value_s), cal, stated.words)
                : fmt::format("{} are {} of operating time{}, and {} are {}", stated.words,
                              hours_text(*stated_s), cal, value.text, days_text(*value_s));
    } else {
      why = fmt::format("{} are {}, and {} are {}", stated.words, hours_text(*stated_s), value.text,
                        hours_text(*value_s));
    }
    c.report(Code::lint_label_disagrees, Severity::warning, c.at(span),
             fmt::format("the label (\"{}\") says {}, but the value is {}: {}", label, stated.words,
                         value.text, why),
             "make the value and the label say the same, or explain the choice beside it");
  }
}

// ISO 4217 codes in common use: a label naming one of them names a currency.
bool is_currency(std::string_view code) {
  static constexpr std::string_view codes[] = {
      "AED", "ARS", "AUD", "BDT", "BGN", "BHD", "BRL", "CAD", "CHF", "CLP", "CNY",
      "COP", "CZK", "DKK", "EGP", "EUR", "GBP", "HKD", "HUF", "IDR", "ILS", "INR",
      "ISK", "JOD", "JPY", "KES", "KRW", "KWD", "LKR", "MXN", "MYR", "NGN", "NOK",
      "NZD", "OMR", "PEN", "PHP", "PKR", "PLN", "QAR", "RON", "RSD", "RUB", "SAR",
      "SEK", "SGD", "THB", "TRY", "TWD", "UAH", "USD", "VND", "ZAR"};
  return std::find(std::begin(codes), std::end(codes), code) != std::end(codes);
}

std::string money_text(std::int64_t milli) {
  return milli % 1000 == 0 ? fmt::format("{}", milli / 1000)
                           : fmt::format("{:.3f}", static_cast<double>(milli) / 1000.0);
}

}  // namespace

void labels_disagree(Context& c) {
  const Model& m = c.model();
  for (const auto& v : c.views())
    for (const auto& t : v.package.targets)
      // A label beside a relative deadline words a day, not a length: nothing to compare.
      if (!t.label.empty() && !t.by)
        duration_label(c, t.within, t.label, t.span, calendar_of(c, v, t));
  if (m.contract.change_notice && !m.contract.change_notice_label.empty())
    duration_label(c, *m.contract.change_notice, m.contract.change_notice_label, m.contract.span,
                   nullptr);

  auto packages = m.packages;
  packages.insert(packages.end(), m.addons.begin(), m.addons.end());
  for (const auto& p : packages) {
    if (p.price && !p.price->label.empty()) {
      for (const auto& stated : stated_amounts(p.price->label)) {
        // Other capitals ("SLA 2") are not read as a price in another currency; a
        // currency the world uses is.
        if (stated.currency != p.price->currency && is_currency(stated.currency)) {
          c.report(Code::lint_label_disagrees, Severity::warning, c.at(p.span),
                   fmt::format("the price label (\"{}\") says {}, but the price is in {} ({} {}): "
                               "the parties would pay in different currencies",
                               p.price->label, stated.words, p.price->currency, p.price->currency,
                               money_text(p.price->milli)),
                   fmt::format("make the price and its label name the same currency: price {} {} "
                               "or a label in {}",
                               stated.currency, money_text(p.price->milli), p.price->currency));
          continue;
        }
        if (stated.currency != p.price->currency || stated.milli == p.price->milli) continue;
        c.report(
            Code::lint_label_disagrees, Severity::warning, c.at(p.span),
            fmt::format("the price label (\"{}\") says {}, but the price is {} {}", p.price->label,
                        stated.words, p.price->currency, money_text(p.price->milli)),
            "make the price and its label say the same");
      }
    }
    for (const auto& u : p.uptime) {
      if (!u.target_milli || u.target_label.empty()) continue;
      for (auto stated : stated_percents(u.target_label)) {
        if (stated == *u.target_milli) continue;
        c.report(Code::lint_label_disagrees, Severity::warning, c.at(u.span),
                 fmt::format("the uptime label (\"{}\") says {}%, but the target is {}%",
                             u.target_label, money_text(stated), money_text(*u.target_milli)),
                 "make the target and its label say the same percentage");
      }
    }
  }
}

// ------------------------------------------------------------ SLA104, SLA105

void business_days_always_open(Context& c) {
  for (const auto& v : c.views()) {
    for (const auto& t : v.package.targets) {
      const CalendarInfo* cal = calendar_of(c, v, t);
      if (!always_open(*cal) || t.by) continue;
      if (!t.within.business || (t.within.unit != TimeUnit::day && t.within.unit != TimeUnit::week))
        continue;
      const auto s = seconds_of(t.within, cal);
      c.report(Code::lint_business_days_always_open, Severity::warning, c.at(t.span),
               fmt::format("{} target '{}' for {} counts business days, but in {} the calendar "
                           "'{}' is open around the clock, so a business day has no natural "
                           "length (this contract counts {})",
                           kind_name(t.kind), t.within.text, t.priority, where(v), cal->id,
                           s ? hours_text(*s) : "none"),
               "state the target in hours for the always-open package");
    }
  }
}

void calendar_time_office_hours(Context& c) {
  for (const auto& v : c.views()) {
    for (const auto& t : v.package.targets) {
      const CalendarInfo* cal = calendar_of(c, v, t);
      // "8 calendar hours": the author said calendar time is meant.
      if (always_open(*cal) || t.within.business || t.within.calendar || t.by) continue;
      c.report(Code::lint_calendar_time_office_hours, Severity::warning, c.at(t.span),
               fmt::format("{} target '{}' for {} is calendar time, but {} keeps office hours "
                           "(calendar '{}'): the clock runs through nights, weekends and "
                           "holidays. Are {} meant?",
                           kind_name(t.kind), t.within.text, t.priority, where(v), cal->id,
                           business_words(t.within)),
               fmt::format("write '{}' if operating time is meant, or '{}' if calendar time is",
                           business_words(t.within), calendar_words(t.within)));
    }
  }
}

// ------------------------------------------------------------------ SLA106

void reversed_zones(Context& c) {
  for (const auto& file : c.files())
    walk(file.root, nullptr, [&](const ast::Node& n, const ast::Node*) {
      if (n.kind != ast::Kind::zone) return;
      const auto* zone = ast::arg<ast::Text>(n);
      if (!zone || !zone->value.starts_with("Etc/GMT") || zone->value.size() < 9) return;
      const char sign = zone->value[7];
      const std::string hours = zone->value.substr(8);
      if ((sign != '+' && sign != '-') || hours.empty() || hours == "0" ||
          !std::all_of(hours.begin(), hours.end(), [](char ch) { return std::isdigit(ch); }))
        return;
      const char real = sign == '+' ? '-' : '+';
      c.report(Code::lint_reversed_zone, Severity::warning, c.at(zone->span),
               fmt::format("\"{}\" is UTC{}{}, not UTC{}{}: IANA's Etc/GMT zones reverse the "
                           "sign readers expect",
                           zone->value, real, hours, sign, hours),
               fmt::format("write \"UTC{}{}\" (or the IANA city zone) if UTC{}{} is meant, or "
                           "\"UTC{}{}\" to keep this offset in words nobody misreads",
                           sign, hours, sign, hours, real, hours));
    });
}

// ------------------------------------------------------------------ SLA107

void escalation_ladder(Context& c, const View& v, const std::vector<EscalationBand>& bands);

void escalation_ladders(Context& c) {
  for (const auto& v : c.views()) {
    std::vector<const std::vector<EscalationBand>*> ladders;
    if (v.package.escalation) ladders.push_back(&*v.package.escalation);
    for (const auto& l : v.package.ladders) ladders.push_back(&l.bands);
    for (const auto* ladder : ladders) escalation_ladder(c, v, *ladder);
  }
}

void escalation_ladder(Context& c, const View& v, const std::vector<EscalationBand>& bands) {
  {
    if (bands.empty()) return;
    auto found = ladder_steps(bands, v.calendar);
    if (!found) return;
    auto& steps = *found;
    std::stable_sort(steps.begin(), steps.end(),
                     [](const LadderStep& a, const LadderStep& b) { return a.from < b.from; });
    const Code code = Code::lint_escalation_ladder;
    if (steps.front().from > 0)
      c.report(code, Severity::warning, c.at(steps.front().band->span),
               fmt::format("the escalation ladder of {} starts at {}: nobody is named for a "
                           "ticket's first {}",
                           where(v), steps.front().band->from.text, steps.front().band->from.text),
               "start the first band at 0 hours");
    for (std::size_t i = 0; i + 1 < steps.size(); ++i) {
      const LadderStep& a = steps[i];
      const LadderStep& b = steps[i + 1];
      // A band for unanswered tickets and one for answered ones never apply together.
      const bool disjoint = (a.band->when_no_response && b.band->when_not_resolved) ||
                            (a.band->when_not_resolved && b.band->when_no_response);
      if (disjoint) continue;
      if (!a.until) {
        c.report(code, Severity::warning, c.at(a.band->span),
                 fmt::format("the band for \"{}\" has no end, so it overlaps the band for \"{}\" "
                             "from {}",
                             a.band->role, b.band->role, b.band->from.text),
                 "end it where the next band starts: until " + b.band->from.text);
      } else if (*a.until < b.from) {
        c.report(code, Severity::warning, c.at(b.band->span),
                 fmt::format("a gap in the escalation ladder of {}: nobody is named from {} to {}",
                             where(v), a.band->until->text, b.band->from.text),
                 "start this band where the previous one ends");
      } else if (*a.until > b.from) {
        c.report(
            code, Severity::warning, c.at(b.band->span),
            fmt::format("the bands for \"{}\" and \"{}\" overlap from {} to {} in {}", a.band->role,
                        b.band->role, b.band->from.text, a.band->until->text, where(v)),
            "start this band where the previous one ends");
      }
    }
    const LadderStep& last = steps.back();
    if (last.until)
      c.report(code, Severity::warning, c.at(last.band->span),
               fmt::format("the escalation ladder of {} ends at {}: nobody is named for a ticket "
                           "still unanswered after that. What then?",
                           where(v), last.band->until->text),
               "leave the last band open-ended (no 'until') or add the next contact");
  }
}

// ------------------------------------------------------------ SLA108, SLA109

void uptime_terms(Context& c) {
  for (const auto& v : c.views())
    for (const auto& u : v.package.uptime) {
      if (u.credits_named && u.credits.empty())
        c.report(
            Code::lint_credits_undefined, Severity::warning, c.at(u.span),
            fmt::format("the uptime commitment for \"{}\" names service credits{}, but "
                        "defines no tiers: a breach earns nothing that can be computed",
                        u.service,
                        u.credits_text.empty() ? "" : fmt::format(" (\"{}\")", u.credits_text)),
            "state the tiers, e.g.: credit 10 % when below 99 %");
      if (u.target_milli && u.period.empty())
        c.report(Code::lint_uptime_period, Severity::warning, c.at(u.span),
                 fmt::format("the uptime target for \"{}\" has no measurement period: 99% of a "
                             "month and 99% of a year are very different promises",
                             u.service),
                 "add: measured monthly");
    }
}

// ------------------------------------------------------------ SLA110, SLA111, SLA114

namespace {

std::string years_text(int from, int to) {
  return from == to ? std::to_string(from) : fmt::format("{}-{}", from, to);
}

int year_of(const std::string& date) {
  return date.size() >= 4 ? std::stoi(date.substr(0, 4)) : 0;
}

// The stdlib set for the country of a calendar's zone (Europe/Berlin: std/holidays/de).
struct LibrarySet {
  std::string module;
  StdlibHolidaySet set;
};

std::optional<LibrarySet> library_set_for(const CalendarInfo& cal) {
  const ZonePlace place = zone_place(cal.zone);
  if (place.country.empty()) return std::nullopt;
  std::string module = "std/holidays/" + lower(place.country);
  if (!stdlib_module(module)) return std::nullopt;
  // A region whose whole name the zone's area names ("New South Wales (most areas)"
  // for Australia/Sydney: std/holidays/au/nsw) is the likelier set.
  std::set<std::string> area;
  for (const auto& w : lower_words(place.area)) area.insert(w);
  for (std::string_view name : stdlib_module_names()) {
    if (!name.starts_with(module + "/") || std::count(name.begin(), name.end(), '/') !=
                                               std::count(module.begin(), module.end(), '/') + 1)
      continue;
    const auto set = stdlib_holiday_set(*stdlib_module(name));
    if (!set) continue;
    const auto region = lower_words(set->title.substr(0, set->title.find(" (")));
    if (!region.empty() && std::all_of(region.begin(), region.end(),
                                       [&](const std::string& w) { return area.count(w) > 0; })) {
      module = name;
      break;
    }
  }
  const auto set = stdlib_holiday_set(*stdlib_module(module));
  if (!set) return std::nullopt;
  return LibrarySet{std::move(module), *set};
}

// Whether regions of `module` have sets of their own (not a set beside it, such as
// Indonesia's collective leave, whose title says what it is).
bool has_regions(const std::string& module) {
  const auto names = stdlib_module_names();
  return std::any_of(names.begin(), names.end(), [&](std::string_view n) {
    if (!n.starts_with(module + "/")) return false;
    const auto set = stdlib_holiday_set(*stdlib_module(n));
    return set && set->title.ends_with(" public holidays");
  });
}

// What would give a calendar the holidays of `from`..`to` (to 0: no end) that
// set_id lacks: a stdlib set that covers them, or a set imported from a calendar.
std::string coverage_hint(const CalendarInfo& cal, const HolidaySet& set, int from, int to) {
  const auto library = library_set_for(cal);
  const bool from_library = set.span.file.starts_with("std/");
  if (library && library->module != set.span.file && library->set.first_year <= from &&
      (to ? library->set.last_year >= to : library->set.last_year > set.last_year))
    return fmt::format("import \"{}\" and close on {}: it covers {}-{}", library->module,
                       library->set.set, library->set.first_year, library->set.last_year);
  const int last = to ? to : set.last_year + 5;
  const std::string name = from_library ? set.id + "_more" : set.id;
  return fmt::format(
      "{}`sla holidays import FILE.ics --name {} --years {}..{} -o {}.sla` writes {} from a "
      "calendar of your holidays{}",
      to ? "" : "state when the contract ends (ends YYYY-MM-DD), and keep the data ahead of it: ",
      name, from, last, name, from_library ? "a set for those years" : "the set anew",
      from_library
          ? fmt::format("; then import \"{}.sla\" and close on holidays {}, {}", name, set.id, name)
          : "");
}

// The years a set covers together with the sets of the same calendar that continue
// it: one that starts later and ends later without a gap (a company's own set for
// 2028-2030 after a stdlib set that ends in 2027) extends it, and the set it
// continues extends it back. Sets side by side (national holidays and collective
// leave over the same years) each keep their own years.
std::pair<int, int> continued(const Model& m, const CalendarInfo& cal, const HolidaySet& set) {
  std::vector<const HolidaySet*> sets;
  for (const auto& id : cal.holiday_sets)
    for (const auto& h : m.holiday_sets)
      if (h.id == id && h.first_year) sets.push_back(&h);
  int first = set.first_year, last = set.last_year;
  for (bool grew = true; grew && first;) {
    grew = false;
    for (const HolidaySet* other : sets) {
      if (other->first_year > first && other->first_year <= last + 1 && other->last_year > last) {
        last = other->last_year;
        grew = true;
      }
      if (other->last_year < last && other->last_year >= first - 1 && other->first_year < first) {
        first = other->first_year;
        grew = true;
      }
    }
  }
  return {first, last};
}

}  // namespace

void holiday_coverage(Context& c) {
  const Model& m = c.model();
  std::set<std::string> seen;
  for (const auto& v : c.views()) {
    const CalendarInfo& cal = *v.calendar;
    if (!seen.insert(cal.id).second) continue;
    // A union states no holidays: its members do, each for itself.
    std::vector<const CalendarInfo*> stating{&cal};
    if (!cal.union_of.empty()) {
      stating.clear();
      for (const auto& id : cal.union_of)
        if (const CalendarInfo* member = m.calendar(id); member && seen.insert(id).second)
          stating.push_back(member);
    }
    for (const CalendarInfo* s : stating)
      if (!s->holidays_stated) {
        const auto library = library_set_for(*s);
        c.report(Code::lint_holidays_unstated, Severity::warning, c.at(s->span),
                 fmt::format("calendar '{}' ({}) does not say whether public holidays close it",
                             s->id, where(v)),
                 library ? fmt::format("add 'closed on holidays {}' (with import \"{}\"){} or "
                                       "'open on holidays'",
                                       library->set.set, library->module,
                                       has_regions(library->module)
                                           ? fmt::format("; a region's set, such as {}/..., adds "
                                                         "its own days (sla holidays list)",
                                                         library->module)
                                           : "")
                         : "add 'closed on holidays SET' or 'open on holidays'");
      }
    for (const auto& set_id : cal.holiday_sets) {
      const auto set = std::find_if(m.holiday_sets.begin(), m.holiday_sets.end(),
                                    [&](const HolidaySet& h) { return h.id == set_id; });
      if (set == m.holiday_sets.end()) continue;
      // Point at the calendar's "closed on holidays SET" when it can be found.
      Location where_closed = c.at(cal.span);
      for (const auto& file : c.files())
        walk(file.root, nullptr, [&](const ast::Node& n, const ast::Node* parent) {
          if (n.kind != ast::Kind::closed || !parent || parent->kind != ast::Kind::calendar) return;
          const auto* owner = ast::arg<ast::Ident>(*parent);
          if (!owner || owner->name != cal.id) return;
          for (const auto* id : ast::args<ast::Ident>(n))
            if (id->name == set_id) where_closed = c.at(id->span);
        });
      const std::string& effective = m.contract.effective;
      const std::string& ends = m.contract.ends;
      const int from = year_of(effective), to = year_of(ends);
      tentative_dates(c, cal, *set, where_closed, from, to ? to : set->last_year);
      const auto [first_year, last_year] = continued(m, cal, *set);
      if (set->first_year == 0) {
        c.report(Code::lint_holiday_coverage, Severity::warning, where_closed,
                 fmt::format("holiday set '{}' does not say which years it covers", set_id),
                 "add 'covers FIRST to LAST' to the holiday set");
        continue;
      }
      std::vector<std::string> gaps;
      int missing_from = 0, missing_to = 0;  // missing_to 0: every year from missing_from on
      if (effective.empty()) {
        gaps.push_back("the contract states no effective date");
      } else if (from < first_year) {
        gaps.push_back(fmt::format(
            "the contract takes effect {}, before {}: {} missing", effective, first_year,
            years_text(from, first_year - 1) + (first_year - 1 > from ? " are" : " is")));
        missing_from = from;
        missing_to = first_year - 1;
      }
      if (ends.empty()) {
        gaps.push_back(
            fmt::format("the contract states no end, so from {} on calendar '{}' "
                        "would treat public holidays as working days",
                        last_year + 1, cal.id));
        if (!missing_from) missing_from = last_year + 1;
        missing_to = 0;
      } else if (to > last_year) {
        gaps.push_back(
            fmt::format("the contract runs until {}, past {}: {} missing", ends, last_year,
                        years_text(last_year + 1, to) + (to > last_year + 1 ? " are" : " is")));
        if (!missing_from) missing_from = last_year + 1;
        missing_to = to;
      }
      if (gaps.empty()) continue;
      c.report(Code::lint_holiday_coverage, Severity::warning, where_closed,
               fmt::format("holiday set '{}' lists public holidays for {}-{} only{}, but {}",
                           set_id, first_year, last_year,
                           first_year == set->first_year && last_year == set->last_year
                               ? ""
                               : " (with the sets that continue it)",
                           fmt::join(gaps, "; and ")),
               missing_from ? coverage_hint(cal, *set, missing_from, missing_to)
                            : "state when the contract takes effect (effective YYYY-MM-DD)");
    }
  }
}

void tentative_dates(Context& c, const CalendarInfo& cal, const HolidaySet& set,
                     const Location& where_closed, int from, int to) {
  // The calendar's own word on a date beats the set's: a date it states is settled.
  std::set<std::string> settled;
  for (const auto& d : cal.dated) settled.insert(d.substr(0, 10));
  std::vector<const Holiday*> relied;
  for (const auto& d : set.days) {
    const int y = year_of(d.date);
    if (d.tentative && (!from || y >= from) && (!to || y <= to) && !settled.count(d.date))
      relied.push_back(&d);
  }
  if (relied.empty()) return;
  const Holiday& first = *relied.front();
  c.report(Code::lint_tentative_holiday, Severity::note, where_closed,
           fmt::format("calendar '{}' closes on {} tentative {} of holiday set '{}' in the "
                       "contract's years ({} {}{}): the authorities fix such dates close to the "
                       "day, and they can move by a day",
                       cal.id, relied.size(), relied.size() == 1 ? "date" : "dates", set.id,
                       first.date, first.name, relied.size() > 1 ? ", ..." : ""),
           fmt::format("when a date is fixed, state it in the calendar, whose word on a date beats "
                       "the set's: 'on {} open HH:MM-HH:MM' if the holiday moved off it, "
                       "'closed on DATE \"NAME\"' for the day it moved to",
                       first.date));
}

// ------------------------------------------------------------------ SLA112

void unused_definitions(Context& c) {
  const Model& m = c.model();
  if (m.files.empty()) return;
  const std::string& root = m.files.front();
  std::set<std::string> used_calendars, used_sets;
  for (const auto& list : {&m.packages, &m.addons})
    for (const auto& p : *list) {
      used_calendars.insert(p.calendar);
      for (const auto& t : p.targets) used_calendars.insert(t.calendar);
    }
  for (const auto& cal : m.calendars) {
    if (!cal.extends.empty()) used_calendars.insert(cal.extends);
    used_calendars.insert(cal.union_of.begin(), cal.union_of.end());
    used_sets.insert(cal.holiday_sets.begin(), cal.holiday_sets.end());
  }
  for (const auto& cal : m.calendars)
    if (cal.span.file == root && !used_calendars.count(cal.id))
      c.report(Code::lint_unused, Severity::warning, c.at(cal.span),
               fmt::format("calendar '{}' is defined but no package, add-on or calendar uses it",
                           cal.id),
               "remove it, or name it in a package: calendar " + cal.id);
  // A file of holiday sets alone (what `sla holidays import` writes) is a library:
  // its sets are for the contracts that import it.
  const auto defined_here = [&](const auto& items) {
    return std::any_of(items.begin(), items.end(),
                       [&](const auto& item) { return item.span.file == root; });
  };
  const bool library = m.contract.name.empty() && !defined_here(m.calendars) &&
                       !defined_here(m.packages) && !defined_here(m.addons);
  for (const auto& set : m.holiday_sets)
    if (!library && set.span.file == root && !used_sets.count(set.id))
      c.report(Code::lint_unused, Severity::warning, c.at(set.span),
               fmt::format("holiday set '{}' is defined but no calendar closes on it", set.id),
               "name it in a calendar: closed on holidays " + set.id);

  // A glossary term nobody mentions defines nothing the contract says.
  std::string text = lower(m.contract.name + "\n" + m.contract.summary);
  auto add = [&](const std::string& s) { text += "\n" + lower(s); };
  for (const auto& p : m.priorities) add(p.description);
  for (const auto& cal : m.calendars) add(cal.title + "\n" + cal.summary);
  auto packages = m.packages;
  packages.insert(packages.end(), m.addons.begin(), m.addons.end());
  for (const auto& p : packages) {
    add(p.title + "\n" + p.summary + "\n" + p.sold_included_in + "\n" + p.sold_label);
    for (const auto& f : p.features) add(f.name + "\n" + f.description);
    for (const auto& ch : p.channels) add(ch.name + "\n" + ch.label);
    for (const auto& [priority, wording] : p.descriptions) add(wording);
    for (const auto& n : p.notes) add(n);
    for (const auto& t : p.targets) add(t.label);
    for (const auto& u : p.uptime) {
      add(u.service + "\n" + u.credits_text + "\n" + u.target_label);
      for (const auto& e : u.exclusions) add(e.text);
      for (const auto& n : u.notes) add(n);
    }
    if (p.escalation)
      for (const auto& b : *p.escalation) add(b.role + "\n" + b.contact + "\n" + b.remark);
  }
  for (const auto& e : m.examples) add(e.name);
  for (const auto& d : m.definitions) {
    if (d.span.file != root) continue;
    bool used = mentions(text, lower(d.term));
    for (const auto& other : m.definitions)
      if (&other != &d) used = used || mentions(lower(other.meaning), lower(d.term));
    if (!used)
      c.report(Code::lint_unused, Severity::warning, c.at(d.span),
               fmt::format("the term \"{}\" is defined but the contract never uses it", d.term),
               "use the term where it is meant, or remove the definition");
  }
}

// ------------------------------------------------------------------ SLA113

void unselectable_addons(Context& c) {
  const Model& m = c.model();
  std::size_t budget = 20'000;  // selections tried, whatever the contract's size
  for (const auto& a : m.addons) {
    // The add-ons it needs, transitively, come with it.
    std::vector<std::string> chosen{a.id};
    for (std::size_t i = 0; i < chosen.size(); ++i)
      if (const Package* addon = m.addon(chosen[i]))
        for (const auto& r : addon->requires_)
          if (m.addon(r) && std::find(chosen.begin(), chosen.end(), r) == chosen.end())
            chosen.push_back(r);
    std::string first_error;
    bool possible = false;
    for (const auto& p : m.packages) {
      if (budget == 0) return;
      --budget;
      Selection s = select(m, p.id, chosen);
      if (s.package) {
        possible = true;
        break;
      }
      if (first_error.empty()) first_error = fmt::format("with package '{}': {}", p.id, s.error);
    }
    if (!possible && !m.packages.empty())
      c.report(Code::lint_addon_unselectable, Severity::warning, c.at(a.span),
               fmt::format("add-on '{}' can never be selected: {}", a.id, first_error),
               "check its requires and excludes, and those of the add-ons it requires");
  }
}

}  // namespace sla::lint
