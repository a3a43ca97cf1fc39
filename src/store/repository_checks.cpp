#include "caseload/store/repository_checks.hpp"

#include <fmt/format.h>

#include "caseload/store/git.hpp"
#include "caseload/store/uncommitted.hpp"

namespace caseload {
namespace {

// The listed leftovers that git still sees as changed or untracked (a hand
// `git commit` may have taken them in meanwhile).
std::vector<std::string> still_uncommitted(const Store& store) {
  const auto listed = uncommitted_paths(store.root());
  if (listed.empty()) return {};
  std::vector<std::string> args{"status", "--porcelain", "-z", "--untracked-files=all", "--"};
  args.insert(args.end(), listed.begin(), listed.end());
  GitResult r = run_git(store.root(), args);
  if (!r.ok()) return {};
  std::vector<std::string> out;
  // Entries are "XY PATH\0" (a rename adds "ORIG\0", which leftovers never are).
  for (size_t start = 0, end; (end = r.out.find('\0', start)) != std::string::npos; start = end + 1) {
    if (end - start > 3) out.push_back(r.out.substr(start + 3, end - start - 3));
  }
  return out;
}

}  // namespace

Diagnostics repository_findings(const Store& store) {
  Diagnostics found;
  if (!is_own_repository(store.root())) return found;
  if (stale_index_lock(store.root(), k_stale_index_lock_age))
    found.push_back({{".git/index.lock"}, Severity::Error,
                     "a stale git lock (left by a git program that was stopped) blocks every commit; "
                     "`caseload check --fix` removes it"});
  for (const auto& path : still_uncommitted(store))
    found.push_back({{path}, Severity::Warning,
                     "written by caseload but not committed (a command was stopped or git was busy); the next "
                     "command that writes commits it, or `caseload check --fix`"});
  return found;
}

}  // namespace caseload
