#include <doctest/doctest.h>

#include "caseload/store/record_diff.hpp"

using namespace caseload;

namespace {
std::vector<std::string> diff(const char* before, const char* after) {
  return changed_fields(YAML::Load(before), YAML::Load(after));
}
}  // namespace

TEST_SUITE("store::record_diff") {
  TEST_CASE("an unchanged record has no changed fields") {
    CHECK(diff("id: K7Q2MX\nname: A\ntags: [x, y]\n", "id: K7Q2MX\nname: A\ntags: [x, y]\n").empty());
  }

  TEST_CASE("changed, added and removed keys are named, not their values") {
    CHECK(diff("name: A\nphone: '1'\nrisk: low\n", "name: A\nphone: '2'\nemail: a@b\n") ==
          std::vector<std::string>{"phone", "email", "risk"});
  }

  TEST_CASE("lists of records with IDs are compared by ID, whatever their order") {
    const char* before = "goals:\n  - id: g1\n    tasks:\n      - {id: t1, status: todo}\n      - {id: t2, status: todo}\n";
    const char* after = "goals:\n  - id: g1\n    tasks:\n      - {id: t2, status: todo}\n      - {id: t1, status: done, done: 2026-11-23}\n      - {id: t3, status: todo}\n";
    CHECK(diff(before, after) ==
          std::vector<std::string>{"goals[g1].tasks[t1].status", "goals[g1].tasks[t1].done", "goals[g1].tasks[t3]"});
  }

  TEST_CASE("the first task of a goal is named by its ID") {
    CHECK(diff("goals:\n  - id: g1\n", "goals:\n  - id: g1\n    tasks:\n      - {id: t1}\n") ==
          std::vector<std::string>{"goals[g1].tasks[t1]"});
  }

  TEST_CASE("other lists are compared whole") {
    CHECK(diff("tags: [a, b]\nhistory:\n  - {date: 2026-11-20, status: sent}\n",
               "tags: [b, a]\nhistory:\n  - {date: 2026-11-20, status: sent}\n  - {date: 2026-11-23, status: accepted}\n") ==
          std::vector<std::string>{"tags", "history"});
  }

  TEST_CASE("deep equality") {
    CHECK(same_node(YAML::Load("{a: [1, {b: c}]}"), YAML::Load("{a: [1, {b: c}]}")));
    CHECK_FALSE(same_node(YAML::Load("{a: [1, {b: c}]}"), YAML::Load("{a: [1, {b: d}]}")));
    CHECK_FALSE(same_node(YAML::Load("{a: 1}"), YAML::Load("{a: 1, b: 2}")));
    CHECK_FALSE(same_node(YAML::Load("a: ~"), YAML::Load("a: x")));
  }
}
