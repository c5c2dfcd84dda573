#include "tools/calendar_data/holiday_catalogue.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <tuple>

#include "grammar/suggest.hpp"
#include "sla/load.hpp"
#include "stdlib/stdlib.hpp"

namespace sla::cli {

namespace {

constexpr std::string_view kPrefix = "std/holidays/";

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The words of a title that tell sets apart ("German", "Bavaria"), not those every
// title has ("public holidays").
std::vector<std::string> telling_words(std::string_view title) {
  static const std::set<std::string> common{
      "public", "holidays", "holiday",    "national", "and",  "of",    "the",    "in",
      "days",   "day",      "bank",       "official", "for",  "state", "region", "regional",
      "all",    "federal",  "additional", "observed", "with", "from",  "a",      "to"};
  std::vector<std::string> words;
  std::string word;
  for (char c : lower(title) + " ") {
    if (std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80)) {
      word += c;
    } else if (!word.empty()) {
      if (!common.count(word)) words.push_back(word);
      word.clear();
    }
  }
  return words;
}

// How near `query` is to a word: 0 the same, 1 one starts the other (a country and
// its adjective: "germany", "german"), 2 a likely typo; 3 not near.
int nearness(const std::string& query, const std::string& word) {
  if (word.empty()) return 3;
  if (query == word) return 0;
  if ((query.size() >= 3 && word.starts_with(query)) ||
      (word.size() >= 4 && query.starts_with(word)))
    return 1;
  if (edit_distance(query, word) <= std::max<std::size_t>(1, query.size() / 3)) return 2;
  return 3;
}

}  // namespace

std::vector<std::string> holiday_modules() {
  std::vector<std::string> out;
  for (std::string_view name : stdlib_module_names())
    if (name.starts_with(kPrefix)) out.emplace_back(name);
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<const HolidaySet*> sets_defined_in(const Model& model, std::string_view file) {
  std::vector<const HolidaySet*> out;
  for (const auto& set : model.holiday_sets)
    if (set.span.file == file) out.push_back(&set);
  return out;
}

ModuleSets module_sets(std::string_view module) {
  ModuleSets out;
  const auto text = stdlib_module(module);
  if (!text) {
    out.error = fmt::format("no stdlib module \"{}\"", module);
    return out;
  }
  LoadOptions options;
  options.imports = ImportPolicy::stdlib_only();
  const LoadResult r = load_string(module, std::string(*text), options);
  if (!r.ok()) {
    for (const auto& d : r.diagnostics)
      if (d.severity == Severity::error) {
        out.error = fmt::format("{}:{}:{}: {}", d.location.file, d.location.line, d.location.column,
                                d.message);
        break;
      }
    if (out.error.empty()) out.error = "it does not load";
    return out;
  }
  for (const HolidaySet* set : sets_defined_in(*r.model, module)) out.sets.push_back(*set);
  return out;
}

HolidayCatalogue holiday_catalogue() {
  HolidayCatalogue out;
  for (const auto& module : holiday_modules()) {
    ModuleSets m = module_sets(module);
    if (!m.error.empty()) out.failures.push_back(fmt::format("{}: {}", module, m.error));
    for (auto& set : m.sets) out.sets.push_back({module, std::move(set)});
  }
  return out;
}

std::vector<std::string> nearest_modules(std::string_view name, const HolidayCatalogue& catalogue) {
  std::string query = lower(name);
  if (query.starts_with(kPrefix)) query.erase(0, kPrefix.size());
  if (query.ends_with(".sla")) query.erase(query.size() - 4);
  std::map<std::string, int> best;  // module -> its nearness
  for (const auto& [module, set] : catalogue.sets) {
    const std::string tail = module.substr(kPrefix.size());
    int score = std::min({nearness(query, tail), nearness(query, lower(set.id))});
    // "de/by": its last part too ("by"), when the query has no '/'.
    if (const auto slash = tail.rfind('/'); slash != std::string::npos)
      score = std::min(score, nearness(query, tail.substr(slash + 1)) + 1);
    for (const auto& word : telling_words(set.title))
      score = std::min(score, nearness(query, word));
    auto [it, fresh] = best.emplace(module, score);
    if (!fresh) it->second = std::min(it->second, score);
  }
  // A region's title names its country too ("Bavaria (Germany)"): a country comes
  // before its regions when both match, and the regions follow it.
  std::vector<std::tuple<int, long, std::string>> ranked;
  for (const auto& [module, score] : best) {
    const long depth = std::count(module.begin(), module.end(), '/');
    if (score < 3) ranked.emplace_back(score + (depth > 2 ? 1 : 0), depth, module);
  }
  std::sort(ranked.begin(), ranked.end());
  std::vector<std::string> out;
  for (const auto& [rank, depth, module] : ranked) {
    if (out.size() == 5 || rank > std::get<0>(ranked.front()) + 1) break;
    out.push_back(module);
  }
  return out;
}

}  // namespace sla::cli
