#include "caseload/core/choices.hpp"

#include <algorithm>
#include <cctype>
#include <optional>

#include <fmt/format.h>

#include "caseload/core/spelling.hpp"

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

// The value itself is never part of the text: it may be anything a record
// holds, and messages end up in CI logs (SECURITY.md). The suggestion is one
// of the options, which are the schema's words.
std::string not_one_of(std::string_view value, const std::vector<std::string_view>& options) {
  std::string out = "not one of: " + join_choices(options);
  auto lower = [](std::string_view text) {
    std::string l(text);
    for (char& c : l) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return l;
  };
  std::optional<std::string_view> meant;
  for (const auto& o : options) {
    if (lower(value) == o) meant = o;
  }
  if (!meant) meant = likely_meant(lower(value), options);
  if (meant) out += fmt::format("; did you mean '{}'?", *meant);
  return out;
}

}  // namespace caseload
