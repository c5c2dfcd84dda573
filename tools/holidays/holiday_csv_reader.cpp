#include "tools/holidays/holiday_csv_reader.hpp"

#include <fmt/format.h>
#include <cstdio>
#include <memory>

#include "grammar/source.hpp"
#include "interpreter/time/timestamp.hpp"
#include "tools/io/csv_reader.hpp"

namespace sla::cli {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

std::optional<date::year_month_day> date_of(std::string_view text) {
  const auto ymd = parse_date(text);
  if (!ymd || int(ymd->year()) < 1900 || int(ymd->year()) > 2399) return std::nullopt;
  return ymd;
}

struct FileClose {
  void operator()(std::FILE* f) const { std::fclose(f); }
};

}  // namespace

bool looks_like_holiday_csv(std::string_view text) {
  if (text.starts_with(kBom)) text.remove_prefix(kBom.size());
  const auto start = text.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos) return false;
  text.remove_prefix(start);
  const std::string_view line = text.substr(0, text.find_first_of("\r\n"));
  // A semicolon where no comma is: read as CSV, so that the reader says what to change.
  auto separator = line.find(',');
  if (separator == std::string_view::npos) separator = line.find(';');
  if (separator == std::string_view::npos) return false;
  std::string lower(line);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return date_of(trim_field(line.substr(0, separator))).has_value() ||
         (lower.find("date") != std::string::npos && lower.find("name") != std::string::npos);
}

ImportedHolidays read_holiday_csv(std::string_view text) {
  ImportedHolidays out;
  if (text.starts_with(kBom)) text.remove_prefix(kBom.size());
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    out.error = ImportNote{0, "is empty: no date,name rows"};
    return out;
  }
  // The reader streams from a FILE; the text is already in memory.
  std::string copy(text);
  std::unique_ptr<std::FILE, FileClose> in(fmemopen(copy.data(), copy.size(), "r"));
  if (!in) {
    out.error = ImportNote{0, "cannot be read"};
    return out;
  }
  CsvReader reader(in.get());
  std::vector<std::string_view> fields;
  int date_column = 0, name_column = 1;
  std::size_t columns = 2;  // the fields a row is read from: date,name, or the header's
  bool first = true;
  // A bad row does not stop the reading: every bad row is reported, so that a
  // spreadsheet is fixed in one round (nothing is written while one is left).
  while (reader.next(fields)) {
    const std::size_t line = reader.line();
    if (!reader.error().empty()) {
      out.add_error(line, std::string(reader.error()));
      continue;
    }
    if (first) {
      first = false;
      // "Datum;Feiertag": a spreadsheet in a locale whose decimal mark is a comma
      // separates fields with semicolons. Guessing the separator per file would read
      // a name holding a semicolon wrongly; saying so costs one export.
      if (fields.size() == 1 && fields[0].find(';') != std::string_view::npos) {
        out.error = ImportNote{
            line, fmt::format("the fields are separated by ';' ('{}'): a holiday CSV separates "
                              "them with ',' (in a spreadsheet, save as \"CSV UTF-8 (Comma "
                              "delimited)\", or replace each ';' with ',')",
                              escape_invisible(trim_field(fields[0])))};
        return out;
      }
      if (!fields.empty() && !date_of(trim_field(fields[0]))) {
        date_column = name_column = -1;
        std::string problem;
        const Column header[] = {{"date", &date_column}, {"name", &name_column}};
        if (!find_columns(fields, header, problem)) {
          out.error = ImportNote{line, problem};
          return out;
        }
        if (date_column < 0 || name_column < 0) {
          out.error = ImportNote{
              line, fmt::format("expected date,name rows, with or without a header row naming "
                                "the columns date and name; the first row starts with '{}'",
                                escape_invisible(trim_field(fields[0])))};
          return out;
        }
        columns = fields.size();
        continue;
      }
    }
    const auto field = [&](int column) {
      return column < static_cast<int>(fields.size())
                 ? trim_field(fields[static_cast<std::size_t>(column)])
                 : std::string_view();
    };
    const std::string_view date_text = field(date_column), name = field(name_column);
    const auto day = date_of(date_text);
    if (!day) {
      out.add_error(
          line, date_text.empty()
                    ? std::string("no date: expected YYYY-MM-DD")
                    : fmt::format("'{}' is not a date: expected YYYY-MM-DD, a day that exists, in "
                                  "the years 1900 to 2399",
                                  escape_invisible(date_text)));
      continue;
    }
    if (name.empty()) {
      out.add_error(line, fmt::format("{} has no name", date_text));
      continue;
    }
    // "2026-12-25,Christmas, Day": a spreadsheet quotes a cell that holds a comma,
    // so fields past the columns are more likely a column without a header (or a
    // hand-written name) than a name to guess at: read as written, and said.
    std::vector<std::string_view> extra;
    for (std::size_t i = columns; i < fields.size(); ++i)
      if (!trim_field(fields[i]).empty()) extra.push_back(trim_field(fields[i]));
    if (!extra.empty()) {
      std::string left_out;
      for (auto e : extra) left_out += (left_out.empty() ? "" : ",") + std::string(e);
      // Only a name in the last column can have been cut at a comma.
      const bool cut = name_column + 1 == static_cast<int>(columns);
      out.notes.push_back(
          {line,
           fmt::format("{} fields where the rows have {}: '{}' is not read{}", fields.size(),
                       columns, escape_invisible(left_out),
                       cut ? fmt::format(" (a name that holds a comma is quoted: \"{}, {}\")",
                                         escape_invisible(name), escape_invisible(extra.front()))
                           : std::string())});
    }
    out.days.push_back({*day, std::string(name), line});
  }
  if (!reader.error().empty()) out.add_error(reader.line(), std::string(reader.error()));
  return out;
}

}  // namespace sla::cli
