#pragma once
// The paperwork of an enrollment: the documents its program requires
// (caseload.yaml `programs: documents:`) against those the enrollment
// records as received or waived. One rule for `documents`, the `document`
// follow-up and the progress report.
#include <optional>
#include <string>
#include <vector>

#include "caseload/core/records.hpp"

namespace caseload {

struct DocumentState {
  std::string id;
  std::string state;  // received, waived, missing; "received" also for one the program does not list
  bool required = true;
  std::optional<Date> date;  // received or waived on
  std::string reason;        // why it was waived
};

// The program's documents in its order, then any other the enrollment records.
std::vector<DocumentState> document_states(const Program& program, const Enrollment& enrollment);

// How long before a report or renewal is due its missing papers are a follow-up.
inline constexpr int k_document_warning_days = 14;

}  // namespace caseload
