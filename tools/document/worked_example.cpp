#include "tools/document/worked_example.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <array>
#include <cctype>
#include <map>

#include "sla/evaluator.hpp"
#include "tools/console/arguments.hpp"
#include "tools/document/example_ticket.hpp"
#include "tools/document/plain_words.hpp"

namespace sla::cli {

namespace {

std::string calendar_title(const CalendarInfo& c, const Wording& w) {
  return in_quotes(c.title.empty() ? c.id : w.own(c.title));
}

// A closed stretch of time has reasons: holidays by name (a holiday of several
// days named once), weekdays without hours. A union is closed when all its
// members are: its reasons are its members' holidays, or else their hours.
std::string closed_reason(const Calendar& cal, Instant a, Instant b, const Wording& w,
                          const std::map<std::string, std::string>& holiday_names) {
  const auto& spec = cal.spec();
  std::vector<std::pair<std::string, std::vector<std::string>>> holidays;  // name, days
  std::vector<std::string> no_hours;
  const auto first = date::floor<date::days>(cal.to_local(a));
  const auto last = date::floor<date::days>(cal.to_local(b - Seconds(1)));
  for (auto d = first; d <= last; d += date::days(1)) {
    const date::year_month_day ymd{d};
    const date::weekday wd{d};
    const HolidayRule* holiday = nullptr;
    for (const auto& h : spec.holidays)
      if (h.day == ymd && h.hours.empty()) holiday = &h;
    for (const auto& m : spec.members)
      for (const auto& h : m->spec().holidays)
        if (h.day == ymd && h.hours.empty() && !holiday) holiday = &h;
    if (holiday) {
      if (holidays.empty() || holidays.back().first != holiday->name)
        holidays.push_back({holiday->name, {}});
      holidays.back().second.push_back(day_name(d, false, w));
    } else if (spec.members.empty() && spec.weekly[wd.c_encoding()].empty()) {
      no_hours.push_back(weekday_word(wd.c_encoding(), w));
    }
  }
  std::vector<std::string> reasons;
  for (const auto& [name, days] : holidays) {
    const auto it = holiday_names.find(name);
    // TRANSLATORS: a holiday and its days: "Nyepi on Thursday 19 March".
    reasons.push_back(
        w.say("{} on {}", it != holiday_names.end() ? it->second : name, and_list(days, w)));
  }
  if (!no_hours.empty())
    reasons.push_back(no_hours.size() == 1
                          ? w.say("{} has no operating hours", no_hours[0])
                          : w.say("{} have no operating hours", and_list(no_hours, w)));
  if (reasons.empty())
    return spec.members.empty() ? w.say("outside operating hours")
                                : w.say("outside the hours of every one of its calendars");
  return fmt::format("{}", fmt::join(reasons, "; "));
}

std::string verdict_words(const std::string& verdict, const Wording& w) {
  if (verdict == "met") return w.say("in time (met)");
  if (verdict == "breached") return w.say("late (breached)");
  if (verdict == "pending") return w.say("still open, not yet due (pending)");
  return w.say("without a time limit");
}

std::string subject_name(TargetKind kind, const Wording& w) {
  switch (kind) {
    case TargetKind::response:
      return w.say("response");
    case TargetKind::resolution:
      return w.say("resolution");
    case TargetKind::update:
      return w.say("update");
    case TargetKind::restoration:
      return w.say("restoration");
  }
  return std::string(name(kind));
}

// where route is "e-mail" -> " where route is “e-mail”"
std::string condition_words(const std::optional<Condition>& c, const Wording& w) {
  if (!c) return {};
  std::vector<std::string> values;
  for (const auto& v : c->values) values.push_back(in_quotes(v));
  return w.say(" where {}", w.say("{} is {}", c->attribute, or_list(values, w)));
}

class Story {
 public:
  Story(const Evaluator& ev, const std::function<std::string(const SourceRef&)>& where,
        const Wording& w, const std::map<std::string, std::string>& holiday_names)
      : ev_(ev), cal_(ev.calendar()), where_(where), w_(w), holiday_names_(holiday_names) {}

  // Why the target of `kind` falls due when it does.
  std::string target(const Ticket& ticket, TargetKind kind, const TargetOutcome& outcome,
                     const Priority* priority, Instant as_of) const {
    const Target* t = outcome.target;
    const std::string subject = subject_name(kind, w_);
    const std::string tickets =
        priority ? w_.say("{} tickets", priority->name) : w_.say("tickets without a priority");
    if (!t) return w_.say("There is no {} time for {} under this package.", subject, tickets);
    const CalendarInfo& info = ev_.calendar_of(*t);
    const Calendar& tcal = *info.calendar;
    const bool own = !t->calendar.empty() && info.id != ev_.calendar_info().id;
    const std::string title = calendar_title(info, w_);
    const std::string counted =
        t->by ? (own ? w_.say(", on the business days of calendar {}", title)
                     : w_.say(", on the business days of the operating hours"))
        : t->within.business
            ? (own ? w_.say(", counted only in the open hours of calendar {}", title)
                   : w_.say(", counted in operating hours only"))
            : (own ? w_.say(", counted around the clock on calendar {}", title)
                   : w_.say(", counted around the clock"));
    const std::string value =
        t->by ? (t->by->at_minutes
                     ? w_.say("by {} on the next business day", clock_words(*t->by->at_minutes, w_))
                     : w_.say("by the end of the next business day"))
        : kind == TargetKind::update
            ? w_.say("an update at least every {}", duration_words(t->within, &info, &w_))
            : duration_words(t->within, &info, &w_);
    std::string out = w_.say("The {} time for {}{} is {}{} ({}).", subject, tickets,
                             condition_words(t->where, w_), value, counted, where_(t->span));
    if (kind == TargetKind::update) return out + " " + updates(ticket, *t, tcal, outcome, as_of);
    if (!outcome.due)
      return out + w_.say(
                       " The desk does not open again in the years its calendar covers, so the "
                       "{} never falls due.",
                       subject);
    const Instant due = *outcome.due;
    if (t->by) {
      out += " " + relative(ticket.created, *t, tcal, due);
    } else if (t->within.business) {
      out += " " + business_walk(tcal, ticket.created, due);
    } else {
      Instant start = ticket.created;
      if (ev_.package().clock_starts_at_next_opening.value_or(false) && !tcal.is_open(start)) {
        start = tcal.next_opening(start);
        out += own ? w_.say(
                         " The ticket is raised outside those hours, so the clock starts at "
                         "the next opening, {}; {} later is {}.",
                         at(start, false), durations(t->within.text), at(due))
                   : w_.say(
                         " The ticket is raised outside operating hours, so the clock starts "
                         "at the next opening, {}; {} later is {}.",
                         at(start, false), durations(t->within.text), at(due));
      } else {
        out += w_.say(" The clock starts when the ticket is raised; {} later is {}.",
                      durations(t->within.text), at(due));
      }
      const Seconds before = cal_.utc_offset(start), after = cal_.utc_offset(due);
      if (before != after)
        out += w_.say(" (The clocks change in between, from {} to {}.)", offset_words(before, w_),
                      offset_words(after, w_));
    }
    const bool restored_at_resolution =
        kind == TargetKind::restoration && !ticket.restored && ticket.resolved;
    const std::optional<Instant> done = kind == TargetKind::response ? ticket.responded
                                        : kind == TargetKind::restoration
                                            ? (ticket.restored ? ticket.restored : ticket.resolved)
                                            : ticket.resolved;
    const std::string done_word =
        kind == TargetKind::response ? w_.say("answered")
        : restored_at_resolution
            ? w_.say(
                  "resolved without a restoration time of its own, so it counts as restored "
                  "when resolved,")
        : kind == TargetKind::restoration ? w_.say("restored")
                                          : w_.say("resolved");
    if (done)
      out += *done <= due ? w_.say(
                                " The ticket was {} on {}, within the due time: the {} is in "
                                "time (met).",
                                done_word, at(*done), subject)
                          : w_.say(
                                " The ticket was {} on {}, after the due time: the {} is late "
                                "(breached).",
                                done_word, at(*done), subject);
    return out;
  }

  // A moment in the story's words.
  std::string at(Instant t, bool with_year = true) const { return moment(t, cal_, with_year, w_); }
  std::string durations(std::string_view text) const { return unit_words(text, w_); }

  // A deadline on the next business day, day by day.
  std::string relative(Instant created, const Target& t, const Calendar& tcal, Instant due) const {
    Instant start = created;
    std::string out;
    if (ev_.package().clock_starts_at_next_opening.value_or(false) && !tcal.is_open(start)) {
      start = tcal.next_opening(start);
      out = w_.say(
          "The ticket is raised while the desk is closed, so its clock starts at the next "
          "opening, {}. ",
          at(start, false));
    }
    const auto day_of = [&](Instant x) { return date::floor<date::days>(tcal.to_local(x)); };
    const date::local_days start_day = day_of(start);
    // A desk that never opens again has no due time: this is not reached for it.
    const date::local_days next =
        next_business_day(tcal, start).value_or(date::floor<date::days>(tcal.to_local(start)));
    const Instant skipped_from = tcal.to_instant(date::local_seconds{start_day + date::days(1)});
    const Instant skipped_to = tcal.to_instant(date::local_seconds{next});
    out += w_.say(
        "The clock starts on {}; the next business day, the first later day on which the desk "
        "opens, is {}{}. ",
        day_name(start_day, false, w_), day_name(next, false, w_),
        next > start_day + date::days(1)
            ? fmt::format(" ({})",
                          closed_reason(tcal, skipped_from, skipped_to, w_, holiday_names_))
            : "");
    if (t.by->at_minutes)
      out += w_.say("{} that day is {}.", clock_words(*t.by->at_minutes, w_), at(due));
    else
      out += w_.say("The desk\u2019s last opening that day ends on {}: it is due then.", at(due));
    return out;
  }

  // The gaps between updates, from the first response to the resolution.
  std::string updates(const Ticket& ticket, const Target& t, const Calendar& tcal,
                      const TargetOutcome& outcome, Instant as_of) const {
    const std::string period = durations(t.within.text);
    if (!ticket.responded || *ticket.responded > as_of)
      return ticket.resolved && *ticket.resolved <= as_of
                 ? w_.say(
                       "Nothing is owed before the first response, and the ticket is resolved "
                       "without one: the update time is met.")
                 : w_.say(
                       "Nothing is owed before the first response, and the ticket has none "
                       "yet.");
    const Instant first = *ticket.responded;
    std::optional<Instant> end;  // (a conditional copy of the optional trips GCC 12's warning)
    if (ticket.resolved && *ticket.resolved <= as_of) end = *ticket.resolved;
    std::vector<Instant> points{first};
    for (const auto& e : ticket.events) {
      if (e.kind != TicketEvent::Kind::update || e.at > as_of || e.at <= points.back()) continue;
      if (end && e.at > *end) continue;
      points.push_back(e.at);
    }
    const std::size_t updates_given = points.size() - 1;
    if (end && *end > points.back()) points.push_back(*end);
    const auto day_of = [&](Instant x) { return date::floor<date::days>(cal_.to_local(x)); };
    const bool one_day = day_of(points.front()) == day_of(points.back());
    auto when = [&](Instant x) { return one_day ? clock_of(x, cal_, w_) : at(x, false); };
    std::vector<std::string> given;
    for (std::size_t i = 1; i <= updates_given; ++i) given.push_back(when(points[i]));
    const std::string day = day_name(day_of(points.front()), false, w_);
    std::string out =
        one_day ? (end ? w_.say("Updates are owed from the first response on {} "
                                "until the resolution",
                                day)
                       : w_.say("Updates are owed from the first response on {}", day))
        : end   ? w_.say("Updates are owed from the first response until the resolution")
                : w_.say("Updates are owed from the first response");
    // The times of one day are "at 10:00", the moments of several days "on Monday …".
    out += one_day ? w_.say(": the first response at {}", when(first))
                   : w_.say(": the first response on {}", when(first));
    if (given.empty())
      out += w_.say(", no update");
    else if (given.size() == 1)
      out +=
          one_day ? w_.say(", an update at {}", given[0]) : w_.say(", an update on {}", given[0]);
    else
      out += one_day ? w_.say(", updates at {}", and_list(given, w_))
                     : w_.say(", updates on {}", and_list(given, w_));
    if (end)
      out += one_day ? w_.say(", and the resolution at {}", when(*end))
                     : w_.say(", and the resolution on {}", when(*end));
    out += ".";
    std::vector<std::string> gaps;
    std::optional<std::pair<Instant, Instant>> too_long;
    for (std::size_t i = 1; i < points.size(); ++i) {
      const Seconds gap =
          t.within.business ? tcal.between(points[i - 1], points[i]) : points[i] - points[i - 1];
      gaps.push_back(span_words(gap, w_));
      const auto limit = to_seconds(t.within, ev_.calendar_of(t));
      if (limit && gap > *limit && !too_long) too_long = {points[i - 1], points[i]};
    }
    if (!gaps.empty()) {
      const std::string list = and_list(gaps, w_);
      if (t.within.business)
        out += gaps.size() == 1 ? w_.say(" Counting only open time, the gap is {}.", list)
                                : w_.say(" Counting only open time, the gaps are {}.", list);
      else
        out +=
            gaps.size() == 1 ? w_.say(" The gap is {}.", list) : w_.say(" The gaps are {}.", list);
    }
    if (outcome.verdict == Verdict::breached && outcome.due)
      out += too_long ? w_.say(
                            " The gap from {} to {} is longer than {}: the update due on {} did "
                            "not come in time, so the update time is late (breached).",
                            when(too_long->first), when(too_long->second), period, at(*outcome.due))
                      : w_.say(
                            " The wait after the last update is longer than {}: the update due "
                            "on {} did not come in time, so the update time is late (breached).",
                            period, at(*outcome.due));
    else if (outcome.verdict == Verdict::met)
      out += w_.say(
          " No gap is longer than {}, and the ticket is resolved: the update time is "
          "in time (met).",
          period);
    else if (outcome.due)
      out += w_.say(" No gap so far is longer than {}; the next update is due on {}.", period,
                    at(*outcome.due));
    return out;
  }

  // The counting over open and closed spans of `cal`, from raising to the due time.
  std::string business_walk(const Calendar& cal, Instant created, Instant due) const {
    std::vector<std::string> steps;
    Instant t = created;
    std::string start;
    if (!cal.is_open(t)) {
      const Instant open = cal.next_opening(t);
      start = w_.say(
          "The ticket is raised while the desk is closed ({}), so the clock starts at the next "
          "opening, {}",
          closed_reason(cal, t, open, w_, holiday_names_), at(open, false));
      t = open;
    } else {
      start = w_.say("The desk is open when the ticket is raised, so the clock starts at once");
    }
    bool first_open = true;
    for (int guard = 0; t < due && guard < 64; ++guard) {
      if (cal.is_open(t)) {
        const Instant close = std::min(cal.next_closing(t), due);
        const auto counted = cal.between(t, close);
        const auto day_of = [&](Instant x) { return date::floor<date::days>(cal_.to_local(x)); };
        const std::string when = day_of(t) == day_of(close - Seconds(1))
                                     ? w_.say("on {}, {}\u2013{}", day_name(day_of(t), false, w_),
                                              clock_of(t, cal_, w_), clock_of(close, cal_, w_))
                                     : w_.say("from {} to {}", at(t, false), at(close, false));
        const bool singular = counted == Seconds(3600) || counted == Seconds(60);
        // Open time is counted in hours: a day of it is "24 hours", not "1 day".
        const std::string amount =
            counted >= std::chrono::hours(24) ? hours_words(counted, w_) : span_words(counted, w_);
        const bool remaining = !(first_open || close < due);
        // TRANSLATORS: a stretch of open time that counts toward a target: "3 hours count
        // on Monday 23 March, 09:00–12:00".
        steps.push_back(remaining  ? singular ? w_.say("the remaining {} counts {}", amount, when)
                                              : w_.say("the remaining {} count {}", amount, when)
                         : singular ? w_.say("{} counts {}", amount, when)
                                   : w_.say("{} count {}", amount, when));
        first_open = false;
        t = close;
      } else {
        const Instant open = std::min(cal.next_opening(t), due);
        steps.push_back(w_.say("the desk is closed from {} to {} ({})", at(t, false),
                               at(open, false), closed_reason(cal, t, open, w_, holiday_names_)));
        t = open;
      }
    }
    if (steps.size() > 7)
      return w_.say("{}. Counting only operating hours from there, the time runs out on {}.", start,
                    at(due));
    if (steps.empty()) return w_.say("{}. It is due on {}.", start, at(due));
    steps.front()[0] =
        static_cast<char>(std::toupper(static_cast<unsigned char>(steps.front()[0])));
    return w_.say("{}. {}. It is due on {}.", start, fmt::format("{}", fmt::join(steps, "; ")),
                  at(due));
  }

  std::string escalation(const Ticket& ticket, const Expectation& x,
                         const Priority* priority) const {
    const auto ladder = ev_.ladder(priority);
    if (ladder.empty()) return w_.say("This package has no escalation table for this ticket.");
    // Which ladder: the one for the ticket's priority, or the one for every priority.
    std::string table = w_.say("The escalation table");
    if (priority)
      for (const auto& l : ev_.package().ladders)
        if (std::find(l.priorities.begin(), l.priorities.end(), priority->name) !=
            l.priorities.end())
          table = w_.say("The escalation table for {} tickets", and_list(l.priorities, w_));
    for (const auto& b : ladder) {
      if (b.role != x.role) continue;
      const auto s = to_seconds(b.from, ev_.calendar_info()).value_or(Seconds(0));
      const Instant reach = b.from.business ? cal_.add(ticket.created, s) : ticket.created + s;
      const std::string role = w_.own(b.role), after = durations(b.from.text);
      std::string out =
          b.when_no_response ? w_.say("{} names the {} after {} without a response ({}).", table,
                                      role, after, where_(b.span))
          : b.when_not_resolved
              ? w_.say("{} names the {} after {}, while the ticket is not resolved ({}).", table,
                       role, after, where_(b.span))
              : w_.say("{} names the {} after {} ({}).", table, role, after, where_(b.span));
      out += b.from.business
                 ? w_.say(" Counted in operating hours only from {}, {} is reached on {}.",
                          at(ticket.created, false), after, at(reach))
                 : w_.say(" Counted around the clock from {}, {} is reached on {}.",
                          at(ticket.created, false), after, at(reach));
      if (b.when_not_resolved && ticket.responded && *ticket.responded < reach)
        out += ticket.resolved
                   ? w_.say(
                         " The first response, on {}, does not stop this step: it applies as "
                         "long as the ticket is not resolved, and the ticket is resolved only "
                         "on {}.",
                         at(*ticket.responded, false), at(*ticket.resolved, false))
                   : w_.say(
                         " The first response, on {}, does not stop this step: it applies as "
                         "long as the ticket is not resolved.",
                         at(*ticket.responded, false));
      return out;
    }
    return w_.say("{} names no \u201c{}\u201d.", table, w_.own(x.role));
  }

 private:
  const Evaluator& ev_;
  const Calendar& cal_;
  const std::function<std::string(const SourceRef&)>& where_;
  const Wording& w_;
  const std::map<std::string, std::string>& holiday_names_;
};

}  // namespace

WorkedExample work_example(const Model& model, const Example& e,
                           const std::function<std::string(const SourceRef&)>& where,
                           const Wording& w) {
  WorkedExample out;
  const Package* base = model.package(e.package);
  std::vector<std::string> addon_titles;
  for (const auto& id : e.addons)
    if (const Package* a = model.addon(id)) addon_titles.push_back(w.own(a->title));
  const std::string package = base ? w.own(base->title) : e.package;
  out.setting = addon_titles.empty() ? fmt::format("{}.", package)
                : addon_titles.size() == 1
                    ? w.say("{}, with the {} add-on.", package, addon_titles[0])
                    : w.say("{}, with the {} add-ons.", package, and_list(addon_titles, w));
  // The holidays' names in the document's words: a contract's own, translated; a
  // standard library's in the contract's translation if it gives one, else as the
  // library writes them.
  std::map<std::string, std::string> holiday_names;
  for (const auto& set : model.holiday_sets) {
    const bool library = set.span.file.starts_with("std/");
    for (const auto& d : set.days)
      holiday_names.emplace(d.name, library ? w.library(d.name) : w.own(d.name));
  }

  auto made = Evaluator::make(model, e.package, e.addons);
  if (!made.evaluator) {
    out.error = made.error;
    return out;
  }
  const Evaluator& ev = *made.evaluator;
  const Calendar& cal = ev.calendar();
  const ExampleTicket example = example_ticket(ev.model(), e, cal);
  if (!example.error.empty()) {
    out.error = example.error;
    return out;
  }
  const Ticket& ticket = example.ticket;
  // The expected times read without error: example_ticket() has read them all.
  auto instant = [&](const std::string& text) -> std::optional<Instant> {
    std::string why;
    return text.empty() ? std::nullopt : instant_argument(text, cal, why);
  };

  const CalendarInfo& info = ev.calendar_info();
  const int year = static_cast<int>(
      date::year_month_day{date::floor<date::days>(cal.to_local(ticket.created))}.year());
  auto at = [&](Instant t) { return moment(t, cal, true, w); };
  out.ticket = e.priority.empty() ? w.say("A ticket without a priority is raised on {}, {}.",
                                          at(ticket.created), zone_words(info, year, w))
                                  : w.say("A {} ticket is raised on {}, {}.", e.priority,
                                          at(ticket.created), zone_words(info, year, w));
  std::vector<std::string> attributes;
  for (const auto& a : model.attributes)
    if (auto it = e.attributes.find(a.name); it != e.attributes.end())
      attributes.push_back(w.say("its {} is {}", a.name, in_quotes(it->second)));
  if (!attributes.empty()) {
    std::string words = and_list(attributes, w);
    words[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(words[0])));
    out.ticket += fmt::format(" {}.", words);
  }
  if (ticket.responded)
    out.ticket += w.say(" The first response is given on {}.", at(*ticket.responded));
  std::vector<std::string> updates;
  for (const auto& u : ticket.events)
    if (u.kind == TicketEvent::Kind::update) updates.push_back(at(u.at));
  if (updates.size() == 1)
    out.ticket += w.say(" An update is given on {}.", updates[0]);
  else if (!updates.empty())
    out.ticket += w.say(" Updates are given on {}.", and_list(updates, w));
  if (ticket.restored) out.ticket += w.say(" The service is restored on {}.", at(*ticket.restored));
  if (ticket.resolved) out.ticket += w.say(" The issue is resolved on {}.", at(*ticket.resolved));

  const Instant as_of = example.as_of;  // as `sla test` judges it
  const Evaluation result = ev.evaluate(ticket, as_of);
  if (!result.error.empty()) {
    out.error = ev.error_text(result);
    return out;
  }

  Story story(ev, where, w, holiday_names);
  std::array<bool, 4> told{};  // per target kind
  bool told_escalation = false;
  for (const auto& x : e.expectations) {
    if (x.subject == "escalation") {
      const auto when = instant(x.due);
      out.expected.push_back(w.say("The ticket is escalated to the {} on {}.", w.own(x.role),
                                   when ? at(*when) : x.due));
      if (when) {
        const EscalationBand* band =
            ev.band_at(result.priority, ticket.created, *when, ticket.responded, ticket.resolved);
        const EscalationBand* before = ev.band_at(
            result.priority, ticket.created, *when - Seconds(1), ticket.responded, ticket.resolved);
        if (!band || band->role != x.role)
          out.disagreements.push_back(
              band ? w.say("the ticket is with the {} at that time", w.own(band->role))
                   : w.say("the ticket is with nobody on the escalation table at that time"));
        else if (before && before->role == x.role)
          out.disagreements.push_back(
              w.say("the ticket reaches the {} earlier than that", w.own(x.role)));
      }
      if (!told_escalation) out.why.push_back(story.escalation(ticket, x, result.priority));
      told_escalation = true;
      continue;
    }
    const TargetKind kind = x.subject == "response"     ? TargetKind::response
                            : x.subject == "resolution" ? TargetKind::resolution
                            : x.subject == "update"     ? TargetKind::update
                                                        : TargetKind::restoration;
    const TargetOutcome& outcome = kind == TargetKind::response     ? result.response
                                   : kind == TargetKind::resolution ? result.resolution
                                   : kind == TargetKind::update     ? result.update
                                                                    : result.restoration;
    const std::string subject = subject_name(kind, w);
    if (!x.due.empty()) {
      const auto due = instant(x.due);
      out.expected.push_back(w.say("The {} is due on {}.", subject, due ? at(*due) : x.due));
      if (!outcome.due) out.disagreements.push_back(w.say("no {} time applies", subject));
      // Compared as `sla test` compares them, as local times: a time the clocks
      // show twice (when they go back) reads as its first occurrence, but is met
      // by either.
      else if (!due || moment(*outcome.due, cal) != moment(*due, cal))
        out.disagreements.push_back(w.say("the {} is due on {}", subject, at(*outcome.due)));
    } else if (!x.status.empty()) {
      out.expected.push_back(w.say("The {} is {}.", subject, verdict_words(x.status, w)));
      if (x.status != name(outcome.verdict))
        out.disagreements.push_back(
            w.say("the {} is {}", subject, verdict_words(std::string(name(outcome.verdict)), w)));
    }
    if (!told[static_cast<std::size_t>(kind)])
      out.why.push_back(story.target(ticket, kind, outcome, result.priority, as_of));
    told[static_cast<std::size_t>(kind)] = true;
  }
  return out;
}

}  // namespace sla::cli
