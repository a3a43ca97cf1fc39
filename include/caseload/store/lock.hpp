#pragma once
// The store-wide write lock: flock(2) on .caseload/lock. The kernel drops it
// when the process ends, however it ends, so a killed writer never leaves a
// lock behind that someone must delete by hand.
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
  int fd_ = -1;
};

}  // namespace caseload
