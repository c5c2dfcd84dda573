// The contract as a document for the people who sign it: a title block, the
// glossary, the packages side by side, then each package's terms in full (hours
// with a coverage chart, priorities, response and resolution times, clock rules,
// escalation, uptime), the add-ons, the contract's examples as worked scenarios,
// the holiday dates and, on request, the reviewer's findings; the parties open it
// and their signatures close it. Clauses are numbered (4, 4.3, 4.3.1) and cited by
// number; each keeps the source line that states it as a reviewer's aid.
#pragma once

#include <string>
#include <vector>

#include "sla/diagnostic.hpp"
#include "sla/diff.hpp"
#include "sla/lint.hpp"
#include "sla/model.hpp"
#include "tools/document/document.hpp"
#include "tools/wording/wording.hpp"

namespace sla::cli {

struct RenderOptions {
  std::string package;  // only this package and the add-ons it can take; empty: all
  // The lint's findings for the reviewer's appendix; no appendix when null. With a
  // package, only the findings about what its document contains are shown.
  const std::vector<Diagnostic>* findings = nullptr;
  // The findings the authors silenced, with their justifications: listed apart in
  // the same appendix, so a reviewer sees what was accepted and why.
  const std::vector<SilencedFinding>* accepted = nullptr;
  // The words of the document; English when null.
  const Wording* wording = nullptr;
  // A redline: the changes since an older version (sla::diff) and what it is
  // called; the document is marked where it differs. None when null.
  const std::vector<Change>* changes = nullptr;
  std::string compared_with;
};

// The package named in `options` must exist (check with select() first).
doc::Document contract_document(const Model& model, const RenderOptions& options = {});

// The contract's own word for the party that buys the support: the term of one of
// its definitions that names a party ("Customer", "Licensee", "Pelanggan"), else
// "Client" in the document's words.
std::string client_term(const Model& model, const Wording& wording);

}  // namespace sla::cli
