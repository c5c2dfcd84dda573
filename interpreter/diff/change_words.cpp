#include "interpreter/diff/change_words.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cctype>

namespace sla::change_words {

std::string was_now(const std::string& x, const std::string& y, std::string_view none) {
  return fmt::format("is {} (was {})", y.empty() ? std::string(none) : y,
                     x.empty() ? std::string(none) : x);
}

std::string lower(std::string s) {
  for (auto& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return s;
}

std::string list_or_none(const std::vector<std::string>& v) {
  return v.empty() ? "none" : fmt::format("{}", fmt::join(v, ", "));
}

std::string quoted_or_none(const std::vector<std::string>& v) {
  if (v.empty()) return "none";
  std::vector<std::string> q;
  for (const auto& s : v) q.push_back("\u201c" + s + "\u201d");
  return fmt::format("{}", fmt::join(q, ", "));
}

std::string sample(const std::vector<std::string>& v) {
  constexpr std::size_t kShown = 3;
  std::vector<std::string> shown(v.begin(),
                                 v.begin() + static_cast<long>(std::min(v.size(), kShown)));
  return v.size() > kShown ? fmt::format("{}, ...", fmt::join(shown, ", "))
                           : fmt::format("{}", fmt::join(shown, ", "));
}

std::string rules_of(const Package& p) {
  return fmt::format("requires {}; excludes {}", list_or_none(p.requires_),
                     list_or_none(p.excludes));
}

std::string money_text(const Money& m) {
  std::string amount = fmt::format("{}", m.milli / 1000);
  for (int at = static_cast<int>(amount.size()) - 3; at > 0; at -= 3)
    amount.insert(static_cast<std::size_t>(at), ",");
  if (m.milli % 1000) amount += fmt::format(".{:03}", m.milli % 1000);
  return fmt::format("{} {}{}", m.currency, amount, m.period.empty() ? "" : " " + m.period);
}

std::string percent_text(std::int64_t milli) {
  std::string s = fmt::format("{}.{:03}", milli / 1000, milli % 1000);
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s + " %";
}

std::string percent_or_none(const std::optional<std::int64_t>& milli) {
  return milli ? percent_text(*milli) : "";
}

std::string hours_text(std::int64_t seconds) {
  const std::int64_t minutes = seconds / 60, h = minutes / 60, m = minutes % 60;
  std::string out = fmt::format("{} hour{}", h, h == 1 ? "" : "s");
  if (m) out += fmt::format(" {} minute{}", m, m == 1 ? "" : "s");
  return out;
}

std::string commitment_text(Commitment c) {
  return c == Commitment::committed ? "committed" : "best effort";
}

std::string target_head(const Target& t) {
  std::string out = fmt::format("{} {}", verb(t.kind), t.for_all ? "all" : t.priority);
  if (t.where) out += " where " + t.where->text();
  return out;
}

std::string length_words(const Target& t) {
  return fmt::format("{} {}", t.kind == TargetKind::update ? "every" : "within", t.within.text);
}

std::string for_whom(const Target& t) {
  return t.for_all ? fmt::format(" (for {})", t.priority) : std::string();
}

std::string target_text(const Target& t) {
  return fmt::format("{} {} ({})", target_head(t), t.by ? t.by->text : length_words(t),
                     commitment_text(t.commitment));
}

std::string weekly_text(const CalendarInfo& c) {
  if (!c.union_of.empty()) return fmt::format("when any of {} is", fmt::join(c.union_of, ", "));
  return c.weekly.empty() ? "never" : fmt::format("{}", fmt::join(c.weekly, ", "));
}

std::string ladders_text(const Package& p) {
  std::vector<std::string> parts;
  auto bands = [](const std::vector<EscalationBand>& list) {
    std::vector<std::string> out;
    for (const auto& b : list)
      out.push_back(fmt::format("from {}{}: {}{}", b.from.text,
                                b.until ? " until " + b.until->text : "", b.role,
                                b.when_no_response    ? " (when no response)"
                                : b.when_not_resolved ? " (when not resolved)"
                                                      : ""));
    return fmt::format("{}", fmt::join(out, "; "));
  };
  if (p.escalation) parts.push_back(bands(*p.escalation));
  for (const auto& l : p.ladders)
    parts.push_back(fmt::format("for {}: {}", fmt::join(l.priorities, ", "), bands(l.bands)));
  return fmt::format("{}", fmt::join(parts, " | "));
}

std::string uptime_text(const Uptime& u) {
  return fmt::format("{}{}",
                     u.target_milli ? percent_text(*u.target_milli) : std::string("no target"),
                     u.period.empty() ? "" : " " + u.period);
}

std::string measure_text(const Uptime& u) {
  return fmt::format("period {}; unavailable when {}; published at {}",
                     u.period.empty() ? "unstated" : u.period,
                     u.unavailable_when.empty() ? "unstated" : u.unavailable_when,
                     u.published_at.empty() ? "unstated" : u.published_at);
}

std::string credit_tiers(const Uptime& u) {
  std::vector<std::string> parts;
  for (const auto& c : u.credits)
    parts.push_back(
        fmt::format("{} below {}", percent_text(c.credit_milli), percent_text(c.below_milli)));
  return fmt::format("{}", fmt::join(parts, "; "));
}

std::string example_text(const Example& e) {
  std::vector<std::string> parts{fmt::format("under {}", e.package)};
  if (!e.addons.empty()) parts.back() += fmt::format(" with {}", fmt::join(e.addons, ", "));
  parts.push_back(fmt::format("ticket {} raised {}",
                              e.priority.empty() ? "(no priority)" : e.priority, e.raised));
  for (const auto& [k, v] : e.attributes) parts.push_back(fmt::format("{} is \"{}\"", k, v));
  if (!e.responded.empty()) parts.push_back("responded " + e.responded);
  for (const auto& u : e.updates) parts.push_back("updated " + u);
  if (!e.restored.empty()) parts.push_back("restored " + e.restored);
  if (!e.resolved.empty()) parts.push_back("resolved " + e.resolved);
  for (const auto& x : e.expectations)
    parts.push_back(
        fmt::format("expect {}{}{}{}", x.subject, x.role.empty() ? "" : " to \"" + x.role + "\"",
                    x.due.empty() ? "" : " due " + x.due, x.status.empty() ? "" : " " + x.status));
  return fmt::format("{}", fmt::join(parts, "; "));
}

}  // namespace sla::change_words
