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

struct AssessmentInput {
  Date date;
  std::string kind;
  std::string worker;
  std::vector<std::pair<std::string, int>> scores;  // in the order given
  std::vector<std::string> needs;
  std::string strengths;  // stored text (with final newline) or empty
  std::string notes;
};
// "housing=2" checked against the store's domains and scale; usage error otherwise.
std::pair<std::string, int> parse_score(const Settings& settings, const std::string& text);
std::string parse_need(const Settings& settings, const std::string& text);
Document new_assessment(const Store& store, const std::string& client_id, const AssessmentInput& in,
                        const std::function<uint32_t()>& random);

struct ContactInput {
  DateTime date;
  std::string kind;
  std::string status;
  std::string worker;
  std::string summary;
  std::string text;
  std::optional<Date> next;
};
Document new_contact(const Store& store, const std::string& client_id, const ContactInput& in,
                     const std::function<uint32_t()>& random);

// A consent entry of client.yaml (SPEC 2), as `consent add` and
// `refer --consent-given` record it.
inline const std::vector<std::string> k_default_consent_scope = {"contact", "needs"};
struct ConsentInput {
  std::string to;
  std::vector<std::string> scope;
  Date given;
  Date expires;
};
// The default: given today, for a year.
ConsentInput default_consent(const std::string& to, const Date& today);
// Appends the entry to the client record's `consent` list.
void add_consent(Document& client, const ConsentInput& in);

}  // namespace caseload
