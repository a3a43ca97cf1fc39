#include "caseload/core/choices.hpp"

#include <algorithm>

namespace caseload {

namespace choices {

int index_of(const std::vector<std::string_view>& options, std::string_view value) {
  const auto it = std::find(options.begin(), options.end(), value);
  return it == options.end() ? -1 : static_cast<int>(it - options.begin());
}

std::vector<std::string> as_strings(const std::vector<std::string_view>& options) {
  return {options.begin(), options.end()};
}

}  // namespace choices

bool is_one_of(std::string_view value, const std::vector<std::string_view>& options) {
  return choices::index_of(options, value) >= 0;
}

std::string join_choices(const std::vector<std::string_view>& options) {
  std::string out;
  for (const auto& o : options) {
    if (!out.empty()) out += ", ";
    out += o;
  }
  return out;
}

}  // namespace caseload
