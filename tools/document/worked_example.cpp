#include "tools/document/worked_example.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <array>
#include <cctype>

#include "sla/evaluator.hpp"
#include "tools/console/arguments.hpp"
#include "tools/document/example_ticket.hpp"
#include "tools/document/plain_words.hpp"

namespace sla::cli {

namespace {

std::string offset_words(Seconds offset) {
  const long minutes = static_cast<long>(offset.count() / 60);
  const long a = minutes < 0 ? -minutes : minutes;
  return fmt::format("UTC{}{:02}:{:02}", minutes < 0 ? "\u2212" : "+", a / 60, a % 60);
}

std::string calendar_title(const CalendarInfo& c) {
  return in_quotes(c.title.empty() ? c.id : c.title);
}

// A closed stretch of time has reasons: holidays by name (a holiday of several
// days named once), weekdays without hours. A union is closed when all its
// members are: its reasons are its members' holidays, or else their hours.
std::string closed_reason(const Calendar& cal, Instant a, Instant b) {
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
      holidays.back().second.push_back(day_name(d));
    } else if (spec.members.empty() && spec.weekly[wd.c_encoding()].empty()) {
      const std::string name = day_name(d);
      no_hours.push_back(name.substr(0, name.find(' ')));
    }
  }
  std::vector<std::string> reasons;
  for (const auto& [name, days] : holidays)
    reasons.push_back(fmt::format("{} on {}", name, and_list(days)));
  if (!no_hours.empty())
    reasons.push_back(fmt::format("{} {} no operating hours", and_list(no_hours),
                                  no_hours.size() == 1 ? "has" : "have"));
  if (reasons.empty())
    return spec.members.empty() ? "outside operating hours"
                                : "outside the hours of every one of its calendars";
  return fmt::format("{}", fmt::join(reasons, "; "));
}

std::string verdict_words(const std::string& verdict) {
  if (verdict == "met") return "in time (met)";
  if (verdict == "breached") return "late (breached)";
  if (verdict == "pending") return "still open, not yet due (pending)";
  return "without a time limit";
}

std::string subject_name(TargetKind kind) {
  return std::string(name(kind));
}

// where route is "e-mail" -> " where route is “e-mail”"
std::string condition_words(const std::optional<Condition>& c) {
  if (!c) return {};
  std::vector<std::string> values;
  for (const auto& v : c->values) values.push_back(in_quotes(v));
  return fmt::format(" where {} is {}", c->attribute, and_list(values, "or"));
}

class Story {
 public:
  Story(const Evaluator& ev, const std::function<std::string(const SourceRef&)>& where)
      : ev_(ev), cal_(ev.calendar()), where_(where) {}

  // Why the target of `kind` falls due when it does.
  std::string target(const Ticket& ticket, TargetKind kind, const TargetOutcome& outcome,
                     const Priority* priority, Instant as_of) const {
    const Target* t = outcome.target;
    const std::string tickets =
        priority ? fmt::format("{} tickets", priority->name) : "tickets without a priority";
    if (!t)
      return fmt::format("There is no {} time for {} under this package.", subject_name(kind),
                         tickets);
    const CalendarInfo& info = ev_.calendar_of(*t);
    const Calendar& tcal = *info.calendar;
    const bool own = !t->calendar.empty() && info.id != ev_.calendar_info().id;
    const std::string counted =
        t->by ? (own ? fmt::format(", on the business days of calendar {}", calendar_title(info))
                     : std::string(", on the business days of the operating hours"))
        : t->within.business
            ? (own ? fmt::format(", counted only in the open hours of calendar {}",
                                 calendar_title(info))
                   : std::string(", counted in operating hours only"))
            : (own ? fmt::format(", counted around the clock on calendar {}", calendar_title(info))
                   : std::string(", counted around the clock"));
    const std::string value =
        t->by ? (t->by->at_minutes ? fmt::format("by {:02}:{:02} on the next business day",
                                                 *t->by->at_minutes / 60, *t->by->at_minutes % 60)
                                   : std::string("by the end of the next business day"))
        : kind == TargetKind::update
            ? "an update at least every " + duration_words(t->within, &info)
            : duration_words(t->within, &info);
    std::string out = fmt::format("The {} time for {}{} is {}{} ({}).", subject_name(kind), tickets,
                                  condition_words(t->where), value, counted, where_(t->span));
    if (kind == TargetKind::update) return out + " " + updates(ticket, *t, tcal, outcome, as_of);
    if (!outcome.due)
      return out + fmt::format(
                       " The desk does not open again in the years its calendar covers, so the "
                       "{} never falls due.",
                       subject_name(kind));
    const Instant due = *outcome.due;
    if (t->by) {
      out += " " + relative(ticket.created, *t, tcal, due);
    } else if (t->within.business) {
      out += " " + business_walk(tcal, ticket.created, due);
    } else {
      Instant start = ticket.created;
      if (ev_.package().clock_starts_at_next_opening.value_or(false) && !tcal.is_open(start)) {
        start = tcal.next_opening(start);
        out += fmt::format(
            " The ticket is raised outside {}, so the clock starts at the next opening, {}; {} "
            "later is {}.",
            own ? "those hours" : "operating hours", moment(start, cal_, false), t->within.text,
            moment(due, cal_));
      } else {
        out += fmt::format(" The clock starts when the ticket is raised; {} later is {}.",
                           t->within.text, moment(due, cal_));
      }
      const Seconds before = cal_.utc_offset(start), after = cal_.utc_offset(due);
      if (before != after)
        out += fmt::format(" (The clocks change in between, from {} to {}.)", offset_words(before),
                           offset_words(after));
    }
    const bool restored_at_resolution =
        kind == TargetKind::restoration && !ticket.restored && ticket.resolved;
    const std::optional<Instant> done = kind == TargetKind::response ? ticket.responded
                                        : kind == TargetKind::restoration
                                            ? (ticket.restored ? ticket.restored : ticket.resolved)
                                            : ticket.resolved;
    const std::string done_word = kind == TargetKind::response ? "answered"
                                  : restored_at_resolution
                                      ? "resolved without a restoration time of its own, so it "
                                        "counts as restored when resolved,"
                                  : kind == TargetKind::restoration ? "restored"
                                                                    : "resolved";
    if (done)
      out += fmt::format(" The ticket was {} on {}, {} the due time: the {} is {}.", done_word,
                         moment(*done, cal_), *done <= due ? "within" : "after", subject_name(kind),
                         *done <= due ? "in time (met)" : "late (breached)");
    return out;
  }

  // A deadline on the next business day, day by day.
  std::string relative(Instant created, const Target& t, const Calendar& tcal, Instant due) const {
    Instant start = created;
    std::string out;
    if (ev_.package().clock_starts_at_next_opening.value_or(false) && !tcal.is_open(start)) {
      start = tcal.next_opening(start);
      out = fmt::format(
          "The ticket is raised while the desk is closed, so its clock starts at the next "
          "opening, {}. ",
          moment(start, cal_, false));
    }
    const auto day_of = [&](Instant x) { return date::floor<date::days>(tcal.to_local(x)); };
    const date::local_days start_day = day_of(start);
    // A desk that never opens again has no due time: this is not reached for it.
    const date::local_days next =
        next_business_day(tcal, start).value_or(date::floor<date::days>(tcal.to_local(start)));
    const Instant skipped_from = tcal.to_instant(date::local_seconds{start_day + date::days(1)});
    const Instant skipped_to = tcal.to_instant(date::local_seconds{next});
    out += fmt::format(
        "The clock starts on {}; the next business day, the first later day on which the desk "
        "opens, is {}{}. ",
        day_name(start_day), day_name(next),
        next > start_day + date::days(1)
            ? fmt::format(" ({})", closed_reason(tcal, skipped_from, skipped_to))
            : "");
    if (t.by->at_minutes)
      out += fmt::format("{:02}:{:02} that day is {}.", *t.by->at_minutes / 60,
                         *t.by->at_minutes % 60, moment(due, cal_));
    else
      out += fmt::format("The desk\u2019s last opening that day ends on {}: it is due then.",
                         moment(due, cal_));
    return out;
  }

  // The gaps between updates, from the first response to the resolution.
  std::string updates(const Ticket& ticket, const Target& t, const Calendar& tcal,
                      const TargetOutcome& outcome, Instant as_of) const {
    const std::string period = t.within.text;
    if (!ticket.responded || *ticket.responded > as_of)
      return ticket.resolved && *ticket.resolved <= as_of
                 ? "Nothing is owed before the first response, and the ticket is resolved "
                   "without one: the update time is met."
                 : "Nothing is owed before the first response, and the ticket has none yet.";
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
    auto when = [&](Instant x) { return one_day ? clock_of(x, cal_) : moment(x, cal_, false); };
    std::vector<std::string> given;
    for (std::size_t i = 1; i <= updates_given; ++i) given.push_back(when(points[i]));
    const char* at = one_day ? "at" : "on";
    std::string out = fmt::format(
        "Updates are owed from the first response{}{}: the first response {} {}{}{}.",
        one_day ? fmt::format(" on {}", day_name(day_of(points.front()))) : "",
        end ? " until the resolution" : "", at, when(first),
        given.empty() ? ", no update"
                      : fmt::format(", {} {} {}", given.size() == 1 ? "an update" : "updates", at,
                                    and_list(given)),
        end ? fmt::format(", and the resolution {} {}", at, when(*end)) : "");
    std::vector<std::string> gaps;
    std::optional<std::pair<Instant, Instant>> too_long;
    for (std::size_t i = 1; i < points.size(); ++i) {
      const Seconds gap =
          t.within.business ? tcal.between(points[i - 1], points[i]) : points[i] - points[i - 1];
      gaps.push_back(span_words(gap));
      const auto limit = to_seconds(t.within, ev_.calendar_of(t));
      if (limit && gap > *limit && !too_long) too_long = {points[i - 1], points[i]};
    }
    if (!gaps.empty())
      out += fmt::format(
          " {} gap{} {} {}.", t.within.business ? "Counting only open time, the" : "The",
          gaps.size() == 1 ? "" : "s", gaps.size() == 1 ? "is" : "are", and_list(gaps));
    if (outcome.verdict == Verdict::breached && outcome.due)
      out += fmt::format(
          " {}onger than {}: the update due on {} did not come in time, so the update time is "
          "late (breached).",
          too_long ? fmt::format("The gap from {} to {} is l", when(too_long->first),
                                 when(too_long->second))
                   : "The wait after the last update is l",
          period, moment(*outcome.due, cal_));
    else if (outcome.verdict == Verdict::met)
      out += fmt::format(
          " No gap is longer than {}, and the ticket is resolved: the update time is "
          "in time (met).",
          period);
    else if (outcome.due)
      out += fmt::format(" No gap so far is longer than {}; the next update is due on {}.", period,
                         moment(*outcome.due, cal_));
    return out;
  }

  // The counting over open and closed spans of `cal`, from raising to the due time.
  std::string business_walk(const Calendar& cal, Instant created, Instant due) const {
    std::vector<std::string> steps;
    Instant t = created;
    std::string start;
    if (!cal.is_open(t)) {
      const Instant open = cal.next_opening(t);
      start = fmt::format(
          "The ticket is raised while the desk is closed ({}), so the clock starts at the next "
          "opening, {}",
          closed_reason(cal, t, open), moment(open, cal_, false));
      t = open;
    } else {
      start = "The desk is open when the ticket is raised, so the clock starts at once";
    }
    bool first_open = true;
    for (int guard = 0; t < due && guard < 64; ++guard) {
      if (cal.is_open(t)) {
        const Instant close = std::min(cal.next_closing(t), due);
        const auto counted = cal.between(t, close);
        const auto day_of = [&](Instant x) { return date::floor<date::days>(cal_.to_local(x)); };
        const std::string when =
            day_of(t) == day_of(close - Seconds(1))
                ? fmt::format("on {}, {}\u2013{}", day_name(day_of(t)), clock_of(t, cal_),
                              clock_of(close, cal_))
                : fmt::format("from {} to {}", moment(t, cal_, false), moment(close, cal_, false));
        const bool singular = counted == Seconds(3600) || counted == Seconds(60);
        // Open time is counted in hours: a day of it is "24 hours", not "1 day".
        steps.push_back(fmt::format(
            "{}{} count{} {}", first_open || close < due ? "" : "the remaining ",
            counted >= std::chrono::hours(24) ? hours_words(counted) : span_words(counted),
            singular ? "s" : "", when));
        first_open = false;
        t = close;
      } else {
        const Instant open = std::min(cal.next_opening(t), due);
        steps.push_back(fmt::format("the desk is closed from {} to {} ({})", moment(t, cal_, false),
                                    moment(open, cal_, false), closed_reason(cal, t, open)));
        t = open;
      }
    }
    if (steps.size() > 7)
      return fmt::format("{}. Counting only operating hours from there, the time runs out on {}.",
                         start, moment(due, cal_));
    if (steps.empty()) return fmt::format("{}. It is due on {}.", start, moment(due, cal_));
    steps.front()[0] =
        static_cast<char>(std::toupper(static_cast<unsigned char>(steps.front()[0])));
    return fmt::format("{}. {}. It is due on {}.", start, fmt::join(steps, "; "),
                       moment(due, cal_));
  }

  std::string escalation(const Ticket& ticket, const Expectation& x,
                         const Priority* priority) const {
    const auto ladder = ev_.ladder(priority);
    if (ladder.empty()) return "This package has no escalation table for this ticket.";
    // Which ladder: the one for the ticket's priority, or the one for every priority.
    std::string table = "The escalation table";
    if (priority)
      for (const auto& l : ev_.package().ladders)
        if (std::find(l.priorities.begin(), l.priorities.end(), priority->name) !=
            l.priorities.end())
          table = fmt::format("The escalation table for {} tickets", and_list(l.priorities));
    for (const auto& b : ladder) {
      if (b.role != x.role) continue;
      const auto s = to_seconds(b.from, ev_.calendar_info()).value_or(Seconds(0));
      const Instant reach = b.from.business ? cal_.add(ticket.created, s) : ticket.created + s;
      std::string out = fmt::format(
          "{} names the {} after {}{} ({}). Counted {} from {}, {} is reached on {}.", table,
          b.role, b.from.text,
          b.when_no_response    ? " without a response"
          : b.when_not_resolved ? ", while the ticket is not resolved"
                                : "",
          where_(b.span), b.from.business ? "in operating hours only" : "around the clock",
          moment(ticket.created, cal_, false), b.from.text, moment(reach, cal_));
      if (b.when_not_resolved && ticket.responded && *ticket.responded < reach)
        out += fmt::format(
            " The first response, on {}, does not stop this step: it applies as long as the "
            "ticket is not resolved{}.",
            moment(*ticket.responded, cal_, false),
            ticket.resolved ? fmt::format(", and the ticket is resolved only on {}",
                                          moment(*ticket.resolved, cal_, false))
                            : "");
      return out;
    }
    return fmt::format("{} names no \u201c{}\u201d.", table, x.role);
  }

 private:
  const Evaluator& ev_;
  const Calendar& cal_;
  const std::function<std::string(const SourceRef&)>& where_;
};

}  // namespace

WorkedExample work_example(const Model& model, const Example& e,
                           const std::function<std::string(const SourceRef&)>& where) {
  WorkedExample out;
  const Package* base = model.package(e.package);
  std::vector<std::string> addon_titles;
  for (const auto& id : e.addons)
    if (const Package* a = model.addon(id)) addon_titles.push_back(a->title);
  out.setting = fmt::format("{}{}.", base ? base->title : e.package,
                            addon_titles.empty()
                                ? ""
                                : fmt::format(", with the {} add-on{}", and_list(addon_titles),
                                              addon_titles.size() == 1 ? "" : "s"));

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
  out.ticket = fmt::format(
      "A {} is raised on {}, {}.",
      e.priority.empty() ? "ticket without a priority" : fmt::format("{} ticket", e.priority),
      moment(ticket.created, cal), zone_words(info, year));
  std::vector<std::string> attributes;
  for (const auto& a : model.attributes)
    if (auto it = e.attributes.find(a.name); it != e.attributes.end())
      attributes.push_back(fmt::format("its {} is {}", a.name, in_quotes(it->second)));
  if (!attributes.empty()) {
    std::string words = and_list(attributes);
    words[0] = 'I';
    out.ticket += fmt::format(" {}.", words);
  }
  if (ticket.responded)
    out.ticket +=
        fmt::format(" The first response is given on {}.", moment(*ticket.responded, cal));
  std::vector<std::string> updates;
  for (const auto& u : ticket.events)
    if (u.kind == TicketEvent::Kind::update) updates.push_back(moment(u.at, cal));
  if (!updates.empty())
    out.ticket +=
        fmt::format(" {} given on {}.", updates.size() == 1 ? "An update is" : "Updates are",
                    and_list(updates));
  if (ticket.restored)
    out.ticket += fmt::format(" The service is restored on {}.", moment(*ticket.restored, cal));
  if (ticket.resolved)
    out.ticket += fmt::format(" The issue is resolved on {}.", moment(*ticket.resolved, cal));

  const Instant as_of = example.as_of;  // as `sla test` judges it
  const Evaluation result = ev.evaluate(ticket, as_of);
  if (!result.error.empty()) {
    out.error = ev.error_text(result);
    return out;
  }

  Story story(ev, where);
  std::array<bool, 4> told{};  // per target kind
  bool told_escalation = false;
  for (const auto& x : e.expectations) {
    if (x.subject == "escalation") {
      const auto at = instant(x.due);
      out.expected.push_back(fmt::format("The ticket is escalated to the {} on {}.", x.role,
                                         at ? moment(*at, cal) : x.due));
      if (at) {
        const EscalationBand* band =
            ev.band_at(result.priority, ticket.created, *at, ticket.responded, ticket.resolved);
        const EscalationBand* before = ev.band_at(result.priority, ticket.created, *at - Seconds(1),
                                                  ticket.responded, ticket.resolved);
        if (!band || band->role != x.role)
          out.disagreements.push_back(fmt::format(
              "the ticket is with {} at that time",
              band ? fmt::format("the {}", band->role) : "nobody on the escalation table"));
        else if (before && before->role == x.role)
          out.disagreements.push_back(
              fmt::format("the ticket reaches the {} earlier than that", x.role));
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
    const std::string subject = subject_name(kind);
    if (!x.due.empty()) {
      const auto due = instant(x.due);
      out.expected.push_back(
          fmt::format("The {} is due on {}.", subject, due ? moment(*due, cal) : x.due));
      if (!outcome.due) out.disagreements.push_back(fmt::format("no {} time applies", subject));
      // Compared as `sla test` compares them, as local times: a time the clocks
      // show twice (when they go back) reads as its first occurrence, but is met
      // by either.
      else if (!due || moment(*outcome.due, cal) != moment(*due, cal))
        out.disagreements.push_back(
            fmt::format("the {} is due on {}", subject, moment(*outcome.due, cal)));
    } else if (!x.status.empty()) {
      out.expected.push_back(fmt::format("The {} is {}.", subject, verdict_words(x.status)));
      if (x.status != name(outcome.verdict))
        out.disagreements.push_back(fmt::format("the {} is {}", subject,
                                                verdict_words(std::string(name(outcome.verdict)))));
    }
    if (!told[static_cast<std::size_t>(kind)])
      out.why.push_back(story.target(ticket, kind, outcome, result.priority, as_of));
    told[static_cast<std::size_t>(kind)] = true;
  }
  return out;
}

}  // namespace sla::cli
