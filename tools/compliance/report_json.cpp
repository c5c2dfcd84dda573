#include <date/date.h>
#include <fmt/format.h>
#include <cmath>
#include <nlohmann/json.hpp>

#include "sla/timestamp.hpp"
#include "tools/compliance/report_writers.hpp"

namespace sla::cli {

namespace {

using Json = nlohmann::ordered_json;

Json seconds(std::optional<std::chrono::seconds> s) {
  return s ? Json(s->count()) : Json(nullptr);
}

// Two decimals, rounded down: 99.996 % is not 100 % (66.666... is 66.66).
Json percent(std::optional<double> p) {
  if (!p) return nullptr;
  return round_down(*p, 2);
}

std::string day_text(date::local_days day) {
  return date::format("%F", day);
}

Json counts(const TargetCounts& c) {
  return {{"tickets", c.tickets},   {"met", c.met},
          {"breached", c.breached}, {"pending", c.pending},
          {"at_risk", c.at_risk},   {"compliance_percent", percent(c.compliance_percent())}};
}

Json group_json(const ComplianceGroup& g, const std::vector<date::local_days>& buckets,
                const ReportPeriod& p) {
  Json out = {{"package", g.package},
              {"stated_in", g.stated_in},
              {"priority", g.priority.empty() ? Json(nullptr) : Json(g.priority)},
              {"target", name(g.kind)},
              {"length", g.target},
              {"condition", g.condition.empty() ? Json(nullptr) : Json(g.condition)},
              {"commitment", g.commitment == Commitment::committed ? "committed" : "best_effort"},
              {"business_time", g.business}};
  out.update(counts(g.counts));
  out["median_business_seconds"] = seconds(g.business_time.quantile(0.5));
  out["p90_business_seconds"] = seconds(g.business_time.quantile(0.9));
  out["median_calendar_seconds"] = seconds(g.calendar_time.quantile(0.5));
  out["p90_calendar_seconds"] = seconds(g.calendar_time.quantile(0.9));
  out["mean_over_target_seconds"] = seconds(g.over_target.mean());
  out["max_over_target_seconds"] =
      seconds(g.over_target.count ? std::optional(g.over_target.max) : std::nullopt);
  out["exact_quantiles"] = g.business_time.exact() && g.calendar_time.exact();
  Json trend = Json::array();
  for (const auto b : buckets) {
    const auto it = g.trend.find(b);
    Json row = {{"from", day_text(b)},
                {"partial", b < p.from || next_bucket(b, p.trend) - date::days{1} > p.to}};
    row.update(counts(it == g.trend.end() ? TargetCounts{} : it->second));
    trend.push_back(std::move(row));
  }
  out["trend"] = std::move(trend);
  return out;
}

Json ticket_json(const ReportTicket& t, const char* seconds_key) {
  const Json priority = t.priority.empty() ? Json(nullptr) : Json(t.priority);
  if (!t.error.empty())
    return {
        {"row", t.row}, {"line", t.line}, {"id", t.id}, {"priority", priority}, {"error", t.error}};
  Json out = {{"row", t.row}, {"id", t.id}, {"priority", priority}};
  out["target"] = name(t.kind);
  out["due"] = t.due.empty() ? Json(nullptr) : Json(t.due);
  if (seconds_key[0] == 'o') {
    out["done"] = t.done.empty() ? Json(nullptr) : Json(t.done);
  } else {
    out["elapsed_percent"] = std::round(t.elapsed_percent * 10.0) / 10.0;
  }
  out[seconds_key] = t.over.count();
  return out;
}

}  // namespace

std::string report_json(const ComplianceReport& r) {
  Json out = {{"contract", r.contract},
              {"package", r.package},
              {"addons", r.addons},
              {"zone", r.zone},
              {"from", day_text(r.period.from)},
              {"to", day_text(r.period.to)},
              {"as_of", r.as_of},
              {"trend_unit", r.period.trend == TrendUnit::week ? "week" : "month"},
              {"rows", r.rows},
              {"outside_period", r.outside_period},
              {"errors", r.errors}};
  Json errors = Json::array();
  for (const auto& t : r.error_rows) errors.push_back(ticket_json(t, ""));
  out["error_rows"] = std::move(errors);
  Json groups = Json::array();
  for (const auto& g : r.groups) groups.push_back(group_json(g, r.buckets, r.period));
  out["groups"] = std::move(groups);
  Json worst = Json::array();
  for (const auto& t : r.worst) worst.push_back(ticket_json(t, "over_target_seconds"));
  out["worst_breaches"] = std::move(worst);
  Json queue = Json::array();
  for (const auto& t : r.queue) queue.push_back(ticket_json(t, "left_seconds"));
  out["at_risk"] = {{"count", r.at_risk}, {"tickets", std::move(queue)}};
  if (r.has_credit_rules) {
    Json credits = Json::array();
    for (const auto& c : r.credits)
      credits.push_back(
          {{"month", date::format("%Y-%m", date::local_days{c.month / 1})},
           {"credited_breaches", c.breaches},
           {"sum_percent", static_cast<double>(c.sum_milli) / 1000.0},
           {"cap_percent",
            c.cap_milli ? Json(static_cast<double>(*c.cap_milli) / 1000.0) : Json(nullptr)},
           {"credit_percent", static_cast<double>(c.total_milli) / 1000.0}});
    out["credits"] = std::move(credits);
  }
  if (r.desk_compared > 0) {
    Json list = Json::array();
    for (const auto& d : r.disagreements)
      list.push_back({{"row", d.row},
                      {"id", d.id},
                      {"target", name(d.kind)},
                      {"desk_seconds", d.desk.count()},
                      {"contract_seconds", d.contract.count()}});
    out["desk"] = {{"compared", r.desk_compared},
                   {"disagreements", r.disagreements.size() + r.disagreements_unlisted},
                   {"listed", std::move(list)}};
  }
  return out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace sla::cli
