// libFuzzer target for the writers: arbitrary bytes in every string an eval row or
// an uptime report holds (ids, priorities, errors, roles, services, zones, notes,
// reasons), written in every format. JSON and JSON Lines must parse and be valid
// UTF-8 whatever went in; CSV must read back to the same rows and ids, byte for
// byte; the table must keep one line per row, with no control character in it.
#include <fuzzer/FuzzedDataProvider.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "grammar/utf8.hpp"
#include "sla/evaluator.hpp"
#include "sla/load.hpp"
#include "sla/uptime.hpp"
#include "tools/console/json_text.hpp"
#include "tools/io/csv_reader.hpp"
#include "tools/io/result_writer.hpp"
#include "tools/reports/uptime_output.hpp"

namespace {

const sla::Evaluator& evaluator() {
  static const sla::LoadResult contract =
      sla::load_file(std::string(SLA_SOURCE_DIR) + "/contracts/qiscus-enterprise.sla");
  static const sla::Evaluator::Made made = [] {
    if (!contract.ok()) std::abort();
    return sla::Evaluator::make(*contract.model, "premium", {});
  }();
  if (!made.evaluator) std::abort();
  return *made.evaluator;
}

void require(bool ok) {
  if (!ok) std::abort();
}

// What a FILE* wrote, through open_memstream.
class Memory {
 public:
  Memory() : file_(open_memstream(&data_, &size_)) { require(file_ != nullptr); }
  ~Memory() {
    if (file_) std::fclose(file_);
    std::free(data_);
  }
  std::FILE* file() { return file_; }
  std::string text() {
    std::fflush(file_);
    return std::string(data_, size_);
  }

 private:
  char* data_ = nullptr;
  std::size_t size_ = 0;
  std::FILE* file_;
};

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t from = 0;
  for (std::size_t at; (at = text.find('\n', from)) != std::string::npos; from = at + 1)
    lines.push_back(text.substr(from, at - from));
  require(from == text.size());  // every line ends with a line feed
  return lines;
}

// Parses as JSON (nlohmann refuses bytes that are not UTF-8) and is UTF-8.
nlohmann::json valid_json(const std::string& text) {
  require(sla::is_utf8(text));
  auto j = nlohmann::json::parse(text, nullptr, false);
  require(!j.is_discarded());
  return j;
}

// CSV read back: every record, with its fields.
std::vector<std::vector<std::string>> read_csv(const std::string& text) {
  std::vector<std::vector<std::string>> records;
  if (text.empty()) return records;
  std::FILE* in = fmemopen(const_cast<char*>(text.data()), text.size(), "rb");
  require(in != nullptr);
  sla::cli::CsvReader reader(in);
  std::vector<std::string_view> fields;
  while (reader.next(fields)) {
    require(reader.error().empty());
    records.emplace_back(fields.begin(), fields.end());
  }
  std::fclose(in);
  return records;
}

sla::Instant some_instant(FuzzedDataProvider& in) {
  // 1901 to 2398, the years the calendars hold.
  return sla::Instant(std::chrono::seconds(
      in.ConsumeIntegralInRange<std::int64_t>(-2'177'452'800LL, 13'537'929'600LL)));
}

std::optional<sla::Instant> maybe_instant(FuzzedDataProvider& in) {
  if (in.ConsumeBool()) return std::nullopt;
  return some_instant(in);
}

void eval_writers(FuzzedDataProvider& in) {
  using sla::cli::ResultRow;
  using sla::cli::ResultWriter;
  const std::size_t count = in.ConsumeIntegralInRange<std::size_t>(0, 6);
  std::deque<std::string> texts;  // what the rows point into
  std::deque<sla::Priority> priorities;
  std::deque<sla::EscalationBand> bands;
  std::vector<ResultRow> rows;
  std::vector<sla::Evaluation> evaluations;
  auto text = [&] {
    texts.push_back(in.ConsumeRandomLengthString(64));
    return std::string_view(texts.back());
  };
  for (std::size_t i = 0; i < count; ++i) {
    ResultRow row;
    row.number = i + 1;
    row.line = in.ConsumeIntegral<std::uint32_t>();
    row.id = text();
    row.priority = text();
    row.responded = maybe_instant(in);
    row.resolved = maybe_instant(in);
    if (in.ConsumeBool()) row.error = text();
    sla::Evaluation ev;
    if (in.ConsumeBool()) {
      priorities.push_back(sla::Priority{});
      priorities.back().name = std::string(text());
      ev.priority = &priorities.back();
    }
    if (in.ConsumeBool()) {
      bands.push_back(sla::EscalationBand{});
      bands.back().role = std::string(text());
      ev.escalation = &bands.back();
    }
    ev.response.verdict = in.PickValueInArray({sla::Verdict::met, sla::Verdict::breached,
                                               sla::Verdict::pending, sla::Verdict::no_target});
    ev.response.due = maybe_instant(in);
    if (in.ConsumeBool()) ev.response.commitment = sla::Commitment::best_effort;
    ev.resolution.due = maybe_instant(in);
    rows.push_back(row);
    evaluations.push_back(ev);
  }
  for (const auto format :
       {ResultWriter::Format::csv, ResultWriter::Format::jsonl, ResultWriter::Format::table}) {
    Memory out;
    {
      ResultWriter writer(out.file(), format, evaluator().calendar());
      writer.header();
      for (std::size_t i = 0; i < rows.size(); ++i) writer.write(rows[i], evaluations[i]);
      require(writer.flush());
    }
    const std::string written = out.text();
    if (format == ResultWriter::Format::jsonl) {
      const auto lines = split_lines(written);
      require(lines.size() == rows.size());
      for (std::size_t i = 0; i < lines.size(); ++i) {
        const auto j = valid_json(lines[i]);
        require(j.is_object() && j.contains("id"));
        if (rows[i].id.empty())
          require(j["id"].is_null());
        else
          require(j["id"] == sla::valid_utf8(rows[i].id));
        // A warning exactly when something printed was replaced.
        const auto& ev = evaluations[i];
        const bool error = !rows[i].error.empty();
        const std::string_view priority =
            error || !ev.priority ? rows[i].priority : std::string_view(ev.priority->name);
        const std::string_view role =
            error || !ev.escalation ? std::string_view() : std::string_view(ev.escalation->role);
        const bool clean = sla::is_utf8(rows[i].id) && sla::is_utf8(priority) &&
                           sla::is_utf8(role) && sla::is_utf8(rows[i].error);
        require(j.contains("warning") == !clean);
      }
    } else if (format == ResultWriter::Format::csv) {
      const auto records = read_csv(written);
      require(records.size() == rows.size() + 1);  // the header, then every row, in order
      for (std::size_t i = 0; i < rows.size(); ++i) {
        require(records[i + 1].size() == 12);
        require(records[i + 1][0] == rows[i].id);  // the bytes as they came
      }
    } else {
      const auto lines = split_lines(written);
      require(lines.size() == rows.size() + 1);  // one line per row
      for (unsigned char c : written) require(c == '\n' || (c >= 0x20 && c != 0x7F));
    }
  }
}

void uptime_writers(FuzzedDataProvider& in) {
  const sla::Evaluator& ev = evaluator();
  std::vector<sla::Incident> incidents;
  const std::size_t count = in.ConsumeIntegralInRange<std::size_t>(0, 5);
  const sla::Instant january(std::chrono::seconds(1'767'200'400));  // 2026-01-01 00:00 +07:00
  for (std::size_t i = 0; i < count; ++i) {
    sla::Incident incident;
    incident.id = in.ConsumeRandomLengthString(64);
    incident.service = "Chat Service";
    incident.start = january + std::chrono::seconds(in.ConsumeIntegralInRange(0, 2'700'000));
    if (in.ConsumeBool())
      incident.end = incident.start + std::chrono::seconds(in.ConsumeIntegralInRange(0, 200'000));
    incident.category = in.PickValueInArray(sla::kIncidentCategories);
    if (in.ConsumeBool()) incident.announced_at = incident.start - std::chrono::hours(100);
    incidents.push_back(std::move(incident));
  }
  sla::UptimeQuery query;
  query.months = {std::chrono::year{2026} / 1};
  if (in.ConsumeBool()) query.as_of = january + std::chrono::hours(24 * 10);
  auto reports = sla::uptime_report(ev.model(), ev.package(), ev.calendar_info(), incidents, query);

  // Arbitrary bytes in every string the writers print.
  sla::Package package = ev.package();
  package.id = in.ConsumeRandomLengthString(32);
  package.applied_addons = {in.ConsumeRandomLengthString(32)};
  sla::CalendarInfo calendar = ev.calendar_info();
  calendar.zone = in.ConsumeRandomLengthString(32);
  std::deque<sla::Uptime> uptimes;
  for (auto& r : reports) {
    uptimes.push_back(*r.uptime);
    uptimes.back().service = in.ConsumeRandomLengthString(32);
    uptimes.back().period = in.ConsumeRandomLengthString(16);
    uptimes.back().published_at = in.ConsumeRandomLengthString(16);
    uptimes.back().credits_text = in.ConsumeRandomLengthString(16);
    r.uptime = &uptimes.back();
    r.notes.push_back(in.ConsumeRandomLengthString(64));
    for (auto& o : r.incidents) o.reason = in.ConsumeRandomLengthString(32);
  }
  const sla::cli::UptimeContext context{package, calendar, incidents};

  const auto json = valid_json(sla::cli::json_text(sla::cli::uptime_json(reports, context)));
  require(json.is_array() && json.size() == reports.size());
  for (std::size_t i = 0; i < reports.size(); ++i) {
    require(json[i]["incidents"].size() == reports[i].incidents.size());
    for (std::size_t k = 0; k < reports[i].incidents.size(); ++k) {
      const auto& id = incidents[reports[i].incidents[k].index].id;
      require(json[i]["incidents"][k]["id"] == sla::valid_utf8(id));
      require(json[i]["incidents"][k].contains("warning") == !sla::is_utf8(id));
    }
  }
  const auto records = read_csv(sla::cli::uptime_csv(reports, context));
  require(records.size() == reports.size() + 1);
  for (const auto& record : records) require(record.size() == 20);
  (void)sla::cli::uptime_text(reports, context, in.ConsumeBool());

  // The one way every command writes JSON, on any key and value.
  nlohmann::ordered_json any;
  any[in.ConsumeRandomLengthString(16)] = in.ConsumeRandomLengthString(64);
  any["list"] = {in.ConsumeRandomLengthString(16), nullptr, 1.5};
  valid_json(sla::cli::json_text(any));
  valid_json(sla::cli::json_text(any, -1));
  valid_json(sla::cli::json_line(any));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider in(data, size);
  if (in.ConsumeBool())
    eval_writers(in);
  else
    uptime_writers(in);
  return 0;
}
