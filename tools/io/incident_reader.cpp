#include "tools/io/incident_reader.hpp"

#include "grammar/source.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "grammar/suggest.hpp"
#include "tools/io/json_line.hpp"
#include "tools/io/line_reader.hpp"

namespace sla::cli {

namespace {

std::string category_names() {
  std::vector<std::string_view> names;
  for (auto c : kIncidentCategories) names.push_back(name(c));
  return fmt::format("{}", fmt::join(names, ", "));
}

}  // namespace

IncidentReader::IncidentReader(std::FILE* in, Format format, const Calendar& calendar)
    : in_(in), format_(format), calendar_(calendar), csv_(in) {}

bool IncidentReader::start(std::string& problem) {
  if (format_ == Format::jsonl) return true;
  if (!csv_.next(fields_)) {
    problem =
        fmt::format("the input is empty: expected a header row with the columns {}", kColumns);
    return false;
  }
  const Column columns[] = {
      {"id", &id_},   {"service", &service_},   {"start", &start_},
      {"end", &end_}, {"category", &category_}, {"announced_at", &announced_}};
  if (!find_columns(fields_, columns, problem)) return false;
  std::vector<std::string> missing;
  if (service_ < 0) missing.emplace_back("service");
  if (start_ < 0) missing.emplace_back("start");
  if (category_ < 0) missing.emplace_back("category");
  if (!missing.empty()) {
    problem = fmt::format("the header row has no {} column{} (columns: {})",
                          fmt::join(missing, ", "), missing.size() > 1 ? "s" : "", kColumns);
    return false;
  }
  return true;
}

std::optional<Instant> IncidentReader::instant(std::string_view text, std::string_view column,
                                               std::string& error) const {
  std::string why;
  auto t = parse_local_instant(trim_field(text), calendar_, why);
  if (!t && error.empty()) error = fmt::format("{} '{}': {}", column, text, why);
  return t;
}

void IncidentReader::fill(IncidentRow& row, std::string_view id, std::string_view service,
                          std::string_view start, std::string_view end, std::string_view category,
                          std::string_view announced) const {
  std::string& error = row.error;
  Incident& incident = row.incident;
  incident.id = std::string(trim_field(id));
  incident.service = std::string(trim_field(service));
  if (incident.service.empty() && error.empty()) error = "missing service";
  if (trim_field(start).empty()) {
    if (error.empty()) error = "missing start";
  } else if (auto t = instant(start, "start", error)) {
    incident.start = *t;
  }
  if (!trim_field(end).empty()) incident.end = instant(end, "end", error);
  if (trim_field(category).empty()) {
    if (error.empty()) error = "missing category";
  } else if (auto c = parse_incident_category(trim_field(category))) {
    incident.category = *c;
  } else if (error.empty()) {
    std::vector<std::string_view> names;
    for (auto k : kIncidentCategories) names.push_back(name(k));
    const auto near = closest(trim_field(category), std::span<const std::string_view>(names));
    error = fmt::format("unknown category '{}'{} (categories: {})", trim_field(category),
                        near ? fmt::format("; did you mean '{}'?", *near) : "", category_names());
  }
  if (!trim_field(announced).empty())
    incident.announced_at = instant(announced, "announced_at", error);
}

bool IncidentReader::next(IncidentRow& row) {
  row = IncidentRow{};
  return format_ == Format::csv ? next_csv(row) : next_jsonl(row);
}

bool IncidentReader::next_csv(IncidentRow& row) {
  if (!csv_.next(fields_)) return false;
  row.number = ++rows_;
  row.line = csv_.line();
  auto field = [&](int index) -> std::string_view {
    return index >= 0 && static_cast<std::size_t>(index) < fields_.size()
               ? fields_[static_cast<std::size_t>(index)]
               : std::string_view();
  };
  if (!csv_.error().empty()) row.error = std::string(csv_.error());
  fill(row, field(id_), field(service_), field(start_), field(end_), field(category_),
       field(announced_));
  return true;
}

bool IncidentReader::next_jsonl(IncidentRow& row) {
  // One line at a time (ended by LF, CR or CRLF); blank lines are skipped.
  const LineRead read = read_record(in_, line_text_, 1u << 20, line_);
  if (!read.any) return false;
  row.number = ++rows_;
  row.line = line_;
  if (read.too_long) {
    row.error = "a line longer than 1 MiB";
    return true;
  }
  const auto json = nlohmann::json::parse(line_text_, nullptr, false);
  if (json.is_discarded() || !json.is_object()) {
    row.error = json.is_discarded() ? not_json_reason(line_text_) : "not a JSON object";
    return true;
  }
  // Values as text; a number or other non-string is kept as written (1.5e3 stays
  // 1.5e3). An empty string is no value, as an empty CSV field.
  std::array<std::string, 6> text;
  const char* keys[] = {"id", "service", "start", "end", "category", "announced_at"};
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto it = json.find(keys[i]);
    if (it != json.end() && !it->is_null())
      text[i] =
          it->is_string() ? it->get<std::string>() : std::string(raw_member(line_text_, keys[i]));
  }
  fill(row, text[0], text[1], text[2], text[3], text[4], text[5]);
  return true;
}

std::vector<Incident> read_incidents(IncidentReader& reader, const Package& package,
                                     std::optional<Instant> as_of, std::size_t& rows,
                                     const std::function<void(const IncidentRow&)>& bad_row) {
  std::vector<Incident> incidents;
  IncidentRow row;
  while (reader.next(row)) {
    ++rows;
    if (row.error.empty()) row.error = incident_problem(row.incident, package, as_of);
    if (row.error.empty())
      incidents.push_back(std::move(row.incident));
    else
      bad_row(row);
  }
  return incidents;
}

std::string bad_row_text(const std::string& path, const IncidentRow& row) {
  return fmt::format(
      "{}: row {} (line {}){}: {}", path == "-" ? "<stdin>" : path, row.number, row.line,
      row.incident.id.empty() ? ""
                              : fmt::format(", incident {}", escape_invisible(row.incident.id)),
      escape_invisible(row.error));
}

}  // namespace sla::cli
