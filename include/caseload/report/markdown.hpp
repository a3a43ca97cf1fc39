#pragma once
// Markdown for reports people print or mail (followups --format md, show
// --format md). Every text from the store goes through one of these, so a
// name or a note can neither break a table nor turn into markup, a link or
// HTML in the mail reader, nor drive the terminal it is printed on.
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace caseload {

// Text for a table cell, a heading or a paragraph, shown as it is: first
// escaped for the terminal (core/text `escape_for_terminal`), then every
// ASCII punctuation character (!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~) gets a
// backslash, which CommonMark allows before any of them and which leaves no
// character that can start emphasis, a link, an HTML tag, an entity, a code
// span, a heading, a list item, a quote or a fence. A line break or a tab
// becomes a space, so a cell stays on its table row.
std::string md_cell(std::string_view s);

// Text as a code span (a path): the terminal escaping, line breaks as
// spaces, and a fence of more backquotes than the text's longest run of
// them, so no backquote in the text can end the span. Backslashes are literal
// in a code span; `md_code_cell` also escapes '|', which GFM splits table
// cells on even inside a code span (and shows as '|').
std::string md_code(std::string_view s);
std::string md_code_cell(std::string_view s);

// A GFM table of cells already escaped (md_cell, md_code_cell); `right`
// marks the columns aligned right (numbers).
void write_md_table(std::ostream& out, const std::vector<std::string>& headers,
                    const std::vector<std::vector<std::string>>& rows, const std::vector<bool>& right = {});

}  // namespace caseload
