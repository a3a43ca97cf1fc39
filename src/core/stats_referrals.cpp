// The referrals section: what became of the referrals sent in the period.
#include <algorithm>
#include <map>

#include "caseload/core/referral.hpp"
#include "caseload/core/stats.hpp"

namespace caseload {
namespace {

// Whether the referral ever was in `status`: in its history, or now.
bool reached(const Referral& r, std::string_view status) {
  return r.status == status ||
         std::any_of(r.history.begin(), r.history.end(), [&](const HistoryEntry& h) { return h.status == status; });
}

struct Group {
  ReferralGroup counts;
  std::vector<long> to_accepted, to_completed;

  void add(const Referral& r, const Date& sent) {
    ++counts.sent;
    counts.accepted += reached(r, "accepted");
    counts.declined += reached(r, "declined");
    counts.no_response += reached(r, "no-response");
    counts.completed += reached(r, "completed");
    counts.closed_unmet += reached(r, "closed-unmet");
    counts.cancelled += reached(r, "cancelled");
    if (auto d = first_reached(r, "accepted"); d && *d >= sent) to_accepted.push_back(days_between(sent, *d));
    if (auto d = first_reached(r, "completed"); d && *d >= sent) to_completed.push_back(days_between(sent, *d));
  }
  ReferralGroup done(std::string name) {
    counts.name = std::move(name);
    counts.median_days_to_accepted = median_of(std::move(to_accepted));
    counts.median_days_to_completed = median_of(std::move(to_completed));
    return counts;
  }
};

// The groups in name order, the one without a name ("" for none) last.
void none_last(std::map<std::string, Group>& groups, std::vector<ReferralGroup>& out) {
  for (auto& [name, g] : groups) {
    if (!name.empty()) out.push_back(g.done(name));
  }
  if (auto none = groups.find(""); none != groups.end()) out.push_back(none->second.done(""));
}

}  // namespace

ReferralStats referral_stats(const StatsClients& clients, const StatsQuery& q) {
  Group total;
  std::map<std::string, Group> resources, services, domains;
  for (const ClientRecord* c : clients) {
    for (const auto& r : c->referrals) {
      // A referral counts from the day it was sent (a draft is not yet one).
      const auto sent = first_reached(r, "sent");
      if (!sent || *sent < q.from || *sent > q.until) continue;
      total.add(r, *sent);
      resources[r.resource].add(r, *sent);
      // A resource ID has no '/', so the first one ends it.
      services[r.service.empty() ? "" : r.resource + "/" + r.service].add(r, *sent);
      domains[r.domain].add(r, *sent);
    }
  }
  ReferralStats s;
  s.total = total.done("");
  for (auto& [id, g] : resources) s.per_resource.push_back(g.done(id));
  none_last(services, s.per_service);
  none_last(domains, s.per_domain);
  return s;
}

}  // namespace caseload
