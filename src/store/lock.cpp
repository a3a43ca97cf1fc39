#include "caseload/store/lock.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <thread>

#include "caseload/core/errors.hpp"
#include "caseload/store/fsutil.hpp"

namespace caseload {

StoreLock::StoreLock(const std::filesystem::path& root, std::chrono::milliseconds wait) {
  const auto dir = root / ".caseload";
  make_private_dirs(dir);
  const auto path = dir / "lock";
  fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd_ < 0) {
    throw Error(fmt::format("cannot open the store lock {}: {}", path.string(), std::strerror(errno)));
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
}

StoreLock::~StoreLock() {
  if (fd_ >= 0) ::close(fd_);  // closing the descriptor releases the flock
}

}  // namespace caseload
