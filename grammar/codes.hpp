// The one table of diagnostic codes. Codes are stable: a code, once shipped,
// keeps its meaning forever (docs/diagnostics.md documents each one).
#pragma once

#include <array>
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
  import_not_found,
  import_cycle,
  import_too_deep,
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
    CodeInfo{Code::import_not_found, "SLA010", "import not found"},
    CodeInfo{Code::import_cycle, "SLA011", "import cycle"},
    CodeInfo{Code::import_too_deep, "SLA012", "imports nested too deeply"},
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
};

constexpr const CodeInfo& info(Code code) {
  for (const auto& entry : code_table)
    if (entry.code == code) return entry;
  return code_table[0];
}

// A diagnostic of `code` at `at`. A name can be as long as a file: the message is
// cut to stay readable.
inline Diagnostic make_diagnostic(Code code, Location at, std::string message,
                                  std::string hint = {}) {
  if (message.size() > 300) message = message.substr(0, 297) + "...";
  Diagnostic d;
  d.code = std::string(info(code).id);
  d.location = std::move(at);
  d.message = std::move(message);
  d.hint = std::move(hint);
  return d;
}

}  // namespace sla
