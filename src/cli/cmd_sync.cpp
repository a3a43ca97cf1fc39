// caseload clone URL [DIR] and caseload sync: sharing a store through an
// ordinary git remote. Sync fetches, replays the local commits on top of the
// shared ones (git's rebase, with caseload's merge driver for the records),
// and pushes; it commits nothing of its own and says exactly what it could
// not merge.
#include <fmt/format.h>

#include "caseload/cli/commands.hpp"
#include "caseload/cli/git_setup.hpp"
#include "caseload/core/errors.hpp"
#include "caseload/core/text.hpp"
#include "caseload/store/document.hpp"
#include "caseload/store/git.hpp"
#include "caseload/store/lock.hpp"
#include "caseload/store/record_types.hpp"
#include "caseload/store/store.hpp"

namespace caseload {
namespace {
namespace fs = std::filesystem;

struct CloneOptions {
  std::string url;
  std::string dir;
};
struct SyncOptions {
  bool resume = false;  // --continue
  bool abort = false;
};

constexpr int k_push_attempts = 3;  // others may push between our fetch and our push

std::string trimmed(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

// The entries of a list git prints one a line: its non-empty lines.
std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out = split_lines(text);
  std::erase(out, "");
  return out;
}

GitResult git_or_throw(const fs::path& root, const std::vector<std::string>& args, const std::string& what) {
  GitResult r = run_git(root, args);
  if (!r.ok()) throw Error(fmt::format("{} failed: {}", what, r.message()));
  return r;
}

// A repository holding links or .caseload/ files is refused whole: a link
// checked out would let the program read or write outside the store.
void refuse_forbidden_paths(const fs::path& root, const std::string& rev, const std::string& outcome) {
  const auto found = forbidden_tracked_paths(root, rev);
  if (found.empty()) return;
  constexpr std::size_t k_shown = 10;
  std::string list;
  for (std::size_t i = 0; i < found.size() && i < k_shown; ++i) list += "\n  " + escape_for_terminal(found[i]);
  if (found.size() > k_shown) list += fmt::format("\n  ... and {} more", found.size() - k_shown);
  throw Error(fmt::format("the shared repository holds what a caseload store never does (symbolic links, or files "
                          "under .caseload/); {}:{}",
                          outcome, list),
              "ask the repository's owner to replace each link with the file itself and to remove .caseload/ "
              "from git (`git rm -r --cached .caseload`), then try again");
}

std::string default_clone_dir(const std::string& url) {
  std::string name = url;
  while (!name.empty() && name.back() == '/') name.pop_back();
  name = name.substr(name.find_last_of("/:") == std::string::npos ? 0 : name.find_last_of("/:") + 1);
  if (name.ends_with(".git")) name.resize(name.size() - 4);
  if (name.empty() || name == "." || name == "..") throw UsageError("cannot name a folder after " + url, "give DIR");
  return name;
}

int run_clone(const CloneOptions& o, Context& ctx) {
  const fs::path dir = fs::absolute(ctx.cwd / (o.dir.empty() ? default_clone_dir(o.url) : o.dir)).lexically_normal();
  if (fs::exists(dir) && !fs::is_empty(dir)) throw Error(fmt::format("{} exists and is not empty", dir.string()));
  const bool existed = fs::exists(dir);
  // Nothing is checked out before the tree is known to be safe to check out.
  git_or_throw(ctx.cwd, {"clone", "-q", "--no-checkout", "--", o.url, dir.string()}, "git clone");
  try {
    refuse_forbidden_paths(dir, "HEAD", "nothing was checked out, and the clone was removed");
  } catch (const Error&) {
    std::error_code ec;
    if (existed) fs::remove_all(dir / ".git", ec);
    else fs::remove_all(dir, ec);
    throw;
  }
  if (run_git(dir, {"rev-parse", "-q", "--verify", "HEAD"}).ok())
    git_or_throw(dir, {"checkout", "-q", "-f"}, "git checkout");
  if (!fs::exists(dir / "caseload.yaml")) {
    throw Error(fmt::format("{} was cloned, but it holds no caseload.yaml: it is not a caseload store", dir.string()),
                "check the URL; remove the folder before cloning again");
  }
  if (!prepare_repository(dir, ctx).empty()) {
    auto args = identity_args(dir, "caseload");
    args.insert(args.end(), {"commit", "-q", "-m", "clone: merge driver attributes", "--", ".gitattributes"});
    run_git(dir, {"add", "--", ".gitattributes"});
    git_or_throw(dir, args, "git commit");
  }
  check_identity(dir, ctx);
  if (!ctx.global.quiet) ctx.out << fmt::format("Cloned a caseload store into {}\n", dir.string());
  return k_exit_ok;
}

// --- sync ---

std::vector<std::string> conflicted_files(const fs::path& root) {
  return lines_of(run_git(root, {"diff", "--name-only", "--diff-filter=U"}).out);
}

// The merge driver names each field it could not merge on stderr
// ("path: conflict in field"); git passes those lines through.
std::vector<std::string> driver_reports(const std::string& git_stderr) {
  std::vector<std::string> out;
  for (const auto& line : lines_of(git_stderr)) {
    if (line.find(": conflict in ") != std::string::npos) out.push_back(line);
  }
  return out;
}

[[noreturn]] void stop_at_conflict(const fs::path& root, const std::string& git_stderr) {
  std::string what;
  for (const auto& line : driver_reports(git_stderr)) what += "\n  " + line;
  for (const auto& file : conflicted_files(root)) {
    if (what.find(file) == std::string::npos) what += "\n  " + file + ": conflicting changes";
  }
  throw Error("sync stopped: some changes here and on the remote could not be merged:" + what,
              "edit each file named (both versions stand between <<<<<<< and >>>>>>> lines), then run "
              "`caseload sync --continue`; or `caseload sync --abort` to return to where you were");
}

void require_clean(const fs::path& root) {
  const auto dirty = lines_of(run_git(root, {"status", "--porcelain", "--untracked-files=no"}).out);
  if (dirty.empty()) return;
  std::string files;
  for (const auto& l : dirty) files += "\n  " + l.substr(3);
  throw Error("uncommitted changes in the store; sync moves only commits:" + files,
              "commit them with `caseload git commit -am \"...\"` (no names in the message), or undo them");
}

std::optional<std::string> upstream(const fs::path& root) {
  GitResult r = run_git(root, {"rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{u}"});
  if (!r.ok()) return std::nullopt;
  return trimmed(r.out);
}

int count(const fs::path& root, const std::string& range) {
  GitResult r = run_git(root, {"rev-list", "--count", range});
  return r.ok() ? std::stoi(trimmed(r.out)) : 0;
}

// Replays local commits on the fetched upstream; returns how many came in.
int pull(const fs::path& root, const std::vector<std::string>& ident, const std::string& up) {
  git_or_throw(root, {"fetch", "-q"}, "git fetch");
  refuse_forbidden_paths(root, up, "nothing was taken in");
  const int incoming = count(root, "HEAD.." + up);
  if (incoming == 0) return 0;
  auto args = ident;
  args.insert(args.end(), {"-c", "rebase.autoStash=false", "rebase", "-q", up});
  GitResult r = run_git(root, args);
  if (!r.ok()) {
    if (sync_stopped(root)) stop_at_conflict(root, r.err);
    throw Error(fmt::format("git rebase failed: {}", r.message()));
  }
  return incoming;
}

// The remote and branch a store without an upstream syncs with: the
// branch of the same name on `origin` (or the only remote).
std::pair<std::string, std::string> default_upstream(const fs::path& root) {
  const auto remotes = lines_of(run_git(root, {"remote"}).out);
  if (remotes.empty())
    throw Error("the store has no remote to sync with", "add one with `caseload git remote add origin URL`");
  const std::string branch = trimmed(git_or_throw(root, {"symbolic-ref", "--short", "HEAD"}, "git").out);
  const std::string remote = remotes.front() == "origin" || remotes.size() == 1 ? remotes.front() : "origin";
  return {remote, branch};
}

// The first sync of a store's branch. When the remote already has a branch
// of that name (pushed by hand with `git push origin HEAD`), it becomes the
// upstream and sync goes on as usual; else the branch is pushed and set up.
// Returns the upstream to pull from, or nothing when the push made it.
std::optional<std::string> first_upstream(const fs::path& root, int& pushed) {
  const auto [remote, branch] = default_upstream(root);
  git_or_throw(root, {"fetch", "-q", remote}, "git fetch");
  const std::string up = remote + "/" + branch;
  if (run_git(root, {"rev-parse", "-q", "--verify", "refs/remotes/" + up}).ok()) {
    git_or_throw(root, {"branch", "-q", "--set-upstream-to=" + up}, "git branch --set-upstream-to");
    return up;
  }
  pushed = count(root, "HEAD");
  git_or_throw(root, {"push", "-q", "-u", remote, "HEAD"}, "git push");
  return std::nullopt;
}

struct SyncCounts {
  int pulled = 0, pushed = 0;
};

SyncCounts pull_and_push(const fs::path& root, const std::vector<std::string>& ident) {
  SyncCounts n;
  auto up = upstream(root);
  if (!up) up = first_upstream(root, n.pushed);
  if (!up) return n;
  for (int attempt = 1;; ++attempt) {
    n.pulled += pull(root, ident, *up);
    const int ahead = count(root, *up + "..HEAD");
    if (ahead == 0) return n;
    GitResult pushed = run_git(root, {"push", "-q"});
    if (pushed.ok()) {
      n.pushed = ahead;
      return n;
    }
    if (attempt == k_push_attempts) throw Error(fmt::format("git push failed: {}", pushed.message()));
  }
}

// After a conflict: every named file must be resolved and parse again.
void stage_resolutions(const fs::path& root) {
  for (const auto& file : conflicted_files(root)) {
    const RecordType* type = record_type_for_path(file);
    if (type) read_document(root, file, *type->schema);  // throws, naming path:line:col, while markers remain
    git_or_throw(root, {"add", "--", file}, "git add");
  }
}

void resume_rebase(const fs::path& root, const std::vector<std::string>& ident) {
  if (!sync_stopped(root)) throw Error("there is no stopped sync to continue");
  stage_resolutions(root);
  // Resolved to what the shared side already has: the commit is empty, skip it.
  const bool empty = run_git(root, {"diff", "--cached", "--quiet"}).ok();
  auto args = ident;
  args.insert(args.end(), {"-c", "core.editor=true", "rebase", empty ? "--skip" : "--continue"});
  GitResult r = run_git(root, args);
  if (!r.ok()) {
    if (sync_stopped(root)) stop_at_conflict(root, r.err);
    throw Error(fmt::format("git rebase --continue failed: {}", r.message()));
  }
}

int run_sync(const SyncOptions& o, Context& ctx) {
  const Store store = ctx.open_store(OnBadSettings::Allow);
  const fs::path& root = store.root();
  if (!is_own_repository(root))
    throw Error("the store is not a git repository of its own", "join a shared store with `caseload clone URL`");
  StoreLock lock(root, ctx.lock_wait());
  configure_merge_driver(root, ctx.executable.empty() ? fs::path("caseload") : ctx.executable);
  const auto ident = identity_args(root, "caseload");
  if (o.abort) {
    if (!sync_stopped(root)) throw Error("there is no stopped sync to abort");
    // Commits made with plain git on top of the stopped sync exist only on
    // its detached HEAD: aborting would drop them.
    const auto made = commits_made_while_stopped(root);
    if (!made.empty())
      throw Error(fmt::format("{} commit{} made while the sync was stopped, and --abort would drop {}", made.size(),
                              made.size() == 1 ? " was" : "s were", made.size() == 1 ? "it" : "them"),
                  "finish the sync with `caseload sync --continue`, which keeps them; nothing was changed");
    git_or_throw(root, {"rebase", "--abort"}, "git rebase --abort");
    if (!ctx.global.quiet) ctx.out << "Sync aborted: the store is as it was before the sync\n";
    return k_exit_ok;
  }
  if (o.resume) resume_rebase(root, ident);
  if (sync_stopped(root))
    throw Error("a sync stopped at a conflict", "resolve it and run `caseload sync --continue`, or `caseload sync --abort`");
  require_clean(root);
  const SyncCounts n = pull_and_push(root, ident);
  if (!ctx.global.quiet)
    ctx.out << fmt::format("Synced: {} commit{} received, {} sent\n", n.pulled, n.pulled == 1 ? "" : "s", n.pushed);
  return k_exit_ok;
}

}  // namespace

void setup_sync(CLI::App& app, Runner& run) {
  auto c = std::make_shared<CloneOptions>();
  auto* clone = add_command(app, run, "clone", "Clone a shared store and configure it (merge driver, identity)", c,
                            run_clone);
  clone->add_option("url", c->url, "The shared repository")->required();
  clone->add_option("dir", c->dir, "Where to put it (default: the repository's name)");
  auto s = std::make_shared<SyncOptions>();
  auto* sync = add_command(app, run, "sync", "Receive others' commits (rebase) and send yours (push)", s, run_sync);
  auto* resume = sync->add_flag("--continue", s->resume, "Go on after resolving a conflict");
  sync->add_flag("--abort", s->abort, "Give up a stopped sync and return to where it started")->excludes(resume);
}

}  // namespace caseload
