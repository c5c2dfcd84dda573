// The weekly coverage chart: when the desk is open, 7 days × 24 hours, computed
// from a calendar's weekly hours (an interval that crosses midnight is drawn on
// both days). Drawn as an inline SVG for HTML and as a text grid for Markdown.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "interpreter/time/calendar.hpp"
#include "tools/wording/wording.hpp"

namespace sla::cli {

// The words a chart shows, so that the writers add none of their own: English
// unless chart_words() gives them in a document's words.
struct ChartWords {
  std::array<std::string, 7> days{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  std::array<std::string, 7> day_names{"Monday", "Tuesday",  "Wednesday", "Thursday",
                                       "Friday", "Saturday", "Sunday"};
  std::string open = "Open", closed = "Closed";              // the SVG's legend
  std::string open_key = "open", closed_key = "closed";      // the text grid's legend
  std::string times = "Times: {}", times_key = "times: {}";  // {} is the zone
  std::string clock = "{:02}:{:02}";                         // a time of day
};

// The chart's words in `w`'s language.
ChartWords chart_words(const Wording& w);

struct WeeklyCoverage {
  // Index 0 is Monday. Each day's open spans as [from, to) minutes after local
  // midnight (0 to 1440), sorted and merged.
  std::array<std::vector<std::pair<int, int>>, 7> open;
  std::string zone;  // "Asia/Jakarta time (UTC+07:00)"
  ChartWords words;
};

WeeklyCoverage weekly_coverage(const CalendarSpec& spec, std::string zone);

// The regular week of a calendar whose hours are not one weekly table (a union,
// open when any member is, each member in its own zone): its opening hours from
// local Monday `monday` 00:00 for seven days, holidays and special hours left out.
WeeklyCoverage sampled_coverage(const Calendar& calendar, date::local_days monday,
                                std::string zone);

// The week's hours in words from a coverage: "Monday to Friday, 09:00–17:00", and,
// for hours that run on across days without a break, "from Sunday 15:00 to Friday
// 18:00, without a break".
std::string coverage_words(const WeeklyCoverage& coverage, const Wording& w = english());

// A self-contained <svg> element with a <title> and <desc> (ids derived from
// `id`); `title` and `description` are plain text, escaped here.
std::string coverage_svg(const WeeklyCoverage& coverage, std::string_view id,
                         std::string_view title, std::string_view description);

// The same chart as lines of text (one character per half hour), for a code block.
std::string coverage_text(const WeeklyCoverage& coverage);

}  // namespace sla::cli
