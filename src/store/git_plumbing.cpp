// Committing with git's plumbing: see store/git_plumbing.hpp.
#include "caseload/store/git_plumbing.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>

#include "caseload/core/errors.hpp"
#include "caseload/store/git.hpp"

namespace caseload {
namespace fs = std::filesystem;
namespace {

std::string trimmed(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
  return s;
}

GitResult checked(const fs::path& root, const std::vector<std::string>& args, std::string_view input = {}) {
  GitResult r = input.empty() ? run_git(root, args) : run_git_input(root, args, input);
  if (!r.ok()) throw Error(fmt::format("git {} failed: {}", args.front(), r.message()));
  return r;
}

struct Entry {
  std::string mode, type, id;
};
using Entries = std::map<std::string, Entry>;  // by name

Entries read_tree(const fs::path& root, const std::string& tree) {
  Entries out;
  const std::string text = checked(root, {"ls-tree", "-z", tree}).out;
  // "<mode> SP <type> SP <id> TAB <name> NUL"
  for (size_t start = 0, end; (end = text.find('\0', start)) != std::string::npos; start = end + 1) {
    const std::string_view line(text.data() + start, end - start);
    const size_t sp1 = line.find(' '), sp2 = line.find(' ', sp1 + 1), tab = line.find('\t');
    if (sp1 == std::string_view::npos || sp2 == std::string_view::npos || tab == std::string_view::npos) continue;
    out[std::string(line.substr(tab + 1))] = {std::string(line.substr(0, sp1)),
                                             std::string(line.substr(sp1 + 1, sp2 - sp1 - 1)),
                                             std::string(line.substr(sp2 + 1, tab - sp2 - 1))};
  }
  return out;
}

// The changes under one folder: its files (a blob ID, or none: removed)
// and its subfolders' changes.
struct Edit {
  std::map<std::string, std::optional<std::string>> files;
  std::map<std::string, Edit> folders;
};

// The folder's new tree (none: it is left empty), from its old one (none: new).
std::optional<std::string> apply(const fs::path& root, const std::optional<std::string>& tree, const Edit& edit) {
  Entries entries = tree ? read_tree(root, *tree) : Entries{};
  for (const auto& [name, sub] : edit.folders) {
    auto it = entries.find(name);
    std::optional<std::string> old;
    if (it != entries.end() && it->second.type == "tree") old = it->second.id;
    auto made = apply(root, old, sub);
    if (made) entries[name] = {"040000", "tree", *made};
    else if (old) entries.erase(name);
  }
  for (const auto& [name, blob] : edit.files) {
    if (blob) entries[name] = {"100644", "blob", *blob};
    else entries.erase(name);
  }
  if (entries.empty()) return std::nullopt;
  std::string input;
  for (const auto& [name, e] : entries) input += fmt::format("{} {} {}\t{}", e.mode, e.type, e.id, name) + '\0';
  return trimmed(checked(root, {"mktree", "-z"}, input).out);
}

}  // namespace

bool plumbing_commit_applies(const fs::path& root) {
  GitResult head = run_git(root, {"rev-parse", "-q", "--verify", "HEAD^{commit}"});
  if (!head.ok()) return false;
  GitResult where = run_git(root, {"rev-parse", "--git-path", "hooks", "--git-path", "MERGE_HEAD"});
  if (!where.ok()) return false;
  const std::string text = where.out;
  const size_t nl = text.find('\n');
  if (nl == std::string::npos) return false;
  const fs::path hooks = root / text.substr(0, nl);
  const fs::path merge_head = root / trimmed(text.substr(nl + 1));
  std::error_code ec;
  if (fs::exists(merge_head, ec)) return false;
  for (const char* hook : {"pre-commit", "prepare-commit-msg", "commit-msg", "post-commit"}) {
    if (fs::exists(hooks / hook, ec)) return false;
  }
  GitResult sign = run_git(root, {"config", "--bool", "commit.gpgSign"});
  return !(sign.ok() && trimmed(sign.out) == "true");
}

PlumbingOutcome commit_with_plumbing(const fs::path& root, const std::vector<std::string>& paths,
                                     const std::string& message, const std::vector<std::string>& identity) {
  const std::string head = trimmed(checked(root, {"rev-parse", "-q", "--verify", "HEAD^{commit}"}).out);
  const std::string head_tree = trimmed(checked(root, {"rev-parse", head + "^{tree}"}).out);
  std::vector<std::string> present;
  for (const auto& p : paths) {
    std::error_code ec;
    if (fs::is_regular_file(fs::symlink_status(root / p, ec))) present.push_back(p);
  }
  std::vector<std::string> blobs;
  if (!present.empty()) {
    std::string list;
    for (const auto& p : present) list += p + '\n';
    // --stdin-paths: one process for every file, each through its path's attributes (eol=lf).
    const std::string out = checked(root, {"hash-object", "-w", "--stdin-paths"}, list).out;
    for (size_t start = 0, end; (end = out.find('\n', start)) != std::string::npos; start = end + 1)
      blobs.push_back(out.substr(start, end - start));
    if (blobs.size() != present.size()) throw Error("git hash-object gave fewer object IDs than files");
  }
  Edit edit;
  for (const auto& p : paths) {
    Edit* at = &edit;
    size_t start = 0;
    for (size_t slash; (slash = p.find('/', start)) != std::string::npos; start = slash + 1)
      at = &at->folders[p.substr(start, slash - start)];
    auto it = std::find(present.begin(), present.end(), p);
    at->files[p.substr(start)] =
        it == present.end() ? std::nullopt : std::optional<std::string>(blobs[it - present.begin()]);
  }
  const auto tree = apply(root, head_tree, edit);
  if (!tree) throw Error("the commit would leave the store empty");
  if (*tree == head_tree) return PlumbingOutcome::NothingChanged;
  std::vector<std::string> args = identity;
  args.insert(args.end(), {"commit-tree", *tree, "-p", head, "-F", "-"});
  const std::string commit = trimmed(checked(root, args, message).out);
  // Compare and swap: when HEAD is no longer the commit this one is built
  // on, nothing is changed and the porcelain commits on the new HEAD.
  const std::string subject = message.substr(0, message.find('\n'));
  GitResult moved = run_git(root, {"update-ref", "-m", "commit: " + subject, "HEAD", commit, head});
  return moved.ok() ? PlumbingOutcome::Committed : PlumbingOutcome::HeadMoved;
}

}  // namespace caseload
