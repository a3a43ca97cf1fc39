#include "caseload/store/fsutil.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "caseload/core/errors.hpp"

namespace caseload {
namespace fs = std::filesystem;
namespace {

std::string errno_text(int err) { return std::strerror(err); }

void fsync_dir(const fs::path& dir) {
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

std::vector<std::string> list_entries(const fs::path& dir, bool want_dirs) {
  std::vector<std::string> names;
  std::error_code ec;
  // A folder that is itself a link (clients/X/contacts -> /elsewhere) is
  // not listed: its entries live outside the store.
  if (fs::is_symlink(fs::symlink_status(dir, ec))) return names;
  fs::directory_iterator it(dir, ec);
  if (ec) return names;
  for (const auto& entry : it) {
    std::error_code sec;
    auto status = entry.symlink_status(sec);
    if (sec) continue;
    bool match = want_dirs ? fs::is_directory(status) : fs::is_regular_file(status);
    if (match) names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace

void atomic_write(const fs::path& path, std::string_view bytes) {
  const fs::path dir = path.parent_path().empty() ? fs::path(".") : path.parent_path();
  std::string tmpl = (dir / ("." + path.filename().string() + ".tmp-XXXXXX")).string();
  int fd = ::mkstemp(tmpl.data());
  if (fd < 0) {
    throw Error(fmt::format("cannot create a file in {}: {}", dir.string(), errno_text(errno)),
                "check the folder's permissions and free space");
  }
  // Case files are private: whatever mode a checkout or copy gave the old
  // file, what the program writes is readable by its owner only.
  const mode_t mode = 0600;
  auto fail = [&](const char* what) {
    int err = errno;
    ::close(fd);
    ::unlink(tmpl.c_str());
    throw Error(fmt::format("cannot {} {}: {}; the file was left as it was", what, path.string(),
                            errno_text(err)),
                "check free disk space and file-size limits, then run the command again");
  };
  if (::fchmod(fd, mode) != 0) fail("set permissions of");
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      fail("write");
    }
    done += static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0) fail("flush");
  if (::close(fd) != 0) {
    int err = errno;
    ::unlink(tmpl.c_str());
    throw Error(fmt::format("cannot write {}: {}; the file was left as it was", path.string(),
                            errno_text(err)));
  }
  if (::rename(tmpl.c_str(), path.c_str()) != 0) {
    int err = errno;
    ::unlink(tmpl.c_str());
    throw Error(fmt::format("cannot replace {}: {}", path.string(), errno_text(err)));
  }
  fsync_dir(dir);
}

void remove_file(const fs::path& path) {
  if (::unlink(path.c_str()) != 0) {
    throw Error(fmt::format("cannot remove {}: {}", path.string(), errno_text(errno)),
                "check the folder's permissions, then run the command again");
  }
  fsync_dir(path.parent_path().empty() ? fs::path(".") : path.parent_path());
}

void make_private_dirs(const fs::path& path) {
  if (path.empty()) return;
  std::error_code ec;
  if (fs::is_directory(fs::symlink_status(path, ec))) return;
  make_private_dirs(path.parent_path());
  if (::mkdir(path.c_str(), 0700) != 0) {
    int err = errno;
    // EEXIST is fine only when what exists is a folder (or a link to one).
    if (err == EEXIST && fs::is_directory(path, ec)) return;
    throw Error(fmt::format("cannot create folder {}: {}", path.string(),
                            errno_text(err == EEXIST ? ENOTDIR : err)));
  }
}

std::vector<std::string> list_files(const fs::path& dir) { return list_entries(dir, false); }
std::vector<std::string> list_dirs(const fs::path& dir) { return list_entries(dir, true); }

bool is_temp_name(std::string_view name) {
  return name.size() > 1 && name.front() == '.' && name.find(".tmp-") != std::string_view::npos;
}

}  // namespace caseload
