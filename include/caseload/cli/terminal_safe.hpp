#pragma once
// Records as shown to people on a terminal: every string a record holds, by
// its one field list, with control characters, bidi overrides and bytes that
// are not UTF-8 as visible escapes (core/text `escape_for_terminal`). Tabs
// and newlines stay only in the schema's multi-line texts (notes, address
// ...); in a one-line field a newline would forge a line of output.
//
// The formats for people that print records field by field (`show`) make a
// safe copy once instead of escaping at each place they print.
#include "caseload/core/followups.hpp"
#include "caseload/core/records.hpp"

namespace caseload {

void make_terminal_safe(ClientRecord& record);
void make_terminal_safe(Plan& plan);
void make_terminal_safe(Resource& resource);
void make_terminal_safe(ResourceNames& names);

}  // namespace caseload
