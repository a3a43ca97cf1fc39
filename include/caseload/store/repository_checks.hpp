#pragma once
// What `check` says about the store's git repository rather than its
// records (issue 15): a stale .git/index.lock that blocks every commit, and
// records caseload wrote but could not commit (store/uncommitted.hpp).
#include <chrono>

#include "caseload/core/diagnostic.hpp"
#include "caseload/store/store.hpp"

namespace caseload {

// A lock this old that no process holds was left by a git program that was
// stopped (store/git.hpp); commands and `check --fix` remove it.
inline constexpr std::chrono::seconds k_stale_index_lock_age{5};

Diagnostics repository_findings(const Store& store);

}  // namespace caseload
