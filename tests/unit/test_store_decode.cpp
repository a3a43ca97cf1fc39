// Reading records into values (decode) and writing values as records
// (encode), both by the field lists of core/records.hpp: lenient on the way
// in, so that store-wide lists go on past a bad value and say where it is;
// exact on the way out, so that a record written reads back as itself.
#include <doctest/doctest.h>

#include <string>

#include "caseload/store/cache.hpp"
#include "caseload/store/decode.hpp"
#include "caseload/store/document.hpp"
#include "caseload/store/encode.hpp"
#include "caseload/store/fast_yaml.hpp"
#include "caseload/store/record_types.hpp"

using namespace caseload;

namespace {

// The record at `path`, read with the schema of its place.
template <class T>
T decode(const std::string& path, const std::string& text, Diagnostics* warnings = nullptr) {
  return decode_record<T>(parse_document(path, text, *record_type_for_path(path)->schema), warnings);
}

// A record's values as the cache stores them: equal bytes, equal records.
template <class T>
std::string bytes_of(const T& record) {
  FileOutcome<T> o;
  o.record = record;
  return encode_outcome(o);
}

}  // namespace

TEST_SUITE("store::decode") {
  TEST_CASE("every field of a client is read, nested lists included") {
    const Client c = decode<Client>("clients/K7Q2MX/client.yaml", R"(id: K7Q2MX
name: Rahima Begum
preferred_name: Rahima
external_id: "2026-00163"
born: 1984-03
language: bn
phone: +358 40 555 0100
household:
  - {name: Karim, relation: son, born: 2015}
worker: aoki
risk: high
status: open
opened: 2026-09-28
contact_every: 14d
tags: [housing, urgent]
consent:
  - to: food-bank-north
    scope: [contact, needs]
    given: 2026-09-28
    expires: 2027-09-28
enrollments:
  - {program: housing-allowance, status: approved, applied: 2026-10-01, decided: 2026-10-20}
notes: |
  Prefers morning calls.
)");
    CHECK(c.id == "K7Q2MX");
    CHECK(c.name == "Rahima Begum");
    CHECK(c.external_id == "2026-00163");
    CHECK(c.born == "1984-03");
    CHECK(c.language == std::vector<std::string>{"bn"});  // one language may be written as a scalar
    REQUIRE(c.household.size() == 1);
    CHECK(c.household[0].relation == "son");
    CHECK(c.household[0].born == "2015");
    CHECK(c.risk == "high");
    CHECK(c.opened == Date{2026, 9, 28});
    REQUIRE(c.contact_every);
    CHECK(c.contact_every->str() == "14d");
    CHECK(c.tags == std::vector<std::string>{"housing", "urgent"});
    REQUIRE(c.consents.size() == 1);
    CHECK(c.consents[0].scope == std::vector<std::string>{"contact", "needs"});
    CHECK(c.consents[0].expires == Date{2027, 9, 28});
    CHECK_FALSE(c.consents[0].revoked);
    REQUIRE(c.enrollments.size() == 1);
    CHECK(c.enrollments[0].decided == Date{2026, 10, 20});
    CHECK_FALSE(c.enrollments[0].next_report);
    CHECK(c.notes == "Prefers morning calls.\n");
  }

  TEST_CASE("a value not of its type is left out with a warning that says where, the rest is read") {
    Diagnostics warnings;
    const Contact c = decode<Contact>("clients/K7Q2MX/contacts/2026-11-23T1000-call-k3vd.yaml",
                                      "date: 2026-11-23T10:00\nkind: call\nstatus: done\nworker: aoki\n"
                                      "summary: Called\nnext: 2026-02-30\n",
                                      &warnings);
    CHECK_FALSE(c.next);
    CHECK(c.summary == "Called");
    CHECK(c.date == DateTime{{2026, 11, 23}, 600});
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].severity == Severity::Warning);
    CHECK(warnings[0].where.str() == "clients/K7Q2MX/contacts/2026-11-23T1000-call-k3vd.yaml:6:7");
  }

  TEST_CASE("what comes from the file's place: its path, and a contact's or assessment's name") {
    const Contact c = decode<Contact>("clients/K7Q2MX/contacts/2026-11-23T1000-call-k3vd.yaml", "kind: call\n");
    CHECK(c.path == "clients/K7Q2MX/contacts/2026-11-23T1000-call-k3vd.yaml");
    CHECK(c.id == "2026-11-23T1000-call-k3vd");
    const Assessment a = decode<Assessment>("clients/K7Q2MX/assessments/2026-11-20-ab12.yaml", "kind: review\n");
    CHECK(a.stem == "2026-11-20-ab12");
    const Referral r = decode<Referral>("clients/K7Q2MX/referrals/2026-11-23-legal-aid-k3vd.yaml", "id: other\n");
    CHECK(r.id == "other");  // a referral's ID is in its text; check compares it with the name
  }

  TEST_CASE("scores keep the file's order; anything but one digit is left for check") {
    const Assessment a = decode<Assessment>("clients/K7Q2MX/assessments/2026-11-20-ab12.yaml",
                                            "scores: {housing: 2, food: 1, income: high, legal: 12, safety: 0}\n");
    CHECK(a.scores == Scores{{"housing", 2}, {"food", 1}, {"safety", 0}});
    CHECK(a.score("food") == 1);
    CHECK(a.score("safety") == 0);
    CHECK_FALSE(a.score("income"));
  }

  TEST_CASE("entries of a list that are not mappings are skipped") {
    const Plan p = decode<Plan>("clients/K7Q2MX/plan.yaml",
                                "goals:\n  - just text\n  - id: g1\n    text: Housing\n    status: active\n"
                                "    tasks: [t1]\n");
    REQUIRE(p.goals.size() == 1);
    CHECK(p.goals[0].id == "g1");
    CHECK(p.goals[0].tasks.empty());
  }

  TEST_CASE("settings: what caseload.yaml leaves out or gets wrong keeps its default") {
    Diagnostics warnings;
    const Settings s = decode<Settings>("caseload.yaml",
                                        "schema: 1\nworkers:\n  - {id: aoki}\ndefaults:\n  worker: aoki\n"
                                        "  contact_every: 2 weeks\nscale: {1: low, 2: high, x: no}\n"
                                        "git:\n  autocommit: false\n",
                                        &warnings);
    CHECK(s.schema == 1);
    CHECK(s.defaults.worker == "aoki");
    CHECK(s.defaults.contact_every.str() == "30d");  // invalid: the default stands, with a warning
    CHECK(s.defaults.reassess_every.str() == "90d");  // missing: the default
    CHECK(s.scale == std::map<int, std::string>{{1, "low"}, {2, "high"}});
    CHECK_FALSE(s.git.autocommit);
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].where.str() == "caseload.yaml:6:18");
    CHECK(decode<Settings>("caseload.yaml", "schema: 1\n").git.autocommit);
  }

  TEST_CASE("both readers decode a file the fast reader accepts to the same record") {
    std::string text = "id: K7Q2MX\nname: Åse Østby\nopened: 2026-13-01\nconsent:\n  - {to: x, given: 2026-01-01}\n";
    const std::string copy = text;
    auto fast = parse_fast("clients/K7Q2MX/client.yaml", text);
    REQUIRE(fast);
    Diagnostics a, b;
    const Client x = decode_record<Client>(*fast, &a);
    const Client y = decode_record<Client>(parse_document("clients/K7Q2MX/client.yaml", copy, schemas::client()), &b);
    CHECK(bytes_of(x) == bytes_of(y));
    REQUIRE(a.size() == 1);
    REQUIRE(b.size() == 1);
    CHECK(a[0].str() == b[0].str());
  }
}

TEST_SUITE("store::encode") {
  TEST_CASE("a record written reads back as the same record") {
    Contact c;
    c.path = "clients/K7Q2MX/contacts/2026-11-23T1000-visit-k3vd.yaml";
    c.id = "2026-11-23T1000-visit-k3vd";
    c.date = DateTime{{2026, 11, 23}, 600};
    c.kind = "visit";
    c.status = "scheduled";
    c.worker = "aoki";
    c.summary = "Home visit: the rent contract";
    c.text = "Bring the form.\nAsk about the deposit.\n";
    c.next = Date{2026, 12, 1};
    const Document doc = new_record_document(c.path, schemas::contact(), c);
    const std::string text = doc.canonical();
    CHECK(text == R"(date: 2026-11-23T10:00
kind: visit
status: scheduled
worker: aoki
summary: "Home visit: the rent contract"
text: |
  Bring the form.
  Ask about the deposit.
next: 2026-12-01
)");
    CHECK(bytes_of(decode<Contact>(c.path, text)) == bytes_of(c));
  }

  TEST_CASE("empty values are left out, unless the schema requires the key") {
    Referral r;
    r.id = "2026-11-23-legal-aid-k3vd";
    r.resource = "legal-aid";
    r.status = "sent";
    r.history = {HistoryEntry{Date{2026, 11, 23}, "sent", "aoki", ""}};
    const Document doc = new_record_document("clients/K7Q2MX/referrals/2026-11-23-legal-aid-k3vd.yaml",
                                             schemas::referral(), r);
    CHECK(doc.canonical() == R"(id: 2026-11-23-legal-aid-k3vd
resource: legal-aid
reason: ""
status: sent
history:
  - {date: 2026-11-23, status: sent, worker: aoki}
)");
  }

  TEST_CASE("settings are written with their nested defaults and scale") {
    Settings s = default_settings();
    s.workers = {{"aoki", "Hana Aoki"}, {"berg", ""}};
    s.defaults.worker = "aoki";
    s.domains.resize(1);
    const std::string text = new_record_document("caseload.yaml", schemas::settings(), s).canonical();
    CHECK(text == R"(schema: 1
workers:
  - {id: aoki, name: Hana Aoki}
  - {id: berg}
defaults:
  worker: aoki
  contact_every: 30d
  reassess_every: 90d
  referral_follow_up: 7d
  consent_warning: 14d
  finances_every: 6m
scale: {1: in crisis, 2: vulnerable, 3: safe, 4: building capacity, 5: empowered}
domains:
  - {id: income, name: Income}
git:
  autocommit: true
stats:
  min_group: 5
)");
    CHECK(bytes_of(decode<Settings>("caseload.yaml", text)) == bytes_of(s));
  }

  TEST_CASE("an assessment's scores are written in the order given") {
    Assessment a;
    a.date = Date{2026, 11, 23};
    a.kind = "intake";
    a.worker = "aoki";
    a.scores = {{"housing", 2}, {"food", 1}};
    CHECK(new_record_document("clients/K7Q2MX/assessments/2026-11-23-k3vd.yaml", schemas::assessment(), a)
              .canonical() == "date: 2026-11-23\nkind: intake\nworker: aoki\nscores:\n  housing: 2\n  food: 1\n");
  }
}
