// `sla uptime` reports as text for people, JSON for tools and CSV for
// spreadsheets: the same figures in each (the columns are listed in docs/cli.md).
#pragma once

#include <span>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sla/uptime.hpp"

namespace sla::cli {

struct UptimeContext {
  const Package& package;  // the selection, with its add-ons applied
  const CalendarInfo& calendar;
  std::span<const Incident> incidents;  // what ServiceMonth::incidents index into
};

std::string uptime_text(const std::vector<ServiceMonth>& reports, const UptimeContext& context,
                        bool colour);
nlohmann::ordered_json uptime_json(const std::vector<ServiceMonth>& reports,
                                   const UptimeContext& context);
std::string uptime_csv(const std::vector<ServiceMonth>& reports, const UptimeContext& context);

// 44640 minutes as "44640", 90 seconds as "1.5" (at most two decimals).
std::string minutes_text(std::chrono::seconds s);
// 993249 millionths as "99.3249".
std::string ppm_percent_text(std::int64_t ppm);

}  // namespace sla::cli
