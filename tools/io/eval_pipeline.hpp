// The eval loop: read a row, evaluate it, write it, in input order. With two
// threads, one reads and evaluates while the other formats and writes, handing
// over batches of rows; memory stays bounded by the batches in flight.
#pragma once

#include <cstddef>

#include "sla/evaluator.hpp"
#include "tools/io/result_writer.hpp"
#include "tools/io/ticket_reader.hpp"

namespace sla::cli {

struct EvalStats {
  std::size_t rows = 0, failed = 0;
};

EvalStats run_eval(TicketReader& reader, const Evaluator& evaluator, ResultWriter& writer,
                   Instant as_of, unsigned threads);

}  // namespace sla::cli
