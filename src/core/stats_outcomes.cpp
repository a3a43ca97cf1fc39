// The outcomes section: how scores moved per domain, and how goals ended.
#include "caseload/core/stats.hpp"

namespace caseload {
namespace {

// The first and the last score (a level of the scale; 0, not applicable, is
// no score) of one domain among assessments dated from `from` to `until`,
// in their order (by date, then file name); none unless two assessments
// score it.
std::optional<std::pair<int, int>> first_and_last(const ClientRecord& r, const std::string& domain,
                                                  const std::optional<Date>& from, const Date& until) {
  std::optional<int> first, last;
  int scored = 0;
  for (const auto& a : r.assessments) {
    if (!a.date || *a.date > until || (from && *a.date < *from)) continue;
    const auto level = a.score(domain);
    if (!level || *level <= 0) continue;
    if (!first) first = level;
    last = level;
    ++scored;
  }
  if (scored < 2) return std::nullopt;
  return std::make_pair(*first, *last);
}

void add_change(ScoreChange& c, const std::pair<int, int>& scores) {
  const int change = scores.second - scores.first;
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
  for (const auto& d : settings.domains) s.domains.push_back({d.id, {}, {}});
  for (const ClientRecord* r : clients) {
    count_goals(s, *r);
    const bool closed = closed_in_period(r->client, q);
    s.closed_clients += closed;
    for (auto& d : s.domains) {
      if (auto scores = first_and_last(*r, d.domain, std::nullopt, q.until)) add_change(d.all, *scores);
      // Intake to closing: the episode that ended, up to its closing day.
      if (closed) {
        if (auto scores = first_and_last(*r, d.domain, r->client.episode_start(), *r->client.closed))
          add_change(d.closed, *scores);
      }
    }
  }
  return s;
}

}  // namespace caseload
