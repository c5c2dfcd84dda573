#include "sla/diff.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>
#include <bitset>
#include <map>
#include <optional>
#include <set>
#include <tuple>

#include "interpreter/diff/change_words.hpp"
#include "interpreter/diff/measures.hpp"
#include "interpreter/time/calendar.hpp"

namespace sla {

namespace {

using namespace change_words;
using namespace measures;

// ---------------------------------------------------------------- the codes

// Stable: a code keeps its meaning across releases (docs/diff.md explains each).
const DiffRule kRules[] = {
    {"SLA201", "target added or removed", "added: stronger; removed: weaker"},
    {"SLA202", "target length changed", "longer: weaker; shorter: stronger"},
    {"SLA203", "target counted in other time",
     "calendar time to business time: weaker (nights and weekends stop counting); the other way: "
     "stronger"},
    {"SLA204", "target commitment changed",
     "committed to best effort: weaker; the other way: stronger"},
    {"SLA205", "target deadline changed",
     "a later time of the next business day: weaker; earlier: stronger"},
    {"SLA206", "target calendar changed",
     "a calendar open fewer hours a week: weaker; more: stronger; otherwise neutral"},
    {"SLA210", "package calendar changed",
     "a calendar open fewer hours a week: weaker; more: stronger; otherwise neutral"},
    {"SLA211", "calendar hours changed",
     "hours lost only: weaker; hours gained only: stronger; both: neutral"},
    {"SLA212", "calendar closed days changed",
     "more closed days (holidays, dated closures): weaker; fewer: stronger; both: neutral"},
    {"SLA213", "calendar time zone changed", "neutral"},
    {"SLA214", "business day length changed",
     "longer: weaker (each business day takes more operating time); shorter: stronger"},
    {"SLA215", "calendar added or removed", "neutral (what packages use is compared there)"},
    {"SLA220", "clock start changed",
     "from creation to the next opening: weaker; the other way: stronger"},
    {"SLA221", "clock pauses changed", "more statuses pause the clock: weaker; fewer: stronger"},
    {"SLA222", "warnings changed", "neutral (a warning of a pending ticket moves no deadline)"},
    {"SLA225", "escalation changed",
     "a band that starts later or is gone: weaker; earlier or new: stronger; otherwise neutral"},
    {"SLA230", "uptime target changed", "lower: weaker; higher: stronger"},
    {"SLA231", "uptime exclusion added or removed", "added: weaker; removed: stronger"},
    {"SLA232", "uptime terms changed",
     "committed to best effort, a commitment or a service removed: weaker; the other way: "
     "stronger; the period or the wording: neutral"},
    {"SLA233", "service credits changed", "a smaller credit or cap: weaker; larger: stronger"},
    {"SLA240", "price changed",
     "higher: weaker; lower: stronger; another currency or period: neutral"},
    {"SLA241", "add-on rules changed", "requires and excludes: neutral"},
    {"SLA245", "package or add-on added or removed", "added: stronger; removed: weaker"},
    {"SLA246", "channels or features changed", "added: stronger; removed: weaker"},
    {"SLA250", "definitions changed", "neutral"},
    {"SLA251", "priorities changed", "neutral"},
    {"SLA252", "examples changed", "neutral"},
    {"SLA260", "contract terms changed",
     "a shorter change notice or an earlier end: weaker; longer or later: stronger; names, "
     "versions and dates otherwise: neutral"},
    {"SLA261", "wording changed", "summaries, notes and descriptions: neutral"},
};

Effect by_direction(bool worse) {
  return worse ? Effect::weaker : Effect::stronger;
}

// The credit each version gives at an uptime just under each threshold and at
// it: never more and somewhere less is weaker; the other way stronger.
Effect credit_effect(const std::vector<CreditTier>& x, const std::vector<CreditTier>& y) {
  auto credit_at = [](const std::vector<CreditTier>& tiers, std::int64_t uptime) {
    std::int64_t most = 0;
    for (const auto& t : tiers)
      if (uptime < t.below_milli) most = std::max(most, t.credit_milli);
    return most;
  };
  bool less = false, more = false;
  for (const auto* tiers : {&x, &y})
    for (const auto& t : *tiers)
      for (const std::int64_t at : {t.below_milli - 1, t.below_milli}) {
        const std::int64_t a = credit_at(x, at), b = credit_at(y, at);
        less = less || b < a;
        more = more || b > a;
      }
  return less == more ? Effect::neutral : by_direction(less);
}

// ---------------------------------------------------------------- collector

class Differ {
 public:
  Differ(const Model& a, const Model& b) : a_(a), b_(b) {}

  std::vector<Change> run() {
    header();
    for (const auto& p : b_.packages) package(a_.package(p.id), &p, "package");
    for (const auto& p : a_.packages)
      if (!b_.package(p.id)) package(&p, nullptr, "package");
    for (const auto& p : b_.addons) package(a_.addon(p.id), &p, "add-on");
    for (const auto& p : a_.addons)
      if (!b_.addon(p.id)) package(&p, nullptr, "add-on");
    calendars();
    definitions();
    priorities();
    examples();
    return merge_inherited(without_repeats(std::move(out_)));
  }

 private:
  void add(std::string code, Effect effect, std::string subject, std::string message,
           std::string old_value, std::string new_value, SourceRef old_at, SourceRef new_at) {
    out_.push_back({std::move(code), effect, std::move(subject), std::move(message),
                    std::move(old_value), std::move(new_value), std::move(old_at),
                    std::move(new_at)});
  }

  // ------------------------------------------------------------ contract
  void header() {
    const Header &a = a_.contract, &b = b_.contract;
    const std::string subject = "contract";
    auto text = [&](std::string_view what, const std::string& x, const std::string& y) {
      if (x == y) return;
      add("SLA260", Effect::neutral, subject,
          fmt::format("the contract's {} {}", what, was_now(x, y)), x, y, a.span, b.span);
    };
    text("name", a.name, b.name);
    text("provider", a.provider, b.provider);
    text("client", a.client, b.client);
    text("version", a.version, b.version);
    text("effective date", a.effective, b.effective);
    text("review cycle", a.review_cycle, b.review_cycle);
    if (a.ends != b.ends) {
      // An open end is the latest end; a later end keeps the terms longer.
      const bool earlier = !a.ends.empty() && !b.ends.empty() ? b.ends < a.ends : !b.ends.empty();
      add("SLA260", by_direction(earlier), subject,
          fmt::format("the contract's last day {}", was_now(a.ends, b.ends, "open-ended")), a.ends,
          b.ends, a.span, b.span);
    }
    const std::string na = a.change_notice ? a.change_notice->text : "";
    const std::string nb = b.change_notice ? b.change_notice->text : "";
    if (na != nb) {
      Effect e = Effect::neutral;
      if (a.change_notice && b.change_notice) {
        const auto x = plain_seconds(*a.change_notice), y = plain_seconds(*b.change_notice);
        if (x && y && *x != *y) e = by_direction(*y < *x);
      } else {
        e = by_direction(!b.change_notice);
      }
      add("SLA260", e, subject, fmt::format("the notice of changes {}", was_now(na, nb, "none")),
          na, nb, a.span, b.span);
    }
    text("summary", a.summary, b.summary);
  }

  // ------------------------------------------------------------ packages
  void package(const Package* a, const Package* b, std::string_view kind) {
    const Package& any = b ? *b : *a;
    const std::string subject = fmt::format("{} {}", kind, any.id);
    if (!a || !b) {
      add("SLA245", by_direction(!b), subject,
          fmt::format("{} {} ({}) {}", kind, any.id, any.title, b ? "added" : "removed"),
          a ? a->title : "", b ? b->title : "", a ? a->span : SourceRef{},
          b ? b->span : SourceRef{});
      return;
    }
    if (a->title != b->title)
      add("SLA261", Effect::neutral, subject,
          fmt::format("{}: the title {}", subject, was_now(a->title, b->title)), a->title, b->title,
          a->span, b->span);
    if (a->summary != b->summary)
      add("SLA261", Effect::neutral, subject, fmt::format("{}: the summary changed", subject),
          a->summary, b->summary, a->span, b->span);
    price(*a, *b, subject);
    if (a->requires_ != b->requires_ || a->excludes != b->excludes)
      add("SLA241", Effect::neutral, subject,
          fmt::format("{}: requires {}, excludes {} (was requires {}, excludes {})", subject,
                      list_or_none(b->requires_), list_or_none(b->excludes),
                      list_or_none(a->requires_), list_or_none(a->excludes)),
          rules_of(*a), rules_of(*b), a->span, b->span);
    if (a->calendar != b->calendar) {
      const auto [effect, words] = calendar_swap(a->calendar, b->calendar);
      add("SLA210", effect, subject,
          fmt::format("{}: calendar {}{}", subject, was_now(a->calendar, b->calendar, "none"),
                      words),
          a->calendar, b->calendar, a->span, b->span);
    }
    targets(*a, *b, subject);
    clock(*a, *b, subject);
    escalation(*a, *b, subject);
    uptime(*a, *b, subject);
    credits(*a, *b, subject);
    named_list("channel", names_of(a->channels), names_of(b->channels), subject, *a, *b);
    named_list("feature", names_of(a->features), names_of(b->features), subject, *a, *b);
    for (const auto& [priority, words] : b->descriptions)
      if (auto it = a->descriptions.find(priority);
          it == a->descriptions.end() || it->second != words)
        add("SLA261", Effect::neutral, subject,
            fmt::format("{}: its description of {} changed", subject, priority),
            it == a->descriptions.end() ? "" : it->second, words, a->span, b->span);
    for (const auto& [priority, words] : a->descriptions)
      if (!b->descriptions.count(priority))
        add("SLA261", Effect::neutral, subject,
            fmt::format("{}: its description of {} removed", subject, priority), words, "", a->span,
            b->span);
    if (a->notes != b->notes)
      add("SLA261", Effect::neutral, subject, fmt::format("{}: its notes changed", subject),
          fmt::format("{}", fmt::join(a->notes, "; ")),
          fmt::format("{}", fmt::join(b->notes, "; ")), a->span, b->span);
  }

  void price(const Package& a, const Package& b, const std::string& subject) {
    const std::string x = a.price ? money_text(*a.price) : "",
                      y = b.price ? money_text(*b.price) : "";
    if (x == y) return;
    Effect e = Effect::neutral;
    if (a.price && b.price && a.price->currency == b.price->currency &&
        a.price->period == b.price->period)
      e = by_direction(b.price->milli > a.price->milli);
    add("SLA240", e, subject, fmt::format("{}: price {}", subject, was_now(x, y, "none")), x, y,
        a.span, b.span);
  }

  // A target is known by what it measures, for which priority and which tickets
  // (`respond to all` is one target per priority: a new priority gets its own).
  using TargetKey = std::tuple<TargetKind, std::string, std::string>;
  static TargetKey key_of(const Target& t) {
    return {t.kind, lower(t.priority), t.where ? t.where->text() : std::string()};
  }

  void targets(const Package& a, const Package& b, const std::string& subject) {
    std::map<TargetKey, const Target*> old_targets;
    for (const auto& t : a.targets) old_targets.emplace(key_of(t), &t);
    std::set<TargetKey> seen;
    for (const auto& t : b.targets) {
      const TargetKey k = key_of(t);
      seen.insert(k);
      const auto it = old_targets.find(k);
      if (it == old_targets.end()) {
        add("SLA201", Effect::stronger, subject,
            fmt::format("{}: new target: {}{}", subject, target_text(t), for_whom(t)), "",
            target_text(t), {}, t.span);
        continue;
      }
      target(*it->second, t, a, b, subject);
    }
    for (const auto& t : a.targets)
      if (!seen.count(key_of(t)))
        add("SLA201", Effect::weaker, subject,
            fmt::format("{}: target removed: {}{}", subject, target_text(t), for_whom(t)),
            target_text(t), "", t.span, {});
  }

  void target(const Target& x, const Target& y, const Package& a, const Package& b,
              const std::string& subject) {
    const std::string what = target_head(y);
    auto change = [&](const char* code, Effect e, std::string words, std::string ov,
                      std::string nv) {
      add(code, e, subject, fmt::format("{}: {} {}", subject, what, words), std::move(ov),
          std::move(nv), x.span, y.span);
    };
    if (x.by || y.by) {
      const std::string ox = x.by ? x.by->text : length_words(x);
      const std::string ny = y.by ? y.by->text : length_words(y);
      if (ox != ny) {
        Effect e = Effect::neutral;
        if (x.by && y.by) {
          // "by end of" is the day's last closing, later than any stated time.
          const int tx = x.by->at_minutes.value_or(24 * 60),
                    ty = y.by->at_minutes.value_or(24 * 60);
          if (tx != ty) e = by_direction(ty > tx);
        }
        change("SLA205", e, fmt::format("{} (was {})", ny, ox), ox, ny);
      }
    } else if (x.within.business != y.within.business) {
      change("SLA203", by_direction(y.within.business),
             fmt::format("{} (was {}): counted in {} time", length_words(y), x.within.text,
                         y.within.business ? "business" : "calendar"),
             x.within.text, y.within.text);
    } else if (x.within.text != y.within.text) {
      const auto sx = target_seconds(x, a_, a), sy = target_seconds(y, b_, b);
      Effect e = Effect::neutral;
      std::string how;
      if (sx && sy && *sx != *sy) {
        e = by_direction(*sy > *sx);
        how = fmt::format(": {} {}", hours_text(*sy > *sx ? *sy - *sx : *sx - *sy),
                          *sy > *sx ? "longer" : "shorter");
      }
      change("SLA202", e, fmt::format("{} (was {}){}", length_words(y), x.within.text, how),
             x.within.text, y.within.text);
    }
    if (x.commitment != y.commitment)
      change("SLA204", by_direction(y.commitment == Commitment::best_effort),
             y.commitment == Commitment::best_effort ? "is best effort (was committed)"
                                                     : "is committed (was best effort)",
             commitment_text(x.commitment), commitment_text(y.commitment));
    // The target's own calendar, when it is another than its package's.
    const std::string& cx = x.calendar.empty() ? a.calendar : x.calendar;
    const std::string& cy = y.calendar.empty() ? b.calendar : y.calendar;
    if (x.calendar != y.calendar && cx != cy) {
      const auto [effect, words] = calendar_swap(cx, cy);
      change("SLA206", effect,
             fmt::format("runs on {} (was {}){}",
                         y.calendar.empty() ? "the package's calendar" : "calendar " + y.calendar,
                         x.calendar.empty() ? "the package's calendar" : "calendar " + x.calendar,
                         words),
             x.calendar, y.calendar);
    }
  }

  void clock(const Package& a, const Package& b, const std::string& subject) {
    const bool x = a.clock_starts_at_next_opening.value_or(false);
    const bool y = b.clock_starts_at_next_opening.value_or(false);
    if (x != y)
      add("SLA220", by_direction(y), subject,
          fmt::format("{}: the clock starts {} (was {})", subject,
                      y ? "at the next opening" : "at creation",
                      x ? "at the next opening" : "at creation"),
          x ? "at next opening" : "at creation", y ? "at next opening" : "at creation", a.span,
          b.span);
    const std::vector<std::string> none;
    const auto& px = a.pause_statuses ? *a.pause_statuses : none;
    const auto& py = b.pause_statuses ? *b.pause_statuses : none;
    const std::set<std::string> sx(px.begin(), px.end()), sy(py.begin(), py.end());
    if (sx != sy) {
      std::vector<std::string> more, fewer;
      std::set_difference(sy.begin(), sy.end(), sx.begin(), sx.end(), std::back_inserter(more));
      std::set_difference(sx.begin(), sx.end(), sy.begin(), sy.end(), std::back_inserter(fewer));
      const Effect e = more.empty()    ? Effect::stronger
                       : fewer.empty() ? Effect::weaker
                                       : Effect::neutral;
      add("SLA221", e, subject,
          fmt::format("{}: the clock pauses on status {} (was {})", subject, quoted_or_none(py),
                      quoted_or_none(px)),
          fmt::format("{}", fmt::join(px, ", ")), fmt::format("{}", fmt::join(py, ", ")), a.span,
          b.span);
    }
    const std::string wx = shares_text(a), wy = shares_text(b);
    if (wx != wy) {
      auto words = [](const std::string& shares) {
        return shares.empty() ? std::string("none")
                              : fmt::format("at {} of a target's time", shares);
      };
      add("SLA222", Effect::neutral, subject,
          fmt::format("{}: warnings are {} (were {})", subject, words(wy), words(wx)), wx, wy,
          a.span, b.span);
    }
  }

  // "50 %, 75 %" as `warn at` states it; empty without warnings.
  static std::string shares_text(const Package& p) {
    std::vector<std::string> shares;
    if (p.warn_at_milli)
      for (const auto share : *p.warn_at_milli) shares.push_back(percent_text(share));
    return fmt::format("{}", fmt::join(shares, ", "));
  }

  void escalation(const Package& a, const Package& b, const std::string& subject) {
    const std::string x = ladders_text(a), y = ladders_text(b);
    if (x == y) return;
    // Band by band (role and condition), when the ladders have the same steps:
    // a later start is less for the client.
    Effect e = Effect::neutral;
    const auto bx = bands_of(a), by = bands_of(b);
    if (bx.size() == by.size()) {
      bool later = false, earlier = false;
      for (std::size_t i = 0; i < bx.size(); ++i) {
        if (bx[i].first != by[i].first) {
          later = earlier = true;
          break;
        }
        later = later || by[i].second > bx[i].second;
        earlier = earlier || by[i].second < bx[i].second;
      }
      if (later != earlier) e = by_direction(later);
    } else if (by.size() < bx.size()) {
      e = Effect::weaker;
    } else {
      e = Effect::stronger;
    }
    add("SLA225", e, subject, fmt::format("{}: escalation {}", subject, was_now(x, y, "none")), x,
        y, a.span, b.span);
  }

  void uptime(const Package& a, const Package& b, const std::string& subject) {
    std::map<std::string, const Uptime*> old_ones;
    for (const auto& u : a.uptime) old_ones.emplace(u.service, &u);
    for (const auto& u : b.uptime) {
      const auto it = old_ones.find(u.service);
      const std::string who = fmt::format("{}: uptime of \u201c{}\u201d", subject, u.service);
      if (it == old_ones.end()) {
        add("SLA232", Effect::stronger, subject, who + " added", "", uptime_text(u), {}, u.span);
        continue;
      }
      const Uptime& o = *it->second;
      old_ones.erase(it);
      if (o.target_milli != u.target_milli) {
        Effect e = Effect::neutral;
        if (o.target_milli && u.target_milli)
          e = by_direction(*u.target_milli < *o.target_milli);
        else
          e = by_direction(!u.target_milli);
        add("SLA230", e, subject,
            fmt::format("{}: target {}", who,
                        was_now(percent_or_none(o.target_milli), percent_or_none(u.target_milli))),
            percent_or_none(o.target_milli), percent_or_none(u.target_milli), o.span, u.span);
      }
      if (o.commitment != u.commitment)
        add("SLA232", by_direction(u.commitment == Commitment::best_effort), subject,
            fmt::format("{}: {}", who,
                        u.commitment == Commitment::best_effort ? "best effort (was committed)"
                                                                : "committed (was best effort)"),
            commitment_text(o.commitment), commitment_text(u.commitment), o.span, u.span);
      if (o.period != u.period || o.unavailable_when != u.unavailable_when ||
          o.excluded_time != u.excluded_time || o.published_at != u.published_at)
        add("SLA232", Effect::neutral, subject,
            fmt::format("{}: measured {} (was {})", who, measure_text(u), measure_text(o)),
            measure_text(o), measure_text(u), o.span, u.span);
      exclusions(o, u, who, subject);
      if (credit_tiers(o) != credit_tiers(u) || o.credits_text != u.credits_text) {
        add("SLA233", credit_effect(o.credits, u.credits), subject,
            fmt::format("{}: service credits are {} (were {})", who,
                        credit_tiers(u).empty() ? "none" : credit_tiers(u),
                        credit_tiers(o).empty() ? "none" : credit_tiers(o)),
            credit_tiers(o), credit_tiers(u), o.span, u.span);
      }
    }
    for (const auto& [service, u] : old_ones)
      add("SLA232", Effect::weaker, subject,
          fmt::format("{}: uptime of \u201c{}\u201d removed", subject, service), uptime_text(*u),
          "", u->span, {});
  }

  void exclusions(const Uptime& o, const Uptime& u, const std::string& who,
                  const std::string& subject) {
    auto text = [](const Exclusion& e) {
      return fmt::format("{} \u201c{}\u201d", e.category, e.text);
    };
    std::map<std::string, const Exclusion*> old_ones;
    for (const auto& e : o.exclusions) old_ones.emplace(text(e), &e);
    for (const auto& e : u.exclusions) {
      if (old_ones.erase(text(e))) continue;
      add("SLA231", Effect::weaker, subject, fmt::format("{}: new exclusion: {}", who, text(e)), "",
          text(e), o.span, e.span);
    }
    for (const auto& [t, e] : old_ones)
      add("SLA231", Effect::stronger, subject, fmt::format("{}: exclusion removed: {}", who, t), t,
          "", e->span, u.span);
  }

  void credits(const Package& a, const Package& b, const std::string& subject) {
    auto text = [](const Package& p) {
      std::vector<std::string> parts;
      for (const auto& c : p.ticket_credits)
        parts.push_back(fmt::format("{} per breached {}{}", percent_text(c.percent_milli),
                                    c.priority.empty() ? "" : c.priority + " ", name(c.kind)));
      if (p.credit_cap_milli)
        parts.push_back(fmt::format("at most {} per month", percent_text(*p.credit_cap_milli)));
      return fmt::format("{}", fmt::join(parts, "; "));
    };
    const std::string x = text(a), y = text(b);
    if (x == y) return;
    auto total = [](const Package& p) {
      std::int64_t sum = 0;
      for (const auto& c : p.ticket_credits) sum += c.percent_milli;
      return sum;
    };
    Effect e = Effect::neutral;
    if (a.ticket_credits.empty() != b.ticket_credits.empty())
      e = by_direction(b.ticket_credits.empty());
    else if (a.ticket_credits.size() == b.ticket_credits.size() && total(a) != total(b) &&
             a.credit_cap_milli == b.credit_cap_milli)
      e = by_direction(total(b) < total(a));
    else if (a.ticket_credits.size() == b.ticket_credits.size() && total(a) == total(b) &&
             a.credit_cap_milli && b.credit_cap_milli)
      e = by_direction(*b.credit_cap_milli < *a.credit_cap_milli);
    add("SLA233", e, subject,
        fmt::format("{}: ticket credits are {} (were {})", subject, y.empty() ? "none" : y,
                    x.empty() ? "none" : x),
        x, y, a.span, b.span);
  }

  void named_list(std::string_view what, const std::vector<std::string>& x,
                  const std::vector<std::string>& y, const std::string& subject, const Package& a,
                  const Package& b) {
    const std::set<std::string> sx(x.begin(), x.end()), sy(y.begin(), y.end());
    for (const auto& n : y)
      if (!sx.count(n))
        add("SLA246", Effect::stronger, subject,
            fmt::format("{}: new {} \u201c{}\u201d", subject, what, n), "", n, a.span, b.span);
    for (const auto& n : x)
      if (!sy.count(n))
        add("SLA246", Effect::weaker, subject,
            fmt::format("{}: {} \u201c{}\u201d removed", subject, what, n), n, "", a.span, b.span);
  }

  // ------------------------------------------------------------ calendars
  void calendars() {
    for (const auto& c : b_.calendars) {
      const CalendarInfo* o = a_.calendar(c.id);
      const std::string subject = "calendar " + c.id;
      if (!o) {
        add("SLA215", Effect::neutral, subject, subject + " added", "", weekly_text(c), {}, c.span);
        continue;
      }
      if (o->zone != c.zone)
        add("SLA213", Effect::neutral, subject,
            fmt::format("{}: time zone {}", subject, was_now(o->zone, c.zone)), o->zone, c.zone,
            o->span, c.span);
      hours(*o, c, subject);
      closed_days(*o, c, subject);
      if (o->business_day_seconds != c.business_day_seconds) {
        const std::string x = o->business_day_seconds ? hours_text(*o->business_day_seconds) : "";
        const std::string y = c.business_day_seconds ? hours_text(*c.business_day_seconds) : "";
        Effect e = Effect::neutral;
        if (o->business_day_seconds && c.business_day_seconds)
          e = by_direction(*c.business_day_seconds > *o->business_day_seconds);
        add("SLA214", e, subject,
            fmt::format("{}: a business day {}", subject, was_now(x, y, "unstated")), x, y, o->span,
            c.span);
      }
    }
    for (const auto& c : a_.calendars)
      if (!b_.calendar(c.id))
        add("SLA215", Effect::neutral, "calendar " + c.id, fmt::format("calendar {} removed", c.id),
            weekly_text(c), "", c.span, {});
  }

  void hours(const CalendarInfo& o, const CalendarInfo& c, const std::string& subject) {
    if (o.weekly == c.weekly && o.union_of == c.union_of) return;
    const std::string x = weekly_text(o), y = weekly_text(c);
    Effect e = Effect::neutral;
    std::string how;
    if (!o.union_of.empty() || !c.union_of.empty()) {
      const auto hx = week_seconds(o), hy = week_seconds(c);
      if (hx && hy && *hx != *hy) {
        e = by_direction(*hy < *hx);
        how = fmt::format(": open {} a week (was {})", hours_text(*hy), hours_text(*hx));
      }
    } else if (o.calendar && c.calendar) {
      const auto [lost, gained] = week_difference(o.calendar->spec(), c.calendar->spec());
      if (lost.count() && !gained.count()) e = Effect::weaker;
      if (gained.count() && !lost.count()) e = Effect::stronger;
      std::vector<std::string> parts;
      if (lost.count()) parts.push_back(fmt::format("{} a week fewer", hours_text(lost.count())));
      if (gained.count())
        parts.push_back(fmt::format("{} a week more", hours_text(gained.count())));
      if (!parts.empty()) how = fmt::format(": {}", fmt::join(parts, ", "));
    }
    add("SLA211", e, subject, fmt::format("{}: open {} (was {}){}", subject, y, x, how), x, y,
        o.span, c.span);
  }

  void closed_days(const CalendarInfo& o, const CalendarInfo& c, const std::string& subject) {
    if (!o.calendar || !c.calendar) return;
    const auto x = closures(o.calendar->spec()), y = closures(c.calendar->spec());
    if (x == y && o.holiday_sets == c.holiday_sets) return;
    std::vector<std::string> more, fewer;
    for (const auto& [day, what] : y)
      if (!x.count(day) || x.at(day) != what) more.push_back(day + " " + what);
    for (const auto& [day, what] : x)
      if (!y.count(day) || y.at(day) != what) fewer.push_back(day + " " + what);
    if (more.empty() && fewer.empty() && o.holiday_sets == c.holiday_sets) return;
    const Effect e = more.empty() && !fewer.empty()   ? Effect::stronger
                     : fewer.empty() && !more.empty() ? Effect::weaker
                                                      : Effect::neutral;
    std::vector<std::string> parts;
    if (o.holiday_sets != c.holiday_sets)
      parts.push_back(fmt::format("closed on holidays {}", was_now(list_or_none(o.holiday_sets),
                                                                   list_or_none(c.holiday_sets))));
    if (!more.empty())
      parts.push_back(
          fmt::format("{} more closed or shortened days ({})", more.size(), sample(more)));
    if (!fewer.empty()) parts.push_back(fmt::format("{} fewer ({})", fewer.size(), sample(fewer)));
    add("SLA212", e, subject, fmt::format("{}: {}", subject, fmt::join(parts, "; ")),
        list_or_none(o.holiday_sets), list_or_none(c.holiday_sets), o.span, c.span);
  }

  // ------------------------------------------------------------ the rest
  void definitions() {
    std::map<std::string, const Definition*> old_ones;
    for (const auto& d : a_.definitions) old_ones.emplace(d.term, &d);
    for (const auto& d : b_.definitions) {
      const auto it = old_ones.find(d.term);
      if (it == old_ones.end()) {
        add("SLA250", Effect::neutral, "definitions",
            fmt::format("\u201c{}\u201d is now defined", d.term), "", d.meaning, {}, d.span);
      } else {
        if (it->second->meaning != d.meaning)
          add("SLA250", Effect::neutral, "definitions",
              fmt::format("the definition of \u201c{}\u201d changed", d.term), it->second->meaning,
              d.meaning, it->second->span, d.span);
        old_ones.erase(it);
      }
    }
    for (const auto& [term, d] : old_ones)
      add("SLA250", Effect::neutral, "definitions",
          fmt::format("\u201c{}\u201d is no longer defined", term), d->meaning, "", d->span, {});
  }

  void priorities() {
    std::vector<std::string> x, y;
    for (const auto& p : a_.priorities) x.push_back(p.name);
    for (const auto& p : b_.priorities) y.push_back(p.name);
    const SourceRef at_a = a_.priorities.empty() ? SourceRef{} : a_.priorities.front().span;
    const SourceRef at_b = b_.priorities.empty() ? SourceRef{} : b_.priorities.front().span;
    if (x != y)
      add("SLA251", Effect::neutral, "priorities",
          fmt::format("the priorities are {} (were {})", list_or_none(y), list_or_none(x)),
          list_or_none(x), list_or_none(y), at_a, at_b);
    for (const auto& p : b_.priorities)
      if (const Priority* o = a_.priority(p.name); o && o->description != p.description)
        add("SLA261", Effect::neutral, "priority " + p.name,
            fmt::format("priority {}: its description changed", p.name), o->description,
            p.description, o->span, p.span);
  }

  void examples() {
    std::set<std::string> x, y;
    for (const auto& e : a_.examples) x.insert(e.name);
    for (const auto& e : b_.examples) y.insert(e.name);
    for (const auto& e : b_.examples)
      for (const auto& o : a_.examples)
        if (o.name == e.name && example_text(o) != example_text(e))
          add("SLA252", Effect::neutral, "examples",
              fmt::format("example \u201c{}\u201d changed: {}", e.name, example_text(e)),
              example_text(o), example_text(e), o.span, e.span);
    for (const auto& e : b_.examples)
      if (!x.count(e.name))
        add("SLA252", Effect::neutral, "examples",
            fmt::format("new example \u201c{}\u201d", e.name), "", e.name, {}, e.span);
    for (const auto& e : a_.examples)
      if (!y.count(e.name))
        add("SLA252", Effect::neutral, "examples",
            fmt::format("example \u201c{}\u201d removed", e.name), e.name, "", e.span, {});
  }

  // A calendar swapped for another: how many hours a week each is open.
  std::pair<Effect, std::string> calendar_swap(const std::string& x, const std::string& y) const {
    const CalendarInfo* cx = x.empty() ? nullptr : a_.calendar(x);
    const CalendarInfo* cy = y.empty() ? nullptr : b_.calendar(y);
    if (!cx || !cy || !cx->calendar || !cy->calendar) return {Effect::neutral, ""};
    const auto hx = week_seconds(*cx), hy = week_seconds(*cy);
    if (!hx || !hy || *hx == *hy) return {Effect::neutral, ""};
    return {by_direction(*hy < *hx),
            fmt::format(": open {} a week (was {})", hours_text(*hy), hours_text(*hx))};
  }

  // Changes that are one clause inherited by several packages: said once, with
  // the packages that inherit it. The same clause (both places equal), or the
  // same change in a package and one that inherits from it.
  std::vector<Change> merge_inherited(std::vector<Change> in) const {
    std::vector<Change> out;
    for (auto& c : in) {
      auto same = std::find_if(out.begin(), out.end(), [&](const Change& o) {
        if (o.code != c.code || o.old_value != c.old_value || o.new_value != c.new_value ||
            o.subject == c.subject || !o.subject.starts_with("package ") ||
            !c.subject.starts_with("package "))
          return false;
        const bool same_clause = o.old_at.file == c.old_at.file && o.old_at.line == c.old_at.line &&
                                 o.new_at.file == c.new_at.file && o.new_at.line == c.new_at.line &&
                                 o.old_at.line + o.new_at.line != 0;
        return same_clause || (tail(o) == tail(c) && inherits(id_of(c), id_of(o)));
      });
      if (same == out.end()) {
        out.push_back(std::move(c));
        continue;
      }
      same->message += fmt::format(" (also in {}, which inherits it)", c.subject);
    }
    return out;
  }

  // One clause said for all priorities changes once per priority in the same words:
  // said once.
  static std::vector<Change> without_repeats(std::vector<Change> in) {
    std::vector<Change> out;
    for (auto& c : in) {
      const bool seen = std::any_of(out.begin(), out.end(), [&](const Change& o) {
        return o.code == c.code && o.subject == c.subject && o.message == c.message &&
               o.old_value == c.old_value && o.new_value == c.new_value &&
               o.old_at.line == c.old_at.line && o.new_at.line == c.new_at.line;
      });
      if (!seen) out.push_back(std::move(c));
    }
    return out;
  }

  static std::string id_of(const Change& c) { return c.subject.substr(c.subject.find(' ') + 1); }
  // The message after its subject: what the change is, whoever it is in.
  static std::string_view tail(const Change& c) {
    std::string_view m = c.message;
    return m.starts_with(c.subject) ? m.substr(c.subject.size()) : m;
  }
  // Whether package `child` extends `parent`, directly or through others, in the
  // new version (or, for a removed package, the old).
  bool inherits(const std::string& child, const std::string& parent) const {
    for (const Model* m : {&b_, &a_}) {
      const Package* p = m->package(child);
      for (int depth = 0; p && depth < 64; ++depth) {
        if (p->extends == parent) return true;
        p = p->extends.empty() ? nullptr : m->package(p->extends);
      }
    }
    return false;
  }

  const Model& a_;
  const Model& b_;
  std::vector<Change> out_;
};

}  // namespace

std::string_view name(Effect effect) {
  switch (effect) {
    case Effect::weaker:
      return "weaker";
    case Effect::stronger:
      return "stronger";
    case Effect::neutral:
      return "neutral";
  }
  return "neutral";
}

const std::vector<DiffRule>& diff_rules() {
  static const std::vector<DiffRule> rules(std::begin(kRules), std::end(kRules));
  return rules;
}

std::vector<Change> diff(const Model& old_version, const Model& new_version) {
  return Differ(old_version, new_version).run();
}

}  // namespace sla
