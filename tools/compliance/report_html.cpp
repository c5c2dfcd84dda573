// report_html(): the report as one self-contained page that a support lead sends to
// a client: inline CSS and SVG, no script, nothing fetched; every number in a table
// (the charts repeat them for the eye), and a print style for A4 that keeps charts
// and table rows whole.
#include <fmt/format.h>
#include <string_view>
#include <vector>

#include "tools/compliance/report_charts.hpp"
#include "tools/compliance/report_rollup.hpp"
#include "tools/compliance/report_text.hpp"
#include "tools/compliance/report_writers.hpp"
#include "tools/document/escape.hpp"
#include "tools/document/plain_words.hpp"

namespace sla::cli {

namespace {

// System fonts only: the file must open the same with no network.
constexpr std::string_view style_sheet = R"(:root { color-scheme: light; }
body { font-family: "Helvetica Neue", Arial, "Liberation Sans", sans-serif; color: #1f2933;
  background: #ffffff; line-height: 1.45; max-width: 62rem; margin: 0 auto;
  padding: 2rem 1.5rem 4rem; }
h1 { font-size: 1.9rem; margin: 0 0 0.25rem; }
.subtitle { margin: 0 0 1rem; color: #52606d; font-size: 1.1rem; }
h2 { font-size: 1.35rem; margin: 2.25rem 0 0.75rem; padding-bottom: 0.25rem;
  border-bottom: 2px solid #1f4e79; }
h3 { font-size: 1.1rem; margin: 1.5rem 0 0.5rem; }
p { max-width: 50rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.15rem 1.25rem;
  margin: 0 0 1rem; }
dl.facts dt { font-weight: bold; }
dl.facts dd { margin: 0; }
.headline { font-size: 1.1rem; }
.figures { display: flex; flex-wrap: wrap; gap: 0.75rem; margin: 0.75rem 0 1rem;
  padding: 0; list-style: none; }
.figures li { border: 1px solid #c3cad3; border-left: 4px solid #1f4e79; padding: 0.4rem 0.8rem;
  min-width: 9rem; }
.figures strong { display: block; font-size: 1.35rem; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1.25rem; font-size: 0.9rem; }
caption { text-align: left; font-weight: bold; padding: 0 0 0.35rem; }
th, td { border: 1px solid #c3cad3; padding: 0.3rem 0.5rem; text-align: left;
  vertical-align: top; }
thead th { background: #e4ecf3; }
tbody th { background: #f5f7fa; font-weight: normal; }
th.num, td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
td.id { overflow-wrap: anywhere; }
tr.total th, tr.total td { font-weight: bold; border-top: 2px solid #1f2933; }
.note { color: #52606d; font-size: 0.9rem; }
.bad { font-weight: bold; }
figure.chart { margin: 0.75rem 0 1.25rem; }
figure.chart svg { max-width: 100%; height: auto; }
figcaption { font-size: 0.9rem; color: #52606d; }
footer { margin-top: 3rem; border-top: 1px solid #c3cad3; color: #52606d; font-size: 0.85rem; }
@media print {
  body { max-width: none; padding: 0; font-size: 9.5pt; }
  h2, h3, caption { break-after: avoid; }
  tr, table.keep, figure.chart, figure.chart svg, .figures, dl.facts { break-inside: avoid; }
  figcaption { break-before: avoid; }
  thead { display: table-header-group; }
  table { font-size: 8.5pt; }
  thead th, tbody th { background: #ffffff; }
  .figures li { border-left-width: 3px; }
}
)";

// Text inside a CSS string, and inside the HTML <style> it sits in.
std::string css_string(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '<') {
      out += "\\3c ";
      continue;
    }
    if (c == '\n' || c == '\r') {
      out += ' ';
      continue;
    }
    out += c;
  }
  return out;
}

std::string e(std::string_view text) {
  return html_escape(text);
}

// A table: escaped cells (the callers escape), numeric columns aligned right, the
// first column a row heading.
struct Table {
  std::string caption;
  std::vector<std::string_view> columns;
  std::vector<bool> numeric;  // per column; missing: text
  std::vector<std::vector<std::string>> rows;
  std::string css_class;
  std::vector<std::string> total;  // a last row set apart, when not empty

  bool is_numeric(std::size_t c) const { return c < numeric.size() && numeric[c]; }

  std::string row_html(const std::vector<std::string>& cells, std::string_view cls) const {
    std::string out = cls.empty() ? "<tr>" : fmt::format("<tr class=\"{}\">", cls);
    for (std::size_t c = 0; c < cells.size(); ++c) {
      const std::string_view attr = is_numeric(c) ? " class=\"num\"" : "";
      if (c == 0)
        out += fmt::format("<th scope=\"row\"{}>{}</th>", attr, cells[c]);
      else
        out += fmt::format("<td{}>{}</td>", attr, cells[c]);
    }
    return out + "</tr>\n";
  }

  std::string html() const {
    // A table that fits on a page is printed whole: `break-after: avoid` on its caption
    // does not keep Chromium from leaving the caption and header alone at a page's foot.
    std::string cls = css_class;
    if (rows.size() <= 25) cls += cls.empty() ? "keep" : " keep";
    std::string out = cls.empty() ? "<table>\n" : fmt::format("<table class=\"{}\">\n", cls);
    out += fmt::format("<caption>{}</caption>\n<thead>\n<tr>", e(caption));
    for (std::size_t c = 0; c < columns.size(); ++c)
      out += fmt::format("<th scope=\"col\"{}>{}</th>", is_numeric(c) ? " class=\"num\"" : "",
                         e(columns[c]));
    out += "</tr>\n</thead>\n<tbody>\n";
    for (const auto& r : rows) out += row_html(r, "");
    if (!total.empty()) out += row_html(total, "total");
    return out + "</tbody>\n</table>\n";
  }
};

std::string count(std::size_t n) {
  return fmt::format("{}", n);
}

// The cells of a count's columns: tickets, met, breached, pending, at risk, compliance.
void count_cells(std::vector<std::string>& cells, const TargetCounts& c) {
  for (std::size_t n : {c.tickets, c.met, c.breached, c.pending, c.at_risk})
    cells.push_back(count(n));
  cells.push_back(e(compliance_text(c)));
}

const std::vector<std::string_view> kCountColumns = {"Tickets", "Met",     "Breached",
                                                     "Pending", "At risk", "Compliance"};

// "The first 20 of 31 are listed." when a list was cut.
std::string listed_note(std::size_t listed, std::size_t total) {
  if (listed >= total) return {};
  return fmt::format("<p class=\"note\">The first {} of {} are listed.</p>\n", listed, total);
}

class Page {
 public:
  explicit Page(const ComplianceReport& r) : r_(r) {}

  std::string write() {
    head();
    out_ += "<body>\n";
    header();
    out_ += "<main>\n";
    summary();
    priorities();
    trend();
    worst();
    queue();
    if (r_.has_credit_rules) credits();
    if (r_.desk_compared > 0) desk();
    out_ += "</main>\n";
    footer();
    out_ += "</body>\n</html>\n";
    return std::move(out_);
  }

 private:
  const ComplianceReport& r_;
  std::string out_;

  std::string title() const {
    return fmt::format("SLA compliance: {}, {}", package_text(r_), period_text(r_.period));
  }

  void head() {
    out_ += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
    out_ += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out_ += "<meta name=\"generator\" content=\"sla report\">\n";
    out_ += fmt::format("<title>{}</title>\n<style>\n{}", e(title()), style_sheet);
    // Printed pages carry the report's subject and their number.
    constexpr std::string_view margin_font =
        "font: 8pt \"Helvetica Neue\", Arial, \"Liberation Sans\", sans-serif; color: #52606d;";
    out_ += fmt::format(
        "@page {{ size: A4; margin: 16mm 14mm 16mm;\n"
        "  @top-center {{ content: \"{0}\"; {1} }}\n"
        "  @bottom-center {{ content: \"Page \" counter(page) \" of \" counter(pages); {1} }} }}\n",
        css_string(title()), margin_font);
    out_ += "</style>\n</head>\n";
  }

  void header() {
    out_ += "<header>\n<h1>SLA compliance report</h1>\n";
    out_ += fmt::format("<p class=\"subtitle\">{} \u2014 tickets created {}</p>\n",
                        e(package_text(r_)), e(period_text(r_.period)));
    out_ += "<dl class=\"facts\">\n";
    auto fact = [&](std::string_view term, const std::string& value) {
      out_ += fmt::format("<dt>{}</dt><dd>{}</dd>\n", term, value);
    };
    fact("Contract", e(r_.contract));
    fact("Package", e(package_text(r_)));
    std::string addons;
    for (const auto& a : r_.addons) addons += (addons.empty() ? "" : ", ") + e(a);
    fact("Add-ons", addons.empty() ? "none" : addons);
    fact("Period", fmt::format("{} (tickets created in it; {} trend)", e(period_text(r_.period)),
                               r_.period.trend == TrendUnit::month ? "monthly" : "weekly"));
    fact("As of", e(as_of_text(r_)));
    fact("Time zone", fmt::format("{} (every time in this report)", e(r_.zone)));
    out_ += "</dl>\n</header>\n";
  }

  void section(std::string_view id, std::string_view heading) {
    out_ += fmt::format("<section id=\"{0}\" aria-labelledby=\"{0}-title\">\n", id);
    out_ += fmt::format("<h2 id=\"{}-title\">{}</h2>\n", id, e(heading));
  }

  void summary() {
    section("summary", "Summary");
    const auto kinds = counts_by_kind(r_);
    TargetCounts all;
    for (const auto& k : kinds) add_counts(all, k.counts);
    if (r_.groups.empty()) {
      out_ += "<p class=\"headline\">No ticket created in the period has a target.</p>\n";
    } else {
      out_ += "<ul class=\"figures\">\n";
      for (const auto& k : kinds)
        out_ += fmt::format("<li>{} compliance<strong>{}</strong>{} met, {} breached</li>\n",
                            kind_title(k.kind), e(compliance_text(k.counts)), k.counts.met,
                            k.counts.breached);
      out_ += fmt::format("<li>At risk now<strong>{}</strong>of {} still open</li>\n", r_.at_risk,
                          all.pending + all.at_risk);
      out_ += "</ul>\n";
    }
    Table t{"Compliance per kind of target", {"Target"}, {false}, {}, "", {}};
    for (auto c : kCountColumns) t.columns.push_back(c);
    t.numeric.resize(t.columns.size(), true);
    t.numeric[0] = false;
    for (const auto& k : kinds) {
      std::vector<std::string> cells{e(kind_title(k.kind))};
      count_cells(cells, k.counts);
      t.rows.push_back(std::move(cells));
    }
    if (!kinds.empty()) out_ += t.html();

    Table rows{"Rows read", {"Rows", "Count"}, {false, true}, {}, "", {}};
    rows.rows.push_back({"Reported (created in the period)", count(reported_rows(r_))});
    rows.rows.push_back(
        {"Created outside the period or after the as-of (not counted)", count(r_.outside_period)});
    rows.rows.push_back({"With errors (counted apart)", count(r_.errors)});
    rows.total = {"Every row of the input", count(r_.rows)};
    out_ += rows.html();
    out_ +=
        "<p class=\"note\">An open target is pending, or at risk once it is past a "
        "warning (<code>warn at</code>). Compliance is met \u00f7 (met + breached): open "
        "targets count in neither, and rows with errors are not in any figure.</p>\n";
    if (r_.errors > 0) {
      out_ += "<h3 id=\"errors\">Rows with errors</h3>\n";
      Table t{"Rows that could not be evaluated",
              {"Row", "Line", "Ticket", "Error"},
              {true, true, false, false},
              {},
              "",
              {}};
      for (const auto& row : r_.error_rows)
        t.rows.push_back({count(row.row), count(row.line),
                          row.id.empty() ? std::string(kNone) : e(row.id), e(row.error)});
      out_ += t.html();
      out_ += listed_note(r_.error_rows.size(), r_.errors);
    }
    out_ += "</section>\n";
  }

  void priorities() {
    section("priorities", "Compliance per priority and target");
    if (r_.groups.empty()) {
      out_ += "<p>No target to report.</p>\n</section>\n";
      return;
    }
    out_ += "<figure class=\"chart\">\n" + compliance_chart(r_, "chart-compliance") +
            "\n<figcaption>Compliance per priority and target: the share of the tickets met "
            "among those met or breached, against the 100 % line.</figcaption>\n</figure>\n";
    Table counts{
        "Tickets per priority and target", {"Priority", "Target", "Applies to"}, {}, {}, "", {}};
    for (auto c : kCountColumns) counts.columns.push_back(c);
    counts.numeric.assign(counts.columns.size(), true);
    counts.numeric[0] = counts.numeric[1] = counts.numeric[2] = false;
    for (const auto& g : r_.groups) {
      std::vector<std::string> cells{e(priority_text(g.priority)), e(target_text(g)),
                                     g.condition.empty() ? "every ticket" : e(g.condition)};
      count_cells(cells, g.counts);
      counts.rows.push_back(std::move(cells));
    }
    out_ += counts.html();

    Table times{"Time taken per priority and target",
                {"Priority", "Target", "Median (open hours)", "90th percentile (open hours)",
                 "Median (calendar time)", "90th percentile (calendar time)", "Average over target",
                 "Breaches"},
                {false, false, true, true, true, true, true, true},
                {},
                "",
                {}};
    for (const auto& g : r_.groups) {
      times.rows.push_back({e(priority_text(g.priority)), e(target_text(g)),
                            e(duration_text(g.business_time.quantile(0.5), true)),
                            e(duration_text(g.business_time.quantile(0.9), true)),
                            e(duration_text(g.calendar_time.quantile(0.5), false)),
                            e(duration_text(g.calendar_time.quantile(0.9), false)),
                            e(duration_text(g.over_target.mean(), false)),
                            count(g.counts.breached)});
    }
    if (const std::string chart = time_chart(r_, "chart-times"); !chart.empty())
      out_ += "<figure class=\"chart\">\n" + chart +
              "\n<figcaption>Time taken per priority and target, in open hours: from the median "
              "(the marker) to the 90th percentile (the bar\u2019s end).</figcaption>\n</figure>\n";
    out_ += times.html();
    out_ += fmt::format(
        "<p class=\"note\">From creation to the response (the resolution, the restoration) of "
        "the tickets that got one by the as-of, the time the clock was paused taken out: in the "
        "open hours of the target\u2019s calendar, and in calendar time. The average over "
        "target is how late the breaches were, in calendar time; those still open, as of "
        "{}.</p>\n",
        e(as_of_text(r_)));
    out_ += "</section>\n";
  }

  void trend() {
    const std::string_view unit = unit_text(r_.period.trend);
    section("trend", fmt::format("Trend per {}", unit));
    const auto rows = trend_rows(r_);
    if (rows.empty() || r_.groups.empty()) {
      out_ += "<p>No ticket in the period.</p>\n</section>\n";
      return;
    }
    out_ += "<figure class=\"chart\">\n" + trend_chart(r_, "chart-trend") +
            fmt::format(
                "\n<figcaption>Compliance of the tickets created in each {} (lines), "
                "and how many were created (bars).</figcaption>\n</figure>\n",
                unit);
    Table t{fmt::format("Tickets and compliance per {}", unit),
            {r_.period.trend == TrendUnit::month ? "Month" : "Week of", "Tickets"},
            {false, true},
            {},
            "",
            {}};
    std::vector<std::string> names;
    for (const auto& k : rows.front().kinds) {
      names.push_back(kind_title(k.kind) + " met");
      names.push_back(kind_title(k.kind) + " breached");
      names.push_back(kind_title(k.kind) + " compliance");
    }
    for (const auto& n : names) {
      t.columns.push_back(n);
      t.numeric.push_back(true);
    }
    for (const auto& row : rows) {
      std::vector<std::string> cells{e(bucket_cell(row.bucket, r_.period.trend)),
                                     count(row.tickets)};
      for (const auto& k : row.kinds) {
        cells.push_back(count(k.counts.met));
        cells.push_back(count(k.counts.breached));
        cells.push_back(e(compliance_text(k.counts)));
      }
      t.rows.push_back(std::move(cells));
    }
    out_ += t.html();
    out_ += "</section>\n";
  }

  void worst() {
    section("worst", "Worst offenders");
    if (r_.worst.empty()) {
      out_ += "<p>No target was breached.</p>\n</section>\n";
      return;
    }
    out_ +=
        "<p>The breaches that missed their target by the most, the most late first (in calendar "
        "time); a ticket "
        "still open is as late as of the report.</p>\n";
    Table t{"Worst breaches",
            {"Ticket", "Priority", "Target", "Due", "Done", "Late by"},
            {false, false, false, false, false, true},
            {},
            "",
            {}};
    for (const auto& w : r_.worst)
      t.rows.push_back({e(w.id), e(priority_text(w.priority)), e(kind_title(w.kind)),
                        e(time_text(w.due)), w.done.empty() ? "still open" : e(time_text(w.done)),
                        e(duration_text(w.over, false))});
    out_ += t.html();
    out_ += "</section>\n";
  }

  void queue() {
    section("at-risk", "At-risk queue");
    if (r_.queue.empty()) {
      out_ += "<p>No open ticket is past a warning of its target.</p>\n</section>\n";
      return;
    }
    out_ += fmt::format(
        "<p>{} open target{} past a warning (<code>warn at</code>) as of {}, least time left "
        "first.</p>\n",
        r_.at_risk, r_.at_risk == 1 ? " is" : "s are", e(as_of_text(r_)));
    Table t{"Targets at risk",
            {"Ticket", "Priority", "Target", "Due", "Elapsed", "Time left"},
            {false, false, false, false, true, true},
            {},
            "",
            {}};
    for (const auto& q : r_.queue)
      t.rows.push_back({e(q.id), e(priority_text(q.priority)), e(kind_title(q.kind)),
                        e(time_text(q.due)), e(percent_text(q.elapsed_percent)),
                        e(duration_text(q.over, counts_open_time(r_, q.priority, q.kind)))});
    out_ += t.html();
    out_ += listed_note(r_.queue.size(), r_.at_risk);
    out_ += "</section>\n";
  }

  void credits() {
    section("credits", "Service credits");
    if (r_.credits.empty()) {
      out_ += "<p>No breach in the period earns a credit.</p>\n</section>\n";
      return;
    }
    out_ +=
        "<p>Credits of the breaches that fell due in each month, in percent of the "
        "month\u2019s fee, as the contract states them.</p>\n";
    Table t{"Credit statement",
            {"Month", "Breaches with a credit", "Credits earned", "Monthly cap", "Credit due"},
            {false, true, true, true, true},
            {},
            "",
            {}};
    for (const auto& m : r_.credits) {
      const date::local_days first{m.month / date::day(1)};
      const bool capped = m.cap_milli && m.sum_milli > *m.cap_milli;
      t.rows.push_back(
          {e(bucket_text(first, TrendUnit::month)), count(m.breaches),
           e(percent_words(m.sum_milli)), m.cap_milli ? e(percent_words(*m.cap_milli)) : "none",
           fmt::format("{}{}", e(percent_words(m.total_milli)), capped ? " (capped)" : "")});
    }
    out_ += t.html();
    out_ += "</section>\n";
  }

  void desk() {
    section("desk", "The help desk\u2019s own figures");
    out_ += fmt::format("<p>{}</p>\n", e(desk_sentence(r_)));
    if (!r_.disagreements.empty()) {
      Table t{"Where the desk and the contract disagree",
              {"Ticket", "Row", "Target", "Desk", "Contract", "Difference"},
              {false, true, false, true, true, true},
              {},
              "",
              {}};
      for (const auto& d : r_.disagreements)
        t.rows.push_back({e(d.id), count(d.row), e(kind_title(d.kind)),
                          e(duration_text(d.desk, true)), e(duration_text(d.contract, true)),
                          e(duration_text(d.desk - d.contract, true))});
      out_ += t.html();
    }
    out_ += "</section>\n";
  }

  void footer() {
    out_ += fmt::format(
        "<footer>\n<p>Made by <code>sla report</code> from {} as of {}. Compliance is met "
        "\u00f7 (met + breached), rounded down to one decimal; medians and percentiles are "
        "interpolated as spreadsheets do (PERCENTILE.INC).</p>\n</footer>\n",
        e(r_.contract), e(as_of_text(r_)));
  }
};

}  // namespace

std::string report_html(const ComplianceReport& report) {
  return Page(report).write();
}

}  // namespace sla::cli
