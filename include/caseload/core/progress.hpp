#pragma once
// A progress report's facts (`caseload report`): what happened to a client
// in one enrollment's reporting period, taken from the case file. Pure: the
// report command renders it (report/progress_report) through the program's
// template.
#include <optional>
#include <string>
#include <vector>

#include "caseload/core/paperwork.hpp"
#include "caseload/core/records.hpp"

namespace caseload {

// The period a report covers: from the last filed report (the enrollment's
// latest `reported` event), else the approval (`decided`), else the
// application, up to today. `since` (--since) overrides the start.
struct ReportPeriod {
  Date from;
  Date until;
};
// nullopt when the enrollment has no date to start from and none is given.
std::optional<ReportPeriod> report_period(const Enrollment& enrollment, const std::optional<Date>& since,
                                          const Date& today);

// One domain's levels at the start of the period and now (0: not applicable).
struct DomainProgress {
  std::string domain;
  std::optional<int> start;
  std::optional<int> now;
  std::optional<int> change;  // now - start, when both are scored levels
};

// A task the period's report names: done in the period, or still open.
struct ReportTask {
  const Goal* goal;
  const Task* task;
  bool done_in_period;
  bool overdue;  // open, due before the period's last day
};

struct GoalProgress {
  const Goal* goal;
  int done_in_period = 0;
  int open = 0;
  int overdue = 0;
};

struct ProgressFacts {
  ReportPeriod period;
  // The baseline: the latest assessment on or before the start, else the
  // first in the period; now: the latest on or before the period's end.
  const Assessment* start = nullptr;
  const Assessment* now = nullptr;
  std::vector<DomainProgress> scores;  // the store's domains that either scores, in the store's order
  std::vector<GoalProgress> goals;  // every goal of the plan, in its order
  std::vector<ReportTask> tasks;    // goal by goal, in the plan's order
  std::vector<const Contact*> contacts;    // dated in the period, oldest first
  std::vector<const Referral*> referrals;  // with a history entry in the period, or still open
  std::vector<DocumentState> documents;
};

ProgressFacts progress_facts(const ClientRecord& record, const Settings& settings, const Program& program,
                             const Enrollment& enrollment, const ReportPeriod& period);

}  // namespace caseload
