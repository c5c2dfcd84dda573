#include "interpreter/check/stdlib_hint.hpp"

#include <algorithm>
#include <cctype>
#include <span>
#include <utility>

#include <fmt/format.h>

#include "grammar/suggest.hpp"
#include "stdlib/stdlib.hpp"

namespace sla {

namespace {

std::string initials(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words)
    if (w != "of" && w != "and" && w != "the") out += w.front();
  return out;
}

bool near_word(const std::string& asked, const std::string& word) {
  if (asked == word) return true;
  if (asked.size() < 4) return false;  // "de" is a code, not a misspelt "dk"
  // A country and its adjective: "german", "germany"; "indonesian", "indonesia".
  if (word.starts_with(asked) || (word.size() >= 4 && asked.starts_with(word))) return true;
  const std::string_view candidates[] = {word};
  return closest(asked, std::span<const std::string_view>(candidates)).has_value();
}

constexpr std::string_view kHolidays = "std/holidays/";
constexpr std::string_view kSuffix = " public holidays";

std::string_view title_of(std::string_view name) {
  const auto set = stdlib_holiday_set(*stdlib_module(name));
  return set ? set->title : std::string_view();
}

std::string_view place_of(std::string_view title) {
  if (title.size() > kSuffix.size() && title.substr(title.size() - kSuffix.size()) == kSuffix)
    title.remove_suffix(kSuffix.size());
  return title;
}

}  // namespace

std::vector<std::string> nearest_stdlib_modules(std::string_view spec, std::size_t at_most) {
  const auto names = stdlib_module_names();
  std::string_view asked = spec;
  // A bare name ("germany", "de/by") is looked for among the holiday sets.
  const std::string_view prefix = asked.substr(0, 4) != "std/"                     ? ""
                                  : asked.substr(0, kHolidays.size()) == kHolidays ? kHolidays
                                                                                   : "std/";
  asked.remove_prefix(prefix.size());
  if (asked.ends_with(".sla")) asked.remove_suffix(4);
  const std::string_view under = prefix.empty() ? kHolidays : prefix;

  // The module itself, written as a file ("std/holidays/id.sla") or without "std/".
  for (std::string_view name : names)
    if (name.substr(0, under.size()) == under && iequals(name.substr(under.size()), asked) &&
        name != spec)
      return {std::string(name)};
  // A set's own name ("de_national") names its module.
  for (std::string_view name : names)
    if (name.substr(0, kHolidays.size()) == kHolidays) {
      const auto set = stdlib_holiday_set(*stdlib_module(name));
      if (set && iequals(set->set, asked)) return {std::string(name)};
    }
  std::vector<std::string_view> rests;  // the names under the same prefix
  for (std::string_view name : names)
    if (name.substr(0, under.size()) == under) rests.push_back(name.substr(under.size()));
  // A typo of a name; a code of two letters is not a typo of another ("kh" is not "ch").
  const auto typo = [&](std::size_t most_edits) -> std::vector<std::string> {
    if (asked.size() <= 2) return {};
    const auto near = closest(asked, std::span<const std::string_view>(rests));
    if (!near || edit_distance(asked, *near) > most_edits) return {};
    return {std::string(under) + *near};
  };

  // Places whose words or initials are the import's words ("germany", "usa"), or
  // near them ("german", "japn"). Words of two letters are codes, not places.
  std::vector<std::string> asked_words;
  for (auto& w : lower_words(asked))
    if (w.size() > 2 || asked.size() <= 3) asked_words.push_back(std::move(w));
  const auto by_place = [&] {
    struct Match {
      std::size_t matched, depth, exact, place_words;
      std::string_view name;
    };
    std::vector<Match> matches;
    for (std::string_view name : names) {
      if (name.substr(0, kHolidays.size()) != kHolidays) continue;
      const auto place = lower_words(place_of(title_of(name)));
      if (place.empty()) continue;
      const std::string abbreviation = initials(place);
      std::vector<std::string> joined;  // "newyork" for New York: two or three words as one
      for (std::size_t i = 0; i + 1 < place.size(); ++i) {
        joined.push_back(place[i] + place[i + 1]);
        if (i + 2 < place.size()) joined.push_back(joined.back() + place[i + 2]);
      }
      std::size_t matched = 0, exact = 0;
      for (const auto& a : asked_words) {
        if (a == abbreviation || std::find(joined.begin(), joined.end(), a) != joined.end() ||
            std::find(place.begin(), place.end(), a) != place.end())
          ++matched, ++exact;
        else if (std::any_of(place.begin(), place.end(),
                             [&](const auto& w) { return near_word(a, w); }))
          ++matched;
      }
      if (matched)
        matches.push_back({matched,
                           static_cast<std::size_t>(std::count(name.begin(), name.end(), '/')),
                           exact, place.size(), name});
    }
    // The most words first; then a country before the regions that name it too
    // ("german": Germany, not the German-speaking Community of Belgium).
    std::sort(matches.begin(), matches.end(), [](const Match& a, const Match& b) {
      if (a.matched != b.matched) return a.matched > b.matched;
      if (a.depth != b.depth) return a.depth < b.depth;
      if (a.exact != b.exact) return a.exact > b.exact;
      if (a.place_words != b.place_words) return a.place_words < b.place_words;
      return a.name < b.name;
    });
    std::vector<std::string> out;
    for (const auto& m : matches) {
      const auto& best = matches.front();
      if (out.size() == at_most || m.matched < best.matched || m.depth > best.depth ||
          m.exact < best.exact)
        break;
      out.emplace_back(m.name);
    }
    return out;
  };

  for (auto found : {by_place(), typo(1), typo(asked.size())})
    if (!found.empty()) return found;
  return {};
}

std::string stdlib_import_hint(std::string_view spec) {
  const auto near = nearest_stdlib_modules(spec);
  std::string hint;
  for (const auto& name : near) {
    const auto title = title_of(name);
    hint += fmt::format("{}\"{}\"{}", hint.empty() ? "did you mean " : " or ", name,
                        title.empty() ? "" : fmt::format(" ({})", title));
  }
  const auto names = stdlib_module_names();
  const auto sets = std::count_if(names.begin(), names.end(), [](std::string_view n) {
    return n.substr(0, kHolidays.size()) == kHolidays;
  });
  if (!hint.empty())
    hint += spec.substr(0, kHolidays.size()) == kHolidays
                ? fmt::format("? (`sla holidays list` lists all {} sets)", sets)
                : "?";
  else
    hint = fmt::format(
        "the stdlib has std/calendars and {} holiday sets, named by country code "
        "(std/holidays/de) and region (std/holidays/de/by): `sla holidays list` lists them",
        sets);
  return hint;
}

}  // namespace sla
