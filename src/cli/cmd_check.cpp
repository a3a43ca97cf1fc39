// caseload check: every problem in the store, as path:line:col: error|warning: message.
#include <fmt/format.h>

#include "caseload/cli/autocommit.hpp"
#include "caseload/cli/commands.hpp"
#include "caseload/store/git.hpp"
#include "caseload/store/repository_checks.hpp"
#include "caseload/store/uncommitted.hpp"
#include "caseload/store/validate.hpp"

namespace caseload {
namespace {

struct CheckOptions {
  bool fix = false;
};

// --fix repairs what the repository, not a record, is owed: a stale
// .git/index.lock is removed and left-over records are committed. Records
// themselves are never changed by check.
int fix_repository(Context& ctx, const Store& store) {
  if (remove_stale_index_lock(store.root(), k_stale_index_lock_age) && !ctx.global.quiet)
    ctx.err << "caseload: removed a stale .git/index.lock (left by a git program that was stopped)\n";
  const bool leftovers = !uncommitted_paths(store.root()).empty();
  const int code = commit_left_over(ctx, store, "check --fix");
  if (code == k_exit_ok && leftovers && !ctx.global.quiet)
    ctx.err << "caseload: committed the records earlier commands had left uncommitted\n";
  return code;
}

int run_check(const CheckOptions& o, Context& ctx) {
  Diagnostics found;
  try {
    Store store = ctx.open_store(OnBadSettings::Allow);
    if (o.fix) {
      if (const int code = fix_repository(ctx, store); code != k_exit_ok) return code;
    }
    found = check_store(store, ctx.today());
    const Diagnostics repository = repository_findings(store);
    found.insert(found.end(), repository.begin(), repository.end());
    sort_diagnostics(found);
  } catch (const DataError& e) {  // caseload.yaml itself is broken
    found.push_back({e.where(), Severity::Error, e.message()});
  }
  size_t errors = 0;
  for (const auto& d : found) {
    ctx.out << d.str() << '\n';
    if (d.severity == Severity::Error) ++errors;
  }
  if (!ctx.global.quiet && !found.empty()) {
    ctx.err << fmt::format("{} error{}, {} warning{}\n", errors, errors == 1 ? "" : "s", found.size() - errors,
                           found.size() - errors == 1 ? "" : "s");
  }
  return errors > 0 ? k_exit_findings : k_exit_ok;
}

}  // namespace

void setup_check(CLI::App& app, Runner& run) {
  auto o = std::make_shared<CheckOptions>();
  auto* cmd = add_command(app, run, "check", "Validate the whole store; exit 3 when there are errors", o, run_check);
  cmd->add_flag("--fix", o->fix,
                "Remove a stale .git/index.lock and commit records earlier commands left uncommitted (never changes "
                "a record)");
}

}  // namespace caseload
