// The figures of `caseload stats` under their json/csv names: the one list
// both formats write, so that they never differ (man/caseload.1, STATS FIGURES).
#include <fmt/format.h>

#include "caseload/core/text.hpp"
#include "caseload/report/json.hpp"
#include "caseload/report/stats_report.hpp"

namespace caseload {
namespace {

StatsValue count(long n) { return {StatsValue::Kind::Count, n, 0, "", n}; }
StatsValue decimal(const std::optional<double>& v, long base) {
  if (!v) return {};
  return {StatsValue::Kind::Decimal, 0, *v, "", base};
}
StatsValue share(long part, long whole) {
  if (whole == 0) return {};
  return decimal(static_cast<double>(part) / static_cast<double>(whole), whole);
}
StatsValue text(StatsValue::Kind kind, std::string s) { return {kind, 0, 0, std::move(s), 0}; }

class Figures {
 public:
  explicit Figures(std::vector<StatsFigure>& out) : out_(out) {}
  void section(std::string name) { section_ = std::move(name); }
  void add(const std::string& figure, StatsValue v) { out_.push_back({section_, figure, "", "", 0, std::move(v)}); }
  void add(const std::string& figure, const std::string& group, StatsValue v) {
    out_.push_back({section_, figure, group, "", 1, std::move(v)});
  }
  void add(const std::string& figure, const std::string& group, const std::string& subgroup, StatsValue v) {
    out_.push_back({section_, figure, group, subgroup, 2, std::move(v)});
  }
  // A figure's key under its group, or its only key when it has no group
  // (the totals: `contacts` by status, `open_by_worker` by worker and risk).
  void put(const std::string& figure, const std::optional<std::string>& group, const char* key, StatsValue v) {
    if (group) add(figure, *group, key, std::move(v));
    else add(figure, key, std::move(v));
  }

  void risks(const std::string& figure, const std::optional<std::string>& group, const RiskCounts& r, bool total) {
    put(figure, group, "low", count(r.low));
    put(figure, group, "medium", count(r.medium));
    put(figure, group, "high", count(r.high));
    put(figure, group, "none", count(r.none));
    if (total) put(figure, group, "total", count(r.total()));
  }
  void contacts(const std::string& figure, const std::optional<std::string>& group, const ContactCounts& c) {
    put(figure, group, "done", count(c.done));
    put(figure, group, "missed", count(c.missed));
    put(figure, group, "cancelled", count(c.cancelled));
    put(figure, group, "scheduled", count(c.scheduled));
    put(figure, group, "total", count(c.total()));
  }
  void ages(const std::string& figure, const std::optional<std::string>& group, const AgeCounts& a) {
    put(figure, group, "days_1_7", count(a.days_1_7));
    put(figure, group, "days_8_30", count(a.days_8_30));
    put(figure, group, "over_30", count(a.over_30));
    put(figure, group, "total", count(a.total()));
  }
  void change(const std::string& figure, const std::optional<std::string>& domain, const ScoreChange& c) {
    put(figure, domain, "clients", count(c.clients));
    put(figure, domain, "mean_change", decimal(c.mean(), c.clients));
    put(figure, domain, "improved", count(c.improved));
    put(figure, domain, "same", count(c.same));
    put(figure, domain, "worse", count(c.worse));
  }
  void referrals(const std::string& figure, const ReferralGroup& g, bool grouped) {
    const std::optional<std::string> group = grouped ? std::optional(g.name) : std::nullopt;
    auto put = [&](const char* key, StatsValue v) { this->put(figure, group, key, std::move(v)); };
    put("sent", count(g.sent));
    put("accepted", count(g.accepted));
    put("declined", count(g.declined));
    put("no-response", count(g.no_response));
    put("completed", count(g.completed));
    put("closed-unmet", count(g.closed_unmet));
    put("cancelled", count(g.cancelled));
    put("completed_share", share(g.completed, g.sent));
    put("median_days_to_accepted", decimal(g.median_days_to_accepted, g.accepted));
    put("median_days_to_completed", decimal(g.median_days_to_completed, g.completed));
  }
  void enrollments(const std::string& figure, const std::optional<std::string>& group, const ProgramBenefits& b) {
    put(figure, group, "applied", count(b.applied));
    put(figure, group, "approved", count(b.approved));
    put(figure, group, "denied", count(b.denied));
    put(figure, group, "ended", count(b.ended));
  }
  void deadlines(const std::string& figure, const std::optional<std::string>& group, const DeadlineCounts& d) {
    put(figure, group, "on_time", count(d.on_time));
    put(figure, group, "late", count(d.late));
    put(figure, group, "missing", count(d.missing));
  }

 private:
  std::vector<StatsFigure>& out_;
  std::string section_;
};

void caseload_figures(Figures& f, const CaseloadStats& s) {
  f.add("open", count(s.open.total()));
  f.risks("open_by_risk", std::nullopt, s.open, false);
  for (const auto& w : s.open_by_worker) f.risks("open_by_worker", w.worker, w.open, true);
  f.add("intakes", count(s.intakes));
  f.add("reopenings", count(s.reopenings));
  f.add("closings", count(s.closings));
  for (const auto& r : s.closings_by_reason) f.add("closings_by_reason", r.name, count(r.count));
  f.add("median_days_open", decimal(s.median_days_open, s.open.total()));
  f.add("no_contact_30", count(s.no_contact_30));
  f.add("no_contact_60", count(s.no_contact_60));
  f.add("no_contact_90", count(s.no_contact_90));
}

void work_figures(Figures& f, const WorkStats& s) {
  f.contacts("contacts", std::nullopt, s.total);
  for (size_t i = 0; i < s.weeks.size(); ++i) f.contacts("contacts_by_week", s.weeks[i].str(), s.per_week[i]);
  for (const auto& w : s.per_worker) f.contacts("contacts_by_worker", w.worker, w.contacts);
  for (const auto& w : s.per_worker) {
    for (size_t i = 0; i < s.weeks.size(); ++i) f.add("done_by_worker_week", w.worker, s.weeks[i].str(), count(w.done_per_week[i]));
  }
  for (const auto& k : s.per_kind) f.contacts("contacts_by_kind", k.kind, k.contacts);
  f.add("visits", count(s.visits));
  f.add("visits_missed", count(s.visits_missed));
  f.add("visits_missed_share", share(s.visits_missed, s.visits));
}

void followup_figures(Figures& f, const FollowupStats& s) {
  f.ages("overdue", std::nullopt, s.overdue);
  f.add("due_today", count(s.due_today));
  for (const auto& k : s.by_kind) f.add("overdue_by_kind", k.name, count(k.count));
  for (const auto& w : s.per_worker) f.ages("overdue_by_worker", w.worker, w.overdue);
  for (const auto& w : s.per_worker) {
    for (const auto& k : w.by_kind) f.add("overdue_by_worker_kind", w.worker, k.name, count(k.count));
  }
}

void outcome_figures(Figures& f, const OutcomeStats& s) {
  for (const auto& d : s.domains) f.change("score_change", d.domain, d.all);
  f.add("closed_clients", count(s.closed_clients));
  for (const auto& d : s.domains) f.change("score_change_closed", d.domain, d.closed);
  f.add("goals", "active", count(s.goals_active));
  f.add("goals", "achieved", count(s.goals_achieved));
  f.add("goals", "on-hold", count(s.goals_on_hold));
  f.add("goals", "abandoned", count(s.goals_abandoned));
}

void referral_figures(Figures& f, const ReferralStats& s) {
  f.referrals("referrals", s.total, false);
  for (const auto& g : s.per_resource) f.referrals("referrals_by_resource", g, true);
  for (const auto& g : s.per_service) f.referrals("referrals_by_service", g, true);
  for (const auto& g : s.per_domain) f.referrals("referrals_by_domain", g, true);
}

void benefit_figures(Figures& f, const BenefitStats& s) {
  f.enrollments("enrollments", std::nullopt, s.total);
  for (const auto& p : s.programs) f.enrollments("enrollments_by_program", p.program, p);
  f.deadlines("reports", std::nullopt, s.total.reports);
  for (const auto& p : s.programs) f.deadlines("reports_by_program", p.program, p.reports);
  f.deadlines("renewals", std::nullopt, s.total.renewals);
  for (const auto& p : s.programs) f.deadlines("renewals_by_program", p.program, p.renewals);
  f.add("decisions_overdue", count(s.total.decisions_overdue));
  for (const auto& p : s.programs) f.add("decisions_overdue_by_program", p.program, count(p.decisions_overdue));
}

}  // namespace

std::vector<StatsFigure> stats_figures(const Stats& stats, const StatsReportInfo& info) {
  std::vector<StatsFigure> out;
  Figures f(out);
  f.section("scope");
  f.add("from", text(StatsValue::Kind::Date, stats.query.from.str()));
  f.add("until", text(StatsValue::Kind::Date, stats.query.until.str()));
  f.add("today", text(StatsValue::Kind::Date, stats.query.today.str()));
  f.add("worker", stats.query.worker.empty() ? StatsValue{} : text(StatsValue::Kind::Text, stats.query.worker));
  f.add("clients", count(stats.clients));
  f.add("unreadable_clients", count(stats.unreadable));
  for (const auto& section : info.sections) {
    f.section(section);
    if (section == "caseload") caseload_figures(f, stats.caseload);
    else if (section == "work") work_figures(f, stats.work);
    else if (section == "followups") followup_figures(f, stats.followups);
    else if (section == "outcomes") outcome_figures(f, stats.outcomes);
    else if (section == "referrals") referral_figures(f, stats.referrals);
    else if (section == "benefits") benefit_figures(f, stats.benefits);
  }
  return out;
}

std::string stats_value_text(const StatsValue& v, const StatsReportInfo& info) {
  const bool small = info.redact && v.base > 0 && v.base < info.min_group;
  switch (v.kind) {
    case StatsValue::Kind::Count: return small ? fmt::format("<{}", info.min_group) : std::to_string(v.count);
    case StatsValue::Kind::Decimal: return small ? fmt::format("<{}", info.min_group) : fixed_decimals(v.decimal, 2);
    case StatsValue::Kind::Date:
    case StatsValue::Kind::Text: return v.text;
    case StatsValue::Kind::Null: return "";
  }
  return "";
}

}  // namespace caseload
