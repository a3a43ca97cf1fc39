#pragma once
// The store-wide write lock: flock(2) on .caseload/lock. The kernel drops it
// when the process ends, however it ends, so a killed writer never leaves a
// lock behind that someone must delete by hand.
//
// A thread that holds the lock and asks for it again gets it at once (the
// inner lock releases nothing): a command keeps its lock until its change is
// committed (autocommit), and the commit, or a second transaction, takes the
// lock inside that.
#include <chrono>
#include <filesystem>

namespace caseload {

class StoreLock {
 public:
  // Waits up to `wait` for the lock; throws Error naming the lock file when
  // another writer holds it longer.
  StoreLock(const std::filesystem::path& root, std::chrono::milliseconds wait);
  ~StoreLock();
  StoreLock(const StoreLock&) = delete;
  StoreLock& operator=(const StoreLock&) = delete;

 private:
  int fd_ = -1;        // -1 when nested in a lock this process holds
  unsigned long long dev_ = 0, ino_ = 0;  // the lock file, as held
};

}  // namespace caseload
