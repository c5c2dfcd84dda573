// SLA123: a translation that leaves texts out, or keeps texts the contract no
// longer says. Rendered in that language, a text without a translation stays in
// English beside translated wording: a document the parties cannot sign as it is.
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <algorithm>
#include <map>
#include <set>

#include "grammar/suggest.hpp"
#include "interpreter/lint/lint_rules.hpp"
#include "interpreter/lint/own_texts.hpp"

namespace sla::lint {

namespace {

std::string quoted(std::string_view text) {
  std::string out = "\"";
  for (char ch : text) {
    if (ch == '"' || ch == '\\') out.push_back('\\');
    out.push_back(ch);
  }
  return out + "\"";
}

std::string shortened(std::string_view text) {
  constexpr std::size_t most = 60;
  if (text.size() <= most) return quoted(text);
  std::size_t cut = most;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // UTF-8
  return quoted(std::string(text.substr(0, cut)) + "…");
}

struct ByPlace {
  bool operator()(const SourceRef& a, const SourceRef& b) const {
    return std::tie(a.file, a.line, a.column) < std::tie(b.file, b.line, b.column);
  }
};

// The texts of each statement that a language lacks.
using Missing =
    std::map<SourceRef, std::vector<std::pair<std::string, std::vector<const std::string*>>>,
             ByPlace>;

void collect_missing(Missing& missing, const std::vector<OwnText>& texts,
                     const std::string& language, const Translation* translation) {
  std::map<SourceRef, std::vector<const std::string*>, ByPlace> lacking;
  for (const auto& t : texts)
    if (!translation || !translation->texts.contains(t.text)) lacking[t.at].push_back(&t.text);
  for (auto& [at, list] : lacking) missing[at].emplace_back(language, std::move(list));
}

// One finding per statement (a package states its features and channels on its
// head line, and one finding there lists them all), for every language at once;
// languages that lack the same texts are named together.
void report_missing(Context& c, const Missing& missing) {
  const auto& translations = c.model().translations;
  for (const auto& [at, by_language] : missing) {
    std::vector<std::pair<std::vector<std::string>, const std::vector<const std::string*>*>> groups;
    for (const auto& entry : by_language) {
      // Named, not bound: clang 14 cannot capture a structured binding.
      const std::string& language = entry.first;
      const auto& list = entry.second;
      auto same = std::find_if(groups.begin(), groups.end(),
                               [&](const auto& g) { return *g.second == list; });
      if (same != groups.end())
        same->first.push_back(language);
      else
        groups.push_back({{language}, &list});
    }
    std::vector<std::string> parts, hints;
    std::size_t texts = 0;
    for (const auto& [languages, list] : groups) {
      std::vector<std::string> names;
      for (const auto& l : languages) names.push_back(fmt::format("'{}'", l));
      std::string part = fmt::format("no translation into {} of {}", fmt::join(names, " or "),
                                     shortened(*list->front()));
      if (list->size() > 1)
        part += fmt::format(" and {} more text{} of this statement", list->size() - 1,
                            list->size() == 2 ? "" : "s");
      parts.push_back(std::move(part));
      texts += list->size();
      // Entries separated by ';', which the grammar reads as separate lines.
      std::vector<std::string> entries;
      for (const auto* text : *list) entries.push_back(fmt::format("{} = \"…\"", quoted(*text)));
      for (const auto& language : languages) {
        const bool has_block =
            std::any_of(translations.begin(), translations.end(),
                        [&](const Translation& t) { return t.language == language; });
        hints.push_back(has_block ? fmt::format("add to 'translation {}': {}", language,
                                                fmt::join(entries, "; "))
                                  : fmt::format("add to one block 'translation {} {{ … }}' (a "
                                                "language has one block, for all its texts): {}",
                                                language, fmt::join(entries, "; ")));
      }
    }
    std::string message = fmt::format(
        "{}: a document rendered in {} would show {} untranslated", fmt::join(parts, "; "),
        by_language.size() == 1 ? "that language" : "those languages", texts == 1 ? "it" : "them");
    c.report(Code::lint_translation, Severity::warning, c.at(at), std::move(message),
             fmt::format("{}", fmt::join(hints, "; then ")));
  }
}

// The text an entry's key was most likely edited into: the nearest of `lacking`
// that keeps at least half of it (a sentence reworded, a label extended).
std::optional<std::string> likely_edit_of(std::string_view old_text,
                                          const std::vector<std::string>& lacking) {
  std::optional<std::string> best;
  std::size_t best_distance = 0;
  for (const auto& text : lacking) {
    const std::size_t longer = std::max(old_text.size(), text.size());
    const std::size_t shorter = std::min(old_text.size(), text.size());
    // The distance is at least the difference in length; long texts cost a
    // quadratic distance, so only those that can be near are measured.
    if (2 * (longer - shorter) > longer || longer > 2000) continue;
    const std::size_t d = edit_distance(old_text, text);
    if (2 * d <= longer && (!best || d < best_distance)) {
      best = text;
      best_distance = d;
    }
  }
  return best;
}

// `said`: every text the load holds, the libraries' too (an entry may translate a
// stdlib holiday name); `texts`: the contract's own.
void stale_entries(Context& c, const std::vector<OwnText>& texts,
                   const std::vector<OwnText>& all_texts, const Translation& t) {
  std::set<std::string_view> said;
  for (const auto& text : all_texts) said.insert(text.text);
  // The texts this translation lacks: an edited text is most likely one of them.
  std::vector<std::string> lacking;
  for (const auto& text : texts)
    if (!t.texts.contains(text.text)) lacking.push_back(text.text);
  for (const auto& [from, at] : t.at) {
    if (said.contains(from)) continue;
    const auto now = likely_edit_of(from, lacking);
    c.report(
        Code::lint_translation, Severity::warning, c.at(at),
        fmt::format("the translation into '{}' translates {}, which the contract does not say{}",
                    t.language, shortened(from),
                    now ? fmt::format(" (it now says {})", shortened(*now)) : ""),
        now ? fmt::format("write the text as the contract now says it on the left of '=': {}, "
                          "and check that the translation still matches",
                          quoted(*now))
            : "if the text changed, write the new text on the left of '='; if it is gone, "
              "remove the entry");
  }
}

}  // namespace

void translations(Context& c, const std::vector<std::string>& languages) {
  std::vector<std::string> wanted = languages;
  for (const auto& t : c.model().translations) wanted.push_back(t.language);
  // The contract's texts are English (the language the grammar is written in).
  std::erase(wanted, "en");
  std::sort(wanted.begin(), wanted.end());
  wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
  if (wanted.empty()) return;
  const std::vector<OwnText> texts = own_texts(c.model(), c.sources(), c.files());
  const std::vector<OwnText> all_texts = own_texts(c.model(), c.sources(), c.files(), true);
  Missing missing;
  for (const auto& language : wanted) {
    const Translation* translation = nullptr;
    for (const auto& t : c.model().translations)
      if (t.language == language) translation = &t;
    collect_missing(missing, texts, language, translation);
    if (translation) stale_entries(c, texts, all_texts, *translation);
  }
  report_missing(c, missing);
}

}  // namespace sla::lint
