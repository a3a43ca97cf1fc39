#pragma once
// From a parsed record to the plain values of core/records.hpp, by walking
// the record's field list. Lenient: a value that is missing or malformed is
// left empty, and when `warnings` is given a warning names where it is, so
// a list can skip it and go on.
#include "caseload/core/diagnostic.hpp"
#include "caseload/core/records.hpp"
#include "caseload/store/document.hpp"
#include "caseload/store/fast_yaml.hpp"

namespace caseload {

// T is a record of CASELOAD_FOR_EACH_RECORD; Doc is a Document (yaml-cpp) or
// a FastDocument (the fast reader), which give the same record and warnings.
template <typename T, typename Doc>
T decode_record(const Doc& doc, Diagnostics* warnings = nullptr);

// The file name without folder and .yaml.
std::string file_stem(const std::string& path);

}  // namespace caseload
