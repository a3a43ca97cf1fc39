#include "caseload/report/markdown.hpp"

#include <algorithm>

#include "caseload/core/text.hpp"

namespace caseload {
namespace {

// CommonMark 0.31, "Backslash escapes": exactly these may be escaped.
bool is_ascii_punctuation(char c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
}

// The terminal escaping with line breaks and tabs kept, then as spaces:
// a cell must stay on its row, and a visible \x0A would say less.
std::string one_line_safe(std::string_view s) {
  std::string text = escape_for_terminal(s, true);
  std::replace(text.begin(), text.end(), '\n', ' ');
  std::replace(text.begin(), text.end(), '\t', ' ');
  return text;
}

std::string code_span(std::string_view s, bool in_table) {
  const std::string text = one_line_safe(s);
  if (text.empty()) return "";  // "``" would be two backquotes, not a span
  size_t longest = 0, run = 0;
  std::string body;
  for (char c : text) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
    if (c == '|' && in_table) body += '\\';
    body += c;
  }
  // A space on each side is stripped by the reader; it keeps a backquote at
  // either end of the text from joining the fence.
  const bool pad = !body.empty() && (body.front() == '`' || body.back() == '`' || body.front() == ' ');
  const std::string fence(longest + 1, '`');
  return fence + (pad ? " " + body + " " : body) + fence;
}

}  // namespace

std::string md_cell(std::string_view s) {
  std::string out;
  for (char c : one_line_safe(s)) {
    if (is_ascii_punctuation(c)) out += '\\';
    out += c;
  }
  return out;
}

std::string md_code(std::string_view s) { return code_span(s, false); }
std::string md_code_cell(std::string_view s) { return code_span(s, true); }

void write_md_table(std::ostream& out, const std::vector<std::string>& headers,
                    const std::vector<std::vector<std::string>>& rows, const std::vector<bool>& right) {
  out << '|';
  for (const auto& h : headers) out << ' ' << h << " |";
  out << "\n|";
  for (size_t i = 0; i < headers.size(); ++i) out << (i < right.size() && right[i] ? "---:|" : "---|");
  out << '\n';
  for (const auto& row : rows) {
    out << '|';
    for (const auto& cell : row) out << ' ' << cell << " |";
    out << '\n';
  }
}

}  // namespace caseload
