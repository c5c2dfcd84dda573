// Writes N deterministic tickets as CSV for benchmarking `sla eval`:
//   build/bin/ticket_generator 1000000 > tickets.csv
//   build/bin/ticket_generator --beyond 1000000 > tickets.csv   # for bench/beyond.sla
// Same arguments, same file: a fixed-seed generator and integer formatting only.
//
// Default: the Qiscus priorities (Low, Normal, High, Critical), created through
// 2026, two thirds answered some hours later the same day; columns id, priority,
// created_at, first_response_at, resolved_at (resolved_at always empty).
//
// --beyond: the priorities of bench/beyond.sla (P1 5 %, P2 15 %, P3 40 %, P4 40 %)
// and its attributes, with the columns id, priority, created_at, first_response_at,
// resolved_at, channel, type, restored_at, updates:
//   - channel: phone 20 %, e-mail 45 %, portal 35 %; type: incident 75 %, question 25 %;
//   - created at any minute of 2026 (+07:00);
//   - answered 85 % (P1 within 0-59 minutes, P2 0-4 hours, P3/P4 0-36 hours);
//   - 0-3 updates after the answer, 20 minutes to 3 hours apart (column `updates`,
//     times separated by ';'): none for 40 % of the answered tickets;
//   - resolved 70 % of the answered, 1 hour to 6 days after the last update;
//   - restored_at for half the resolved P1/P2 incidents, between the answer and
//     the resolution, and for a tenth of the unresolved ones.
#include <fmt/format.h>
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iterator>

namespace {

std::uint64_t state = 0x9E3779B97F4A7C15ULL;
std::uint64_t next(std::uint64_t bound) {  // xorshift64*
  state ^= state >> 12;
  state ^= state << 25;
  state ^= state >> 27;
  return (state * 0x2545F4914F6CDD1DULL >> 33) % bound;
}

void flush_if_full(fmt::memory_buffer& out, bool force = false) {
  if (force || out.size() > (1 << 20)) {
    std::fwrite(out.data(), 1, out.size(), stdout);
    out.clear();
  }
}

void qiscus(long n, fmt::memory_buffer& out) {
  static constexpr const char* priorities[] = {"Low", "Normal", "High", "Critical"};
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
    flush_if_full(out);
  }
}

// Minutes since 2026-01-01 00:00 local (+07:00), written as RFC 3339.
void put_time(fmt::memory_buffer& out, std::int64_t minutes) {
  // days_from_civil's inverse (H. Hinnant), from 1970-01-01.
  const std::int64_t z = 20454 + minutes / 1440 + 719468;  // 2026-01-01 is day 20454
  const std::int64_t era = z / 146097, doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153;
  const std::int64_t d = doy - (153 * mp + 2) / 5 + 1, m = mp < 10 ? mp + 3 : mp - 9;
  const std::int64_t y = yoe + era * 400 + (m <= 2);
  const std::int64_t minute_of_day = minutes % 1440;
  fmt::format_to(std::back_inserter(out), "{}-{:02}-{:02}T{:02}:{:02}:00+07:00", y, m, d,
                 minute_of_day / 60, minute_of_day % 60);
}

void beyond(long n, fmt::memory_buffer& out) {
  fmt::format_to(std::back_inserter(out),
                 "id,priority,created_at,first_response_at,resolved_at,channel,type,restored_at,"
                 "updates\n");
  constexpr std::int64_t year = 365 * 1440;
  for (long i = 0; i < n; ++i) {
    const auto p = next(100);
    const int priority = p < 5 ? 1 : p < 20 ? 2 : p < 60 ? 3 : 4;
    const auto c = next(100);
    const char* channel = c < 20 ? "phone" : c < 65 ? "e-mail" : "portal";
    const bool question = next(4) == 0;
    const std::int64_t created = static_cast<std::int64_t>(next(year));
    std::int64_t responded = -1, resolved = -1, restored = -1, updates[3];
    int update_count = 0;
    if (next(100) < 85) {
      const std::uint64_t within = priority == 1 ? 60 : priority == 2 ? 4 * 60 : 36 * 60;
      responded = created + static_cast<std::int64_t>(next(within));
      const auto u = next(10);
      update_count = u < 4 ? 0 : u < 7 ? 1 : u < 9 ? 2 : 3;
      std::int64_t last = responded;
      for (int k = 0; k < update_count; ++k)
        last = updates[k] = last + 20 + static_cast<std::int64_t>(next(160));
      if (next(10) < 7) resolved = last + 60 + static_cast<std::int64_t>(next(6 * 1440));
      if (priority <= 2 && !question) {
        if (resolved >= 0 && next(2) == 0)
          restored = responded + static_cast<std::int64_t>(
                                     next(static_cast<std::uint64_t>(resolved - responded) + 1));
        else if (resolved < 0 && next(10) == 0)
          restored = responded + 30 + static_cast<std::int64_t>(next(8 * 60));
      }
    }
    fmt::format_to(std::back_inserter(out), "T{},P{},", i, priority);
    put_time(out, created);
    out.push_back(',');
    if (responded >= 0) put_time(out, responded);
    out.push_back(',');
    if (resolved >= 0) put_time(out, resolved);
    fmt::format_to(std::back_inserter(out), ",{},{},", channel, question ? "question" : "incident");
    if (restored >= 0) put_time(out, restored);
    out.push_back(',');
    for (int k = 0; k < update_count; ++k) {
      if (k) out.push_back(';');
      put_time(out, updates[k]);
    }
    out.push_back('\n');
    flush_if_full(out);
  }
}

}  // namespace

int main(int argc, char** argv) {
  const bool is_beyond = argc == 3 && std::strcmp(argv[1], "--beyond") == 0;
  if (argc != 2 && !is_beyond) {
    fmt::print(stderr, "usage: ticket_generator [--beyond] N > tickets.csv\n");
    return 2;
  }
  const long n = std::strtol(argv[argc - 1], nullptr, 10);
  fmt::memory_buffer out;
  if (is_beyond)
    beyond(n, out);
  else
    qiscus(n, out);
  flush_if_full(out, true);
  return 0;
}
