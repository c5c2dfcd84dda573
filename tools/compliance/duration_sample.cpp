#include "tools/compliance/duration_sample.hpp"

#include <algorithm>
#include <bit>
#include <cmath>

namespace sla::cli {

namespace {

// Values below 256 s have a bucket each; above, each power of two is cut in 128.
constexpr std::int64_t kLinear = 256;
constexpr int kSubBits = 7;

std::size_t bucket_of(std::int64_t v) {
  if (v < kLinear) return static_cast<std::size_t>(v);
  const int e = std::bit_width(static_cast<std::uint64_t>(v)) - 1;  // 8 and up
  const std::int64_t m = v >> (e - kSubBits);                       // 128..255
  return static_cast<std::size_t>(kLinear + (e - 8) * (1 << kSubBits) + (m - (1 << kSubBits)));
}

// The middle of a bucket: the value a quantile that falls in it is given.
std::int64_t bucket_value(std::size_t index) {
  const auto i = static_cast<std::int64_t>(index);
  if (i < kLinear) return i;
  const std::int64_t e = (i - kLinear) / (1 << kSubBits) + 8;
  const std::int64_t m = (i - kLinear) % (1 << kSubBits) + (1 << kSubBits);
  const std::int64_t width = std::int64_t{1} << (e - kSubBits);
  return m * width + width / 2;
}

}  // namespace

void DurationSample::add(std::chrono::seconds value) {
  const std::int64_t v = std::max<std::int64_t>(0, value.count());
  ++count_;
  sum_ += v;
  max_ = std::max(max_, v);
  if (buckets_.empty()) {
    values_.push_back(v);
    sorted_ = false;
    if (values_.size() >= kExact) to_histogram();
    return;
  }
  const std::size_t b = bucket_of(v);
  if (b >= buckets_.size()) buckets_.resize(b + 1, 0);
  ++buckets_[b];
}

void DurationSample::to_histogram() {
  buckets_.assign(bucket_of(max_) + 1, 0);
  for (const auto v : values_) ++buckets_[bucket_of(v)];
  values_.clear();
  values_.shrink_to_fit();
  sorted_ = true;
}

std::chrono::seconds DurationSample::value_at_rank(std::size_t rank) const {
  std::uint64_t seen = 0;
  for (std::size_t b = 0; b < buckets_.size(); ++b) {
    seen += buckets_[b];
    if (seen > rank) return std::chrono::seconds(std::min(bucket_value(b), max_));
  }
  return std::chrono::seconds(max_);
}

std::optional<std::chrono::seconds> DurationSample::quantile(double q) const {
  if (count_ == 0) return std::nullopt;
  q = std::clamp(q, 0.0, 1.0);
  const double position = q * static_cast<double>(count_ - 1);
  const auto below = static_cast<std::size_t>(std::floor(position));
  const auto above = std::min(below + 1, count_ - 1);
  const double fraction = position - static_cast<double>(below);
  std::int64_t a = 0, b = 0;
  if (buckets_.empty()) {
    if (!sorted_) {
      std::sort(values_.begin(), values_.end());
      sorted_ = true;
    }
    a = values_[below];
    b = values_[above];
  } else {
    a = value_at_rank(below).count();
    b = value_at_rank(above).count();
  }
  return std::chrono::seconds(
      std::llround(static_cast<double>(a) + fraction * static_cast<double>(b - a)));
}

std::optional<std::chrono::seconds> DurationSample::mean() const {
  if (count_ == 0) return std::nullopt;
  return std::chrono::seconds(
      std::llround(static_cast<double>(sum_) / static_cast<double>(count_)));
}

std::optional<std::chrono::seconds> DurationSample::max() const {
  if (count_ == 0) return std::nullopt;
  return std::chrono::seconds(max_);
}

}  // namespace sla::cli
