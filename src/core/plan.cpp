#include "caseload/core/plan.hpp"

#include <algorithm>
#include <charconv>

namespace caseload {

std::optional<int> plan_id_number(std::string_view id, char prefix) {
  if (id.size() < 2 || id.size() > 8 || id[0] != prefix) return std::nullopt;
  int n = 0;
  auto digits = id.substr(1);
  if (digits[0] == '0') return std::nullopt;  // g01 is not g1
  auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
  if (ec != std::errc() || ptr != digits.data() + digits.size()) return std::nullopt;
  return n;
}

std::string next_plan_id(const std::vector<std::string>& ids_in_use, char prefix) {
  int highest = 0;
  for (const auto& id : ids_in_use) highest = std::max(highest, plan_id_number(id, prefix).value_or(0));
  return std::string(1, prefix) + std::to_string(highest + 1);
}

std::vector<std::string> goal_ids(const Plan& plan) {
  std::vector<std::string> ids;
  for (const auto& g : plan.goals) ids.push_back(g.id);
  return ids;
}

std::vector<std::string> task_ids(const Plan& plan) {
  std::vector<std::string> ids;
  for (const auto& g : plan.goals) {
    for (const auto& t : g.tasks) ids.push_back(t.id);
  }
  return ids;
}

std::optional<PlanItemKind> plan_item_kind(std::string_view id) {
  if (plan_id_number(id, 'g')) return PlanItemKind::Goal;
  if (plan_id_number(id, 't')) return PlanItemKind::Task;
  return std::nullopt;
}

TaskStatusChange task_status_change(const std::string& status, const Date& today) {
  if (status == "done") return {status, today};
  return {status, std::nullopt};
}

bool task_is_open(const Goal& goal, const Task& task) { return goal.status == "active" && task.status == "todo"; }

std::string done_status(PlanItemKind kind) { return kind == PlanItemKind::Goal ? "achieved" : "done"; }

}  // namespace caseload
