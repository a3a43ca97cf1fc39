#include "caseload/cli/autocommit.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <thread>

#include "caseload/core/errors.hpp"
#include "caseload/store/git.hpp"
#include "caseload/store/git_plumbing.hpp"
#include "caseload/store/lock.hpp"
#include "caseload/store/uncommitted.hpp"
#include "caseload/core/text.hpp"

namespace caseload {
namespace {
namespace fs = std::filesystem;

// A message naming more than this many things would be a file list; the
// commit itself lists the files.
constexpr size_t k_max_subjects = 6;

std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> parts;
  size_t start = 0;
  for (size_t slash; (slash = path.find('/', start)) != std::string::npos; start = slash + 1) {
    parts.push_back(path.substr(start, slash - start));
  }
  parts.push_back(path.substr(start));
  return parts;
}

std::string without_yaml(const std::string& name) {
  return name.ends_with(".yaml") ? name.substr(0, name.size() - 5) : name;
}

// The IDs one path contributes, most general first.
std::vector<std::string> subjects_of(const std::string& path) {
  const auto parts = split_path(path);
  if (parts.size() >= 3 && parts[0] == "clients") {
    if (parts.size() == 4) return {parts[1], without_yaml(parts[3])};
    return {parts[1]};
  }
  if (parts.size() == 2 && parts[0] == "resources") return {without_yaml(parts[1])};
  return {};
}

// The change is on disk and listed in .caseload/uncommitted: the next
// command that writes commits it. Never `git add -A`, which would also
// commit whatever else lies in the store.
int report_not_committed(Context& ctx, const std::string& why) {
  ctx.err << fmt::format("caseload: error: the change is written but not committed: {}\n", why);
  ctx.err << "  hint: the next caseload command that writes commits it with its own change\n";
  return k_exit_error;
}

std::vector<std::string> with_paths(std::vector<std::string> args, const std::vector<std::string>& paths) {
  args.push_back("--");
  args.insert(args.end(), paths.begin(), paths.end());
  return args;
}

// The acting worker: recorded in the trailer, and the author when git has
// no identity. A store whose settings name none still commits (as
// "caseload", without a trailer).
std::string acting_worker_or_none(const Context& ctx, const Store& store) {
  try {
    return ctx.acting_worker(store, "");
  } catch (const Error&) {
    return "";
  }
}

// Git refuses while another git program holds .git/index.lock (an editor's
// git panel running `git status`): such a refusal is retried for a while.
// A lock that no process holds and that has not changed for a few seconds
// was left by a git program that was killed; it would block every commit,
// so it is removed (and said so).
constexpr auto k_index_lock_wait = std::chrono::seconds(10);
constexpr auto k_stale_lock_age = std::chrono::seconds(5);

GitResult run_git_patiently(Context& ctx, const fs::path& root, const std::vector<std::string>& args) {
  const auto deadline = std::chrono::steady_clock::now() + k_index_lock_wait;
  auto pause = std::chrono::milliseconds(20);
  for (;;) {
    GitResult r = run_git(root, args);
    if (r.ok() || r.message().find("index.lock") == std::string::npos) return r;
    if (remove_stale_index_lock(root, k_stale_lock_age)) {
      ctx.err << "caseload: removed a stale .git/index.lock (left by a git program that was stopped)\n";
      continue;
    }
    if (std::chrono::steady_clock::now() >= deadline) return r;
    std::this_thread::sleep_for(pause);
    pause = std::min(pause * 2, std::chrono::milliseconds(500));
  }
}

// What to say when git gave up on a busy index.lock.
std::string explain_index_lock(const fs::path& root, const std::string& message) {
  if (message.find("index.lock") == std::string::npos) return message;
  if (stale_index_lock(root, k_stale_lock_age))
    return "a stale .git/index.lock blocks git and could not be removed; remove it with `caseload check --fix`";
  return "another git program is using the repository (.git/index.lock)";
}

// The journal's paths that git can be given: a file the command removed
// (the old name of a renamed record) only when git tracks it, since git
// refuses a path that matches nothing.
std::vector<std::string> committable(const fs::path& root, const std::vector<std::string>& paths) {
  std::vector<std::string> out, removed;
  for (const auto& path : paths) {
    std::error_code ec;
    (fs::exists(fs::symlink_status(root / path, ec)) ? out : removed).push_back(path);
  }
  if (removed.empty()) return out;
  GitResult tracked = run_git(root, with_paths({"ls-files", "-z"}, removed));
  for (size_t start = 0, end; tracked.ok() && (end = tracked.out.find('\0', start)) != std::string::npos; start = end + 1) {
    out.push_back(tracked.out.substr(start, end - start));
  }
  return out;
}

// The journal's paths, then those earlier commands wrote and could not
// commit (store/uncommitted.hpp), each once, in that order.
std::vector<std::string> paths_written(Context& ctx, const fs::path& root) {
  std::vector<std::string> paths = ctx.journal->paths;
  for (auto& p : uncommitted_paths(root)) {
    if (!contains(paths, p)) paths.push_back(std::move(p));
  }
  return paths;
}

// Stages and commits the change under the store lock; returns git's
// complaint, if any.
std::optional<std::string> commit_paths(Context& ctx, const Store& store, const std::string& command) {
  const fs::path& root = store.root();
  StoreLock lock(root, ctx.lock_wait());
  const auto written = paths_written(ctx, root);
  const auto paths = committable(root, written);
  if (paths.empty()) {
    forget_uncommitted(root);
    return std::nullopt;
  }
  const std::string message = commit_message(command, written, ctx.journal->detail);
  const std::string worker = acting_worker_or_none(ctx, store);
  if (plumbing_commit_applies(root)) {
    // Staged first, as `git add` would: the index then agrees with the commit.
    GitResult staged = run_git_patiently(ctx, root, with_paths({"update-index", "--add", "--remove"}, paths));
    if (!staged.ok()) return explain_index_lock(root, staged.message());
    try {
      const auto outcome =
          commit_with_plumbing(root, paths, with_worker_trailer(message, worker), identity_args(root, worker));
      if (outcome != PlumbingOutcome::HeadMoved) {
        forget_uncommitted(root);
        return std::nullopt;
      }
    } catch (const Error& e) {
      return std::string(e.what());
    }
  }
  GitResult added = run_git_patiently(ctx, root, with_paths({"add", "-A"}, paths));
  if (!added.ok()) return explain_index_lock(root, added.message());
  GitResult staged = run_git(root, with_paths({"diff", "--cached", "--quiet"}, paths));
  if (staged.status == 0) {
    forget_uncommitted(root);
    return std::nullopt;  // nothing changed: no commit
  }
  if (staged.status != 1) return staged.message();
  auto args = identity_args(root, worker);
  args.insert(args.end(), {"commit", "-q", "-m", with_worker_trailer(message, worker)});
  GitResult committed = run_git_patiently(ctx, root, with_paths(args, paths));
  if (!committed.ok()) return explain_index_lock(root, committed.message());
  forget_uncommitted(root);
  return std::nullopt;
}

}  // namespace

std::string commit_message(const std::string& command, const std::vector<std::string>& paths,
                           const std::string& detail) {
  // Every file of one or two clients: the detail names them and what was done
  // ("remove K7Q2MX (9 files)", "merge-client K7Q2MX into M6VHQ2").
  if (command == "remove" || command == "merge-client") return command + " " + detail;
  std::vector<std::string> subjects;
  for (const auto& path : paths) {
    auto ids = subjects_of(path);
    if (command == "intake") ids.resize(std::min<size_t>(ids.size(), 1));  // the new client; its first assessment goes without saying
    for (auto& s : ids) {
      if (std::find(subjects.begin(), subjects.end(), s) == subjects.end()) subjects.push_back(std::move(s));
    }
  }
  std::string message = command;
  if (subjects.size() > k_max_subjects) {
    message += fmt::format(" ({} files)", paths.size());
  } else {
    for (const auto& s : subjects) message += " " + s;
  }
  return detail.empty() ? message : message + " " + detail;
}

std::string with_worker_trailer(const std::string& message, const std::string& worker) {
  return worker.empty() ? message : fmt::format("{}\n\n{}: {}", message, k_worker_trailer, worker);
}

namespace {

// Whether the store has a .git of its own that git cannot use (an `init`
// cut short by a full disk): committing nothing there without a word would
// leave every later change uncommitted.
std::optional<std::string> damaged_repository(const fs::path& root) {
  std::error_code ec;
  if (!fs::exists(fs::symlink_status(root / ".git", ec))) return std::nullopt;
  GitResult r = run_git(root, {"rev-parse", "--show-toplevel"});
  if (r.ok()) return std::nullopt;
  return fmt::format("the store's git repository (.git) is damaged: {}", r.message());
}

int commit_store(Context& ctx, const std::string& command) {
  try {
    const Store store(ctx.journal->root, OnBadSettings::Allow);  // fmt may run on a broken one
    const auto top = repository_top(store.root());
    if (!store.settings().git.autocommit) {
      forget_uncommitted(store.root());  // nothing is committed here: nothing is owed
      return k_exit_ok;
    }
    if (!top) {
      if (auto damage = damaged_repository(store.root())) return report_not_committed(ctx, *damage);
      forget_uncommitted(store.root());
      return k_exit_ok;
    }
    if (!same_folder(*top, store.root())) {
      forget_uncommitted(store.root());
      ctx.err << fmt::format(
          "caseload: note: the store is inside the git repository at {}; caseload never commits to an "
          "outer repository, so this change was not committed\n",
          top->string());
      ctx.err << "  hint: make the store a repository of its own, or set git.autocommit: false in caseload.yaml\n";
      return k_exit_ok;
    }
    if (auto failure = commit_paths(ctx, store, command)) return report_not_committed(ctx, *failure);
  } catch (const Error& e) {
    return report_not_committed(ctx, e.what());
  }
  return k_exit_ok;
}

}  // namespace

int autocommit(Context& ctx, const std::string& command) {
  if (!ctx.journal || ctx.journal->paths.empty()) return k_exit_ok;
  return commit_store(ctx, command);
}

int commit_left_over(Context& ctx, const Store& store, const std::string& command) {
  if (!ctx.journal) return k_exit_ok;
  ctx.journal->root = store.root();
  return commit_store(ctx, command);
}

}  // namespace caseload
