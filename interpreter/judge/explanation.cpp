#include "sla/explanation.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <array>
#include <stdexcept>

#include "grammar/suggest.hpp"
#include "interpreter/time/calendar.hpp"
#include "interpreter/time/timestamp.hpp"

namespace sla {

namespace {

using std::chrono::seconds;

constexpr const char* weekday_names[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                         "Thursday", "Friday", "Saturday"};

// A length for people: "1 h 30 min", "40 min", "2 h 0 min 5 s" reads "2 h 5 s".
std::string length_text(seconds s) {
  if (s < seconds(0)) s = seconds(0);
  const auto h = s.count() / 3600, m = s.count() % 3600 / 60, sec = s.count() % 60;
  std::string out;
  if (h > 0) out = fmt::format("{} h", h);
  if (m > 0) out += fmt::format("{}{} min", out.empty() ? "" : " ", m);
  if (sec > 0) out += fmt::format("{}{} s", out.empty() ? "" : " ", sec);
  return out.empty() ? "0 min" : out;
}

// "Mon-Fri 09:00-17:00", or what a union is made of.
std::string hours_of(const CalendarInfo& c) {
  if (!c.union_of.empty())
    return fmt::format("union of {}: open when any of them is", fmt::join(c.union_of, ", "));
  return fmt::format("{}", fmt::join(c.weekly, "; "));
}

// The local day of `t` in `cal`'s zone, and the instant its midnight is.
date::local_days day_of(const Calendar& cal, Instant t) {
  return date::floor<date::days>(cal.to_local(t));
}
Instant midnight(const Calendar& cal, date::local_days day) {
  return cal.to_instant(date::local_seconds{day});
}

std::string day_text(date::local_days day) {
  const date::year_month_day ymd{day};
  return fmt::format("{} {:04}-{:02}-{:02}", weekday_names[date::weekday{day}.c_encoding()],
                     static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                     static_cast<unsigned>(ymd.day()));
}

class Story {
 public:
  Story(const Evaluator& ev, const Ticket& ticket, Instant as_of)
      : ev_(ev), cal_(ev.calendar()), ticket_(ticket), as_of_(as_of) {
    pauses_ = pause_spans();
  }

  // Every instant is shown with the package calendar's offset (docs/semantics.md,
  // "Targets on their own calendar"), whatever calendar a target runs on.
  std::string when(Instant t) const {
    if (t == Calendar::kNever) return "never (the desk does not open again)";
    const date::weekday wd{day_of(cal_, t)};
    return fmt::format("{} {}", weekday_names[wd.c_encoding()],
                       format_timestamp(t, cal_.utc_offset(t)));
  }

  // `shape` is what a walk step says without its times ("open 60", "closed the
  // weekend"): equal shapes in a row are the same week again (see collapse_repeats).
  ExplanationStep& say(std::string kind, std::string text, std::optional<Instant> from = {},
                       std::optional<Instant> until = {}, std::string shape = {}) {
    shapes_.push_back(std::move(shape));
    return steps_.emplace_back(
        ExplanationStep{std::move(kind), std::move(text), from, until, {}, {}, {}});
  }

  // A sparse calendar walks the same pattern week after week (open one hour, closed
  // six days and 23 hours): from the third time a pair of open and closed spans
  // repeats, the pairs are told as one "repeat" step with their count and total.
  void collapse_repeats(std::size_t begin, const Calendar& cal) {
    std::vector<ExplanationStep> out(std::make_move_iterator(steps_.begin()),
                                     std::make_move_iterator(steps_.begin() + begin));
    std::vector<std::string> out_shapes(shapes_.begin(), shapes_.begin() + begin);
    std::size_t i = begin;
    while (i < steps_.size()) {
      auto same_pair = [&](std::size_t a, std::size_t b) {
        return b + 1 < steps_.size() && !shapes_[a].empty() && !shapes_[a + 1].empty() &&
               shapes_[a] == shapes_[b] && shapes_[a + 1] == shapes_[b + 1];
      };
      std::size_t run = 1;  // pairs equal to the one at i
      while (same_pair(i, i + 2 * run)) ++run;
      if (run < 3) {
        out.push_back(std::move(steps_[i]));
        out_shapes.push_back(std::move(shapes_[i]));
        ++i;
        continue;
      }
      // Keep the first pair as it is; the rest become one step.
      for (std::size_t k = i; k < i + 2; ++k) {
        out.push_back(std::move(steps_[k]));
        out_shapes.push_back(std::move(shapes_[k]));
      }
      const ExplanationStep& first = steps_[i + 2];
      const ExplanationStep& last = steps_[i + 2 * run - 1];
      seconds counted{0};
      for (std::size_t k = i + 2; k < i + 2 * run; ++k)
        if (steps_[k].kind == "open" && steps_[k].from && steps_[k].until)
          counted += cal.between(*steps_[k].from, *steps_[k].until);
      out.push_back(ExplanationStep{
          "repeat",
          fmt::format("The same again {} more time{}, from {} to {}: {} min counted.", run - 1,
                      run - 1 == 1 ? "" : "s", when(*first.from), when(*last.until),
                      std::chrono::duration_cast<std::chrono::minutes>(counted).count()),
          first.from,
          last.until,
          {},
          {},
          {}});
      out_shapes.emplace_back();
      i += 2 * run;
    }
    steps_ = std::move(out);
    shapes_ = std::move(out_shapes);
  }

  // Why `cal` is closed from `a` to `b`: weekend days, named holidays, or simply
  // outside the day's hours; for a union, why each member is. A long span (a sparse
  // calendar, a pause over months) is summed up: each closed weekday named once, the
  // first holidays named.
  std::string closed_reason(const Calendar& cal, Instant a, Instant b) const {
    const auto& spec = cal.spec();
    if (!spec.members.empty()) {
      std::vector<std::string> parts;
      for (const auto& m : spec.members)
        parts.push_back(fmt::format("{}: {}", m->spec().name, closed_reason(*m, a, b)));
      return fmt::format("every calendar of the union is closed ({})", fmt::join(parts, "; "));
    }
    constexpr std::size_t kHolidaysNamed = 3;
    std::vector<std::string> holidays;
    std::size_t more_holidays = 0;
    std::array<std::size_t, 7> closed_weekdays{};  // days of each weekday without hours
    std::vector<unsigned> first_seen;              // those weekdays in date order
    bool outside = false;
    const auto first = day_of(cal, a);
    const auto last = day_of(cal, b - seconds(1));
    for (auto d = first; d <= last; d += date::days(1)) {
      const date::year_month_day ymd{d};
      const date::weekday wd{d};
      auto holiday = std::find_if(spec.holidays.begin(), spec.holidays.end(),
                                  [&](const HolidayRule& h) { return h.day == ymd; });
      if (holiday != spec.holidays.end() && holiday->hours.empty()) {
        if (holidays.size() == kHolidaysNamed) {
          ++more_holidays;
          continue;
        }
        holidays.push_back(fmt::format("{} is a holiday ({})", day_text(d), holiday->name));
      } else if (spec.weekly[wd.c_encoding()].empty()) {
        if (closed_weekdays[wd.c_encoding()]++ == 0) first_seen.push_back(wd.c_encoding());
      } else {
        outside = true;
      }
    }
    std::vector<std::string> names;
    std::size_t closed_days = 0;
    for (unsigned i : first_seen) {
      names.emplace_back(weekday_names[i]);
      closed_days += closed_weekdays[i];
    }
    std::string text;
    if (outside) text = "outside operating hours";
    if (!names.empty()) {
      const bool weekend = closed_weekdays[1] + closed_weekdays[2] + closed_weekdays[3] +
                               closed_weekdays[4] + closed_weekdays[5] ==
                           0;
      text += text.empty() ? "" : "; ";
      if (weekend && closed_days == 2 && names.size() == 2)
        text += "the weekend";
      else
        text += fmt::format("no operating hours on {}", fmt::join(names, ", "));
      if (closed_days > names.size()) text += fmt::format(", {} days in all", closed_days);
    }
    for (const auto& h : holidays) text += fmt::format("{}{}", text.empty() ? "" : "; ", h);
    if (more_holidays > 0)
      text += fmt::format(" and {} more holiday{}", more_holidays, more_holidays == 1 ? "" : "s");
    return text.empty() ? "closed" : text;
  }

  void package() {
    const auto& p = ev_.package();
    const CalendarInfo& c = ev_.calendar_info();
    say("package", fmt::format("Under {} \"{}\"{}; calendar {} in {} ({}).", p.id, p.title,
                               p.applied_addons.empty()
                                   ? ""
                                   : fmt::format(" with {}", fmt::join(p.applied_addons, ", ")),
                               c.id, c.zone, hours_of(c)));
  }

  void priority(const Evaluation& result) {
    for (const auto& e : ticket_.events)
      if (e.kind == TicketEvent::Kind::priority && e.at <= as_of_)
        say("priority_change",
            fmt::format("The priority changed to {} at {}; the targets are those of the new "
                        "priority, counted from creation.",
                        e.value, when(e.at)),
            e.at);
    const auto& p = ev_.package();
    if (!result.priority) {
      say("priority",
          "No priority: only the targets for all priorities with a condition can apply, and "
          "the escalation ladder for every priority.");
      return;
    }
    const Priority& pr = *result.priority;
    say("priority",
        fmt::format("Priority {}: {}", pr.name,
                    p.descriptions.count(pr.name) ? p.descriptions.at(pr.name) : pr.description));
  }

  // The ticket's attribute values, when the contract declares attributes.
  void attributes() {
    const auto& declared = ev_.model().attributes;
    if (declared.empty()) return;
    std::vector<std::string> parts;
    for (std::size_t i = 0; i < declared.size(); ++i) {
      const std::string_view v = value_of(i);
      parts.push_back(v.empty() ? fmt::format("no {}", declared[i].name)
                                : fmt::format("{} \"{}\"", declared[i].name, v));
    }
    say("attributes", fmt::format("Attributes: {}.", fmt::join(parts, ", ")));
  }

  // Which conditioned targets of `kind` could judge the ticket, and why the one that
  // applies does and the others do not (docs/semantics.md, "Which target applies").
  void conditions(TargetKind kind, const Target* chosen, const Priority* priority) {
    const std::string_view what = name(kind);
    for (const Target& t : ev_.package().targets) {
      if (t.kind != kind || !t.where) continue;
      if (priority ? !iequals(t.priority, priority->name) : !t.priority.empty()) continue;
      const auto& declared = ev_.model().attributes;
      std::size_t index = declared.size();
      for (std::size_t i = 0; i < declared.size(); ++i)
        if (declared[i].name == t.where->attribute) index = i;
      const std::string_view value = index < declared.size() ? value_of(index) : "";
      const bool holds =
          !value.empty() && std::any_of(t.where->values.begin(), t.where->values.end(),
                                        [&](const std::string& v) { return iequals(v, value); });
      const std::string has =
          value.empty() ? fmt::format("the ticket has no {}", t.where->attribute)
                        : fmt::format("the ticket's {} is \"{}\"", t.where->attribute, value);
      if (&t == chosen)
        say("condition",
            fmt::format("The {} target where {} applies: {}.", what, t.where->text(), has));
      else if (!holds)
        say("condition", fmt::format("The {} target where {} (stated at {}:{}) does not apply: {}.",
                                     what, t.where->text(), t.span.file, t.span.line, has));
      else
        say("condition",
            fmt::format("The {} target where {} (stated at {}:{}) also holds, but an earlier "
                        "one applies first.",
                        what, t.where->text(), t.span.file, t.span.line));
    }
  }

  void no_target(TargetKind kind, const Priority* priority) {
    say(fmt::format("{}_target", name(kind)),
        fmt::format("No {} target for {} under this package.", name(kind),
                    priority ? priority->name : "a ticket without a priority"));
  }

  // One target: the clause, how its due time comes about, and the verdict.
  void target(const Target& target, const TargetOutcome& outcome,
              std::optional<seconds> worst_gap) {
    const std::string what{name(target.kind)};
    const CalendarInfo& info = ev_.calendar_of(target);
    const Calendar& cal = *info.calendar;
    say(what + "_target", clause(target, info));
    if (target.kind == TargetKind::update) {
      updates(target, outcome, worst_gap, info);
      return;
    }
    const std::optional<Instant>& stamped = target.kind == TargetKind::response ? ticket_.responded
                                            : target.kind == TargetKind::resolution
                                                ? ticket_.resolved
                                                : ticket_.restored;
    // Service is restored at the latest when the ticket is resolved.
    const bool by_resolution = target.kind == TargetKind::restoration && !stamped;
    const std::optional<Instant>& given = by_resolution ? ticket_.resolved : stamped;
    bool done = given.has_value();
    const Instant done_at = given.value_or(Instant{});
    if (done && done_at > as_of_) {
      say("not_yet",
          fmt::format("The {} at {} is after the as-of time, {}: it is not known yet.",
                      by_resolution ? "resolution" : what, when(done_at), when(as_of_)),
          done_at);
      done = false;
    }
    const Instant due = ev_.due(ticket_.created, target, ticket_.events, as_of_);
    if (target.by)
      relative(target, cal, info, due);
    else if (target.within.business)
      walk(cal, due);
    else
      calendar_time(cal, due);

    std::string verdict;
    const std::string done_text =
        done ? (by_resolution
                    ? fmt::format("resolved {}, which counts as the restoration (no restoration "
                                  "time was given)",
                                  when(done_at))
                    : fmt::format("done {}", when(done_at)))
             : std::string();
    switch (outcome.verdict) {
      case Verdict::met:
        verdict = fmt::format("met: {}", done_text);
        break;
      case Verdict::breached:
        verdict = done ? fmt::format("breached: {}, late", done_text)
                       : fmt::format("breached: not done by {}", when(as_of_));
        break;
      default:
        verdict = fmt::format("pending as of {}", when(as_of_));
        break;
    }
    auto& step =
        say(what + "_due",
            outcome.due ? fmt::format("The {} is due {}; {}.", what, when(*outcome.due), verdict)
                        : fmt::format("The {} is never due: no open time is left in the "
                                      "calendar's years; {}.",
                                      what, verdict),
            outcome.due);
    step.due = outcome.due;
    step.status = name(outcome.verdict);
  }

  // The ladder of the ticket's priority, each band with when it is reached (or why
  // not), and the band reached as of the as-of time.
  void ladder(const Evaluation& result) {
    const auto bands = ev_.ladder(result.priority);
    if (bands.empty()) return;
    const auto& p = ev_.package();
    const Escalation* own = nullptr;
    for (const auto& l : p.ladders)
      if (l.bands.data() == bands.data()) own = &l;
    if (own)
      say("ladder", fmt::format("Escalation ladder for {}, stated at {}:{}:",
                                fmt::join(own->priorities, ", "), own->span.file, own->span.line));
    else
      say("ladder", result.priority ? fmt::format("Escalation ladder for every priority (none of "
                                                  "its own for {}):",
                                                  result.priority->name)
                                    : std::string("Escalation ladder for every priority:"));
    // When each band stops climbing (Evaluator::band_at): at the first response, or
    // at the resolution of a ticket never answered; a band 'when not resolved' only
    // at the resolution; one not stopped by the as-of time at it.
    const auto& t = ticket_;
    const bool resolved = t.resolved && *t.resolved <= as_of_;
    const bool responded = t.responded && *t.responded <= as_of_;
    Instant answered = resolved ? *t.resolved : as_of_;
    if (responded) answered = std::min(answered, *t.responded);
    const Instant settled = resolved ? *t.resolved : as_of_;
    for (const auto& b : bands) {
      auto length = [&](const DurationValue& d) {
        return to_seconds(d, ev_.calendar_info()).value_or(seconds(0));
      };
      auto reach = [&](const DurationValue& d) {
        return d.business ? cal_.add(t.created, length(d)) : t.created + length(d);
      };
      const Instant from = reach(b.from);
      std::string text =
          fmt::format("From {} ({}): escalate to {}", b.from.text, when(from), b.role);
      if (!b.contact.empty()) text += fmt::format(", {}", b.contact);
      if (!b.channel.empty()) text += fmt::format(" via {}", b.channel);
      if (b.when_no_response) text += ", if there is no response";
      if (b.when_not_resolved) text += ", while the ticket is not resolved (answered or not)";
      if (b.until) text += fmt::format("; until {} ({})", b.until->text, when(reach(*b.until)));
      const Instant stop = b.when_not_resolved ? settled : answered;
      const seconds elapsed = b.from.business ? cal_.between(t.created, stop) : stop - t.created;
      if (elapsed >= length(b.from))
        text += "; reached";
      else if (stop < as_of_)
        text += fmt::format("; not reached: the {} at {} came first",
                            resolved && stop == *t.resolved && !(responded && stop == *t.responded)
                                ? "resolution"
                                : "first response",
                            when(stop));
      else
        text += fmt::format("; not reached by {}", when(as_of_));
      say("escalation", text + ".", from);
    }
    say("escalation_now",
        result.escalation
            ? fmt::format("As of {} the ladder has reached {}.", when(as_of_),
                          result.escalation->role)
            : fmt::format("As of {} no band of the ladder has been reached.", when(as_of_)));
  }

  std::vector<ExplanationStep> take_steps() { return std::move(steps_); }

 private:
  struct Pause {
    Instant from, until;
    std::string_view status;
  };

  std::string_view value_of(std::size_t attribute) const {
    return attribute < ticket_.attributes.size() ? ticket_.attributes[attribute]
                                                 : std::string_view();
  }

  // "Respond to P1 where channel is "phone" within 15 minutes (committed), on calendar
  // around_the_clock in Europe/Berlin (always), worded "...", stated at f.sla:12"
  std::string clause(const Target& target, const CalendarInfo& info) const {
    const char* verb = "Respond to";
    if (target.kind == TargetKind::resolution) verb = "Resolve";
    if (target.kind == TargetKind::restoration) verb = "Restore service for";
    if (target.kind == TargetKind::update) verb = "Update";
    // A target for all is one per priority, and one for tickets without a priority
    // when it has a condition.
    std::string who = target.priority.empty() ? "all" : target.priority;
    if (target.for_all && !target.priority.empty()) who += " (stated for all priorities)";
    const std::string measure = target.by ? target.by->text
                                : target.kind == TargetKind::update
                                    ? "every " + target.within.text
                                    : "within " + target.within.text;
    return fmt::format("{} {}{} {} ({}){}{}, stated at {}:{}", verb, who,
                       target.where ? " where " + target.where->text() : "", measure,
                       target.commitment == Commitment::committed ? "committed" : "best effort",
                       target.calendar.empty() ? ""
                                               : fmt::format(", on calendar {} in {} ({})", info.id,
                                                             info.zone, hours_of(info)),
                       target.label.empty() ? "" : fmt::format(", worded \"{}\"", target.label),
                       target.span.file, target.span.line);
  }

  const Pause* pause_at(Instant t) const {
    for (const auto& p : pauses_)
      if (p.from <= t && t < p.until) return &p;
    return nullptr;
  }
  Instant next_pause(Instant t) const {
    Instant next = Calendar::kNever;
    for (const auto& p : pauses_)
      if (p.from > t) next = std::min(next, p.from);
    return next;
  }
  void say_pause(const Pause& p, Instant until) {
    say("pause",
        fmt::format("Paused {} to {}: status \"{}\" stops the clock.", when(p.from), when(until),
                    p.status),
        p.from, until);
  }

  // A business-time target: open, closed and paused spans from creation to the
  // deadline on the target's calendar. Every step is bounded: a desk that never
  // opens again ends the walk (its due time is "never"), and a very long walk is cut
  // after kMaxSpans, saying so.
  void walk(const Calendar& cal, Instant due) {
    Instant t = ticket_.created;
    if (!cal.is_open(t)) {
      const Instant open = cal.next_opening(t);
      if (open == Calendar::kNever) {
        say("clock_start",
            fmt::format("Raised {}, when the desk is closed, and it never opens again (no "
                        "open time is left in the calendar's years): the clock never starts.",
                        when(t)),
            t);
        t = due;
      } else {
        say("clock_start",
            fmt::format("Raised {}, when the desk is closed ({}): the clock starts at the next "
                        "opening, {}.",
                        when(t), closed_reason(cal, t, open), when(open)),
            t, open);
      }
    } else {
      say("clock_start",
          fmt::format("Raised {}, during operating hours: the clock starts at once.", when(t)), t);
    }
    constexpr int kMaxSpans = 400;
    int spans = 0;
    const std::size_t walk_begin = steps_.size();
    for (; t < due && spans < kMaxSpans; ++spans) {
      if (const Pause* p = pause_at(t)) {
        const Instant until = std::min(p->until, due);
        say_pause(*p, until);
        t = until;
      } else if (cal.is_open(t)) {
        const Instant close = std::min({cal.next_closing(t), next_pause(t), due});
        if (close == Calendar::kNever) {  // open for good (a 24x7 desk, due never)
          say("open", fmt::format("Open from {} on, for good.", when(t)), t);
          break;
        }
        const auto counted =
            std::chrono::duration_cast<std::chrono::minutes>(cal.between(t, close));
        say("open",
            fmt::format("Open from {} to {}: {} min counted.", when(t), when(close),
                        counted.count()),
            t, close, fmt::format("open {}", counted.count()));
        t = close;
      } else {
        const Instant open = std::min({cal.next_opening(t), next_pause(t), due});
        if (open == Calendar::kNever) {
          say("closed",
              fmt::format("Closed from {} on: the desk never opens again (no open time is "
                          "left in the calendar's years).",
                          when(t)),
              t);
          break;
        }
        if (t != ticket_.created) {
          std::string reason = closed_reason(cal, t, open);
          say("closed", fmt::format("Skipped {} to {}: {}.", when(t), when(open), reason), t, open,
              "closed " + reason);
        }
        t = open;
      }
    }
    collapse_repeats(walk_begin, cal);
    if (spans == kMaxSpans && t < due)
      say("truncated",
          fmt::format("The walk stops here after {} spans, at {}; the due time below is "
                      "computed exactly all the same.",
                      kMaxSpans, when(t)),
          t);
  }

  // A calendar-time target: every second counts, from creation or the next opening.
  void calendar_time(const Calendar& cal, Instant due) {
    Instant start = ticket_.created;
    if (ev_.package().clock_starts_at_next_opening.value_or(false) && !cal.is_open(start)) {
      start = cal.next_opening(start);
      say("clock_start",
          fmt::format("Raised {} outside operating hours; the clock starts at the next opening, "
                      "{}, and counts calendar time.",
                      when(ticket_.created), when(start)),
          ticket_.created, start);
    } else {
      say("clock_start",
          fmt::format("Raised {}; the clock counts calendar time, open or not.", when(start)),
          start);
    }
    for (const auto& p : pauses_)
      if (p.from < due) say_pause(p, p.until);
  }

  // `by HH:MM next business day` and `by end of next business day`, in words: the
  // start day, the next business day and the days skipped before it, the stated time
  // or the day's last closing, and what pauses did to it.
  void relative(const Target& target, const Calendar& cal, const CalendarInfo& info, Instant due) {
    const RelativeDeadline& by = *target.by;
    Instant start = ticket_.created;
    std::string start_why = "the day the ticket was raised";
    if (ev_.package().clock_starts_at_next_opening.value_or(false)) {
      const Instant open = cal.next_opening(start);
      if (open != Calendar::kNever && open != start) {
        start = open;
        start_why = fmt::format("the clock starts at the next opening, {}", when(open));
      }
    }
    const auto start_day = day_of(cal, start);
    const std::string zone =
        info.zone == ev_.calendar_info().zone ? "" : fmt::format(" (local days in {})", info.zone);
    const auto next = next_business_day(cal, start);
    if (!next || due == Calendar::kNever) {
      say("relative_deadline",
          fmt::format("Deadline \"{}\": the clock starts on {}{}, {}; the desk never opens "
                      "again after that day, so there is no next business day.",
                      by.text, day_text(start_day), zone, start_why),
          start);
      return;
    }
    std::string skipped;
    if (*next > start_day + date::days{1}) {
      const auto last = *next - date::days{1};
      const std::string reason =
          closed_reason(cal, midnight(cal, start_day + date::days{1}), midnight(cal, *next));
      skipped =
          last == start_day + date::days{1} && reason.starts_with(day_text(last))
              ? fmt::format(". Skipped: {}", reason)  // "... is a holiday (New Year)"
              : fmt::format(
                    ". Skipped, {}{}: {}", day_text(start_day + date::days{1}),
                    last == start_day + date::days{1} ? "" : fmt::format(" to {}", day_text(last)),
                    reason);
    } else {
      skipped = ", the very next day";
    }
    say("relative_deadline",
        fmt::format("Deadline \"{}\": the clock starts on {}{}, {}. The next business day is "
                    "the first later day on which an opening of calendar {} starts: {}{}.",
                    by.text, day_text(start_day), zone, start_why, info.id, day_text(*next),
                    skipped),
        start, midnight(cal, *next));
    // The deadline as the rule gives it, before any pause moves it.
    const Instant fixed = ev_.due(ticket_.created, target, {}, as_of_);
    std::string rule;
    if (by.at_minutes) {
      rule =
          fmt::format("By {:02}:{:02} that day{}: {}", *by.at_minutes / 60, *by.at_minutes % 60,
                      *by.at_minutes == 24 * 60 ? ", the midnight that ends it" : "", when(fixed));
      if (!cal.is_open(fixed) && *by.at_minutes < 24 * 60)
        rule += " (the stated time is the deadline even though the desk is closed then)";
    } else {
      const Instant day_end = midnight(cal, *next + date::days{1});
      // The calendar answers for its years only: past them, no opening runs on.
      bool open_at_end = false;
      try {
        open_at_end = cal.is_open(day_end);
      } catch (const std::out_of_range&) {
      }
      if (fixed == day_end && open_at_end)
        rule = fmt::format(
            "By the end of that day: the desk is still open at midnight (its opening runs more "
            "than 12 hours past it, or never closes), so the day ends at midnight, {}",
            when(fixed));
      else if (fixed > day_end)
        rule = fmt::format(
            "By the end of that day: the end of the last opening that starts that day, which "
            "runs past midnight to {}",
            when(fixed));
      else
        rule = fmt::format("By the end of that day: the end of its last opening, {}", when(fixed));
    }
    say("relative_deadline", rule + ".", {}, fixed);
    for (const auto& p : pauses_)
      if (p.from < fixed) say_pause(p, p.until);
    if (due != fixed)
      say("relative_deadline",
          fmt::format("The deadline is {} of open time after the clock start; paused time does "
                      "not count, so it moves to {} (instead of {}).",
                      length_text(cal.between(start, fixed)), when(due), when(fixed)),
          {}, due);
  }

  // An update target: each gap between updates from the first response to the
  // resolution (or the as-of time), the one that breached, and the worst.
  void updates(const Target& target, const TargetOutcome& outcome, std::optional<seconds> worst,
               const CalendarInfo& info) {
    const Calendar& cal = *info.calendar;
    const bool business = target.within.business;
    const seconds period = to_seconds(target.within, info).value_or(seconds(0));
    const auto& t = ticket_;
    const bool closed = t.resolved && *t.resolved <= as_of_;
    const Instant end = closed ? *t.resolved : as_of_;
    auto finish = [&](std::string text, std::optional<Instant> until) {
      auto& step = say("update_due", std::move(text), {}, until);
      step.due = outcome.due;
      step.status = name(outcome.verdict);
      step.seconds = worst;
    };
    if (!t.responded || *t.responded > as_of_ || *t.responded > end) {
      finish(closed ? fmt::format("Resolved {} without a first response: no update was owed; "
                                  "met.",
                                  when(end))
                    : fmt::format("No update is owed before the first response, and there is "
                                  "none by {}: pending, with no due time yet.",
                                  when(as_of_)),
             {});
      return;
    }
    // A gap is measured like the target: open time of its calendar for a business
    // period, elapsed time otherwise; paused time is not counted (Evaluator::active_time).
    auto measure = [&](Instant a, Instant b) {
      if (b <= a) return seconds(0);
      return business ? cal.between(a, b) : seconds(b - a);
    };
    struct Gap {
      Instant from, until;
      std::string from_name, until_name;
      seconds length;
      bool paused = false;  // some of it was paused, and not counted
    };
    auto gap = [&](Instant a, Instant b, std::string from_name, std::string until_name) {
      Gap g{a, b, std::move(from_name), std::move(until_name), measure(a, b)};
      for (const auto& p : pauses_) {
        const seconds off = measure(std::max(p.from, a), std::min(p.until, b));
        g.paused = g.paused || off > seconds(0);
        g.length -= off;
      }
      return g;
    };
    std::vector<Gap> gaps;
    std::size_t ignored = 0;
    Instant last = *t.responded;
    std::string last_name = "the first response";
    for (const auto& e : t.events) {
      if (e.kind != TicketEvent::Kind::update) continue;
      if (e.at <= last || e.at > end) {
        ++ignored;
        continue;
      }
      gaps.push_back(gap(last, e.at, last_name, "an update"));
      last = e.at;
      last_name = "the update";
    }
    gaps.push_back(gap(last, end, last_name, closed ? "the resolution" : "the as-of time"));
    std::optional<std::size_t> missed, longest;
    for (std::size_t i = 0; i < gaps.size(); ++i) {
      if (!missed && gaps[i].length > period) missed = i;
      if (!longest || gaps[i].length > gaps[*longest].length) longest = i;
    }
    if (ignored > 0)
      say("update_ignored",
          fmt::format("{} update{} not counted: before the first response, at the same instant "
                      "as the one before, after the resolution or after the as-of time.",
                      ignored, ignored == 1 ? " is" : "s are"));
    const std::string unit = business ? fmt::format(" of open time on {}", info.id) : "";
    for (const auto& p : pauses_)
      if (p.until > *t.responded && p.from < end) say_pause(p, p.until);
    constexpr std::size_t kMaxGaps = 200;
    std::size_t omitted = 0;
    for (std::size_t i = 0; i < gaps.size(); ++i) {
      const Gap& g = gaps[i];
      if (i >= kMaxGaps && i != missed && i != longest && i + 1 != gaps.size()) {
        ++omitted;
        continue;
      }
      const bool open_end = !closed && i + 1 == gaps.size();
      std::string text = fmt::format("From {} {} to {} {}: {}{}{}{}", g.from_name, when(g.from),
                                     g.until_name, when(g.until), length_text(g.length), unit,
                                     g.paused ? " (paused time not counted)" : "",
                                     open_end ? " so far, the ticket still open" : "");
      if (g.length > period)
        text += fmt::format(", longer than {}", target.within.text);
      else
        text += fmt::format(", within {}", target.within.text);
      if (i == missed)
        text += fmt::format(": this gap breached the target (the next update was due {})",
                            outcome.due ? when(*outcome.due) : "never");
      auto& step = say("update_gap", text + ".", g.from, g.until);
      step.seconds = g.length;
    }
    if (omitted > 0)
      say("gaps_omitted", fmt::format("{} more gap{} within {}, not listed.", omitted,
                                      omitted == 1 ? "" : "s", target.within.text));
    const std::string worst_text = worst ? length_text(*worst) + unit : "none";
    const std::string due_text = outcome.due ? when(*outcome.due) : "never";
    switch (outcome.verdict) {
      case Verdict::breached: {
        const Gap& g = gaps[missed.value_or(gaps.size() - 1)];
        finish(fmt::format("The updates breached the target: the gap from {} {} to {} {} is the "
                           "first longer than {}, and the next update was due {}. The worst gap "
                           "is {}.",
                           g.from_name, when(g.from), g.until_name, when(g.until),
                           target.within.text, due_text, worst_text),
               outcome.due);
        break;
      }
      case Verdict::met:
        finish(fmt::format("Every gap up to the resolution is within {}: met. The worst gap is {}.",
                           target.within.text, worst_text),
               {});
        break;
      default:
        finish(fmt::format("The next update is due {}, {} after {} at {}; pending as of {}. The "
                           "worst gap so far is {}.",
                           due_text, target.within.text, last_name, when(last), when(as_of_),
                           worst_text),
               outcome.due);
        break;
    }
  }

  // The pauses as spans (the evaluator's rule: a pausing status until the next
  // status event; one still open ends at as_of; nothing after as_of is known).
  std::vector<Pause> pause_spans() const {
    std::vector<Pause> out;
    std::optional<Pause> open;
    for (const auto& e : ticket_.events) {
      if (e.at > as_of_) break;
      if (e.kind != TicketEvent::Kind::status) continue;
      const bool pausing = ev_.is_pausing(e.value);
      if (pausing && !open) open = Pause{std::max(e.at, ticket_.created), {}, e.value};
      if (!pausing && open) {
        open->until = std::max(e.at, open->from);
        out.push_back(*open);
        open.reset();
      }
    }
    if (open) {
      open->until = std::max(as_of_, open->from);
      out.push_back(*open);
    }
    return out;
  }

  const Evaluator& ev_;
  const Calendar& cal_;  // the package's: local times, escalation
  const Ticket& ticket_;
  const Instant as_of_;
  std::vector<Pause> pauses_;
  std::vector<ExplanationStep> steps_;
  std::vector<std::string> shapes_;  // parallel to steps_
};

}  // namespace

std::vector<ExplanationStep> explain(const Evaluator& ev, const Ticket& ticket, Instant as_of) {
  const Evaluation result = ev.evaluate(ticket, as_of);
  if (!result.ok()) return {};
  Story story(ev, ticket, as_of);
  story.package();
  story.priority(result);
  story.attributes();
  const auto& targets = ev.package().targets;
  auto stated = [&](TargetKind kind) {
    return std::any_of(targets.begin(), targets.end(),
                       [&](const Target& t) { return t.kind == kind; });
  };
  const std::pair<TargetKind, const TargetOutcome*> outcomes[] = {
      {TargetKind::response, &result.response},
      {TargetKind::resolution, &result.resolution},
      {TargetKind::restoration, &result.restoration},
      {TargetKind::update, &result.update}};
  for (const auto& [kind, outcome] : outcomes) {
    // Restoration and update targets are told only in packages that state some.
    const bool always = kind == TargetKind::response || kind == TargetKind::resolution;
    if (!always && !stated(kind)) continue;
    story.conditions(kind, outcome->target, result.priority);
    if (outcome->target)
      story.target(*outcome->target, *outcome, result.update_worst_gap);
    else
      story.no_target(kind, result.priority);
  }
  story.ladder(result);
  return story.take_steps();
}

}  // namespace sla
