// A redline: the document of a contract's new version, marked where it differs
// from an older one. A summary of the changes opens it (each with its effect on
// the client, the old value struck and the new one inserted), and each clause
// that states a change carries the old value struck beside it.
#pragma once

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "sla/diff.hpp"
#include "tools/document/document.hpp"
#include "tools/wording/wording.hpp"

namespace sla::cli {

// The file and line a block's source note names ("line 101"), or line 0.
using SourceOf = std::function<std::pair<std::string, unsigned>(const std::string& source)>;

// `compared_with`: what the old version is called ("contract-2025.sla", "main:x.sla").
void mark_changes(doc::Document& document, const std::vector<Change>& changes,
                  const std::string& compared_with, const Wording& wording,
                  const SourceOf& source_of);

}  // namespace sla::cli
