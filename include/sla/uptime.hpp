// Uptime of the services a package commits to, computed from incidents, over the
// period each commitment is measured by (a month, a calendar quarter or a year).
// Pure and self-contained: plain incidents in, one report per period and service
// out; reading incident files and writing text, CSV or JSON belong to the tools.
// The rules (period boundaries, exclusions, overlaps, partial periods, credits)
// are in docs/semantics.md, "Uptime"; tests/uptime/ checks each of them.
#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "sla/export.hpp"
#include "sla/model.hpp"

namespace sla {

enum class IncidentCategory {
  outage,
  degraded,
  scheduled_maintenance,
  third_party,
  force_majeure,
  other,
};
inline constexpr std::array kIncidentCategories{IncidentCategory::outage,
                                                IncidentCategory::degraded,
                                                IncidentCategory::scheduled_maintenance,
                                                IncidentCategory::third_party,
                                                IncidentCategory::force_majeure,
                                                IncidentCategory::other};

// "outage", "scheduled_maintenance", ...
SLA_API std::string_view name(IncidentCategory category);
// Accepts any case, and spaces or hyphens for the underscores ("Scheduled maintenance").
SLA_API std::optional<IncidentCategory> parse_incident_category(std::string_view text);

struct Incident {
  std::string id;
  std::string service;  // matched to the contract's service names without regard to case
  Instant start;
  std::optional<Instant> end;  // none: still going on
  IncidentCategory category = IncidentCategory::outage;
  std::optional<Instant> announced_at;  // when scheduled maintenance was announced
};

// The excluded causes a contract can state, in the order excluded minutes are
// attributed when excluded incidents of different causes overlap.
enum class ExcludedCause { scheduled_maintenance, third_party, force_majeure, other };
inline constexpr std::size_t kExcludedCauses = 4;
SLA_API std::string_view name(ExcludedCause cause);

// How one incident counts in one period.
enum class Treatment {
  downtime,     // counts against the target
  excluded,     // removed from the measured period
  not_counted,  // degraded service: reported, neither downtime nor excluded
};
SLA_API std::string_view name(Treatment treatment);

struct IncidentOutcome {
  std::size_t index = 0;  // into the incidents given
  Treatment treatment = Treatment::downtime;
  std::chrono::seconds in_period{0};  // its length within the measured period
  // Of that, the time an excluded incident also covers (excluded time wins, so a
  // downtime or degraded incident does not count it).
  std::chrono::seconds overlaps_excluded{0};
  std::string reason;  // why it was treated so, in words
};

// The span a commitment is judged over, from its `measured` clause: a calendar
// month (also when no period is stated), a calendar quarter (Jan-Mar, Apr-Jun,
// Jul-Sep, Oct-Dec) or a calendar year.
enum class PeriodKind { month, quarter, year };
SLA_API std::string_view name(PeriodKind kind);  // "month", "quarter", "year"
SLA_API PeriodKind period_kind(const Uptime& uptime);

enum class Coverage {
  full,             // the whole period is measured
  partial,          // the contract starts or ends within it, or --as-of falls in it
  before_contract,  // the period ends before the contract takes effect
  after_contract,   // the period starts after the contract's last day
  not_started,      // the period starts at or after the as-of instant
};
SLA_API std::string_view name(Coverage coverage);

// pending: a quarter or year that is not over at the as-of instant. Its figure is
// the uptime so far; the verdict and the credit wait for its end, because a bad
// month can still be made up. A month cut by as-of is judged on what was measured:
// a month is its own period.
enum class UptimeStatus { met, breached, not_in_force, not_started, no_target, pending };
SLA_API std::string_view name(UptimeStatus status);

enum class CreditStatus {
  due,             // a tier applies: `credit_milli` is the credit
  none_due,        // tiers are defined and none applies
  not_defined,     // the contract names service credits but defines no tiers
  not_stated,      // the contract says nothing of service credits
  not_applicable,  // nothing was measured (outside the contract, not started)
  pending,         // tiers are defined, and the period (UptimeStatus::pending) is not over
};
SLA_API std::string_view name(CreditStatus status);

// One service over one period. The name is historical: a commitment measured
// quarterly or yearly gets one report per quarter or year, not per month.
struct ServiceMonth {
  // The commitment, inside the package given to uptime_report(): valid while it lives.
  const Uptime* uptime = nullptr;
  PeriodKind period = PeriodKind::month;
  std::chrono::year_month month;   // the period's first month
  Instant month_start, month_end;  // the period's bounds: local midnights in the calendar's zone
  Instant from, to;                // the measured period: the period within the contract, to as-of
  Coverage coverage = Coverage::full;

  std::chrono::seconds total{0};     // to - from
  std::chrono::seconds excluded{0};  // the union of excluded incidents
  std::array<std::chrono::seconds, kExcludedCauses> excluded_by{};  // sums to `excluded`
  std::chrono::seconds downtime{0};  // the union of downtime incidents, less excluded time
  std::chrono::seconds degraded{0};  // degraded time that is neither excluded nor downtime

  // (total - excluded - downtime) / (total - excluded) in millionths, rounded down
  // (993249 is 99.3249 %); none when nothing was measured.
  std::optional<std::int64_t> uptime_ppm;
  UptimeStatus status = UptimeStatus::not_in_force;
  CreditStatus credit = CreditStatus::not_applicable;
  const CreditTier* tier = nullptr;  // with CreditStatus::due

  std::vector<IncidentOutcome> incidents;  // those overlapping the measured period, in input order
  std::vector<std::string> notes;          // what a reader must know about this figure
};

// "2026-01" for a month, "2026-Q1" for a quarter, "2026" for a year.
SLA_API std::string period_label(const ServiceMonth& report);

struct UptimeQuery {
  // The months asked for. A commitment measured quarterly or yearly is reported
  // once for each quarter or year these touch, over the whole of it.
  std::vector<std::chrono::year_month> months;
  // The periods end here when it falls before their end; ongoing incidents end
  // here too. None: every period is measured to its end.
  std::optional<Instant> as_of;
};

// The uptime commitment of `package` for `service` (case-insensitive), if any.
SLA_API const Uptime* find_uptime(const Package& package, std::string_view service);

// Why `incident` cannot be counted under `package` ("unknown service 'Chat'"...),
// or "" when it can. The tools report these per input row.
SLA_API std::string incident_problem(const Incident& incident, const Package& package,
                                     std::optional<Instant> as_of);

// One report per month (in the order given) and service (in the package's order);
// for a commitment measured quarterly or yearly, one per quarter or year, in the
// place of the first month asked for in it. `package` is a selection (select())
// and `calendar` its calendar, whose zone sets the period boundaries. Incidents
// for which incident_problem() says something are left out: the caller reports
// them.
SLA_API std::vector<ServiceMonth> uptime_report(const Model& model, const Package& package,
                                                const CalendarInfo& calendar,
                                                std::span<const Incident> incidents,
                                                const UptimeQuery& query);

// The service credit of one report in words: "10 % of the fee for the period
// (uptime below 99 %)", or why there is none ("the contract names service credits
// but defines no credit tiers ...").
SLA_API std::string credit_text(const ServiceMonth& report);

}  // namespace sla
