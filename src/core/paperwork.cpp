#include "caseload/core/paperwork.hpp"

#include <algorithm>

namespace caseload {

std::vector<DocumentState> document_states(const Program& program, const Enrollment& enrollment) {
  std::vector<DocumentState> out;
  auto recorded = [&](const std::string& id) -> const EnrollmentDocument* {
    // The last entry counts: a document received again after being waived.
    const EnrollmentDocument* found = nullptr;
    for (const auto& d : enrollment.documents)
      if (d.id == id) found = &d;
    return found;
  };
  auto state_of = [](const EnrollmentDocument* d, const std::string& id, bool required) {
    DocumentState s{id, "missing", required, std::nullopt, ""};
    if (d && d->received) {
      s.state = "received";
      s.date = d->received;
    } else if (d && d->waived) {
      s.state = "waived";
      s.date = d->waived;
      s.reason = d->reason;
    }
    return s;
  };
  for (const auto& id : program.documents) out.push_back(state_of(recorded(id), id, true));
  for (const auto& d : enrollment.documents) {
    const bool listed = std::find(program.documents.begin(), program.documents.end(), d.id) != program.documents.end();
    const bool seen = std::any_of(out.begin(), out.end(), [&](const DocumentState& s) { return s.id == d.id; });
    if (!listed && !seen) out.push_back(state_of(recorded(d.id), d.id, false));
  }
  return out;
}

}  // namespace caseload
