#include "tools/reports/credit_report.hpp"

#include <fmt/format.h>

#include "interpreter/time/calendar.hpp"
#include "sla/timestamp.hpp"
#include "tools/console/plural.hpp"
#include "tools/reports/model_json.hpp"
#include "tools/reports/uptime_output.hpp"

namespace sla::cli {

namespace {

using json = nlohmann::ordered_json;

std::string when(Instant t, const Calendar& calendar) {
  return format_instant(t, calendar.utc_offset(t));
}

json percent_json(std::int64_t milli) {
  if (milli % 1000 == 0) return milli / 1000;
  return static_cast<double>(milli) / 1000.0;
}

}  // namespace

std::string credit_text(const CreditStatement& s, const Calendar& calendar) {
  std::string out = fmt::format("Service credits, {} (package {}), {} to {}\n", s.month, s.package,
                                when(s.from, calendar), when(s.to, calendar));
  if (s.as_of < s.to)
    out += fmt::format("  as of {}: the month is not over, later breaches are not counted\n",
                       when(s.as_of, calendar));
  out += fmt::format("Tickets: {} earned a credit\n", plural(s.tickets.size(), "missed target"));
  for (const auto& t : s.tickets)
    out += fmt::format("  {} {}: {} breached (due {}{}): {}\n", t.id,
                       t.priority.empty() ? "(no priority)" : t.priority, name(t.credit.kind),
                       when(t.credit.due, calendar),
                       t.done ? fmt::format(", done {}", when(*t.done, calendar)) : "",
                       percent_text(t.credit.percent_milli));
  if (!s.uptime.empty() || !s.pending.empty()) out += "Uptime:\n";
  for (const auto& u : s.uptime)
    out += fmt::format("  {}, {}: {} uptime: {}\n", u.service, u.period,
                       u.uptime_ppm ? ppm_percent_text(*u.uptime_ppm) + " %" : "no",
                       percent_text(u.percent_milli));
  for (const auto& p : s.pending) out += fmt::format("  {}\n", p);
  out += fmt::format("Sum: {}", percent_text(s.total.sum_milli));
  if (s.total.cap_milli)
    out += fmt::format("; the contract caps credits at {} per month",
                       percent_text(*s.total.cap_milli));
  out += fmt::format("\nTotal: {} of the month's fee{}\n", percent_text(s.total.total_milli),
                     s.total.capped() ? " (capped)" : "");
  if (s.ticket_errors || s.incident_errors)
    out += fmt::format("Not counted: {} with errors (listed on standard error)\n",
                       plural(s.ticket_errors + s.incident_errors, "row"));
  return out;
}

json credit_json(const CreditStatement& s, const Calendar& calendar) {
  json tickets = json::array();
  for (const auto& t : s.tickets)
    tickets.push_back({{"id", t.id},
                       {"priority", t.priority.empty() ? json() : json(t.priority)},
                       {"target", name(t.credit.kind)},
                       {"due", when(t.credit.due, calendar)},
                       {"done", t.done ? json(when(*t.done, calendar)) : json()},
                       {"percent", percent_json(t.credit.percent_milli)}});
  json uptime = json::array();
  for (const auto& u : s.uptime)
    uptime.push_back({{"service", u.service},
                      {"period", u.period},
                      {"uptime_percent",
                       u.uptime_ppm ? json(static_cast<double>(*u.uptime_ppm) / 10000.0) : json()},
                      {"percent", percent_json(u.percent_milli)}});
  return {{"package", s.package},
          {"month", s.month},
          {"from", when(s.from, calendar)},
          {"to", when(s.to, calendar)},
          {"as_of", when(s.as_of, calendar)},
          {"tickets", std::move(tickets)},
          {"uptime", std::move(uptime)},
          {"pending", s.pending},
          {"sum_percent", percent_json(s.total.sum_milli)},
          {"cap_percent", s.total.cap_milli ? percent_json(*s.total.cap_milli) : json()},
          {"capped", s.total.capped()},
          {"total_percent", percent_json(s.total.total_milli)},
          {"ticket_rows", s.ticket_rows},
          {"ticket_errors", s.ticket_errors},
          {"incident_rows", s.incident_rows},
          {"incident_errors", s.incident_errors}};
}

}  // namespace sla::cli
