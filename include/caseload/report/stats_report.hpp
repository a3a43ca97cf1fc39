#pragma once
// `caseload stats` in each output format: table (for people: bars and
// sparklines in Unicode blocks), json and csv (every figure, under the
// names man/caseload.1 defines; stable, never translated), md (to paste or
// mail) and html (one self-contained file with inline CSS and SVG charts,
// printable on A4). Aggregates only: nothing here names a client.
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "caseload/core/stats.hpp"
#include "caseload/report/table.hpp"

namespace caseload {

struct StatsReportInfo {
  std::string agency;
  std::vector<std::string> sections;  // the sections to write, in k_stats_sections order
  TableFit fit;                       // the table's width: the terminal's, or none for a file
  int min_group = 5;                  // stats.min_group
  bool redact = false;                // csv and html: a group below min_group shows as "<N"
};

void write_stats(std::ostream& out, const std::string& format, const Stats& stats, const StatsReportInfo& info,
                 const Style& style);

// One figure of json and csv: section, figure, then up to two keys (a
// worker, a risk, a week, a domain ...), and its value.
struct StatsValue {
  enum class Kind { Count, Decimal, Date, Text, Null } kind = Kind::Null;
  long count = 0;
  double decimal = 0;
  std::string text;  // a date or a worker ID
  // How many records a decimal was computed from (the group it describes),
  // for --redact; a count is its own base.
  long base = 0;
};
struct StatsFigure {
  std::string section, figure, group, subgroup;
  int keys = 0;  // how many of group and subgroup it has (a group may be "": clients with no worker)
  StatsValue value;
};
// Every figure of the sections asked for, in the order json and csv write them.
std::vector<StatsFigure> stats_figures(const Stats& stats, const StatsReportInfo& info);

// A value as text: counts as integers, decimals with two places, none as
// ""; with `redact`, any count from 1 to min_group - 1, and any decimal
// computed from so few records, as "<min_group".
std::string stats_value_text(const StatsValue& v, const StatsReportInfo& info);

// The report's parts, each in its own file: the terminal and Markdown
// (stats_text.cpp), HTML (stats_html.cpp) and its SVG charts (stats_svg.cpp).
void write_stats_table(std::ostream& out, const Stats& stats, const StatsReportInfo& info, const Style& style);
void write_stats_md(std::ostream& out, const Stats& stats, const StatsReportInfo& info);
void write_stats_html(std::ostream& out, const Stats& stats, const StatsReportInfo& info);

}  // namespace caseload
