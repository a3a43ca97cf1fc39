// The work section: contacts in the period, per week, worker and kind.
#include <map>

#include "caseload/core/choices.hpp"
#include "caseload/core/stats.hpp"

namespace caseload {
namespace {

void count_status(ContactCounts& c, const std::string& status) {
  if (status == "done") ++c.done;
  else if (status == "missed") ++c.missed;
  else if (status == "cancelled") ++c.cancelled;
  else if (status == "scheduled") ++c.scheduled;
}

Date monday_of(const Date& d) { return d.add_days(-d.weekday()); }

}  // namespace

WorkStats work_stats(const StatsClients& clients, const Settings& settings, const StatsQuery& q) {
  WorkStats s;
  for (Date w = monday_of(q.from); w <= q.until; w = w.add_days(7)) s.weeks.push_back(w);
  s.per_week.resize(s.weeks.size());
  std::map<std::string, WorkerWork> by_worker;
  std::map<std::string, ContactCounts> by_kind;
  const Date first_monday = s.weeks.empty() ? q.from : s.weeks.front();
  for (const ClientRecord* r : clients) {
    for (const auto& c : r->contacts) {
      if (!c.date || c.date->date < q.from || c.date->date > q.until) continue;
      if (!is_one_of(c.status, choices::contact_status)) continue;
      const size_t week = static_cast<size_t>(days_between(first_monday, c.date->date) / 7);
      // Whoever made the contact; the client's worker when the contact names none.
      const std::string& worker = c.worker.empty() ? r->client.worker : c.worker;
      WorkerWork& w = by_worker[worker];
      if (w.done_per_week.empty()) w.done_per_week.resize(s.weeks.size());
      count_status(s.total, c.status);
      count_status(s.per_week[week], c.status);
      count_status(w.contacts, c.status);
      count_status(by_kind[c.kind], c.status);
      if (c.status == "done") ++w.done_per_week[week];
      if (c.kind == "visit" && c.status != "scheduled") {
        ++s.visits;
        s.visits_missed += c.status == "missed";
      }
    }
  }
  std::vector<std::string> seen;
  for (const auto& [w, work] : by_worker) seen.push_back(w);
  for (const auto& w : stats_workers(settings, seen, q)) {
    WorkerWork work = by_worker[w];
    work.worker = w;
    work.done_per_week.resize(s.weeks.size());
    s.per_worker.push_back(std::move(work));
  }
  for (auto kind : choices::contact_kind) s.per_kind.push_back({std::string(kind), by_kind[std::string(kind)]});
  return s;
}

}  // namespace caseload
