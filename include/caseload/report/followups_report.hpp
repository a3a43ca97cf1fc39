#pragma once
// The follow-up list in each output format: table (for people), json and
// csv (SPEC 4 fields, for scripts), md (a report to paste or mail), ics
// (RFC 5545, for calendar subscriptions). Byte for byte stable.
#include <ostream>
#include <string>
#include <vector>

#include "caseload/core/followups.hpp"
#include "caseload/report/table.hpp"

namespace caseload {

struct FollowupsReportInfo {
  Date today;
  Date until;
  std::string agency;
  TableFit fit;  // the table's width: the terminal's, or none for a file
};

void write_followups(std::ostream& out, const std::string& format, const std::vector<FollowupItem>& items,
                     const FollowupsReportInfo& info, const Style& style);

// "Overdue", "Today", or e.g. "Tuesday 2026-11-24".
std::string followup_group(const FollowupItem& item, const Date& today);

// RFC 5545 text: escaped, and folded into lines of at most 75 octets.
std::string ics_escape(const std::string& text);
std::string ics_fold(const std::string& line);

}  // namespace caseload
