#pragma once
// Canonical YAML: UTF-8, LF, block style, 2-space indent, keys in schema
// order with unknown keys kept where they stood, literal blocks for text.
// The output is a function of the content alone, so re-emitting an unchanged
// record gives the same bytes and `fmt` is idempotent.
#include <yaml-cpp/yaml.h>

#include <string>

#include "caseload/store/schema.hpp"

namespace caseload {

std::string emit_canonical(const YAML::Node& root, const Schema& schema);

// How one scalar is written; exposed for tests.
enum class ScalarContext { Block, Flow };
std::string emit_scalar_inline(const std::string& value, bool parsed_plain, FieldKind kind,
                               ScalarContext context);

}  // namespace caseload
