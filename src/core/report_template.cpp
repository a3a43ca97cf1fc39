// Progress report templates: see core/report_template.hpp.
#include "caseload/core/report_template.hpp"

#include <fmt/format.h>

#include "caseload/core/errors.hpp"
#include "caseload/core/text.hpp"

namespace caseload {
namespace {

std::string all_placeholders() {
  std::vector<std::string> names;
  for (auto v : k_report_values) names.emplace_back(v);
  for (auto s : k_report_sections) names.emplace_back(s);
  return join(names);
}

// Whether the rest of the line around [begin, end) holds only blanks.
bool alone_on_line(std::string_view text, size_t begin, size_t end) {
  const size_t line_start = text.rfind('\n', begin == 0 ? 0 : begin - 1);
  const size_t from = begin == 0 || line_start == std::string_view::npos ? 0 : line_start + 1;
  const size_t line_end = std::min(text.find('\n', end), text.size());
  auto blank = [](std::string_view s) { return s.find_first_not_of(" \t\r") == std::string_view::npos; };
  return blank(text.substr(from, begin - from)) && blank(text.substr(end, line_end - end));
}

}  // namespace

ReportTemplate parse_report_template(std::string_view text, const std::string& path) {
  ReportTemplate t;
  int line = 1;
  size_t line_start = 0;
  size_t literal = 0;  // start of the text not yet taken
  auto where = [&](size_t at) { return Location{path, line, static_cast<int>(at - line_start) + 1}; };
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
      continue;
    }
    if (text.compare(i, 2, "{{") != 0) continue;
    const size_t close = text.find("}}", i + 2);
    const size_t eol = text.find('\n', i);
    if (close == std::string_view::npos || (eol != std::string_view::npos && close > eol))
      throw DataError(where(i), "placeholder not closed on its line: write {{name}}",
                      "placeholders: " + all_placeholders());
    const std::string name = trim(std::string(text.substr(i + 2, close - i - 2)));
    const bool value = contains(k_report_values, name);
    const bool section = contains(k_report_sections, name);
    if (!value && !section)
      throw DataError(where(i), "unknown placeholder", "placeholders: " + all_placeholders());
    if (section && !alone_on_line(text, i, close + 2))
      throw DataError(where(i), fmt::format("{{{{{}}}}} is a section: put it on a line of its own", name));
    if (i > literal) t.pieces.push_back({false, std::string(text.substr(literal, i - literal))});
    t.pieces.push_back({true, name});
    i = close + 1;
    literal = close + 2;
  }
  if (literal < text.size()) t.pieces.push_back({false, std::string(text.substr(literal))});
  return t;
}

std::string_view default_report_template() {
  return R"(# Progress report: {{program_name}}

{{agency}}

- Client: {{client_name}} ({{client_id}}), born {{born}}
- Program: {{program_name}} ({{program}}), {{status}}
- Period: {{from}} to {{until}}
- Report due: {{due}}
- Worker: {{worker}}

## Scores

{{scores}}

## Goals

{{goals}}

## Tasks

{{tasks}}

## Contacts in the period

{{contacts}}

## Referrals

{{referrals}}

## Documents

{{documents}}

## Worker's assessment

{{assessment}}
)";
}

}  // namespace caseload
