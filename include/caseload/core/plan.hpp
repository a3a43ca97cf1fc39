#pragma once
// Plan rules: goal and task IDs, and what a status change means. Pure
// functions; the plan command applies them to plan.yaml.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "caseload/core/date.hpp"
#include "caseload/core/records.hpp"

namespace caseload {

// The number in "g12" / "t3" when `id` has that form for `prefix`.
std::optional<int> plan_id_number(std::string_view id, char prefix);

// The next ID for `prefix` ('g' or 't'): one past the highest in use, so an
// ID the program handed out is never handed out again (it never deletes
// goals or tasks; they are cancelled or abandoned instead).
std::string next_plan_id(const std::vector<std::string>& ids_in_use, char prefix);

// All goal IDs, and all task IDs across goals (task IDs are unique in the client).
std::vector<std::string> goal_ids(const Plan& plan);
std::vector<std::string> task_ids(const Plan& plan);

// A task needs doing while it is todo and its goal is active (SPEC 4): the
// one rule followups, show and plan apply.
bool task_is_open(const Goal& goal, const Task& task);

enum class PlanItemKind { Goal, Task };
// Which kind an ID names by its form (g<N> or t<N>); nullopt for neither.
std::optional<PlanItemKind> plan_item_kind(std::string_view id);

// The fields a status change sets on a task: `done` is the day it was done,
// and goes away when the task is reopened or cancelled.
struct TaskStatusChange {
  std::string status;
  std::optional<Date> done;  // none: remove the key
};
TaskStatusChange task_status_change(const std::string& status, const Date& today);

// The status `plan done` gives: a done task, an achieved goal.
std::string done_status(PlanItemKind kind);

}  // namespace caseload
