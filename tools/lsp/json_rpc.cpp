#include "tools/lsp/json_rpc.hpp"

#include <poll.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <optional>

#include <fmt/format.h>

namespace sla::lsp {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

}  // namespace

bool MessageReader::fill() {
  char chunk[65536];
  for (;;) {
    const ssize_t n = ::read(fd_, chunk, sizeof chunk);
    if (n > 0) {
      buffer_.append(chunk, static_cast<std::size_t>(n));
      return true;
    }
    if (n < 0 && errno == EINTR) continue;
    return false;
  }
}

bool MessageReader::waiting(int milliseconds) {
  if (!buffer_.empty()) return true;
  pollfd p{fd_, POLLIN, 0};
  return ::poll(&p, 1, milliseconds) > 0;
}

MessageReader::Status MessageReader::next(std::string& body, std::string& error) {
  for (;;) {
    if (skip_ > 0) {
      const std::size_t n = std::min(skip_, buffer_.size());
      buffer_.erase(0, n);
      skip_ -= n;
      if (skip_ > 0) {
        if (!fill()) return Status::end;
        continue;
      }
    }
    const std::size_t header_end = buffer_.find("\r\n\r\n");
    if (header_end == std::string::npos) {
      if (buffer_.size() > 65536) {
        buffer_.clear();
        error = "a message header longer than 64 KiB";
        return Status::broken;
      }
      if (!fill()) return Status::end;
      continue;
    }
    std::optional<std::size_t> length;
    std::string_view headers(buffer_.data(), header_end);
    while (!headers.empty()) {
      const std::size_t eol = headers.find("\r\n");
      std::string_view line = headers.substr(0, eol);
      headers = eol == std::string_view::npos ? std::string_view() : headers.substr(eol + 2);
      const std::size_t colon = line.find(':');
      if (colon == std::string_view::npos) continue;
      if (lower(trim(line.substr(0, colon))) != "content-length") continue;
      std::string_view value = trim(line.substr(colon + 1));
      std::size_t n = 0;
      auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
      if (ec == std::errc() && end == value.data() + value.size()) length = n;
    }
    buffer_.erase(0, header_end + 4);
    if (!length) {
      error = "a message without a valid Content-Length header";
      return Status::broken;
    }
    if (*length > max_body_bytes) {
      skip_ = *length;
      error = fmt::format("a message of {} bytes (the limit is {} bytes)", *length, max_body_bytes);
      return Status::broken;
    }
    while (buffer_.size() < *length)
      if (!fill()) return Status::end;
    body.assign(buffer_, 0, *length);
    buffer_.erase(0, *length);
    return Status::message;
  }
}

bool write_message(int fd, const std::string& json) {
  const std::string frame = fmt::format("Content-Length: {}\r\n\r\n{}", json.size(), json);
  std::size_t done = 0;
  while (done < frame.size()) {
    const ssize_t n = ::write(fd, frame.data() + done, frame.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
}

}  // namespace sla::lsp
