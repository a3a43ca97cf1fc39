#pragma once
// RFC 4180 CSV: a header row, CRLF-free (LF) lines, fields quoted when they
// hold a comma, quote or line break. What a spreadsheet opens must never run
// (OWASP "CSV injection") and must read back as the store holds it.
#include <ostream>
#include <string>
#include <vector>

namespace caseload {

void write_csv_row(std::ostream& out, const std::vector<std::string>& fields);

// One field, as written by write_csv_row:
// - control characters, bidi overrides and bytes that are not UTF-8 as
//   visible escapes (core/text `escape_for_terminal`); line breaks (a CRLF
//   as one LF) and tabs are kept, inside quotes;
// - a field that begins with '=', '+', '-', '@', a tab or a CR, which a
//   spreadsheet would take for a formula, or with '\'' (so that the mark
//   below is never ambiguous), gets a leading '\''. A plain number ("-5",
//   "+3", "12.50") is left as it is: it can run nothing, and the numbers the
//   program computes stay numbers;
// - quoted when it holds a comma, quote or line break.
std::string csv_field(const std::string& s);

// A list in one field: the items joined with "; ", each ';' or '\' inside an
// item preceded by a backslash, so {"food; clothes", "rent"} is
// "food\; clothes; rent" and reads back as two items. Each item is one
// line: a line break in it is a visible \x0A.
std::string csv_list(const std::vector<std::string>& items);

}  // namespace caseload
