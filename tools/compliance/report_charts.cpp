#include "tools/compliance/report_charts.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

#include "tools/compliance/report_rollup.hpp"
#include "tools/compliance/report_text.hpp"
#include "tools/document/escape.hpp"

namespace sla::cli {

namespace {

// How each kind of target looks, so that it is told apart without colour: a bar's
// pattern, a line's dash and a point's marker.
struct KindStyle {
  std::string_view colour, dash, marker;  // marker: circle, square, triangle, diamond
};

KindStyle style_of(TargetKind kind) {
  switch (kind) {
    case TargetKind::response:
      return {"#1f4e79", "", "circle"};
    case TargetKind::resolution:
      return {"#b5530f", "7 4", "square"};
    case TargetKind::update:
      return {"#2d6a4f", "2 3", "triangle"};
    case TargetKind::restoration:
      return {"#6b3fa0", "9 3 2 3", "diamond"};
  }
  return {"#1f4e79", "", "circle"};
}

std::string kind_key(TargetKind kind) {
  return std::string(name(kind));
}

// Coordinates with one decimal: stable text, whatever the floating point did.
std::string num(double v) {
  return fmt::format("{:.1f}", v);
}

// At most `limit` characters (code points), with "…" when cut: a label must fit
// beside its bar; the whole text is in the row's <title> and in the table.
std::string shorten(std::string_view text, std::size_t limit) {
  std::size_t points = 0, i = 0;
  for (; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (points == limit) break;
    ++points;
  }
  if (i >= text.size()) return std::string(text);
  // Back to the last whole code point before `limit - 1`, to leave room for "…".
  std::size_t cut = i;
  do {
    --cut;
  } while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80);
  return std::string(text.substr(0, cut)) + "\u2026";
}

// The patterns every bar of a kind is filled with: solid, hatched, dotted, crossed.
std::string patterns(std::string_view id) {
  std::string out = "<defs>\n";
  for (TargetKind kind : {TargetKind::response, TargetKind::resolution, TargetKind::update,
                          TargetKind::restoration}) {
    const KindStyle s = style_of(kind);
    const std::string pid = fmt::format("{}-{}", id, kind_key(kind));
    std::string marks;
    switch (kind) {
      case TargetKind::response:
        marks = fmt::format("<rect width=\"8\" height=\"8\" fill=\"{}\"/>", s.colour);
        break;
      case TargetKind::resolution:
        marks = fmt::format(
            "<rect width=\"8\" height=\"8\" fill=\"#f6e3d3\"/>"
            "<path d=\"M-2 2 L2 -2 M0 8 L8 0 M6 10 L10 6\" stroke=\"{}\" stroke-width=\"2\"/>",
            s.colour);
        break;
      case TargetKind::update:
        marks = fmt::format(
            "<rect width=\"8\" height=\"8\" fill=\"#dcefe5\"/>"
            "<circle cx=\"4\" cy=\"4\" r=\"1.8\" fill=\"{}\"/>",
            s.colour);
        break;
      case TargetKind::restoration:
        marks = fmt::format(
            "<rect width=\"8\" height=\"8\" fill=\"#ece3f6\"/>"
            "<path d=\"M0 0 L8 8 M8 0 L0 8\" stroke=\"{}\" stroke-width=\"1.2\"/>",
            s.colour);
        break;
    }
    out += fmt::format(
        "<pattern id=\"{}\" width=\"8\" height=\"8\" "
        "patternUnits=\"userSpaceOnUse\">{}</pattern>\n",
        pid, marks);
  }
  return out + "</defs>\n";
}

std::string marker(std::string_view shape, double x, double y, std::string_view colour) {
  if (shape == "square")
    return fmt::format("<rect x=\"{}\" y=\"{}\" width=\"7\" height=\"7\" fill=\"{}\"/>",
                       num(x - 3.5), num(y - 3.5), colour);
  if (shape == "triangle")
    return fmt::format("<path d=\"M{} {} L{} {} L{} {} Z\" fill=\"{}\"/>", num(x), num(y - 4.5),
                       num(x + 4.5), num(y + 3.5), num(x - 4.5), num(y + 3.5), colour);
  if (shape == "diamond")
    return fmt::format("<path d=\"M{} {} L{} {} L{} {} L{} {} Z\" fill=\"{}\"/>", num(x),
                       num(y - 5), num(x + 5), num(y), num(x), num(y + 5), num(x - 5), num(y),
                       colour);
  return fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"3.8\" fill=\"{}\"/>", num(x), num(y), colour);
}

std::string svg_open(std::string_view cls, std::string_view id, int width, int height,
                     std::string_view title, std::string_view description) {
  return fmt::format(
      "<svg class=\"{0}\" viewBox=\"0 0 {1} {2}\" width=\"{1}\" height=\"{2}\" role=\"img\" "
      "aria-labelledby=\"{3}-title {3}-desc\">\n"
      "<title id=\"{3}-title\">{4}</title>\n<desc id=\"{3}-desc\">{5}</desc>\n",
      cls, width, height, id, html_escape(title), html_escape(description));
}

// The geometry of the compliance chart, in user units.
namespace bars {
constexpr int width = 760;
constexpr int label_width = 300;
constexpr int bar_width = 330;
constexpr int top = 30;
constexpr int row = 24;
constexpr int gap = 8;
constexpr int legend = 34;
constexpr double x_of(double percent) {
  return label_width + percent / 100.0 * bar_width;
}
}  // namespace bars

// The geometry of the trend chart.
namespace trend {
constexpr int width = 760;
constexpr int left = 56;
constexpr int right = 16;
constexpr int plot = width - left - right;
constexpr int legend = 26;             // the key, above the plots
constexpr int line_top = legend + 12;  // compliance, 0-100 %
constexpr int line_height = 150;
constexpr int bar_top = line_top + line_height + 26;  // tickets created
constexpr int bar_height = 70;
constexpr int height = bar_top + bar_height + 34;
}  // namespace trend

// The geometry of the time chart: the compliance chart's label column and width.
namespace times {
constexpr int width = 760;
constexpr int label_width = 300;
constexpr int axis_width = 270;
constexpr int top = 30;
constexpr int row = 20;
constexpr int gap = 6;
constexpr int legend = 30;
}  // namespace times

}  // namespace

std::string compliance_chart(const ComplianceReport& report, std::string_view id) {
  using namespace bars;
  const auto& groups = report.groups;
  const int height = top + static_cast<int>(groups.size()) * (row + gap) + legend;
  std::string said;
  for (const auto& g : groups)
    said += fmt::format("{}{}, {}: {}", said.empty() ? "" : "; ", priority_text(g.priority),
                        target_text(g), compliance_text(g.counts));
  std::string out = svg_open(
      "compliance", id, width, height, "Compliance per priority and target",
      said.empty() ? "No target in the period." : fmt::format("Met of met or breached: {}.", said));
  out += patterns(id);
  out += "<g font-family=\"Helvetica, Arial, sans-serif\" font-size=\"11\" fill=\"#1f2933\">\n";
  const int bottom = top + static_cast<int>(groups.size()) * (row + gap) - gap;
  for (int p = 0; p <= 100; p += 25) {
    out += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{} %</text>\n", num(x_of(p)),
                       top - 10, p);
    if (p < 100)
      out += fmt::format(
          "<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"#c3cad3\" "
          "stroke-width=\"0.6\"/>\n",
          num(x_of(p)), top - 4, bottom + 2);
  }
  for (std::size_t i = 0; i < groups.size(); ++i) {
    const auto& g = groups[i];
    const int y = top + static_cast<int>(i) * (row + gap);
    const std::string label =
        fmt::format("{} \u00b7 {}", priority_text(g.priority), target_text(g));
    const std::size_t decided = g.counts.met + g.counts.breached;
    out += fmt::format("<g class=\"bar\"><title>{}: {}, {} met of {}</title>\n", html_escape(label),
                       compliance_text(g.counts), g.counts.met, decided);
    out += fmt::format("<text x=\"0\" y=\"{}\">{}</text>\n", y + row / 2 + 4,
                       html_escape(shorten(label, 48)));
    out += fmt::format(
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#f5f7fa\" stroke=\"#c3cad3\" "
        "stroke-width=\"0.5\"/>\n",
        label_width, y, bar_width, row);
    if (const auto p = g.counts.compliance_percent()) {
      const double w = std::clamp(*p, 0.0, 100.0) / 100.0 * bar_width;
      out += fmt::format(
          "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"url(#{}-{})\" "
          "stroke=\"{}\" stroke-width=\"1\"/>\n",
          label_width, y + 3, num(w), row - 6, id, kind_key(g.kind), style_of(g.kind).colour);
      out += fmt::format("<text x=\"{}\" y=\"{}\" font-weight=\"bold\">{}</text>",
                         num(x_of(100) + 8), y + row / 2 + 4, compliance_text(g.counts));
      out += fmt::format("<text x=\"{}\" y=\"{}\" fill=\"#52606d\">{} of {}</text>\n",
                         num(x_of(100) + 62), y + row / 2 + 4, g.counts.met, decided);
    } else {
      out += fmt::format(
          "<text x=\"{}\" y=\"{}\" fill=\"#52606d\">none met or breached yet ({} pending)</text>\n",
          label_width + 8, y + row / 2 + 4, g.counts.pending);
    }
    out += "</g>\n";
  }
  // The 100 % line over the bars: where every decided target was met.
  out += fmt::format(
      "<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"#1f2933\" stroke-width=\"1.5\" "
      "stroke-dasharray=\"4 3\"/>\n",
      num(x_of(100)), top - 4, bottom + 2);
  // The key: only the kinds the chart draws.
  int x = label_width;
  const int ly = bottom + 14;
  for (const auto& k : counts_by_kind(report)) {
    out += fmt::format(
        "<rect x=\"{}\" y=\"{}\" width=\"14\" height=\"12\" fill=\"url(#{}-{})\" stroke=\"{}\"/>"
        "<text x=\"{}\" y=\"{}\">{}</text>\n",
        x, ly, id, kind_key(k.kind), style_of(k.kind).colour, x + 19, ly + 10, kind_title(k.kind));
    x += 110;
  }
  out += fmt::format(
      "<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"#1f2933\" "
      "stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/>"
      "<text x=\"{3}\" y=\"{4}\">100 %: every target met</text>\n",
      x + 6, ly - 1, ly + 13, x + 14, ly + 10);
  return out + "</g>\n</svg>";
}

std::string trend_chart(const ComplianceReport& report, std::string_view id) {
  using namespace trend;
  const std::vector<TrendRow> rows = trend_rows(report);
  if (rows.empty()) return {};
  const TrendUnit unit = report.period.trend;
  const double band = static_cast<double>(plot) / static_cast<double>(rows.size());
  auto x_of = [&](std::size_t i) { return left + (static_cast<double>(i) + 0.5) * band; };
  // The compliance axis starts below the lowest point, at a multiple of 10: a desk
  // between 90 and 100 % would otherwise draw flat lines against the top. The
  // labels say where it starts; the bars below keep their zero.
  double lowest = 100;
  for (const auto& r : rows)
    for (const auto& k : r.kinds)
      if (const auto p = k.counts.compliance_percent()) lowest = std::min(lowest, *p);
  const int floor_at = std::clamp(static_cast<int>(std::floor((lowest - 5) / 10)) * 10, 0, 90);
  const int span = 100 - floor_at;
  const int step = span <= 10 ? 2 : span <= 20 ? 5 : span <= 50 ? 10 : 20;
  auto y_of = [&](double percent) {
    return line_top +
           (100.0 - std::max(percent, static_cast<double>(floor_at))) / span * line_height;
  };
  std::size_t most = 0;
  for (const auto& r : rows) most = std::max(most, r.tickets);

  std::string said;
  for (const auto& r : rows) {
    said += fmt::format("{}{}: {} tickets", said.empty() ? "" : "; ", bucket_text(r.bucket, unit),
                        r.tickets);
    for (const auto& k : r.kinds)
      said += fmt::format(", {} {}", name(k.kind), compliance_text(k.counts));
  }
  std::string out =
      svg_open("trend", id, width, height,
               fmt::format("Compliance and tickets per {}", unit_text(unit)), said + ".");
  out += "<g font-family=\"Helvetica, Arial, sans-serif\" font-size=\"11\" fill=\"#1f2933\">\n";

  // The key, first: which line is which kind, and what the bars are.
  const std::vector<KindCounts> kinds = counts_by_kind(report);
  double kx = left;
  for (const auto& k : kinds) {
    const KindStyle s = style_of(k.kind);
    out += fmt::format(
        "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"2\"{}/>",
        num(kx), 10, num(kx + 28), 10, s.colour,
        s.dash.empty() ? "" : fmt::format(" stroke-dasharray=\"{}\"", s.dash));
    out += marker(s.marker, kx + 14, 10, s.colour);
    out += fmt::format("<text x=\"{}\" y=\"{}\">{} compliance</text>\n", num(kx + 34), 14,
                       kind_title(k.kind));
    kx += 170;
  }
  out += fmt::format(
      "<rect x=\"{}\" y=\"4\" width=\"14\" height=\"12\" fill=\"#9aa5b1\"/>"
      "<text x=\"{}\" y=\"14\">Tickets created</text>\n",
      num(kx), num(kx + 19));

  // Compliance: a grid, the 100 % line, a line per kind broken where a bucket has none.
  for (int p = floor_at; p <= 100; p = p + step > 100 && p < 100 ? 100 : p + step) {
    out += fmt::format(
        "<line x1=\"{0}\" y1=\"{2}\" x2=\"{1}\" y2=\"{2}\" stroke=\"{3}\" stroke-width=\"{4}\"/>"
        "<text x=\"{5}\" y=\"{6}\" text-anchor=\"end\">{7} %</text>\n",
        left, left + plot, num(y_of(p)), p == 100 ? "#1f2933" : "#c3cad3", p == 100 ? "1" : "0.6",
        left - 6, num(y_of(p) + 4), p);
  }
  for (std::size_t ki = 0; ki < kinds.size(); ++ki) {
    const KindStyle s = style_of(kinds[ki].kind);
    std::string path, points;
    bool pen_down = false;
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const auto& counts = rows[i].kinds[ki].counts;
      const auto p = counts.compliance_percent();
      if (!p) {
        pen_down = false;
        continue;
      }
      const double x = x_of(i), y = y_of(std::min(*p, 100.0));
      path += fmt::format("{}{} {} ", pen_down ? "L" : "M", num(x), num(y));
      pen_down = true;
      points += fmt::format("<g>{}<title>{}: {} compliance {} ({} met of {})</title></g>\n",
                            marker(s.marker, x, y, s.colour), bucket_text(rows[i].bucket, unit),
                            name(kinds[ki].kind), compliance_text(counts), counts.met,
                            counts.met + counts.breached);
    }
    if (!path.empty())
      out += fmt::format("<path d=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2\"{}/>\n",
                         path.substr(0, path.size() - 1), s.colour,
                         s.dash.empty() ? "" : fmt::format(" stroke-dasharray=\"{}\"", s.dash));
    out += points;
  }

  // Tickets created: bars from the bottom, the count over each when they fit.
  out += fmt::format(
      "<line x1=\"{0}\" y1=\"{2}\" x2=\"{1}\" y2=\"{2}\" stroke=\"#1f2933\" stroke-width=\"1\"/>\n",
      left, left + plot, bar_top + bar_height);
  out += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\n", left - 6,
                     bar_top + 4, most);
  out += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\">0</text>\n", left - 6,
                     bar_top + bar_height + 4);
  const double bar_w = std::min(band * 0.6, 48.0);
  const bool counts_fit = band >= 22;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const double h = most ? static_cast<double>(rows[i].tickets) / most * bar_height : 0;
    out += fmt::format(
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#9aa5b1\"><title>{}: {} "
        "tickets</title></rect>\n",
        num(x_of(i) - bar_w / 2), num(bar_top + bar_height - h), num(bar_w), num(h),
        bucket_text(rows[i].bucket, unit), rows[i].tickets);
    if (counts_fit)
      out += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n", num(x_of(i)),
                         num(bar_top + bar_height - h - 3), rows[i].tickets);
  }
  // The buckets' names under the bars: as many as fit, evenly.
  const std::size_t every =
      std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil(60.0 / band)));
  for (std::size_t i = 0; i < rows.size(); i += every)
    out += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n", num(x_of(i)),
                       bar_top + bar_height + 16, bucket_label(rows[i].bucket, unit));
  out +=
      fmt::format("<text x=\"{}\" y=\"{}\" fill=\"#52606d\">{} starting</text>\n", left,
                  bar_top + bar_height + 30, unit == TrendUnit::month ? "Month" : "Week (Monday)");
  return out + "</g>\n</svg>";
}

std::string time_chart(const ComplianceReport& report, std::string_view id) {
  using namespace times;
  std::vector<const ComplianceGroup*> rows;
  std::int64_t longest = 0;
  for (const auto& g : report.groups)
    if (const auto p90 = g.business_time.quantile(0.9)) {
      rows.push_back(&g);
      longest = std::max<std::int64_t>(longest, p90->count());
    }
  if (rows.empty()) return {};
  // Minutes to weeks on one axis: a logarithmic scale from 1 minute, in steps of ten.
  struct Tick {
    std::int64_t seconds;
    std::string_view label;
  };
  static constexpr Tick ticks[] = {{60, "1 min"},        {600, "10 min"},   {3600, "1 h"},
                                   {36000, "10 h"},      {360000, "100 h"}, {3600000, "1000 h"},
                                   {36000000, "10000 h"}};
  std::size_t last = 2;  // at least up to 1 h
  while (last + 1 < std::size(ticks) && ticks[last].seconds < longest) ++last;
  const double span = std::log10(static_cast<double>(ticks[last].seconds) / 60.0);
  auto x_of = [&](std::int64_t seconds) {
    const double v = std::log10(std::max<double>(static_cast<double>(seconds), 60.0) / 60.0);
    return label_width + std::min(v / span, 1.0) * axis_width;
  };
  const int height = top + static_cast<int>(rows.size()) * (row + gap) + legend;
  std::string said;
  for (const auto* g : rows)
    said += fmt::format("{}{}, {}: median {}, 90th percentile {}", said.empty() ? "" : "; ",
                        priority_text(g->priority), target_text(*g),
                        duration_text(g->business_time.quantile(0.5), true),
                        duration_text(g->business_time.quantile(0.9), true));
  std::string out =
      svg_open("times", id, width, height, "Time taken per priority and target, in open hours",
               fmt::format("Median and 90th percentile: {}.", said));
  out += "<g font-family=\"Helvetica, Arial, sans-serif\" font-size=\"11\" fill=\"#1f2933\">\n";
  const int bottom = top + static_cast<int>(rows.size()) * (row + gap) - gap;
  for (std::size_t t = 0; t <= last; ++t)
    out += fmt::format(
        "<text x=\"{0}\" y=\"{1}\" text-anchor=\"middle\">{2}</text><line x1=\"{0}\" y1=\"{3}\" "
        "x2=\"{0}\" y2=\"{4}\" stroke=\"#c3cad3\" stroke-width=\"0.6\"/>\n",
        num(x_of(ticks[t].seconds)), top - 10, ticks[t].label, top - 4, bottom + 2);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& g = *rows[i];
    const KindStyle s = style_of(g.kind);
    const int y = top + static_cast<int>(i) * (row + gap), mid = y + row / 2;
    const auto median = *g.business_time.quantile(0.5), p90 = *g.business_time.quantile(0.9);
    const std::string label =
        fmt::format("{} \u00b7 {}", priority_text(g.priority), target_text(g));
    const std::string values =
        fmt::format("{} \u2013 {}", duration_text(median, true), duration_text(p90, true));
    out += fmt::format("<g class=\"range\"><title>{}: median {}, 90th percentile {}</title>\n",
                       html_escape(label), duration_text(median, true), duration_text(p90, true));
    out +=
        fmt::format("<text x=\"0\" y=\"{}\">{}</text>\n", mid + 4, html_escape(shorten(label, 48)));
    out += fmt::format(
        "<line x1=\"{0}\" y1=\"{2}\" x2=\"{1}\" y2=\"{2}\" stroke=\"{3}\" stroke-width=\"4\" "
        "stroke-opacity=\"0.45\"/>",
        num(x_of(median.count())), num(x_of(p90.count())), mid, s.colour);
    out += fmt::format(
        "<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"{3}\" stroke-width=\"2\"/>",
        num(x_of(p90.count())), mid - 6, mid + 6, s.colour);
    out += marker(s.marker, x_of(median.count()), mid, s.colour);
    out += fmt::format("<text x=\"{}\" y=\"{}\" fill=\"#52606d\">{}</text>\n</g>\n",
                       label_width + axis_width + 8, mid + 4, values);
  }
  // The key: a marker is the median, the bar's end the 90th percentile.
  const int ly = bottom + 16;
  out += marker("circle", label_width + 6, ly, "#1f2933");
  out += fmt::format("<text x=\"{}\" y=\"{}\">median</text>", label_width + 14, ly + 4);
  out += fmt::format(
      "<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"#1f2933\" stroke-width=\"2\"/>"
      "<text x=\"{3}\" y=\"{4}\">90th percentile (open hours, logarithmic scale)</text>\n",
      label_width + 80, ly - 6, ly + 6, label_width + 88, ly + 4);
  return out + "</g>\n</svg>";
}

}  // namespace sla::cli
