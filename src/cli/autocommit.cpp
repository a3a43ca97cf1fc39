#include "caseload/cli/autocommit.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "caseload/core/errors.hpp"
#include "caseload/store/git.hpp"
#include "caseload/store/lock.hpp"

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

void warn_not_committed(Context& ctx, const std::string& why) {
  ctx.err << fmt::format("caseload: warning: files were written but not committed: {}\n", why);
  ctx.err << "  hint: commit them with `caseload git add -A` and `caseload git commit`\n";
}

std::vector<std::string> with_paths(std::vector<std::string> args, const std::vector<std::string>& paths) {
  args.push_back("--");
  args.insert(args.end(), paths.begin(), paths.end());
  return args;
}

// The acting worker signs commits when git has no identity; a store whose
// settings name none still commits, as "caseload".
std::string signing_worker(const Context& ctx, const Store& store) {
  try {
    return ctx.acting_worker(store, "");
  } catch (const Error&) {
    return "caseload";
  }
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

// Stages and commits `paths` under the store lock; returns git's complaint, if any.
std::optional<std::string> commit_paths(Context& ctx, const Store& store, const std::string& message) {
  const fs::path& root = store.root();
  StoreLock lock(root, ctx.lock_wait());
  const auto paths = committable(root, ctx.journal->paths);
  if (paths.empty()) return std::nullopt;
  GitResult added = run_git(root, with_paths({"add", "-A"}, paths));
  if (!added.ok()) return added.message();
  GitResult staged = run_git(root, with_paths({"diff", "--cached", "--quiet"}, paths));
  if (staged.status == 0) return std::nullopt;  // nothing changed: no commit
  if (staged.status != 1) return staged.message();
  auto args = identity_args(root, signing_worker(ctx, store));
  args.insert(args.end(), {"commit", "-q", "-m", message});
  GitResult committed = run_git(root, with_paths(args, paths));
  if (!committed.ok()) return committed.message();
  return std::nullopt;
}

}  // namespace

std::string commit_message(const std::string& command, const std::vector<std::string>& paths,
                           const std::string& detail) {
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

void autocommit(Context& ctx, const std::string& command) {
  if (!ctx.journal || ctx.journal->paths.empty()) return;
  try {
    const Store store(ctx.journal->root, OnBadSettings::Allow);  // fmt may run on a broken one
    if (!store.settings().git.autocommit) return;
    const auto top = repository_top(store.root());
    if (!top) return;  // not versioned: there is nothing to commit to
    if (!same_folder(*top, store.root())) {
      ctx.err << fmt::format(
          "caseload: note: the store is inside the git repository at {}; caseload never commits to an "
          "outer repository, so this change was not committed\n",
          top->string());
      ctx.err << "  hint: make the store a repository of its own, or set git.autocommit: false in caseload.yaml\n";
      return;
    }
    if (auto failure = commit_paths(ctx, store, commit_message(command, ctx.journal->paths, ctx.journal->detail))) {
      warn_not_committed(ctx, *failure);
    }
  } catch (const Error& e) {
    warn_not_committed(ctx, e.what());
  }
}

}  // namespace caseload
