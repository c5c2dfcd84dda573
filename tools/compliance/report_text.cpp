#include "tools/compliance/report_text.hpp"

#include <fmt/format.h>
#include <cctype>
#include <cmath>
#include <stdexcept>

#include "interpreter/time/zone.hpp"
#include "sla/timestamp.hpp"

namespace sla::cli {

namespace {

constexpr std::string_view kMonths[] = {"January",   "February", "March",    "April",
                                        "May",       "June",     "July",     "August",
                                        "September", "October",  "November", "December"};

std::string_view month_name(date::year_month_day d) {
  return kMonths[static_cast<unsigned>(d.month()) - 1];
}

bool starts_with_any(std::string_view text, std::initializer_list<std::string_view> prefixes) {
  for (auto p : prefixes)
    if (text.starts_with(p)) return true;
  return false;
}

}  // namespace

std::string duration_text(std::chrono::seconds value, bool business) {
  if (value.count() < 0) return "\u2212" + duration_text(-value, business);
  const std::int64_t s = value.count();
  if (s < 60) return fmt::format("{} s", s);
  // Rounded to the smallest unit shown, so that 59 min 40 s reads "1 h".
  const std::int64_t minutes = (s + 30) / 60;
  if (minutes < 60) return fmt::format("{} min", minutes);
  const std::int64_t hours = (s + 1800) / 3600;
  if (business || hours < 24) {
    const std::int64_t h = minutes / 60, m = minutes % 60;
    return m ? fmt::format("{} h {} min", h, m) : fmt::format("{} h", h);
  }
  const std::int64_t d = hours / 24, h = hours % 24;
  return h ? fmt::format("{} d {} h", d, h) : fmt::format("{} d", d);
}

std::string duration_text(std::optional<std::chrono::seconds> value, bool business) {
  return value ? duration_text(*value, business) : std::string(kNone);
}

std::string percent_text(std::optional<double> percent) {
  if (!percent || !std::isfinite(*percent)) return std::string(kNone);
  return fmt::format("{:.1f} %", round_down(*percent, 1));
}

std::string compliance_text(const TargetCounts& counts) {
  return percent_text(counts.compliance_percent());
}

std::string time_text(std::string_view rfc3339) {
  if (rfc3339.empty()) return std::string(kNone);
  if (rfc3339.size() >= 16 && rfc3339[10] == 'T')
    return fmt::format("{} {}", rfc3339.substr(0, 10), rfc3339.substr(11, 5));
  return std::string(rfc3339);
}

std::string as_of_text(const ComplianceReport& report) {
  std::string text = report.as_of;
  if (text.empty()) {  // a report made by hand: the as-of instant in the zone, if known
    std::chrono::seconds offset{0};
    try {
      offset = Zone::named(report.zone).utc_offset(report.period.as_of);
    } catch (const std::exception&) {
      // A fixed offset or an unknown name: the time is written in UTC, and says so.
    }
    text = format_instant(report.period.as_of, offset, true);
  }
  const std::string offset = text.size() > 19 ? text.substr(19) : "";
  return fmt::format("{} (UTC{})", time_text(text), offset == "Z" ? "" : offset);
}

std::string day_text(date::local_days day) {
  const date::year_month_day d{day};
  return fmt::format("{} {} {}", static_cast<unsigned>(d.day()), month_name(d),
                     static_cast<int>(d.year()));
}

std::string short_day_text(date::local_days day) {
  const date::year_month_day d{day};
  return fmt::format("{} {} {}", static_cast<unsigned>(d.day()), month_name(d).substr(0, 3),
                     static_cast<int>(d.year()));
}

std::string period_text(const ReportPeriod& period) {
  return fmt::format("{} to {}", day_text(period.from), day_text(period.to));
}

std::string bucket_text(date::local_days bucket, TrendUnit unit) {
  const date::year_month_day d{bucket};
  if (unit == TrendUnit::month)
    return fmt::format("{} {}", month_name(d), static_cast<int>(d.year()));
  return "week of " + short_day_text(bucket);
}

std::string bucket_cell(date::local_days bucket, TrendUnit unit) {
  return unit == TrendUnit::month ? bucket_text(bucket, unit) : short_day_text(bucket);
}

std::string bucket_label(date::local_days bucket, TrendUnit unit) {
  const date::year_month_day d{bucket};
  if (unit == TrendUnit::month)
    return fmt::format("{} {}", month_name(d).substr(0, 3), static_cast<int>(d.year()));
  return fmt::format("{} {}", static_cast<unsigned>(d.day()), month_name(d).substr(0, 3));
}

std::string_view unit_text(TrendUnit unit) {
  return unit == TrendUnit::month ? "month" : "week";
}

std::string kind_title(TargetKind kind) {
  std::string out(name(kind));
  if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  return out;
}

std::string target_text(const ComplianceGroup& group) {
  std::string out = kind_title(group.kind);
  if (group.target.empty())
    ;
  else if (starts_with_any(group.target, {"by ", "within ", "every ", "at least "}))
    out += " " + group.target;
  else if (group.kind == TargetKind::update)
    out += " every " + group.target;
  else
    out += " within " + group.target;
  if (group.commitment == Commitment::best_effort) out += " (best effort)";
  return out;
}

std::string priority_text(std::string_view priority) {
  return priority.empty() ? "(no priority)" : std::string(priority);
}

std::string package_text(const ComplianceReport& report) {
  if (report.package_title.empty() || report.package_title == report.package) return report.package;
  return fmt::format("{} ({})", report.package_title, report.package);
}

std::string desk_sentence(const ComplianceReport& report) {
  const std::size_t n = report.desk_compared, listed = report.disagreements.size(),
                    k = listed + report.disagreements_unlisted;
  const std::string carried = fmt::format(
      "{} ticket{} carried the help desk\u2019s own elapsed time", n, n == 1 ? "" : "s");
  if (k == 0) return carried + ", and every one agrees with the contract\u2019s count.";
  return fmt::format("{}; {} with the contract\u2019s count{}.", carried,
                     k == 1 ? std::string("1 disagrees") : fmt::format("{} disagree", k),
                     listed < k ? fmt::format(" (the first {} are listed)", listed) : "");
}

}  // namespace sla::cli
