#pragma once
// The referral lifecycle of SPEC 2, in one place: the statuses, which moves
// between them are allowed, which are final; when a client's consent covers
// sharing with a resource; and the deadlines an approved enrollment gets
// from its program. The commands `refer`, `referral` and `enrollment`, the
// follow-up list and `check` all ask here.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "caseload/core/choices.hpp"
#include "caseload/core/records.hpp"

namespace caseload {

// One of choices::referral_status (every status, in lifecycle order).
bool is_referral_status(std::string_view status);

// Referral states after which nothing more happens: the statuses the moves
// table gives no moves from (completed, closed-unmet, declined, cancelled).
bool is_final_referral_status(std::string_view status);

// The statuses a history may start with: a referral is drafted or sent.
bool is_initial_referral_status(std::string_view status);

// The moves of SPEC 2: draft -> sent; sent -> accepted | declined |
// no-response; accepted -> completed | closed-unmet; any open state ->
// cancelled. One addition: a late answer moves no-response -> accepted |
// declined, so that a resource that replies after all is recorded on the
// same referral instead of a cancelled one and a copy. Staying in the same
// status is not a move.
bool referral_transition_allowed(std::string_view from, std::string_view to);

// The day a referral first reached `status` by its history (the day it was
// sent, accepted, ...); none when it never did.
std::optional<Date> first_reached(const Referral& r, std::string_view status);

// Where a referral in `from` may go next, in lifecycle order (empty when final).
std::vector<std::string> next_referral_statuses(std::string_view from);

// The consent entries that name the resource: by its ID, its organization,
// or "*" (organization names compared as people write them: case and
// accents aside). In force or not.
std::vector<const Consent*> consents_naming(const std::vector<Consent>& consents, const std::string& resource_id,
                                            const std::string& organization);

// Whether some entry naming the resource is in force today (given, not
// expired, not revoked): what sending a referral needs.
bool consent_covers(const std::vector<Consent>& consents, const std::string& resource_id,
                    const std::string& organization, const Date& today);

// Why the latest entry naming the resource is not in force, for messages,
// without its dates: "was revoked", "has expired", "is not in force yet
// (...)", "has no given date"; "" when none names it or it is in force.
std::string consent_lapse(const std::vector<Consent>& consents, const std::string& resource_id,
                          const std::string& organization, const Date& today);

// The deadlines of an enrollment approved on `decided`: a progress report
// after the program's report_every, a renewal after its renew_every (months
// clamp to the month's last day); none where the program sets no period.
struct EnrollmentDeadlines {
  std::optional<Date> next_report;
  std::optional<Date> renew_by;
};
EnrollmentDeadlines enrollment_deadlines(const Program& program, const Date& decided);

}  // namespace caseload
