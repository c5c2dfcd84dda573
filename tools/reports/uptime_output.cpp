#include "tools/reports/uptime_output.hpp"

#include "tools/reports/csv_field.hpp"

#include <fmt/format.h>

#include "grammar/source.hpp"
#include "interpreter/time/calendar.hpp"
#include "interpreter/time/timestamp.hpp"
#include "tools/console/json_text.hpp"
#include "tools/console/terminal.hpp"
#include "tools/reports/model_json.hpp"

namespace sla::cli {

namespace {

using json = nlohmann::ordered_json;

std::string month_text(std::chrono::year_month m) {
  return fmt::format("{:04}-{:02}", static_cast<int>(m.year()), static_cast<unsigned>(m.month()));
}

std::string rfc3339(Instant t, const CalendarInfo& calendar) {
  return format_timestamp(t, calendar.calendar->utc_offset(t));
}

// "2026-01-01 00:00" in the calendar's zone.
std::string local_text(Instant t, const CalendarInfo& calendar) {
  std::string text = rfc3339(t, calendar);
  text[10] = ' ';
  text.resize(16);
  return text;
}

// A number of minutes for JSON: whole, or with at most two decimals.
json minutes_json(std::chrono::seconds s) {
  if (s.count() % 60 == 0) return s.count() / 60;
  return std::stod(minutes_text(s));
}

// 99000 thousandths as 99, 99500 as 99.5.
json percent_json(std::int64_t milli) {
  if (milli % 1000 == 0) return milli / 1000;
  return static_cast<double>(milli) / 1000.0;
}

std::string_view commitment_text(Commitment c) {
  return c == Commitment::committed ? "committed" : "best_effort";
}

std::string coverage_text(const ServiceMonth& r) {
  switch (r.coverage) {
    case Coverage::full:
      return fmt::format("the whole {}", name(r.period));
    case Coverage::partial:
      return fmt::format("part of the {}", name(r.period));
    case Coverage::before_contract:
      return "before the contract takes effect";
    case Coverage::after_contract:
      return "after the contract's end";
    case Coverage::not_started:
      return "not started at the as-of instant";
  }
  return {};
}

std::string excluded_detail(const ServiceMonth& r) {
  std::vector<std::string> parts;
  static constexpr std::string_view words[] = {"scheduled maintenance", "third party",
                                               "force majeure", "other"};
  for (std::size_t c = 0; c < kExcludedCauses; ++c)
    if (r.excluded_by[c].count())
      parts.push_back(fmt::format("{} {}", words[c], minutes_text(r.excluded_by[c])));
  return parts.empty() ? "" : fmt::format(": {}", fmt::join(parts, ", "));
}

// 99000 thousandths of a percent as "99", for CSV.
std::string percent_number(std::int64_t milli) {
  std::string text = percent_text(milli);
  return text.substr(0, text.size() - 2);  // without " %"
}

// "1 minute", "0 minutes", "1.5 minutes".
std::string minutes_words(std::chrono::seconds s) {
  return fmt::format("{} minute{}", minutes_text(s), s.count() == 60 ? "" : "s");
}

std::string target_text(const Uptime& u) {
  return u.target_milli ? percent_text(*u.target_milli) : "none";
}

}  // namespace

std::string minutes_text(std::chrono::seconds s) {
  if (s.count() % 60 == 0) return fmt::format("{}", s.count() / 60);
  std::string out = fmt::format("{:.2f}", static_cast<double>(s.count()) / 60.0);
  while (out.back() == '0') out.pop_back();
  if (out.back() == '.') out.pop_back();
  return out;
}

std::string ppm_percent_text(std::int64_t ppm) {
  return fmt::format("{}.{:04}", ppm / 10000, ppm % 10000);
}

std::string uptime_text(const std::vector<ServiceMonth>& reports, const UptimeContext& context,
                        bool colour) {
  std::string out;
  auto line = [&](std::string_view label, const std::string& text) {
    out += fmt::format("  {:<10}  {}\n", label, text);
  };
  for (const auto& r : reports) {
    const Uptime& u = *r.uptime;
    const auto status = name(r.status);
    const Colour c = r.status == UptimeStatus::met        ? Colour::green
                     : r.status == UptimeStatus::breached ? Colour::red
                                                          : Colour::yellow;
    if (!out.empty()) out += '\n';
    out += fmt::format(
        "{}, {} (package {}{}): {}{}\n", u.service, period_label(r), context.package.id,
        context.package.applied_addons.empty()
            ? ""
            : fmt::format(" with {}", fmt::join(context.package.applied_addons, ", ")),
        paint(status, c, colour), u.commitment == Commitment::best_effort ? " (best effort)" : "");
    line("target",
         fmt::format(
             "{}, {}, measured {}{}", target_text(u),
             u.commitment == Commitment::committed ? "committed" : "best effort",
             u.period.empty() ? "(period not stated)" : u.period,
             u.published_at.empty() ? "" : fmt::format(", published at {}", u.published_at)));
    if (r.coverage == Coverage::full || r.coverage == Coverage::partial) {
      line("uptime",
           fmt::format("{} % = ({} - {} - {}) / ({} - {}) minutes", ppm_percent_text(*r.uptime_ppm),
                       minutes_text(r.total), minutes_text(r.excluded), minutes_text(r.downtime),
                       minutes_text(r.total), minutes_text(r.excluded)));
      line("period", fmt::format("{} to {} {} ({})", local_text(r.from, context.calendar),
                                 local_text(r.to, context.calendar), context.calendar.zone,
                                 coverage_text(r)));
      line("total", minutes_words(r.total));
      line("excluded", fmt::format("{}{}", minutes_words(r.excluded), excluded_detail(r)));
      line("downtime",
           fmt::format("{} (overlapping incidents counted once)", minutes_words(r.downtime)));
      line("degraded", fmt::format("{} (degraded service is not counted as downtime)",
                                   minutes_words(r.degraded)));
    } else {
      line("period", fmt::format("{} to {} {} ({})", local_text(r.month_start, context.calendar),
                                 local_text(r.month_end, context.calendar), context.calendar.zone,
                                 coverage_text(r)));
    }
    line("credit", credit_text(r));
    if (!r.incidents.empty()) {
      line("incidents", fmt::format("{}", r.incidents.size()));
      // Ids come from the input as they are: a terminal gets them escaped, so that an
      // escape sequence or a line break in an id cannot rewrite or break the report.
      std::vector<std::string> ids;
      std::size_t id_width = 1, category_width = 1, minutes_width = 1;
      for (const auto& o : r.incidents) {
        const Incident& i = context.incidents[o.index];
        ids.push_back(i.id.empty() ? "-" : escape_invisible(i.id));
        id_width = std::max(id_width, ids.back().size());
        category_width = std::max(category_width, name(i.category).size());
        minutes_width = std::max(minutes_width, minutes_text(o.in_period).size());
      }
      for (std::size_t k = 0; k < r.incidents.size(); ++k) {
        const auto& o = r.incidents[k];
        const Incident& i = context.incidents[o.index];
        out += fmt::format("    {:<{}}  {:<{}}  {:>{}} min  {}\n", ids[k], id_width,
                           name(i.category), category_width, minutes_text(o.in_period),
                           minutes_width, escape_invisible(o.reason));
      }
    }
    for (const auto& note : r.notes) line("note", note);
  }
  return out;
}

json uptime_json(const std::vector<ServiceMonth>& reports, const UptimeContext& context) {
  json all = json::array();
  for (const auto& r : reports) {
    const Uptime& u = *r.uptime;
    const bool measured = r.coverage == Coverage::full || r.coverage == Coverage::partial;
    json j;
    j["service"] = u.service;
    // A quarter or year is no one month: tools that read `month` must not take
    // 2026-Q1 for January.
    j["month"] = r.period == PeriodKind::month ? json(month_text(r.month)) : json();
    j["period"] = period_label(r);
    j["uptime_percent"] = measured ? json(static_cast<double>(*r.uptime_ppm) / 10000.0) : json();
    j["status"] = name(r.status);
    j["target_percent"] = u.target_milli ? percent_json(*u.target_milli) : json();
    j["commitment"] = commitment_text(u.commitment);
    j["measured"] = u.period;
    j["package"] = context.package.id;
    j["addons"] = context.package.applied_addons;
    j["zone"] = context.calendar.zone;
    j["coverage"] = name(r.coverage);
    j["from"] = measured ? json(rfc3339(r.from, context.calendar)) : json();
    j["to"] = measured ? json(rfc3339(r.to, context.calendar)) : json();
    j["total_minutes"] = minutes_json(r.total);
    j["excluded_minutes"] = minutes_json(r.excluded);
    json by = json::object();
    for (std::size_t c = 0; c < kExcludedCauses; ++c)
      by[std::string(name(static_cast<ExcludedCause>(c)))] = minutes_json(r.excluded_by[c]);
    j["excluded_by_category"] = by;
    j["downtime_minutes"] = minutes_json(r.downtime);
    j["degraded_minutes"] = minutes_json(r.degraded);
    j["degraded_counts_as_downtime"] = false;
    j["credit"] = {{"status", name(r.credit)},
                   {"percent", r.tier ? percent_json(r.tier->credit_milli) : json()},
                   {"text", credit_text(r)}};
    json incidents = json::array();
    for (const auto& o : r.incidents) {
      const Incident& i = context.incidents[o.index];
      bool not_utf8 = false;  // an id from a Latin-1 export: JSON must be UTF-8
      incidents.push_back({{"id", json_string(i.id, &not_utf8)},
                           {"category", name(i.category)},
                           {"start", rfc3339(i.start, context.calendar)},
                           {"end", i.end ? json(rfc3339(*i.end, context.calendar)) : json()},
                           {"minutes", minutes_json(o.in_period)},
                           {"overlaps_excluded_minutes", minutes_json(o.overlaps_excluded)},
                           {"treatment", name(o.treatment)},
                           {"reason", o.reason}});
      if (not_utf8)
        incidents.back()["warning"] = "bytes that are not UTF-8 in id are shown as U+FFFD";
    }
    j["incidents"] = incidents;
    j["notes"] = r.notes;
    all.push_back(std::move(j));
  }
  return all;
}

std::string uptime_csv(const std::vector<ServiceMonth>& reports, const UptimeContext& context) {
  std::string out =
      "month,service,status,uptime_percent,target_percent,commitment,coverage,from,to,"
      "total_minutes,excluded_minutes,excluded_scheduled_maintenance_minutes,"
      "excluded_third_party_minutes,excluded_force_majeure_minutes,excluded_other_minutes,"
      "downtime_minutes,degraded_minutes,credit_status,credit_percent,notes\n";
  for (const auto& r : reports) {
    const Uptime& u = *r.uptime;
    const bool measured = r.coverage == Coverage::full || r.coverage == Coverage::partial;
    std::vector<std::string> f{period_label(r),
                               csv_field(u.service),
                               std::string(name(r.status)),
                               measured ? ppm_percent_text(*r.uptime_ppm) : "",
                               u.target_milli ? percent_number(*u.target_milli) : "",
                               std::string(commitment_text(u.commitment)),
                               std::string(name(r.coverage)),
                               measured ? rfc3339(r.from, context.calendar) : "",
                               measured ? rfc3339(r.to, context.calendar) : "",
                               minutes_text(r.total),
                               minutes_text(r.excluded)};
    for (std::size_t c = 0; c < kExcludedCauses; ++c) f.push_back(minutes_text(r.excluded_by[c]));
    f.push_back(minutes_text(r.downtime));
    f.push_back(minutes_text(r.degraded));
    f.emplace_back(name(r.credit));
    f.push_back(r.tier ? percent_number(r.tier->credit_milli) : "");
    f.push_back(csv_field(fmt::format("{}", fmt::join(r.notes, "; "))));
    out += fmt::format("{}\n", fmt::join(f, ","));
  }
  return out;
}

}  // namespace sla::cli
