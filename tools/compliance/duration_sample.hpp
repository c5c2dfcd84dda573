// A distribution of durations in bounded memory: every value is kept while there
// are few (quantiles are then exact), and from kExact values on they are counted in
// a log-linear histogram whose buckets are at most 1/128 of their value wide (a
// quantile is then within 0.8 %). 10,000,000 tickets cost the same few kilobytes
// as 70,000.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <vector>

namespace sla::cli {

class DurationSample {
 public:
  static constexpr std::size_t kExact = 65536;

  void add(std::chrono::seconds value);  // a negative value counts as zero
  std::size_t count() const { return count_; }
  bool exact() const { return buckets_.empty(); }
  // The q-quantile (0 <= q <= 1), interpolated between the two nearest values as
  // spreadsheets do (PERCENTILE.INC); none when empty.
  std::optional<std::chrono::seconds> quantile(double q) const;
  std::optional<std::chrono::seconds> mean() const;
  std::optional<std::chrono::seconds> max() const;

 private:
  void to_histogram();
  std::chrono::seconds value_at_rank(std::size_t rank) const;  // 0-based, histogram only

  mutable std::vector<std::int64_t> values_;  // sorted lazily by quantile()
  mutable bool sorted_ = true;
  std::vector<std::uint64_t> buckets_;
  std::size_t count_ = 0;
  std::int64_t sum_ = 0, max_ = 0;
};

}  // namespace sla::cli
