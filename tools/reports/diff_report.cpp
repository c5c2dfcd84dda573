#include "tools/reports/diff_report.hpp"

#include <fmt/format.h>

#include <array>

#include "sla/load.hpp"
#include "tools/reports/ci_formats.hpp"

namespace sla::cli {

namespace {

using json = nlohmann::ordered_json;

std::array<std::size_t, 3> counts(const DiffSummary& s) {
  std::array<std::size_t, 3> n{};
  for (const auto& c : s.changes) ++n[static_cast<std::size_t>(c.effect)];
  return n;
}

json place(const SourceRef& at) {
  if (at.file.empty() || at.line == 0) return nullptr;
  return {{"file", at.file}, {"line", at.line}};
}

std::string_view title_of(std::string_view code) {
  for (const auto& r : diff_rules())
    if (r.code == code) return r.title;
  return "";
}

// "2 hours later", "30 minutes earlier".
std::string shift_words(std::int64_t seconds) {
  const std::int64_t s = seconds < 0 ? -seconds : seconds;
  const std::int64_t days = s / 86400, hours = s % 86400 / 3600, minutes = s % 3600 / 60;
  std::string out;
  if (days) out += fmt::format("{} day{} ", days, days == 1 ? "" : "s");
  if (hours) out += fmt::format("{} hour{} ", hours, hours == 1 ? "" : "s");
  if (minutes || out.empty()) out += fmt::format("{} minute{} ", minutes, minutes == 1 ? "" : "s");
  return out + (seconds < 0 ? "earlier" : "later");
}

// Where an annotation goes: the new version's clause, else the old one's when the
// old version is a file; else the new file's top (a removed item of a version
// read from git has no file to point into).
SourceRef annotated(const Change& c, const DiffSummary& s) {
  if (c.new_at.line) return c.new_at;
  if (c.old_at.line && s.old_is_file) return c.old_at;
  return SourceRef{s.new_file, 1, 1};
}

std::string where(const SourceRef& at) {
  return at.line ? fmt::format("{}:{}", at.file, at.line) : std::string("-");
}

}  // namespace

json diff_json(const DiffSummary& s) {
  json list = json::array();
  for (const auto& c : s.changes)
    list.push_back({{"code", c.code},
                    {"effect", std::string(name(c.effect))},
                    {"subject", c.subject},
                    {"message", c.message},
                    {"old", c.old_value},
                    {"new", c.new_value},
                    {"old_at", place(c.old_at)},
                    {"new_at", place(c.new_at)},
                    {"help", help_path(c.code)}});
  const auto n = counts(s);
  json out = {{"old", s.old_file},
              {"new", s.new_file},
              {"changes", std::move(list)},
              {"summary", {{"weaker", n[0]}, {"stronger", n[1]}, {"neutral", n[2]}}}};
  if (!s.impact.is_null()) out["impact"] = s.impact;
  return out;
}

json impact_json(const Impact& impact) {
  json rows = json::array();
  for (const auto& r : impact.rows)
    rows.push_back({{"package", r.package},
                    {"priority", r.priority},
                    {"target", std::string(name(r.target))},
                    {"tickets", r.tickets},
                    {"moved", r.moved},
                    {"later", r.later},
                    {"earlier", r.earlier},
                    {"median_shift_seconds", r.median_shift_seconds},
                    {"median_shift", shift_words(r.median_shift_seconds)},
                    {"worst_later_seconds", r.worst_later_seconds},
                    {"worst_earlier_seconds", r.worst_earlier_seconds},
                    {"flipped", r.flipped}});
  json out = {{"tickets", impact.tickets}};
  if (impact.tickets_per_priority) {
    out["tickets_per_priority"] = impact.tickets_per_priority;
    out["from"] = impact.from;
    out["to"] = impact.to;
  } else {
    out["unreadable"] = impact.unreadable;
  }
  out["rows"] = std::move(rows);
  return out;
}

json diff_sarif(const DiffSummary& s) {
  json rules = json::array();
  for (const auto& r : diff_rules())
    rules.push_back({{"id", std::string(r.code)},
                     {"name", std::string(r.title)},
                     {"shortDescription", {{"text", std::string(r.title)}}},
                     {"fullDescription", {{"text", std::string(r.rule)}}},
                     {"helpUri", help_url(r.code)}});
  json results = json::array();
  for (const auto& c : s.changes) {
    const SourceRef at = annotated(c, s);
    const auto index = std::find_if(diff_rules().begin(), diff_rules().end(),
                                    [&](const DiffRule& r) { return r.code == c.code; }) -
                       diff_rules().begin();
    results.push_back(
        {{"ruleId", c.code},
         {"ruleIndex", index},
         {"level", c.effect == Effect::weaker ? "warning" : "note"},
         {"message", {{"text", fmt::format("{} ({})", c.message, name(c.effect))}}},
         {"properties", {{"effect", std::string(name(c.effect))}}},
         {"locations",
          {{{"physicalLocation",
             {{"artifactLocation", {{"uri", sarif_uri(at.file.empty() ? s.new_file : at.file)}}},
              {"region", {{"startLine", std::max<std::uint32_t>(1, at.line)}}}}}}}}});
  }
  json driver = {{"name", "sla diff"},
                 {"version", std::string(version())},
                 {"informationUri", std::string(source_url())},
                 {"rules", std::move(rules)}};
  return {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
          {"version", "2.1.0"},
          {"runs", {{{"tool", {{"driver", std::move(driver)}}}, {"results", std::move(results)}}}}};
}

std::string diff_github(const DiffSummary& s) {
  std::string out;
  for (const auto& c : s.changes) {
    const SourceRef at = annotated(c, s);
    out += fmt::format(
        "::{} file={},line={},title={}::{}\n", c.effect == Effect::weaker ? "warning" : "notice",
        github_property(at.file.empty() ? s.new_file : at.file),
        std::max<std::uint32_t>(1, at.line),
        github_property(fmt::format("{} {} ({})", c.code, title_of(c.code), name(c.effect))),
        github_data(c.message));
  }
  return out;
}

std::string diff_markdown(const DiffSummary& s) {
  const auto n = counts(s);
  std::string out = fmt::format("### Contract changes: `{}` → `{}`\n\n", s.old_file, s.new_file);
  if (s.changes.empty()) return out + "No change: the two versions say the same.\n";
  out += fmt::format("{} weaker for the client, {} stronger, {} neutral.\n\n", n[0], n[1], n[2]);
  out += "| effect | code | change | old | new |\n|---|---|---|---|---|\n";
  auto cell = [](std::string_view text) {
    std::string t;
    for (char c : text) {
      if (c == '|')
        t += "\\|";
      else if (c == '\n')
        t += "<br>";
      else
        t += c;
    }
    return t;
  };
  for (const auto& c : s.changes)
    out += fmt::format("| **{}** | [{}]({}) | {} | {} | {} |\n", name(c.effect), c.code,
                       help_url(c.code), cell(c.message), where(c.old_at), where(c.new_at));
  if (s.impact.is_object() && !s.impact["rows"].empty()) {
    out += fmt::format("\n#### Impact on {} replayed tickets\n\n",
                       s.impact["tickets"].get<std::size_t>());
    out +=
        "| package | priority | target | moved | median shift | verdicts flipped |\n"
        "|---|---|---|---|---|---|\n";
    for (const auto& r : s.impact["rows"])
      out += fmt::format("| {} | {} | {} | {} of {} | {} | {} |\n", r["package"].get<std::string>(),
                         r["priority"].get<std::string>(), r["target"].get<std::string>(),
                         r["moved"].get<std::size_t>(), r["tickets"].get<std::size_t>(),
                         r["median_shift"].get<std::string>(), r["flipped"].get<std::size_t>());
  }
  return out;
}

std::string diff_text(const DiffSummary& s, bool colour) {
  const auto n = counts(s);
  std::string out;
  for (const auto& c : s.changes) {
    std::string effect(name(c.effect));
    if (colour)
      effect = fmt::format("\033[{}m{}\033[0m",
                           c.effect == Effect::weaker     ? "1;31"
                           : c.effect == Effect::stronger ? "1;32"
                                                          : "2",
                           effect);
    out += fmt::format("{}[{}]: {}\n", effect, c.code, c.message);
    out += fmt::format("    old: {}  new: {}\n", where(c.old_at), where(c.new_at));
  }
  if (s.impact.is_object()) {
    if (s.impact.contains("tickets_per_priority"))
      out += fmt::format("impact: {} tickets per package and priority, raised {} to {}\n",
                         s.impact["tickets_per_priority"].get<std::size_t>(),
                         s.impact["from"].get<std::string>(), s.impact["to"].get<std::string>());
    else
      out += fmt::format(
          "impact: {} tickets replayed under every package{}\n",
          s.impact["tickets"].get<std::size_t>(),
          s.impact["unreadable"].get<std::size_t>()
              ? fmt::format(" ({} row{} no ticket)", s.impact["unreadable"].get<std::size_t>(),
                            s.impact["unreadable"].get<std::size_t>() == 1 ? " was" : "s were")
              : std::string());
    if (s.impact["rows"].empty()) out += "    no deadline moves, no verdict flips\n";
    for (const auto& r : s.impact["rows"]) {
      const auto later = r["worst_later_seconds"].get<std::int64_t>();
      const auto earlier = r["worst_earlier_seconds"].get<std::int64_t>();
      out += fmt::format(
          "    {} {} {}: {} of {} deadlines move (median {}, at most {}); {} verdict{} flip\n",
          r["package"].get<std::string>(), r["priority"].get<std::string>(),
          r["target"].get<std::string>(), r["moved"].get<std::size_t>(),
          r["tickets"].get<std::size_t>(), r["median_shift"].get<std::string>(),
          shift_words(later >= earlier ? later : -earlier), r["flipped"].get<std::size_t>(),
          r["flipped"].get<std::size_t>() == 1 ? "" : "s");
    }
  }
  out += s.changes.empty()
             ? fmt::format("{} -> {}: no change\n", s.old_file, s.new_file)
             : fmt::format("{} -> {}: {} change{} ({} weaker, {} stronger, {} neutral)\n",
                           s.old_file, s.new_file, s.changes.size(),
                           s.changes.size() == 1 ? "" : "s", n[0], n[1], n[2]);
  return out;
}

}  // namespace sla::cli
