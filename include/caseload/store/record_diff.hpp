#pragma once
// What changed between two versions of a record, by structure: the field
// paths, never the values (they are personal data), for `caseload log`.
#include <yaml-cpp/yaml.h>

#include <string>
#include <vector>

namespace caseload {

// Deep equality of two YAML trees (scalars by text).
bool same_node(const YAML::Node& a, const YAML::Node& b);

// Paths of the fields that differ, in document order: "phone",
// "goals[g1].tasks[t2].status", "consent[2]"; maps recurse by key, lists of
// maps with an `id` by id, anything else is compared whole.
std::vector<std::string> changed_fields(const YAML::Node& before, const YAML::Node& after);

}  // namespace caseload
