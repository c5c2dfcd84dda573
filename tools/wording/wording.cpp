#include "tools/wording/wording.hpp"

#include <algorithm>

#include "tools/wording/po_catalogue.hpp"
#include "tools/wording/word_lists.hpp"

namespace sla::cli {

namespace {

struct Language {
  std::string code, english_name, native_name;
  std::map<std::string, std::string, std::less<>> phrases;
};

// The word lists, read once. A list that does not read is a build defect: the
// wording test reads every list and fails on it.
const std::vector<Language>& all_languages() {
  static const std::vector<Language> languages = [] {
    std::vector<Language> out;
    out.push_back({"en", "English", "English", {}});
    for (const auto& list : word_lists()) {
      PoCatalogue po = read_po(list.text);
      Language l;
      l.code = std::string(list.code);
      l.phrases = std::move(po.messages);
      // The catalogue names its language in two entries of its own.
      if (auto it = l.phrases.find("@language-name"); it != l.phrases.end())
        l.english_name = it->second;
      if (auto it = l.phrases.find("@native-name"); it != l.phrases.end())
        l.native_name = it->second;
      if (l.english_name.empty()) l.english_name = l.code;
      if (l.native_name.empty()) l.native_name = l.english_name;
      out.push_back(std::move(l));
    }
    return out;
  }();
  return languages;
}

const Language* find_language(std::string_view code) {
  for (const auto& l : all_languages())
    if (l.code == code) return &l;
  return nullptr;
}

}  // namespace

std::optional<Wording> Wording::in(std::string_view language, const Model* model) {
  const Language* l = find_language(language);
  if (!l) return std::nullopt;
  Wording w;
  w.language_ = l->code;
  if (l->code != "en") w.phrases_ = &l->phrases;
  if (model)
    for (const auto& t : model->translations)
      if (t.language == l->code) w.texts_ = &t.texts;
  return w;
}

const Wording& english() {
  static const Wording w;
  return w;
}

std::vector<std::string> Wording::languages() {
  std::vector<std::string> out;
  for (const auto& l : all_languages()) out.push_back(l.code);
  return out;
}

std::string Wording::english_name(std::string_view language) {
  const Language* l = find_language(language);
  return l ? l->english_name : std::string(language);
}

std::string Wording::native_name(std::string_view language) {
  const Language* l = find_language(language);
  return l ? l->native_name : std::string(language);
}

std::string Wording::say(std::string_view english) const {
  if (!phrases_ || english.empty()) return std::string(english);
  if (auto it = phrases_->find(english); it != phrases_->end()) return it->second;
  missing_phrases_.emplace(english);
  return std::string(english);
}

std::string Wording::own(std::string_view text) const {
  if (is_english() || text.empty()) return std::string(text);
  if (texts_)
    if (auto it = texts_->find(text); it != texts_->end()) return it->second;
  missing_texts_.emplace(text);
  return std::string(text);
}

std::string Wording::library(std::string_view text) const {
  if (texts_)
    if (auto it = texts_->find(text); it != texts_->end()) return it->second;
  return std::string(text);
}

}  // namespace sla::cli
