#include "stats_view.hpp"

#include <fmt/format.h>

#include "caseload/core/text.hpp"
#include "caseload/report/json.hpp"

namespace caseload {
namespace {

// Values formatted as json and csv write them, redacted the same way.
class Cells {
 public:
  explicit Cells(const StatsReportInfo& info) : info_(info) {}
  std::string count(long n) const { return stats_value_text({StatsValue::Kind::Count, n, 0, "", n}, info_); }
  std::string decimal(const std::optional<double>& v, long base, int places = 1) const {
    if (!v) return "–";
    if (info_.redact && base > 0 && base < info_.min_group) return fmt::format("<{}", info_.min_group);
    return fixed_decimals(*v, places);
  }
  std::string signed_decimal(const std::optional<double>& v, long base) const {
    std::string s = decimal(v, base, 2);
    return v && *v > 0 && !s.starts_with('<') ? "+" + s : s;
  }
  std::string percent(long part, long whole) const {
    if (whole == 0) return "–";
    if (info_.redact && whole < info_.min_group) return fmt::format("<{}", info_.min_group);
    return fmt::format("{}%", (part * 100 + whole / 2) / whole);
  }

 private:
  const StatsReportInfo& info_;
};

StatsBlock table_block(std::string title, std::vector<std::string> headers) {
  StatsBlock b;
  b.title = std::move(title);
  b.table.right.assign(headers.size(), true);
  b.table.right[0] = false;
  b.table.headers = std::move(headers);
  return b;
}

StatsSectionView caseload_view(const CaseloadStats& s, const Cells& c) {
  StatsSectionView v{"caseload", "Caseload", {}};
  StatsBlock open = table_block("Open clients by worker and risk", {"WORKER", "HIGH", "MEDIUM", "LOW", "NONE", "OPEN"});
  open.chart = RowChart::bar;
  open.legend = {"high", "medium", "low", "none"};
  for (const auto& w : s.open_by_worker) {
    open.table.rows.push_back({stats_worker_label(w.worker), c.count(w.open.high), c.count(w.open.medium),
                               c.count(w.open.low), c.count(w.open.none), c.count(w.open.total())});
    open.series.push_back({w.open.high, w.open.medium, w.open.low, w.open.none});
  }
  open.table.rows.push_back({"all", c.count(s.open.high), c.count(s.open.medium), c.count(s.open.low),
                             c.count(s.open.none), c.count(s.open.total())});
  open.series.push_back({s.open.high, s.open.medium, s.open.low, s.open.none});
  v.blocks.push_back(std::move(open));

  StatsBlock moves;
  moves.title = "In the period";
  moves.facts = {{"intakes", c.count(s.intakes)},
                 {"reopenings", c.count(s.reopenings)},
                 {"closings", c.count(s.closings)},
                 {"median days open (open clients)", c.decimal(s.median_days_open, s.open.total())},
                 {"no contact in 30 / 60 / 90 days",
                  fmt::format("{} / {} / {}", c.count(s.no_contact_30), c.count(s.no_contact_60), c.count(s.no_contact_90))}};
  v.blocks.push_back(std::move(moves));
  if (!s.closings_by_reason.empty()) {
    StatsBlock reasons = table_block("Closings by reason", {"REASON", "CLOSINGS"});
    reasons.table.max_width = {60, 0};
    for (const auto& r : s.closings_by_reason) reasons.table.rows.push_back({r.name.empty() ? "(none)" : r.name, c.count(r.count)});
    v.blocks.push_back(std::move(reasons));
  }
  return v;
}

StatsSectionView work_view(const WorkStats& s, const Cells& c) {
  StatsSectionView v{"work", "Work done", {}};
  const std::string weeks = s.weeks.empty() ? "" : fmt::format("done per week, ▁ to █, weeks from Monday {}", s.weeks.front().str());
  StatsBlock workers = table_block("Contacts by worker", {"WORKER", "DONE", "MISSED", "CANCELLED", "SCHEDULED", "TOTAL"});
  workers.chart = RowChart::sparkline;
  workers.legend = {weeks};
  auto row = [&](const std::string& label, const ContactCounts& n) {
    return std::vector<std::string>{label, c.count(n.done), c.count(n.missed), c.count(n.cancelled),
                                    c.count(n.scheduled), c.count(n.total())};
  };
  for (const auto& w : s.per_worker) {
    workers.table.rows.push_back(row(stats_worker_label(w.worker), w.contacts));
    workers.series.push_back(w.done_per_week);
  }
  workers.table.rows.push_back(row("all", s.total));
  std::vector<long> all_done;
  for (const auto& w : s.per_week) all_done.push_back(w.done);
  workers.series.push_back(all_done);
  v.blocks.push_back(std::move(workers));

  StatsBlock weekly = table_block("Contacts per week", {"WEEK OF", "DONE", "MISSED", "CANCELLED", "SCHEDULED", "TOTAL"});
  for (size_t i = 0; i < s.weeks.size(); ++i) weekly.table.rows.push_back(row(s.weeks[i].str(), s.per_week[i]));
  v.blocks.push_back(std::move(weekly));

  StatsBlock kinds = table_block("Contacts by kind", {"KIND", "DONE", "MISSED", "CANCELLED", "SCHEDULED", "TOTAL"});
  for (const auto& k : s.per_kind) {
    if (k.contacts.total() > 0) kinds.table.rows.push_back(row(k.kind, k.contacts));
  }
  v.blocks.push_back(std::move(kinds));

  StatsBlock visits;
  visits.title = "Visits";
  visits.facts = {{"visits missed", fmt::format("{} of {} ({})", c.count(s.visits_missed), c.count(s.visits),
                                                c.percent(s.visits_missed, s.visits))}};
  v.blocks.push_back(std::move(visits));
  return v;
}

StatsSectionView followup_view(const FollowupStats& s, const Cells& c) {
  StatsSectionView v{"followups", "Follow-ups", {}};
  StatsBlock facts;
  facts.title = "Today";
  facts.facts = {{"overdue", c.count(s.overdue.total())}, {"due today", c.count(s.due_today)}};
  v.blocks.push_back(std::move(facts));
  StatsBlock ages = table_block("Overdue by worker and age", {"WORKER", "1-7 DAYS", "8-30 DAYS", "OVER 30", "OVERDUE"});
  ages.chart = RowChart::bar;
  ages.legend = {"1-7 days", "8-30 days", "over 30"};
  auto row = [&](const std::string& label, const AgeCounts& a) {
    ages.table.rows.push_back({label, c.count(a.days_1_7), c.count(a.days_8_30), c.count(a.over_30), c.count(a.total())});
    ages.series.push_back({a.days_1_7, a.days_8_30, a.over_30});
  };
  for (const auto& w : s.per_worker) row(stats_worker_label(w.worker), w.overdue);
  row("all", s.overdue);
  v.blocks.push_back(std::move(ages));
  if (!s.by_kind.empty()) {
    StatsBlock kinds = table_block("Overdue by kind", {"KIND", "OVERDUE"});
    for (const auto& k : s.by_kind) kinds.table.rows.push_back({k.name, c.count(k.count)});
    v.blocks.push_back(std::move(kinds));
  }
  return v;
}

StatsBlock change_block(std::string title, const std::vector<DomainOutcome>& domains, bool closed, const Cells& c) {
  StatsBlock b = table_block(std::move(title), {"DOMAIN", "CLIENTS", "MEAN CHANGE", "IMPROVED", "SAME", "WORSE"});
  for (const auto& d : domains) {
    const ScoreChange& s = closed ? d.closed : d.all;
    if (s.clients == 0) continue;
    b.table.rows.push_back({d.domain, c.count(s.clients), c.signed_decimal(s.mean(), s.clients), c.count(s.improved),
                            c.count(s.same), c.count(s.worse)});
  }
  return b;
}

StatsSectionView outcome_view(const OutcomeStats& s, const Cells& c) {
  StatsSectionView v{"outcomes", "Outcomes", {}};
  v.blocks.push_back(change_block("Score change, first to latest assessment", s.domains, false, c));
  StatsBlock closed = change_block("Score change of clients closed in the period, intake to closing", s.domains, true, c);
  closed.facts = {{"clients closed in the period", c.count(s.closed_clients)}};
  v.blocks.push_back(std::move(closed));
  StatsBlock goals;
  goals.title = "Goals";
  goals.facts = {{"active", c.count(s.goals_active)},
                 {"achieved", c.count(s.goals_achieved)},
                 {"on hold", c.count(s.goals_on_hold)},
                 {"abandoned", c.count(s.goals_abandoned)}};
  v.blocks.push_back(std::move(goals));
  return v;
}

// Two tables per grouping, so that each fits a terminal: how far the
// referrals got (with a bar), and how the others ended.
std::vector<StatsBlock> referral_blocks(const std::string& by, std::string first, const std::vector<ReferralGroup>& groups,
                                        const ReferralGroup& total, const Cells& c) {
  StatsBlock funnel = table_block("By " + by, {first, "SENT", "ACCEPTED", "COMPLETED", "DAYS TO ACCEPT", "DAYS TO COMPLETE"});
  funnel.chart = RowChart::bar;
  funnel.legend = {"completed", "accepted", "not accepted"};
  StatsBlock ended = table_block("Not accepted or not completed, by " + by,
                                 {std::move(first), "DECLINED", "NO RESPONSE", "CLOSED UNMET", "CANCELLED"});
  auto row = [&](const std::string& label, const ReferralGroup& g) {
    funnel.table.rows.push_back({label, c.count(g.sent), c.count(g.accepted), c.count(g.completed),
                                 c.decimal(g.median_days_to_accepted, g.accepted),
                                 c.decimal(g.median_days_to_completed, g.completed)});
    const long accepted_open = std::max(0L, g.accepted - g.completed);
    funnel.series.push_back({g.completed, accepted_open, std::max(0L, g.sent - g.completed - accepted_open)});
    ended.table.rows.push_back({label, c.count(g.declined), c.count(g.no_response), c.count(g.closed_unmet),
                                c.count(g.cancelled)});
  };
  for (const auto& g : groups) row(g.name.empty() ? "(none)" : g.name, g);
  row("all", total);
  return {std::move(funnel), std::move(ended)};
}

StatsSectionView referral_view(const ReferralStats& s, const Cells& c) {
  StatsSectionView v{"referrals", "Referrals sent in the period", {}};
  for (auto& b : referral_blocks("resource", "RESOURCE", s.per_resource, s.total, c)) v.blocks.push_back(std::move(b));
  // Only when a referral names a service: else the one row is "(none)".
  if (std::any_of(s.per_service.begin(), s.per_service.end(), [](const ReferralGroup& g) { return !g.name.empty(); })) {
    for (auto& b : referral_blocks("service", "RESOURCE/SERVICE", s.per_service, s.total, c))
      v.blocks.push_back(std::move(b));
  }
  for (auto& b : referral_blocks("domain", "DOMAIN", s.per_domain, s.total, c)) v.blocks.push_back(std::move(b));
  StatsBlock share;
  share.title = "Completed";
  share.facts = {{"completed", fmt::format("{} of {} ({})", c.count(s.total.completed), c.count(s.total.sent),
                                           c.percent(s.total.completed, s.total.sent))}};
  v.blocks.push_back(std::move(share));
  return v;
}

StatsSectionView benefit_view(const BenefitStats& s, const Cells& c) {
  StatsSectionView v{"benefits", "Benefits", {}};
  StatsBlock status = table_block("Enrollments by program and status",
                                  {"PROGRAM", "APPLIED", "APPROVED", "DENIED", "ENDED", "DECISIONS OVERDUE"});
  StatsBlock due = table_block("Reports and renewals due in the period",
                               {"PROGRAM", "REPORTS ON TIME", "LATE", "MISSING", "RENEWALS ON TIME", "LATE", "MISSING"});
  auto row = [&](const std::string& label, const ProgramBenefits& p) {
    status.table.rows.push_back({label, c.count(p.applied), c.count(p.approved), c.count(p.denied), c.count(p.ended),
                                 c.count(p.decisions_overdue)});
    due.table.rows.push_back({label, c.count(p.reports.on_time), c.count(p.reports.late), c.count(p.reports.missing),
                              c.count(p.renewals.on_time), c.count(p.renewals.late), c.count(p.renewals.missing)});
  };
  for (const auto& p : s.programs) row(p.program, p);
  row("all", s.total);
  v.blocks.push_back(std::move(status));
  v.blocks.push_back(std::move(due));
  return v;
}

}  // namespace

std::string stats_worker_label(const std::string& worker) { return worker.empty() ? "(none)" : worker; }

std::string stats_scope_line(const Stats& stats) {
  std::string line = fmt::format("{} to {} · {} clients", stats.query.from.str(), stats.query.until.str(), stats.clients);
  if (!stats.query.worker.empty()) line += " · worker " + stats.query.worker;
  if (stats.unreadable > 0) line += fmt::format(" · {} unreadable, left out", stats.unreadable);
  return line;
}

std::vector<StatsSectionView> stats_view(const Stats& stats, const StatsReportInfo& info) {
  const Cells c(info);
  std::vector<StatsSectionView> out;
  for (const auto& section : info.sections) {
    if (section == "caseload") out.push_back(caseload_view(stats.caseload, c));
    else if (section == "work") out.push_back(work_view(stats.work, c));
    else if (section == "followups") out.push_back(followup_view(stats.followups, c));
    else if (section == "outcomes") out.push_back(outcome_view(stats.outcomes, c));
    else if (section == "referrals") out.push_back(referral_view(stats.referrals, c));
    else if (section == "benefits") out.push_back(benefit_view(stats.benefits, c));
  }
  return out;
}

}  // namespace caseload
