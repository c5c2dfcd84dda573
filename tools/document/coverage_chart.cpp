#include "tools/document/coverage_chart.hpp"

#include <fmt/format.h>
#include <algorithm>

#include "tools/document/escape.hpp"
#include "tools/document/plain_words.hpp"

namespace sla::cli {

namespace {

std::string clock(const ChartWords& words, int minutes) {
  try {
    return fmt::format(fmt::runtime(words.clock), minutes / 60, minutes % 60);
  } catch (const fmt::format_error&) {
    return fmt::format("{:02}:{:02}", minutes / 60, minutes % 60);
  }
}

std::string with_zone(const std::string& format, const std::string& zone) {
  try {
    return fmt::format(fmt::runtime(format), zone);
  } catch (const fmt::format_error&) {
    return zone;
  }
}

// The geometry of the SVG, in user units: a label column, then 24 px an hour.
constexpr int label_width = 48;
constexpr int hour_width = 24;
constexpr int top = 22;
constexpr int row_height = 24;
constexpr int row_gap = 6;
constexpr int width = label_width + 24 * hour_width + 16;
constexpr int legend_height = 34;
constexpr int height = top + 7 * (row_height + row_gap) + legend_height;

std::string x_of(int minutes) {
  // 24 px an hour is 0.4 px a minute: print the exact decimal, never a float.
  const int tenths = label_width * 10 + minutes * 4;
  return tenths % 10 ? fmt::format("{}.{}", tenths / 10, tenths % 10)
                     : fmt::format("{}", tenths / 10);
}

std::string width_of(int minutes) {
  const int tenths = minutes * 4;
  return tenths % 10 ? fmt::format("{}.{}", tenths / 10, tenths % 10)
                     : fmt::format("{}", tenths / 10);
}

// The same calendar without its holidays and special hours (a union's members too).
std::shared_ptr<const Calendar> regular_week(const Calendar& calendar) {
  CalendarSpec spec = calendar.spec();
  spec.holidays.clear();
  for (auto& m : spec.members) m = regular_week(*m);
  return std::make_shared<const Calendar>(std::move(spec));
}

void merge(std::vector<std::pair<int, int>>& day) {
  std::sort(day.begin(), day.end());
  std::vector<std::pair<int, int>> merged;
  for (const auto& span : day) {
    if (span.second <= span.first) continue;
    if (!merged.empty() && span.first <= merged.back().second)
      merged.back().second = std::max(merged.back().second, span.second);
    else
      merged.push_back(span);
  }
  day = std::move(merged);
}

}  // namespace

ChartWords chart_words(const Wording& w) {
  ChartWords words;
  // TRANSLATORS: the chart's row labels, Monday to Sunday, three letters each.
  words.days = {w.say("Mon"), w.say("Tue"), w.say("Wed"), w.say("Thu"),
                w.say("Fri"), w.say("Sat"), w.say("Sun")};
  for (unsigned d = 0; d < 7; ++d) words.day_names[d] = weekday_word((d + 1) % 7, w);
  // TRANSLATORS: the chart's legend: shaded hours are open, the others closed.
  words.open = w.say("Open");
  words.closed = w.say("Closed");
  words.open_key = w.say("open");
  words.closed_key = w.say("closed");
  // TRANSLATORS: the chart's legend: the time zone of its hours.
  // (Said without their fields: the formats themselves, filled in when drawn.)
  words.times = w.say("Times: {}");
  words.times_key = w.say("times: {}");
  words.clock = w.say("{:02}:{:02}");
  return words;
}

WeeklyCoverage weekly_coverage(const CalendarSpec& spec, std::string zone) {
  WeeklyCoverage out;
  out.zone = std::move(zone);
  for (int d = 0; d < 7; ++d) {  // c_encoding: 0 is Sunday
    const int day = (d + 6) % 7;
    for (const auto& h : spec.weekly[d]) {
      const int from = static_cast<int>(h.start.count() / 60);
      const int to = static_cast<int>(h.end.count() / 60);
      out.open[day].push_back({from, std::min(to, 1440)});
      // An interval that crosses midnight belongs to the day it starts on, and
      // goes on into the next morning (Sunday night into Monday).
      if (to > 1440) out.open[(day + 1) % 7].push_back({0, std::min(to - 1440, 1440)});
    }
  }
  for (auto& day : out.open) merge(day);
  return out;
}

WeeklyCoverage sampled_coverage(const Calendar& calendar, date::local_days monday,
                                std::string zone) {
  WeeklyCoverage out;
  out.zone = std::move(zone);
  const auto week = regular_week(calendar);
  const Instant start = week->to_instant(date::local_seconds{monday});
  const Instant end = week->to_instant(date::local_seconds{monday + date::days(7)});
  auto minutes = [&](Instant t) {
    return static_cast<int>(
        std::chrono::duration_cast<std::chrono::minutes>(week->to_local(t) - monday).count());
  };
  Instant t = start;
  for (int guard = 0; t < end && guard < 1000; ++guard) {
    const Instant open = week->next_opening(t);
    if (open == Calendar::kNever || open >= end) break;
    const Instant close = std::min(week->next_closing(open), end);
    const int from = minutes(open), to = close == end ? 7 * 1440 : minutes(close);
    for (int day = from / 1440; day < 7 && day * 1440 < to; ++day)
      out.open[day].push_back(
          {std::max(from, day * 1440) - day * 1440, std::min(to, day * 1440 + 1440) - day * 1440});
    t = close;
  }
  for (auto& day : out.open) merge(day);
  return out;
}

std::string coverage_words(const WeeklyCoverage& coverage, const Wording& w) {
  // The week as one line of minutes from Monday 00:00: spans that run on across
  // midnight (and from Sunday into Monday) are one.
  std::vector<std::pair<int, int>> spans;
  for (int d = 0; d < 7; ++d)
    for (const auto& [from, to] : coverage.open[d]) {
      if (!spans.empty() && spans.back().second == d * 1440 + from)
        spans.back().second = d * 1440 + to;
      else
        spans.push_back({d * 1440 + from, d * 1440 + to});
    }
  if (spans.size() >= 2 && spans.front().first == 0 && spans.back().second == 7 * 1440) {
    spans.back().second += spans.front().second;
    spans.erase(spans.begin());
  }
  auto at = [&](int minute) {
    minute %= 7 * 1440;
    // TRANSLATORS: a weekday and a time of day: "Sunday 15:00".
    return w.say("{} {}", weekday_word(static_cast<unsigned>((minute / 1440 + 1) % 7), w),
                 clock_words(minute % 1440, w));
  };
  if (spans.size() == 1 && spans.front().second - spans.front().first > 1440 &&
      spans.front().second - spans.front().first < 7 * 1440)
    return w.say("from {} to {}, without a break", at(spans.front().first),
                 at(spans.front().second));
  CalendarSpec spec;
  for (int d = 0; d < 7; ++d)
    for (const auto& [from, to] : coverage.open[d])
      spec.weekly[(d + 1) % 7].push_back({std::chrono::minutes(from), std::chrono::minutes(to)});
  return weekly_hours(spec, w);
}

std::string coverage_svg(const WeeklyCoverage& coverage, std::string_view id,
                         std::string_view title, std::string_view description) {
  std::string out;
  auto add = [&](std::string s) { out += s; };
  add(fmt::format(
      "<svg class=\"coverage\" viewBox=\"0 0 {0} {1}\" "
      "width=\"{0}\" height=\"{1}\" role=\"img\" aria-labelledby=\"{2}-title {2}-desc\">\n",
      width, height, id));
  add(fmt::format("<title id=\"{}-title\">{}</title>\n", id, html_escape(title)));
  add(fmt::format("<desc id=\"{}-desc\">{}</desc>\n", id, html_escape(description)));
  add("<g font-family=\"sans-serif\" font-size=\"11\" fill=\"#1f2933\">\n");
  const ChartWords& words = coverage.words;
  for (int h = 0; h <= 24; h += 3)
    add(fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{:02}</text>\n", x_of(h * 60),
                    top - 8, h));
  for (int d = 0; d < 7; ++d) {
    const int y = top + d * (row_height + row_gap);
    add(fmt::format("<text x=\"0\" y=\"{}\">{}</text>\n", y + row_height / 2 + 4,
                    html_escape(words.days[d])));
    add(fmt::format(
        "<rect class=\"closed\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#eef1f4\" "
        "stroke=\"#c3cad3\" stroke-width=\"0.5\"/>\n",
        label_width, y, 24 * hour_width, row_height));
    for (const auto& [from, to] : coverage.open[d])
      add(fmt::format(
          "<rect class=\"open\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#2f6f9f\">"
          "<title>{} {}\u2013{}</title></rect>\n",
          x_of(from), y, width_of(to - from), row_height, html_escape(words.day_names[d]),
          clock(words, from), clock(words, to)));
  }
  // Hour grid on top of the bars, every three hours.
  const int grid_bottom = top + 7 * (row_height + row_gap) - row_gap;
  for (int h = 0; h <= 24; h += 3)
    add(
        fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"#ffffff\" "
                    "stroke-opacity=\"0.6\" "
                    "stroke-width=\"1\"/>\n",
                    x_of(h * 60), top, grid_bottom));
  const int legend_y = grid_bottom + 16;
  add(
      fmt::format("<rect x=\"{}\" y=\"{}\" width=\"12\" height=\"12\" fill=\"#2f6f9f\"/>"
                  "<text x=\"{}\" y=\"{}\">{}</text>\n",
                  label_width, legend_y, label_width + 16, legend_y + 10, html_escape(words.open)));
  add(fmt::format(
      "<rect x=\"{}\" y=\"{}\" width=\"12\" height=\"12\" fill=\"#eef1f4\" stroke=\"#c3cad3\" "
      "stroke-width=\"0.5\"/><text x=\"{}\" y=\"{}\">{}</text>\n",
      label_width + 64, legend_y, label_width + 80, legend_y + 10, html_escape(words.closed)));
  add(fmt::format("<text x=\"{}\" y=\"{}\">{}</text>\n", label_width + 140, legend_y + 10,
                  html_escape(with_zone(words.times, coverage.zone))));
  add("</g>\n</svg>");
  return out;
}

std::string coverage_text(const WeeklyCoverage& coverage) {
  std::string out = "     ";
  for (int h = 0; h <= 24; h += 3) out += fmt::format("{:02}{}", h, h < 24 ? "    " : "");
  out += '\n';
  for (int d = 0; d < 7; ++d) {
    out += fmt::format("{}  ", coverage.words.days[d]);
    for (int cell = 0; cell < 48; ++cell) {
      // A half hour is shown open when at least half of it is open.
      int open = 0;
      for (const auto& [from, to] : coverage.open[d])
        open += std::max(0, std::min(to, cell * 30 + 30) - std::max(from, cell * 30));
      out += open >= 15 ? "\u2588" : "\u00b7";
    }
    out += '\n';
  }
  out += fmt::format("\u2588 {}   \u00b7 {}   {}\n", coverage.words.open_key,
                     coverage.words.closed_key, with_zone(coverage.words.times_key, coverage.zone));
  return out;
}

}  // namespace sla::cli
