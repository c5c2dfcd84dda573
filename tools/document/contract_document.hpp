// The contract as a document for the people who sign it: a title block, the
// glossary, the packages side by side, then each package's terms in full (hours
// with a coverage chart, priorities, response and resolution times, clock rules,
// escalation, uptime), the add-ons, the contract's examples as worked scenarios,
// the holiday dates and, on request, the reviewer's findings. Every clause names
// the source line that states it.
#pragma once

#include <string>
#include <vector>

#include "sla/diagnostic.hpp"
#include "sla/model.hpp"
#include "tools/document/document.hpp"

namespace sla::cli {

struct RenderOptions {
  std::string package;  // only this package and the add-ons it can take; empty: all
  // The lint's findings for the reviewer's appendix; no appendix when null.
  const std::vector<Diagnostic>* findings = nullptr;
};

// The package named in `options` must exist (check with select() first).
doc::Document contract_document(const Model& model, const RenderOptions& options = {});

}  // namespace sla::cli
