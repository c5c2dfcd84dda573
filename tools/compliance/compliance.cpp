#include "tools/compliance/compliance.hpp"

#include <algorithm>
#include <cmath>

#include "interpreter/time/calendar.hpp"
#include "sla/credits.hpp"
#include "sla/timestamp.hpp"

namespace sla::cli {

namespace {

// The tickets a report names when a help desk's figure and the contract's differ
// by more than this: the desks count in whole minutes.
constexpr std::chrono::seconds kDeskTolerance{60};

// Heap orders: the top is the entry to drop first; ties go by row, the first kept.
bool later_breach_first(const ReportTicket& a, const ReportTicket& b) {
  return a.over != b.over ? a.over > b.over : a.row < b.row;  // top: the least late
}
bool least_left_first(const ReportTicket& a, const ReportTicket& b) {
  return a.over != b.over ? a.over < b.over : a.row < b.row;  // top: the most time left
}

}  // namespace

void DurationTotals::add(std::chrono::seconds d) {
  d = std::max(d, std::chrono::seconds(0));
  ++count;
  sum += d;
  max = std::max(max, d);
}

std::optional<std::chrono::seconds> DurationTotals::mean() const {
  if (count == 0) return std::nullopt;
  return sum / static_cast<std::int64_t>(count);
}

std::optional<double> TargetCounts::compliance_percent() const {
  if (met + breached == 0) return std::nullopt;
  return 100.0 * static_cast<double>(met) / static_cast<double>(met + breached);
}

double round_down(double percent, int decimals) {
  const double scale = std::pow(10.0, decimals);
  return std::floor(percent * scale + 1e-6) / scale;
}

date::local_days trend_bucket(date::local_days day, TrendUnit unit) {
  if (unit == TrendUnit::week) {
    const date::weekday wd{day};
    return day - date::days{(wd.iso_encoding() - 1)};
  }
  const date::year_month_day ymd{day};
  return date::local_days{ymd.year() / ymd.month() / 1};
}

date::local_days next_bucket(date::local_days bucket, TrendUnit unit) {
  if (unit == TrendUnit::week) return bucket + date::days{7};
  const date::year_month_day ymd{bucket};
  return date::local_days{(ymd.year() / ymd.month() + date::months{1}) / 1};
}

ComplianceTally::ComplianceTally(const Evaluator& evaluator, ReportPeriod period,
                                 std::string contract, std::vector<std::string> addons)
    : evaluator_(evaluator) {
  report_.contract = std::move(contract);
  report_.package = evaluator.package().id;
  report_.package_title = evaluator.package().title;
  report_.addons = std::move(addons);
  report_.zone = evaluator.calendar_info().zone;
  report_.period = period;
  report_.as_of = time_text(period.as_of);
  report_.has_credit_rules = !evaluator.package().ticket_credits.empty();
}

std::string ComplianceTally::time_text(std::optional<Instant> t) const {
  if (!t) return {};
  return format_instant(*t, evaluator_.utc_offset(*t));
}

ReportTicket ComplianceTally::listed(const ResultRow& row, const Evaluation* ev) const {
  ReportTicket t;
  t.row = row.number;
  t.line = row.line;
  t.id = std::string(row.id);
  t.priority = ev && ev->priority ? ev->priority->name : std::string(row.priority);
  return t;
}

ComplianceGroup& ComplianceTally::group(const Evaluation& ev, const TargetOutcome& o) {
  const int rank = ev.priority ? ev.priority->rank : -1;
  const GroupKey key{rank, o.target->kind, o.target};
  auto [it, fresh] = group_at_.try_emplace(key, report_.groups.size());
  if (!fresh) return report_.groups[it->second];
  ComplianceGroup& g = report_.groups.emplace_back();
  const Target& t = *o.target;
  g.package = report_.package;
  g.stated_in = t.origin.empty() ? report_.package : t.origin;
  g.priority = ev.priority ? ev.priority->name : "";
  g.kind = t.kind;
  g.target = t.by ? t.by->text : t.within.text;
  g.condition = t.where ? t.where->text() : "";
  g.commitment = t.commitment;
  g.business = t.within.business || t.by.has_value();
  return g;
}

void ComplianceTally::add(const ResultRow& row, const Evaluation& ev) {
  ++report_.rows;
  const ReportPeriod& p = report_.period;
  // A ticket created after the as-of is not known yet; one whose creation could not
  // be read is an error, wherever it belongs.
  if (row.created && (*row.created < p.start || *row.created >= p.end || *row.created > p.as_of)) {
    ++report_.outside_period;
    // A breach falls in the month it fell due, whenever the ticket was raised.
    if (report_.has_credit_rules && row.error.empty()) credit(ev);
    return;
  }
  if (!row.error.empty()) {
    ++report_.errors;
    if (report_.error_rows.size() < ComplianceReport::kListed) {
      ReportTicket t = listed(row, nullptr);
      t.error = row.error;
      report_.error_rows.push_back(std::move(t));
    }
    return;
  }
  const date::local_days day =
      date::floor<date::days>(evaluator_.calendar().to_local(*row.created));
  const date::local_days bucket = trend_bucket(day, p.trend);
  count(row, ev, ev.response, 0, row.responded, bucket);
  count(row, ev, ev.resolution, 1, row.resolved, bucket);
  count(row, ev, ev.update, 2, row.resolved, bucket);  // done: when it closed
  count(row, ev, ev.restoration, 3, row.restored ? row.restored : row.resolved, bucket);
  if (report_.has_credit_rules) credit(ev);
  if (row.desk_response || row.desk_resolution) compare_with_desk(row, ev);
}

void ComplianceTally::count(const ResultRow& row, const Evaluation& ev, const TargetOutcome& o,
                            std::size_t kind, std::optional<Instant> done,
                            date::local_days bucket) {
  if (!o.target || o.verdict == Verdict::no_target) return;
  ComplianceGroup& g = group(ev, o);
  for (TargetCounts* c : {&g.counts, &g.trend[bucket]}) {
    ++c->tickets;
    switch (o.verdict) {
      case Verdict::met:
        ++c->met;
        break;
      case Verdict::breached:
        ++c->breached;
        break;
      default:
        ++(o.at_risk ? c->at_risk : c->pending);
        break;
    }
  }
  const Instant as_of = report_.period.as_of;
  if (done && *done > as_of) done.reset();  // not known as of the report
  if (row.business_taken[kind]) g.business_time.add(*row.business_taken[kind]);
  if (row.calendar_taken[kind]) g.calendar_time.add(*row.calendar_taken[kind]);
  std::optional<std::chrono::seconds> over;
  if (o.verdict == Verdict::breached && g.kind == TargetKind::update) {
    const auto length = to_seconds(o.target->within, evaluator_.calendar_of(*o.target));
    if (ev.update_worst_gap && length) over = *ev.update_worst_gap - *length;
  } else if (o.verdict == Verdict::breached && o.due) {
    over = (done ? *done : as_of) - *o.due;
  }
  if (over) {
    g.over_target.add(*over);
    if (worst_.size() < ComplianceReport::kListed || *over > worst_.front().over) {
      ReportTicket t = listed(row, &ev);
      t.kind = g.kind;
      t.due = time_text(o.due);
      t.done = time_text(done);
      t.over = *over;
      worst_.push_back(std::move(t));
      std::push_heap(worst_.begin(), worst_.end(), later_breach_first);
      if (worst_.size() > ComplianceReport::kListed) {
        std::pop_heap(worst_.begin(), worst_.end(), later_breach_first);
        worst_.pop_back();
      }
    }
  }
  if (o.verdict == Verdict::pending && o.at_risk && o.left) {
    ++report_.at_risk;
    if (queue_.size() < ComplianceReport::kListed || *o.left < queue_.front().over) {
      ReportTicket t = listed(row, &ev);
      t.kind = g.kind;
      t.due = time_text(o.due);
      t.over = *o.left;
      const auto total = *o.left + o.elapsed.value_or(std::chrono::seconds(0));
      t.elapsed_percent = total.count() > 0
                              ? 100.0 * static_cast<double>(total.count() - o.left->count()) /
                                    static_cast<double>(total.count())
                              : 100.0;
      queue_.push_back(std::move(t));
      std::push_heap(queue_.begin(), queue_.end(), least_left_first);
      if (queue_.size() > ComplianceReport::kListed) {
        std::pop_heap(queue_.begin(), queue_.end(), least_left_first);
        queue_.pop_back();
      }
    }
  }
}

// A breach's credit belongs to the month its target fell due in (docs/semantics.md).
void ComplianceTally::credit(const Evaluation& ev) {
  const bool breached =
      ev.response.verdict == Verdict::breached || ev.resolution.verdict == Verdict::breached ||
      ev.update.verdict == Verdict::breached || ev.restoration.verdict == Verdict::breached;
  if (!breached) return;
  for (const auto& earned :
       ticket_credits(evaluator_.package(), ev, Instant::min(), Instant::max())) {
    const date::year_month_day ymd{
        date::floor<date::days>(evaluator_.calendar().to_local(earned.due))};
    const date::year_month_day from{report_.period.from}, to{report_.period.to};
    if (ymd.year() / ymd.month() < from.year() / from.month() ||
        ymd.year() / ymd.month() > to.year() / to.month())
      continue;  // another month's statement
    auto& month = credits_[ymd.year() / ymd.month()];
    month.month = ymd.year() / ymd.month();
    ++month.breaches;
    month.sum_milli += earned.percent_milli;
  }
}

void ComplianceTally::compare_with_desk(const ResultRow& row, const Evaluation& ev) {
  ++report_.desk_compared;
  auto compare = [&](const TargetOutcome& o, std::optional<std::chrono::seconds> desk,
                     std::optional<Instant> done) {
    if (!desk || !o.target || !done || *done > report_.period.as_of) return;
    const Calendar& cal = *evaluator_.calendar_of(*o.target).calendar;
    // Desks count their business minutes without pauses: so does the comparison.
    const auto contract = cal.between(*row.created, *done);
    if (std::chrono::abs(contract - *desk) <= kDeskTolerance) return;
    if (report_.disagreements.size() >= ComplianceReport::kListed) {
      ++report_.disagreements_unlisted;
      return;
    }
    report_.disagreements.push_back(
        {row.number, std::string(row.id), o.target->kind, *desk, contract});
  };
  compare(ev.response, row.desk_response, row.responded);
  compare(ev.resolution, row.desk_resolution, row.resolved);
}

ComplianceReport ComplianceTally::finish() {
  // Highest priority first (tickets without one last), then response, resolution, ...
  std::vector<std::pair<GroupKey, std::size_t>> order(group_at_.begin(), group_at_.end());
  std::stable_sort(order.begin(), order.end(), [](const auto& a, const auto& b) {
    const auto& [ra, ka, ta] = a.first;
    const auto& [rb, kb, tb] = b.first;
    if (ra != rb) return ra > rb;
    if (ka != kb) return ka < kb;
    return a.second < b.second;  // the order the targets were first met
  });
  std::vector<ComplianceGroup> groups;
  groups.reserve(order.size());
  for (const auto& [key, index] : order) groups.push_back(std::move(report_.groups[index]));
  report_.groups = std::move(groups);
  group_at_.clear();

  const ReportPeriod& p = report_.period;
  for (auto b = trend_bucket(p.from, p.trend); b <= p.to; b = next_bucket(b, p.trend))
    report_.buckets.push_back(b);
  std::sort_heap(worst_.begin(), worst_.end(), later_breach_first);
  report_.worst = std::move(worst_);
  std::sort_heap(queue_.begin(), queue_.end(), least_left_first);
  report_.queue = std::move(queue_);
  for (auto& [month, c] : credits_) {
    const MonthCredit m = month_credit(evaluator_.package(), c.sum_milli);
    c.total_milli = m.total_milli;
    c.cap_milli = m.cap_milli;
    report_.credits.push_back(c);
  }
  return std::move(report_);
}

}  // namespace sla::cli
