// The words a generated document says, in one language. The code that builds a
// document is written in English; every phrase it generates goes through say(),
// which looks the English phrase up in the language's word list (lang/CODE.po, a
// gettext catalogue a translator can review) and falls back to English. The
// contract's own texts (titles, summaries, definitions, notes, labels) go through
// own(), which looks them up in the contract's `translation CODE { ... }` block.
// Adding a language is adding a .po file: no code changes.
#pragma once

#include <fmt/format.h>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "sla/model.hpp"

namespace sla::cli {

class Wording {
 public:
  // English: every phrase as the code writes it, every contract text as written.
  Wording() = default;

  // The wording in `language` ("en", "id"), with the contract's translation of its
  // own texts when it carries one; nullopt when no word list exists for it.
  static std::optional<Wording> in(std::string_view language, const Model* model = nullptr);

  // The languages with a word list, "en" first.
  static std::vector<std::string> languages();
  // The language's name in English and in itself: "Indonesian", "Bahasa Indonesia".
  static std::string english_name(std::string_view language);
  static std::string native_name(std::string_view language);

  const std::string& language() const { return language_; }
  bool is_english() const { return language_ == "en"; }

  // A generated phrase in this language. A phrase with {} fields is a format: its
  // translation may reorder them with {0}, {1}.
  std::string say(std::string_view english) const;
  template <typename... Args>
  std::string say(std::string_view english, const Args&... args) const {
    // A translation whose fields do not fit the phrase's (a typo in a .po file) says
    // the English phrase rather than stopping the document; the wording test
    // checks every list's fields.
    try {
      return fmt::vformat(say(english), fmt::make_format_args(args...));
    } catch (const fmt::format_error&) {
      broken_phrases_.emplace(english);
      return fmt::vformat(english, fmt::make_format_args(args...));
    }
  }

  // One of the contract's own texts, translated when the contract says how.
  std::string own(std::string_view text) const;
  // A text of a library the contract imports (a stdlib holiday name): the
  // contract's translation when it gives one, else as the library writes it; never
  // counted as missing, since no contract must translate its libraries.
  std::string library(std::string_view text) const;

  // What fell back to English while the document was built, for a warning.
  const std::set<std::string>& missing_phrases() const { return missing_phrases_; }
  const std::set<std::string>& missing_texts() const { return missing_texts_; }
  const std::set<std::string>& broken_phrases() const { return broken_phrases_; }

 private:
  std::string language_ = "en";
  const std::map<std::string, std::string, std::less<>>* phrases_ = nullptr;
  const std::map<std::string, std::string, std::less<>>* texts_ = nullptr;
  mutable std::set<std::string> missing_phrases_, missing_texts_, broken_phrases_;
};

// The English wording, for the callers that have no other: every phrase as written.
const Wording& english();

}  // namespace sla::cli
