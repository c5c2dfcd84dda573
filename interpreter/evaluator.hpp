// The Evaluator is public: include/sla/evaluator.hpp. This header is kept for
// the interpreter's own includes, which also need the Calendar it wraps.
#pragma once

#include "interpreter/calendar.hpp"
#include "sla/evaluator.hpp"
