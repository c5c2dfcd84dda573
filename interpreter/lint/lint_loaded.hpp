// The lint of a contract already loaded: for a host that keeps the syntax trees
// and sources as well (the language server), so a text is parsed once.
#pragma once

#include <string_view>

#include "interpreter/check/loader.hpp"
#include "sla/lint.hpp"

namespace sla {

// The reason an editor's quick fix writes into the silencing comment it adds, for
// the author to replace: left as it is, it is reported (SLA100), since it says
// nothing of why the finding is intended.
inline constexpr std::string_view kReasonPlaceholder = "why this is intended";

LintResult lint_loaded(const Loaded& loaded, const LintOptions& options = {});

}  // namespace sla
