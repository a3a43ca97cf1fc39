// Plan rules: IDs never reused by the program, status changes.
#include <doctest/doctest.h>

#include "caseload/core/plan.hpp"

using namespace caseload;

TEST_SUITE("core::plan") {
  TEST_CASE("plan IDs are a letter and a number without leading zeros") {
    CHECK(plan_id_number("g1", 'g') == 1);
    CHECK(plan_id_number("t12", 't') == 12);
    CHECK_FALSE(plan_id_number("t12", 'g'));
    CHECK_FALSE(plan_id_number("g", 'g'));
    CHECK_FALSE(plan_id_number("g01", 'g'));
    CHECK_FALSE(plan_id_number("g1a", 'g'));
    CHECK_FALSE(plan_id_number("G1", 'g'));
  }

  TEST_CASE("the next ID is one past the highest, so gaps are never refilled") {
    CHECK(next_plan_id({}, 'g') == "g1");
    CHECK(next_plan_id({"g1", "g2"}, 'g') == "g3");
    CHECK(next_plan_id({"t1", "t7", "t3"}, 't') == "t8");  // t2, t4..t6 stay unused
    CHECK(next_plan_id({"g1", "custom", "g01"}, 'g') == "g2");  // other forms are ignored
  }

  TEST_CASE("a task is open while it is todo and its goal is active") {
    Goal goal{"g1", "housing", "Stable housing", std::nullopt, "active", {}};
    const Task todo{"t1", "Apply", "client", std::nullopt, "todo", std::nullopt};
    const Task done{"t2", "Call", "worker", std::nullopt, "done", std::nullopt};
    CHECK(task_is_open(goal, todo));
    CHECK_FALSE(task_is_open(goal, done));
    for (const char* status : {"achieved", "on-hold", "abandoned"}) {
      goal.status = status;
      CHECK_FALSE(task_is_open(goal, todo));
    }
  }

  TEST_CASE("task IDs are collected across goals") {
    Plan p;
    p.goals.push_back(Goal{"g1", "", "A", std::nullopt, "active", {Task{"t1", "x", "", {}, "todo", {}}}});
    p.goals.push_back(Goal{"g2", "", "B", std::nullopt, "active",
                           {Task{"t2", "y", "", {}, "todo", {}}, Task{"t5", "z", "", {}, "done", {}}}});
    CHECK(goal_ids(p) == std::vector<std::string>{"g1", "g2"});
    CHECK(task_ids(p) == std::vector<std::string>{"t1", "t2", "t5"});
    CHECK(next_plan_id(task_ids(p), 't') == "t6");
  }

  TEST_CASE("an ID's form tells a goal from a task") {
    CHECK(plan_item_kind("g3") == PlanItemKind::Goal);
    CHECK(plan_item_kind("t3") == PlanItemKind::Task);
    CHECK_FALSE(plan_item_kind("x3"));
    CHECK(done_status(PlanItemKind::Goal) == "achieved");
    CHECK(done_status(PlanItemKind::Task) == "done");
  }

  TEST_CASE("a task done records the day; reopened or cancelled drops it") {
    const Date today{2026, 11, 23};
    auto done = task_status_change("done", today);
    CHECK(done.status == "done");
    CHECK(done.done == today);
    CHECK_FALSE(task_status_change("todo", today).done);
    CHECK_FALSE(task_status_change("cancelled", today).done);
  }
}
