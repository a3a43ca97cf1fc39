#pragma once
// RFC 4180 CSV: a header row, CRLF-free (LF) lines, fields quoted when they
// hold a comma, quote or line break.
#include <ostream>
#include <string>
#include <vector>

namespace caseload {

void write_csv_row(std::ostream& out, const std::vector<std::string>& fields);
std::string csv_field(const std::string& s);

}  // namespace caseload
