#pragma once
// Three-way structural merge of one record (caseload(5), "Merging"): what
// git's merge driver runs for a YAML file changed on both sides. Pure: bytes
// in, bytes out; the command reads and writes the files.
#include <string>
#include <vector>

#include "caseload/store/schema.hpp"

namespace caseload {

struct MergeResult {
  // The merged record in canonical form. When there are conflicts it holds
  // both values of each conflicting field between git-style markers
  // (<<<<<<< ours / ======= / >>>>>>> theirs) and is no longer YAML.
  std::string text;
  // Field paths of the true conflicts, e.g. "phone", "goals[g1].tasks[t3].due":
  // names and IDs only, never values (values are personal data).
  std::vector<std::string> conflicts;
  bool clean() const { return conflicts.empty(); }
};

// Merges `ours` and `theirs`, both changed from `base` (empty when the file
// was added on both sides). `path` names the file in errors. Throws
// DataError when any of the three does not parse as a record.
MergeResult merge_records(const std::string& path, const std::string& base, const std::string& ours,
                          const std::string& theirs, const Schema& schema);

}  // namespace caseload
