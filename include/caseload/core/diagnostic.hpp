#pragma once
// A finding about a store file, as `check` prints it: path:line:col: error|warning: message
#include <string>
#include <vector>

#include "caseload/core/errors.hpp"

namespace caseload {

enum class Severity { Warning, Error };

struct Diagnostic {
  Location where;
  Severity severity = Severity::Error;
  std::string message;

  std::string str() const;
};

using Diagnostics = std::vector<Diagnostic>;

// By path, then line, then column, then message: a stable order for people and diffs.
void sort_diagnostics(Diagnostics& list);
bool has_errors(const Diagnostics& list);

}  // namespace caseload
