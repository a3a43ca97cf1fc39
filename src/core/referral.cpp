#include "caseload/core/referral.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <utility>

#include "caseload/core/text.hpp"

namespace caseload {
namespace {

// The lifecycle as data: each open status and where it may go. Final
// statuses are those with no row (is_final_referral_status). Cancelling is written out per row so the table
// reads as the whole truth.
const std::vector<std::pair<std::string_view, std::vector<std::string_view>>>& moves() {
  static const std::vector<std::pair<std::string_view, std::vector<std::string_view>>> k_moves = {
      {"draft", {"sent", "cancelled"}},
      {"sent", {"accepted", "declined", "no-response", "cancelled"}},
      {"accepted", {"completed", "closed-unmet", "cancelled"}},
      {"no-response", {"accepted", "declined", "cancelled"}},
  };
  return k_moves;
}

const std::vector<std::string_view>* moves_from(std::string_view from) {
  for (const auto& [status, targets] : moves()) {
    if (status == from) return &targets;
  }
  return nullptr;
}

}  // namespace

bool is_referral_status(std::string_view status) { return is_one_of(status, choices::referral_status); }

bool is_final_referral_status(std::string_view status) { return is_referral_status(status) && !moves_from(status); }

std::optional<Date> first_reached(const Referral& r, std::string_view status) {
  for (const auto& h : r.history) {
    if (h.status == status && h.date) return h.date;
  }
  return std::nullopt;
}

bool is_initial_referral_status(std::string_view status) { return status == "draft" || status == "sent"; }

bool referral_transition_allowed(std::string_view from, std::string_view to) {
  const auto* targets = moves_from(from);
  return targets && contains(*targets, to);
}

std::vector<std::string> next_referral_statuses(std::string_view from) {
  std::vector<std::string> out;
  if (const auto* targets = moves_from(from)) {
    for (auto t : *targets) out.emplace_back(t);
  }
  return out;
}

std::vector<const Consent*> consents_naming(const std::vector<Consent>& consents, const std::string& resource_id,
                                            const std::string& organization) {
  const std::string org_key = organization.empty() ? std::string() : search_key(organization);
  std::vector<const Consent*> out;
  for (const auto& c : consents) {
    const bool names = c.to == "*" || c.to == resource_id || (!org_key.empty() && search_key(c.to) == org_key);
    if (names) out.push_back(&c);
  }
  return out;
}

bool consent_covers(const std::vector<Consent>& consents, const std::string& resource_id,
                    const std::string& organization, const Date& today) {
  const auto naming = consents_naming(consents, resource_id, organization);
  return std::any_of(naming.begin(), naming.end(), [&](const Consent* c) { return c->in_force(today); });
}

std::string consent_lapse(const std::vector<Consent>& consents, const std::string& resource_id,
                          const std::string& organization, const Date& today) {
  const auto naming = consents_naming(consents, resource_id, organization);
  if (naming.empty() || naming.back()->in_force(today)) return "";
  const Consent& c = *naming.back();
  // No dates: this ends up in check's output, and a consent's dates are the client's (SECURITY.md).
  if (c.revoked && *c.revoked <= today) return "was revoked";
  if (c.expires && *c.expires < today) return "has expired";
  if (c.given && *c.given > today) return "is not in force yet (given from a later day)";
  return "has no given date";
}

EnrollmentDeadlines enrollment_deadlines(const Program& program, const Date& decided) {
  auto after = [&](const std::optional<Period>& every) -> std::optional<Date> {
    if (!every) return std::nullopt;
    return every->after(decided);
  };
  return {after(program.report_every), after(program.renew_every)};
}

}  // namespace caseload
