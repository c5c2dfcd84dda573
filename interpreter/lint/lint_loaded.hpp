// The lint of a contract already loaded: for a host that keeps the syntax trees
// and sources as well (the language server), so a text is parsed once.
#pragma once

#include "interpreter/check/loader.hpp"
#include "sla/lint.hpp"

namespace sla {

LintResult lint_loaded(const Loaded& loaded, const LintOptions& options = {});

}  // namespace sla
