// A program's progress report template: see store/report_templates.hpp.
#include "caseload/store/report_templates.hpp"

#include <fmt/format.h>

#include "caseload/core/errors.hpp"
#include "caseload/core/ids.hpp"
#include "caseload/store/document.hpp"

namespace caseload {

std::string report_template_path(const std::string& name) {
  return std::string(k_templates_dir) + "/" + name + ".md";
}

ReportTemplate program_report_template(const Store& store, const Program& program) {
  if (program.template_name.empty()) return parse_report_template(default_report_template(), "(default template)");
  // Opening the store validated the name; this keeps a path from being built of anything else.
  if (!is_resource_id(program.template_name))
    throw Error("a program's template is named by [a-z0-9-]", "run caseload check");
  const std::string path = report_template_path(program.template_name);
  if (!store.exists(path))
    throw DataError({path, 0, 0}, "missing: program '" + program.id + "' names it as its report template",
                    "write the template (see man caseload.5, TEMPLATES), or remove the program's `template:`");
  return parse_report_template(read_store_file(store.root(), path), path);
}

}  // namespace caseload
