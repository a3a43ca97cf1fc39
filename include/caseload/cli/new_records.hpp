#pragma once
// New records as the program writes them: the tree for each, and a free
// file name for event files (one file per event, never overwritten).
#include <map>
#include <string>
#include <vector>

#include "caseload/core/date.hpp"
#include "caseload/core/records.hpp"
#include <functional>

#include "caseload/store/document.hpp"
#include "caseload/store/store.hpp"

namespace caseload {

// dir/<stem>-<random suffix>.yaml, a name no file has yet (see new_name_suffix).
std::string free_event_path(const Store& store, const std::string& dir, const std::string& stem,
                            const std::function<uint32_t()>& random);

// "housing=2" checked against the store's domains and scale; usage error otherwise.
std::pair<std::string, int> parse_score(const Settings& settings, const std::string& text);
std::string parse_need(const Settings& settings, const std::string& text);
// The new record in a free file of the client's folder, named by its date
// (and a contact's time and kind); `date` must be set.
Document new_assessment(const Store& store, const std::string& client_id, const Assessment& a,
                        const std::function<uint32_t()>& random);

Document new_contact(const Store& store, const std::string& client_id, const Contact& c,
                     const std::function<uint32_t()>& random);

// A consent entry of client.yaml (SPEC 2), as `consent add` and
// `refer --consent-given` record it.
inline const std::vector<std::string> k_default_consent_scope = {"contact", "needs"};
// The default: given today, for a year.
Consent default_consent(const std::string& to, const Date& today);
// Appends the entry to the client record's `consent` list.
void add_consent(Document& client, const Consent& consent);

}  // namespace caseload
