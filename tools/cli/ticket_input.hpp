// The tickets a command reads (eval, report): our own CSV or JSON Lines, or a help
// desk's export read through its importer. One place opens them, so that every
// command that takes tickets takes the same flags and says the same errors.
#pragma once

#include <string>
#include <variant>

#include <CLI/CLI.hpp>

#include "sla/evaluator.hpp"
#include "tools/console/input_file.hpp"
#include "tools/helpdesk/desk_reader.hpp"
#include "tools/io/eval_pipeline.hpp"
#include "tools/io/ticket_reader.hpp"

namespace sla::cli {

struct TicketInputOptions {
  std::string tickets = "-";  // a file, or - for standard input
  std::string input_format;   // csv, jsonl, or empty: by extension and first character
  std::string desk;           // zendesk, jira, zammad, freshdesk: that desk's export; empty: ours
  std::string map;            // with desk: its mapping file; empty: the desk's default
};

// Adds --input-format, --desk and --map to `app` (the tickets positional is the
// command's own).
void add_ticket_input_options(CLI::App* app, TicketInputOptions& options);

class TicketInput {
 public:
  // Opens the tickets and reads what comes before the first row (a CSV header);
  // false with `error` saying why the input cannot be read as tickets.
  bool open(const TicketInputOptions& options, const Evaluator& evaluator, std::string& error);
  // The next row; false at the end. The row is valid until the next call.
  bool next(TicketRow& row);
  NextRow rows() {
    return [this](TicketRow& row) { return next(row); };
  }

 private:
  InputFile file_;
  std::variant<std::monostate, TicketReader, DeskReader> reader_;
};

}  // namespace sla::cli
