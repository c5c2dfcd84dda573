// Quick fixes: the edits that the diagnostics' hints describe ("did you mean
// 'office_hours'?", a calendar that does not say whether holidays close it, a
// finding to silence with a comment that gives the reason).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "tools/ide/analysis.hpp"
#include "tools/ide/edit.hpp"

namespace sla::ide {

struct CodeAction {
  std::string title;
  std::vector<Edit> edits;     // in the document (the root file)
  std::size_t diagnostic = 0;  // the index in Analysis::diagnostics it fixes
  bool preferred = false;      // the fix to apply when the editor applies one
};

// The fixes for the diagnostics of the document that touch bytes [begin, end].
std::vector<CodeAction> quick_fixes(const Analysis& analysis, std::uint32_t begin,
                                    std::uint32_t end);

}  // namespace sla::ide
