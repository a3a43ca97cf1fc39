// The caseload section: who is open with whom, what came and went in the period.
#include <algorithm>
#include <map>

#include "caseload/core/stats.hpp"

namespace caseload {
namespace {

bool in_period(const std::optional<Date>& d, const StatsQuery& q) { return d && *d >= q.from && *d <= q.until; }

void count_risk(RiskCounts& c, const std::string& risk) {
  if (risk == "low") ++c.low;
  else if (risk == "medium") ++c.medium;
  else if (risk == "high") ++c.high;
  else ++c.none;
}

// Days since the client was last reached: the last done contact, else the
// start of the current episode (a client never contacted since intake has
// gone that long without one); none when neither is known.
std::optional<long> days_without_contact(const ClientRecord& r, const Date& today) {
  if (const Contact* last = r.last_done_contact()) return days_between(last->date->date, today);
  if (auto start = r.client.episode_start()) return days_between(*start, today);
  return std::nullopt;
}

}  // namespace

CaseloadStats caseload_stats(const StatsClients& clients, const Settings& settings, const StatsQuery& q) {
  CaseloadStats s;
  std::map<std::string, RiskCounts> by_worker;
  std::map<std::string, long> reasons;
  std::vector<long> days_open;
  auto closing = [&](const std::optional<Date>& closed, const std::string& reason) {
    if (!in_period(closed, q)) return;
    ++s.closings;
    ++reasons[reason];
  };
  for (const ClientRecord* r : clients) {
    const Client& c = r->client;
    if (in_period(c.opened, q)) ++s.intakes;
    for (const auto& e : c.episodes) {
      closing(e.closed, e.closed_reason);
      if (in_period(e.reopened, q)) ++s.reopenings;
    }
    if (!c.is_open()) {
      if (c.status == "closed") closing(c.closed, c.closed_reason);
      continue;
    }
    count_risk(s.open, c.risk);
    count_risk(by_worker[c.worker], c.risk);
    if (auto start = c.episode_start(); start && *start <= q.today) days_open.push_back(days_between(*start, q.today));
    if (auto idle = days_without_contact(*r, q.today)) {
      s.no_contact_30 += *idle > 30;
      s.no_contact_60 += *idle > 60;
      s.no_contact_90 += *idle > 90;
    }
  }
  std::vector<std::string> seen;
  for (const auto& [w, counts] : by_worker) seen.push_back(w);
  for (const auto& w : stats_workers(settings, seen, q)) s.open_by_worker.push_back({w, by_worker[w]});
  for (const auto& [reason, n] : reasons) s.closings_by_reason.push_back({reason, n});
  std::stable_sort(s.closings_by_reason.begin(), s.closings_by_reason.end(),
                   [](const NamedCount& a, const NamedCount& b) { return a.count > b.count; });
  s.median_days_open = median_of(std::move(days_open));
  return s;
}

}  // namespace caseload
