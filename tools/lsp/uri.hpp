// file:// URIs and the paths they name (RFC 8089, percent-encoded UTF-8), and
// where the editor can open a stdlib module: the library carries the modules in
// itself, so each is written once, read-only, to a cache folder to have a path.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sla::lsp {

// The path of a file:// URI; nullopt for another scheme (an unsaved "untitled:").
std::optional<std::string> path_of_uri(std::string_view uri);
std::string uri_of_path(std::string_view absolute_path);

// The file that holds stdlib module `name` ("std/holidays/id"), written when it is
// missing or out of date, under $XDG_CACHE_HOME/sla/<version>/ (else
// ~/.cache/sla/<version>/); nullopt when it cannot be written.
std::optional<std::string> stdlib_file(std::string_view name);

}  // namespace sla::lsp
