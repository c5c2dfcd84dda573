#include "tools/io/result_writer.hpp"

#include <algorithm>
#include <array>

#include "grammar/utf8.hpp"
#include "interpreter/time/timestamp.hpp"

namespace sla::cli {

namespace {

constexpr std::string_view kColumns[] = {"id",
                                         "priority",
                                         "response_due",
                                         "response_at",
                                         "response_status",
                                         "response_commitment",
                                         "resolution_due",
                                         "resolved_at",
                                         "resolution_status",
                                         "resolution_commitment"};
constexpr std::string_view kRestorationColumns[] = {"restoration_due", "restored_at",
                                                    "restoration_status", "restoration_commitment"};
constexpr std::string_view kUpdateColumns[] = {"update_due", "update_status",
                                               "update_worst_gap_seconds", "update_commitment"};
// Per target with columns: the share of its time elapsed and the time left.
constexpr std::string_view kProgressColumns[][2] = {
    {"response_elapsed_percent", "response_left_seconds"},
    {"resolution_elapsed_percent", "resolution_left_seconds"},
    {"restoration_elapsed_percent", "restoration_left_seconds"},
    {"update_elapsed_percent", "update_left_seconds"}};
constexpr std::string_view kLastColumns[] = {"escalation", "error"};

// How many characters a terminal shows for `text`: UTF-8 continuation bytes take
// no column of their own.
std::size_t display_width(std::string_view text) {
  std::size_t n = 0;
  for (unsigned char c : text)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

std::string_view commitment_name(const std::optional<Commitment>& c) {
  if (!c) return "none";
  return *c == Commitment::committed ? "committed" : "best_effort";
}

}  // namespace

ResultColumns result_columns(const Package& package) {
  ResultColumns c;
  for (const auto& t : package.targets) {
    c.restoration = c.restoration || t.kind == TargetKind::restoration;
    c.updates = c.updates || t.kind == TargetKind::update;
  }
  c.progress = package.warn_at_milli.has_value();
  return c;
}

ResultWriter::ResultWriter(std::FILE* out, Format format, const Calendar& calendar,
                           ResultColumns extra)
    : out_(out), format_(format), calendar_(calendar), extra_(extra) {
  columns_.assign(std::begin(kColumns), std::end(kColumns));
  if (extra.restoration)
    columns_.insert(columns_.end(), std::begin(kRestorationColumns), std::end(kRestorationColumns));
  if (extra.updates)
    columns_.insert(columns_.end(), std::begin(kUpdateColumns), std::end(kUpdateColumns));
  if (extra.progress)
    for (std::size_t k = 0; k < 4; ++k)
      if (k < 2 || (k == 2 && extra.restoration) || (k == 3 && extra.updates))
        columns_.insert(columns_.end(), std::begin(kProgressColumns[k]),
                        std::end(kProgressColumns[k]));
  columns_.insert(columns_.end(), std::begin(kLastColumns), std::end(kLastColumns));
}

ResultWriter::~ResultWriter() {
  flush();
}

bool ResultWriter::flush() {
  if (format_ == Format::table) lay_out_table();
  if (buffer_.size() && std::fwrite(buffer_.data(), 1, buffer_.size(), out_) != buffer_.size())
    failed_ = true;
  buffer_.clear();
  return !failed_ && std::fflush(out_) == 0;
}

void ResultWriter::header() {
  if (format_ == Format::jsonl) return;
  for (std::size_t i = 0; i < columns_.size(); ++i) field(columns_[i], i + 1 == columns_.size());
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
                     columns_[static_cast<std::size_t>(column_)]);
      if (text.empty()) {  // nothing to say: null, not ""
        buffer_.append(std::string_view("null"));
      } else if (!escape) {
        buffer_.push_back('"');
        buffer_.append(text.data(), text.data() + text.size());
        buffer_.push_back('"');
      } else {
        json_text(text);
      }
      break;
    }
    case Format::table:
      table_cell(text, last);
      break;
  }
  if (format_ == Format::jsonl && last) {
    if (not_utf8_) {
      std::vector<std::string_view> names;
      for (std::size_t i = 0; i < columns_.size(); ++i)
        if (not_utf8_ & (1u << i)) names.push_back(columns_[i]);
      fmt::format_to(out, ",\"warning\":\"bytes that are not UTF-8 in {} are shown as U+FFFD\"",
                     fmt::join(names, ", "));
      not_utf8_ = 0;
    }
    if (desk_response_)
      fmt::format_to(out, ",\"desk_response_seconds\":{}", desk_response_->count());
    if (desk_resolution_)
      fmt::format_to(out, ",\"desk_resolution_seconds\":{}", desk_resolution_->count());
    buffer_.append(std::string_view("}\n"));
  }
  column_ = last ? 0 : column_ + 1;
}

void ResultWriter::json_text(std::string_view text) {
  auto out = std::back_inserter(buffer_);
  buffer_.push_back('"');
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      std::size_t bad = 0;
      if (const std::size_t n = utf8_char_length(text.substr(i), bad); n > 0) {
        buffer_.append(text.data() + i, text.data() + i + n);
        i += n;
      } else {
        buffer_.append(kReplacementCharacter);
        not_utf8_ |= 1u << column_;
        i += bad;
      }
      continue;
    }
    if (c == '"' || c == '\\')
      fmt::format_to(out, "\\{}", static_cast<char>(c));
    else if (c < 0x20)
      fmt::format_to(out, "\\u{:04x}", c);
    else
      buffer_.push_back(static_cast<char>(c));
    ++i;
  }
  buffer_.push_back('"');
}

void ResultWriter::table_cell(std::string_view text, bool last) {
  // Control characters would break the row across lines or move the cursor: they
  // are shown escaped (\n, \r, \t, \x1b), so one row stays one line.
  const std::size_t start = table_text_.size();
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (c >= 0x20 && c != 0x7F) {
      table_text_.push_back(ch);
      continue;
    }
    table_text_ += c == '\n'   ? "\\n"
                   : c == '\r' ? "\\r"
                   : c == '\t' ? "\\t"
                               : fmt::format("\\x{:02x}", c);
  }
  table_lengths_.push_back(static_cast<std::uint32_t>(table_text_.size() - start));
  const auto i = static_cast<std::size_t>(column_);
  if (table_widths_.size() <= i) table_widths_.resize(i + 1);
  if (!last)  // the last column is not padded: its width does not matter
    table_widths_[i] =
        std::max(table_widths_[i], display_width(std::string_view(table_text_).substr(start)));
}

void ResultWriter::lay_out_table() {
  std::size_t from = 0, column = 0;
  for (const std::uint32_t length : table_lengths_) {
    const std::string_view cell(table_text_.data() + from, length);
    buffer_.append(cell.data(), cell.data() + cell.size());
    const bool last = ++column == columns_.size();
    if (last) {
      column = 0;
      // No blanks at the end of a line: an empty last cell leaves the padding.
      if (cell.empty())
        while (buffer_.size() && buffer_[buffer_.size() - 1] == ' ')
          buffer_.resize(buffer_.size() - 1);
      buffer_.push_back('\n');
    } else {
      for (std::size_t n = display_width(cell); n < table_widths_[column - 1] + 2; ++n)
        buffer_.push_back(' ');
    }
    from += length;
    if (buffer_.size() > (1 << 16) && column == 0) {
      if (std::fwrite(buffer_.data(), 1, buffer_.size(), out_) != buffer_.size()) failed_ = true;
      buffer_.clear();
    }
  }
  table_text_.clear();
  table_lengths_.clear();
  table_widths_.clear();
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

void ResultWriter::number_field(std::optional<std::int64_t> n) {
  if (!n) {
    field({}, false, false);
    return;
  }
  fmt::memory_buffer text;
  fmt::format_to(std::back_inserter(text), "{}", *n);
  number_text(std::string_view(text.data(), text.size()));
}

void ResultWriter::progress_fields(const TargetOutcome& o, bool error) {
  if (error || !o.elapsed || !o.left) {
    field({}, false, false);
    field({}, false, false);
    return;
  }
  const auto total = *o.elapsed + *o.left;
  const double share = total.count() > 0 ? 100.0 * static_cast<double>(o.elapsed->count()) /
                                               static_cast<double>(total.count())
                                         : 100.0;
  fmt::memory_buffer text;
  fmt::format_to(std::back_inserter(text), "{:.1f}", share);
  number_text(std::string_view(text.data(), text.size()));
  number_field(o.left->count());
}

void ResultWriter::number_text(std::string_view text) {
  if (format_ != Format::jsonl) {
    field(text, false, false);
    return;
  }
  // A number in JSON, not a string.
  fmt::format_to(std::back_inserter(buffer_), "{}\"{}\":{}", column_ == 0 ? "{" : ",",
                 columns_[static_cast<std::size_t>(column_)], text);
  ++column_;
}

void ResultWriter::write(const ResultRow& row, const Evaluation& ev) {
  const bool error = !row.error.empty();
  desk_response_ = row.desk_response;
  desk_resolution_ = row.desk_resolution;
  field(row.id);
  field(error || !ev.priority ? row.priority : std::string_view(ev.priority->name));
  time_field(error ? std::nullopt : ev.response.due);
  time_field(row.responded);
  field(error ? "error" : status_name(ev.response), false, false);
  field(error ? "" : commitment_name(ev.response.commitment), false, false);
  time_field(error ? std::nullopt : ev.resolution.due);
  time_field(row.resolved);
  field(error ? "error" : status_name(ev.resolution), false, false);
  field(error ? "" : commitment_name(ev.resolution.commitment), false, false);
  if (extra_.restoration) {
    time_field(error ? std::nullopt : ev.restoration.due);
    time_field(row.restored);
    field(error ? "error" : status_name(ev.restoration), false, false);
    field(error ? "" : commitment_name(ev.restoration.commitment), false, false);
  }
  if (extra_.updates) {
    time_field(error ? std::nullopt : ev.update.due);
    field(error ? "error" : status_name(ev.update), false, false);
    number_field(error || !ev.update_worst_gap ? std::nullopt
                                               : std::optional(ev.update_worst_gap->count()));
    field(error ? "" : commitment_name(ev.update.commitment), false, false);
  }
  if (extra_.progress) {
    progress_fields(ev.response, error);
    progress_fields(ev.resolution, error);
    if (extra_.restoration) progress_fields(ev.restoration, error);
    if (extra_.updates) progress_fields(ev.update, error);
  }
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
