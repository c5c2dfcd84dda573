// Writes N deterministic tickets as CSV for benchmarking `sla eval`:
//   build/bin/ticket_generator 1000000 > tickets.csv
// Same N, same file: a fixed-seed generator and integer formatting only.
#include <fmt/format.h>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

int main(int argc, char** argv) {
  if (argc != 2) {
    fmt::print(stderr, "usage: ticket_generator N > tickets.csv\n");
    return 2;
  }
  const long n = std::strtol(argv[1], nullptr, 10);
  std::uint64_t state = 0x9E3779B97F4A7C15ULL;
  auto next = [&](std::uint64_t bound) {  // xorshift64*
    state ^= state >> 12;
    state ^= state << 25;
    state ^= state >> 27;
    return (state * 0x2545F4914F6CDD1DULL >> 33) % bound;
  };
  static constexpr const char* priorities[] = {"Low", "Normal", "High", "Critical"};
  fmt::memory_buffer out;
  fmt::format_to(std::back_inserter(out), "id,priority,created_at,first_response_at,resolved_at\n");
  for (long i = 0; i < n; ++i) {
    const auto month = 1 + next(12), day = 1 + next(28), hour = next(24), minute = next(60);
    fmt::format_to(std::back_inserter(out), "T{},{},2026-{:02}-{:02}T{:02}:{:02}:00+07:00,", i,
                   priorities[next(4)], month, day, hour, minute);
    if (next(3) != 0) {  // two thirds answered, some hours later
      const auto later = std::min<std::uint64_t>(hour + 1 + next(6), 23);
      fmt::format_to(std::back_inserter(out), "2026-{:02}-{:02}T{:02}:{:02}:00+07:00", month, day,
                     later, minute);
    }
    fmt::format_to(std::back_inserter(out), ",\n");
    if (out.size() > (1 << 20)) {
      std::fwrite(out.data(), 1, out.size(), stdout);
      out.clear();
    }
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}
