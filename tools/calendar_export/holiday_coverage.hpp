// Whether a calendar's holidays are known over a range: a holiday set says which
// years it is complete for (`covers`), and an export past them would show a year
// without holidays as if it had none.
#pragma once

#include <vector>

#include "sla/model.hpp"

namespace sla::cli {

// The holiday sets `calendar` closes on (a union's members' included) whose
// covered years do not reach over `first` to `last`; a set that states no years
// is not one of them.
std::vector<const HolidaySet*> sets_not_covering(const Model& model, const CalendarInfo& calendar,
                                                 int first, int last);

}  // namespace sla::cli
