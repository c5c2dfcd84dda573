#include "tools/document/worked_example.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <cctype>

#include "sla/evaluator.hpp"
#include "tools/console/arguments.hpp"
#include "tools/document/example_ticket.hpp"
#include "tools/document/plain_words.hpp"

namespace sla::cli {

namespace {

// A closed stretch of time has reasons: holidays by name (a holiday of several
// days named once), weekdays without hours.
std::string closed_reason(const Calendar& cal, Instant a, Instant b) {
  const auto& spec = cal.spec();
  std::vector<std::pair<std::string, std::vector<std::string>>> holidays;  // name, days
  std::vector<std::string> no_hours;
  const auto first = date::floor<date::days>(cal.to_local(a));
  const auto last = date::floor<date::days>(cal.to_local(b - Seconds(1)));
  for (auto d = first; d <= last; d += date::days(1)) {
    const date::year_month_day ymd{d};
    const date::weekday wd{d};
    auto holiday = std::find_if(spec.holidays.begin(), spec.holidays.end(),
                                [&](const HolidayRule& h) { return h.day == ymd; });
    if (holiday != spec.holidays.end() && holiday->hours.empty()) {
      if (holidays.empty() || holidays.back().first != holiday->name)
        holidays.push_back({holiday->name, {}});
      holidays.back().second.push_back(day_name(d));
    } else if (spec.weekly[wd.c_encoding()].empty()) {
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
  if (reasons.empty()) return "outside operating hours";
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

class Story {
 public:
  Story(const Evaluator& ev, const std::function<std::string(const SourceRef&)>& where)
      : ev_(ev), cal_(ev.calendar()), where_(where) {}

  // Why the target of `kind` falls due when it does.
  std::string target(const Ticket& ticket, TargetKind kind, const TargetOutcome& outcome,
                     const Priority* priority) const {
    const Target* t = outcome.target;
    const std::string tickets =
        priority ? fmt::format("{} tickets", priority->name) : "tickets without a priority";
    if (!t || !outcome.due)
      return fmt::format("There is no {} time for {} under this package.", subject_name(kind),
                         tickets);
    const Instant due = *outcome.due;
    const std::string condition = t->where ? " where " + t->where->text() : "";
    if (t->by || kind == TargetKind::update || !t->calendar.empty()) {
      // Stated in words: the walk below counts the package's own hours.
      return fmt::format(
          "The {} time for {}{} is {}{} ({}). It is due on {}.", subject_name(kind), tickets,
          condition,
          t->by ? t->by->text
                : fmt::format("{}{}", kind == TargetKind::update ? "an update every " : "",
                              duration_words(t->within, &ev_.calendar_of(*t))),
          t->calendar.empty() ? "" : fmt::format(", on calendar '{}'", t->calendar),
          where_(t->span), moment(due, cal_));
    }
    std::string out = fmt::format(
        "The {} time for {}{} is {}, {} ({}).", subject_name(kind), tickets, condition,
        duration_words(t->within, &ev_.calendar_info()),
        t->within.business ? "counted in operating hours only" : "counted around the clock",
        where_(t->span));
    if (due == Calendar::kNever) {
      out += fmt::format(
          " The desk does not open again in the years its calendar covers, so the "
          "{} never falls due.",
          subject_name(kind));
    } else if (t->within.business) {
      out += " " + business_walk(ticket.created, due);
    } else {
      Instant start = ticket.created;
      if (ev_.package().clock_starts_at_next_opening.value_or(false) && !cal_.is_open(start)) {
        start = cal_.next_opening(start);
        out += fmt::format(
            " The ticket is raised outside operating hours, so the clock starts at the next "
            "opening, {}; {} later is {}.",
            moment(start, cal_, false), t->within.text, moment(due, cal_));
      } else {
        out += fmt::format(" The clock starts when the ticket is raised; {} later is {}.",
                           t->within.text, moment(due, cal_));
      }
    }
    const std::optional<Instant> done = kind == TargetKind::response ? ticket.responded
                                        : kind == TargetKind::restoration
                                            ? (ticket.restored ? ticket.restored : ticket.resolved)
                                            : ticket.resolved;
    const std::string done_word = kind == TargetKind::response      ? "answered"
                                  : kind == TargetKind::restoration ? "restored"
                                                                    : "resolved";
    if (done)
      out += fmt::format(" The ticket was {} on {}, {} the due time: the {} is {}.", done_word,
                         moment(*done, cal_), *done <= due ? "within" : "after", subject_name(kind),
                         *done <= due ? "in time (met)" : "late (breached)");
    return out;
  }

  // The counting over open and closed spans, from raising to the due time.
  std::string business_walk(Instant created, Instant due) const {
    std::vector<std::string> steps;
    Instant t = created;
    std::string start;
    if (!cal_.is_open(t)) {
      const Instant open = cal_.next_opening(t);
      start = fmt::format(
          "The ticket is raised while the desk is closed ({}), so the clock starts at the next "
          "opening, {}",
          closed_reason(cal_, t, open), moment(open, cal_, false));
      t = open;
    } else {
      start = "The desk is open when the ticket is raised, so the clock starts at once";
    }
    bool first_open = true;
    for (int guard = 0; t < due && guard < 64; ++guard) {
      if (cal_.is_open(t)) {
        const Instant close = std::min(cal_.next_closing(t), due);
        const auto counted = cal_.between(t, close);
        const auto day_of = [&](Instant x) { return date::floor<date::days>(cal_.to_local(x)); };
        const std::string when =
            day_of(t) == day_of(close - Seconds(1))
                ? fmt::format("on {}, {}\u2013{}", day_name(day_of(t)), clock_of(t, cal_),
                              clock_of(close, cal_))
                : fmt::format("from {} to {}", moment(t, cal_, false), moment(close, cal_, false));
        const bool singular = counted == Seconds(3600) || counted == Seconds(60);
        steps.push_back(fmt::format("{}{} count{} {}",
                                    first_open || close < due ? "" : "the remaining ",
                                    span_words(counted), singular ? "s" : "", when));
        first_open = false;
        t = close;
      } else {
        const Instant open = std::min(cal_.next_opening(t), due);
        steps.push_back(fmt::format("the desk is closed from {} to {} ({})", moment(t, cal_, false),
                                    moment(open, cal_, false), closed_reason(cal_, t, open)));
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
    for (const auto& b : ladder) {
      if (b.role != x.role) continue;
      const auto s = to_seconds(b.from, ev_.calendar_info()).value_or(Seconds(0));
      const Instant reach = b.from.business ? cal_.add(ticket.created, s) : ticket.created + s;
      return fmt::format(
          "The escalation table names the {} after {}{} ({}). Counted {} from {}, {} is reached "
          "on {}.",
          b.role, b.from.text,
          b.when_no_response    ? " without a response"
          : b.when_not_resolved ? " while unresolved"
                                : "",
          where_(b.span), b.from.business ? "in operating hours only" : "around the clock",
          moment(ticket.created, cal_, false), b.from.text, moment(reach, cal_));
    }
    return fmt::format("The escalation table names no \u201c{}\u201d.", x.role);
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
  if (ticket.responded)
    out.ticket +=
        fmt::format(" The first response is given on {}.", moment(*ticket.responded, cal));
  if (ticket.resolved)
    out.ticket += fmt::format(" The issue is resolved on {}.", moment(*ticket.resolved, cal));

  const Instant as_of = example.as_of;  // as `sla test` judges it
  const Evaluation result = ev.evaluate(ticket, as_of);
  if (!result.error.empty()) {
    out.error = ev.error_text(result);
    return out;
  }

  Story story(ev, where);
  bool told_response = false, told_resolution = false, told_escalation = false;
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
      if (!outcome.due)
        out.disagreements.push_back(fmt::format("no {} time applies", subject));
      else if (!due || *outcome.due != *due)
        out.disagreements.push_back(
            fmt::format("the {} is due on {}", subject, moment(*outcome.due, cal)));
    } else if (!x.status.empty()) {
      out.expected.push_back(fmt::format("The {} is {}.", subject, verdict_words(x.status)));
      if (x.status != name(outcome.verdict))
        out.disagreements.push_back(fmt::format("the {} is {}", subject,
                                                verdict_words(std::string(name(outcome.verdict)))));
    }
    bool told_other = false;
    bool& told = kind == TargetKind::response     ? told_response
                 : kind == TargetKind::resolution ? told_resolution
                                                  : told_other;
    if (!told) out.why.push_back(story.target(ticket, kind, outcome, result.priority));
    told = true;
  }
  return out;
}

}  // namespace sla::cli
