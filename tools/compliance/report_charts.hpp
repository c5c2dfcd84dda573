// The report's charts as inline SVG for the HTML page: compliance per priority and
// target against the 100 % line, the trend per week or month (compliance per kind of
// target over ticket counts), and the time taken per priority and target. Each is a self-contained
// <svg role="img"> with a <title> and a <desc> that says its numbers, and tells its series apart by
// pattern, dash and marker as well as colour, so that it reads in greyscale print.
// The page has every number in tables too; a chart is never the only place.
#pragma once

#include <string>
#include <string_view>

#include "tools/compliance/compliance.hpp"

namespace sla::cli {

// One bar per group (priority and target): its compliance, labelled with the
// percentage and "met of decided"; groups with nothing decided say so. Ids inside
// the SVG (title, patterns) start with `id`, which must be unique in the page.
std::string compliance_chart(const ComplianceReport& report, std::string_view id);

// Per trend bucket: a line per kind of target (compliance), and the tickets created
// as bars below it. Empty when the report has no bucket.
std::string trend_chart(const ComplianceReport& report, std::string_view id);

// Per group whose tickets got a response (resolution, ...): the median and the 90th
// percentile of the time taken in open hours, a range on a logarithmic axis (minutes
// to weeks on one scale). Empty when no group has a time.
std::string time_chart(const ComplianceReport& report, std::string_view id);

}  // namespace sla::cli
