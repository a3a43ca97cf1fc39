#pragma once
// The allowed values of every enumeration in the records, each written once:
// the schemas (store/schema), the validator, the commands' option checks,
// the referral lifecycle and the orders of the follow-up list and of a
// day's assessments all read these lists. A list's order is the order the
// values are documented and offered in.
#include <string>
#include <string_view>
#include <vector>

namespace caseload {
namespace choices {
inline const std::vector<std::string_view> client_status = {"open", "closed"};
inline const std::vector<std::string_view> risk = {"low", "medium", "high"};
inline const std::vector<std::string_view> assessment_kind = {"intake", "review", "closing"};
inline const std::vector<std::string_view> goal_status = {"active", "achieved", "on-hold",
                                                          "abandoned"};
inline const std::vector<std::string_view> task_status = {"todo", "done", "cancelled"};
// In lifecycle order; which moves are allowed is core/referral's table.
inline const std::vector<std::string_view> referral_status = {
    "draft", "sent", "accepted", "declined", "no-response", "completed", "closed-unmet",
    "cancelled"};
inline const std::vector<std::string_view> contact_kind = {"visit",   "call",       "office",
                                                           "message", "collateral", "note"};
inline const std::vector<std::string_view> contact_status = {"scheduled", "done", "missed",
                                                             "cancelled"};
inline const std::vector<std::string_view> enrollment_status = {"applied", "approved", "denied",
                                                                "ended"};
// What an enrollment's history records: its statuses, and the reports and
// renewals filed while it is approved.
inline const std::vector<std::string_view> enrollment_event = {"applied", "approved", "denied",
                                                               "reported", "renewed",  "ended"};
// How often an income or expense of finances.yaml recurs (core/decimal's MonthlySum).
inline const std::vector<std::string_view> every = {"week", "month", "year"};

// The position of `value` in `options`, -1 when it is not one of them: for
// orders that follow a list.
int index_of(const std::vector<std::string_view>& options, std::string_view value);

// The list as strings, in its order: what CLI::IsMember takes.
std::vector<std::string> as_strings(const std::vector<std::string_view>& options);
}  // namespace choices

bool is_one_of(std::string_view value, const std::vector<std::string_view>& options);
std::string join_choices(const std::vector<std::string_view>& options);  // "a, b, c"
// What is wrong with a value that is not one of `options`, without the value:
// "not one of: open, closed; did you mean 'open'?" (for `Open` or `opne`).
// Enumerations are exact: a case variant is not the value.
std::string not_one_of(std::string_view value, const std::vector<std::string_view>& options);

}  // namespace caseload
