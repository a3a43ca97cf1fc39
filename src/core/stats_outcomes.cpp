// The outcomes section: how scores moved per domain, and how goals ended.
#include <map>

#include "caseload/core/stats.hpp"

namespace caseload {
namespace {

// The first and the last score (a level of the scale; 0, not applicable, is
// no score) of each domain among a client's assessments dated from `from` to
// `until`, in their order (by date, then file name). One pass over the
// assessments for every domain: this runs once per client of the store.
struct FirstLast {
  int first = 0, last = 0, scored = 0;
};
std::vector<FirstLast> first_and_last(const ClientRecord& r, const std::map<std::string, size_t>& domain_index,
                                      const std::optional<Date>& from, const Date& until) {
  std::vector<FirstLast> out(domain_index.size());
  for (const auto& a : r.assessments) {
    if (!a.date || *a.date > until || (from && *a.date < *from)) continue;
    for (const auto& [domain, level] : a.scores) {
      auto it = domain_index.find(domain);
      if (it == domain_index.end() || level <= 0) continue;
      FirstLast& f = out[it->second];
      if (f.scored++ == 0) f.first = level;
      f.last = level;
    }
  }
  return out;
}

void add_change(ScoreChange& c, const FirstLast& scores) {
  if (scores.scored < 2) return;
  const int change = scores.last - scores.first;
  ++c.clients;
  c.sum += change;
  if (change > 0) ++c.improved;
  else if (change == 0) ++c.same;
  else ++c.worse;
}

bool closed_in_period(const Client& c, const StatsQuery& q) {
  return c.status == "closed" && c.closed && *c.closed >= q.from && *c.closed <= q.until;
}

void count_goals(OutcomeStats& s, const ClientRecord& r) {
  if (!r.plan) return;
  for (const auto& g : r.plan->goals) {
    if (g.status == "active") ++s.goals_active;
    else if (g.status == "achieved") ++s.goals_achieved;
    else if (g.status == "on-hold") ++s.goals_on_hold;
    else if (g.status == "abandoned") ++s.goals_abandoned;
  }
}

}  // namespace

OutcomeStats outcome_stats(const StatsClients& clients, const Settings& settings, const StatsQuery& q) {
  OutcomeStats s;
  std::map<std::string, size_t> domain_index;
  for (const auto& d : settings.domains) {
    domain_index.emplace(d.id, s.domains.size());
    s.domains.push_back({d.id, {}, {}});
  }
  for (const ClientRecord* r : clients) {
    count_goals(s, *r);
    const auto all = first_and_last(*r, domain_index, std::nullopt, q.until);
    for (size_t i = 0; i < all.size(); ++i) add_change(s.domains[i].all, all[i]);
    if (!closed_in_period(r->client, q)) continue;
    ++s.closed_clients;
    // Intake to closing: the episode that ended, up to its closing day.
    const auto closed = first_and_last(*r, domain_index, r->client.episode_start(), *r->client.closed);
    for (size_t i = 0; i < closed.size(); ++i) add_change(s.domains[i].closed, closed[i]);
  }
  return s;
}

}  // namespace caseload
