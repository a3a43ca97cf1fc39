#pragma once
// `caseload report CLIENT PROGRAM`: the progress report drafted from the
// case file, as Markdown laid out by the program's template (or the
// default). Every text from the store goes through report/markdown.
#include <string>

#include "caseload/core/followups.hpp"
#include "caseload/core/progress.hpp"
#include "caseload/core/report_template.hpp"

namespace caseload {

struct ProgressReportInput {
  const ClientRecord& record;
  const Settings& settings;
  const Program& program;
  const Enrollment& enrollment;
  const ProgressFacts& facts;
  const ResourceNames& resources;
  Date today;
};

std::string progress_report_md(const ReportTemplate& layout, const ProgressReportInput& in);

}  // namespace caseload
