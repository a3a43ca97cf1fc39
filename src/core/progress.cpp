// A progress report's facts: see core/progress.hpp.
#include "caseload/core/progress.hpp"

#include "caseload/core/plan.hpp"
#include "caseload/core/referral.hpp"

namespace caseload {
namespace {

bool in_period(const Date& d, const ReportPeriod& p) { return d >= p.from && d <= p.until; }

void assessments(ProgressFacts& f, const ClientRecord& r, const Settings& settings) {
  // Assessments are sorted by date; an undated one has no place in a period.
  for (const auto& a : r.assessments) {
    if (!a.date || *a.date > f.period.until) continue;
    if (*a.date <= f.period.from || !f.start) f.start = &a;
    f.now = &a;
  }
  if (!f.now) return;
  for (const auto& d : settings.domains) {
    DomainProgress s{d.id, f.start->score(d.id), f.now->score(d.id), std::nullopt};
    if (!s.start && !s.now) continue;
    if (s.start && s.now && *s.start > 0 && *s.now > 0) s.change = *s.now - *s.start;
    f.scores.push_back(s);
  }
}

void plan(ProgressFacts& f, const ClientRecord& r) {
  if (!r.plan) return;
  for (const auto& g : r.plan->goals) {
    GoalProgress gp{&g};
    for (const auto& t : g.tasks) {
      const bool done = t.status == "done" && t.done && in_period(*t.done, f.period);
      const bool open = task_is_open(g, t);
      if (!done && !open) continue;
      const bool overdue = open && t.due && *t.due < f.period.until;
      gp.done_in_period += done;
      gp.open += open;
      gp.overdue += overdue;
      f.tasks.push_back({&g, &t, done, overdue});
    }
    f.goals.push_back(gp);
  }
}

void referrals(ProgressFacts& f, const ClientRecord& r) {
  for (const auto& ref : r.referrals) {
    bool touched = false;
    bool begun = false;  // sent or drafted by the period's end
    for (const auto& h : ref.history) {
      if (!h.date) continue;
      touched |= in_period(*h.date, f.period);
      begun |= *h.date <= f.period.until;
    }
    if (touched || (begun && !is_final_referral_status(ref.status))) f.referrals.push_back(&ref);
  }
}

}  // namespace

std::optional<ReportPeriod> report_period(const Enrollment& e, const std::optional<Date>& since, const Date& today) {
  std::optional<Date> from = since;
  for (const auto& h : e.history) {
    if (!since && h.event == "reported" && h.date && *h.date <= today) from = h.date;
  }
  if (!from) from = e.decided ? e.decided : e.applied;
  if (!from) return std::nullopt;
  return ReportPeriod{*from, today};
}

ProgressFacts progress_facts(const ClientRecord& r, const Settings& settings, const Program& program,
                             const Enrollment& enrollment, const ReportPeriod& period) {
  ProgressFacts f{period};
  assessments(f, r, settings);
  plan(f, r);
  for (const auto& c : r.contacts) {
    if (c.date && in_period(c.date->date, period)) f.contacts.push_back(&c);
  }
  referrals(f, r);
  f.documents = document_states(program, enrollment);
  return f;
}

}  // namespace caseload
