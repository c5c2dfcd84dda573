#include "tools/calendar_export/holiday_coverage.hpp"

#include <algorithm>
#include <set>
#include <string>

namespace sla::cli {

namespace {

void sets_of(const Model& model, const CalendarInfo& calendar, std::set<std::string>& seen,
             std::vector<std::string>& out) {
  if (!seen.insert(calendar.id).second) return;
  for (const auto& set : calendar.holiday_sets)
    if (std::find(out.begin(), out.end(), set) == out.end()) out.push_back(set);
  for (const auto& member : calendar.union_of)
    if (const CalendarInfo* m = model.calendar(member)) sets_of(model, *m, seen, out);
}

}  // namespace

std::vector<const HolidaySet*> sets_not_covering(const Model& model, const CalendarInfo& calendar,
                                                 int first, int last) {
  std::set<std::string> seen;
  std::vector<std::string> names;
  sets_of(model, calendar, seen, names);
  std::vector<const HolidaySet*> out;
  for (const auto& name : names)
    for (const auto& set : model.holiday_sets)
      if (set.id == name && set.first_year && (set.first_year > first || set.last_year < last))
        out.push_back(&set);
  return out;
}

}  // namespace sla::cli
