#include <doctest/doctest.h>

#include <string>

#include "caseload/store/document.hpp"
#include "caseload/store/merge.hpp"

using namespace caseload;

namespace {

const std::string k_client_path = "clients/K7Q2MX/client.yaml";
const std::string k_plan_path = "clients/K7Q2MX/plan.yaml";
const std::string k_referral_path = "clients/K7Q2MX/referrals/2026-11-23-food-bank-north.yaml";

const std::string k_client =
    "id: K7Q2MX\n"
    "name: Siti Rahayu\n"
    "phone: \"+62 812 5550 1234\"\n"
    "household:\n"
    "  - {name: Adi, relation: child, born: 2015-06-01}\n"
    "worker: aoki\n"
    "status: open\n"
    "opened: 2026-11-23\n"
    "tags: [family, priority]\n"
    "consent:\n"
    "  - to: food-bank-north\n"
    "    scope: [contact, needs]\n"
    "    given: 2026-11-23\n"
    "    expires: 2027-11-23\n";

const std::string k_plan =
    "review: 2027-02-23\n"
    "goals:\n"
    "  - id: g1\n"
    "    text: Move into stable housing\n"
    "    status: active\n"
    "    tasks:\n"
    "      - id: t1\n"
    "        text: Apply for housing benefit\n"
    "        status: todo\n"
    "      - id: t2\n"
    "        text: Visit the housing office\n"
    "        status: todo\n"
    "  - id: g2\n"
    "    text: Enough food at home\n"
    "    status: active\n";

const std::string k_referral =
    "id: 2026-11-23-food-bank-north\n"
    "resource: food-bank-north\n"
    "reason: |\n"
    "  No food in the house.\n"
    "status: sent\n"
    "follow_up: 2026-11-30\n"
    "history:\n"
    "  - {date: 2026-11-23, status: sent, worker: aoki}\n";

// `text` with the first occurrence of `from` replaced by `to`; fails the
// test when `from` is not there (the fixture changed under the test).
std::string edit(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  REQUIRE_MESSAGE(at != std::string::npos, "fixture lacks: " << from);
  return text.replace(at, from.size(), to);
}

bool has(const std::string& text, const std::string& piece) { return text.find(piece) != std::string::npos; }

MergeResult merge_client(const std::string& base, const std::string& ours, const std::string& theirs) {
  return merge_records(k_client_path, base, ours, theirs, schemas::client());
}

MergeResult merge_plan(const std::string& ours, const std::string& theirs) {
  return merge_records(k_plan_path, k_plan, ours, theirs, schemas::plan());
}

MergeResult merge_referral(const std::string& ours, const std::string& theirs) {
  return merge_records(k_referral_path, k_referral, ours, theirs, schemas::referral());
}

// A clean result is a record in canonical form.
void check_canonical(const MergeResult& r, const std::string& path, const Schema& schema) {
  REQUIRE(r.clean());
  CHECK(parse_document(path, r.text, schema).canonical() == r.text);
}

}  // namespace

TEST_SUITE("store::merge") {
  TEST_CASE("different keys of client.yaml changed on two sides both land") {
    auto ours = edit(k_client, "phone: \"+62 812 5550 1234\"", "phone: \"+62 812 0000 0000\"");
    auto theirs = edit(k_client, "status: open\n", "risk: high\nstatus: open\n");
    auto r = merge_client(k_client, ours, theirs);
    check_canonical(r, k_client_path, schemas::client());
    CHECK(has(r.text, "phone: \"+62 812 0000 0000\"\n"));
    CHECK(has(r.text, "risk: high\nstatus: open\n"));
  }

  TEST_CASE("a change on one side only is taken, whatever the other side's form") {
    auto ours = edit(k_client, "worker: aoki", "worker: berg");
    auto r = merge_client(k_client, ours, k_client);
    check_canonical(r, k_client_path, schemas::client());
    CHECK(has(r.text, "worker: berg\n"));
  }

  TEST_CASE("a true conflict names the field and keeps both values between markers") {
    auto ours = edit(k_client, "+62 812 5550 1234", "+62 812 1111 1111");
    auto theirs = edit(edit(k_client, "+62 812 5550 1234", "+62 812 2222 2222"), "worker: aoki", "worker: berg");
    auto r = merge_client(k_client, ours, theirs);
    REQUIRE(r.conflicts.size() == 1);
    CHECK(r.conflicts[0] == "phone");
    CHECK(has(r.text,
              "<<<<<<< ours\nphone: \"+62 812 1111 1111\"\n=======\nphone: \"+62 812 2222 2222\"\n>>>>>>> theirs\n"));
    CHECK(has(r.text, "worker: berg\n"));  // the rest merged as usual
    CHECK(has(r.text, "name: Siti Rahayu\n"));
    CHECK_THROWS_AS(parse_document(k_client_path, r.text, schemas::client()), DataError);
  }

  TEST_CASE("a conflict inside a list item is named by the item's ID") {
    auto ours = edit(k_plan, "        text: Visit the housing office\n        status: todo",
                     "        text: Visit the housing office\n        status: done");
    auto theirs = edit(k_plan, "        text: Visit the housing office\n        status: todo",
                       "        text: Visit the housing office\n        status: cancelled");
    auto r = merge_plan(ours, theirs);
    REQUIRE(r.conflicts.size() == 1);
    CHECK(r.conflicts[0] == "goals[g1].tasks[t2].status");
    CHECK(has(r.text, "<<<<<<< ours\n        status: done\n=======\n        status: cancelled\n>>>>>>> theirs\n"));
  }

  TEST_CASE("deletions") {
    SUBCASE("a key deleted on one side and unchanged on the other is deleted") {
      auto ours = edit(k_client, "tags: [family, priority]\n", "");
      auto theirs = edit(k_client, "worker: aoki", "worker: berg");
      auto r = merge_client(k_client, ours, theirs);
      check_canonical(r, k_client_path, schemas::client());
      CHECK_FALSE(has(r.text, "tags:"));
      CHECK(has(r.text, "worker: berg"));
    }
    SUBCASE("a key deleted on one side and changed on the other is a conflict") {
      auto ours = edit(k_client, "phone: \"+62 812 5550 1234\"\n", "");
      auto theirs = edit(k_client, "+62 812 5550 1234", "+62 812 2222 2222");
      auto r = merge_client(k_client, ours, theirs);
      REQUIRE(r.conflicts.size() == 1);
      CHECK(r.conflicts[0] == "phone");
      CHECK(has(r.text, "=======\nphone: \"+62 812 2222 2222\"\n>>>>>>> theirs\n"));
    }
    SUBCASE("a list item deleted on one side is deleted") {
      auto theirs = edit(k_plan, "      - id: t2\n        text: Visit the housing office\n        status: todo\n", "");
      auto ours = edit(k_plan, "review: 2027-02-23", "review: 2027-03-01");
      auto r = merge_plan(ours, theirs);
      check_canonical(r, k_plan_path, schemas::plan());
      CHECK_FALSE(has(r.text, "t2"));
      CHECK(has(r.text, "review: 2027-03-01"));
    }
  }

  TEST_CASE("users' own keys are kept where they were added") {
    auto ours = edit(k_client, "worker: aoki\n", "worker: aoki\nlocker: B12\n");
    auto theirs = edit(k_client, "name: Siti Rahayu\n", "name: Siti Rahayu\nnickname_at_school: Ti\n");
    auto r = merge_client(k_client, ours, theirs);
    check_canonical(r, k_client_path, schemas::client());
    CHECK(has(r.text, "name: Siti Rahayu\nnickname_at_school: Ti\n"));
    CHECK(has(r.text, "worker: aoki\nlocker: B12\n"));
  }

  TEST_CASE("lists of scalars merge as sets: base order, then ours' additions, then theirs'") {
    auto ours = edit(k_client, "tags: [family, priority]", "tags: [family, priority, housing]");
    auto theirs = edit(k_client, "tags: [family, priority]", "tags: [priority, evening, housing]");
    auto r = merge_client(k_client, ours, theirs);
    check_canonical(r, k_client_path, schemas::client());
    CHECK(has(r.text, "tags: [priority, housing, evening]\n"));  // family removed by theirs
  }

  TEST_CASE("consent entries merge by recipient and date, their scopes as sets") {
    auto ours = edit(k_client, "    scope: [contact, needs]", "    scope: [contact, needs, housing]");
    auto theirs = edit(k_client, "    expires: 2027-11-23\n",
                       "    expires: 2027-11-23\n  - to: city-housing\n    given: 2026-11-24\n");
    theirs = edit(theirs, "    scope: [contact, needs]", "    scope: [contact]");
    auto r = merge_client(k_client, ours, theirs);
    check_canonical(r, k_client_path, schemas::client());
    CHECK(has(r.text, "    scope: [contact, housing]\n"));
    CHECK(has(r.text, "  - to: city-housing\n    given: 2026-11-24\n"));
  }

  TEST_CASE("a household member's conflict is named by position, never by name") {
    auto ours = edit(k_client, "relation: child", "relation: son");
    auto theirs = edit(k_client, "relation: child", "relation: grandchild");
    auto r = merge_client(k_client, ours, theirs);
    REQUIRE(r.conflicts.size() == 1);
    CHECK(r.conflicts[0] == "household[1].relation");
  }

  TEST_CASE("different tasks of plan.yaml changed on two sides both land") {
    auto ours = edit(k_plan, "        text: Apply for housing benefit\n        status: todo",
                     "        text: Apply for housing benefit\n        status: done\n        done: 2026-11-25");
    auto theirs = edit(k_plan, "        text: Visit the housing office\n        status: todo",
                       "        text: Visit the housing office\n        due: 2026-12-01\n        status: todo");
    auto r = merge_plan(ours, theirs);
    check_canonical(r, k_plan_path, schemas::plan());
    CHECK(has(r.text, "      - id: t1\n        text: Apply for housing benefit\n        status: done\n        done: 2026-11-25\n"));
    CHECK(has(r.text, "        text: Visit the housing office\n        due: 2026-12-01\n"));
  }

  TEST_CASE("two tasks added to one goal on both sides under one ID: both kept, theirs renumbered") {
    auto ours = edit(k_plan, "  - id: g2", "      - id: t3\n        text: Call the landlord\n        status: todo\n  - id: g2");
    auto theirs = edit(k_plan, "  - id: g2", "      - id: t3\n        text: Book a viewing\n        status: todo\n  - id: g2");
    auto r = merge_plan(ours, theirs);
    check_canonical(r, k_plan_path, schemas::plan());
    CHECK(has(r.text, "      - id: t3\n        text: Call the landlord\n"));
    CHECK(has(r.text, "      - id: t4\n        text: Book a viewing\n"));
    CHECK(r.text.find("Call the landlord") < r.text.find("Book a viewing"));
  }

  TEST_CASE("task IDs stay unique across goals, and IDs are never reused") {
    // Ours deleted t2 by hand: t2 was handed out once, so it is not free.
    auto ours = edit(k_plan, "      - id: t2\n        text: Visit the housing office\n        status: todo\n",
                     "      - id: t3\n        text: Call the landlord\n        status: todo\n");
    auto theirs = edit(k_plan, "    text: Enough food at home\n    status: active\n",
                       "    text: Enough food at home\n    status: active\n    tasks:\n"
                       "      - id: t3\n        text: Visit the food bank\n        status: todo\n");
    auto r = merge_plan(ours, theirs);
    check_canonical(r, k_plan_path, schemas::plan());
    CHECK(has(r.text, "      - id: t3\n        text: Call the landlord\n"));
    CHECK(has(r.text, "      - id: t4\n        text: Visit the food bank\n"));
  }

  TEST_CASE("two goals added on both sides under one ID: theirs gets the next goal ID") {
    auto ours = k_plan + "  - id: g3\n    text: Find work\n    status: active\n";
    auto theirs = k_plan + "  - id: g3\n    text: Learn Finnish\n    status: active\n";
    auto r = merge_plan(ours, theirs);
    check_canonical(r, k_plan_path, schemas::plan());
    CHECK(has(r.text, "  - id: g3\n    text: Find work\n"));
    CHECK(has(r.text, "  - id: g4\n    text: Learn Finnish\n"));
  }

  TEST_CASE("a replayed commit follows a goal and a task that an earlier merge renumbered") {
    // Both clones added g3 (with a task t3 in a second commit). Replaying
    // theirs' first commit gave its goal g4; replaying the second, base and
    // theirs still call the goal g3 and the task t3.
    const std::string ours_g3 = "  - id: g3\n    text: Find work\n    status: active\n"
                                "    tasks:\n      - id: t3\n        text: Write a CV\n        status: todo\n";
    const std::string ours = k_plan + ours_g3 + "  - id: g4\n    text: Learn Finnish\n    status: active\n";
    const std::string base = k_plan + "  - id: g3\n    text: Learn Finnish\n    status: active\n";
    const std::string theirs = base + "    tasks:\n      - id: t3\n        text: Join a course\n        status: todo\n";
    auto r = merge_records(k_plan_path, base, ours, theirs, schemas::plan());
    check_canonical(r, k_plan_path, schemas::plan());
    CHECK(has(r.text, ours_g3));  // ours' g3 keeps its own task only
    CHECK(has(r.text, "  - id: g4\n    text: Learn Finnish\n    status: active\n    tasks:\n      - id: t4\n"
                      "        text: Join a course\n"));
  }

  TEST_CASE("the same task added alike on both sides is kept once") {
    auto added = edit(k_plan, "  - id: g2", "      - id: t3\n        text: Call the landlord\n        status: todo\n  - id: g2");
    auto r = merge_plan(added, added);
    check_canonical(r, k_plan_path, schemas::plan());
    CHECK_FALSE(has(r.text, "t4"));
  }

  TEST_CASE("history entries appended on both sides merge in date order; status follows the last") {
    auto ours = edit(k_referral, "status: sent\nfollow_up: 2026-11-30", "status: accepted\nfollow_up: 2026-12-10");
    ours += "  - {date: 2026-11-26, status: accepted, worker: aoki}\n";
    auto theirs = edit(k_referral, "follow_up: 2026-11-30", "follow_up: 2026-12-01");
    theirs += "  - {date: 2026-11-25, status: sent, worker: berg, note: Left a message}\n";
    auto r = merge_referral(ours, theirs);
    check_canonical(r, k_referral_path, schemas::referral());
    CHECK(has(r.text,
              "history:\n"
              "  - {date: 2026-11-23, status: sent, worker: aoki}\n"
              "  - {date: 2026-11-25, status: sent, worker: berg, note: Left a message}\n"
              "  - {date: 2026-11-26, status: accepted, worker: aoki}\n"));
    CHECK(has(r.text, "status: accepted\nfollow_up: 2026-12-10\n"));

    SUBCASE("the other way round, theirs' step is the last and sets status and follow-up") {
      auto r2 = merge_referral(theirs, ours);
      check_canonical(r2, k_referral_path, schemas::referral());
      CHECK(has(r2.text, "status: accepted\nfollow_up: 2026-12-10\n"));
    }
  }

  TEST_CASE("a history entry both sides appended alike is kept once") {
    const std::string step = "  - {date: 2026-11-26, status: accepted, worker: aoki}\n";
    auto ours = edit(k_referral, "status: sent\n", "status: accepted\n") + step;
    auto theirs = edit(edit(k_referral, "status: sent\n", "status: accepted\n"), "follow_up: 2026-11-30",
                       "follow_up: 2026-12-03") + step;
    auto r = merge_referral(ours, theirs);
    check_canonical(r, k_referral_path, schemas::referral());
    CHECK(r.text.find("2026-11-26") == r.text.rfind("2026-11-26"));
    CHECK(has(r.text, "follow_up: 2026-12-03\n"));
  }

  TEST_CASE("workers added to caseload.yaml on both sides are both kept") {
    const std::string base = "schema: 1\nworkers:\n  - {id: aoki, name: Hana Aoki}\n";
    auto r = merge_records("caseload.yaml", base, base + "  - {id: berg, name: Ola Berg}\n",
                           base + "  - {id: cruz, name: Ana Cruz}\n", schemas::settings());
    check_canonical(r, "caseload.yaml", schemas::settings());
    CHECK(has(r.text, "  - {id: aoki, name: Hana Aoki}\n  - {id: berg, name: Ola Berg}\n  - {id: cruz, name: Ana Cruz}\n"));
  }

  TEST_CASE("two sides moving a referral on from the same status is a conflict") {
    auto ours = edit(k_referral, "status: sent\n", "status: accepted\n") +
                "  - {date: 2026-11-26, status: accepted, worker: aoki}\n";
    auto theirs = edit(k_referral, "status: sent\n", "status: declined\n") +
                  "  - {date: 2026-11-27, status: declined, worker: berg}\n";
    auto r = merge_referral(ours, theirs);
    REQUIRE(r.conflicts.size() == 2);
    CHECK(r.conflicts[0] == "status");
    CHECK(r.conflicts[1] == "history");
    CHECK(has(r.text, "status: accepted"));
    CHECK(has(r.text, "status: declined"));
  }

  TEST_CASE("a file added on both sides merges from an empty base") {
    auto ours = edit(k_client, "tags: [family, priority]", "tags: [family]");
    auto theirs = edit(k_client, "tags: [family, priority]", "tags: [school]");
    auto r = merge_client("", ours, theirs);
    check_canonical(r, k_client_path, schemas::client());
    CHECK(has(r.text, "tags: [family, school]\n"));
  }

  TEST_CASE("a side that does not parse is an error naming the file, not a merge") {
    auto broken = edit(k_client, "tags: [family, priority]", "tags: [family, priority");
    CHECK_THROWS_AS(merge_client(k_client, k_client, broken), DataError);
    try {
      merge_client(k_client, k_client, broken);
    } catch (const DataError& e) {
      CHECK(e.where().path == k_client_path);
      CHECK(e.message() == "their version does not parse as a record");
    }
  }
}
