// The follow-up rules of SPEC 4, one behaviour per case, on hand-built records.
#include <doctest/doctest.h>

#include <algorithm>

#include "caseload/core/followups.hpp"

using namespace caseload;

namespace {

const Date k_today{2026, 11, 23};

Date d(const char* text) { return *Date::parse(text); }

Settings settings() {
  Settings s = default_settings();
  s.workers = {{"aoki", "Hana Aoki"}, {"berg", "Ola Berg"}};
  s.defaults.worker = "aoki";
  s.programs = {{"child-benefit", "Child benefit", Period{3, 'm'}, Period{12, 'm'}, Period{30, 'd'}, {}, {}}};
  return s;
}

// An open client opened today with a contact today and an assessment today:
// nothing is due, so each test adds just what it is about.
ClientRecord quiet_client(const std::string& id = "K7Q2MX") {
  ClientRecord r;
  r.path = "clients/" + id + "/client.yaml";
  r.client.id = id;
  r.client.name = "Siti Rahayu";
  r.client.worker = "aoki";
  r.client.status = "open";
  r.client.opened = k_today;
  Contact c;
  c.id = "2026-11-23T1000-call";
  c.path = "clients/" + id + "/contacts/" + c.id + ".yaml";
  c.date = DateTime{k_today, 600};
  c.kind = "call";
  c.status = "done";
  r.contacts.push_back(c);
  Assessment a;
  a.path = "clients/" + id + "/assessments/2026-11-23.yaml";
  a.date = k_today;
  a.kind = "intake";
  r.assessments.push_back(a);
  return r;
}

std::vector<FollowupItem> items_of(const ClientRecord& r, const Date& today = k_today) {
  auto items = followups_for(r, settings(), {{"food-bank-north", "North Side Food Bank"}}, today);
  sort_followups(items);
  return items;
}

std::vector<FollowupItem> of_kind(const std::vector<FollowupItem>& items, const std::string& kind) {
  std::vector<FollowupItem> out;
  std::copy_if(items.begin(), items.end(), std::back_inserter(out), [&](const auto& i) { return i.kind == kind; });
  return out;
}

// Another done contact like `base`, dated `date` at 09:00, planning `next` (or nothing).
Contact done_contact(const Contact& base, const char* date, std::optional<Date> next = std::nullopt) {
  Contact c = base;
  c.id = std::string(date) + "T0900-call";
  c.date = DateTime{d(date), 540};
  c.next = next;
  return c;
}

Plan plan_with(const std::string& goal_status, const std::string& task_status, const char* due) {
  Plan p;
  p.path = "clients/K7Q2MX/plan.yaml";
  Goal g{"g1", "housing", "Stable housing", std::nullopt, goal_status, {}};
  g.tasks.push_back(Task{"t1", "Apply for housing benefit", "client", d(due), task_status, std::nullopt});
  p.goals.push_back(g);
  return p;
}

}  // namespace

TEST_SUITE("core::followups") {
  TEST_CASE("a quiet client yields only the future contact-due and reassessment items") {
    auto items = items_of(quiet_client());
    REQUIRE(items.size() == 2);
    CHECK(items[0].kind == "contact-due");
    CHECK(items[0].date == d("2026-12-23"));  // last contact + 30d
    CHECK(items[1].kind == "reassessment");
    CHECK(items[1].date == d("2027-02-21"));  // last assessment + 90d
  }

  TEST_CASE("closed clients yield nothing") {
    auto r = quiet_client();
    r.plan = plan_with("active", "todo", "2026-11-01");
    r.client.status = "closed";
    CHECK(items_of(r).empty());
  }

  TEST_CASE("todo tasks of active goals are items dated by their due date") {
    auto r = quiet_client();
    r.plan = plan_with("active", "todo", "2026-11-20");
    auto tasks = of_kind(items_of(r), "task");
    REQUIRE(tasks.size() == 1);
    CHECK(tasks[0].date == d("2026-11-20"));
    CHECK(tasks[0].ref == "t1");
    CHECK(tasks[0].what == "Apply for housing benefit");
    CHECK(tasks[0].path == "clients/K7Q2MX/plan.yaml");
    CHECK(tasks[0].overdue == 3);
  }

  TEST_CASE("tasks of goals that are not active are skipped") {
    for (const char* status : {"achieved", "on-hold", "abandoned"}) {
      auto r = quiet_client();
      r.plan = plan_with(status, "todo", "2026-11-20");
      CHECK_MESSAGE(of_kind(items_of(r), "task").empty(), status);
    }
  }

  TEST_CASE("done and cancelled tasks are skipped") {
    for (const char* status : {"done", "cancelled"}) {
      auto r = quiet_client();
      r.plan = plan_with("active", status, "2026-11-20");
      CHECK_MESSAGE(of_kind(items_of(r), "task").empty(), status);
    }
  }

  TEST_CASE("the plan review date is a plan-review item without a ref") {
    auto r = quiet_client();
    r.plan = Plan{"clients/K7Q2MX/plan.yaml", d("2026-11-23"), {}};
    auto reviews = of_kind(items_of(r), "plan-review");
    REQUIRE(reviews.size() == 1);
    CHECK(reviews[0].date == k_today);
    CHECK(reviews[0].ref.empty());
    CHECK(reviews[0].overdue == 0);
  }

  TEST_CASE("open referrals are followed up; final states are skipped") {
    auto r = quiet_client();
    for (const char* status : {"draft", "sent", "accepted", "no-response", "declined", "completed", "closed-unmet",
                               "cancelled"}) {
      Referral ref;
      ref.id = std::string("2026-11-16-food-bank-north-") + status;
      ref.path = "clients/K7Q2MX/referrals/" + ref.id + ".yaml";
      ref.resource = "food-bank-north";
      ref.status = status;
      ref.follow_up = d("2026-11-23");
      r.referrals.push_back(ref);
    }
    auto refs = of_kind(items_of(r), "referral");
    std::vector<std::string> statuses;
    for (const auto& i : refs) statuses.push_back(i.ref.substr(std::string("2026-11-16-food-bank-north-").size()));
    std::sort(statuses.begin(), statuses.end());
    CHECK(statuses == std::vector<std::string>{"accepted", "draft", "no-response", "sent"});
    CHECK(refs[0].what.find("North Side Food Bank") == 0);
  }

  TEST_CASE("a scheduled contact is an item on its date") {
    auto r = quiet_client();
    Contact c;
    c.id = "2026-11-26T1000-visit";
    c.path = "clients/K7Q2MX/contacts/2026-11-26T1000-visit.yaml";
    c.date = DateTime{d("2026-11-26"), 600};
    c.kind = "visit";
    c.status = "scheduled";
    c.summary = "Home visit";
    r.contacts.push_back(c);
    auto contacts = of_kind(items_of(r), "contact");
    REQUIRE(contacts.size() == 1);
    CHECK(contacts[0].date == d("2026-11-26"));
    CHECK(contacts[0].ref == "2026-11-26T1000-visit");
    CHECK(contacts[0].minutes == 600);  // a timed item
  }

  TEST_CASE("a missed or cancelled contact asks to be rescheduled until a later contact is scheduled or done") {
    auto r = quiet_client();
    r.contacts[0].date = DateTime{d("2026-11-10"), 600};
    Contact missed;
    missed.id = "2026-11-18T1400-visit";
    missed.path = "clients/K7Q2MX/contacts/2026-11-18T1400-visit.yaml";
    missed.date = DateTime{d("2026-11-18"), 840};
    missed.kind = "visit";
    missed.status = "missed";
    missed.summary = "Home visit";
    r.contacts.push_back(missed);
    SUBCASE("dated the day it was missed, with its ref and path") {
      auto items = of_kind(items_of(r), "contact-missed");
      REQUIRE(items.size() == 1);
      CHECK(items[0].date == d("2026-11-18"));
      CHECK(items[0].overdue == 5);
      CHECK(items[0].what == "Reschedule visit (missed 2026-11-18): Home visit");
      CHECK(items[0].ref == "2026-11-18T1400-visit");
      CHECK(items[0].path == missed.path);
    }
    SUBCASE("a cancelled one ahead of today is to be rescheduled today") {
      r.contacts[1].status = "cancelled";
      r.contacts[1].date = DateTime{d("2026-11-30"), 840};
      auto items = of_kind(items_of(r), "contact-missed");
      REQUIRE(items.size() == 1);
      CHECK(items[0].date == k_today);
      CHECK(items[0].what == "Reschedule visit (cancelled 2026-11-30): Home visit");
    }
    SUBCASE("a later scheduled or done contact ends it; an earlier one or a later missed one does not") {
      Contact other = missed;
      other.id = "other";
      other.status = "scheduled";
      other.date = DateTime{d("2026-11-17"), 600};
      r.contacts.push_back(other);
      CHECK(of_kind(items_of(r), "contact-missed").size() == 1);
      r.contacts.back().date = DateTime{d("2026-11-25"), 600};
      CHECK(of_kind(items_of(r), "contact-missed").empty());
      r.contacts.back().status = "done";
      r.contacts.back().date = DateTime{d("2026-11-20"), -1};
      CHECK(of_kind(items_of(r), "contact-missed").empty());
      r.contacts.back().status = "cancelled";
      CHECK(of_kind(items_of(r), "contact-missed").size() == 2);
    }
    SUBCASE("on the same day, a contact before it does not count; one without a time does") {
      Contact other = done_contact(r.contacts[0], "2026-11-18");  // 09:00, before 14:00
      r.contacts.push_back(other);
      CHECK(of_kind(items_of(r), "contact-missed").size() == 1);
      r.contacts.back().date = DateTime{d("2026-11-18"), 900};
      CHECK(of_kind(items_of(r), "contact-missed").empty());
      r.contacts.back().date = DateTime{d("2026-11-18"), -1};
      CHECK(of_kind(items_of(r), "contact-missed").empty());
    }
  }

  TEST_CASE("contact-due follows the last done contact's next date, else its date plus the cadence") {
    auto r = quiet_client();
    r.contacts[0].date = DateTime{d("2026-10-01"), 600};
    SUBCASE("cadence from the store default") {
      auto due = of_kind(items_of(r), "contact-due");
      REQUIRE(due.size() == 1);
      CHECK(due[0].date == d("2026-10-31"));
      CHECK(due[0].overdue == 23);
    }
    SUBCASE("a client's contact_every overrides the default") {
      r.client.contact_every = Period{14, 'd'};
      CHECK(of_kind(items_of(r), "contact-due")[0].date == d("2026-10-15"));
    }
    SUBCASE("next wins over the cadence") {
      r.contacts[0].next = d("2026-11-25");
      CHECK(of_kind(items_of(r), "contact-due")[0].date == d("2026-11-25"));
    }
    SUBCASE("a later contact without next keeps the planned date while it is still ahead of it") {
      r.contacts[0].next = d("2026-11-25");
      r.contacts.push_back(done_contact(r.contacts[0], "2026-11-20"));
      auto due = of_kind(items_of(r), "contact-due");
      REQUIRE(due.size() == 1);
      CHECK(due[0].date == d("2026-11-25"));
      CHECK(due[0].what == "Contact planned (last 2026-11-20)");
    }
    SUBCASE("the planned date is kept even once it is overdue, until a contact on or after it") {
      r.contacts[0].next = d("2026-11-10");
      r.contacts.push_back(done_contact(r.contacts[0], "2026-11-05"));
      auto due = of_kind(items_of(r), "contact-due");
      REQUIRE(due.size() == 1);
      CHECK(due[0].date == d("2026-11-10"));
      CHECK(due[0].overdue == 13);
      r.contacts.back() = done_contact(r.contacts[0], "2026-11-10");  // on the planned date: done
      CHECK(of_kind(items_of(r), "contact-due")[0].date == d("2026-12-10"));
    }
    SUBCASE("a later contact with its own next replaces the planned date") {
      r.contacts[0].next = d("2026-11-25");
      r.contacts.push_back(done_contact(r.contacts[0], "2026-11-20", d("2026-12-04")));
      CHECK(of_kind(items_of(r), "contact-due")[0].date == d("2026-12-04"));
    }
    SUBCASE("missed and scheduled contacts do not count as the last contact") {
      Contact missed = r.contacts[0];
      missed.date = DateTime{d("2026-11-20"), 600};
      missed.status = "missed";
      r.contacts.push_back(missed);
      CHECK(of_kind(items_of(r), "contact-due")[0].date == d("2026-10-31"));
    }
  }

  TEST_CASE("without any done contact, contact-due counts from the opening date") {
    auto r = quiet_client();
    r.contacts.clear();
    r.client.opened = d("2026-10-01");
    CHECK(of_kind(items_of(r), "contact-due")[0].date == d("2026-10-31"));
  }

  TEST_CASE("a scheduled contact on or before the contact-due date suppresses it") {
    auto r = quiet_client();
    r.contacts[0].date = DateTime{d("2026-10-24"), 600};  // due 2026-11-23
    Contact s;
    s.id = "x";
    s.kind = "visit";
    s.status = "scheduled";
    SUBCASE("on the date") {
      s.date = DateTime{d("2026-11-23"), -1};
      r.contacts.push_back(s);
      CHECK(of_kind(items_of(r), "contact-due").empty());
    }
    SUBCASE("after the date it does not") {
      s.date = DateTime{d("2026-11-24"), -1};
      r.contacts.push_back(s);
      CHECK(of_kind(items_of(r), "contact-due").size() == 1);
    }
  }

  TEST_CASE("reassessment is the last assessment plus reassess_every, months clamping") {
    auto r = quiet_client();
    Settings s = settings();
    s.defaults.reassess_every = Period{3, 'm'};
    r.assessments[0].date = d("2026-11-30");
    auto items = followups_for(r, s, {}, k_today);
    auto re = of_kind(items, "reassessment");
    REQUIRE(re.size() == 1);
    CHECK(re[0].date == d("2027-02-28"));
    CHECK(re[0].ref.empty());
  }

  TEST_CASE("approved enrollments give report and renewal items; applied ones a decision after decision_after") {
    auto r = quiet_client();
    r.client.enrollments.push_back({"child-benefit", "approved", d("2026-09-01"), d("2026-09-20"), d("2026-11-25"),
                                    d("2027-09-20"), std::nullopt, {}});
    auto items = items_of(r, k_today);
    auto reports = of_kind(items, "report");
    REQUIRE(reports.size() == 1);
    CHECK(reports[0].date == d("2026-11-25"));
    CHECK(reports[0].ref == "child-benefit");
    CHECK(of_kind(items, "renewal")[0].date == d("2027-09-20"));
    CHECK(of_kind(items, "decision").empty());

    r.client.enrollments = {{"child-benefit", "applied", d("2026-10-20"), std::nullopt, std::nullopt, std::nullopt, std::nullopt, {}}};
    auto decision = of_kind(items_of(r), "decision");
    REQUIRE(decision.size() == 1);
    CHECK(decision[0].date == d("2026-11-19"));
    CHECK(decision[0].overdue == 4);
    CHECK(of_kind(items_of(r), "report").empty());

    r.client.enrollments[0].status = "denied";
    CHECK(of_kind(items_of(r), "decision").empty());
  }

  TEST_CASE("missing documents: due from the application, or two weeks before the report or renewal") {
    Settings s = settings();
    s.programs[0].documents = {"id-card", "birth-certificates"};
    auto docs = [&](const ClientRecord& r, const Date& today) {
      auto items = followups_for(r, s, {}, today);
      return of_kind(items, "document");
    };
    auto r = quiet_client();
    Enrollment e;
    e.program = "child-benefit";
    e.status = "applied";
    e.applied = d("2026-11-10");
    e.documents = {{"id-card", d("2026-11-12"), std::nullopt, ""}};
    r.client.enrollments = {e};
    auto pending = docs(r, k_today);
    REQUIRE(pending.size() == 1);
    CHECK(pending[0].ref == "birth-certificates");
    CHECK(pending[0].date == d("2026-11-10"));
    CHECK(pending[0].overdue == 13);

    // waived counts as done; so does received
    r.client.enrollments[0].documents.push_back({"birth-certificates", std::nullopt, d("2026-11-20"), "Adopted"});
    CHECK(docs(r, k_today).empty());

    e.status = "approved";
    e.decided = d("2026-11-15");
    e.next_report = d("2027-02-15");
    e.renew_by = d("2026-12-20");  // the earlier deadline counts
    r.client.enrollments = {e};
    auto approved = docs(r, k_today);
    REQUIRE(approved.size() == 1);
    CHECK(approved[0].date == d("2026-12-06"));
    CHECK(approved[0].what.find("(renewal due 2026-12-20)") != std::string::npos);

    r.client.enrollments[0].status = "ended";
    CHECK(docs(r, k_today).empty());
  }

  TEST_CASE("a client with an application or a benefit running has the budget reviewed every finances_every") {
    auto r = quiet_client();
    CHECK(of_kind(items_of(r), "finances").empty());  // no enrollment: no budget asked for
    r.client.enrollments = {{"child-benefit", "applied", d("2026-10-20"), std::nullopt, std::nullopt, std::nullopt, std::nullopt, {}}};
    SUBCASE("no finances.yaml: due from the application") {
      auto items = of_kind(items_of(r), "finances");
      REQUIRE(items.size() == 1);
      CHECK(items[0].date == d("2026-10-20"));
      CHECK(items[0].what == "Budget (none yet)");
      CHECK(items[0].path == "clients/K7Q2MX/client.yaml");
      CHECK(items[0].ref.empty());
    }
    SUBCASE("reviewed: due finances_every (6m) after the review") {
      r.finances = Finances{};
      r.finances->reviewed = d("2026-06-30");
      auto items = of_kind(items_of(r), "finances");
      REQUIRE(items.size() == 1);
      CHECK(items[0].date == d("2026-12-30"));
      CHECK(items[0].what == "Budget review every 6m (last 2026-06-30)");
      CHECK(items[0].path == "clients/K7Q2MX/finances.yaml");
    }
    SUBCASE("a finances.yaml that cannot be read stands in with its unreadable item") {
      r.unreadable.push_back({{"clients/K7Q2MX/finances.yaml", 1, 1}, "bad YAML"});
      CHECK(of_kind(items_of(r), "finances").empty());
      CHECK(of_kind(items_of(r), "unreadable").size() == 1);
    }
    SUBCASE("denied and ended enrollments ask for nothing") {
      r.client.enrollments[0].status = "denied";
      CHECK(of_kind(items_of(r), "finances").empty());
    }
  }

  TEST_CASE("a consent in force is due for renewal consent_warning before it expires, until renewed") {
    auto r = quiet_client();
    r.client.consents.push_back(Consent{"food-bank-north", {"contact"}, d("2025-12-01"), d("2026-12-01"), std::nullopt});
    SUBCASE("14 days before by default, the recipient as its ref") {
      auto items = of_kind(items_of(r), "consent");
      REQUIRE(items.size() == 1);
      CHECK(items[0].date == d("2026-11-17"));
      CHECK(items[0].overdue == 6);
      CHECK(items[0].what == "Consent to food-bank-north expires 2026-12-01");
      CHECK(items[0].ref == "food-bank-north");
      CHECK(items[0].path == r.path);
    }
    SUBCASE("defaults.consent_warning sets how long before") {
      Settings s = settings();
      s.defaults.consent_warning = Period{1, 'm'};
      auto items = followups_for(r, s, {}, k_today);
      auto consent = of_kind(items, "consent");
      REQUIRE(consent.size() == 1);
      CHECK(consent[0].date == d("2026-11-01"));
    }
    SUBCASE("a renewal to the same recipient that holds longer ends it; a shorter one does not") {
      r.client.consents.push_back(Consent{"Food-Bank-North", {"contact"}, k_today, d("2026-11-30"), std::nullopt});
      auto shorter = of_kind(items_of(r), "consent");  // the one that holds longer is still due
      REQUIRE(shorter.size() == 1);
      CHECK(shorter[0].date == d("2026-11-17"));
      r.client.consents.back().expires = d("2027-11-23");
      auto items = of_kind(items_of(r), "consent");
      REQUIRE(items.size() == 1);
      CHECK(items[0].date == d("2027-11-09"));
    }
    SUBCASE("revoked, expired or without an expiry date: nothing") {
      r.client.consents[0].revoked = d("2026-11-20");
      CHECK(of_kind(items_of(r), "consent").empty());
      r.client.consents[0].revoked.reset();
      CHECK(of_kind(items_of(r, d("2026-12-02")), "consent").empty());
      CHECK(of_kind(items_of(r, d("2026-12-01")), "consent").size() == 1);
      r.client.consents[0].expires.reset();
      CHECK(of_kind(items_of(r), "consent").empty());
    }
  }

  TEST_CASE("the list is filtered by date window, worker, client and kind, and ordered") {
    auto a = quiet_client("AAAAAA");
    a.plan = plan_with("active", "todo", "2026-11-23");
    a.client.risk = "low";
    auto b = quiet_client("BBBBBB");
    b.plan = plan_with("active", "todo", "2026-11-23");
    b.client.risk = "high";
    b.client.worker = "berg";
    auto c = quiet_client("CCCCCC");
    c.plan = plan_with("active", "todo", "2026-11-10");
    const std::vector<ClientRecord> all = {a, b, c};

    FollowupFilter f;
    f.until = k_today;
    auto items = followups(all, settings(), {}, k_today, f);
    REQUIRE(items.size() == 3);
    CHECK(items[0].client == "CCCCCC");  // earliest date first
    CHECK(items[1].client == "BBBBBB");  // then high risk before low
    CHECK(items[2].client == "AAAAAA");

    f.from = k_today;
    CHECK(followups(all, settings(), {}, k_today, f).size() == 2);
    f.from.reset();
    f.workers = {"berg"};
    CHECK(followups(all, settings(), {}, k_today, f).size() == 1);
    f.workers.clear();
    f.clients = {"AAAAAA"};
    CHECK(followups(all, settings(), {}, k_today, f).size() == 1);
    f.clients.clear();
    f.kinds = {"plan-review"};
    CHECK(followups(all, settings(), {}, k_today, f).empty());
    f.kinds.clear();
    f.until = d("2026-12-31");
    CHECK(followups(all, settings(), {}, k_today, f).size() == 6);  // + contact-due of each
  }
}
