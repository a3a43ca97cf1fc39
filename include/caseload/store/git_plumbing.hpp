#pragma once
// Committing a command's few files with git's plumbing instead of
// `git commit -- PATHS`: on a store of 10,000 clients the porcelain builds
// a temporary index and refreshes all of its ~100,000 entries (seconds per
// write), while hashing the files, rewriting only the trees on their paths
// (`mktree`), `commit-tree` and a compare-and-swap `update-ref` touch
// nothing else. The commit holds exactly the given paths on top of HEAD,
// whatever else is staged, like `git commit -- PATHS`.
#include <filesystem>
#include <string>
#include <vector>

namespace caseload {

// Whether the plumbing gives the same commit `git commit` would: HEAD is a
// commit (not the first commit of a repository), no merge is in progress,
// no commit hook would run (pre-commit, prepare-commit-msg, commit-msg,
// post-commit, in core.hooksPath or .git/hooks) and commits are not signed
// (commit.gpgSign). Otherwise the porcelain runs them as the user set up.
bool plumbing_commit_applies(const std::filesystem::path& root);

enum class PlumbingOutcome {
  Committed,
  NothingChanged,  // the paths' content is HEAD's: no commit, as git commit would refuse one
  HeadMoved,       // another program committed meanwhile: nothing was changed; commit the porcelain way
};
// Commits the paths (root-relative; a file that exists is taken as it is on
// disk, through .gitattributes; one that does not is removed from the tree)
// on top of HEAD with `message`; `identity` are `-c` options
// (identity_args) put before the git subcommand. The index is not touched:
// the caller stages the paths first (`update-index`). Throws Error with
// git's message when git fails.
PlumbingOutcome commit_with_plumbing(const std::filesystem::path& root, const std::vector<std::string>& paths,
                                     const std::string& message, const std::vector<std::string>& identity);

}  // namespace caseload
