// The lint rules, each a function over the checked Model (and, where positions or
// spelling matter, the syntax trees). lint.cpp runs them and applies what the
// user silenced; docs/lint.md explains each code with a bad and a good example.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "grammar/ast.hpp"
#include "grammar/codes.hpp"
#include "grammar/source.hpp"
#include "sla/model.hpp"

namespace sla::lint {

// A package as a client can buy it: alone, or with a set of add-ons that its
// requires and excludes allow.
struct View {
  std::string name;  // "premium", "standard with weekend_cover and fix_times"
  Package package;   // package.applied_addons: the add-ons, in declaration order
  const CalendarInfo* calendar = nullptr;
};

// "standard with weekend_cover and fix_times"
std::string view_name(const std::string& package, const std::vector<std::string>& addons);

class Context {
 public:
  Context(const Model& model, const SourceMap& sources, const std::vector<ast::File>& files);

  const Model& model() const { return model_; }
  const std::vector<ast::File>& files() const { return files_; }
  const SourceMap& sources() const { return sources_; }
  // Every package with every allowed set of add-ons, fewest add-ons first; at most
  // kMaxViewsPerPackage selections are tried per package (capped() says when).
  const std::vector<View>& views() const { return views_; }
  // The view of `package` with exactly `addons` (any order), if that set is allowed.
  const View* view(const std::string& package, std::vector<std::string> addons) const;
  // A package whose combinations were not all tried: how many there are, so a
  // reader can weigh what was left out.
  struct Capped {
    std::string package;
    std::size_t addons = 0;             // the add-ons it can be bought with
    std::optional<std::uint64_t> sets;  // the sets its excludes allow; none: too many to count
    std::size_t reviewed = 0;           // the sets sold and reviewed
  };
  const std::vector<Capped>& capped() const { return capped_; }
  static constexpr std::size_t kMaxViewsPerPackage = 4096;

  // The place a SourceRef names, with the whole statement underlined when a
  // statement starts there.
  Location at(const SourceRef& ref) const;
  Location at(Span span) const { return sources_.locate(span); }

  // Records a finding once per code and place (the same target is seen under
  // several views).
  Diagnostic* report(Code code, Severity severity, Location where, std::string message,
                     std::string hint = {});
  void note(Diagnostic& d, const SourceRef& ref, std::string message) const;

  std::vector<Diagnostic> take() { return std::move(findings_); }

 private:
  const Model& model_;
  const SourceMap& sources_;
  const std::vector<ast::File>& files_;
  std::vector<View> views_;
  std::map<std::string, std::size_t> view_index_;  // "package|addon|addon" (sorted) -> views_
  std::vector<Capped> capped_;
  std::vector<Diagnostic> findings_;
  // Indexes, so that thousands of findings cost no more than thousands of look-ups:
  // what has been reported (code, file, line, column), and per file the statement
  // starting at each offset (built on the first finding in that file).
  std::set<std::tuple<std::string, std::string, std::uint32_t, std::uint32_t>> reported_;
  mutable std::map<std::uint32_t, std::unordered_map<std::uint32_t, Span>> statements_;
};

void targets_not_monotonic(Context& c);       // SLA101
void resolution_before_response(Context& c);  // SLA102
void labels_disagree(Context& c);             // SLA103
void business_days_always_open(Context& c);   // SLA104
void calendar_time_office_hours(Context& c);  // SLA105
void reversed_zones(Context& c);              // SLA106
void escalation_ladders(Context& c);          // SLA107
void uptime_terms(Context& c);                // SLA108, SLA109
void holiday_coverage(Context& c);            // SLA110, SLA111, SLA114
void tentative_dates(Context& c, const CalendarInfo& cal, const HolidaySet& set,
                     const Location& where_closed, int from, int to);      // SLA114
void unused_definitions(Context& c);                                       // SLA112
void unselectable_addons(Context& c);                                      // SLA113
void translations(Context& c, const std::vector<std::string>& languages);  // SLA123

// silence_rules.cpp: what a contract leaves unsaid.
void prices_without_period(Context& c);   // SLA115
void notice_periods(Context& c);          // SLA116, SLA117
void unresolved_references(Context& c);   // SLA118
void uptime_measurement(Context& c);      // SLA119
void escalation_complements(Context& c);  // SLA120
// addon_rules.cpp: what an add-on changes, in every combination.
void addons_restating_the_base(Context& c);  // SLA121
void addon_relation_unsettled(Context& c);   // SLA122
void calendars_by_combination(Context& c);   // SLA124
void combinations_capped(Context& c);        // SLA125

}  // namespace sla::lint
