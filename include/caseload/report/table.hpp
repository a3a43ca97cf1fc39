#pragma once
// Tables for people: columns aligned by display width, so Bengali, CJK and
// combining accents line up; bold headers only when colour is on.
#include <ostream>
#include <string>
#include <vector>

namespace caseload {

// A cell's colour. Cells carry it beside their text, never as escape codes
// inside it: the table escapes every cell (text from the store may hold
// control characters) and only then colours it.
enum class Paint : unsigned char { none, bold, dim, red, yellow, green };

struct Style {
  bool color = false;
  std::string paint(Paint p, const std::string& s) const;
  std::string bold(const std::string& s) const;
  std::string dim(const std::string& s) const;
  std::string red(const std::string& s) const;
  std::string yellow(const std::string& s) const;
  std::string green(const std::string& s) const;
};

struct Table {
  std::vector<std::string> headers;
  std::vector<std::vector<std::string>> rows;
  std::vector<int> max_width;  // per column; 0 = no limit (cells are cut with …)
  // Per column: aligned right, as amounts are read by their decimal point.
  std::vector<bool> right;
  // Optional, per row and then per column: each cell's colour.
  std::vector<std::vector<Paint>> paint;
  // Optional, one per row: a heading printed before the first row of each
  // run of rows with the same group (columns stay aligned across groups).
  std::vector<std::string> groups;
  // The widest a line may be (0: no limit, as in a file or a pipe). A table
  // too wide gives way column by column in `give_way` order, each column
  // down to its header's width, its cells cut by display width.
  int fit_width = 0;
  std::vector<size_t> give_way;
};

// How wide a table for people may be: the terminal's width (or COLUMNS),
// and --wide, which shows every cell whole.
struct TableFit {
  int width = 0;  // 0: no limit
  bool wide = false;
};
// Sets the table's limits from `fit`: with --wide neither the width nor the
// columns' own max_width cut anything.
void apply_fit(Table& table, const TableFit& fit);

void print_table(std::ostream& out, const Table& table, const Style& style);

}  // namespace caseload
