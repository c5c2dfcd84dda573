// Broken contracts in tests/golden and the exact diagnostics each must produce.
// SLA_UPDATE_GOLDEN=1 rewrites the .expected files for review instead of comparing.
#define BOOST_TEST_MODULE golden
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>

#include "support.hpp"
#include "tools/console/output.hpp"

namespace fs = std::filesystem;

BOOST_AUTO_TEST_CASE(golden_diagnostics) {
  const fs::path root = SLA_SOURCE_DIR;
  const bool update = std::getenv("SLA_UPDATE_GOLDEN") != nullptr;
  std::vector<fs::path> inputs;
  for (const auto& entry : fs::directory_iterator(root / "tests/golden"))
    if (entry.path().extension() == ".sla") inputs.push_back(entry.path());
  std::sort(inputs.begin(), inputs.end());
  BOOST_TEST_REQUIRE(inputs.size() >= 10u);

  // Load with a path relative to the project root so the output is the same anywhere.
  const fs::path before = fs::current_path();
  fs::current_path(root);
  for (const auto& input : inputs) {
    const std::string relative = fs::relative(input, root).string();
    sla::LoadResult r = sla::load_file(relative);
    std::string actual;
    for (const auto& d : r.diagnostics) actual += sla::cli::format_diagnostic(d);
    fs::path expected_path = input;
    expected_path.replace_extension(".expected");
    BOOST_TEST_CONTEXT(relative) {
      BOOST_TEST(!r.ok());  // every golden input is broken
      if (update) {
        std::ofstream(expected_path, std::ios::binary) << actual;
      } else {
        BOOST_TEST(actual == sla::testing::read_text(expected_path.string()));
      }
    }
  }
  fs::current_path(before);
}
