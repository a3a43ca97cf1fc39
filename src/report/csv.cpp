#include "caseload/report/csv.hpp"

#include <regex>
#include <string_view>

#include "caseload/core/text.hpp"

namespace caseload {
namespace {

bool is_plain_number(const std::string& s) {
  static const std::regex number("[+-]?[0-9]+(\\.[0-9]+)?");
  return std::regex_match(s, number);
}

// OWASP: a spreadsheet runs a cell that starts with = + - @ TAB or CR. One
// that starts with ' is marked too, so that a leading ' always is the mark.
bool needs_mark(const std::string& s) {
  return !s.empty() && std::string_view("=+-@\t\r'").find(s.front()) != std::string_view::npos &&
         !is_plain_number(s);
}

std::string without_crlf(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (!(s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n')) out += s[i];
  }
  return out;
}

}  // namespace

std::string csv_field(const std::string& raw) {
  std::string s = has_unsafe_characters(raw, true) ? escape_for_terminal(without_crlf(raw), true) : raw;
  if (needs_mark(s)) s.insert(0, 1, '\'');
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string csv_list(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) {
    if (&item != &items.front()) out += "; ";
    for (char c : escape_for_terminal(item)) {
      if (c == ';' || c == '\\') out += '\\';
      out += c;
    }
  }
  return out;
}

void write_csv_row(std::ostream& out, const std::vector<std::string>& fields) {
  for (size_t i = 0; i < fields.size(); ++i) out << (i ? "," : "") << csv_field(fields[i]);
  out << '\n';
}

}  // namespace caseload
