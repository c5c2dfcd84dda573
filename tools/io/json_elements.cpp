#include "tools/io/json_elements.hpp"

#include <fmt/format.h>

namespace sla::cli {

bool JsonElements::fail() {
  if (error_.empty()) error_ = json_.error();
  if (error_.empty()) error_ = fmt::format("line {}: cannot be read", json_.line());
  return false;
}

bool JsonElements::next(std::string& text, std::size_t& line) {
  if (!error_.empty()) return false;
  for (;;) {
    switch (state_) {
      case State::top: {
        const int c = json_.peek();
        if (c < 0) return false;
        if (c == '[') {
          json_.open('[');
          state_ = State::top_array;
        } else if (c == '{' && !member_.empty()) {
          json_.open('{');
          state_ = State::page;
          page_keys_.clear();
          page_has_member_ = false;
        } else if (c == '{') {
          line = json_.line();
          if (!json_.read_value(text)) return fail();
          return true;
        } else {
          error_ = fmt::format("line {}: expected '{{' or '[', found '{}'", json_.line(),
                               static_cast<char>(c));
          return false;
        }
        break;
      }
      case State::top_array:
      case State::page_array: {
        const auto step = json_.next_element();
        if (step == JsonStream::Step::error) return fail();
        if (step == JsonStream::Step::end) {
          state_ = state_ == State::top_array ? State::top : State::page;
          break;
        }
        line = json_.line();
        if (!json_.read_value(text)) return fail();
        return true;
      }
      case State::page: {
        const auto step = json_.next_key(key_);
        if (step == JsonStream::Step::error) return fail();
        if (step != JsonStream::Step::end && page_keys_.size() < 200)
          page_keys_ += (page_keys_.empty() ? "" : ", ") + key_;
        if (step == JsonStream::Step::end) {
          state_ = State::top;
          if (!page_has_member_ && page_without_member_.empty())
            page_without_member_ = page_keys_.empty() ? "(no keys)" : page_keys_;
        } else if (key_ == member_ && json_.open('[')) {
          state_ = State::page_array;
          page_has_member_ = true;
        } else if (!json_.skip_value()) {
          return fail();
        }
        break;
      }
    }
  }
}

}  // namespace sla::cli
