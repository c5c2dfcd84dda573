// `sla report`: how tickets created in a period fared against the contract, per
// package, priority and target: counts, compliance, times to respond and resolve,
// breaches and how late, a trend per week or month, the at-risk queue and the
// month's credits. A ComplianceTally takes evaluated rows one at a time in bounded
// memory (10,000,000 tickets fit in a few megabytes); finish() gives the report
// that the writers (JSON, CSV, Markdown, HTML) lay out.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "sla/evaluator.hpp"
#include "tools/compliance/duration_sample.hpp"
#include "tools/io/result_writer.hpp"

namespace sla::cli {

enum class TrendUnit { week, month };

struct ReportPeriod {
  date::local_days from, to;  // both included, in the package calendar's zone
  Instant start, end;         // [start, end): from's midnight to the midnight after `to`
  Instant as_of;
  TrendUnit trend = TrendUnit::week;
};

// Counts of one target's tickets (in a group, or in one trend bucket).
struct TargetCounts {
  std::size_t tickets = 0, met = 0, breached = 0, pending = 0, at_risk = 0;
  // met / (met + breached) in percent; none before any target was met or breached.
  std::optional<double> compliance_percent() const;
};

// Sums of durations, for what needs no quantile (how late breaches were).
struct DurationTotals {
  std::size_t count = 0;
  std::chrono::seconds sum{0}, max{0};
  void add(std::chrono::seconds d);
  std::optional<std::chrono::seconds> mean() const;
};

// One row of the report: a package's target for a priority (and attribute value).
struct ComplianceGroup {
  std::string package;    // the package's id
  std::string stated_in;  // the package or add-on whose clause it is
  std::string priority;   // the contract's spelling; empty: tickets without one
  TargetKind kind = TargetKind::response;
  std::string target;     // the clause's length: "4 business hours", "by end of next business day"
  std::string condition;  // "channel is \"phone\""; empty: every ticket of the priority
  Commitment commitment = Commitment::committed;
  bool business = false;  // the target counts open time
  TargetCounts counts;
  // Creation to response (resolution, restoration) of the tickets that got one by
  // the as-of, pauses taken out: in open time of the target's calendar, and in all
  // time. None for updates.
  DurationSample business_time, calendar_time;
  // How late the breaches were, in calendar time: from the due time to the response
  // (resolution, restoration), or to the as-of for those still awaited; for updates,
  // how much the longest gap between updates exceeded the period.
  DurationTotals over_target;
  // Per trend bucket (its first day), the counts of the tickets created in it.
  std::map<date::local_days, TargetCounts> trend;
};

struct ReportTicket {  // a ticket named in the report: a breach, the queue, an error
  std::size_t row = 0, line = 0;
  std::string id, priority;
  TargetKind kind = TargetKind::response;
  std::string due, done;         // RFC 3339 in the package calendar's zone; empty: none
  std::chrono::seconds over{0};  // a breach: how late (calendar time); the queue: time left
  double elapsed_percent = 0;    // the queue: the share of the target's time elapsed
  std::string error;             // an error row: why
};

struct MonthCredits {  // ticket credits of the breaches that fell due in one month
  date::year_month month;
  std::size_t breaches = 0;                     // breaches that earn a credit
  std::int64_t sum_milli = 0, total_milli = 0;  // thousandths of a percent of the month's fee
  std::optional<std::int64_t> cap_milli;
};

struct DeskDisagreement {  // the help desk's own figure differs from the contract's
  std::size_t row = 0;
  std::string id;
  TargetKind kind = TargetKind::response;
  std::chrono::seconds desk{0}, contract{0};  // elapsed open time, each as its side counts it
};

struct ComplianceReport {
  std::string contract, package, package_title;
  std::vector<std::string> addons;
  std::string zone;  // the package calendar's zone
  ReportPeriod period;
  std::string as_of;     // the period's as-of in RFC 3339, in the zone
  std::size_t rows = 0;  // every input row
  // Tickets created before or after the period, or after the as-of (not known yet).
  std::size_t outside_period = 0;
  std::size_t errors = 0;                 // rows that could not be evaluated: counted apart
  std::vector<ReportTicket> error_rows;   // the first kListed of them
  std::vector<ComplianceGroup> groups;    // by priority (highest first), then kind
  std::vector<date::local_days> buckets;  // every trend bucket of the period, in order
  std::vector<ReportTicket> worst;        // the latest breaches, latest first (kListed)
  std::size_t at_risk = 0;                // pending targets past a warning
  std::vector<ReportTicket> queue;        // at-risk targets, least time left first (kListed)
  // Per month of the period with a credited breach, when the package grants ticket
  // credits: every breach that fell due in the month counts, whenever its ticket was
  // created (as `sla credits`).
  std::vector<MonthCredits> credits;
  bool has_credit_rules = false;
  std::size_t desk_compared = 0;                // tickets with a desk figure
  std::vector<DeskDisagreement> disagreements;  // the first kListed
  std::size_t disagreements_unlisted = 0;       // and how many more

  static constexpr std::size_t kListed = 20;
};

class ComplianceTally {
 public:
  ComplianceTally(const Evaluator& evaluator, ReportPeriod period, std::string contract,
                  std::vector<std::string> addons);
  // One input row, evaluated as of the period's as-of (ignored when the row has an error).
  void add(const ResultRow& row, const Evaluation& evaluation);
  ComplianceReport finish();

 private:
  using GroupKey = std::tuple<int, TargetKind, const Target*>;  // priority rank (-1: none)
  ComplianceGroup& group(const Evaluation& evaluation, const TargetOutcome& outcome);
  void count(const ResultRow& row, const Evaluation& evaluation, const TargetOutcome& outcome,
             std::size_t kind, std::optional<Instant> done, date::local_days bucket);
  void credit(const Evaluation& evaluation);
  void compare_with_desk(const ResultRow& row, const Evaluation& evaluation);
  ReportTicket listed(const ResultRow& row, const Evaluation* evaluation) const;
  std::string time_text(std::optional<Instant> t) const;

  const Evaluator& evaluator_;
  ComplianceReport report_;
  std::map<GroupKey, std::size_t> group_at_;
  // The kListed latest breaches and least-time-left queue entries seen so far,
  // kept as heaps whose top is the first to drop.
  std::vector<ReportTicket> worst_, queue_;
  std::map<date::year_month, MonthCredits> credits_;
};

// `percent` rounded down to `decimals` places: 99.996 % with a breach must not read
// as 100 %. A tiny epsilon keeps 97.5 (stored as 97.4999...) from reading as 97.4.
double round_down(double percent, int decimals);

// The trend bucket of a local day: the Monday of its week, or the first of its month.
date::local_days trend_bucket(date::local_days day, TrendUnit unit);
// The first day of the bucket after the one starting on `bucket`.
date::local_days next_bucket(date::local_days bucket, TrendUnit unit);

}  // namespace sla::cli
