#include "caseload/store/lock.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/file.h>
#include <unistd.h>

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <mutex>
#include <map>
#include <thread>
#include <utility>

#include "caseload/core/errors.hpp"
#include "caseload/store/fsutil.hpp"

namespace caseload {
namespace {

// The lock files this process holds, by device and inode (a store may be
// named by several paths), with the thread that holds each: only that
// thread's own requests nest; another thread waits as another process would.
std::mutex held_mutex;
std::map<std::pair<unsigned long long, unsigned long long>, std::thread::id> held;

}  // namespace

StoreLock::StoreLock(const std::filesystem::path& root, std::chrono::milliseconds wait) {
  const auto path = local_state_dir(root) / "lock";
  // Never through a link (a lock pointed at .git/index.lock would stop every
  // commit), never blocking on a FIFO, and only ever a regular file.
  auto not_a_file = [&] {
    return Error(fmt::format("the store lock {} is {}, not a file", path.string(), file_kind_name(path)),
                 fmt::format("remove it (`rm {}`); caseload makes it again", path.string()));
  };
  fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0600);
  if (fd_ < 0) {
    const int err = errno;
    if (err == ELOOP || err == ENXIO || err == EISDIR) throw not_a_file();
    throw Error(fmt::format("cannot open the store lock {}: {}", path.string(), std::strerror(err)));
  }
  struct stat st {};
  if (::fstat(fd_, &st) == 0) {
    if (!S_ISREG(st.st_mode)) {
      ::close(fd_);
      fd_ = -1;
      throw not_a_file();
    }
    dev_ = st.st_dev;
    ino_ = st.st_ino;
    const std::lock_guard<std::mutex> guard(held_mutex);
    const auto it = held.find({dev_, ino_});
    if (it != held.end() && it->second == std::this_thread::get_id()) {
      // already ours: flock on a second descriptor would wait for itself
      ::close(fd_);
      fd_ = -1;
      return;
    }
  }
  const auto deadline = std::chrono::steady_clock::now() + wait;
  auto pause = std::chrono::milliseconds(2);
  while (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    if (errno != EWOULDBLOCK && errno != EINTR) {
      int err = errno;
      ::close(fd_);
      throw Error(fmt::format("cannot lock {}: {}", path.string(), std::strerror(err)));
    }
    if (std::chrono::steady_clock::now() >= deadline) {
      ::close(fd_);
      throw Error(fmt::format("the store is locked by another caseload command ({}); gave up after "
                              "{:.1f} s",
                              path.string(), static_cast<double>(wait.count()) / 1000.0),
                  "wait for the other command to finish and run this one again "
                  "(CASELOAD_LOCK_TIMEOUT sets the wait in seconds)");
    }
    std::this_thread::sleep_for(pause);
    pause = std::min(pause * 2, std::chrono::milliseconds(50));
  }
  const std::lock_guard<std::mutex> guard(held_mutex);
  held[{dev_, ino_}] = std::this_thread::get_id();
}

StoreLock::~StoreLock() {
  if (fd_ < 0) return;  // nested: the outer lock releases
  {
    const std::lock_guard<std::mutex> guard(held_mutex);
    held.erase({dev_, ino_});
  }
  ::close(fd_);  // closing the descriptor releases the flock
}

}  // namespace caseload
