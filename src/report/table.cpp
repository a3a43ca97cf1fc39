#include "caseload/report/table.hpp"

#include <algorithm>

#include "caseload/core/text.hpp"

namespace caseload {
namespace {
std::string wrap(bool on, const char* code, const std::string& s) {
  return on ? std::string("\x1b[") + code + "m" + s + "\x1b[0m" : s;
}
}  // namespace

std::string Style::bold(const std::string& s) const { return wrap(color, "1", s); }
std::string Style::dim(const std::string& s) const { return wrap(color, "2", s); }
std::string Style::red(const std::string& s) const { return wrap(color, "31", s); }
std::string Style::yellow(const std::string& s) const { return wrap(color, "33", s); }
std::string Style::green(const std::string& s) const { return wrap(color, "32", s); }

void print_table(std::ostream& out, const Table& table, const Style& style) {
  const size_t columns = table.headers.size();
  std::vector<std::vector<std::string>> cells;
  auto fit = [&](const std::string& cell, size_t column) {
    std::string one = first_line(cell);
    int limit = column < table.max_width.size() ? table.max_width[column] : 0;
    return limit > 0 ? truncate_to_width(one, limit) : one;
  };
  std::vector<int> width(columns, 0);
  for (size_t c = 0; c < columns; ++c) width[c] = display_width(table.headers[c]);
  for (const auto& row : table.rows) {
    std::vector<std::string> line;
    for (size_t c = 0; c < columns; ++c) {
      line.push_back(fit(c < row.size() ? row[c] : "", c));
      width[c] = std::max(width[c], display_width(line.back()));
    }
    cells.push_back(std::move(line));
  }
  auto emit = [&](const std::vector<std::string>& line, bool header) {
    std::string text;
    for (size_t c = 0; c < columns; ++c) {
      const bool last = c + 1 == columns;
      std::string cell = last ? line[c] : pad_to_width(line[c], width[c]);
      text += header ? style.bold(cell) : cell;
      if (!last) text += "  ";
    }
    while (!text.empty() && text.back() == ' ') text.pop_back();
    out << text << '\n';
  };
  if (table.groups.empty()) emit(table.headers, true);
  for (size_t i = 0; i < cells.size(); ++i) {
    if (!table.groups.empty() && (i == 0 || table.groups[i] != table.groups[i - 1])) {
      if (i > 0) out << '\n';
      out << style.bold(table.groups[i]) << '\n';
      if (i == 0) emit(table.headers, true);
    }
    emit(cells[i], false);
  }
}

}  // namespace caseload
