#include "caseload/store/git.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <poll.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>

#include "caseload/core/errors.hpp"
#include "caseload/store/fsutil.hpp"

extern char** environ;

namespace caseload {
namespace fs = std::filesystem;
namespace {

// Variables that would make git work on another repository than the one
// `-C root` names (git sets them for hooks and merge drivers it runs).
bool redirects_git(std::string_view entry) {
  for (std::string_view name : {"GIT_DIR=", "GIT_WORK_TREE=", "GIT_INDEX_FILE=", "GIT_OBJECT_DIRECTORY=",
                                "GIT_ALTERNATE_OBJECT_DIRECTORIES=", "GIT_COMMON_DIR=", "GIT_NAMESPACE=",
                                "GIT_PREFIX="}) {
    if (entry.starts_with(name)) return true;
  }
  return false;
}

std::vector<char*> child_environment() {
  std::vector<char*> env;
  for (char** e = environ; e && *e; ++e) {
    if (!redirects_git(*e)) env.push_back(*e);
  }
  env.push_back(nullptr);
  return env;
}

std::vector<std::string> git_argv(const fs::path& root, const std::vector<std::string>& args) {
  std::vector<std::string> argv{"git"};
  if (!root.empty()) argv.insert(argv.end(), {"-C", root.string()});
  argv.insert(argv.end(), args.begin(), args.end());
  return argv;
}

// Starts git; returns its pid, or -1 when it could not be started.
pid_t spawn(const std::vector<std::string>& argv, posix_spawn_file_actions_t* actions) {
  std::vector<char*> cargv;
  for (const auto& a : argv) cargv.push_back(const_cast<char*>(a.c_str()));
  cargv.push_back(nullptr);
  auto env = child_environment();
  pid_t pid = -1;
  if (::posix_spawnp(&pid, "git", actions, nullptr, cargv.data(), env.data()) != 0) return -1;
  return pid;
}

int wait_for(pid_t pid) {
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) return 127;
  }
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  return 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
}

// Reads both pipes until both are closed; polling both keeps git from
// blocking on a full stderr pipe while we wait on stdout. With `in_fd`,
// `input` is written to it as git takes it, and it is closed at the end, so
// that a long list of objects for `cat-file --batch` and git's answer never
// wait on each other.
// Past `max_out` bytes of stdout the pipe is closed (git then dies of
// SIGPIPE) and `truncated` set: a hostile repository's 300 MB blob must not
// take 300 MB of memory.
void drain(int out_fd, int err_fd, std::string& out, std::string& err, std::size_t max_out, bool& truncated,
           int in_fd = -1, std::string_view input = {}) {
  std::array<pollfd, 3> fds{{{out_fd, POLLIN, 0}, {err_fd, POLLIN, 0}, {in_fd, POLLOUT, 0}}};
  std::array<std::string*, 2> sinks{&out, &err};
  auto close_input = [&] {
    if (fds[2].fd >= 0) ::close(fds[2].fd);
    fds[2].fd = -1;
  };
  if (input.empty()) close_input();
  int open = 2;
  char buffer[65536];
  while (open > 0) {
    if (::poll(fds.data(), fds.size(), -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    if (fds[2].fd >= 0 && fds[2].revents != 0) {
      // MSG_NOSIGNAL: git gone early must be an error here, not a SIGPIPE
      // that kills caseload.
      const ssize_t n = ::send(fds[2].fd, input.data(), input.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
      if (n > 0) input.remove_prefix(static_cast<size_t>(n));
      if (input.empty() || (n < 0 && errno != EINTR && errno != EAGAIN)) close_input();
    }
    for (size_t i = 0; i < sinks.size(); ++i) {
      if (fds[i].fd < 0 || fds[i].revents == 0) continue;
      ssize_t n = ::read(fds[i].fd, buffer, sizeof buffer);
      if (n > 0) {
        sinks[i]->append(buffer, static_cast<size_t>(n));
        if (i == 0 && out.size() > max_out) {
          out.resize(max_out);
          truncated = true;
          ::close(fds[i].fd);
          fds[i].fd = -1;
          --open;
        }
      } else if (n == 0 || errno != EINTR) {
        ::close(fds[i].fd);
        fds[i].fd = -1;
        --open;
      }
    }
  }
  close_input();
}

}  // namespace

std::string GitResult::message() const {
  if (truncated) return fmt::format("git's output was larger than caseload reads ({} bytes)", out.size());
  std::string m = err.find_first_not_of(" \n") != std::string::npos ? err : out;
  while (!m.empty() && (m.back() == '\n' || m.back() == ' ')) m.pop_back();
  if (m.empty()) m = fmt::format("git exited with status {}", status);
  return m;
}

namespace {

// run_git and run_git_input: `input`, when not empty, goes to git's stdin
// through a socket (send() can refuse SIGPIPE, write() on a pipe cannot).
GitResult run_git_with(const fs::path& root, const std::vector<std::string>& args, std::string_view input,
                       std::size_t max_out) {
  int out_pipe[2], err_pipe[2];
  int in_pair[2] = {-1, -1};
  auto fail = [](int* a, int* b) {
    const int err = errno;
    for (int* p : {a, b}) {
      if (!p) continue;
      ::close(p[0]);
      ::close(p[1]);
    }
    throw Error(fmt::format("cannot run git: {}", std::strerror(err)));
  };
  if (::pipe2(out_pipe, O_CLOEXEC) != 0) fail(nullptr, nullptr);
  if (::pipe2(err_pipe, O_CLOEXEC) != 0) fail(out_pipe, nullptr);
  if (!input.empty() && ::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, in_pair) != 0) fail(out_pipe, err_pipe);
  posix_spawn_file_actions_t actions;
  ::posix_spawn_file_actions_init(&actions);
  ::posix_spawn_file_actions_adddup2(&actions, out_pipe[1], 1);
  ::posix_spawn_file_actions_adddup2(&actions, err_pipe[1], 2);
  if (in_pair[0] >= 0) ::posix_spawn_file_actions_adddup2(&actions, in_pair[0], 0);
  const pid_t pid = spawn(git_argv(root, args), &actions);
  ::posix_spawn_file_actions_destroy(&actions);
  ::close(out_pipe[1]);
  ::close(err_pipe[1]);
  if (in_pair[0] >= 0) ::close(in_pair[0]);
  GitResult result;
  drain(out_pipe[0], err_pipe[0], result.out, result.err, max_out, result.truncated, in_pair[1], input);
  if (pid < 0) {
    result.status = 127;
    result.err = "git could not be started (is it installed and on PATH?)";
    return result;
  }
  result.status = wait_for(pid);
  return result;
}

}  // namespace

GitResult run_git(const fs::path& root, const std::vector<std::string>& args, std::size_t max_out) {
  return run_git_with(root, args, {}, max_out);
}

GitResult run_git_input(const fs::path& root, const std::vector<std::string>& args, std::string_view input,
                        std::size_t max_out) {
  return run_git_with(root, args, input, max_out);
}

int run_git_inherit(const fs::path& root, const std::vector<std::string>& args) {
  const pid_t pid = spawn(git_argv(root, args), nullptr);
  if (pid < 0) throw Error("git could not be started", "install git, or check PATH");
  return wait_for(pid);
}

bool git_available() { return run_git({}, {"--version"}).ok(); }

std::optional<fs::path> repository_top(const fs::path& dir) {
  GitResult r = run_git(dir, {"rev-parse", "--show-toplevel"});
  if (!r.ok()) return std::nullopt;
  while (!r.out.empty() && r.out.back() == '\n') r.out.pop_back();
  if (r.out.empty()) return std::nullopt;
  return fs::path(r.out);
}

bool same_folder(const fs::path& a, const fs::path& b) {
  std::error_code ec1, ec2;
  auto ca = fs::canonical(a, ec1);
  auto cb = fs::canonical(b, ec2);
  return !ec1 && !ec2 && ca == cb;
}

bool is_own_repository(const fs::path& root) {
  auto top = repository_top(root);
  return top && same_folder(*top, root);
}

bool has_identity(const fs::path& root) {
  return run_git(root, {"config", "user.name"}).ok() && run_git(root, {"config", "user.email"}).ok();
}

std::vector<std::string> identity_args(const fs::path& root, const std::string& worker) {
  if (has_identity(root)) return {};
  const std::string who = worker.empty() ? "caseload" : worker;
  return {"-c", "user.name=" + who, "-c", fmt::format("user.email={}@caseload.invalid", who)};
}

bool configure_merge_driver(const fs::path& root, const fs::path& executable) {
  // Git runs the driver through the shell: quote the path for it.
  std::string quoted = "'";
  for (char c : executable.string()) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  quoted += "'";
  // The driver must outlive the binary that registered it (a build folder
  // removed, a package reinstalled): git runs it through the shell, which
  // tries `caseload` on PATH, then this binary, and when neither can run
  // falls back to git's own text merge with conflict markers. Without that
  // fallback git keeps "ours" with no marker, and the other side is lost.
  const std::string driver = "for c in caseload " + quoted +
                             "; do if command -v \"$c\" >/dev/null 2>&1; then exec \"$c\" merge-driver %O %A %B %P; "
                             "fi; done; exec git merge-file -L ours -L base -L theirs %A %O %B";
  GitResult current = run_git(root, {"config", "--local", "--get", "merge.caseload.driver"});
  if (current.ok() && current.out == driver + "\n") return false;
  for (const auto& [key, value] : {std::pair<std::string, std::string>{"merge.caseload.name",
                                                                       "caseload structural merge of YAML records"},
                                   {"merge.caseload.driver", driver}}) {
    GitResult r = run_git(root, {"config", "--local", key, value});
    if (!r.ok()) throw Error(fmt::format("cannot configure the merge driver: {}", r.message()));
  }
  return true;
}

std::vector<std::string> forbidden_tracked_paths(const fs::path& root, const std::string& rev) {
  std::vector<std::string> found;
  GitResult r = run_git(root, {"ls-tree", "-r", "-z", "--full-tree", rev});
  if (!r.ok()) return found;
  // Each entry: "<mode> <type> <object>\t<path>\0".
  for (std::size_t at = 0; at < r.out.size();) {
    std::size_t end = r.out.find('\0', at);
    if (end == std::string::npos) end = r.out.size();
    const std::string_view entry(r.out.data() + at, end - at);
    at = end + 1;
    const std::size_t tab = entry.find('\t');
    if (tab == std::string_view::npos) continue;
    const std::string_view path = entry.substr(tab + 1);
    if (entry.starts_with("120000 ") || path == ".caseload" || path.starts_with(".caseload/"))
      found.emplace_back(path);
  }
  return found;
}

bool sync_stopped(const fs::path& root) {
  // A store is the top of its own repository, so .git is usually a folder
  // here: two stats, no process, on every write. Else git is asked.
  std::error_code ec;
  if (fs::is_directory(fs::symlink_status(root / ".git", ec)))
    return fs::exists(root / ".git" / "rebase-merge", ec) || fs::exists(root / ".git" / "rebase-apply", ec);
  if (!fs::exists(fs::symlink_status(root / ".git", ec))) return false;
  for (const char* dir : {"rebase-merge", "rebase-apply"}) {
    GitResult r = run_git(root, {"rev-parse", "--git-path", dir});
    std::string path = r.out;
    while (!path.empty() && path.back() == '\n') path.pop_back();
    if (r.ok() && fs::exists(root / path, ec)) return true;
  }
  return false;
}

namespace {

std::string first_line(std::string s) {
  const auto end = s.find('\n');
  if (end != std::string::npos) s.resize(end);
  return s;
}

// `.git/NAME` as git resolves it (a worktree's .git is a file).
fs::path git_path(const fs::path& root, const std::string& name) {
  GitResult r = run_git(root, {"rev-parse", "--git-path", name});
  if (!r.ok()) return {};
  const fs::path path = first_line(r.out);
  return path.is_absolute() ? path : root / path;
}

}  // namespace

std::vector<std::string> commits_made_while_stopped(const fs::path& root) {
  for (const char* name : {"rebase-merge", "rebase-apply"}) {
    const fs::path dir = git_path(root, name);
    std::error_code ec;
    if (dir.empty() || !fs::is_directory(fs::symlink_status(dir, ec))) continue;
    const FileRead onto = read_regular_file(dir / "onto", 4096);
    if (onto.status != FileRead::ok) return {};
    // "OLD NEW" a line for every commit the rebase has written so far.
    std::vector<std::string> rewritten;
    const FileRead list = read_regular_file(dir / "rewritten-list", 64 * 1024 * 1024);
    for (size_t start = 0, end; list.status == FileRead::ok && start < list.bytes.size(); start = end + 1) {
      end = list.bytes.find('\n', start);
      if (end == std::string::npos) end = list.bytes.size();
      const std::string line = list.bytes.substr(start, end - start);
      const auto space = line.find(' ');
      if (space != std::string::npos) rewritten.push_back(line.substr(space + 1, line.find(' ', space + 1) - space - 1));
    }
    GitResult r = run_git(root, {"rev-list", first_line(onto.bytes) + "..HEAD"});
    if (!r.ok()) return {};
    std::vector<std::string> made;
    for (size_t start = 0, end; (end = r.out.find('\n', start)) != std::string::npos; start = end + 1) {
      std::string hash = r.out.substr(start, end - start);
      if (!hash.empty() && std::find(rewritten.begin(), rewritten.end(), hash) == rewritten.end())
        made.push_back(std::move(hash));
    }
    return made;
  }
  return {};
}

namespace {

// Whether a running process has `file` open: git keeps the lock file open
// from its creation to its rename, so a lock nobody holds was left behind.
// Only this user's processes can be seen, which are the ones that write here.
bool held_open(const fs::path& file) {
  struct stat target {};
  if (::stat(file.c_str(), &target) != 0) return false;
  std::error_code ec;
  for (const auto& proc : fs::directory_iterator("/proc", ec)) {
    const std::string pid = proc.path().filename();
    if (pid.empty() || pid.find_first_not_of("0123456789") != std::string::npos) continue;
    std::error_code fd_ec;
    for (const auto& fd : fs::directory_iterator(proc.path() / "fd", fd_ec)) {
      struct stat st {};
      if (::stat(fd.path().c_str(), &st) == 0 && st.st_dev == target.st_dev && st.st_ino == target.st_ino) return true;
    }
  }
  return false;
}

}  // namespace

bool stale_index_lock(const fs::path& root, std::chrono::seconds min_age) {
  const fs::path lock = git_path(root, "index.lock");
  struct stat st {};
  if (lock.empty() || ::lstat(lock.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return false;
  if (::time(nullptr) - st.st_mtime < min_age.count()) return false;
  return !held_open(lock);
}

bool remove_stale_index_lock(const fs::path& root, std::chrono::seconds min_age) {
  if (!stale_index_lock(root, min_age)) return false;
  return ::unlink(git_path(root, "index.lock").c_str()) == 0;
}

}  // namespace caseload
