#pragma once
// git.autocommit (SPEC 7): after a command that changed the store succeeded,
// one commit of exactly the files it wrote, with a message that names the
// command and IDs only. The commands know nothing of it: they write through
// Transactions, which fill the context's journal.
#include <string>
#include <vector>

#include "caseload/cli/context.hpp"

namespace caseload {

// "contact K7Q2MX 2026-11-23T1000-call-7gq2": the command, then the IDs the
// paths hold (client IDs, event file stems, resource IDs). Paths are built
// from validated IDs only, so the message holds no personal data.
// `detail` (from the journal) follows the IDs: "plan K7Q2MX task add t3".
std::string commit_message(const std::string& command, const std::vector<std::string>& paths,
                           const std::string& detail = "");

// The git trailer that records the acting worker (CASELOAD_WORKER, else
// defaults.worker) with each commit: git's author is the machine's identity,
// which workers may share. `log` shows it.
inline constexpr const char* k_worker_trailer = "Caseload-Worker";
// The message with the trailer "Caseload-Worker: ID" after a blank line;
// without a worker, the message as it is.
std::string with_worker_trailer(const std::string& message, const std::string& worker);

// Commits what ctx.journal lists, and what earlier commands left
// uncommitted (store/uncommitted.hpp), when settings and the repository
// allow. Returns the exit status: a commit that failed is exit 1 (the files
// are written and stay listed for the next command's commit).
int autocommit(Context& ctx, const std::string& command);
// The same for a command that wrote nothing itself (`check --fix`): commits
// only what earlier commands left uncommitted.
int commit_left_over(Context& ctx, const Store& store, const std::string& command);

}  // namespace caseload
