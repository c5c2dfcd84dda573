// What CI tools read, shared by the reports that write for them (lint, diff):
// links to each code's explanation, SARIF artifact URIs, GitHub workflow
// command escapes.
#pragma once

#include <string>
#include <string_view>

namespace sla::cli {

// Where the project's files are published (-DSLA_SOURCE_URL at configure time, so
// a fork or a distribution links to its own copy); its docs/ explain each code.
std::string_view source_url();
// Where a code is explained, relative to the project root: docs/diagnostics.md
// (SLA0xx), docs/lint.md (SLA1xx) or docs/diff.md (SLA2xx), at the code's anchor.
std::string help_path(std::string_view code);
// The same under source_url(): an absolute link (SARIF viewers need one).
std::string help_url(std::string_view code);

// A file name as a SARIF URI reference: relative paths stay relative.
std::string sarif_uri(std::string_view path);

// GitHub's workflow commands: data escapes %, CR and LF; properties also : and ,.
std::string github_data(std::string_view s);
std::string github_property(std::string_view s);

}  // namespace sla::cli
