#include "tools/io/eval_pipeline.hpp"

#include <fmt/format.h>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

namespace sla::cli {

namespace {

// Evaluates one row in place; returns the row's error ("" when it is a ticket).
void evaluate(const Evaluator& evaluator, TicketRow& row, Instant as_of, Evaluation& ev) {
  ev = Evaluation{};
  if (!row.error.empty()) return;
  ev = evaluator.evaluate(row.ticket, as_of);
  if (ev.error.empty()) return;
  row.error = evaluator.error_text(ev);
}

// A row's creation time is known unless the row has an error (then Instant{} says
// it could not be read).
ResultRow result_row(const TicketRow& row) {
  const bool created = row.error.empty() || row.ticket.created != Instant{};
  return {row.number,
          row.line,
          row.id,
          row.ticket.priority,
          created ? std::optional(row.ticket.created) : std::nullopt,
          row.ticket.responded,
          row.ticket.resolved,
          row.ticket.restored,
          row.error,
          row.desk_response,
          row.desk_resolution};
}

}  // namespace

void measure_time_taken(const Evaluator& evaluator, const Ticket& ticket, const Evaluation& ev,
                        Instant as_of, ResultRow& out) {
  const TargetOutcome* outcomes[4] = {&ev.response, &ev.resolution, &ev.update, &ev.restoration};
  const std::optional<Instant> done[4] = {ticket.responded, ticket.resolved, std::nullopt,
                                          ticket.restored ? ticket.restored : ticket.resolved};
  for (std::size_t k = 0; k < 4; ++k) {
    const Target* target = outcomes[k]->target;
    if (!target || !done[k] || *done[k] > as_of) continue;
    const auto taken = evaluator.time_taken(*target, ticket, *done[k], as_of);
    out.business_taken[k] = taken.open;
    out.calendar_taken[k] = taken.all;
  }
}

namespace {

// A batch owns copies of the texts its rows point into: the reader's buffer moves on.
struct Batch {
  struct Row {
    ResultRow row;
    Evaluation ev;
    std::size_t id, priority, error;  // offsets into text
  };
  std::vector<Row> rows;
  std::string text;

  void add(const TicketRow& r, const ResultRow& row, const Evaluation& ev) {
    Row out{row, ev, text.size(), 0, 0};
    text.append(r.id);
    out.priority = text.size();
    text.append(r.ticket.priority);
    out.error = text.size();
    text.append(r.error);
    rows.push_back(out);
  }
  // Points the rows' views at this batch's text (after it stopped growing).
  void seal() {
    for (auto& r : rows) {
      r.row.id = std::string_view(text).substr(r.id, r.row.id.size());
      r.row.priority = std::string_view(text).substr(r.priority, r.row.priority.size());
      r.row.error = std::string_view(text).substr(r.error, r.row.error.size());
    }
  }
};

class Queue {
 public:
  void push(std::unique_ptr<Batch> b) {
    std::unique_lock lock(mutex_);
    room_.wait(lock, [&] { return full_.size() < 4; });  // bounds memory
    full_.push_back(std::move(b));
    ready_.notify_one();
  }
  std::unique_ptr<Batch> pop() {  // null at the end
    std::unique_lock lock(mutex_);
    ready_.wait(lock, [&] { return !full_.empty() || done_; });
    if (full_.empty()) return nullptr;
    auto b = std::move(full_.front());
    full_.pop_front();
    room_.notify_one();
    return b;
  }
  void close() {
    std::lock_guard lock(mutex_);
    done_ = true;
    ready_.notify_all();
  }
  void recycle(std::unique_ptr<Batch> b) {
    std::lock_guard lock(mutex_);
    b->rows.clear();
    b->text.clear();
    spare_.push_back(std::move(b));
  }
  std::unique_ptr<Batch> fresh() {
    std::lock_guard lock(mutex_);
    if (spare_.empty()) return std::make_unique<Batch>();
    auto b = std::move(spare_.back());
    spare_.pop_back();
    return b;
  }

 private:
  std::mutex mutex_;
  std::condition_variable ready_, room_;
  std::deque<std::unique_ptr<Batch>> full_, spare_;
  bool done_ = false;
};

}  // namespace

EvalStats run_eval(const NextRow& next, const Evaluator& evaluator, const RowSink& sink,
                   Instant as_of, unsigned threads, bool time_taken) {
  EvalStats stats;
  TicketRow row;
  Evaluation ev;
  auto out = [&] {
    ResultRow r = result_row(row);
    if (time_taken && row.error.empty()) measure_time_taken(evaluator, row.ticket, ev, as_of, r);
    return r;
  };
  if (threads < 2) {
    while (next(row)) {
      evaluate(evaluator, row, as_of, ev);
      ++stats.rows;
      if (!row.error.empty()) ++stats.failed;
      sink(out(), ev);
    }
    return stats;
  }
  Queue queue;
  std::thread output([&] {
    while (auto batch = queue.pop()) {
      for (const auto& r : batch->rows) sink(r.row, r.ev);
      queue.recycle(std::move(batch));
    }
  });
  constexpr std::size_t batch_rows = 2048;
  auto batch = queue.fresh();
  while (next(row)) {
    evaluate(evaluator, row, as_of, ev);
    ++stats.rows;
    if (!row.error.empty()) ++stats.failed;
    batch->add(row, out(), ev);
    if (batch->rows.size() == batch_rows) {
      batch->seal();
      queue.push(std::move(batch));
      batch = queue.fresh();
    }
  }
  batch->seal();
  queue.push(std::move(batch));
  queue.close();
  output.join();
  return stats;
}

}  // namespace sla::cli
