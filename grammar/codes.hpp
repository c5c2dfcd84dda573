// The one table of diagnostic codes. Codes are stable: a code, once shipped,
// keeps its meaning forever (docs/diagnostics.md documents each one).
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

#include "sla/diagnostic.hpp"

namespace sla {

enum class Code {
  syntax,
  unknown_statement,
  bad_encoding,
  file_too_large,
  too_many_items,
  too_many_errors,
  nesting_too_deep,
  bidi_control,
  import_not_found,
  import_cycle,
  import_too_deep,
  import_not_allowed,
  duplicate_name,
  unknown_name,
  duplicate_statement,
  missing_statement,
  wrong_unit,
  out_of_range,
  unknown_zone,
  business_day_undefined,
  inheritance_cycle,
  unknown_priority,
  conflicting_terms,
  misplaced_statement,
  inheritance_too_deep,
  ambiguous_amount,
  // lint findings (docs/lint.md)
  lint_unknown_code,
  lint_not_monotonic,
  lint_resolution_before_response,
  lint_label_disagrees,
  lint_business_days_always_open,
  lint_calendar_time_office_hours,
  lint_reversed_zone,
  lint_escalation_ladder,
  lint_credits_undefined,
  lint_uptime_period,
  lint_holiday_coverage,
  lint_holidays_unstated,
  lint_unused,
  lint_addon_unselectable,
  lint_tentative_holiday,
  lint_price_period,
  lint_notice_days,
  lint_notice_channel,
  lint_unresolved_reference,
  lint_uptime_undefined,
  lint_condition_complement,
  lint_addon_restates,
  lint_addon_relation,
  lint_translation,
  lint_calendar_by_combination,
  lint_combinations_capped,
};

struct CodeInfo {
  Code code;
  std::string_view id;
  std::string_view title;
};

inline constexpr std::array code_table{
    CodeInfo{Code::syntax, "SLA001", "syntax error"},
    CodeInfo{Code::unknown_statement, "SLA002", "unknown statement"},
    CodeInfo{Code::bad_encoding, "SLA003", "file is not valid UTF-8 text"},
    CodeInfo{Code::file_too_large, "SLA004", "file too large"},
    CodeInfo{Code::too_many_items, "SLA005", "too many items"},
    CodeInfo{Code::too_many_errors, "SLA006", "too many errors"},
    CodeInfo{Code::nesting_too_deep, "SLA007", "blocks nested too deeply"},
    CodeInfo{Code::bidi_control, "SLA008", "bidirectional control character"},
    CodeInfo{Code::import_not_found, "SLA010", "import not found"},
    CodeInfo{Code::import_cycle, "SLA011", "import cycle"},
    CodeInfo{Code::import_too_deep, "SLA012", "imports nested too deeply"},
    CodeInfo{Code::import_not_allowed, "SLA013", "import not allowed"},
    CodeInfo{Code::duplicate_name, "SLA020", "duplicate name"},
    CodeInfo{Code::unknown_name, "SLA021", "unknown name"},
    CodeInfo{Code::duplicate_statement, "SLA022", "statement given twice"},
    CodeInfo{Code::missing_statement, "SLA023", "required statement missing"},
    CodeInfo{Code::wrong_unit, "SLA030", "wrong unit"},
    CodeInfo{Code::out_of_range, "SLA031", "value out of range"},
    CodeInfo{Code::unknown_zone, "SLA032", "unknown time zone"},
    CodeInfo{Code::business_day_undefined, "SLA033", "business day length undefined"},
    CodeInfo{Code::inheritance_cycle, "SLA034", "inheritance cycle"},
    CodeInfo{Code::unknown_priority, "SLA035", "unknown priority"},
    CodeInfo{Code::conflicting_terms, "SLA036", "conflicting terms"},
    CodeInfo{Code::misplaced_statement, "SLA037", "statement not allowed here"},
    CodeInfo{Code::inheritance_too_deep, "SLA038", "inheritance chain too long"},
    CodeInfo{Code::ambiguous_amount, "SLA039", "ambiguous amount"},
    CodeInfo{Code::lint_unknown_code, "SLA100", "unknown code in a lint comment"},
    CodeInfo{Code::lint_not_monotonic, "SLA101", "targets not monotonic in priority"},
    CodeInfo{Code::lint_resolution_before_response, "SLA102",
             "resolution can fall due before response"},
    CodeInfo{Code::lint_label_disagrees, "SLA103", "stated label disagrees with its value"},
    CodeInfo{Code::lint_business_days_always_open, "SLA104",
             "business days under an always-open calendar"},
    CodeInfo{Code::lint_calendar_time_office_hours, "SLA105", "calendar time under office hours"},
    CodeInfo{Code::lint_reversed_zone, "SLA106", "Etc/GMT zone with a reversed sign"},
    CodeInfo{Code::lint_escalation_ladder, "SLA107",
             "escalation ladder with a gap, overlap or end"},
    CodeInfo{Code::lint_credits_undefined, "SLA108", "service credits named but not defined"},
    CodeInfo{Code::lint_uptime_period, "SLA109", "uptime target without a measurement period"},
    CodeInfo{Code::lint_holiday_coverage, "SLA110",
             "holiday set does not cover the contract's period"},
    CodeInfo{Code::lint_holidays_unstated, "SLA111", "calendar silent on public holidays"},
    CodeInfo{Code::lint_unused, "SLA112", "unused definition"},
    CodeInfo{Code::lint_addon_unselectable, "SLA113", "add-on that can never be selected"},
    CodeInfo{Code::lint_tentative_holiday, "SLA114", "relies on tentative holiday dates"},
    CodeInfo{Code::lint_price_period, "SLA115", "price without a period"},
    CodeInfo{Code::lint_notice_days, "SLA116", "notice period without its kind of days"},
    CodeInfo{Code::lint_notice_channel, "SLA117", "notice without a channel or recipient"},
    CodeInfo{Code::lint_unresolved_reference, "SLA118",
             "reference to something the contract does not contain"},
    CodeInfo{Code::lint_uptime_undefined, "SLA119", "uptime measurement not defined"},
    CodeInfo{Code::lint_condition_complement, "SLA120",
             "escalation condition without its complement"},
    CodeInfo{Code::lint_addon_restates, "SLA121", "add-on restates the base"},
    CodeInfo{Code::lint_addon_relation, "SLA122", "add-on that may add to or replace the base"},
    CodeInfo{Code::lint_translation, "SLA123", "translation missing or out of date"},
    CodeInfo{Code::lint_calendar_by_combination, "SLA124",
             "target calendar depends on the combination"},
    CodeInfo{Code::lint_combinations_capped, "SLA125", "combinations not all reviewed"},
};

constexpr const CodeInfo& info(Code code) {
  for (const auto& entry : code_table)
    if (entry.code == code) return entry;
  return code_table[0];
}

// The longest message, in bytes. A name can be as long as a file, so a message
// quoting one is cut to stay readable; the lint's messages, which quote several
// names and explain why they matter, fit well within it.
inline constexpr std::size_t kMaxMessageBytes = 1000;

// A diagnostic of `code` at `at`, its message cut to kMaxMessageBytes (on a
// character boundary, as a cut UTF-8 character would make the output invalid text).
inline Diagnostic make_diagnostic(Code code, Location at, std::string message,
                                  std::string hint = {}) {
  if (message.size() > kMaxMessageBytes) {
    std::size_t cut = kMaxMessageBytes - 3;
    while (cut > 0 && (static_cast<unsigned char>(message[cut]) & 0xC0) == 0x80) --cut;
    message = message.substr(0, cut) + "...";
  }
  Diagnostic d;
  d.code = std::string(info(code).id);
  d.location = std::move(at);
  d.message = std::move(message);
  d.hint = std::move(hint);
  return d;
}

}  // namespace sla
