// A desk's CSV header: columns found by name in any case, the first of a name
// counting (Jira repeats "Comment", "Labels", "Watchers" ... once per value).
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace sla::cli {

// The position of the first column named `name` (any case, blanks and a byte-order
// mark around it ignored), or -1.
int csv_column(const std::vector<std::string_view>& header, std::string_view name);
// Each column of `columns` found by csv_column (into `*at`); "" when every one that
// is `required` is there, else the names of those missing: "Status, Created".
struct CsvColumn {
  std::string_view name;
  int* at;
  bool required = false;
};
std::string find_csv_columns(const std::vector<std::string_view>& header,
                             std::initializer_list<CsvColumn> columns);
// The row's field at `index`, trimmed; empty for -1 or a short row.
std::string_view csv_field(const std::vector<std::string_view>& fields, int index);
// Hours as desks write durations: "1.5" or "1:30" / "01:30:00"; false when neither.
bool csv_hours(std::string_view text, double& hours);

}  // namespace sla::cli
