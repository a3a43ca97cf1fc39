#pragma once
// From a parsed record to the plain values of core/records.hpp. Lenient: a
// value that is missing or malformed is left empty, and when `warnings` is
// given a warning names where it is, so a list can skip it and go on.
#include "caseload/core/diagnostic.hpp"
#include "caseload/core/records.hpp"
#include "caseload/store/document.hpp"
#include "caseload/store/fast_yaml.hpp"

namespace caseload {

Settings decode_settings(const Document& doc, Diagnostics* warnings = nullptr);
Client decode_client(const Document& doc, Diagnostics* warnings = nullptr);
Assessment decode_assessment(const Document& doc, Diagnostics* warnings = nullptr);
Plan decode_plan(const Document& doc, Diagnostics* warnings = nullptr);
Referral decode_referral(const Document& doc, Diagnostics* warnings = nullptr);
Contact decode_contact(const Document& doc, Diagnostics* warnings = nullptr);
Resource decode_resource(const Document& doc, Diagnostics* warnings = nullptr);

// The same for a record the fast reader read: the same record and warnings.
Settings decode_settings(const FastDocument& doc, Diagnostics* warnings = nullptr);
Client decode_client(const FastDocument& doc, Diagnostics* warnings = nullptr);
Assessment decode_assessment(const FastDocument& doc, Diagnostics* warnings = nullptr);
Plan decode_plan(const FastDocument& doc, Diagnostics* warnings = nullptr);
Referral decode_referral(const FastDocument& doc, Diagnostics* warnings = nullptr);
Contact decode_contact(const FastDocument& doc, Diagnostics* warnings = nullptr);
Resource decode_resource(const FastDocument& doc, Diagnostics* warnings = nullptr);

// The file name without folder and .yaml.
std::string file_stem(const std::string& path);

}  // namespace caseload
