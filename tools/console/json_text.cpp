#include "tools/console/json_text.hpp"

#include "grammar/utf8.hpp"

namespace sla::cli {

namespace {

template <typename Json>
std::string dump(const Json& value, int indent) {
  return value.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

std::string json_text(const nlohmann::ordered_json& value, int indent) {
  return dump(value, indent);
}

std::string json_text(const nlohmann::json& value, int indent) {
  return dump(value, indent);
}

std::string json_line(const nlohmann::ordered_json& value) {
  if (!value.is_structured()) return dump(value, -1);
  std::string out(1, value.is_object() ? '{' : '[');
  bool first = true;
  for (auto it = value.begin(); it != value.end(); ++it) {
    if (!first) out += ", ";
    first = false;
    if (value.is_object()) out += dump(nlohmann::ordered_json(it.key()), -1) + ": ";
    out += json_line(it.value());
  }
  out += value.is_object() ? '}' : ']';
  return out;
}

std::string json_string(std::string_view text, bool* replaced) {
  std::string out;
  out.reserve(text.size());
  const std::size_t n = append_utf8(out, text);
  if (replaced) *replaced = n > 0;
  return out;
}

}  // namespace sla::cli
