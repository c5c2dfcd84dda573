// An `example` block as a ticket: its times read in the package calendar's zone,
// and the instant it is judged at. `sla test` judges examples and `sla render`
// works them out in words; both must read them the same way.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "sla/evaluator.hpp"
#include "sla/model.hpp"

namespace sla::cli {

struct ExampleTicket {
  // Its priority and attributes view the Example's, its events the two lists below:
  // keep the Example alive, and move an ExampleTicket rather than copy it.
  Ticket ticket;
  std::vector<TicketEvent> events;           // the updates
  std::vector<std::string_view> attributes;  // in the order of Model::attributes
  ExampleTicket() = default;
  ExampleTicket(ExampleTicket&&) = default;
  ExampleTicket(const ExampleTicket&) = delete;
  // The latest time the example mentions (raised, responded, resolved, expected
  // due times): an example is judged once everything in it has happened, so a
  // target it leaves unanswered is pending until its due time passes.
  Instant as_of{};
  std::string error;  // a time that cannot be read: "'2026-02-30 10:00': no such date"
};

ExampleTicket example_ticket(const Model& model, const Example& example, const Calendar& calendar);

}  // namespace sla::cli
