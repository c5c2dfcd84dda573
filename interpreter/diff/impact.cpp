#include <algorithm>
#include <chrono>
#include <map>
#include <optional>
#include <random>
#include <tuple>

#include "sla/diff.hpp"
#include "sla/evaluator.hpp"
#include "sla/timestamp.hpp"

namespace sla {

namespace {

// The first day of the tickets' year: the new version's effective date, else 2026.
Instant start_of(const Model& m) {
  const std::string day = m.contract.effective.empty() ? "2026-01-01" : m.contract.effective;
  const auto t = parse_instant(day + "T00:00:00Z");
  return t ? *t : *parse_instant("2026-01-01T00:00:00Z");
}

// "2026-01-01": the date of an RFC 3339 time in UTC.
std::string day_of(Instant t) {
  return format_instant(t, std::chrono::seconds(0)).substr(0, 10);
}

struct Tally {
  ImpactRow row;
  std::vector<std::int64_t> shifts;

  void compare(const TargetOutcome& a, const TargetOutcome& b) {
    if (a.verdict == Verdict::no_target && b.verdict == Verdict::no_target) return;
    ++row.tickets;
    if (a.due && b.due && *a.due != *b.due) {
      const std::int64_t shift = (*b.due - *a.due).count();
      ++row.moved;
      shift > 0 ? ++row.later : ++row.earlier;
      row.worst_later_seconds = std::max(row.worst_later_seconds, shift);
      row.worst_earlier_seconds = std::max(row.worst_earlier_seconds, -shift);
      shifts.push_back(shift);
    } else if (a.due.has_value() != b.due.has_value()) {
      ++row.moved;
    }
    const auto judged = [](Verdict v) { return v == Verdict::met || v == Verdict::breached; };
    if (judged(a.verdict) && judged(b.verdict) && a.verdict != b.verdict) ++row.flipped;
  }
};

struct Pair {
  std::string package;
  Evaluator old_version, new_version;
};

}  // namespace

struct ImpactReplay::State {
  std::vector<Pair> pairs;
  // (package, priority, target) -> its tally, in the order met.
  std::map<std::tuple<std::string, std::string, int>, Tally> tallies;
  std::vector<std::tuple<std::string, std::string, int>> order;
  std::size_t tickets = 0;
  // Each package's two evaluations of the ticket being added; kept to be reused,
  // so that a file of a million rows does not allocate once per row.
  std::vector<std::pair<Evaluation, Evaluation>> both;
};

ImpactReplay::ImpactReplay(const Model& a, const Model& b) : state_(std::make_unique<State>()) {
  for (const auto& p : b.packages) {
    if (!a.package(p.id)) continue;
    auto x = Evaluator::make(a, p.id), y = Evaluator::make(b, p.id);
    if (x.evaluator && y.evaluator)
      state_->pairs.push_back({p.id, std::move(*x.evaluator), std::move(*y.evaluator)});
  }
}

ImpactReplay::~ImpactReplay() = default;

std::string ImpactReplay::add(const Ticket& ticket, Instant as_of) {
  auto& both = state_->both;
  both.clear();
  for (const auto& pair : state_->pairs) {
    Evaluation a = pair.old_version.evaluate(ticket, as_of);
    Evaluation b = pair.new_version.evaluate(ticket, as_of);
    if (!a.ok()) return pair.old_version.error_text(a);
    if (!b.ok()) return pair.new_version.error_text(b);
    both.emplace_back(std::move(a), std::move(b));
  }
  ++state_->tickets;
  for (std::size_t i = 0; i < both.size(); ++i) {
    const Pair& pair = state_->pairs[i];
    const Evaluation& a = both[i].first;
    const Evaluation& b = both[i].second;
    if (!b.priority) continue;
    for (const auto kind : {TargetKind::response, TargetKind::resolution}) {
      const auto key = std::tuple(pair.package, b.priority->name, static_cast<int>(kind));
      auto [it, fresh] = state_->tallies.try_emplace(key);
      if (fresh) {
        it->second.row = ImpactRow{pair.package, b.priority->name, kind};
        state_->order.push_back(key);
      }
      if (kind == TargetKind::response)
        it->second.compare(a.response, b.response);
      else
        it->second.compare(a.resolution, b.resolution);
    }
  }
  return {};
}

Impact ImpactReplay::result() const {
  Impact out;
  out.tickets = state_->tickets;
  out.unreadable = unreadable_;
  for (const auto& key : state_->order) {
    Tally t = state_->tallies.at(key);
    if (!t.shifts.empty()) {
      auto middle = t.shifts.begin() + static_cast<long>(t.shifts.size() / 2);
      std::nth_element(t.shifts.begin(), middle, t.shifts.end());
      t.row.median_shift_seconds = *middle;
    }
    if (t.row.moved || t.row.flipped) out.rows.push_back(t.row);
  }
  return out;
}

Impact impact(const Model& old_version, const Model& new_version, std::size_t per_priority) {
  const Instant from = start_of(new_version);
  const Instant to = from + std::chrono::days(365);
  ImpactReplay replay(old_version, new_version);
  for (const auto& priority : new_version.priorities) {
    if (!old_version.priority(priority.name)) continue;
    std::mt19937_64 random(std::hash<std::string>{}(priority.name));
    for (std::size_t i = 0; i < per_priority; ++i) {
      Ticket t;
      t.priority = priority.name;
      t.created = from + std::chrono::seconds(random() % (365 * 86400));
      t.responded = t.created + std::chrono::seconds(random() % (3 * 86400));
      t.resolved = *t.responded + std::chrono::seconds(random() % (10 * 86400));
      replay.add(t, to + std::chrono::days(60));
    }
  }
  Impact out = replay.result();
  out.tickets_per_priority = per_priority;
  out.from = day_of(from);
  out.to = day_of(to - std::chrono::days(1));
  return out;
}

}  // namespace sla
