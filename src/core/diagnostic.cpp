#include "caseload/core/diagnostic.hpp"

#include <algorithm>
#include <tuple>

#include "caseload/core/text.hpp"

namespace caseload {

std::string Diagnostic::str() const {
  // A path or key from the store (a folder named with a newline or an
  // escape sequence) must not forge a line of `check` output.
  return escape_for_terminal(where.str()) + (severity == Severity::Error ? ": error: " : ": warning: ") +
         escape_for_terminal(message);
}

void sort_diagnostics(Diagnostics& list) {
  std::stable_sort(list.begin(), list.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.where.path, a.where.line, a.where.col, a.message) <
           std::tie(b.where.path, b.where.line, b.where.col, b.message);
  });
  list.erase(std::unique(list.begin(), list.end(),
                         [](const Diagnostic& a, const Diagnostic& b) { return a.str() == b.str(); }),
             list.end());
}

bool has_errors(const Diagnostics& list) {
  return std::any_of(list.begin(), list.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::Error; });
}

}  // namespace caseload
