#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <string>

#include "caseload/store/git.hpp"
#include "temp_dir.hpp"

using namespace caseload;
using caseload::testing::TempDir;

namespace {

void git_init(const TempDir& dir) { REQUIRE(run_git(dir.path(), {"init", "-q"}).ok()); }

// A file of `size` bytes, stored as a blob; returns its hash.
std::string blob_of(const TempDir& dir, std::size_t size) {
  std::ofstream(dir / "big") << std::string(size, 'x');
  GitResult r = run_git(dir.path(), {"hash-object", "-w", "big"});
  REQUIRE(r.ok());
  return r.out.substr(0, r.out.find('\n'));
}

void set_age(const std::filesystem::path& file, int seconds_ago) {
  const struct timespec times[2] = {{::time(nullptr) - seconds_ago, 0}, {::time(nullptr) - seconds_ago, 0}};
  REQUIRE(::utimensat(AT_FDCWD, file.c_str(), times, 0) == 0);
}

}  // namespace

TEST_CASE("run_git stops reading past its limit: a huge blob costs no memory") {
  TempDir dir;
  git_init(dir);
  const std::string blob = blob_of(dir, 4 * 1024 * 1024);
  GitResult limited = run_git(dir.path(), {"cat-file", "-p", blob}, 1000);
  CHECK(limited.truncated);
  CHECK_FALSE(limited.ok());
  CHECK(limited.out.size() == 1000);
  CHECK(limited.message().find("larger than") != std::string::npos);
  GitResult whole = run_git(dir.path(), {"cat-file", "-p", blob});
  CHECK(whole.ok());
  CHECK(whole.out.size() == 4 * 1024 * 1024);
}

TEST_CASE("run_git_input writes stdin while it reads stdout: megabytes each way do not wait on each other") {
  TempDir dir;
  git_init(dir);
  // cat-file --batch answers each line as it comes: with more input than a
  // pipe holds, a reader that wrote everything first would wait for ever.
  const std::string blob = blob_of(dir, 100);
  std::string input;
  for (int i = 0; i < 20000; ++i) input += blob + "\n";  // ~800 KB in, ~3 MB out
  GitResult r = run_git_input(dir.path(), {"cat-file", "--batch", "--buffer"}, input);
  REQUIRE(r.ok());
  CHECK(r.out.size() == 20000 * (blob.size() + std::string(" blob 100\n").size() + 100 + 1));
}

TEST_CASE("run_git_input: git that reads no input is no SIGPIPE, only its own result") {
  TempDir dir;
  GitResult r = run_git_input(dir.path(), {"--version"}, std::string(8 * 1024 * 1024, 'x'));
  CHECK(r.ok());
  CHECK(r.out.starts_with("git version"));
}

TEST_CASE("an index.lock is stale only when old and held by no process") {
  TempDir dir;
  git_init(dir);
  const auto lock = dir / ".git/index.lock";
  CHECK_FALSE(stale_index_lock(dir.path(), std::chrono::seconds(5)));  // none
  std::ofstream(lock) << "";
  CHECK_FALSE(stale_index_lock(dir.path(), std::chrono::seconds(5)));  // fresh: git may be writing it
  set_age(lock, 60);
  {
    const int fd = ::open(lock.c_str(), O_RDONLY);  // held open, as a running git holds it
    REQUIRE(fd >= 0);
    CHECK_FALSE(stale_index_lock(dir.path(), std::chrono::seconds(5)));
    CHECK_FALSE(remove_stale_index_lock(dir.path(), std::chrono::seconds(5)));
    ::close(fd);
  }
  CHECK(stale_index_lock(dir.path(), std::chrono::seconds(5)));
  CHECK(remove_stale_index_lock(dir.path(), std::chrono::seconds(5)));
  CHECK_FALSE(std::filesystem::exists(lock));
}

TEST_CASE("no commit is counted as made during a stop when no sync is stopped") {
  TempDir dir;
  git_init(dir);
  CHECK(commits_made_while_stopped(dir.path()).empty());
}
