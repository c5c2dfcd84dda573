#include "tools/cli/ticket_input.hpp"

#include <fmt/format.h>

#include "tools/console/arguments.hpp"
#include "tools/console/streams.hpp"

namespace sla::cli {

void add_ticket_input_options(CLI::App* app, TicketInputOptions& options) {
  CLI::Option* input_format =
      app->add_option("--input-format", options.input_format,
                      "Input: csv or jsonl (default: by extension, .jsonl/.ndjson or .csv; else "
                      "jsonl when the first character is '{', csv otherwise)")
          ->check(CLI::IsMember({"csv", "jsonl"}));
  CLI::Option* desk =
      app->add_option("--desk", options.desk,
                      "Read a help desk's own export instead: zendesk (incremental ticket export "
                      "JSON with metric_sets and audits), jira (issue CSV export, or REST search "
                      "JSON with changelog), zammad (tickets JSON with history), freshdesk (ticket "
                      "CSV export); see docs/helpdesk.md")
          ->check(CLI::IsMember({"zendesk", "jira", "zammad", "freshdesk"}))
          ->excludes(input_format);
  app->add_option("--map", options.map,
                  "With --desk: the file mapping the desk's priorities and statuses to the "
                  "contract's ([priority], [status], [desk] zone; default: the desk's standard "
                  "values, see docs/helpdesk.md)")
      ->needs(desk);
}

bool TicketInput::open(const TicketInputOptions& options, const Evaluator& evaluator,
                       std::string& error) {
  std::optional<DeskMap> map;
  std::optional<Desk> desk;
  if (!options.desk.empty()) {
    desk = desk_named(options.desk);
    if (!desk) {
      error = fmt::format("--desk '{}': expected zendesk, jira, zammad or freshdesk", options.desk);
      return false;
    }
    // The map is read first: a broken map is the user's to fix before any ticket.
    // `--map -`: the commands refuse it when the tickets are on standard input too.
    map = options.map.empty() ? default_desk_map(*desk)
          : options.map == "-"
              ? parse_desk_map(standard_input_text(), *desk, "the map on standard input", error)
              : read_desk_map(options.map, *desk, error);
    if (!map) return false;
  } else if (!options.map.empty()) {
    error = "--map needs --desk: a map says how a help desk's values read as the contract's";
    return false;
  }
  if (!file_.open(options.tickets, error)) return false;
  std::FILE* in = file_.stream();
  if (desk) return reader_.emplace<DeskReader>().open(in, *desk, std::move(*map), evaluator, error);
  std::string format = options.input_format;
  if (format.empty()) format = input_format_of(options.tickets, in);
  std::vector<std::string> attributes;
  for (const auto& a : evaluator.model().attributes) attributes.push_back(a.name);
  return reader_
      .emplace<TicketReader>(
          in, format == "jsonl" ? TicketReader::Format::jsonl : TicketReader::Format::csv,
          evaluator.calendar(), std::move(attributes))
      .start(error);
}

bool TicketInput::next(TicketRow& row) {
  if (auto* desk = std::get_if<DeskReader>(&reader_)) return desk->next(row);
  if (auto* ours = std::get_if<TicketReader>(&reader_)) return ours->next(row);
  return false;
}

}  // namespace sla::cli
