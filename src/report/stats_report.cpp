// `caseload stats` as json and csv, and the choice of format.
#include "caseload/report/stats_report.hpp"

#include "caseload/report/csv.hpp"
#include "caseload/report/json.hpp"

namespace caseload {
namespace {

void json_value(JsonWriter& j, const StatsValue& v) {
  switch (v.kind) {
    case StatsValue::Kind::Count: j.value(v.count); break;
    case StatsValue::Kind::Decimal: j.fixed(v.decimal, 2); break;
    case StatsValue::Kind::Date:
    case StatsValue::Kind::Text: j.value(v.text); break;
    case StatsValue::Kind::Null: j.null(); break;
  }
}

// One object per section, a figure's keys as nested objects in the order
// the figures come: {"caseload": {"open": 12, "open_by_worker": {"aoki": {"low": 1, ...}}}}.
void write_json(std::ostream& out, const std::vector<StatsFigure>& figures) {
  JsonWriter j(out);
  j.begin_object();
  const StatsFigure* prev = nullptr;
  for (const auto& f : figures) {
    const bool new_section = !prev || prev->section != f.section;
    const bool new_figure = new_section || prev->figure != f.figure;
    const bool new_group = new_figure || prev->group != f.group;
    if (prev) {
      if (prev->keys == 2 && new_group) j.end_object();
      if (prev->keys >= 1 && new_figure) j.end_object();
      if (new_section) j.end_object();
    }
    if (new_section) {
      j.key(f.section);
      j.begin_object();
    }
    if (new_figure) {
      j.key(f.figure);
      if (f.keys >= 1) j.begin_object();
    }
    if (f.keys == 2 && new_group) {
      j.key(f.group);
      j.begin_object();
    }
    if (f.keys == 1) j.key(f.group);
    if (f.keys == 2) j.key(f.subgroup);
    json_value(j, f.value);
    prev = &f;
  }
  if (prev) {
    if (prev->keys == 2) j.end_object();
    if (prev->keys >= 1) j.end_object();
    j.end_object();
  }
  j.end_object();
}

void write_csv(std::ostream& out, const std::vector<StatsFigure>& figures, const StatsReportInfo& info) {
  write_csv_row(out, {"section", "figure", "group", "subgroup", "value"});
  for (const auto& f : figures) write_csv_row(out, {f.section, f.figure, f.group, f.subgroup, stats_value_text(f.value, info)});
}

}  // namespace

void write_stats(std::ostream& out, const std::string& format, const Stats& stats, const StatsReportInfo& info,
                 const Style& style) {
  if (format == "json") return write_json(out, stats_figures(stats, info));
  if (format == "csv") return write_csv(out, stats_figures(stats, info), info);
  if (format == "md") return write_stats_md(out, stats, info);
  if (format == "html") return write_stats_html(out, stats, info);
  write_stats_table(out, stats, info, style);
}

}  // namespace caseload
