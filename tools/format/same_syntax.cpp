#include "tools/format/same_syntax.hpp"

#include <string_view>
#include <tuple>

namespace sla::cli {

namespace {

// Each value's fields but its span: what the checker sees.
auto fields(const ast::Number& v) {
  return std::tuple(v.milli);
}
auto fields(const ast::Text& v) {
  return std::tie(v.value);
}
auto fields(const ast::Label& v) {
  return std::tie(v.value);
}
auto fields(const ast::Ident& v) {
  return std::tie(v.name);
}
auto fields(const ast::Word& v) {
  return std::tie(v.word);
}
auto fields(const ast::Duration& v) {
  return std::tuple(v.milli, v.unit, v.business, v.calendar);
}
auto fields(const ast::Percent& v) {
  return std::tuple(v.milli);
}
auto fields(const ast::Money& v) {
  return std::tuple(v.currency, v.milli);
}
auto fields(const ast::Date& v) {
  return std::tuple(v.year, v.month, v.day);
}
auto fields(const ast::ClockTime& v) {
  return std::tuple(v.minutes);
}
auto fields(const ast::TimeRange& v) {
  return std::tuple(v.from.minutes, v.to.minutes);
}
auto fields(const ast::Days& v) {
  return std::tuple(v.mask);
}
auto fields(const ast::DateTime& v) {
  return std::tuple(v.date.year, v.date.month, v.date.day, v.time.minutes);
}

bool same_value(const ast::Value& a, const ast::Value& b) {
  if (a.index() != b.index()) return false;
  return std::visit(
      [&](const auto& x) {
        using T = std::decay_t<decltype(x)>;
        return fields(x) == fields(std::get<T>(b));
      },
      a);
}

bool same_node(const ast::Node& a, const ast::Node& b) {
  if (a.kind != b.kind || a.args.size() != b.args.size() || a.children.size() != b.children.size())
    return false;
  for (std::size_t i = 0; i < a.args.size(); ++i)
    if (!same_value(a.args[i], b.args[i])) return false;
  for (std::size_t i = 0; i < a.children.size(); ++i)
    if (!same_node(a.children[i], b.children[i])) return false;
  return true;
}

std::string_view trim_end(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' ||
                        s.back() == '\v' || s.back() == '\f'))
    s.remove_suffix(1);
  return s;
}

}  // namespace

bool same_syntax(const ast::File& a, const ast::File& b) {
  if (a.comments.size() != b.comments.size()) return false;
  for (std::size_t i = 0; i < a.comments.size(); ++i)
    if (trim_end(a.comments[i].text) != trim_end(b.comments[i].text)) return false;
  return same_node(a.root, b.root);
}

}  // namespace sla::cli
