#include "caseload/store/record_diff.hpp"

#include <fmt/format.h>

namespace caseload {
namespace {

std::string join(const std::string& prefix, const std::string& key) {
  return prefix.empty() ? key : prefix + "." + key;
}

std::string id_of(const YAML::Node& item) {
  if (!item.IsMap()) return "";
  const YAML::Node id = item["id"];
  return id && id.IsScalar() ? id.Scalar() : "";
}

// A list of maps with IDs; an absent or empty list counts too, so that the
// first task of a goal is reported as tasks[t1].
bool keyed_by_id(const YAML::Node& seq) {
  if (!seq || seq.IsNull()) return true;
  if (!seq.IsSequence()) return false;
  for (const auto& item : seq) {
    if (id_of(item).empty()) return false;
  }
  return true;
}

bool has_items(const YAML::Node& seq) { return seq && seq.IsSequence() && seq.size() > 0; }

YAML::Node find_by_id(const YAML::Node& seq, const std::string& id) {
  for (const auto& item : seq) {
    if (id_of(item) == id) return item;
  }
  return YAML::Node(YAML::NodeType::Undefined);
}

void diff(const YAML::Node& a, const YAML::Node& b, const std::string& at, std::vector<std::string>& out);

void diff_maps(const YAML::Node& a, const YAML::Node& b, const std::string& at, std::vector<std::string>& out) {
  for (const auto& kv : b) {
    const std::string key = kv.first.Scalar();
    diff(a[key], kv.second, join(at, key), out);
  }
  for (const auto& kv : a) {
    const std::string key = kv.first.Scalar();
    if (!b[key]) out.push_back(join(at, key));
  }
}

void diff_by_id(const YAML::Node& a, const YAML::Node& b, const std::string& at, std::vector<std::string>& out) {
  for (const auto& item : b) {
    const std::string id = id_of(item);
    diff(find_by_id(a, id), item, fmt::format("{}[{}]", at, id), out);
  }
  for (const auto& item : a) {
    const std::string id = id_of(item);
    if (!find_by_id(b, id)) out.push_back(fmt::format("{}[{}]", at, id));
  }
}

void diff(const YAML::Node& a, const YAML::Node& b, const std::string& at, std::vector<std::string>& out) {
  if (a && b && a.IsMap() && b.IsMap()) return diff_maps(a, b, at, out);
  if ((has_items(a) || has_items(b)) && keyed_by_id(a) && keyed_by_id(b)) {
    const YAML::Node none(YAML::NodeType::Sequence);
    return diff_by_id(has_items(a) ? a : none, has_items(b) ? b : none, at, out);
  }
  if (!same_node(a, b)) out.push_back(at);
}

}  // namespace

bool same_node(const YAML::Node& a, const YAML::Node& b) {
  if (!a || !b) return !a && !b;
  if (a.Type() != b.Type()) return false;
  switch (a.Type()) {
    case YAML::NodeType::Scalar: return a.Scalar() == b.Scalar();
    case YAML::NodeType::Sequence:
      if (a.size() != b.size()) return false;
      for (size_t i = 0; i < a.size(); ++i) {
        if (!same_node(a[i], b[i])) return false;
      }
      return true;
    case YAML::NodeType::Map:
      if (a.size() != b.size()) return false;
      for (const auto& kv : a) {
        if (!same_node(kv.second, b[kv.first.Scalar()])) return false;
      }
      return true;
    default: return true;  // both null
  }
}

std::vector<std::string> changed_fields(const YAML::Node& before, const YAML::Node& after) {
  std::vector<std::string> out;
  diff(before, after, "", out);
  return out;
}

}  // namespace caseload
