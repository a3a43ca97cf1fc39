#include "caseload/core/stats.hpp"

#include <algorithm>
#include <set>

#include "caseload/core/text.hpp"

namespace caseload {

std::optional<double> median_of(std::vector<long> values) {
  if (values.empty()) return std::nullopt;
  std::sort(values.begin(), values.end());
  const size_t n = values.size();
  if (n % 2 == 1) return static_cast<double>(values[n / 2]);
  return (static_cast<double>(values[n / 2 - 1]) + static_cast<double>(values[n / 2])) / 2.0;
}

std::optional<double> ScoreChange::mean() const {
  if (clients == 0) return std::nullopt;
  return static_cast<double>(sum) / static_cast<double>(clients);
}

std::vector<std::string> stats_workers(const Settings& settings, const std::vector<std::string>& seen,
                                       const StatsQuery& q) {
  if (!q.worker.empty()) return {q.worker};
  std::vector<std::string> out;
  for (const auto& w : settings.workers) out.push_back(w.id);
  std::set<std::string> others;
  bool none = false;
  for (const auto& w : seen) {
    if (w.empty()) none = true;
    else if (!contains(out, w)) others.insert(w);
  }
  out.insert(out.end(), others.begin(), others.end());
  if (none) out.push_back("");
  return out;
}

Stats compute_stats(const std::vector<ClientRecord>& records, const Settings& settings,
                    const ResourceNames& resources, const StatsQuery& query) {
  Stats s;
  s.query = query;
  StatsClients clients;
  std::vector<FollowupItem> items;
  for (const auto& r : records) {
    // Whose client it is cannot be known when client.yaml cannot be read:
    // it is counted apart, never guessed into a worker's figures.
    if (!r.client_readable()) {
      ++s.unreadable;
      continue;
    }
    if (!query.worker.empty() && r.client.worker != query.worker) continue;
    clients.push_back(&r);
    // The follow-ups are the list's own rules (core/followups), not counted again here.
    for (auto& item : followups_for(r, settings, resources, query.today)) {
      if (!is_unreadable(item)) items.push_back(std::move(item));
    }
  }
  s.clients = static_cast<long>(clients.size());
  s.caseload = caseload_stats(clients, settings, query);
  s.work = work_stats(clients, settings, query);
  s.followups = followup_stats(items, settings, query);
  s.outcomes = outcome_stats(clients, settings, query);
  s.referrals = referral_stats(clients, query);
  s.benefits = benefit_stats(clients, items, settings, query);
  return s;
}

}  // namespace caseload
