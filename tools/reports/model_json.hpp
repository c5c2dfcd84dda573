// The checked Model as JSON (`sla inspect --format json`). Every source position
// sits under a key named "span", so tools can drop positions with one filter.
#pragma once

#include <nlohmann/json.hpp>

#include "sla/model.hpp"

namespace sla::cli {

nlohmann::ordered_json to_json(const Model& model);
nlohmann::ordered_json to_json(const Package& package, const Model& model);
std::string money_text(const Money& money);    // "IDR 216,000,000"
std::string percent_text(std::int64_t milli);  // "99 %"
// A package's warnings as the contract states them: "50 %, 75 %".
std::string warn_at_text(const std::vector<std::int32_t>& milli);

}  // namespace sla::cli
