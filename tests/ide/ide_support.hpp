// What the tests of tools/ide share: the Qiscus contract, analysed once, and
// where a piece of text is.
#pragma once

#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#include "tools/ide/analysis.hpp"

namespace sla::ide::test {

inline const std::string qiscus_path = SLA_SOURCE_DIR "/contracts/qiscus-enterprise.sla";

inline std::string qiscus_text() {
  std::ifstream in(qiscus_path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

inline const Analysis& qiscus() {
  static const Analysis a = analyze(qiscus_path, qiscus_text());
  return a;
}

// The byte offset of the nth (from 0) `needle` in the analysed text.
inline std::uint32_t offset_of(const Analysis& a, std::string_view needle, std::size_t nth = 0) {
  std::size_t at = a.text().find(needle);
  while (at != std::string::npos && nth-- > 0) at = a.text().find(needle, at + 1);
  BOOST_REQUIRE(at != std::string::npos);
  return static_cast<std::uint32_t>(at);
}

}  // namespace sla::ide::test
