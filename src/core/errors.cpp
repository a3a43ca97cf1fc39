#include "caseload/core/errors.hpp"

#include <fmt/format.h>

namespace caseload {

std::string Location::str() const {
  if (line <= 0) return path;
  if (col <= 0) return fmt::format("{}:{}", path, line);
  return fmt::format("{}:{}:{}", path, line, col);
}

}  // namespace caseload
