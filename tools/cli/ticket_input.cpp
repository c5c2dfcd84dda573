#include "tools/cli/ticket_input.hpp"

#include "tools/console/arguments.hpp"

namespace sla::cli {

void add_ticket_input_options(CLI::App* app, TicketInputOptions& options) {
  app->add_option("--input-format", options.input_format,
                  "Input: csv or jsonl (default: by extension, .jsonl/.ndjson or .csv; else "
                  "jsonl when the first character is '{', csv otherwise)")
      ->check(CLI::IsMember({"csv", "jsonl"}));
}

bool TicketInput::open(const TicketInputOptions& options, const Evaluator& evaluator,
                       std::string& error) {
  if (!file_.open(options.tickets, error)) return false;
  std::FILE* in = file_.stream();
  std::string format = options.input_format;
  if (format.empty()) format = input_format_of(options.tickets, in);
  std::vector<std::string> attributes;
  for (const auto& a : evaluator.model().attributes) attributes.push_back(a.name);
  reader_.emplace(in, format == "jsonl" ? TicketReader::Format::jsonl : TicketReader::Format::csv,
                  evaluator.calendar(), std::move(attributes));
  return reader_->start(error);
}

bool TicketInput::next(TicketRow& row) {
  return reader_->next(row);
}

}  // namespace sla::cli
