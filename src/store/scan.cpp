#include "scan.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>

#include "caseload/store/record_types.hpp"

namespace caseload {
namespace fs = std::filesystem;
namespace {

// Closes a descriptor on every path out.
struct Fd {
  int fd;
  explicit Fd(int f) : fd(f) {}
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
};

// `name` in the folder `dir_fd`, known to the store as `path`.
std::optional<ScannedFile> probe(int dir_fd, const std::string& path, const char* name) {
  if (auto stamp = stamp_at(dir_fd, name)) return ScannedFile{path, stamp};
  struct stat st {};
  if (::fstatat(dir_fd, name, &st, AT_SYMLINK_NOFOLLOW) != 0) return std::nullopt;
  return ScannedFile{path, std::nullopt};  // a link or a folder: read as before, uncached
}

// `sub` of the folder `dir_fd`. Nothing is passed over in silence: a folder
// that cannot be listed (a link, permission denied) is returned as itself,
// and an entry that is not a regular file (a link, a FIFO) or cannot be
// stat'ed is returned without a stamp, so that reading it names the problem
// at its path (and nothing outside the store is read through a link).
std::vector<ScannedFile> yaml_files_at(int dir_fd, const std::string& dir, const char* sub) {
  std::vector<ScannedFile> files;
  const std::string folder = dir + "/" + sub;
  const int fd = ::openat(dir_fd, sub, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) {
    // (O_NOFOLLOW|O_DIRECTORY on a link fails with ENOTDIR, as on a file.)
    const int err = errno;
    struct stat st {};
    const bool link = err == ENOTDIR && ::fstatat(dir_fd, sub, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(st.st_mode);
    if (link || (err != ENOENT && err != ENOTDIR)) files.push_back({folder, std::nullopt});
    return files;
  }
  DIR* d = ::fdopendir(fd);
  if (!d) {
    ::close(fd);
    files.push_back({folder, std::nullopt});
    return files;
  }
  const std::string prefix = folder + "/";
  while (const dirent* e = ::readdir(d)) {
    const std::string_view name = e->d_name;
    if (name.front() == '.' || !name.ends_with(".yaml") || e->d_type == DT_DIR) continue;
    files.push_back({prefix + e->d_name, stamp_at(::dirfd(d), e->d_name)});
  }
  ::closedir(d);
  std::sort(files.begin(), files.end(), [](const ScannedFile& a, const ScannedFile& b) { return a.path < b.path; });
  return files;
}

}  // namespace

std::optional<ScannedFile> scan_file(const fs::path& root, const std::string& path) {
  return probe(AT_FDCWD, path, (root / path).c_str());
}

ClientFolder scan_client_folder(const fs::path& root, const std::string& id) {
  ClientFolder folder;
  const std::string dir = "clients/" + id;
  Fd fd(::open((root / dir).c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
  if (fd.fd < 0) {
    // A linked or unreadable client folder: its client.yaml is named, and
    // refused when read (never a client that silently vanishes).
    if (errno != ENOENT) folder.client = ScannedFile{record_type<Client>().in_client(dir), std::nullopt};
    return folder;
  }
  auto file = [&](const RecordType& t) { return probe(fd.fd, t.in_client(dir), std::string(t.file).c_str()); };
  auto events = [&](const RecordType& t) { return yaml_files_at(fd.fd, dir, std::string(t.file).c_str()); };
  folder.client = file(record_type<Client>());
  folder.plan = file(record_type<Plan>());
  folder.finances = file(record_type<Finances>());
  folder.assessments = events(record_type<Assessment>());
  folder.referrals = events(record_type<Referral>());
  folder.contacts = events(record_type<Contact>());
  return folder;
}

std::vector<ScannedFile> scan_yaml_files(const fs::path& root, const std::string& dir) {
  Fd fd(::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (fd.fd < 0) return {};
  auto files = yaml_files_at(fd.fd, "", dir.c_str());
  for (auto& f : files) f.path.erase(0, 1);  // the leading '/' of the empty parent
  return files;
}

}  // namespace caseload
