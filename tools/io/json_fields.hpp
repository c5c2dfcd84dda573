// Reading a desk's JSON leniently: a member that is absent or null is no value,
// and an id may be a number or a string.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace sla::cli {

// The member `key` of `object`, or null when absent, null, or `object` is no object.
const nlohmann::json* json_member(const nlohmann::json& object, const char* key);
// A string as is, a number or boolean as written, anything else empty.
std::string json_text(const nlohmann::json* value);
// A number (integer or not), or none.
std::optional<double> json_number(const nlohmann::json* value);

}  // namespace sla::cli
