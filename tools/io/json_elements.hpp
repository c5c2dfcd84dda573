// The items of a JSON export, one at a time, as text: the elements of a top-level
// array, or of the array `member` of each top-level object (pages of an API's
// results, one after another), or, without `member`, each top-level object (JSON
// Lines). Only the item being read is held.
#pragma once

#include <cstdio>
#include <string>

#include "tools/io/json_stream.hpp"

namespace sla::cli {

class JsonElements {
 public:
  JsonElements(std::FILE* in, std::string member) : json_(in), member_(std::move(member)) {}

  // The first character that is not blank (-1: none), to check the input's shape.
  int peek() { return json_.peek(); }
  // The next item and the line it starts on; false at the end or when the input
  // breaks off (error() then says where and why).
  bool next(std::string& text, std::size_t& line);
  const std::string& error() const { return error_; }
  // With `member`: the first top-level object read so far that had no `member` array,
  // by its keys ("tickets, count"; "(no keys)"), to tell another export from an empty
  // one; empty while there is none.
  const std::string& page_without_member() const { return page_without_member_; }
  std::size_t line() const { return json_.line(); }

 private:
  bool fail();

  JsonStream json_;
  std::string member_, key_;
  enum class State { top, top_array, page, page_array } state_ = State::top;
  std::string error_;
  std::string page_keys_, page_without_member_;
  bool page_has_member_ = false;
};

}  // namespace sla::cli
