#pragma once
// A progress report's layout: Markdown with placeholders, `{{name}}`. The
// default is built in; a program names its own (caseload.yaml `template:`,
// a file templates/NAME.md), so an agency writes the headings and order its
// funder asks for, in its own language. The placeholders are the report's
// facts (core/progress): values within a line, sections on a line of their own.
#include <string>
#include <string_view>
#include <vector>

namespace caseload {

// Placeholders that stand for a value within a line.
inline const std::vector<std::string_view> k_report_values = {
    "agency", "client_id", "client_name", "born", "program", "program_name", "status",
    "from",   "until",     "due",         "today", "worker"};
// Placeholders that stand for a whole section (a table or a list).
inline const std::vector<std::string_view> k_report_sections = {"scores",    "goals",     "tasks",     "contacts",
                                                                "referrals", "documents", "assessment"};

struct ReportTemplate {
  struct Piece {
    bool placeholder = false;
    std::string text;  // the literal text, or the placeholder's name
  };
  std::vector<Piece> pieces;
};

// Parses a template; an unknown placeholder, one not closed on its line, or
// a section placeholder that shares its line with other text is a
// DataError at path:line:col.
ReportTemplate parse_report_template(std::string_view text, const std::string& path);

// The layout used when a program names no template.
std::string_view default_report_template();

}  // namespace caseload
