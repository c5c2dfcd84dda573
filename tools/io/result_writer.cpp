#include "tools/io/result_writer.hpp"

#include <algorithm>
#include <array>

#include "interpreter/timestamp.hpp"

namespace sla::cli {

namespace {

constexpr std::array<std::string_view, 12> columns{"id",
                                                   "priority",
                                                   "response_due",
                                                   "response_at",
                                                   "response_status",
                                                   "response_commitment",
                                                   "resolution_due",
                                                   "resolved_at",
                                                   "resolution_status",
                                                   "resolution_commitment",
                                                   "escalation",
                                                   "error"};

// Table column widths: timestamps are 25 characters.
constexpr std::array<std::size_t, 12> widths{12, 9, 25, 25, 10, 12, 25, 25, 10, 12, 20, 0};

std::string_view commitment_name(const std::optional<Commitment>& c) {
  if (!c) return "none";
  return *c == Commitment::committed ? "committed" : "best_effort";
}

}  // namespace

ResultWriter::ResultWriter(std::FILE* out, Format format, const Calendar& calendar)
    : out_(out), format_(format), calendar_(calendar) {}

ResultWriter::~ResultWriter() {
  flush();
}

bool ResultWriter::flush() {
  if (buffer_.size() && std::fwrite(buffer_.data(), 1, buffer_.size(), out_) != buffer_.size())
    failed_ = true;
  buffer_.clear();
  return !failed_ && std::fflush(out_) == 0;
}

void ResultWriter::header() {
  if (format_ == Format::jsonl) return;
  for (std::size_t i = 0; i < columns.size(); ++i) field(columns[i], i + 1 == columns.size());
}

void ResultWriter::field(std::string_view text, bool last, bool escape) {
  auto out = std::back_inserter(buffer_);
  switch (format_) {
    case Format::csv: {
      bool plain = true;  // (find_first_of calls memchr per character: too slow here)
      if (escape)
        for (char c : text)
          if (c == ',' || c == '"' || c == '\r' || c == '\n') {
            plain = false;
            break;
          }
      if (plain) {
        buffer_.append(text.data(), text.data() + text.size());
      } else {
        buffer_.push_back('"');
        for (char c : text) {
          if (c == '"') buffer_.push_back('"');
          buffer_.push_back(c);
        }
        buffer_.push_back('"');
      }
      buffer_.push_back(last ? '\n' : ',');
      break;
    }
    case Format::jsonl: {
      fmt::format_to(out, "{}\"{}\":", column_ == 0 ? "{" : ",",
                     columns[static_cast<std::size_t>(column_)]);
      if (text.empty()) {  // nothing to say: null, not ""
        buffer_.append(std::string_view("null"));
        if (last) buffer_.append(std::string_view("}\n"));
        break;
      }
      buffer_.push_back('"');
      for (unsigned char c : text) {
        if (!escape) {
          buffer_.append(text.data(), text.data() + text.size());
          break;
        }
        if (c == '"' || c == '\\')
          fmt::format_to(out, "\\{}", static_cast<char>(c));
        else if (c < 0x20)
          fmt::format_to(out, "\\u{:04x}", c);
        else
          buffer_.push_back(static_cast<char>(c));
      }
      buffer_.push_back('"');
      if (last) buffer_.append(std::string_view("}\n"));
      break;
    }
    case Format::table: {
      buffer_.append(text.data(), text.data() + text.size());
      const auto i = static_cast<std::size_t>(column_);
      const std::size_t width = std::max(widths[i], columns[i].size());
      if (last)
        buffer_.push_back('\n');
      else
        for (std::size_t n = text.size(); n < width + 1; ++n) buffer_.push_back(' ');
      break;
    }
  }
  column_ = last ? 0 : column_ + 1;
}

void ResultWriter::time_field(std::optional<Instant> t, bool last) {
  if (!t || *t == Calendar::kNever) {  // never: the calendar does not open again
    field({}, last, false);
    return;
  }
  if (format_ == Format::csv) {  // the hot path: straight into the buffer
    append_timestamp(buffer_, *t, calendar_.utc_offset(*t));
    buffer_.push_back(last ? '\n' : ',');
    column_ = last ? 0 : column_ + 1;
    return;
  }
  fmt::memory_buffer text;
  append_timestamp(text, *t, calendar_.utc_offset(*t));
  field(std::string_view(text.data(), text.size()), last, false);
}

void ResultWriter::write(const ResultRow& row, const Evaluation& ev) {
  const bool error = !row.error.empty();
  field(row.id);
  field(error || !ev.priority ? row.priority : std::string_view(ev.priority->name));
  time_field(error ? std::nullopt : ev.response.due);
  time_field(row.responded);
  field(error ? "error" : name(ev.response.verdict), false, false);
  field(error ? "" : commitment_name(ev.response.commitment), false, false);
  time_field(error ? std::nullopt : ev.resolution.due);
  time_field(row.resolved);
  field(error ? "error" : name(ev.resolution.verdict), false, false);
  field(error ? "" : commitment_name(ev.resolution.commitment), false, false);
  field(error || !ev.escalation ? std::string_view() : std::string_view(ev.escalation->role));
  if (error) {
    fmt::memory_buffer text;
    fmt::format_to(std::back_inserter(text), "row {} (line {}): {}", row.number, row.line,
                   row.error);
    field(std::string_view(text.data(), text.size()), true);
  } else {
    field({}, true, false);
  }
  if (buffer_.size() > (1 << 16)) flush();
}

}  // namespace sla::cli
