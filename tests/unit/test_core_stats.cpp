// The figures of `caseload stats` on a small hand-made store: six clients
// (one of them unreadable), whose right answers are worked out by hand in
// the comments and written in each check.
#include <doctest/doctest.h>

#include "caseload/core/stats.hpp"

using namespace caseload;

namespace {

Date d(const char* text) { return *Date::parse(text); }

// The period: two whole weeks, Monday 2 to Sunday 15 November; today is Monday 23.
StatsQuery query(const std::string& worker = "") { return {d("2026-11-02"), d("2026-11-15"), d("2026-11-23"), worker}; }

Settings settings() {
  Settings s = default_settings();
  s.workers = {{"a", "Worker A"}, {"b", "Worker B"}};
  s.domains = {{"housing", "Housing"}, {"food", "Food"}};
  s.programs = {{"p", "Program P", Period{1, 'm'}, Period{12, 'm'}, Period{14, 'd'}, {}, {}}};
  return s;
}

ClientRecord client(const std::string& id, const std::string& worker, const std::string& risk, const char* opened) {
  ClientRecord r;
  r.path = "clients/" + id + "/client.yaml";
  r.client.id = id;
  r.client.name = "Name " + id;
  r.client.worker = worker;
  r.client.risk = risk;
  r.client.status = "open";
  r.client.opened = d(opened);
  return r;
}

void contact(ClientRecord& r, const char* date, const char* kind, const char* status, const char* worker = "") {
  Contact c;
  c.id = std::string(date) + "-" + kind;
  c.path = "clients/" + r.client.id + "/contacts/" + c.id + ".yaml";
  c.date = DateTime{d(date), -1};
  c.kind = kind;
  c.status = status;
  c.worker = worker;
  r.contacts.push_back(c);
}

void assessment(ClientRecord& r, const char* date, Scores scores) {
  Assessment a;
  a.date = d(date);
  a.stem = date;
  a.path = "clients/" + r.client.id + "/assessments/" + std::string(date) + ".yaml";
  a.scores = std::move(scores);
  r.assessments.push_back(a);
}

void referral(ClientRecord& r, const char* resource, const char* domain,
              std::vector<std::pair<const char*, const char*>> history, const char* service = "") {
  Referral ref;
  ref.id = std::string(history.front().first) + "-" + resource;
  ref.path = "clients/" + r.client.id + "/referrals/" + ref.id + ".yaml";
  ref.resource = resource;
  ref.domain = domain;
  ref.service = service;
  for (const auto& [date, status] : history) ref.history.push_back({d(date), status, "", ""});
  ref.status = history.back().second;
  r.referrals.push_back(ref);
}

void goals(ClientRecord& r, std::vector<const char*> statuses) {
  Plan plan;
  plan.path = "clients/" + r.client.id + "/plan.yaml";
  int n = 0;
  for (const char* s : statuses) plan.goals.push_back({"g" + std::to_string(++n), "housing", "Goal", {}, s, {}});
  r.plan = plan;
}

Enrollment enrollment(const char* program, const char* status) {
  Enrollment e;
  e.program = program;
  e.status = status;
  return e;
}

std::vector<ClientRecord> store() {
  std::vector<ClientRecord> all;
  // C1, a's, high: taken in on 3 Nov, applied to p on 1 Nov (no decision:
  // `decision` due 15 Nov, 8 days overdue; no budget: `finances` due 1 Nov,
  // 22 days overdue). Last done contact 20 Nov (3 days), open 20 days.
  ClientRecord c1 = client("C1", "a", "high", "2026-11-03");
  contact(c1, "2026-11-03", "visit", "done", "a");
  contact(c1, "2026-11-10", "visit", "missed", "a");
  contact(c1, "2026-11-20", "call", "done", "a");
  assessment(c1, "2026-11-03", {{"housing", 1}, {"food", 2}});
  assessment(c1, "2026-11-10", {{"housing", 3}, {"food", 2}});
  referral(c1, "r1", "housing", {{"2026-11-04", "sent"}, {"2026-11-06", "accepted"}, {"2026-11-14", "completed"}}, "hot meals");
  goals(c1, {"active", "achieved"});
  Enrollment e1 = enrollment("p", "applied");
  e1.applied = d("2026-11-01");
  c1.client.enrollments.push_back(e1);
  all.push_back(c1);

  // C2, a's, low, open since 1 Jan (326 days); last done contact 1 Aug (114
  // days: `contact-due` 84 days overdue). Housing 3 -> 2. A report due 10 Nov
  // filed on 12 Nov (late); the one due 10 Oct filed 15 Oct (before the period).
  ClientRecord c2 = client("C2", "a", "low", "2026-01-01");
  contact(c2, "2026-08-01", "call", "done", "a");
  assessment(c2, "2026-02-01", {{"housing", 3}});
  assessment(c2, "2026-10-01", {{"housing", 2}});
  referral(c2, "r1", "housing", {{"2026-11-10", "sent"}}, "hot meals");
  referral(c2, "r1", "", {{"2026-11-02", "sent"}, {"2026-11-12", "no-response"}, {"2026-11-13", "accepted"}});
  goals(c2, {"on-hold"});
  Enrollment e2 = enrollment("p", "approved");
  e2.decided = d("2026-06-01");
  e2.next_report = d("2026-12-10");
  e2.renew_by = d("2027-06-01");
  e2.history = {{d("2026-06-01"), "approved", ""}, {d("2026-10-15"), "reported", ""}, {d("2026-11-12"), "reported", ""}};
  c2.client.enrollments.push_back(e2);
  all.push_back(c2);

  // C3, b's, medium, taken in on 20 Nov (after the period; 3 days open, no
  // contact: 3 days). No assessment (`reassessment` 3 days overdue), a visit
  // still scheduled for 12 Nov (`contact`, 11 days). The report due 5 Nov and
  // the renewal due 14 Nov were never filed (`report` 18, `renewal` 9 days).
  ClientRecord c3 = client("C3", "b", "medium", "2026-11-20");
  contact(c3, "2026-11-12", "visit", "scheduled");
  Enrollment e3 = enrollment("p", "approved");
  e3.next_report = d("2026-11-05");
  e3.renew_by = d("2026-11-14");
  e3.history = {{d("2026-10-01"), "approved", ""}, {d("2026-10-09"), "reported", ""}};
  c3.client.enrollments.push_back(e3);
  all.push_back(c3);

  // C4, b's, closed on 12 Nov ("moved") after a reopening on 4 Nov; its first
  // episode ended in 2025. Housing 1 (2025) -> 2 (intake) -> 4 (closing).
  ClientRecord c4 = client("C4", "b", "", "2025-01-01");
  c4.client.status = "closed";
  c4.client.closed = d("2026-11-12");
  c4.client.closed_reason = "moved";
  c4.client.episodes = {{d("2025-01-01"), d("2025-05-01"), "done", d("2026-11-04"), "back"}};
  contact(c4, "2026-11-05", "office", "done", "a");
  contact(c4, "2026-11-06", "visit", "cancelled");
  assessment(c4, "2025-01-10", {{"housing", 1}});
  assessment(c4, "2026-11-05", {{"housing", 2}, {"food", 0}});
  assessment(c4, "2026-11-12", {{"housing", 4}, {"food", 3}});
  referral(c4, "r2", "food", {{"2026-11-05", "sent"}, {"2026-11-07", "declined"}}, "parcels");
  referral(c4, "r2", "food", {{"2026-10-01", "sent"}, {"2026-10-03", "accepted"}}, "parcels");
  goals(c4, {"abandoned"});
  c4.client.enrollments = {enrollment("p", "denied"), enrollment("q", "ended")};
  all.push_back(c4);

  // C5: client.yaml cannot be read.
  ClientRecord c5;
  c5.path = "clients/C5/client.yaml";
  c5.client.id = "C5";
  c5.unreadable.push_back({{c5.path, 1, 1}, "bad"});
  all.push_back(c5);

  // C6, no worker, no risk, taken in on the period's last day (8 days open,
  // no contact: 8 days; `reassessment` 8 days overdue); a call due today.
  // A report due 15 Nov filed on 14 Nov (on time).
  ClientRecord c6 = client("C6", "", "", "2026-11-15");
  contact(c6, "2026-11-23", "call", "scheduled");
  Enrollment e6 = enrollment("p", "approved");
  e6.next_report = d("2026-12-15");
  e6.renew_by = d("2027-10-01");
  e6.history = {{d("2026-11-14"), "reported", ""}};
  c6.client.enrollments.push_back(e6);
  all.push_back(c6);
  return all;
}

Stats compute(const StatsQuery& q = query()) { return compute_stats(store(), settings(), {}, q); }

}  // namespace

TEST_SUITE("core::stats") {
  TEST_CASE("the clients counted, and those left out") {
    const Stats s = compute();
    CHECK(s.clients == 5);
    CHECK(s.unreadable == 1);
  }

  TEST_CASE("caseload: open clients by worker and risk, intakes, closings, time open, contact") {
    const CaseloadStats c = compute().caseload;
    CHECK(c.open.total() == 4);
    CHECK(c.open.high == 1);
    CHECK(c.open.medium == 1);
    CHECK(c.open.low == 1);
    CHECK(c.open.none == 1);
    REQUIRE(c.open_by_worker.size() == 3);
    CHECK(c.open_by_worker[0].worker == "a");
    CHECK(c.open_by_worker[0].open.high == 1);
    CHECK(c.open_by_worker[0].open.low == 1);
    CHECK(c.open_by_worker[0].open.total() == 2);
    CHECK(c.open_by_worker[1].worker == "b");
    CHECK(c.open_by_worker[1].open.medium == 1);
    CHECK(c.open_by_worker[1].open.total() == 1);
    CHECK(c.open_by_worker[2].worker == "");
    CHECK(c.open_by_worker[2].open.none == 1);
    CHECK(c.intakes == 2);  // C1 (3 Nov) and C6 (15 Nov, the last day counts)
    CHECK(c.reopenings == 1);
    CHECK(c.closings == 1);  // the 2025 closing is outside the period
    REQUIRE(c.closings_by_reason.size() == 1);
    CHECK(c.closings_by_reason[0].name == "moved");
    CHECK(c.closings_by_reason[0].count == 1);
    REQUIRE(c.median_days_open);
    CHECK(*c.median_days_open == doctest::Approx(14.0));  // 3, 8, 20, 326
    CHECK(c.no_contact_30 == 1);  // C2 at 114 days
    CHECK(c.no_contact_60 == 1);
    CHECK(c.no_contact_90 == 1);
  }

  TEST_CASE("work: contacts in the period per week, worker and kind; visits missed") {
    const WorkStats w = compute().work;
    REQUIRE(w.weeks.size() == 2);
    CHECK(w.weeks[0] == d("2026-11-02"));
    CHECK(w.weeks[1] == d("2026-11-09"));
    CHECK(w.total.done == 2);
    CHECK(w.total.missed == 1);
    CHECK(w.total.cancelled == 1);
    CHECK(w.total.scheduled == 1);
    CHECK(w.total.total() == 5);
    CHECK(w.per_week[0].done == 2);
    CHECK(w.per_week[0].cancelled == 1);
    CHECK(w.per_week[0].total() == 3);
    CHECK(w.per_week[1].missed == 1);
    CHECK(w.per_week[1].scheduled == 1);
    CHECK(w.per_week[1].total() == 2);
    REQUIRE(w.per_worker.size() == 2);
    // a made C4's office contact: it is a's work, though C4 is b's client.
    CHECK(w.per_worker[0].worker == "a");
    CHECK(w.per_worker[0].contacts.done == 2);
    CHECK(w.per_worker[0].contacts.missed == 1);
    CHECK(w.per_worker[0].contacts.total() == 3);
    CHECK(w.per_worker[0].done_per_week == std::vector<long>{2, 0});
    CHECK(w.per_worker[1].worker == "b");
    CHECK(w.per_worker[1].contacts.cancelled == 1);
    CHECK(w.per_worker[1].contacts.scheduled == 1);
    CHECK(w.per_worker[1].contacts.total() == 2);
    CHECK(w.per_worker[1].done_per_week == std::vector<long>{0, 0});
    REQUIRE(w.per_kind.size() == 6);
    CHECK(w.per_kind[0].kind == "visit");
    CHECK(w.per_kind[0].contacts.total() == 4);
    CHECK(w.per_kind[2].kind == "office");
    CHECK(w.per_kind[2].contacts.done == 1);
    CHECK(w.per_kind[1].contacts.total() == 0);  // the call of 20 Nov is after the period
    CHECK(w.visits == 3);
    CHECK(w.visits_missed == 1);
  }

  TEST_CASE("followups: overdue today by age, kind and worker, from the list's own items") {
    const FollowupStats f = compute().followups;
    CHECK(f.due_today == 1);
    CHECK(f.overdue.days_1_7 == 1);   // C3 reassessment 3
    CHECK(f.overdue.days_8_30 == 6);  // 8, 22, 11, 18, 9, 8
    CHECK(f.overdue.over_30 == 1);    // C2 contact-due 84
    CHECK(f.overdue.total() == 8);
    std::vector<std::pair<std::string, long>> kinds;
    for (const auto& k : f.by_kind) kinds.emplace_back(k.name, k.count);
    CHECK(kinds == std::vector<std::pair<std::string, long>>{{"contact", 1}, {"contact-due", 1}, {"reassessment", 2},
                                                             {"report", 1}, {"renewal", 1}, {"decision", 1},
                                                             {"finances", 1}});
    REQUIRE(f.per_worker.size() == 3);
    CHECK(f.per_worker[0].worker == "a");
    CHECK(f.per_worker[0].overdue.days_8_30 == 2);
    CHECK(f.per_worker[0].overdue.over_30 == 1);
    CHECK(f.per_worker[0].overdue.total() == 3);
    CHECK(f.per_worker[0].by_kind.size() == 3);
    CHECK(f.per_worker[1].worker == "b");
    CHECK(f.per_worker[1].overdue.days_1_7 == 1);
    CHECK(f.per_worker[1].overdue.days_8_30 == 3);
    CHECK(f.per_worker[1].by_kind.size() == 4);
    CHECK(f.per_worker[2].worker == "");
    CHECK(f.per_worker[2].overdue.days_8_30 == 1);
  }

  TEST_CASE("outcomes: score change per domain, at closing, and goals") {
    const OutcomeStats o = compute().outcomes;
    REQUIRE(o.domains.size() == 2);
    const ScoreChange& housing = o.domains[0].all;  // C1 1->3, C2 3->2, C4 1->4
    CHECK(o.domains[0].domain == "housing");
    CHECK(housing.clients == 3);
    CHECK(housing.sum == 4);
    CHECK(*housing.mean() == doctest::Approx(4.0 / 3.0));
    CHECK(housing.improved == 2);
    CHECK(housing.same == 0);
    CHECK(housing.worse == 1);
    const ScoreChange& food = o.domains[1].all;  // C1 2->2; C4's 0 is not a score
    CHECK(food.clients == 1);
    CHECK(food.same == 1);
    CHECK(*food.mean() == doctest::Approx(0.0));
    CHECK(o.closed_clients == 1);
    CHECK(o.domains[0].closed.clients == 1);  // C4 from its reopening: 2 -> 4
    CHECK(o.domains[0].closed.sum == 2);
    CHECK(o.domains[0].closed.improved == 1);
    CHECK(o.domains[1].closed.clients == 0);
    CHECK_FALSE(o.domains[1].closed.mean());
    CHECK(o.goals_active == 1);
    CHECK(o.goals_achieved == 1);
    CHECK(o.goals_on_hold == 1);
    CHECK(o.goals_abandoned == 1);
  }

  TEST_CASE("referrals: those sent in the period, per resource, service and domain") {
    const ReferralStats r = compute().referrals;
    CHECK(r.total.sent == 4);  // C4's of 1 Oct is before the period
    CHECK(r.total.accepted == 2);
    CHECK(r.total.declined == 1);
    CHECK(r.total.no_response == 1);
    CHECK(r.total.completed == 1);
    CHECK(r.total.closed_unmet == 0);
    CHECK(r.total.cancelled == 0);
    CHECK(*r.total.median_days_to_accepted == doctest::Approx(6.5));  // 2 and 11 days
    CHECK(*r.total.median_days_to_completed == doctest::Approx(10.0));
    REQUIRE(r.per_resource.size() == 2);
    CHECK(r.per_resource[0].name == "r1");
    CHECK(r.per_resource[0].sent == 3);
    CHECK(r.per_resource[0].accepted == 2);
    CHECK(r.per_resource[1].name == "r2");
    CHECK(r.per_resource[1].sent == 1);
    CHECK(r.per_resource[1].declined == 1);
    CHECK_FALSE(r.per_resource[1].median_days_to_accepted);
    // Per service, those naming none last; C4's of 1 Oct is before the period.
    REQUIRE(r.per_service.size() == 3);
    CHECK(r.per_service[0].name == "r1/hot meals");
    CHECK(r.per_service[0].sent == 2);
    CHECK(r.per_service[0].accepted == 1);
    CHECK(r.per_service[0].completed == 1);
    CHECK(*r.per_service[0].median_days_to_completed == doctest::Approx(10.0));
    CHECK(r.per_service[1].name == "r2/parcels");
    CHECK(r.per_service[1].sent == 1);
    CHECK(r.per_service[1].declined == 1);
    CHECK(r.per_service[1].accepted == 0);
    CHECK(r.per_service[2].name == "");
    CHECK(r.per_service[2].sent == 1);
    CHECK(r.per_service[2].no_response == 1);
    REQUIRE(r.per_domain.size() == 3);
    CHECK(r.per_domain[0].name == "food");
    CHECK(r.per_domain[1].name == "housing");
    CHECK(r.per_domain[1].sent == 2);
    CHECK(*r.per_domain[1].median_days_to_accepted == doctest::Approx(2.0));
    CHECK(r.per_domain[2].name == "");  // none last
    CHECK(r.per_domain[2].no_response == 1);
  }

  TEST_CASE("benefits: enrollments, reports and renewals by their due dates, decisions overdue") {
    const BenefitStats b = compute().benefits;
    REQUIRE(b.programs.size() == 2);
    const ProgramBenefits& p = b.programs[0];
    CHECK(p.program == "p");
    CHECK(p.applied == 1);
    CHECK(p.approved == 3);
    CHECK(p.denied == 1);
    CHECK(p.ended == 0);
    CHECK(p.reports.on_time == 1);  // C6
    CHECK(p.reports.late == 1);     // C2
    CHECK(p.reports.missing == 1);  // C3
    CHECK(p.renewals.on_time == 0);
    CHECK(p.renewals.late == 0);
    CHECK(p.renewals.missing == 1);  // C3
    CHECK(p.decisions_overdue == 1);  // C1
    CHECK(b.programs[1].program == "q");
    CHECK(b.programs[1].ended == 1);
    CHECK(b.total.approved == 3);
    CHECK(b.total.ended == 1);
    CHECK(b.total.reports.total() == 3);
    CHECK(b.total.decisions_overdue == 1);
  }

  TEST_CASE("--worker: only that worker's clients, and only its rows") {
    const Stats s = compute(query("b"));
    CHECK(s.clients == 2);  // C3 and C4
    REQUIRE(s.caseload.open_by_worker.size() == 1);
    CHECK(s.caseload.open_by_worker[0].worker == "b");
    CHECK(s.caseload.open.total() == 1);
    CHECK(s.caseload.intakes == 0);
    CHECK(s.caseload.closings == 1);
    CHECK(s.work.total.total() == 3);  // with a's office contact at C4
    REQUIRE(s.work.per_worker.size() == 1);
    CHECK(s.work.per_worker[0].contacts.total() == 2);
    CHECK(s.followups.overdue.total() == 4);
    CHECK(s.referrals.total.sent == 1);
  }

  TEST_CASE("median_of") {
    CHECK_FALSE(median_of({}));
    CHECK(*median_of({5}) == 5.0);
    CHECK(*median_of({9, 1, 4}) == 4.0);
    CHECK(*median_of({1, 2, 3, 10}) == 2.5);
  }
}
