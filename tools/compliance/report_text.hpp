// How the report's numbers read, the same in Markdown and HTML: durations in the
// units people use ("2 h 15 min", "3 d 4 h"), percentages with one decimal, "—"
// for none, times in the package calendar's zone without seconds, trend buckets by
// their week or month. Plain text: each writer escapes what it prints.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "tools/compliance/compliance.hpp"

namespace sla::cli {

// What a report prints where it has no value.
inline constexpr std::string_view kNone = "\u2014";

// "45 s", "12 min", "2 h 15 min", "3 d 4 h". A business duration stays in hours and
// minutes: a day of open time is not 24 hours, and "1 d" would read as one.
std::string duration_text(std::chrono::seconds value, bool business);
std::string duration_text(std::optional<std::chrono::seconds> value, bool business);

// "97.5 %", rounded down so that "100.0 %" is never printed while a target was
// missed; "—" for none.
std::string percent_text(std::optional<double> percent);
// A count's compliance: "97.5 %" or "—" before any target was met or breached.
std::string compliance_text(const TargetCounts& counts);

// "2026-01-12T09:30:00+07:00" as "2026-01-12 09:30"; "—" for none.
std::string time_text(std::string_view rfc3339);
// The report's as-of in its zone: "2026-02-01 00:00 (UTC+07:00)".
std::string as_of_text(const ComplianceReport& report);
// "1 January 2026 to 31 January 2026".
std::string period_text(const ReportPeriod& period);
std::string day_text(date::local_days day);        // "5 January 2026"
std::string short_day_text(date::local_days day);  // "5 Jan 2026"

// A trend bucket: "week of 5 Jan 2026" or "January 2026"; short for a chart's axis:
// "5 Jan" or "Jan 2026".
std::string bucket_text(date::local_days bucket, TrendUnit unit);
std::string bucket_label(date::local_days bucket, TrendUnit unit);
// A bucket in a table whose column says "Week of" or "Month": "5 Jan 2026", "January 2026".
std::string bucket_cell(date::local_days bucket, TrendUnit unit);
// "week", "month"
std::string_view unit_text(TrendUnit unit);

// "Response", "Resolution", "Update", "Restoration"
std::string kind_title(TargetKind kind);
// A group's target as a reader names it: "Response within 4 business hours",
// with "(best effort)" when it is not committed.
std::string target_text(const ComplianceGroup& group);
// A group's priority, or "(no priority)".
std::string priority_text(std::string_view priority);
// The package as its title and id: "Premium (premium)", or the id alone.
std::string package_text(const ComplianceReport& report);

// What the comparison with the help desk's own figures found: "120 tickets carried
// the help desk's own elapsed time; 3 of them disagree with the contract's count."
std::string desk_sentence(const ComplianceReport& report);

}  // namespace sla::cli
