// libFuzzer target for `sla holidays import`: arbitrary bytes as an iCalendar file
// (and as a CSV of date,name). Never a crash or a hang; an error names a line of
// the input; what imports makes a holiday set that loads, with one entry per date.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "sla/load.hpp"
#include "tools/holidays/holiday_csv_reader.hpp"
#include "tools/holidays/holiday_set_text.hpp"
#include "tools/holidays/ics_reader.hpp"

namespace {

// Lines as the readers count them: ended by CRLF, LF or a lone CR.
std::size_t lines_of(std::string_view text) {
  std::size_t lines = 1;
  for (std::size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n')))
      ++lines;
  return lines;
}

void check(const sla::cli::ImportedHolidays& imported, std::string_view text) {
  if (!imported.ok()) {
    if (imported.error->line > lines_of(text)) std::abort();  // a line that is not there
    return;
  }
  const auto entries = sla::cli::merge_holidays(imported.days);
  for (std::size_t i = 1; i < entries.size(); ++i)
    if (!(entries[i - 1].day < entries[i].day)) std::abort();  // by date, each once
  if (entries.empty()) return;
  const int first = int(entries.front().day.year()), last = int(entries.back().day.year());
  const std::string set = sla::cli::holiday_set_text(
      {"fuzzed", "Fuzzed holidays", "fuzz.ics", "0", {first, last}}, entries);
  const auto loaded = sla::load_string("fuzz.sla", set);
  if (!loaded.ok() || loaded.model->holiday_sets.size() != 1 ||
      loaded.model->holiday_sets[0].days.size() != entries.size())
    std::abort();  // the written set must load as written
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  sla::cli::IcsOptions options;
  options.years = sla::cli::YearRange{2020, 2030};  // endless rules stay small
  check(sla::cli::read_ics(text, options), text);
  check(sla::cli::read_holiday_csv(text), text);
  return 0;
}
