#include "tools/io/json_fields.hpp"

namespace sla::cli {

const nlohmann::json* json_member(const nlohmann::json& object, const char* key) {
  if (!object.is_object()) return nullptr;
  const auto it = object.find(key);
  return it == object.end() || it->is_null() ? nullptr : &*it;
}

std::string json_text(const nlohmann::json* value) {
  if (!value) return {};
  if (value->is_string()) return value->get<std::string>();
  if (value->is_number() || value->is_boolean()) return value->dump();
  return {};
}

std::optional<double> json_number(const nlohmann::json* value) {
  if (!value || !value->is_number()) return std::nullopt;
  return value->get<double>();
}

}  // namespace sla::cli
