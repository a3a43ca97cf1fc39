#pragma once
// Tables for people: columns aligned by display width, so Bengali, CJK and
// combining accents line up; bold headers only when colour is on.
#include <ostream>
#include <string>
#include <vector>

namespace caseload {

struct Style {
  bool color = false;
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
  // Optional, one per row: a heading printed before the first row of each
  // run of rows with the same group (columns stay aligned across groups).
  std::vector<std::string> groups;
};

void print_table(std::ostream& out, const Table& table, const Style& style);

}  // namespace caseload
