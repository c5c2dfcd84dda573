// Force-included into the library's sources by wasm/CMakeLists.txt.
// Emscripten 3.1.6 (Debian 12) ships libc++ 14, which has no operator<=> for
// std::basic_string and std::vector yet, so a defaulted <=> over such members
// (sla::Condition, include/sla/model.hpp) is deleted, and sorting the tuples that
// hold one fails to compile. These two fill the gap with the standard's meaning
// (lexicographic, as operator< already is). Declaring them in std is what makes
// a defaulted <=> find them; the guard turns them off with a libc++ that has its own.
#pragma once
#include <version>

#if defined(_LIBCPP_VERSION) && !defined(__cpp_lib_three_way_comparison)
#include <compare>
#include <string>
#include <vector>

namespace std {

template <class C, class T, class A>
strong_ordering operator<=>(const basic_string<C, T, A>& a, const basic_string<C, T, A>& b) noexcept {
  return a.compare(b) <=> 0;
}

template <class T, class A>
auto operator<=>(const vector<T, A>& a, const vector<T, A>& b) -> decltype(a[0] <=> b[0]) {
  const auto n = a.size() < b.size() ? a.size() : b.size();
  for (typename vector<T, A>::size_type i = 0; i < n; ++i)
    if (auto c = a[i] <=> b[i]; c != 0) return c;
  return a.size() <=> b.size();
}

}  // namespace std
#endif
