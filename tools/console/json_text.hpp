// JSON for tools, the one way every command writes it. JSON is UTF-8, but what a
// command reports may come from outside as other bytes (a file name, an id from a
// Latin-1 export): dumping those would throw mid-output, so each ill-formed byte
// sequence becomes U+FFFD. Where a row's own data was replaced, the writer says
// so in the row (json_string tells it); json_text is the net under everything else.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace sla::cli {

// `value` as JSON text, indented by `indent` (-1: compact).
std::string json_text(const nlohmann::ordered_json& value, int indent = 2);
std::string json_text(const nlohmann::json& value, int indent = 2);

// On one line with a space after each ':' and ',': {"open": true, "next_change": null}.
std::string json_line(const nlohmann::ordered_json& value);

// `text` as valid UTF-8 for a JSON string; `replaced` (when given) is set when
// some bytes were not UTF-8 and became U+FFFD.
std::string json_string(std::string_view text, bool* replaced = nullptr);

}  // namespace sla::cli
