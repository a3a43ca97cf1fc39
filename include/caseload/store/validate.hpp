#pragma once
// `caseload check` (SPEC 5): every problem in the store as a diagnostic with
// path:line:col, collected rather than thrown.
#include "caseload/core/diagnostic.hpp"
#include "caseload/store/document.hpp"
#include "caseload/store/store.hpp"

namespace caseload {

// Keys, types, enums and dates against the record's schema.
void validate_shape(const Document& doc, Diagnostics& out);
// Shape plus what the record says of the store: IDs matching names, known
// workers, domains, programs, resources.
struct StoreFacts;
void validate_record(const Document& doc, const StoreFacts& facts, Diagnostics& out);

// The whole store: every file, plus checks across files (duplicate clients,
// stray files, leftovers of interrupted writes, comments that a rewrite loses).
Diagnostics check_store(const Store& store);

// Lines holding a YAML comment (1-based), for the warning that rewriting drops them.
std::vector<int> comment_lines(const std::string& text);

struct StoreFacts {
  const Settings* settings = nullptr;
  std::vector<std::string> resources;
};

// check_store, plus what depends on the date: open referrals that no consent
// in force covers any more as of `today` (warnings).
Diagnostics check_store(const Store& store, const Date& today);

}  // namespace caseload
