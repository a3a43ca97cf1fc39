#include "caseload/store/fsutil.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
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

enum class Want { files, dirs, links, non_dirs };

std::vector<std::string> list_entries(const fs::path& dir, Want want) {
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
    bool match = want == Want::dirs    ? fs::is_directory(status)
                 : want == Want::files ? fs::is_regular_file(status)
                 : want == Want::links ? fs::is_symlink(status)
                                       : !fs::is_directory(status);
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

std::vector<fs::path> make_private_dirs(const fs::path& path) {
  if (path.empty()) return {};
  struct stat st {};
  if (::lstat(path.c_str(), &st) == 0) {
    if (S_ISDIR(st.st_mode)) return {};
    throw Error(fmt::format("cannot create folder {}: {} stands there", path.string(), file_kind_name(path)),
                "remove or rename it, then run the command again");
  }
  std::vector<fs::path> made = make_private_dirs(path.parent_path());
  if (::mkdir(path.c_str(), 0700) != 0) {
    int err = errno;
    // Another process may have made it meanwhile; only a real folder will do.
    if (err == EEXIST && ::lstat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) return made;
    remove_empty_dirs(made);
    throw Error(fmt::format("cannot create folder {}: {}", path.string(), errno_text(err == EEXIST ? ENOTDIR : err)));
  }
  made.push_back(path);
  return made;
}

void remove_empty_dirs(const std::vector<fs::path>& made) {
  for (auto it = made.rbegin(); it != made.rend(); ++it) ::rmdir(it->c_str());  // fails, harmlessly, when not empty
}

namespace {

// Checks (and with `create`, makes) one level of the local state folder;
// false when it is absent and not to be created.
bool ensure_state_dir(const fs::path& dir, bool create) {
    struct stat st {};
    if (::lstat(dir.c_str(), &st) != 0) {
      if (errno != ENOENT) throw Error(fmt::format("cannot use {}: {}", dir.string(), errno_text(errno)));
      if (!create) return false;
      if (::mkdir(dir.c_str(), 0700) == 0 || errno == EEXIST) {
        if (::lstat(dir.c_str(), &st) != 0) throw Error(fmt::format("cannot create folder {}", dir.string()));
      } else {
        throw Error(fmt::format("cannot create folder {}: {}", dir.string(), errno_text(errno)));
      }
    }
    if (!S_ISDIR(st.st_mode)) {
      throw Error(fmt::format("{} is {}, not a folder: caseload keeps its lock, cache and editing copies only in a "
                              "real folder of its own", dir.string(), file_kind_name(dir)),
                  fmt::format("remove it (`rm {}`); caseload makes the folder again", dir.string()));
    }
    if (st.st_uid != ::geteuid()) {
      throw Error(fmt::format("{} belongs to another user: caseload keeps its lock, cache and editing copies only in "
                              "a folder of the user running it", dir.string()),
                  fmt::format("remove it (`rm -r {}`) as its owner; caseload makes the folder again", dir.string()));
    }
    return true;
}

}  // namespace

fs::path local_state_dir(const fs::path& root, std::string_view sub) {
  fs::path dir = root / ".caseload";
  ensure_state_dir(dir, true);
  if (!sub.empty()) ensure_state_dir(dir /= sub, true);
  return dir;
}

std::optional<fs::path> existing_state_dir(const fs::path& root, std::string_view sub) {
  fs::path dir = root / ".caseload";
  if (!ensure_state_dir(dir, false)) return std::nullopt;
  if (!sub.empty() && !ensure_state_dir(dir /= sub, false)) return std::nullopt;
  return dir;
}

std::string file_kind_name(const fs::path& path) {
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0) return "nothing";
  if (S_ISLNK(st.st_mode)) return "a link";
  if (S_ISDIR(st.st_mode)) return "a folder";
  if (S_ISFIFO(st.st_mode)) return "a FIFO";
  if (S_ISSOCK(st.st_mode)) return "a socket";
  if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode)) return "a device";
  if (S_ISREG(st.st_mode)) return "a file";
  return "an unknown kind of file";
}

FileRead read_regular_file(const fs::path& path, std::size_t limit) {
  FileRead r;
  // O_NONBLOCK: opening a FIFO with no writer would wait for ever; what is
  // opened is then checked to be a regular file before a byte is read.
  const int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) {
    r.error = errno;
    r.status = errno == ENOENT ? FileRead::missing : errno == ELOOP ? FileRead::link : FileRead::failed;
    return r;
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    r.status = FileRead::not_regular;
    ::close(fd);
    return r;
  }
  // Sized by the file, not the limit: most records are a few hundred bytes,
  // and a file that grows meanwhile is still cut at limit + 1.
  const std::size_t cap = limit == SIZE_MAX ? limit : limit + 1;
  r.bytes.resize(std::min(cap, static_cast<std::size_t>(st.st_size) + 1));
  std::size_t done = 0;
  for (;;) {
    if (done == r.bytes.size()) {
      if (done >= cap) break;
      r.bytes.resize(std::min(cap, r.bytes.size() * 2 + 4096));
    }
    const ssize_t n = ::read(fd, r.bytes.data() + done, r.bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      r.error = errno;
      r.status = FileRead::failed;
      break;
    }
    if (n == 0) break;
    done += static_cast<std::size_t>(n);
  }
  ::close(fd);
  r.bytes.resize(r.status == FileRead::ok ? done : 0);
  return r;
}

int listing_error(const fs::path& dir) {
  struct stat st {};
  if (::lstat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) return 0;
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) return errno;
  ::close(fd);
  return 0;
}

std::vector<std::string> list_files(const fs::path& dir) { return list_entries(dir, Want::files); }
std::vector<std::string> list_dirs(const fs::path& dir) { return list_entries(dir, Want::dirs); }
std::vector<std::string> list_links(const fs::path& dir) { return list_entries(dir, Want::links); }
std::vector<std::string> list_non_folders(const fs::path& dir) { return list_entries(dir, Want::non_dirs); }

bool is_temp_name(std::string_view name) {
  return name.size() > 1 && name.front() == '.' && name.find(".tmp-") != std::string_view::npos;
}

}  // namespace caseload
