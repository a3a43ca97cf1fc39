#pragma once
// Markdown for reports people print or mail (followups --format md, show
// --format md).
#include <string>

namespace caseload {

// Text for one table cell: '|' escaped, line breaks as spaces.
std::string md_cell(const std::string& s);

}  // namespace caseload
