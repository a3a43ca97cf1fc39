#include <doctest/doctest.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <thread>

#include "caseload/core/errors.hpp"
#include "caseload/store/lock.hpp"
#include "temp_dir.hpp"

using namespace caseload;
using caseload::testing::TempDir;
using namespace std::chrono_literals;

namespace {

// A child process that takes the store lock, says so on a pipe, and holds it
// until it is killed.
class LockHolder {
 public:
  explicit LockHolder(const std::filesystem::path& root) {
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    pid_ = ::fork();
    REQUIRE(pid_ >= 0);
    if (pid_ == 0) {
      ::close(fds[0]);
      try {
        StoreLock lock(root, 1000ms);
        char ok = 'L';
        (void)!::write(fds[1], &ok, 1);
        for (;;) ::pause();
      } catch (...) {
        ::_exit(1);
      }
    }
    ::close(fds[1]);
    char got = 0;
    REQUIRE(::read(fds[0], &got, 1) == 1);
    REQUIRE(got == 'L');
    ::close(fds[0]);
  }
  ~LockHolder() { kill(); }

  // SIGKILL, as when a writer is killed mid-command: no destructor runs.
  void kill() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGKILL);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
  }

 private:
  pid_t pid_ = -1;
};

std::optional<std::string> lock_error(const std::filesystem::path& root,
                                      std::chrono::milliseconds wait) {
  try {
    StoreLock lock(root, wait);
  } catch (const Error& e) {
    return std::string(e.what());
  }
  return std::nullopt;
}

}  // namespace

TEST_SUITE("store::lock") {
  TEST_CASE("the lock lives in a private .caseload folder") {
    TempDir root;
    StoreLock lock(root.path(), 100ms);
    struct stat st {};
    REQUIRE(::stat((root / ".caseload").c_str(), &st) == 0);
    CHECK((st.st_mode & 07777) == 0700);
    REQUIRE(::stat((root / ".caseload" / "lock").c_str(), &st) == 0);
    CHECK((st.st_mode & 0077) == 0);
  }

  TEST_CASE("a second writer in another thread waits, then gives up") {
    TempDir root;
    std::optional<StoreLock> first;
    first.emplace(root.path(), 100ms);
    const auto start = std::chrono::steady_clock::now();
    std::optional<std::string> error;
    std::thread([&] { error = lock_error(root.path(), 100ms); }).join();
    const auto waited = std::chrono::steady_clock::now() - start;
    REQUIRE(error.has_value());
    CHECK(error->find((root / ".caseload" / "lock").string()) != std::string::npos);
    CHECK(error->find("locked") != std::string::npos);
    CHECK(waited >= 100ms);
    CHECK(waited < 5s);

    first.reset();
    std::thread([&] { error = lock_error(root.path(), 100ms); }).join();
    CHECK_FALSE(error.has_value());
  }

  TEST_CASE("the holder asking again gets the lock at once, and only the outer lock releases it") {
    TempDir root;
    std::optional<StoreLock> outer;
    outer.emplace(root.path(), 100ms);
    const auto start = std::chrono::steady_clock::now();
    CHECK_FALSE(lock_error(root.path(), 1000ms).has_value());  // nested: taken and dropped
    CHECK(std::chrono::steady_clock::now() - start < 500ms);
    std::optional<std::string> error;
    std::thread([&] { error = lock_error(root.path(), 0ms); }).join();
    CHECK(error.has_value());  // the inner lock going away released nothing
    outer.reset();
    std::thread([&] { error = lock_error(root.path(), 0ms); }).join();
    CHECK_FALSE(error.has_value());
  }

  TEST_CASE("a second writer in another process is refused while the first holds the lock") {
    TempDir root;
    LockHolder holder(root.path());
    CHECK(lock_error(root.path(), 100ms).has_value());
    CHECK(lock_error(root.path(), 0ms).has_value());
    holder.kill();  // a killed writer leaves no lock behind
    CHECK_FALSE(lock_error(root.path(), 100ms).has_value());
  }

  TEST_CASE("a writer that waits gets the lock when the holder finishes in time") {
    TempDir root;
    auto first = std::make_unique<StoreLock>(root.path(), 100ms);
    std::optional<std::string> error = "not run";
    const auto start = std::chrono::steady_clock::now();
    std::thread waiter([&] { error = lock_error(root.path(), 5000ms); });
    std::this_thread::sleep_for(50ms);
    first.reset();
    waiter.join();
    CHECK_FALSE(error.has_value());
    CHECK(std::chrono::steady_clock::now() - start >= 50ms);
  }

  TEST_CASE("the lock can be taken again and again") {
    TempDir root;
    for (int i = 0; i < 3; ++i) {
      CAPTURE(i);
      CHECK_FALSE(lock_error(root.path(), 0ms).has_value());
    }
  }
}
