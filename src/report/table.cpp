#include "caseload/report/table.hpp"

#include <algorithm>

#include "caseload/core/text.hpp"

namespace caseload {
namespace {
std::string wrap(bool on, const char* code, const std::string& s) {
  return on ? std::string("\x1b[") + code + "m" + s + "\x1b[0m" : s;
}
// Narrows the columns named by give_way, in that order, until the lines fit
// table.fit_width (or every such column is as narrow as its header).
void narrow_to_fit(const Table& table, std::vector<int>& width, std::vector<std::vector<std::string>>& cells) {
  int total = 0;
  for (int w : width) total += w;
  total += 2 * static_cast<int>(width.empty() ? 0 : width.size() - 1);
  for (size_t c : table.give_way) {
    if (total <= table.fit_width) break;
    if (c >= width.size()) continue;
    const int floor = display_width(table.headers[c]);
    const int narrower = std::max(floor, width[c] - (total - table.fit_width));
    if (narrower >= width[c]) continue;
    total -= width[c] - narrower;
    width[c] = narrower;
    for (auto& line : cells) line[c] = truncate_to_width(line[c], narrower);
  }
}

}  // namespace

void apply_fit(Table& table, const TableFit& fit) {
  if (fit.wide) {
    table.max_width.clear();
    table.fit_width = 0;
  } else {
    table.fit_width = fit.width;
  }
}

std::string Style::paint(Paint p, const std::string& s) const {
  switch (p) {
    case Paint::none: return s;
    case Paint::bold: return bold(s);
    case Paint::dim: return dim(s);
    case Paint::red: return red(s);
    case Paint::yellow: return yellow(s);
    case Paint::green: return green(s);
  }
  return s;
}

std::string Style::bold(const std::string& s) const { return wrap(color, "1", s); }
std::string Style::dim(const std::string& s) const { return wrap(color, "2", s); }
std::string Style::red(const std::string& s) const { return wrap(color, "31", s); }
std::string Style::yellow(const std::string& s) const { return wrap(color, "33", s); }
std::string Style::green(const std::string& s) const { return wrap(color, "32", s); }

void print_table(std::ostream& out, const Table& table, const Style& style) {
  const size_t columns = table.headers.size();
  std::vector<std::vector<std::string>> cells;
  auto fit = [&](const std::string& cell, size_t column) {
    // A cell from the store never reaches the terminal raw: an escape
    // sequence or a bidi override in a name could repaint the screen.
    std::string one = escape_for_terminal(first_line(cell));
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
  if (table.fit_width > 0) narrow_to_fit(table, width, cells);
  auto paint_of = [&](size_t row, size_t column) {
    return row < table.paint.size() && column < table.paint[row].size() ? table.paint[row][column] : Paint::none;
  };
  auto emit = [&](const std::vector<std::string>& line, bool header, size_t row) {
    std::string text;
    for (size_t c = 0; c < columns; ++c) {
      const bool last = c + 1 == columns;
      const bool right = c < table.right.size() && table.right[c];
      std::string cell = right ? std::string(width[c] - display_width(line[c]), ' ') + line[c]
                         : last ? line[c] : pad_to_width(line[c], width[c]);
      text += style.paint(header ? Paint::bold : paint_of(row, c), cell);
      if (!last) text += "  ";
    }
    while (!text.empty() && text.back() == ' ') text.pop_back();
    out << text << '\n';
  };
  if (table.groups.empty()) emit(table.headers, true, 0);
  for (size_t i = 0; i < cells.size(); ++i) {
    if (!table.groups.empty() && (i == 0 || table.groups[i] != table.groups[i - 1])) {
      if (i > 0) out << '\n';
      out << style.bold(table.groups[i]) << '\n';
      if (i == 0) emit(table.headers, true, 0);
    }
    emit(cells[i], false, i);
  }
}

}  // namespace caseload
