// Instants as text, the way every sla interface writes them: RFC 3339 with the
// offset of the contract's calendar zone.
//
//   sla::parse_instant("2026-01-09T16:30:00+07:00")          // 2026-01-09 09:30:00 UTC
//   sla::format_instant(t, evaluator.utc_offset(t))           // "2026-01-12T12:30:00+07:00"
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "sla/export.hpp"
#include "sla/model.hpp"

namespace sla {

// "2026-01-09T16:30:00+07:00" or "...Z"; a fraction of a second is accepted only
// when it is all zeros ("16:30:00.000+07:00"): "16:30:00.5" is refused ("sub-second
// times are not supported ..."), never rounded. A time without an offset, a
// malformed one, or a year outside 1901-2398 gives nullopt, and `error` (when
// given) says why.
SLA_API std::optional<Instant> parse_instant(std::string_view text, std::string* error = nullptr);

// "2026-01-12T12:30:00+07:00"; "Z" for a zero offset when `z_for_utc`. An offset
// that is not whole minutes (local mean time, such as Asia/Jakarta's +07:07:12
// before 1924) has no RFC 3339 form: the instant is written in UTC with "Z", exactly,
// and parse_instant reads it back.
SLA_API std::string format_instant(Instant t, std::chrono::seconds utc_offset,
                                   bool z_for_utc = false);

}  // namespace sla
