#include "caseload/cli/enrollments.hpp"

#include <fmt/format.h>

#include "caseload/core/errors.hpp"
#include "caseload/core/ids.hpp"

namespace caseload {

const Program& known_program(const Store& store, const std::string& id) {
  if (!is_program_id(id)) {
    throw UsageError(fmt::format("'{}' is not a program ID", id),
                     "program IDs are lower-case letters, digits and '-', e.g. child-benefit");
  }
  if (const Program* p = store.settings().find_program(id)) return *p;
  std::string ids;
  for (const auto& p : store.settings().programs) ids += (ids.empty() ? "" : ", ") + p.id;
  throw Error(fmt::format("unknown program '{}'", id),
              ids.empty() ? "caseload.yaml lists no programs; add them under programs:"
                          : fmt::format("programs in caseload.yaml: {}", ids));
}

std::optional<YAML::Node> latest_enrollment(const Document& doc, const std::string& program) {
  std::optional<YAML::Node> found;
  YAML::Node list = child(doc.root, "enrollments");
  if (!list.IsSequence()) return found;
  for (YAML::Node e : list) {
    // emplace, not assignment: assigning a YAML::Node overwrites the node it refers to
    if (e.IsMap() && get_string(e, "program") == program) found.emplace(e);
  }
  return found;
}

}  // namespace caseload
