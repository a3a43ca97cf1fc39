#include "scan.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>

#include "caseload/store/document.hpp"
#include "caseload/store/past_tree.hpp"
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

// The same answers from a past tree, whose files have no stamps. A link or
// any entry that is not a regular file stands where a folder or file would
// be, as on disk; reading it names it (read_file).
std::optional<ScannedFile> scan_past_file(const PastTree& tree, const std::string& path) {
  if (tree.find_on_way(path) || tree.exists(path)) return ScannedFile{path, std::nullopt};
  return std::nullopt;
}

std::vector<ScannedFile> past_yaml_files(const PastTree& tree, const std::string& folder) {
  std::vector<ScannedFile> files;
  if (const auto* e = tree.find(folder)) {
    if (e->kind != PastTree::Kind::File) files.push_back({folder, std::nullopt});  // a link in place of the folder
    return files;
  }
  const std::string prefix = folder.empty() ? "" : folder + "/";
  for (const auto& name : tree.children(folder)) {
    // Sub-folders are not records; on disk readdir says DT_DIR.
    if (name.front() == '.' || !name.ends_with(".yaml") || !tree.find(prefix + name)) continue;
    files.push_back({prefix + name, std::nullopt});
  }
  return files;
}

// The files of a client folder, one record type each: the one list that the
// folder on disk and a past tree both fill, by `file` (a single record) and
// `events` (a folder of event records).
template <class File, class Events>
ClientFolder fill_client_folder(File&& file, Events&& events) {
  ClientFolder folder;
  folder.client = file(record_type<Client>());
  folder.plan = file(record_type<Plan>());
  folder.finances = file(record_type<Finances>());
  folder.assessments = events(record_type<Assessment>());
  folder.referrals = events(record_type<Referral>());
  folder.contacts = events(record_type<Contact>());
  return folder;
}

ClientFolder scan_past_client_folder(const PastTree& tree, const std::string& id) {
  const std::string dir = "clients/" + id;
  if (const auto* e = tree.find(dir)) {
    ClientFolder folder;
    if (e->kind != PastTree::Kind::File) folder.client = ScannedFile{record_type<Client>().in_client(dir), std::nullopt};
    return folder;
  }
  auto file = [&](const RecordType& t) { return scan_past_file(tree, t.in_client(dir)); };
  auto events = [&](const RecordType& t) { return past_yaml_files(tree, t.in_client(dir)); };
  return fill_client_folder(file, events);
}

std::string read_past_file(const PastTree& tree, const std::string& path) {
  const PastTree::Entry* e = tree.find_on_way(path);
  const char* hint = "the store's history holds it so; `caseload check` says whether the store still does";
  if (!e) throw DataError({path, 0, 0}, "cannot be read: not in the store's history on that day", hint);
  switch (e->kind) {
    case PastTree::Kind::File: return std::string(e->bytes);
    case PastTree::Kind::Link:
      throw DataError({path, 0, 0}, "symbolic link in the store's history: caseload does not follow links", hint);
    case PastTree::Kind::Other:
      throw DataError({path, 0, 0},
                      "not a regular file in the store's history (a submodule or another kind of git entry): "
                      "caseload reads only regular files",
                      hint);
    case PastTree::Kind::TooLarge: break;
  }
  throw DataError({path, 0, 0}, fmt::format("file is over the limit of {} bytes (1 MiB)", k_max_file_bytes), hint);
}

}  // namespace

std::optional<ScannedFile> scan_file(const StoreFiles& files, const std::string& path) {
  if (files.past) return scan_past_file(*files.past, path);
  return probe(AT_FDCWD, path, (files.root / path).c_str());
}

ClientFolder scan_client_folder(const StoreFiles& files, const std::string& id) {
  if (files.past) return scan_past_client_folder(*files.past, id);
  const std::string dir = "clients/" + id;
  Fd fd(::open((files.root / dir).c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
  if (fd.fd < 0) {
    ClientFolder folder;
    // A linked or unreadable client folder: its client.yaml is named, and
    // refused when read (never a client that silently vanishes).
    if (errno != ENOENT) folder.client = ScannedFile{record_type<Client>().in_client(dir), std::nullopt};
    return folder;
  }
  auto file = [&](const RecordType& t) { return probe(fd.fd, t.in_client(dir), std::string(t.file).c_str()); };
  auto events = [&](const RecordType& t) { return yaml_files_at(fd.fd, dir, std::string(t.file).c_str()); };
  return fill_client_folder(file, events);
}

std::vector<ScannedFile> scan_yaml_files(const StoreFiles& files, const std::string& dir) {
  if (files.past) return past_yaml_files(*files.past, dir);
  Fd fd(::open(files.root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (fd.fd < 0) return {};
  auto found = yaml_files_at(fd.fd, "", dir.c_str());
  for (auto& f : found) f.path.erase(0, 1);  // the leading '/' of the empty parent
  return found;
}

std::string read_file(const StoreFiles& files, const std::string& path) {
  if (files.past) return read_past_file(*files.past, path);
  return read_store_file(files.root, path);
}

}  // namespace caseload
