// The follow-ups section: what is overdue today, from the list's own items.
#include <map>

#include "caseload/core/stats.hpp"

namespace caseload {
namespace {

void count_age(AgeCounts& a, long days) {
  if (days <= 7) ++a.days_1_7;
  else if (days <= 30) ++a.days_8_30;
  else ++a.over_30;
}

std::vector<NamedCount> in_kind_order(const std::map<std::string, long>& counts) {
  std::vector<NamedCount> out;
  for (const auto& kind : k_followup_kinds) {
    if (auto it = counts.find(kind); it != counts.end()) out.push_back({kind, it->second});
  }
  return out;
}

}  // namespace

FollowupStats followup_stats(const std::vector<FollowupItem>& items, const Settings& settings, const StatsQuery& q) {
  FollowupStats s;
  std::map<std::string, long> kinds;
  std::map<std::string, std::pair<AgeCounts, std::map<std::string, long>>> by_worker;
  for (const auto& item : items) {
    if (item.date == q.today) ++s.due_today;
    if (item.overdue <= 0) continue;
    count_age(s.overdue, item.overdue);
    ++kinds[item.kind];
    auto& [ages, worker_kinds] = by_worker[item.worker];
    count_age(ages, item.overdue);
    ++worker_kinds[item.kind];
  }
  s.by_kind = in_kind_order(kinds);
  std::vector<std::string> seen;
  for (const auto& [w, counts] : by_worker) seen.push_back(w);
  for (const auto& w : stats_workers(settings, seen, q)) {
    const auto& [ages, worker_kinds] = by_worker[w];
    s.per_worker.push_back({w, ages, in_kind_order(worker_kinds)});
  }
  return s;
}

}  // namespace caseload
