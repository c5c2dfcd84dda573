#include "tools/reports/lint_report.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <cctype>
#include <map>

#include "grammar/codes.hpp"
#include "sla/lint.hpp"
#include "sla/load.hpp"
#include "tools/console/output.hpp"
#include "tools/reports/ci_formats.hpp"

namespace sla::cli {

namespace {

std::string_view level(Severity s) {
  return s == Severity::error ? "error" : s == Severity::warning ? "warning" : "note";
}

std::string_view title_of(std::string_view code) {
  for (const auto& c : code_table)
    if (c.id == code) return c.title;
  return "";
}

}  // namespace

nlohmann::ordered_json lint_json(const LintSummary& summary) {
  nlohmann::ordered_json out;
  out["files"] = summary.files;
  auto list = nlohmann::ordered_json::array();
  std::map<Severity, std::size_t> counts;
  for (const auto& d : summary.diagnostics) {
    auto j = to_json(d);
    j["title"] = title_of(d.code);
    j["help"] = help_path(d.code);
    list.push_back(std::move(j));
    ++counts[d.severity];
  }
  out["diagnostics"] = std::move(list);
  // What was weighed and accepted, and why: a reviewer sees it beside the rest.
  auto silenced = nlohmann::ordered_json::array();
  for (const auto& s : summary.silenced) {
    auto j = to_json(s.diagnostic);
    j["title"] = title_of(s.diagnostic.code);
    j["help"] = help_path(s.diagnostic.code);
    j["reason"] = s.reason;
    silenced.push_back(std::move(j));
  }
  out["silenced"] = std::move(silenced);
  out["summary"] = {{"errors", counts[Severity::error]},
                    {"warnings", counts[Severity::warning]},
                    {"notes", counts[Severity::note]},
                    {"suppressed", summary.suppressed}};
  return out;
}

nlohmann::ordered_json lint_sarif(const LintSummary& summary) {
  // Rules: the whole lint, and any load error code that occurs.
  std::vector<std::string> ids;
  for (const auto& r : lint_rules()) ids.emplace_back(r.code);
  for (const auto& d : summary.diagnostics)
    if (std::find(ids.begin(), ids.end(), d.code) == ids.end()) ids.push_back(d.code);
  auto rules = nlohmann::ordered_json::array();
  for (const auto& id : ids) {
    const bool lint = id.starts_with("SLA1");
    rules.push_back({{"id", id},
                     {"name", title_of(id)},
                     {"shortDescription", {{"text", title_of(id)}}},
                     {"helpUri", help_url(id)},
                     {"help", {{"text", fmt::format("See {} in the sla sources.", help_path(id))}}},
                     {"defaultConfiguration", {{"level", lint ? "warning" : "error"}}}});
  }
  auto results = nlohmann::ordered_json::array();
  auto result_of = [&](const Diagnostic& d) {
    const auto index = std::find(ids.begin(), ids.end(), d.code) - ids.begin();
    std::string message = d.message;
    if (!d.hint.empty()) message += fmt::format(" (hint: {})", d.hint);
    nlohmann::ordered_json region = {
        {"startLine", std::max<std::uint32_t>(1, d.location.line)},
        {"startColumn", std::max<std::uint32_t>(1, d.location.column)}};
    auto result = nlohmann::ordered_json{
        {"ruleId", d.code},
        {"ruleIndex", index},
        {"level", level(d.severity)},
        {"message", {{"text", message}}},
        {"locations",
         {{{"physicalLocation",
            {{"artifactLocation", {{"uri", sarif_uri(d.location.file)}}}, {"region", region}}}}}}};
    if (!d.notes.empty()) {
      auto related = nlohmann::ordered_json::array();
      for (std::size_t i = 0; i < d.notes.size(); ++i) {
        const auto& n = d.notes[i];
        related.push_back({{"id", i},
                           {"message", {{"text", n.message}}},
                           {"physicalLocation",
                            {{"artifactLocation", {{"uri", sarif_uri(n.location.file)}}},
                             {"region",
                              {{"startLine", std::max<std::uint32_t>(1, n.location.line)},
                               {"startColumn", std::max<std::uint32_t>(1, n.location.column)}}}}}});
      }
      result["relatedLocations"] = std::move(related);
    }
    return result;
  };
  for (const auto& d : summary.diagnostics) results.push_back(result_of(d));
  // Silenced findings are results with their suppression, so that a code-scanning
  // UI shows what was accepted and why instead of hiding it.
  for (const auto& s : summary.silenced) {
    auto suppression = nlohmann::ordered_json{{"kind", s.in_source ? "inSource" : "external"}};
    if (!s.reason.empty()) suppression["justification"] = s.reason;
    auto result = result_of(s.diagnostic);
    result["suppressions"] = nlohmann::ordered_json::array({std::move(suppression)});
    results.push_back(std::move(result));
  }
  nlohmann::ordered_json driver = {{"name", "sla"},
                                   {"version", std::string(version())},
                                   {"semanticVersion", std::string(version())},
                                   {"informationUri", std::string(source_url())},
                                   {"rules", std::move(rules)}};
  return {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
          {"version", "2.1.0"},
          {"runs",
           {{{"tool", {{"driver", std::move(driver)}}},
             {"columnKind", "unicodeCodePoints"},
             {"results", std::move(results)}}}}};
}

std::string github_annotations(const LintSummary& summary) {
  std::string out;
  for (const auto& d : summary.diagnostics) {
    std::string message = d.message;
    if (!d.hint.empty()) message += fmt::format("\nhint: {}", d.hint);
    out += fmt::format("::{} file={},line={},col={},title={}::{}\n", level(d.severity),
                       github_property(d.location.file), d.location.line, d.location.column,
                       github_property(fmt::format("{} {}", d.code, title_of(d.code))),
                       github_data(message));
  }
  return out;
}

}  // namespace sla::cli
