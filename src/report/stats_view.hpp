#pragma once
// The stats report as people read it, before any format: per section, a few
// facts and tables of formatted (and, with --redact, suppressed) values.
// The terminal, Markdown and HTML writers each draw this one view, so they
// show the same figures; the terminal adds bars and sparklines, HTML charts.
#include <string>
#include <utility>
#include <vector>

#include "caseload/core/stats.hpp"
#include "caseload/report/stats_report.hpp"
#include "caseload/report/table.hpp"

namespace caseload {

// A chart beside a table's rows, drawn by the terminal writer: a stacked bar
// of each row's parts, or a sparkline of each row's series.
enum class RowChart { none, bar, sparkline };

struct StatsBlock {
  std::string title;
  std::vector<std::pair<std::string, std::string>> facts;  // label, value
  Table table;  // headers and rows; no rows: only the facts
  RowChart chart = RowChart::none;
  std::vector<std::vector<long>> series;  // per row of the table, the chart's values
  std::vector<std::string> legend;        // the chart's parts (bar) in order
};

struct StatsSectionView {
  std::string id;  // k_stats_sections
  std::string title;
  std::vector<StatsBlock> blocks;
};

std::vector<StatsSectionView> stats_view(const Stats& stats, const StatsReportInfo& info);

// The period and scope line: "2026-10-25 to 2026-11-23 · 16 clients · worker aoki".
std::string stats_scope_line(const Stats& stats);

// A worker's name in a table: its ID, "(none)" for clients without one.
std::string stats_worker_label(const std::string& worker);

}  // namespace caseload
