// `caseload stats` for people: the terminal table (with Unicode bars and
// sparklines, which need no colour) and Markdown.
#include <fmt/format.h>

#include <algorithm>

#include "caseload/core/text.hpp"
#include "caseload/report/markdown.hpp"
#include "stats_view.hpp"

namespace caseload {
namespace {

// Parts of a stacked bar, told apart by shade rather than colour (NO_COLOR,
// a printout): the first part darkest.
const std::vector<std::string> k_shades = {"█", "▓", "▒", "░"};
const std::vector<std::string> k_levels = {"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};

// Each part's share of `width` cells at the scale where `top` fills them:
// whole cells, at least one for any part that is not zero.
std::string stacked_bar(const std::vector<long>& parts, long top, int width) {
  std::string out;
  if (top <= 0) return out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (parts[i] <= 0) continue;
    const long cells = std::max(1L, (parts[i] * width + top / 2) / top);
    for (long c = 0; c < cells; ++c) out += k_shades[std::min(i, k_shades.size() - 1)];
  }
  return out;
}

// One block per value, ▁ for zero up to █ for the row's highest.
std::string sparkline(const std::vector<long>& values) {
  const long top = values.empty() ? 0 : *std::max_element(values.begin(), values.end());
  std::string out;
  for (long v : values) {
    const size_t level = top <= 0 ? 0 : static_cast<size_t>((v * 7 + top / 2) / top);
    out += k_levels[std::min(level, k_levels.size() - 1)];
  }
  return out;
}

// A table's width as print_table lays it out: its columns' widest cells, two spaces apart.
int natural_width(const Table& t) {
  int total = 0;
  for (size_t col = 0; col < t.headers.size(); ++col) {
    int w = display_width(t.headers[col]);
    for (const auto& row : t.rows) w = std::max(w, display_width(row[col]));
    if (col < t.max_width.size() && t.max_width[col] > 0) w = std::min(w, t.max_width[col]);
    total += w + (col ? 2 : 0);
  }
  return total;
}

// What each shade of a bar stands for, printed above its table.
std::string bar_legend(const StatsBlock& b) {
  std::vector<std::string> legend;
  for (size_t i = 0; i < b.legend.size(); ++i) legend.push_back(k_shades[std::min(i, k_shades.size() - 1)] + " " + b.legend[i]);
  return join(legend, "  ");
}

// The chart as one more column: bars scaled to the largest row that is not
// the total (the last row), so that the workers can be compared.
void add_chart_column(StatsBlock& b, const TableFit& fit) {
  if (b.chart == RowChart::none || b.series.empty()) return;
  if (b.chart == RowChart::sparkline) {
    b.table.headers.push_back("WEEKLY");
    for (size_t i = 0; i < b.table.rows.size(); ++i) b.table.rows[i].push_back(sparkline(b.series[i]));
  } else {
    long top = 0;
    for (size_t i = 0; i + 1 < b.series.size(); ++i) {
      long sum = 0;
      for (long v : b.series[i]) sum += v;
      top = std::max(top, sum);
    }
    const int room = fit.width > 0 ? fit.width - natural_width(b.table) - 2 : 24;
    const int width = std::clamp(room, 4, 24);
    b.table.headers.push_back("");
    for (size_t i = 0; i < b.table.rows.size(); ++i)
      b.table.rows[i].push_back(i + 1 < b.table.rows.size() ? stacked_bar(b.series[i], top, width) : "");
  }
  b.table.right.push_back(false);
}

}  // namespace

void write_stats_table(std::ostream& out, const Stats& stats, const StatsReportInfo& info, const Style& style) {
  out << style.bold(info.agency.empty() ? "Caseload statistics" : info.agency + " · caseload statistics") << '\n'
      << stats_scope_line(stats) << '\n';
  for (auto& section : stats_view(stats, info)) {
    out << '\n' << style.bold(section.title) << '\n';
    for (auto& b : section.blocks) {
      out << '\n' << b.title << '\n';
      for (const auto& [label, value] : b.facts) out << "  " << escape_for_terminal(label) << ": " << value << '\n';
      if (b.table.rows.empty()) {
        if (b.facts.empty()) out << "  (none)\n";
        continue;
      }
      if (b.chart == RowChart::bar) out << "  " << bar_legend(b) << '\n';
      if (b.chart == RowChart::sparkline && !b.legend.empty()) out << "  WEEKLY: " << b.legend.front() << '\n';
      add_chart_column(b, info.fit);
      // The chart and the first column (a reason, a resource) give way when the terminal is narrow.
      b.table.give_way = {b.table.headers.size() - 1, 0};
      apply_fit(b.table, info.fit);
      print_table(out, b.table, style);
    }
  }
}

void write_stats_md(std::ostream& out, const Stats& stats, const StatsReportInfo& info) {
  out << "# " << md_cell(info.agency.empty() ? "Caseload statistics" : info.agency + " · caseload statistics") << "\n\n"
      << md_cell(stats_scope_line(stats)) << '\n';
  for (const auto& section : stats_view(stats, info)) {
    out << "\n## " << md_cell(section.title) << '\n';
    for (const auto& b : section.blocks) {
      out << "\n### " << md_cell(b.title) << "\n\n";
      for (const auto& [label, value] : b.facts) out << "- " << md_cell(label) << ": " << md_cell(value) << '\n';
      if (!b.facts.empty() && !b.table.rows.empty()) out << '\n';
      if (b.table.rows.empty()) {
        if (b.facts.empty()) out << "(none)\n";
        continue;
      }
      std::vector<std::string> head, rule;
      for (size_t i = 0; i < b.table.headers.size(); ++i) {
        head.push_back(md_cell(b.table.headers[i]));
        rule.push_back(i < b.table.right.size() && b.table.right[i] ? "---:" : "---");
      }
      out << "| " << join(head, " | ") << " |\n| " << join(rule, " | ") << " |\n";
      for (const auto& row : b.table.rows) {
        std::vector<std::string> cells;
        for (const auto& cell : row) cells.push_back(md_cell(cell));
        out << "| " << join(cells, " | ") << " |\n";
      }
    }
  }
}

}  // namespace caseload
