#pragma once
// Where a program's progress report template lives (templates/NAME.md of the
// store) and reading it: the report command and `check` use the same.
#include <string>

#include "caseload/core/records.hpp"
#include "caseload/core/report_template.hpp"
#include "caseload/store/store.hpp"

namespace caseload {

inline constexpr const char* k_templates_dir = "templates";

// templates/<name>.md
std::string report_template_path(const std::string& name);

// The program's template, or the default when it names none. Throws
// DataError when the file is missing, a link, not a regular file, or has a
// bad placeholder (at its path:line:col).
ReportTemplate program_report_template(const Store& store, const Program& program);

}  // namespace caseload
