#pragma once
// The supervision figures of `caseload stats` (issue 17) as a pure function
// of the records, the settings, a period and today: aggregates only, never a
// client's name or ID. Every figure is counted from the records in one place
// here (one file per section, src/core/stats_*.cpp), so that each output
// format only draws it; man/caseload.1 gives each figure's exact definition.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "caseload/core/followups.hpp"
#include "caseload/core/records.hpp"

namespace caseload {

// The sections, in the order they are computed and printed.
inline const std::vector<std::string> k_stats_sections = {"caseload", "work", "followups",
                                                          "outcomes", "referrals", "benefits"};

struct StatsQuery {
  Date from;   // the period, both days included
  Date until;
  Date today;  // "now" for what is open, overdue or missing
  std::string worker;  // only this worker's clients; "" for all
};

// The median of some day counts (a half for an even count); none when empty.
std::optional<double> median_of(std::vector<long> values);

// A named count: a closing reason, a follow-up kind.
struct NamedCount {
  std::string name;
  long count = 0;
};

struct RiskCounts {
  long low = 0, medium = 0, high = 0, none = 0;  // none: no risk set (or one not of choices::risk)
  long total() const { return low + medium + high + none; }
};

// Per worker: "" is the clients that have no worker.
struct WorkerCaseload {
  std::string worker;
  RiskCounts open;
};

struct CaseloadStats {
  RiskCounts open;
  std::vector<WorkerCaseload> open_by_worker;
  long intakes = 0;      // clients first opened in the period
  long reopenings = 0;   // episodes reopened in the period
  long closings = 0;     // episodes closed in the period (the current one and earlier ones)
  std::vector<NamedCount> closings_by_reason;  // most first, then by reason
  std::optional<double> median_days_open;      // of open clients, since their current episode began
  long no_contact_30 = 0, no_contact_60 = 0, no_contact_90 = 0;
};

struct ContactCounts {
  long done = 0, missed = 0, cancelled = 0, scheduled = 0;
  long total() const { return done + missed + cancelled + scheduled; }
};

struct WorkerWork {
  std::string worker;
  ContactCounts contacts;
  std::vector<long> done_per_week;  // one per StatsWork::weeks
};

struct KindWork {
  std::string kind;
  ContactCounts contacts;
};

struct WorkStats {
  std::vector<Date> weeks;  // the Monday of each week that has a day in the period
  std::vector<ContactCounts> per_week;
  ContactCounts total;
  std::vector<WorkerWork> per_worker;
  std::vector<KindWork> per_kind;  // every kind of choices::contact_kind, in its order
  long visits = 0;         // visits in the period that are done, missed or cancelled
  long visits_missed = 0;  // of those, missed
};

struct AgeCounts {
  long days_1_7 = 0, days_8_30 = 0, over_30 = 0;
  long total() const { return days_1_7 + days_8_30 + over_30; }
};

struct WorkerOverdue {
  std::string worker;
  AgeCounts overdue;
  std::vector<NamedCount> by_kind;  // kinds with overdue items, in k_followup_kinds order
};

struct FollowupStats {
  AgeCounts overdue;
  long due_today = 0;
  std::vector<NamedCount> by_kind;  // overdue items per kind, kinds with any, in k_followup_kinds order
  std::vector<WorkerOverdue> per_worker;
};

// The change of one domain's score from a first to a last assessment.
struct ScoreChange {
  long clients = 0, improved = 0, same = 0, worse = 0;
  long sum = 0;  // of last - first over the clients
  std::optional<double> mean() const;
};

struct DomainOutcome {
  std::string domain;
  ScoreChange all;     // clients with two scored assessments up to the period's end
  ScoreChange closed;  // clients closed in the period: their episode's first to last
};

struct OutcomeStats {
  std::vector<DomainOutcome> domains;  // the store's domains, in their order
  long closed_clients = 0;             // clients closed in the period (the `closed` cohort)
  long goals_active = 0, goals_achieved = 0, goals_on_hold = 0, goals_abandoned = 0;
};

struct ReferralGroup {
  std::string name;  // a resource ID, RESOURCE/SERVICE, a domain ID ("" for none), "" for the total
  long sent = 0, accepted = 0, declined = 0, no_response = 0, completed = 0, closed_unmet = 0, cancelled = 0;
  std::optional<double> median_days_to_accepted, median_days_to_completed;
};

struct ReferralStats {
  ReferralGroup total;
  std::vector<ReferralGroup> per_resource;  // by resource ID
  std::vector<ReferralGroup> per_service;   // RESOURCE/SERVICE, "" (none) last
  std::vector<ReferralGroup> per_domain;    // by domain ID, "" (none) last
};

struct DeadlineCounts {
  long on_time = 0, late = 0, missing = 0;
  long total() const { return on_time + late + missing; }
};

struct ProgramBenefits {
  std::string program;  // "" for the total
  long applied = 0, approved = 0, denied = 0, ended = 0;
  DeadlineCounts reports, renewals;
  long decisions_overdue = 0;
};

struct BenefitStats {
  ProgramBenefits total;
  std::vector<ProgramBenefits> programs;  // the store's programs in their order, then others by ID
};

struct Stats {
  StatsQuery query;
  long clients = 0;     // client folders counted (those of --worker, when given)
  long unreadable = 0;  // clients left out: their client.yaml cannot be read
  CaseloadStats caseload;
  WorkStats work;
  FollowupStats followups;
  OutcomeStats outcomes;
  ReferralStats referrals;
  BenefitStats benefits;
};

Stats compute_stats(const std::vector<ClientRecord>& records, const Settings& settings,
                    const ResourceNames& resources, const StatsQuery& query);

// The sections, one function each (src/core/stats_<section>.cpp), over the
// clients already chosen (readable, of the worker asked for).
using StatsClients = std::vector<const ClientRecord*>;
CaseloadStats caseload_stats(const StatsClients& clients, const Settings& settings, const StatsQuery& q);
WorkStats work_stats(const StatsClients& clients, const Settings& settings, const StatsQuery& q);
FollowupStats followup_stats(const std::vector<FollowupItem>& items, const Settings& settings, const StatsQuery& q);
OutcomeStats outcome_stats(const StatsClients& clients, const Settings& settings, const StatsQuery& q);
ReferralStats referral_stats(const StatsClients& clients, const StatsQuery& q);
BenefitStats benefit_stats(const StatsClients& clients, const std::vector<FollowupItem>& items,
                           const Settings& settings, const StatsQuery& q);

// The workers of a per-worker table: the store's, in their order, then any
// other worker a record names, by ID, then "" (no worker) when `seen` has it;
// with --worker, that worker alone.
std::vector<std::string> stats_workers(const Settings& settings, const std::vector<std::string>& seen,
                                       const StatsQuery& q);

}  // namespace caseload
