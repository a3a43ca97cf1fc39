#pragma once
// The follow-up list (SPEC 4) as a pure function: records and today in,
// ordered items out. No I/O, no clock: every rule is unit-testable.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "caseload/core/records.hpp"
#include "caseload/core/referral.hpp"  // is_final_referral_status

namespace caseload {

// The kinds in the order of SPEC 4, which is also their order within a day.
// `unreadable` is a file of the client's folder that could not be read: it
// is dated today, comes first, and passes every date and worker filter, so
// that a broken file never makes a client drop off the list unnoticed.
inline const std::vector<std::string> k_followup_kinds = {"unreadable", "task",         "plan-review",
                                                          "referral",   "contact",      "contact-missed",
                                                          "contact-due", "reassessment", "report",
                                                          "renewal",    "decision",     "consent",
                                                          "finances",   "document"};

struct FollowupItem {
  Date date;
  std::string kind;
  std::string client;
  std::string name;
  std::string worker;
  std::string risk;  // "" when the client has none
  std::string what;
  std::string ref;  // "" for unreadable, plan-review, contact-due, reassessment, finances
  std::string path;
  long overdue = 0;  // days past `date` as of today
  int minutes = -1;  // the time of day of a timed item (a scheduled contact's), -1 for none
};

struct FollowupFilter {
  std::optional<Date> from;  // none: everything overdue is included
  Date until;
  std::vector<std::string> workers;  // empty: all
  std::vector<std::string> clients;  // client IDs; empty: all
  std::vector<std::string> kinds;    // empty: all
};

bool is_unreadable(const FollowupItem& item);

// Looks up a resource's display name by ID (the referral's `what`).
using ResourceNames = std::map<std::string, std::string>;

// Every item of one client, whatever its date (empty for closed clients).
std::vector<FollowupItem> followups_for(const ClientRecord& record, const Settings& settings,
                                        const ResourceNames& resources, const Date& today);

// The list: items of all clients within the filter, ordered by date, risk
// (high first), client ID, kind, then ref.
std::vector<FollowupItem> followups(const std::vector<ClientRecord>& records, const Settings& settings,
                                    const ResourceNames& resources, const Date& today,
                                    const FollowupFilter& filter);

void sort_followups(std::vector<FollowupItem>& items);

}  // namespace caseload
