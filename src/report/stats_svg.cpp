#include "stats_svg.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "caseload/report/json.hpp"

namespace caseload {
namespace {

// Shades that stay apart in grey print, darkest first (as the terminal's █ ▓ ▒ ░).
const std::vector<std::string> k_fills = {"#7a1f1f", "#c8652a", "#e8b04a", "#b9c4cc"};
constexpr int k_width = 640;
constexpr int k_label = 150;  // room for the labels left of horizontal bars
constexpr int k_row = 22;

// What a chart may show of a count: nothing of a group too small to export.
long shown(long n, const StatsReportInfo& info) {
  return info.redact && n > 0 && n < info.min_group ? 0 : n;
}

class Svg {
 public:
  Svg(int height, const std::string& label) : height_(height) {
    out_ = fmt::format(R"(<svg xmlns="http://www.w3.org/2000/svg" width="{0}" height="{1}" viewBox="0 0 {0} {1}" role="img" aria-label="{2}">)",
                       k_width, height, html_escape(label));
    out_ += "<title>" + html_escape(label) + "</title>";
  }
  void rect(double x, double y, double w, double h, const std::string& fill) {
    if (w <= 0 || h <= 0) return;
    out_ += fmt::format(R"(<rect x="{:.1f}" y="{:.1f}" width="{:.1f}" height="{:.1f}" fill="{}"/>)", x, y, w, h, fill);
  }
  void text(double x, double y, std::string_view s, const char* anchor = "start", const char* size = "11") {
    out_ += fmt::format(R"(<text x="{:.1f}" y="{:.1f}" font-size="{}" text-anchor="{}">{}</text>)", x, y, size, anchor,
                        html_escape(s));
  }
  void line(double x1, double y1, double x2, double y2, const char* stroke = "#888") {
    out_ += fmt::format(R"(<line x1="{:.1f}" y1="{:.1f}" x2="{:.1f}" y2="{:.1f}" stroke="{}" stroke-width="1"/>)", x1, y1,
                        x2, y2, stroke);
  }
  void raw(const std::string& element) { out_ += element; }
  // A row of coloured squares naming the parts of a chart.
  void legend(const std::vector<std::string>& names, double y) {
    double x = k_label;
    for (size_t i = 0; i < names.size(); ++i) {
      rect(x, y - 9, 10, 10, k_fills[std::min(i, k_fills.size() - 1)]);
      text(x + 14, y, names[i]);
      x += 24 + 7.0 * static_cast<double>(names[i].size());
    }
  }
  std::string done() { return out_ + "</svg>"; }

 private:
  int height_;
  std::string out_;
};

// Horizontal stacked bars, one row per label, scaled to the longest row.
std::string stacked_rows(const std::string& title, const std::vector<std::string>& labels,
                         const std::vector<std::vector<long>>& rows, const std::vector<std::string>& parts) {
  long top = 1;
  for (const auto& r : rows) {
    long sum = 0;
    for (long v : r) sum += v;
    top = std::max(top, sum);
  }
  const int height = 30 + k_row * static_cast<int>(rows.size()) + 10;
  Svg svg(height, title);
  svg.legend(parts, 16);
  const double room = k_width - k_label - 40;
  for (size_t i = 0; i < rows.size(); ++i) {
    const double y = 30 + k_row * static_cast<double>(i);
    svg.text(k_label - 6, y + 13, labels[i], "end");
    double x = k_label;
    long sum = 0;
    for (size_t p = 0; p < rows[i].size(); ++p) {
      const double w = room * static_cast<double>(rows[i][p]) / static_cast<double>(top);
      svg.rect(x, y + 2, w, k_row - 6, k_fills[std::min(p, k_fills.size() - 1)]);
      x += w;
      sum += rows[i][p];
    }
    if (sum > 0) svg.text(x + 4, y + 13, std::to_string(sum));
  }
  return svg.done();
}

}  // namespace

std::string svg_caseload_by_worker(const CaseloadStats& s, const StatsReportInfo& info) {
  std::vector<std::string> labels;
  std::vector<std::vector<long>> rows;
  for (const auto& w : s.open_by_worker) {
    labels.push_back(w.worker.empty() ? "(none)" : w.worker);
    rows.push_back({shown(w.open.high, info), shown(w.open.medium, info), shown(w.open.low, info), shown(w.open.none, info)});
  }
  return stacked_rows("Open clients per worker by risk", labels, rows, {"high", "medium", "low", "none"});
}

std::string svg_contacts_per_week(const WorkStats& s, const StatsReportInfo& info) {
  const int height = 200, top_y = 30, bottom_y = 160;
  Svg svg(height, "Contacts done per week");
  long top = 1;
  for (const auto& w : s.per_week) top = std::max(top, shown(w.done, info));
  const double left = 50, right = k_width - 20;
  svg.line(left, bottom_y, right, bottom_y);
  svg.line(left, top_y, left, bottom_y);
  svg.text(left - 6, top_y + 4, std::to_string(top), "end");
  svg.text(left - 6, bottom_y + 4, "0", "end");
  const size_t n = s.per_week.size();
  std::string points;
  for (size_t i = 0; i < n; ++i) {
    const double x = n == 1 ? (left + right) / 2 : left + (right - left) * static_cast<double>(i) / static_cast<double>(n - 1);
    const long v = shown(s.per_week[i].done, info);
    const double y = bottom_y - (bottom_y - top_y) * static_cast<double>(v) / static_cast<double>(top);
    points += fmt::format("{}{:.1f},{:.1f}", i ? " " : "", x, y);
    svg.raw(fmt::format(R"(<circle cx="{:.1f}" cy="{:.1f}" r="3" fill="{}"/>)", x, y, k_fills[0]));
    svg.text(x, bottom_y + 16, s.weeks[i].str().substr(5), "middle", "10");
  }
  if (!points.empty())
    svg.raw(fmt::format(R"(<polyline points="{}" fill="none" stroke="{}" stroke-width="2"/>)", points, k_fills[0]));
  svg.text(left, 16, "done contacts, by the Monday of each week");
  return svg.done();
}

std::string svg_outcome_change(const OutcomeStats& s, const StatsReportInfo& info) {
  std::vector<const DomainOutcome*> shown_domains;
  for (const auto& d : s.domains) {
    if (shown(d.all.clients, info) > 0) shown_domains.push_back(&d);
  }
  const int height = 40 + k_row * static_cast<int>(shown_domains.size()) + 10;
  Svg svg(height, "Mean score change per domain, first to latest assessment");
  double top = 1;
  for (const auto* d : shown_domains) top = std::max(top, std::abs(d->all.mean().value_or(0)));
  const double mid = k_label + (k_width - k_label - 20) / 2.0;
  const double half = (k_width - k_label - 20) / 2.0 - 40;
  svg.text(mid, 16, "worse ← 0 → better", "middle");
  svg.line(mid, 26, mid, height - 6);
  for (size_t i = 0; i < shown_domains.size(); ++i) {
    const auto& d = *shown_domains[i];
    const double y = 30 + k_row * static_cast<double>(i);
    const double mean = d.all.mean().value_or(0);
    const double w = half * std::abs(mean) / top;
    svg.text(k_label - 6, y + 13, d.domain, "end");
    svg.rect(mean < 0 ? mid - w : mid, y + 2, w, k_row - 6, mean < 0 ? k_fills[1] : "#2f6f4f");
    const std::string label = (mean > 0 ? "+" : "") + fixed_decimals(mean, 2);
    svg.text(mean < 0 ? mid - w - 4 : mid + w + 4, y + 13, label, mean < 0 ? "end" : "start");
  }
  return svg.done();
}

std::string svg_referral_funnel(const ReferralStats& s, const StatsReportInfo& info) {
  std::vector<std::string> labels;
  std::vector<std::vector<long>> rows;
  // Each resource's funnel as parts of its bar: completed, accepted but not
  // (yet) completed, sent but not accepted.
  for (const auto& g : s.per_resource) {
    labels.push_back(g.name);
    const long completed = shown(g.completed, info);
    const long accepted = std::max(0L, shown(g.accepted, info) - completed);
    rows.push_back({completed, accepted, std::max(0L, shown(g.sent, info) - completed - accepted)});
  }
  return stacked_rows("Referrals per resource: sent, accepted, completed", labels, rows,
                      {"completed", "accepted", "not accepted"});
}

std::string svg_overdue_by_age(const FollowupStats& s, const StatsReportInfo& info) {
  const std::vector<std::pair<std::string, long>> bars = {{"1–7 days", shown(s.overdue.days_1_7, info)},
                                                          {"8–30 days", shown(s.overdue.days_8_30, info)},
                                                          {"over 30 days", shown(s.overdue.over_30, info)}};
  const int height = 190, top_y = 20, bottom_y = 160;
  Svg svg(height, "Overdue follow-ups by age");
  long top = 1;
  for (const auto& [label, v] : bars) top = std::max(top, v);
  svg.line(60, bottom_y, k_width - 20, bottom_y);
  for (size_t i = 0; i < bars.size(); ++i) {
    const double x = 80 + 180 * static_cast<double>(i);
    const double h = (bottom_y - top_y - 14) * static_cast<double>(bars[i].second) / static_cast<double>(top);
    svg.rect(x, bottom_y - h, 120, h, k_fills[std::min(i, k_fills.size() - 1)]);
    svg.text(x + 60, bottom_y - h - 4, std::to_string(bars[i].second), "middle");
    svg.text(x + 60, bottom_y + 16, bars[i].first, "middle");
  }
  return svg.done();
}

}  // namespace caseload
