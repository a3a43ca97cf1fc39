// The benefits section: enrollments, and whether reports and renewals were
// made by the day they were due.
#include <map>

#include "caseload/core/stats.hpp"

namespace caseload {
namespace {

// A deadline kept at a fixed cadence: the enrollment's next date (next_report
// or renew_by) and the filings of its history (reported or renewed). Each
// filing moved the date on by one period from the day it was due
// (cmd_enroll's apply_filing), so the filings' due dates are found by going
// back from the next date one period per filing, the latest filing first:
// this holds whatever date the enrollment was approved with.
void count_deadlines(DeadlineCounts& c, const Enrollment& e, const std::optional<Date>& next,
                     const std::optional<Period>& every, std::string_view filing, const StatsQuery& q) {
  if (!next || !every) return;
  std::vector<Date> filed;
  for (const auto& h : e.history) {
    if (h.event == filing && h.date) filed.push_back(*h.date);
  }
  Date due = *next;
  for (auto it = filed.rbegin(); it != filed.rend(); ++it) {
    due = every->before(due);
    if (due < q.from || due > q.until) continue;
    if (*it <= due) ++c.on_time;
    else ++c.late;
  }
  // What is still to file while the benefit runs: each period's date that
  // has passed. A date in the period that is today or later is not missing yet.
  if (e.status != "approved") return;
  due = *next;
  for (int guard = 0; due < q.today && due <= q.until && guard < 10000; ++guard) {
    if (due >= q.from) ++c.missing;
    due = every->after(due);
  }
}

void add(ProgramBenefits& to, const ProgramBenefits& from) {
  to.applied += from.applied;
  to.approved += from.approved;
  to.denied += from.denied;
  to.ended += from.ended;
  to.reports.on_time += from.reports.on_time;
  to.reports.late += from.reports.late;
  to.reports.missing += from.reports.missing;
  to.renewals.on_time += from.renewals.on_time;
  to.renewals.late += from.renewals.late;
  to.renewals.missing += from.renewals.missing;
  to.decisions_overdue += from.decisions_overdue;
}

}  // namespace

BenefitStats benefit_stats(const StatsClients& clients, const std::vector<FollowupItem>& items,
                           const Settings& settings, const StatsQuery& q) {
  std::map<std::string, ProgramBenefits> by_program;
  for (const ClientRecord* r : clients) {
    for (const auto& e : r->client.enrollments) {
      ProgramBenefits& p = by_program[e.program];
      if (e.status == "applied") ++p.applied;
      else if (e.status == "approved") ++p.approved;
      else if (e.status == "denied") ++p.denied;
      else if (e.status == "ended") ++p.ended;
      const Program* program = settings.find_program(e.program);
      if (!program) continue;
      count_deadlines(p.reports, e, e.next_report, program->report_every, "reported", q);
      count_deadlines(p.renewals, e, e.renew_by, program->renew_every, "renewed", q);
    }
  }
  // A decision pending longer than the program's decision_after is the
  // follow-up list's `decision` item, overdue.
  for (const auto& item : items) {
    if (item.kind == "decision" && item.overdue > 0) ++by_program[item.ref].decisions_overdue;
  }
  BenefitStats s;
  for (const auto& p : settings.programs) {
    ProgramBenefits b = by_program[p.id];
    b.program = p.id;
    s.programs.push_back(b);
    by_program.erase(p.id);
  }
  for (auto& [id, b] : by_program) {
    b.program = id;
    s.programs.push_back(b);
  }
  for (const auto& b : s.programs) add(s.total, b);
  return s;
}

}  // namespace caseload
