// A ComplianceReport laid out for its readers: JSON and CSV for BI tools, Markdown
// for a wiki or a ticket, and a self-contained HTML page with inline SVG charts
// that a support lead sends to a client (and prints).
#pragma once

#include <string>

#include "tools/compliance/compliance.hpp"

namespace sla::cli {

// {"groups": [{"package", "priority", "target", "tickets", "met", ...}], "errors": N, ...}
std::string report_json(const ComplianceReport& report);
// One row per group, with a header; the columns of the JSON groups' flat fields.
std::string report_csv(const ComplianceReport& report);
std::string report_markdown(const ComplianceReport& report);
std::string report_html(const ComplianceReport& report);

}  // namespace sla::cli
