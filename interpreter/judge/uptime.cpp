#include "sla/uptime.hpp"

#include "interpreter/time/calendar.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <charconv>

#include "grammar/suggest.hpp"

namespace sla {

namespace {

using std::chrono::seconds;

// A half-open span of time [first, second).
using Interval = std::pair<Instant, Instant>;

// Sorted, disjoint, non-empty: overlapping or touching intervals become one, so
// that no second is ever counted twice.
std::vector<Interval> unite(std::vector<Interval> v) {
  std::erase_if(v, [](const Interval& i) { return i.second <= i.first; });
  std::sort(v.begin(), v.end());
  std::vector<Interval> out;
  for (const auto& i : v) {
    if (!out.empty() && i.first <= out.back().second)
      out.back().second = std::max(out.back().second, i.second);
    else
      out.push_back(i);
  }
  return out;
}

// a less b; both united.
std::vector<Interval> subtract(const std::vector<Interval>& a, const std::vector<Interval>& b) {
  std::vector<Interval> out;
  std::size_t j = 0;
  for (auto [from, to] : a) {
    while (j < b.size() && b[j].second <= from) ++j;
    for (std::size_t k = j; k < b.size() && b[k].first < to; ++k) {
      if (b[k].first > from) out.emplace_back(from, b[k].first);
      from = std::max(from, b[k].second);
      if (from >= to) break;
    }
    if (from < to) out.emplace_back(from, to);
  }
  return out;
}

std::vector<Interval> join(std::vector<Interval> a, const std::vector<Interval>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return unite(std::move(a));
}

seconds length(const std::vector<Interval>& v) {
  seconds total{0};
  for (const auto& [from, to] : v) total += to - from;
  return total;
}

std::string percent(std::int64_t milli) {
  if (milli % 1000 == 0) return fmt::format("{} %", milli / 1000);
  std::string s = fmt::format("{}.{:03}", milli / 1000, milli % 1000);
  while (s.back() == '0') s.pop_back();
  return s + " %";
}

// "6 days 16 hours", "45 minutes", "30 seconds".
std::string span_text(seconds s) {
  const auto n = s.count();
  const std::int64_t d = n / 86400, h = n % 86400 / 3600, m = n % 3600 / 60;
  std::string out;
  auto add = [&](std::int64_t v, const char* unit) {
    if (v) out += fmt::format("{}{} {}{}", out.empty() ? "" : " ", v, unit, v == 1 ? "" : "s");
  };
  add(d, "day");
  add(h, "hour");
  add(m, "minute");
  if (out.empty()) out = fmt::format("{} second{}", n, n == 1 ? "" : "s");
  return out;
}

std::optional<date::year_month_day> civil_date(const std::string& text) {
  int y = 0;
  unsigned m = 0, d = 0;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const char* p = text.data();
  if (std::from_chars(p, p + 4, y).ec != std::errc{} ||
      std::from_chars(p + 5, p + 7, m).ec != std::errc{} ||
      std::from_chars(p + 8, p + 10, d).ec != std::errc{})
    return std::nullopt;
  const date::year_month_day ymd{date::year{y}, date::month{m}, date::day{d}};
  if (!ymd.ok()) return std::nullopt;
  return ymd;
}

std::optional<ExcludedCause> cause_of(IncidentCategory c) {
  switch (c) {
    case IncidentCategory::scheduled_maintenance:
      return ExcludedCause::scheduled_maintenance;
    case IncidentCategory::third_party:
      return ExcludedCause::third_party;
    case IncidentCategory::force_majeure:
      return ExcludedCause::force_majeure;
    case IncidentCategory::other:
      return ExcludedCause::other;
    default:
      return std::nullopt;
  }
}

// The contract's wording for a cause, as the checker stores it.
std::string_view contract_word(ExcludedCause c) {
  static constexpr std::string_view words[] = {"scheduled maintenance", "third party",
                                               "force majeure", "other"};
  return words[static_cast<int>(c)];
}

const Exclusion* exclusion_for(const Uptime& u, ExcludedCause c) {
  for (const auto& e : u.exclusions)
    if (e.category == contract_word(c)) return &e;
  return nullptr;
}

struct Judged {
  Treatment treatment;
  std::optional<ExcludedCause> cause;
  std::string reason;
};

// Whether scheduled maintenance was announced early enough (docs/semantics.md).
Judged judge_maintenance(const Incident& i, const Exclusion* e, const CalendarInfo& calendar) {
  constexpr auto cause = ExcludedCause::scheduled_maintenance;
  if (!e)
    return {Treatment::downtime, std::nullopt,
            "the contract does not exclude scheduled maintenance: counted as downtime"};
  if (!i.announced_at)
    return {Treatment::downtime, std::nullopt,
            "scheduled maintenance with no announcement (announced_at is empty): counted as "
            "downtime"};
  if (*i.announced_at >= i.start)
    return {Treatment::downtime, std::nullopt,
            "scheduled maintenance announced at or after its start: counted as downtime"};
  const seconds lead = i.start - *i.announced_at;
  if (!e->notice)
    return {Treatment::excluded, cause,
            fmt::format("scheduled maintenance announced {} ahead; the contract asks for an "
                        "announcement in advance and names no notice period, so any announcement "
                        "before the start suffices: excluded",
                        span_text(lead))};
  const auto required = to_seconds(*e->notice, calendar);
  if (!required)
    return {Treatment::downtime, std::nullopt,
            fmt::format("the notice of {} cannot be measured: the calendar defines no business "
                        "day; counted as downtime",
                        e->notice->text)};
  // A notice in business time counts only the desk's open time before the start.
  const seconds given = e->notice->business && calendar.calendar
                            ? calendar.calendar->between(*i.announced_at, i.start)
                            : lead;
  const std::string given_text =
      e->notice->business ? fmt::format("{} of business time", span_text(given)) : span_text(lead);
  if (given < *required)
    return {Treatment::downtime, std::nullopt,
            fmt::format("scheduled maintenance announced {} ahead, less than the {} the contract "
                        "asks for: counted as downtime",
                        given_text, e->notice->text)};
  return {Treatment::excluded, cause,
          fmt::format("scheduled maintenance announced {} ahead (the contract asks for at least "
                      "{}): excluded",
                      given_text, e->notice->text)};
}

Judged judge(const Incident& i, const Uptime& u, const CalendarInfo& calendar) {
  switch (i.category) {
    case IncidentCategory::outage:
      return {Treatment::downtime, std::nullopt, "outage: downtime"};
    case IncidentCategory::degraded:
      return {Treatment::not_counted, std::nullopt,
              "degraded service is still usable: not downtime"};
    case IncidentCategory::scheduled_maintenance:
      return judge_maintenance(i, exclusion_for(u, ExcludedCause::scheduled_maintenance), calendar);
    default: {
      const ExcludedCause cause = *cause_of(i.category);
      static constexpr std::string_view words[] = {"", "third-party outages", "force majeure",
                                                   "other causes"};
      const std::string_view what = words[static_cast<int>(cause)];
      if (exclusion_for(u, cause))
        return {Treatment::excluded, cause,
                fmt::format("the contract excludes {}: excluded", what)};
      return {Treatment::downtime, std::nullopt,
              fmt::format("the contract does not exclude {}: counted as downtime", what)};
    }
  }
}

// met iff (total - excluded - downtime) / (total - excluded) >= target, exactly. A
// period is at most a year (under 3.2e7 s), so the products stay far inside 64 bits.
bool at_least(seconds up, seconds measured, std::int64_t percent_milli) {
  return up.count() * 100000 >= percent_milli * measured.count();
}

// 12960 hundredths as "129.6 minutes": the reports count in minutes, with at most
// two decimals.
std::string minutes_words(std::int64_t hundredths) {
  std::string n = fmt::format("{}.{:02}", hundredths / 100, hundredths % 100);
  while (n.back() == '0') n.pop_back();
  if (n.back() == '.') n.pop_back();
  return fmt::format("{} minute{}", n, n == "1" ? "" : "s");
}

// The calendar period of `kind` that holds `month`.
struct Period {
  PeriodKind kind = PeriodKind::month;
  std::chrono::year_month first;
  std::chrono::months length{1};

  bool holds(std::chrono::year_month m) const { return first <= m && m < first + length; }
};

Period period_of(PeriodKind kind, std::chrono::year_month month) {
  switch (kind) {
    case PeriodKind::quarter: {
      const unsigned first = (static_cast<unsigned>(month.month()) - 1) / 3 * 3 + 1;
      return {kind, month.year() / std::chrono::month{first}, std::chrono::months{3}};
    }
    case PeriodKind::year:
      return {kind, month.year() / std::chrono::January, std::chrono::months{12}};
    case PeriodKind::month:
      break;
  }
  return {PeriodKind::month, month, std::chrono::months{1}};
}

std::string month_label(std::chrono::year_month m) {
  return fmt::format("{:04}-{:02}", static_cast<int>(m.year()), static_cast<unsigned>(m.month()));
}

// The time the figure is taken over: the period less excluded time, or the whole
// period when the contract says excluded time counts as available.
seconds measured_of(const ServiceMonth& r) {
  return r.uptime->excluded_time == ExcludedTime::counts_as_available ? r.total
                                                                      : r.total - r.excluded;
}

void judge_credit(ServiceMonth& r) {
  const Uptime& u = *r.uptime;
  if (!u.credits.empty()) {
    const seconds measured = measured_of(r), up = measured - r.downtime;
    // Of the tiers that apply, the one with the lowest threshold (docs/language.md).
    for (const auto& tier : u.credits)
      if (measured.count() > 0 && !at_least(up, measured, tier.below_milli) &&
          (!r.tier || tier.below_milli < r.tier->below_milli))
        r.tier = &tier;
    r.credit = r.tier ? CreditStatus::due : CreditStatus::none_due;
  } else {
    r.credit = u.credits_named ? CreditStatus::not_defined : CreditStatus::not_stated;
  }
}

// Problems with the times alone, whatever the package.
// An incident starting after as-of is no problem: it is simply not known yet, and
// the measured period (which ends at as-of) leaves it out.
std::string time_problem(const Incident& incident, std::optional<Instant> /*as_of*/) {
  if (incident.end && *incident.end < incident.start) return "it ends before it starts";

  return {};
}

ServiceMonth measure(const Model& model, const Package& package, const Uptime& u,
                     const CalendarInfo& calendar, std::span<const Incident> incidents,
                     const Period& period, std::optional<Instant> as_of) {
  const Calendar& cal = *calendar.calendar;
  const std::string_view word = name(period.kind);  // so a month's notes read as they always did
  ServiceMonth r;
  r.uptime = &u;
  r.period = period.kind;
  r.month = period.first;
  const date::year_month ym{date::year{static_cast<int>(period.first.year())},
                            date::month{static_cast<unsigned>(period.first.month())}};
  const date::local_days end_day{(ym + date::months{period.length.count()}) / 1};
  r.month_start = cal.to_instant(date::local_days{ym / 1});
  r.month_end = cal.to_instant(end_day);
  r.from = r.month_start;
  r.to = r.month_end;

  const auto effective = civil_date(model.contract.effective);
  const auto ends = civil_date(model.contract.ends);
  if (effective) {
    const Instant start = cal.to_instant(date::local_days{*effective});
    if (r.month_end <= start) {
      r.coverage = Coverage::before_contract;
      r.notes.push_back(
          fmt::format("the contract takes effect on {}, after this {}: nothing is measured",
                      model.contract.effective, word));
    } else if (start > r.from) {
      r.from = start;
      r.notes.push_back(
          fmt::format("partial {}: the contract takes effect on {}, so the period starts then",
                      word, model.contract.effective));
    }
  }
  if (ends && r.coverage == Coverage::full) {
    const Instant end = cal.to_instant(date::local_days{*ends} + date::days{1});
    if (r.month_start >= end) {
      r.coverage = Coverage::after_contract;
      r.notes.push_back(fmt::format(
          "the contract's last day in force was {}, before this {}: nothing is measured",
          model.contract.ends, word));
    } else if (end < r.to) {
      r.to = end;
      r.notes.push_back(
          fmt::format("partial {}: the contract's last day in force is {}, so the period ends then",
                      word, model.contract.ends));
    }
  }
  // Where the period ends once over: what a pending quarter or year is heading for.
  const Instant period_to = r.to;
  bool cut_by_as_of = false;
  if (r.coverage == Coverage::full && as_of) {
    if (*as_of <= r.from) {
      r.coverage = Coverage::not_started;
      r.notes.push_back("the period starts at or after the as-of instant: nothing to measure yet");
    } else if (*as_of < r.to) {
      r.to = *as_of;
      cut_by_as_of = true;
      if (period.kind == PeriodKind::month) {
        r.notes.push_back("the month is not over at the as-of instant: measured up to then");
      } else {
        const date::year_month_day last{end_day - date::days{1}};
        r.notes.push_back(fmt::format(
            "the {} is not over at the as-of instant: measured up to then, and pending until "
            "it ends on {:04}-{:02}-{:02}",
            word, static_cast<int>(last.year()), static_cast<unsigned>(last.month()),
            static_cast<unsigned>(last.day())));
      }
    }
  }
  if (r.coverage != Coverage::full) {
    r.from = r.to = r.month_start;
    r.status = r.coverage == Coverage::not_started ? UptimeStatus::not_started
                                                   : UptimeStatus::not_in_force;
    r.credit = CreditStatus::not_applicable;
    return r;
  }
  if (r.from != r.month_start || r.to != r.month_end) r.coverage = Coverage::partial;
  r.total = r.to - r.from;

  std::array<std::vector<Interval>, kExcludedCauses> excluded;
  std::vector<Interval> down, degraded;
  std::vector<Interval> spans;  // each outcome's part of the period
  for (std::size_t k = 0; k < incidents.size(); ++k) {
    const Incident& i = incidents[k];
    if (find_uptime(package, i.service) != &u || !time_problem(i, as_of).empty()) continue;
    // An incident with no end is still going on at the end of the period.
    const Instant from = std::max(i.start, r.from), to = std::min(i.end.value_or(r.to), r.to);
    if (to <= from) continue;
    Judged j = judge(i, u, calendar);
    r.incidents.push_back({k, j.treatment, to - from, seconds{0}, std::move(j.reason)});
    spans.emplace_back(from, to);
    if (j.treatment == Treatment::excluded)
      excluded[static_cast<std::size_t>(*j.cause)].emplace_back(from, to);
    else if (j.treatment == Treatment::downtime)
      down.emplace_back(from, to);
    else
      degraded.emplace_back(from, to);
  }
  // Excluded time wins over downtime; overlapping excluded causes are attributed
  // in the order of ExcludedCause, so every excluded second is counted once.
  std::vector<Interval> all_excluded;
  for (std::size_t c = 0; c < kExcludedCauses; ++c) {
    const auto own = subtract(unite(excluded[c]), all_excluded);
    r.excluded_by[c] = length(own);
    all_excluded = join(std::move(all_excluded), own);
  }
  r.excluded = length(all_excluded);
  const auto counted = subtract(unite(down), all_excluded);
  r.downtime = length(counted);
  r.degraded = length(subtract(unite(degraded), join(all_excluded, counted)));
  for (std::size_t k = 0; k < r.incidents.size(); ++k) {
    IncidentOutcome& o = r.incidents[k];
    if (o.treatment == Treatment::excluded) continue;
    o.overlaps_excluded = o.in_period - length(subtract({spans[k]}, all_excluded));
    if (o.overlaps_excluded.count())
      o.reason +=
          fmt::format(", except {} that excluded time also covers", span_text(o.overlaps_excluded));
  }

  const seconds measured = measured_of(r), up = measured - r.downtime;
  if (measured.count() > 0) {
    r.uptime_ppm = up.count() * 1000000 / measured.count();
  } else {
    r.uptime_ppm = 1000000;
    r.notes.push_back("the whole period is excluded: nothing counts against the target");
  }
  // A quarter or year not over yet earns no verdict: the months still to come
  // count as much as those measured. A month cut by as-of is judged as measured.
  const bool pending = cut_by_as_of && period.kind != PeriodKind::month;
  if (!u.target_milli)
    r.status = UptimeStatus::no_target;
  else if (pending)
    r.status = UptimeStatus::pending;
  else
    r.status = measured.count() == 0 || at_least(up, measured, *u.target_milli)
                   ? UptimeStatus::met
                   : UptimeStatus::breached;
  if (pending && !u.credits.empty())
    r.credit = CreditStatus::pending;
  else
    judge_credit(r);
  if (pending && u.target_milli) {
    // Later excluded time can only shrink the measured period, so this is the
    // most downtime the whole period can take and still meet the target.
    const std::int64_t most =
        (period_to - r.from -
         (u.excluded_time == ExcludedTime::counts_as_available ? seconds{0} : r.excluded))
            .count();
    const std::int64_t allowed_per_100000 = (100000 - *u.target_milli) * most;
    // In hundredths of a minute, rounded down: the allowance is never overstated.
    const std::int64_t allowed = allowed_per_100000 / 60000;
    const std::int64_t so_far = (r.downtime.count() * 100 + 30) / 60;
    if (r.downtime.count() * 100000 > allowed_per_100000)
      r.notes.push_back(
          fmt::format("the downtime so far ({}) already exceeds the {} the target allows over the "
                      "whole {}: it cannot be met",
                      minutes_words(so_far), minutes_words(allowed), word));
    else
      r.notes.push_back(
          fmt::format("downtime so far: {} of at most {} the target allows over the "
                      "whole {}",
                      minutes_words(so_far), minutes_words(allowed), word));
  }
  if (u.commitment == Commitment::best_effort)
    r.notes.push_back("best effort: the target is not a commitment, the status is for information");
  if (u.period.empty())
    r.notes.push_back("the contract states no measurement period; measured monthly here");
  return r;
}

}  // namespace

std::string_view name(IncidentCategory category) {
  static constexpr std::string_view names[] = {
      "outage", "degraded", "scheduled_maintenance", "third_party", "force_majeure", "other"};
  return names[static_cast<int>(category)];
}

std::optional<IncidentCategory> parse_incident_category(std::string_view text) {
  std::string canonical;
  for (char c : text) {
    if (c == ' ' || c == '-') c = '_';
    canonical += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  for (auto c : kIncidentCategories)
    if (name(c) == canonical) return c;
  return std::nullopt;
}

std::string_view name(ExcludedCause cause) {
  static constexpr std::string_view names[] = {"scheduled_maintenance", "third_party",
                                               "force_majeure", "other"};
  return names[static_cast<int>(cause)];
}

std::string_view name(Treatment treatment) {
  static constexpr std::string_view names[] = {"downtime", "excluded", "not_counted"};
  return names[static_cast<int>(treatment)];
}

std::string_view name(PeriodKind kind) {
  static constexpr std::string_view names[] = {"month", "quarter", "year"};
  return names[static_cast<int>(kind)];
}

PeriodKind period_kind(const Uptime& uptime) {
  if (uptime.period == "quarterly") return PeriodKind::quarter;
  if (uptime.period == "yearly") return PeriodKind::year;
  return PeriodKind::month;
}

std::string period_label(const ServiceMonth& report) {
  const auto year = static_cast<int>(report.month.year());
  switch (report.period) {
    case PeriodKind::quarter:
      return fmt::format("{:04}-Q{}", year, (static_cast<unsigned>(report.month.month()) + 2) / 3);
    case PeriodKind::year:
      return fmt::format("{:04}", year);
    case PeriodKind::month:
      break;
  }
  return month_label(report.month);
}

std::string_view name(Coverage coverage) {
  static constexpr std::string_view names[] = {"full", "partial", "before_contract",
                                               "after_contract", "not_started"};
  return names[static_cast<int>(coverage)];
}

std::string_view name(UptimeStatus status) {
  static constexpr std::string_view names[] = {"met",         "breached",  "not_in_force",
                                               "not_started", "no_target", "pending"};
  return names[static_cast<int>(status)];
}

std::string_view name(CreditStatus status) {
  static constexpr std::string_view names[] = {"due",        "none_due",       "not_defined",
                                               "not_stated", "not_applicable", "pending"};
  return names[static_cast<int>(status)];
}

const Uptime* find_uptime(const Package& package, std::string_view service) {
  for (const auto& u : package.uptime)
    if (u.service == service) return &u;
  for (const auto& u : package.uptime)
    if (iequals(u.service, service)) return &u;
  return nullptr;
}

std::string incident_problem(const Incident& incident, const Package& package,
                             std::optional<Instant> as_of) {
  if (auto why = time_problem(incident, as_of); !why.empty()) return why;
  if (find_uptime(package, incident.service)) return {};
  std::vector<std::string_view> services;
  for (const auto& u : package.uptime) services.push_back(u.service);
  const auto near = closest(incident.service, std::span<const std::string_view>(services));
  if (services.empty())
    return fmt::format("unknown service '{}': package '{}' states no uptime commitment",
                       incident.service, package.id);
  return fmt::format("unknown service '{}'{} (services with an uptime commitment under '{}': {})",
                     incident.service, near ? fmt::format("; did you mean '{}'?", *near) : "",
                     package.id, fmt::join(services, ", "));
}

std::vector<ServiceMonth> uptime_report(const Model& model, const Package& package,
                                        const CalendarInfo& calendar,
                                        std::span<const Incident> incidents,
                                        const UptimeQuery& query) {
  std::vector<ServiceMonth> out;
  if (!calendar.calendar) return out;
  // A quarter or year is reported once, however many of its months are asked for.
  std::vector<std::pair<const Uptime*, std::chrono::year_month>> reported;
  for (const auto month : query.months)
    for (const auto& u : package.uptime) {
      const Period period = period_of(period_kind(u), month);
      if (period.kind == PeriodKind::month) {
        out.push_back(measure(model, package, u, calendar, incidents, period, query.as_of));
        continue;
      }
      const std::pair key{&u, period.first};
      if (std::find(reported.begin(), reported.end(), key) != reported.end()) continue;
      reported.push_back(key);
      ServiceMonth r = measure(model, package, u, calendar, incidents, period, query.as_of);
      std::vector<std::chrono::year_month> asked;
      for (const auto m : query.months)
        if (period.holds(m)) asked.push_back(m);
      std::sort(asked.begin(), asked.end());
      asked.erase(std::unique(asked.begin(), asked.end()), asked.end());
      // Asking for February of a quarterly commitment must not read as February's verdict.
      if (static_cast<std::int64_t>(asked.size()) < period.length.count()) {
        std::vector<std::string> labels;
        for (const auto m : asked) labels.push_back(month_label(m));
        r.notes.push_back(fmt::format(
            "the months asked for ({}) are part of the {} {}: the contract measures this "
            "commitment {}, so the whole {} is reported",
            fmt::join(labels, ", "), name(period.kind), period_label(r), u.period,
            name(period.kind)));
      }
      out.push_back(std::move(r));
    }
  return out;
}

std::string credit_text(const ServiceMonth& r) {
  const Uptime& u = *r.uptime;
  switch (r.credit) {
    case CreditStatus::due:
      return fmt::format("{} of the fee for the period (uptime below {})",
                         percent(r.tier->credit_milli), percent(r.tier->below_milli));
    case CreditStatus::none_due:
      return "none due: the uptime is not below any credit tier";
    case CreditStatus::not_defined:
      return fmt::format(
          "the contract names service credits{} but defines no credit tiers, so no credit can "
          "be computed{}",
          u.credits_text.empty() ? "" : fmt::format(" (\"{}\")", u.credits_text),
          r.status == UptimeStatus::breached ? "; the target is breached" : "");
    case CreditStatus::not_stated:
      return "the contract states no service credits";
    case CreditStatus::pending:
      return fmt::format("pending: the {} is not over, so the credit tier is decided when it ends",
                         name(r.period));
    case CreditStatus::not_applicable:
      break;
  }
  return "not applicable: nothing was measured";
}

}  // namespace sla
