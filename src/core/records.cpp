#include "caseload/core/records.hpp"

#include <algorithm>

namespace caseload {

namespace {
template <typename T>
const T* find_by_id(const std::vector<T>& items, const std::string& id) {
  auto it = std::find_if(items.begin(), items.end(), [&](const T& x) { return x.id == id; });
  return it == items.end() ? nullptr : &*it;
}
}  // namespace

const Worker* Settings::find_worker(const std::string& id) const { return find_by_id(workers, id); }
const Domain* Settings::find_domain(const std::string& id) const { return find_by_id(domains, id); }
const Program* Settings::find_program(const std::string& id) const {
  return find_by_id(programs, id);
}

Settings default_settings() {
  Settings s;
  s.scale = {{1, "in crisis"}, {2, "vulnerable"}, {3, "safe"}, {4, "building capacity"},
             {5, "empowered"}};
  // The domains of the Self-Sufficiency Matrix (Snohomish County / Arizona SSM).
  s.domains = {{"income", "Income"},
               {"employment", "Employment"},
               {"housing", "Housing"},
               {"food", "Food"},
               {"childcare", "Child care"},
               {"children-education", "Children's education"},
               {"adult-education", "Adult education"},
               {"legal", "Legal"},
               {"health-care", "Health care coverage"},
               {"life-skills", "Life skills"},
               {"mental-health", "Mental health"},
               {"substance-use", "Substance use"},
               {"family-relations", "Family relations"},
               {"mobility", "Mobility"},
               {"community", "Community involvement"},
               {"safety", "Safety"},
               {"parenting", "Parenting skills"},
               {"credit", "Credit history"}};
  return s;
}

bool Consent::in_force(const Date& today) const {
  if (revoked && *revoked <= today) return false;
  if (given && *given > today) return false;
  if (expires && *expires < today) return false;
  return given.has_value();
}

std::optional<int> Assessment::score(const std::string& domain) const {
  for (const auto& [d, level] : scores) {
    if (d == domain) return level;
  }
  return std::nullopt;
}

std::optional<Date> Client::episode_start() const {
  if (!episodes.empty() && episodes.back().reopened) return episodes.back().reopened;
  return opened;
}

const Enrollment* Client::latest_enrollment(const std::string& program) const {
  const Enrollment* latest = nullptr;
  for (const auto& e : enrollments) {
    if (e.program == program) latest = &e;
  }
  return latest;
}

const Contact* ClientRecord::last_done_contact() const {
  const Contact* last = nullptr;
  for (const auto& c : contacts) {
    if (c.status == "done" && c.date && (!last || *c.date >= *last->date)) last = &c;
  }
  return last;
}

std::string display_text(const std::string& stored) {
  std::string t = stored;
  while (!t.empty() && t.back() == '\n') t.pop_back();
  return t;
}

}  // namespace caseload
