// `caseload stats --format html`: one self-contained page (inline CSS and
// SVG, no script, nothing fetched) that opens offline, travels as a mail
// attachment and prints on A4. The tables are the view the terminal and
// Markdown draw; the charts are stats_svg's.
#include <fmt/format.h>

#include "caseload/report/stats_report.hpp"
#include "stats_svg.hpp"
#include "stats_view.hpp"

namespace caseload {
namespace {

constexpr const char* k_css = R"(@page { size: A4; margin: 14mm; }
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 10pt; color: #222; max-width: 180mm; margin: 0 auto; }
h1 { font-size: 16pt; margin: 0 0 2mm; }
h2 { font-size: 13pt; border-bottom: 1px solid #999; margin: 6mm 0 2mm; }
h3 { font-size: 10.5pt; margin: 4mm 0 1mm; }
p.scope { color: #555; margin: 0 0 4mm; }
table { border-collapse: collapse; margin: 1mm 0 3mm; }
th, td { padding: 0.6mm 2.5mm; border-bottom: 1px solid #ddd; }
th { text-align: left; font-weight: 600; font-size: 9pt; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
ul.facts { margin: 1mm 0 3mm; padding-left: 5mm; }
div.chart { margin: 2mm 0 4mm; break-inside: avoid; }
div.chart svg { max-width: 100%; height: auto; }
h2, h3 { break-after: avoid; }
tr { break-inside: avoid; }
@media print { body { max-width: none; } }
)";

std::string chart_of(const std::string& section, const Stats& stats, const StatsReportInfo& info) {
  if (section == "caseload") return svg_caseload_by_worker(stats.caseload, info);
  if (section == "work") return svg_contacts_per_week(stats.work, info);
  if (section == "followups") return svg_overdue_by_age(stats.followups, info);
  if (section == "outcomes") return svg_outcome_change(stats.outcomes, info);
  if (section == "referrals") return svg_referral_funnel(stats.referrals, info);
  return "";
}

void write_block(std::ostream& out, const StatsBlock& b) {
  out << "<h3>" << html_escape(b.title) << "</h3>\n";
  if (!b.facts.empty()) {
    out << "<ul class=\"facts\">\n";
    for (const auto& [label, value] : b.facts) out << "<li>" << html_escape(label) << ": " << html_escape(value) << "</li>\n";
    out << "</ul>\n";
  }
  if (b.table.rows.empty()) {
    if (b.facts.empty()) out << "<p>(none)</p>\n";
    return;
  }
  auto cls = [&](size_t col) { return col < b.table.right.size() && b.table.right[col] ? " class=\"n\"" : ""; };
  out << "<table>\n<thead><tr>";
  for (size_t i = 0; i < b.table.headers.size(); ++i) out << "<th" << cls(i) << ">" << html_escape(b.table.headers[i]) << "</th>";
  out << "</tr></thead>\n<tbody>\n";
  for (const auto& row : b.table.rows) {
    out << "<tr>";
    for (size_t i = 0; i < row.size(); ++i) out << "<td" << cls(i) << ">" << html_escape(row[i]) << "</td>";
    out << "</tr>\n";
  }
  out << "</tbody>\n</table>\n";
}

}  // namespace

void write_stats_html(std::ostream& out, const Stats& stats, const StatsReportInfo& info) {
  const std::string title = info.agency.empty() ? "Caseload statistics" : info.agency + " · caseload statistics";
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<title>" << html_escape(title) << "</title>\n<style>\n" << k_css << "</style>\n</head>\n<body>\n"
      << "<h1>" << html_escape(title) << "</h1>\n"
      << "<p class=\"scope\">" << html_escape(stats_scope_line(stats));
  if (info.redact) out << html_escape(fmt::format(" · groups smaller than {} shown as <{}", info.min_group, info.min_group));
  out << "</p>\n";
  for (const auto& section : stats_view(stats, info)) {
    out << "<div class=\"section\" id=\"" << html_escape(section.id) << "\">\n<h2>" << html_escape(section.title) << "</h2>\n";
    if (const std::string svg = chart_of(section.id, stats, info); !svg.empty())
      out << "<div class=\"chart\">\n" << svg << "\n</div>\n";
    for (const auto& b : section.blocks) write_block(out, b);
    out << "</div>\n";
  }
  out << "</body>\n</html>\n";
}

}  // namespace caseload
