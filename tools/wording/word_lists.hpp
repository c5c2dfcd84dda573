// The word lists of lang/*.po, embedded at build time (CMakeLists.txt).
#pragma once

#include <string_view>
#include <vector>

namespace sla::cli {

struct WordList {
  std::string_view code;  // the file's name: "id" for lang/id.po
  std::string_view text;
};

const std::vector<WordList>& word_lists();

}  // namespace sla::cli
