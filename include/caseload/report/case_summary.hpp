#pragma once
// `show CLIENT --format json|md`: the whole case as a worker prints it for a
// meeting. Every record is written by walking its field list
// (report/record_fields.hpp), so a new field appears by itself.
#include <ostream>
#include <string>
#include <vector>

#include "caseload/core/date.hpp"
#include "caseload/core/records.hpp"

namespace caseload {

// The domains the assessments score: as the first assessment that scores
// each one has them, each assessment's in the order of their IDs.
std::vector<std::string> scored_domains(const std::vector<Assessment>& assessments);

struct CaseSummaryInfo {
  Date today;
  std::string agency;
};

// One object: client (every field of client.yaml: person, household,
// consent, enrollments, notes), scores (per domain: latest level and its
// history), assessments, plan (null without one), referrals, contacts (the
// timeline, oldest first) and unreadable (files of the folder that could not
// be read: path, line, column, message).
void write_case_json(std::ostream& out, const ClientRecord& record);
// The same as Markdown, one section each.
void write_case_md(std::ostream& out, const ClientRecord& record, const CaseSummaryInfo& info);

}  // namespace caseload
