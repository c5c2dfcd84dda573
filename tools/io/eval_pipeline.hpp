// The eval loop: read a row, evaluate it, write it, in input order. With two
// threads, one reads and evaluates while the other formats and writes, handing
// over batches of rows; memory stays bounded by the batches in flight.
#pragma once

#include <cstddef>
#include <functional>

#include "sla/evaluator.hpp"
#include "tools/io/result_writer.hpp"
#include "tools/io/ticket_reader.hpp"

namespace sla::cli {

struct EvalStats {
  std::size_t rows = 0, failed = 0;
};

// Where rows come from: a TicketReader, or a help desk's export read as rows.
using NextRow = std::function<bool(TicketRow&)>;
// Where evaluated rows go, in input order: a ResultWriter, a report's tally. With two
// threads it is called on the second one.
using RowSink = std::function<void(const ResultRow&, const Evaluation&)>;

EvalStats run_eval(const NextRow& next, const Evaluator& evaluator, const RowSink& sink,
                   Instant as_of, unsigned threads);
inline EvalStats run_eval(const NextRow& next, const Evaluator& evaluator, ResultWriter& writer,
                          Instant as_of, unsigned threads) {
  return run_eval(
      next, evaluator, [&](const ResultRow& row, const Evaluation& ev) { writer.write(row, ev); },
      as_of, threads);
}
inline EvalStats run_eval(TicketReader& reader, const Evaluator& evaluator, ResultWriter& writer,
                          Instant as_of, unsigned threads) {
  return run_eval([&](TicketRow& row) { return reader.next(row); }, evaluator, writer, as_of,
                  threads);
}

}  // namespace sla::cli
