// ComplianceReports built by hand for the writers' tests and the browser test: a
// month of a support desk's tickets (four priorities, responses and resolutions,
// breaches, a queue, credits, the desk's own figures), with every figure fixed, so
// that the writers are tested apart from the tally.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "tools/compliance/compliance.hpp"

namespace sla::cli::test {

using namespace std::chrono_literals;

inline date::local_days day(int y, unsigned m, unsigned d) {
  return date::local_days{date::year{y} / date::month{m} / date::day{d}};
}

// An instant given as local time in UTC+07:00 (Asia/Jakarta keeps it all year).
inline Instant jakarta(date::local_days d, int hour, int minute = 0) {
  return Instant{(d - date::local_days{}) + std::chrono::hours(hour - 7) +
                 std::chrono::minutes(minute)};
}

// An empty report of January 2026 for package "premium", weekly, as of 2 February.
inline ComplianceReport empty_report() {
  ComplianceReport r;
  r.contract = "contracts/qiscus-enterprise.sla";
  r.package = "premium";
  r.package_title = "Premium";
  r.addons = {"resolution"};
  r.zone = "Asia/Jakarta";
  r.period.from = day(2026, 1, 1);
  r.period.to = day(2026, 1, 31);
  r.period.start = jakarta(r.period.from, 0);
  r.period.end = jakarta(r.period.to + date::days(1), 0);
  r.period.as_of = jakarta(day(2026, 2, 2), 9, 30);
  r.period.trend = TrendUnit::week;
  r.as_of = "2026-02-02T09:30:00+07:00";
  for (auto b = day(2025, 12, 29); b <= r.period.to; b += date::days(7)) r.buckets.push_back(b);
  return r;
}

// A small deterministic spread of durations around `typical` (no <random>: the same
// numbers on every standard library).
template <typename Sample>
inline void fill(Sample& s, std::size_t n, std::chrono::seconds typical, std::uint32_t seed) {
  std::uint32_t x = seed * 2654435761u + 1;
  for (std::size_t i = 0; i < n; ++i) {
    x = x * 1664525u + 1013904223u;
    const auto spread = static_cast<std::int64_t>(x >> 8) % (typical.count() + 1);
    s.add(std::chrono::seconds(typical.count() / 3 + spread));
  }
}

// A group whose tickets spread over the buckets as `per_bucket` (met, breached,
// pending, at risk each: an open target is pending or at risk, as the tally counts
// them); its totals are their sums.
struct BucketCounts {
  std::size_t met, breached, pending, at_risk = 0;
};

inline ComplianceGroup group(const ComplianceReport& r, std::string priority, TargetKind kind,
                             std::string target, bool business,
                             const std::vector<BucketCounts>& per_bucket,
                             std::chrono::seconds typical, std::uint32_t seed) {
  ComplianceGroup g;
  g.package = r.package;
  g.priority = std::move(priority);
  g.kind = kind;
  g.target = std::move(target);
  g.business = business;
  for (std::size_t i = 0; i < per_bucket.size() && i < r.buckets.size(); ++i) {
    const auto& b = per_bucket[i];
    TargetCounts c;
    c.met = b.met;
    c.breached = b.breached;
    c.pending = b.pending;
    c.at_risk = b.at_risk;
    c.tickets = b.met + b.breached + b.pending + b.at_risk;
    g.trend[r.buckets[i]] = c;
    g.counts.tickets += c.tickets;
    g.counts.met += c.met;
    g.counts.breached += c.breached;
    g.counts.pending += c.pending;
    g.counts.at_risk += c.at_risk;
  }
  const std::size_t done = g.counts.met + g.counts.breached;
  fill(g.business_time, done, typical, seed);
  fill(g.calendar_time, done, typical * 3, seed + 1);
  fill(g.over_target, g.counts.breached, typical / 2, seed + 2);
  return g;
}

inline ReportTicket ticket(std::size_t row, std::string id, std::string priority, TargetKind kind,
                           std::string due, std::string done, std::chrono::seconds over) {
  ReportTicket t;
  t.row = row;
  t.line = row + 1;
  t.id = std::move(id);
  t.priority = std::move(priority);
  t.kind = kind;
  t.due = std::move(due);
  t.done = std::move(done);
  t.over = over;
  return t;
}

// January 2026 at a desk of four priorities: breaches, an at-risk queue, two error
// rows, credits and the desk's own figures.
inline ComplianceReport sample_report() {
  ComplianceReport r = empty_report();
  using K = TargetKind;
  r.groups.push_back(group(r, "Critical", K::response, "1 business hour", true,
                           {{3, 0, 0}, {5, 1, 0}, {4, 0, 0}, {6, 1, 0}, {3, 0, 1, 1}}, 40min, 1));
  r.groups.push_back(group(r, "Critical", K::resolution, "8 business hours", true,
                           {{3, 0, 0}, {4, 2, 0}, {3, 1, 0}, {5, 1, 1}, {2, 0, 2, 1}}, 6h, 2));
  r.groups.push_back(group(r, "High", K::response, "2 business hours", true,
                           {{8, 0, 0}, {12, 1, 0}, {11, 0, 0}, {14, 2, 0}, {9, 0, 2, 1}}, 80min,
                           3));
  r.groups.push_back(group(r, "High", K::resolution, "24 hours", false,
                           {{7, 1, 0}, {11, 2, 0}, {10, 1, 0}, {13, 2, 1}, {6, 1, 3, 2}}, 20h, 4));
  r.groups.push_back(group(r, "Normal", K::response, "4 business hours", true,
                           {{20, 1, 0}, {31, 2, 0}, {29, 1, 0}, {33, 3, 0}, {22, 1, 3}}, 3h, 5));
  r.groups.push_back(group(r, "Normal", K::resolution, "72 hours", false,
                           {{19, 2, 0}, {30, 3, 0}, {28, 2, 0}, {30, 4, 2}, {15, 1, 8, 2}}, 50h,
                           6));
  r.groups.push_back(group(r, "Low", K::response, "8 business hours", true,
                           {{10, 0, 0}, {14, 0, 0}, {12, 1, 0}, {15, 0, 0}, {11, 0, 1}}, 5h, 7));
  r.groups.push_back(group(r, "Low", K::resolution, "720 hours", false,
                           {{10, 0, 0}, {13, 0, 1}, {12, 0, 1}, {12, 0, 3}, {4, 0, 8}}, 200h, 8));
  r.rows = 306;  // 295 reported, 9 outside the period, 2 errors
  r.outside_period = 9;
  r.errors = 2;
  r.error_rows = {ticket(57, "QS-1057", "Urgent", K::response, "", "", 0s),
                  ticket(211, "QS-1211", "", K::response, "", "", 0s)};
  r.error_rows[0].error = "unknown priority 'Urgent' (known: Low, Normal, High, Critical)";
  r.error_rows[1].error = "created_at: no offset in \"2026-01-19 10:00\"";
  r.worst = {
      ticket(301, "QS-1301", "Normal", K::resolution, "2026-01-20T17:00:00+07:00",
             "2026-01-27T11:00:00+07:00", 162h),
      ticket(188, "QS-1188", "High", K::resolution, "2026-01-13T10:00:00+07:00",
             "2026-01-16T15:30:00+07:00", 77h + 30min),
      ticket(355, "QS-1355", "Critical", K::resolution, "2026-01-28T16:00:00+07:00", "", 26h),
      ticket(140, "QS-1140", "Critical", K::response, "2026-01-09T10:00:00+07:00",
             "2026-01-09T12:15:00+07:00", 2h + 15min),
  };
  r.at_risk = 7;
  r.queue = {
      ticket(398, "QS-1398", "Critical", K::resolution, "2026-02-02T11:00:00+07:00", "", 90min),
      ticket(401, "QS-1401", "High", K::resolution, "2026-02-02T16:45:00+07:00", "", 7h + 15min),
      ticket(380, "QS-1380", "Normal", K::resolution, "2026-02-03T09:00:00+07:00", "", 23h + 30min),
  };
  r.queue[0].elapsed_percent = 81.25;
  r.queue[1].elapsed_percent = 69.8;
  r.queue[2].elapsed_percent = 67.36;
  r.has_credit_rules = true;
  MonthCredits jan;
  jan.month = date::year{2026} / date::month{1};
  jan.breaches = 7;
  jan.sum_milli = 27500;
  jan.cap_milli = 25000;
  jan.total_milli = 25000;
  r.credits = {jan};
  r.desk_compared = 120;
  DeskDisagreement d;
  d.row = 188;
  d.id = "QS-1188";
  d.kind = K::resolution;
  d.desk = 20h;
  d.contract = 24h + 30min;
  r.disagreements = {d};
  return r;
}

}  // namespace sla::cli::test
