#pragma once
// Git as a child process: an argument vector (never a shell), always
// `git -C <root>`, output captured. The store is versioned only when it is
// the top level of a repository of its own: the program never commits to a
// repository that merely contains the store.
#include <chrono>
#include <cstddef>
#include <filesystem>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace caseload {

struct GitResult {
  int status = 0;  // the exit status; 127 when git could not be started
  std::string out;
  std::string err;
  bool truncated = false;  // stdout went past the limit given to run_git
  bool ok() const { return status == 0 && !truncated; }
  // Git's own message for an error report: stderr, else stdout, trimmed.
  std::string message() const;
};

// Runs `git -C root ARGS...` and captures stdout and stderr; past `max_out`
// bytes of stdout git is stopped and the result is `truncated` (not ok).
GitResult run_git(const std::filesystem::path& root, const std::vector<std::string>& args,
                  std::size_t max_out = std::numeric_limits<std::size_t>::max());
// The same with `input` on git's stdin, written while its output is read
// (`cat-file --batch` answers each line as it comes).
GitResult run_git_input(const std::filesystem::path& root, const std::vector<std::string>& args,
                        std::string_view input, std::size_t max_out = std::numeric_limits<std::size_t>::max());
// Runs `git -C root ARGS...` on the program's own stdin, stdout and stderr
// (for `caseload git`: pagers, editors and colours work); returns its status.
int run_git_inherit(const std::filesystem::path& root, const std::vector<std::string>& args);

bool git_available();

// The top level of the repository that holds `dir`, when there is one.
std::optional<std::filesystem::path> repository_top(const std::filesystem::path& dir);
// Whether `root` is the top level of its own repository (not a folder
// inside some other one).
bool is_own_repository(const std::filesystem::path& root);
bool same_folder(const std::filesystem::path& a, const std::filesystem::path& b);

// `-c user.name=... -c user.email=...` when git has no identity configured
// for this repository, so that commits never fail for lack of one; empty
// when git has an identity. `worker` signs in its place.
std::vector<std::string> identity_args(const std::filesystem::path& root, const std::string& worker);
bool has_identity(const std::filesystem::path& root);

// The store's merge driver (caseload(5)): `merge.caseload.*` in the
// repository's own config, pointing at `executable`. Returns whether the
// configuration was changed.
bool configure_merge_driver(const std::filesystem::path& root, const std::filesystem::path& executable);

// Whether a `caseload sync` (a git rebase) stopped at a conflict in the
// store's repository and waits for `sync --continue` or `--abort`.
bool sync_stopped(const std::filesystem::path& root);
// The commits made on top of a stopped sync by hand (plain git), which
// `git rebase --abort` would drop: those between the rebase's base and HEAD
// that the rebase did not write itself. Empty when no sync is stopped.
std::vector<std::string> commits_made_while_stopped(const std::filesystem::path& root);

// A .git/index.lock that no running process holds open and that is older
// than `min_age`: left by a git program that was killed, it blocks every
// commit until it is removed.
bool stale_index_lock(const std::filesystem::path& root, std::chrono::seconds min_age);
// Removes it when it is still stale; whether it did.
bool remove_stale_index_lock(const std::filesystem::path& root, std::chrono::seconds min_age);

// Paths in the tree of `rev` that a store must never take in from a shared
// repository (SECURITY.md): links (git mode 120000), whose targets a checkout
// would let the program read or write, and anything under .caseload/, this
// machine's own lock, cache and editing copies. Empty when `rev` has none or
// does not exist.
std::vector<std::string> forbidden_tracked_paths(const std::filesystem::path& root, const std::string& rev);

inline constexpr const char* k_gitattributes = "*.yaml text eol=lf merge=caseload\n";

}  // namespace caseload
