// The documents an editor has open, each with its text and its analysis, and
// how they load: an import reads an open document's unsaved text before the
// file on disk, and a change to one document makes stale the documents that
// import it.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sla/load.hpp"
#include "tools/ide/analysis.hpp"
#include "tools/lsp/text_document.hpp"

namespace sla::lsp {

struct Document {
  std::string uri;
  // What the loader calls it: its absolute path, or its URI when it is no file
  // (an "untitled:" document not saved yet).
  std::string name;
  TextDocument text;
  std::shared_ptr<const ide::Analysis> analysis;  // of the current text; null when stale
  std::shared_ptr<const ide::Analysis> last;      // the last one made
  bool diagnostics_due = true;                    // the editor has not seen the current ones
};

class Workspace {
 public:
  // The folder the editor opened, when it said; imports may read below it.
  void set_root(std::string folder) { root_ = std::move(folder); }

  Document& open(const std::string& uri, std::string text, std::int64_t version);
  void close(const std::string& uri);
  Document* find(const std::string& uri);
  // Marks `doc` and every open document that imports it stale.
  void changed(Document& doc);
  // Every open document that files on disk may have changed under (a save).
  void reload_all();
  // The analysis of the current text, made now when it is stale.
  std::shared_ptr<const ide::Analysis> analysis(Document& doc);
  std::vector<Document*> documents();

  // The URI of a file the loader named: an absolute path, a stdlib module
  // (written to the cache to have one) or an unsaved document's URI.
  std::optional<std::string> uri_of(const std::string& loader_name);

 private:
  LoadOptions options_for(const Document& doc);
  std::map<std::string, Document> docs_;  // by URI
  std::string root_;
};

}  // namespace sla::lsp
