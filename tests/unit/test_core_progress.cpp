// A progress report's facts (core/progress) and its template (core/report_template).
#include <doctest/doctest.h>

#include "caseload/core/errors.hpp"
#include "caseload/core/progress.hpp"
#include "caseload/core/report_template.hpp"

using namespace caseload;

namespace {

Date d(const char* s) { return *Date::parse(s); }

EnrollmentEvent event(const char* date, const char* what) { return {d(date), what, ""}; }

Assessment assessment(const char* date, Scores scores) {
  Assessment a;
  a.date = d(date);
  a.scores = std::move(scores);
  return a;
}

Task task(const char* id, const char* status, std::optional<Date> due, std::optional<Date> done = std::nullopt) {
  Task t;
  t.id = id;
  t.status = status;
  t.due = due;
  t.done = done;
  return t;
}

Contact contact(const char* date) {
  Contact c;
  c.date = DateTime{d(date)};
  c.kind = "phone";
  c.status = "done";
  return c;
}

Referral referral(const char* id, const char* status, std::vector<std::pair<const char*, const char*>> history) {
  Referral r;
  r.id = id;
  r.status = status;
  for (auto [date, s] : history) r.history.push_back({d(date), s, "", ""});
  return r;
}

}  // namespace

TEST_CASE("the period starts at the last filed report, else the approval, else the application") {
  Enrollment e;
  e.applied = d("2026-01-05");
  CHECK(report_period(e, std::nullopt, d("2026-11-23"))->from == d("2026-01-05"));
  e.decided = d("2026-01-20");
  CHECK(report_period(e, std::nullopt, d("2026-11-23"))->from == d("2026-01-20"));
  e.history = {event("2026-01-20", "approved"), event("2026-04-20", "reported"), event("2026-07-21", "reported"),
               event("2026-08-01", "renewed")};
  const auto p = report_period(e, std::nullopt, d("2026-11-23"));
  CHECK(p->from == d("2026-07-21"));
  CHECK(p->until == d("2026-11-23"));
  // as of an earlier day, a report filed later does not count
  CHECK(report_period(e, std::nullopt, d("2026-05-01"))->from == d("2026-04-20"));
  // --since wins
  CHECK(report_period(e, d("2026-03-01"), d("2026-11-23"))->from == d("2026-03-01"));
  Enrollment undated;
  CHECK_FALSE(report_period(undated, std::nullopt, d("2026-11-23")));
  CHECK(report_period(undated, d("2026-10-01"), d("2026-11-23"))->from == d("2026-10-01"));
}

TEST_CASE("scores: the baseline is the latest assessment on or before the start, now the latest in the period") {
  Settings settings = default_settings();
  ClientRecord r;
  r.assessments = {assessment("2026-01-10", {{"housing", 1}, {"income", 2}}),
                   assessment("2026-03-01", {{"housing", 2}, {"income", 2}}),
                   assessment("2026-06-01", {{"housing", 4}, {"income", 1}, {"food", 0}}),
                   assessment("2026-12-01", {{"housing", 5}})};  // after the period: not "now"
  Program p;
  Enrollment e;
  const auto f = progress_facts(r, settings, p, e, {d("2026-04-01"), d("2026-11-23")});
  REQUIRE(f.start == &r.assessments[1]);
  REQUIRE(f.now == &r.assessments[2]);
  auto find = [&](const char* domain) -> const DomainProgress& {
    for (const auto& s : f.scores) {
      if (s.domain == domain) return s;
    }
    FAIL("domain not in the report: " << domain);
    throw 0;
  };
  CHECK(find("housing").change == 2);
  CHECK(find("income").change == -1);
  // food: not applicable now and not scored at the start: no change to show
  CHECK(find("food").now == 0);
  CHECK_FALSE(find("food").change);
  // in the store's order of domains, only those scored
  CHECK(f.scores.size() == 3);
  CHECK(f.scores[0].domain == "income");

  SUBCASE("no assessment before the start: the first in the period is the baseline") {
    const auto g = progress_facts(r, settings, p, e, {d("2025-12-01"), d("2026-11-23")});
    CHECK(g.start == &r.assessments[0]);
    CHECK(g.now == &r.assessments[2]);
  }
  SUBCASE("none up to the period's end") {
    const auto g = progress_facts(r, settings, p, e, {d("2025-01-01"), d("2025-12-31")});
    CHECK(g.now == nullptr);
    CHECK(g.scores.empty());
  }
}

TEST_CASE("tasks done in the period, open and overdue; goals count them") {
  ClientRecord r;
  Plan plan;
  Goal g1;
  g1.id = "g1";
  g1.status = "active";
  g1.tasks = {task("t1", "done", d("2026-09-01"), d("2026-09-02")),   // done in the period
              task("t2", "done", d("2026-05-01"), d("2026-05-03")),   // done before it: left out
              task("t3", "todo", d("2026-11-01")),                    // overdue
              task("t4", "todo", d("2026-12-10")),                    // open, not due yet
              task("t5", "todo", d("2026-11-23")),                    // due today: not overdue
              task("t6", "cancelled", d("2026-10-01"))};              // left out
  Goal g2;
  g2.id = "g2";
  g2.status = "on-hold";  // its tasks are not open (core/plan)
  g2.tasks = {task("t7", "todo", d("2026-10-01"))};
  plan.goals = {g1, g2};
  r.plan = plan;
  const auto f = progress_facts(r, default_settings(), Program{}, Enrollment{}, {d("2026-08-01"), d("2026-11-23")});
  REQUIRE(f.goals.size() == 2);
  CHECK(f.goals[0].done_in_period == 1);
  CHECK(f.goals[0].open == 3);
  CHECK(f.goals[0].overdue == 1);
  CHECK(f.goals[1].open == 0);
  REQUIRE(f.tasks.size() == 4);
  CHECK(f.tasks[0].task->id == "t1");
  CHECK(f.tasks[0].done_in_period);
  CHECK(f.tasks[1].task->id == "t3");
  CHECK(f.tasks[1].overdue);
  CHECK_FALSE(f.tasks[3].overdue);
}

TEST_CASE("contacts dated in the period; referrals touched in it or still open") {
  ClientRecord r;
  r.contacts = {contact("2026-07-31"), contact("2026-08-01"), contact("2026-11-23"), contact("2026-11-24")};
  r.referrals = {referral("done-before", "completed", {{"2026-03-01", "sent"}, {"2026-04-01", "completed"}}),
                 referral("open-before", "accepted", {{"2026-03-01", "sent"}, {"2026-04-01", "accepted"}}),
                 referral("closed-in", "declined", {{"2026-07-01", "sent"}, {"2026-09-01", "declined"}}),
                 referral("later", "sent", {{"2026-12-01", "sent"}})};
  const auto f = progress_facts(r, default_settings(), Program{}, Enrollment{}, {d("2026-08-01"), d("2026-11-23")});
  REQUIRE(f.contacts.size() == 2);
  CHECK(f.contacts[0] == &r.contacts[1]);
  CHECK(f.contacts[1] == &r.contacts[2]);
  REQUIRE(f.referrals.size() == 2);
  CHECK(f.referrals[0]->id == "open-before");
  CHECK(f.referrals[1]->id == "closed-in");
}

TEST_CASE("documents: as the paperwork rule gives them") {
  Program p;
  p.documents = {"id-card", "payslips-3m"};
  Enrollment e;
  e.documents = {{"id-card", d("2026-02-01"), std::nullopt, ""}};
  const auto f = progress_facts(ClientRecord{}, default_settings(), p, e, {d("2026-01-01"), d("2026-11-23")});
  REQUIRE(f.documents.size() == 2);
  CHECK(f.documents[0].state == "received");
  CHECK(f.documents[1].state == "missing");
}

TEST_CASE("templates: placeholders, their places and their errors") {
  const auto t = parse_report_template("# {{program_name}} for {{ client_id }}\n\n{{scores}}\n", "t.md");
  REQUIRE(t.pieces.size() == 7);
  CHECK(t.pieces[0].text == "# ");
  CHECK(t.pieces[1].placeholder);
  CHECK(t.pieces[1].text == "program_name");
  CHECK(t.pieces[3].text == "client_id");
  CHECK(t.pieces[5].text == "scores");
  CHECK(t.pieces[6].text == "\n");

  auto error_at = [](const char* text) {
    try {
      parse_report_template(text, "templates/x.md");
    } catch (const DataError& e) {
      return e.where().str() + " " + e.message();
    }
    return std::string("no error");
  };
  CHECK(error_at("# Report\n\nClient {{client_nme}}\n") == "templates/x.md:3:8 unknown placeholder");
  CHECK(error_at("{{client_id\n}}") == "templates/x.md:1:1 placeholder not closed on its line: write {{name}}");
  CHECK(error_at("Scores: {{scores}}\n") == "templates/x.md:1:9 {{scores}} is a section: put it on a line of its own");
  CHECK(error_at("  {{scores}}  \n") == "no error");
  CHECK_NOTHROW(parse_report_template(default_report_template(), "(default)"));
}
