// An `example` block as a ticket: its times read in the package calendar's zone,
// and the instant it is judged at. `sla test` judges examples and `sla render`
// works them out in words; both must read them the same way.
#pragma once

#include <string>

#include "sla/evaluator.hpp"
#include "sla/model.hpp"

namespace sla::cli {

struct ExampleTicket {
  Ticket ticket;  // its priority views the Example's: keep the Example alive
  // The latest time the example mentions (raised, responded, resolved, expected
  // due times): an example is judged once everything in it has happened, so a
  // target it leaves unanswered is pending until its due time passes.
  Instant as_of{};
  std::string error;  // a time that cannot be read: "'2026-02-30 10:00': no such date"
};

ExampleTicket example_ticket(const Example& example, const Calendar& calendar);

}  // namespace sla::cli
