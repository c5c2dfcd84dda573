// JSON-RPC 2.0 messages framed as the Language Server Protocol frames them:
// "Content-Length: N\r\n\r\n" then N bytes of JSON, over a pair of descriptors.
#pragma once

#include <cstddef>
#include <string>

namespace sla::lsp {

class MessageReader {
 public:
  explicit MessageReader(int fd) : fd_(fd) {}

  enum class Status {
    message,  // `body` holds one message's JSON text
    broken,   // a frame that cannot be read: `error` says why; the stream goes on
    end,      // the stream ended (or failed)
  };
  // Blocks until a whole message has arrived.
  Status next(std::string& body, std::string& error);
  // Whether more input is waiting, waiting at most `milliseconds` for it.
  bool waiting(int milliseconds);

  // A message larger than this is refused (and skipped): an editor sends a few
  // hundred KiB at most, and a corrupt header must not make the server allocate
  // gigabytes.
  static constexpr std::size_t max_body_bytes = 64u << 20;

 private:
  bool fill();  // reads what is available into buffer_; false at the end
  int fd_;
  std::string buffer_;
  std::size_t skip_ = 0;  // bytes of a refused body still to discard
};

// Writes one message with its header, in full (retrying short writes).
bool write_message(int fd, const std::string& json);

}  // namespace sla::lsp
