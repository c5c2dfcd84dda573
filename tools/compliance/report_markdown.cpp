// report_markdown(): the report's sections as GitHub-flavoured Markdown tables, for
// a wiki page or a ticket: the same numbers as the HTML page, without charts and
// without HTML (every text from the input is escaped, `|` included).
#include <fmt/format.h>
#include <string_view>
#include <vector>

#include "tools/compliance/report_rollup.hpp"
#include "tools/compliance/report_text.hpp"
#include "tools/compliance/report_writers.hpp"
#include "tools/document/escape.hpp"
#include "tools/document/plain_words.hpp"

namespace sla::cli {

namespace {

std::string cell(std::string_view text) {
  return markdown_escape(text, true);
}
std::string count(std::size_t n) {
  return fmt::format("{}", n);
}

// A table; `right` marks the columns aligned right (numbers). Cells are escaped here.
class Table {
 public:
  Table(std::vector<std::string_view> columns, std::vector<bool> right)
      : columns_(std::move(columns)), right_(std::move(right)) {}

  Table& row(std::vector<std::string> cells) {
    rows_.push_back(std::move(cells));
    return *this;
  }

  std::string text() const {
    std::string out = "|";
    for (auto c : columns_) out += fmt::format(" {} |", cell(c));
    out += "\n|";
    for (std::size_t c = 0; c < columns_.size(); ++c)
      out += c < right_.size() && right_[c] ? "---:|" : "---|";
    out += "\n";
    for (const auto& r : rows_) {
      out += "|";
      for (const auto& c : r) out += fmt::format(" {} |", cell(c));
      out += "\n";
    }
    return out + "\n";
  }

 private:
  std::vector<std::string_view> columns_;
  std::vector<bool> right_;
  std::vector<std::vector<std::string>> rows_;
};

void count_cells(std::vector<std::string>& cells, const TargetCounts& c) {
  for (std::size_t n : {c.tickets, c.met, c.breached, c.pending, c.at_risk})
    cells.push_back(count(n));
  cells.push_back(compliance_text(c));
}

std::string listed_note(std::size_t listed, std::size_t total) {
  if (listed >= total) return {};
  return fmt::format("The first {} of {} are listed.\n\n", listed, total);
}

class Page {
 public:
  explicit Page(const ComplianceReport& r) : r_(r) {}

  std::string write() {
    header();
    summary();
    priorities();
    trend();
    worst();
    queue();
    if (r_.has_credit_rules) credits();
    if (r_.desk_compared > 0) desk();
    out_ += fmt::format(
        "---\n\nMade by `sla report`. Compliance is met ÷ (met + breached), rounded down to one "
        "decimal; medians and percentiles are interpolated as spreadsheets do "
        "(PERCENTILE.INC).\n");
    return std::move(out_);
  }

 private:
  const ComplianceReport& r_;
  std::string out_;

  // Prose with input in it, escaped as inline text.
  static std::string words(std::string_view text) { return markdown_escape(text); }

  void header() {
    out_ += "# SLA compliance report\n\n";
    std::string addons;
    for (const auto& a : r_.addons) addons += (addons.empty() ? "" : ", ") + words(a);
    out_ += fmt::format("- **Contract:** {}\n", words(r_.contract));
    out_ += fmt::format("- **Package:** {}\n", words(package_text(r_)));
    out_ += fmt::format("- **Add-ons:** {}\n", addons.empty() ? "none" : addons);
    out_ +=
        fmt::format("- **Period:** {} (tickets created in it; {} trend)\n", period_text(r_.period),
                    r_.period.trend == TrendUnit::month ? "monthly" : "weekly");
    out_ += fmt::format("- **As of:** {}\n", words(as_of_text(r_)));
    out_ += fmt::format("- **Time zone:** {} (every time in this report)\n\n", words(r_.zone));
  }

  void summary() {
    out_ += "## Summary\n\n";
    const auto kinds = counts_by_kind(r_);
    if (kinds.empty()) {
      out_ += "No ticket created in the period has a target.\n\n";
    } else {
      Table t({"Target", "Tickets", "Met", "Breached", "Pending", "At risk", "Compliance"},
              {false, true, true, true, true, true, true});
      for (const auto& k : kinds) {
        std::vector<std::string> cells{kind_title(k.kind)};
        count_cells(cells, k.counts);
        t.row(std::move(cells));
      }
      out_ += t.text();
    }
    Table rows({"Rows", "Count"}, {false, true});
    rows.row({"Reported (created in the period)", count(reported_rows(r_))})
        .row({"Created outside the period or after the as-of (not counted)",
              count(r_.outside_period)})
        .row({"With errors (counted apart)", count(r_.errors)})
        .row({"Every row of the input", count(r_.rows)});
    out_ += rows.text();
    out_ += fmt::format(
        "{} open target{} at risk (past a warning, `warn at`); the others are pending. "
        "Compliance is met ÷ (met + breached): open targets count in neither, and rows with "
        "errors are not in any figure.\n\n",
        r_.at_risk, r_.at_risk == 1 ? " is" : "s are");
    if (r_.errors > 0) {
      out_ += "### Rows with errors\n\n";
      Table t({"Row", "Line", "Ticket", "Error"}, {true, true, false, false});
      for (const auto& row : r_.error_rows)
        t.row({count(row.row), count(row.line), row.id.empty() ? std::string(kNone) : row.id,
               row.error});
      out_ += t.text() + listed_note(r_.error_rows.size(), r_.errors);
    }
  }

  void priorities() {
    out_ += "## Compliance per priority and target\n\n";
    if (r_.groups.empty()) {
      out_ += "No target to report.\n\n";
      return;
    }
    Table counts({"Priority", "Target", "Applies to", "Tickets", "Met", "Breached", "Pending",
                  "At risk", "Compliance"},
                 {false, false, false, true, true, true, true, true, true});
    for (const auto& g : r_.groups) {
      std::vector<std::string> cells{priority_text(g.priority), target_text(g),
                                     g.condition.empty() ? "every ticket" : g.condition};
      count_cells(cells, g.counts);
      counts.row(std::move(cells));
    }
    out_ += counts.text();
    out_ += "### Time taken\n\n";
    Table times({"Priority", "Target", "Median (open hours)", "90th percentile (open hours)",
                 "Median (calendar time)", "90th percentile (calendar time)", "Average over target",
                 "Breaches"},
                {false, false, true, true, true, true, true, true});
    for (const auto& g : r_.groups) {
      times.row({priority_text(g.priority), target_text(g),
                 duration_text(g.business_time.quantile(0.5), true),
                 duration_text(g.business_time.quantile(0.9), true),
                 duration_text(g.calendar_time.quantile(0.5), false),
                 duration_text(g.calendar_time.quantile(0.9), false),
                 duration_text(g.over_target.mean(), false), count(g.counts.breached)});
    }
    out_ += times.text();
    out_ +=
        "From creation to the response (the resolution, the restoration) of the tickets that "
        "got one by the as-of, the time the clock was paused taken out: in the open hours of "
        "the target’s calendar, and in calendar time. The average over target is how late the "
        "breaches were, in calendar time; those still open, as of the report.\n\n";
  }

  void trend() {
    const std::string_view unit = unit_text(r_.period.trend);
    out_ += fmt::format("## Trend per {}\n\n", unit);
    const auto rows = trend_rows(r_);
    if (rows.empty() || r_.groups.empty()) {
      out_ += "No ticket in the period.\n\n";
      return;
    }
    std::vector<std::string> names;
    for (const auto& k : rows.front().kinds) names.push_back(kind_title(k.kind) + " compliance");
    std::vector<std::string_view> columns{r_.period.trend == TrendUnit::month ? "Month" : "Week of",
                                          "Tickets"};
    std::vector<bool> right{false, true};
    for (const auto& n : names) {
      columns.push_back(n);
      right.push_back(true);
    }
    Table t(columns, right);
    for (const auto& row : rows) {
      std::vector<std::string> cells{bucket_cell(row.bucket, r_.period.trend), count(row.tickets)};
      for (const auto& k : row.kinds)
        cells.push_back(fmt::format("{} ({} of {})", compliance_text(k.counts), k.counts.met,
                                    k.counts.met + k.counts.breached));
      t.row(std::move(cells));
    }
    out_ += t.text();
  }

  void worst() {
    out_ += "## Worst offenders\n\n";
    if (r_.worst.empty()) {
      out_ += "No target was breached.\n\n";
      return;
    }
    out_ +=
        "The breaches that missed their target by the most, the most late first (in calendar "
        "time); a "
        "ticket still "
        "open is as late as of the report.\n\n";
    Table t({"Ticket", "Priority", "Target", "Due", "Done", "Late by"},
            {false, false, false, false, false, true});
    for (const auto& w : r_.worst)
      t.row({w.id, priority_text(w.priority), kind_title(w.kind), time_text(w.due),
             w.done.empty() ? "still open" : time_text(w.done), duration_text(w.over, false)});
    out_ += t.text();
  }

  void queue() {
    out_ += "## At-risk queue\n\n";
    if (r_.queue.empty()) {
      out_ += "No open ticket is past a warning of its target.\n\n";
      return;
    }
    Table t({"Ticket", "Priority", "Target", "Due", "Elapsed", "Time left"},
            {false, false, false, false, true, true});
    for (const auto& q : r_.queue)
      t.row({q.id, priority_text(q.priority), kind_title(q.kind), time_text(q.due),
             percent_text(q.elapsed_percent),
             duration_text(q.over, counts_open_time(r_, q.priority, q.kind))});
    out_ += t.text() + listed_note(r_.queue.size(), r_.at_risk);
  }

  void credits() {
    out_ += "## Service credits\n\n";
    if (r_.credits.empty()) {
      out_ += "No breach in the period earns a credit.\n\n";
      return;
    }
    Table t({"Month", "Breaches with a credit", "Credits earned", "Monthly cap", "Credit due"},
            {false, true, true, true, true});
    for (const auto& m : r_.credits) {
      const bool capped = m.cap_milli && m.sum_milli > *m.cap_milli;
      t.row({bucket_text(date::local_days{m.month / date::day(1)}, TrendUnit::month),
             count(m.breaches), percent_words(m.sum_milli),
             m.cap_milli ? percent_words(*m.cap_milli) : "none",
             percent_words(m.total_milli) + (capped ? " (capped)" : "")});
    }
    out_ += t.text();
    out_ += "In percent of the month’s fee, for the breaches that fell due in the month.\n\n";
  }

  void desk() {
    out_ += "## The help desk’s own figures\n\n";
    out_ += words(desk_sentence(r_)) + "\n\n";
    if (r_.disagreements.empty()) return;
    Table t({"Ticket", "Row", "Target", "Desk", "Contract", "Difference"},
            {false, true, false, true, true, true});
    for (const auto& d : r_.disagreements)
      t.row({d.id, count(d.row), kind_title(d.kind), duration_text(d.desk, true),
             duration_text(d.contract, true), duration_text(d.desk - d.contract, true)});
    out_ += t.text();
  }
};

}  // namespace

std::string report_markdown(const ComplianceReport& report) {
  return Page(report).write();
}

}  // namespace sla::cli
