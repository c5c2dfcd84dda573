#include "sla/explanation.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <array>

#include "interpreter/calendar.hpp"
#include "interpreter/timestamp.hpp"

namespace sla {

namespace {

constexpr const char* weekday_names[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                         "Thursday", "Friday", "Saturday"};

class Story {
 public:
  Story(const Evaluator& ev) : ev_(ev), cal_(ev.calendar()) {}

  std::string when(Instant t) const {
    if (t == Calendar::kNever) return "never (the desk does not open again)";
    const auto local = cal_.to_local(t);
    const auto day = date::floor<date::days>(local);
    const date::weekday wd{day};
    return fmt::format("{} {}", weekday_names[wd.c_encoding()],
                       format_timestamp(t, cal_.utc_offset(t)));
  }

  // `shape` is what a walk step says without its times ("open 60", "closed the
  // weekend"): equal shapes in a row are the same week again (see collapse_repeats).
  ExplanationStep& say(std::string kind, std::string text, std::optional<Instant> from = {},
                       std::optional<Instant> until = {}, std::string shape = {}) {
    shapes_.push_back(std::move(shape));
    return steps_.emplace_back(
        ExplanationStep{std::move(kind), std::move(text), from, until, {}, {}});
  }

  // A sparse calendar walks the same pattern week after week (open one hour, closed
  // six days and 23 hours): from the third time a pair of open and closed spans
  // repeats, the pairs are told as one "repeat" step with their count and total.
  void collapse_repeats(std::size_t begin) {
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
      std::chrono::seconds counted{0};
      for (std::size_t k = i + 2; k < i + 2 * run; ++k)
        if (steps_[k].kind == "open" && steps_[k].from && steps_[k].until)
          counted += cal_.between(*steps_[k].from, *steps_[k].until);
      out.push_back(ExplanationStep{
          "repeat",
          fmt::format("The same again {} more time{}, from {} to {}: {} min counted.", run - 1,
                      run - 1 == 1 ? "" : "s", when(*first.from), when(*last.until),
                      std::chrono::duration_cast<std::chrono::minutes>(counted).count()),
          first.from,
          last.until,
          {},
          {}});
      out_shapes.emplace_back();
      i += 2 * run;
    }
    steps_ = std::move(out);
    shapes_ = std::move(out_shapes);
  }

  // Why the calendar is closed from `a` to `b`: weekend days, named holidays, or
  // simply outside the day's hours. A long span (a sparse calendar, a pause over
  // months) is summed up: each closed weekday named once, the first holidays named.
  std::string closed_reason(Instant a, Instant b) const {
    const auto& spec = cal_.spec();
    constexpr std::size_t kHolidaysNamed = 3;
    std::vector<std::string> holidays;
    std::size_t more_holidays = 0;
    std::array<std::size_t, 7> closed_weekdays{};  // days of each weekday without hours
    std::vector<unsigned> first_seen;              // those weekdays in date order
    bool outside = false;
    auto first = date::floor<date::days>(cal_.to_local(a));
    auto last = date::floor<date::days>(cal_.to_local(b - std::chrono::seconds(1)));
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
        holidays.push_back(fmt::format("{} {:04}-{:02}-{:02} is a holiday ({})",
                                       weekday_names[wd.c_encoding()], static_cast<int>(ymd.year()),
                                       static_cast<unsigned>(ymd.month()),
                                       static_cast<unsigned>(ymd.day()), holiday->name));
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

  // The deadline of one target, told step by step (pauses are summed up, not walked).
  void target(const Ticket& ticket, const Target& target, std::optional<Instant> done,
              Instant as_of) {
    const bool response = target.kind == TargetKind::response;
    const std::string what = response ? "response" : "resolution";
    say(what + "_target",
        fmt::format("{} {} within {} ({}){}, stated at {}:{}", response ? "Respond to" : "Resolve",
                    target.priority, target.within.text,
                    target.commitment == Commitment::committed ? "committed" : "best effort",
                    target.label.empty() ? "" : fmt::format(", worded \"{}\"", target.label),
                    target.span.file, target.span.line));
    const Instant due = ev_.due(ticket.created, target, ticket.events, as_of);
    const auto pauses = pause_spans(ticket, as_of);
    auto pause_at = [&](Instant t) -> const Pause* {
      for (const auto& p : pauses)
        if (p.from <= t && t < p.until) return &p;
      return nullptr;
    };
    auto next_pause = [&](Instant t) {
      Instant next = Calendar::kNever;
      for (const auto& p : pauses)
        if (p.from > t) next = std::min(next, p.from);
      return next;
    };
    auto say_pause = [&](const Pause& p, Instant until) {
      say("pause",
          fmt::format("Paused {} to {}: status \"{}\" stops the clock.", when(p.from), when(until),
                      p.status),
          p.from, until);
    };
    if (target.within.business) {
      // Walk open, closed and paused spans from creation to the deadline. Every
      // step is bounded: a desk that never opens again ends the walk (its due time
      // is "never"), and a very long walk is cut after kMaxSpans, saying so.
      Instant t = ticket.created;
      if (!cal_.is_open(t)) {
        const Instant open = cal_.next_opening(t);
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
                          when(t), closed_reason(t, open), when(open)),
              t, open);
        }
      } else {
        say("clock_start",
            fmt::format("Raised {}, during operating hours: the clock starts at once.", when(t)),
            t);
      }
      constexpr int kMaxSpans = 400;
      int spans = 0;
      const std::size_t walk_begin = steps_.size();
      for (; t < due && spans < kMaxSpans; ++spans) {
        if (const Pause* p = pause_at(t)) {
          const Instant until = std::min(p->until, due);
          say_pause(*p, until);
          t = until;
        } else if (cal_.is_open(t)) {
          const Instant close = std::min({cal_.next_closing(t), next_pause(t), due});
          if (close == Calendar::kNever) {  // open for good (a 24x7 desk, due never)
            say("open", fmt::format("Open from {} on, for good.", when(t)), t);
            break;
          }
          const auto counted =
              std::chrono::duration_cast<std::chrono::minutes>(cal_.between(t, close));
          say("open",
              fmt::format("Open from {} to {}: {} min counted.", when(t), when(close),
                          counted.count()),
              t, close, fmt::format("open {}", counted.count()));
          t = close;
        } else {
          const Instant open = std::min({cal_.next_opening(t), next_pause(t), due});
          if (open == Calendar::kNever) {
            say("closed",
                fmt::format("Closed from {} on: the desk never opens again (no open time is "
                            "left in the calendar's years).",
                            when(t)),
                t);
            break;
          }
          if (t != ticket.created) {
            std::string reason = closed_reason(t, open);
            say("closed", fmt::format("Skipped {} to {}: {}.", when(t), when(open), reason), t,
                open, "closed " + reason);
          }
          t = open;
        }
      }
      collapse_repeats(walk_begin);
      if (spans == kMaxSpans && t < due)
        say("truncated",
            fmt::format("The walk stops here after {} spans, at {}; the due time below is "
                        "computed exactly all the same.",
                        kMaxSpans, when(t)),
            t);
    } else {
      Instant start = ticket.created;
      if (ev_.package().clock_starts_at_next_opening.value_or(false) && !cal_.is_open(start)) {
        start = cal_.next_opening(start);
        say("clock_start",
            fmt::format("Raised {} outside operating hours; the clock starts at the next opening, "
                        "{}, and counts calendar time.",
                        when(ticket.created), when(start)),
            ticket.created, start);
      } else {
        say("clock_start",
            fmt::format("Raised {}; the clock counts calendar time, open or not.", when(start)),
            start);
      }
      for (const auto& p : pauses)
        if (p.from < due) say_pause(p, p.until);
    }
    std::string verdict;
    if (done)
      verdict = *done <= due ? fmt::format("met: done {}", when(*done))
                             : fmt::format("breached: done {}, late", when(*done));
    else
      verdict = as_of > due ? fmt::format("breached: not done by {}", when(as_of))
                            : fmt::format("pending as of {}", when(as_of));
    const std::string_view status =
        done ? (*done <= due ? "met" : "breached") : (as_of > due ? "breached" : "pending");
    // A due time that never comes is no time at all, as in an Evaluation.
    const std::optional<Instant> due_time =
        due == Calendar::kNever ? std::nullopt : std::optional<Instant>(due);
    auto& step = say(what + "_due",
                     due == Calendar::kNever
                         ? fmt::format("The {} is never due: no open time is left in the "
                                       "calendar's years; {}.",
                                       what, verdict)
                         : fmt::format("The {} is due {}; {}.", what, when(due), verdict),
                     due_time);
    step.due = due_time;
    step.status = status;
  }

  void ladder(const Ticket& ticket) {
    const auto& p = ev_.package();
    if (!p.escalation || p.escalation->empty()) return;
    for (const auto& b : *p.escalation) {
      auto reach = [&](const DurationValue& d) {
        const auto s = to_seconds(d, ev_.calendar_info()).value_or(std::chrono::seconds(0));
        return d.business ? cal_.add(ticket.created, s) : ticket.created + s;
      };
      const Instant from = reach(b.from);
      std::string text =
          fmt::format("From {} ({}): escalate to {}", b.from.text, when(from), b.role);
      if (!b.contact.empty()) text += fmt::format(", {}", b.contact);
      if (!b.channel.empty()) text += fmt::format(" via {}", b.channel);
      if (b.when_no_response) text += ", if there is no response";
      if (b.until) text += fmt::format("; until {} ({})", b.until->text, when(reach(*b.until)));
      say("escalation", text + ".", from);
    }
  }

  std::vector<ExplanationStep> take_steps() { return std::move(steps_); }

 private:
  struct Pause {
    Instant from, until;
    std::string_view status;
  };

  // The pauses as spans (the evaluator's rule: a pausing status until the next
  // status event; one still open ends at as_of; nothing after as_of is known).
  std::vector<Pause> pause_spans(const Ticket& ticket, Instant as_of) const {
    std::vector<Pause> out;
    std::optional<Pause> open;
    for (const auto& e : ticket.events) {
      if (e.at > as_of) break;
      if (e.kind != TicketEvent::Kind::status) continue;
      const bool pausing = ev_.is_pausing(e.value);
      if (pausing && !open) open = Pause{std::max(e.at, ticket.created), {}, e.value};
      if (!pausing && open) {
        open->until = std::max(e.at, open->from);
        out.push_back(*open);
        open.reset();
      }
    }
    if (open) {
      open->until = std::max(as_of, open->from);
      out.push_back(*open);
    }
    return out;
  }

 public:
 private:
  const Evaluator& ev_;
  const Calendar& cal_;
  std::vector<ExplanationStep> steps_;
  std::vector<std::string> shapes_;  // parallel to steps_
};

}  // namespace

std::vector<ExplanationStep> explain(const Evaluator& ev, const Ticket& ticket, Instant as_of) {
  const Evaluation result = ev.evaluate(ticket, as_of);
  if (!result.ok()) return {};
  Story story(ev);
  const auto& p = ev.package();
  story.say("package", fmt::format("Under {} \"{}\"{}; calendar {} in {} ({}).", p.id, p.title,
                                   p.applied_addons.empty()
                                       ? ""
                                       : fmt::format(" with {}", fmt::join(p.applied_addons, ", ")),
                                   ev.calendar_info().id, ev.calendar_info().zone,
                                   fmt::join(ev.calendar_info().weekly, "; ")));
  for (const auto& e : ticket.events)
    if (e.kind == TicketEvent::Kind::priority && e.at <= as_of)
      story.say("priority_change",
                fmt::format("The priority changed to {} at {}; the targets are those of the new "
                            "priority, counted from creation.",
                            e.value, story.when(e.at)),
                e.at);
  story.say("priority", fmt::format("Priority {}: {}", result.priority->name,
                                    p.descriptions.count(result.priority->name)
                                        ? p.descriptions.at(result.priority->name)
                                        : result.priority->description));
  for (auto kind : {TargetKind::response, TargetKind::resolution}) {
    if (const Target* t = p.target(kind, result.priority->name)) {
      story.target(ticket, *t, kind == TargetKind::response ? ticket.responded : ticket.resolved,
                   as_of);
    } else {
      story.say(kind == TargetKind::response ? "response_target" : "resolution_target",
                fmt::format("No {} target for {} under this package.",
                            kind == TargetKind::response ? "response" : "resolution",
                            result.priority->name));
    }
  }
  story.ladder(ticket);
  if (result.escalation)
    story.say("escalation_now",
              fmt::format("At {} the ladder has reached {}.",
                          ticket.responded ? "the first response" : "the as-of time",
                          result.escalation->role));
  return story.take_steps();
}

}  // namespace sla
