#include "caseload/store/cache.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <ctime>
#include <vector>

#include "cache_bytes.hpp"
#include "scan.hpp"
#include "caseload/store/fsutil.hpp"
#include "caseload/version.hpp"

namespace caseload {
namespace fs = std::filesystem;
namespace {

// Bump when the layout of a cache file or of an entry changes.
// 2: an assessment's scores in the order of its file (they were sorted by domain).
constexpr int k_cache_format = 4;  // 3: client episodes; 4: client flags, enrollment ended, documents and history
constexpr std::string_view k_magic = "caseload-cache\n";
// Far above any store's cache (about 40 MB for 10,000 clients), far below
// what a planted file could make the program allocate.
constexpr std::size_t k_max_cache_bytes = std::size_t{1} << 30;

std::int64_t ns_of(const struct timespec& t) {
  return static_cast<std::int64_t>(t.tv_sec) * 1'000'000'000 + t.tv_nsec;
}

// Which program wrote the cache. The executable's own stamp is part of it:
// a rebuilt or upgraded program may parse or decode differently (a new
// syntax check, a new field), and must not trust what the old one derived.
const std::string& program_identity() {
  static const std::string identity = [] {
    std::string id = "format " + std::to_string(k_cache_format) + "; caseload " + k_version;
    struct stat st {};
    if (::stat("/proc/self/exe", &st) == 0) {
      id += "; exe " + std::to_string(st.st_size) + " " + std::to_string(ns_of(st.st_mtim)) + " " +
            std::to_string(st.st_ino);
    }
    return id;
  }();
  return identity;
}

// Detects a corrupt or torn file; not a defence against someone who can
// write .caseload/, who could as well change the records themselves.
std::uint64_t checksum(std::string_view s) {
  constexpr std::uint64_t k_mul = 0x9E3779B97F4A7C15ULL;
  std::uint64_t h = 0x243F6A8885A308D3ULL ^ s.size();
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    h = (h ^ w) * k_mul;
    h ^= h >> 29;
  }
  std::uint64_t tail = 0;
  std::memcpy(&tail, s.data() + i, s.size() - i);
  h = (h ^ tail) * k_mul;
  return h ^ (h >> 32);
}

// Temp file and rename, so a reader sees the old file or the new one. No
// fsync: after a crash a torn file fails its checksum and is rebuilt, and
// syncing dozens of files would cost more than the cache saves.
void replace_quietly(const fs::path& path, std::string_view bytes) {
  std::string tmpl = (path.parent_path() / ("." + path.filename().string() + ".tmp-XXXXXX")).string();
  int fd = ::mkstemp(tmpl.data());
  if (fd < 0) return;
  bool ok = ::fchmod(fd, 0600) == 0;
  for (std::size_t done = 0; ok && done < bytes.size();) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    ok = n > 0;
    if (ok) done += static_cast<std::size_t>(n);
  }
  ok = ::close(fd) == 0 && ok;
  if (!ok || ::rename(tmpl.c_str(), path.c_str()) != 0) ::unlink(tmpl.c_str());
}

std::int64_t now_ns() {
  struct timespec t {};
  ::clock_gettime(CLOCK_REALTIME, &t);
  return ns_of(t);
}

}  // namespace

std::optional<FileStamp> stamp_at(int dir_fd, const char* name) {
  struct stat st {};
  if (::fstatat(dir_fd, name, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
  return FileStamp{static_cast<std::uint64_t>(st.st_size), static_cast<std::uint64_t>(st.st_ino),
                   ns_of(st.st_mtim), ns_of(st.st_ctim)};
}

CacheFile::CacheFile(const fs::path& root, const std::string& name, std::int64_t settle_ns)
    : root_(root), file_(root / ".caseload" / "cache" / name), trusted_before_ns_(now_ns() - settle_ns) {
  load();
}

void CacheFile::load() {
  // A link or FIFO planted here is never read, and a file past any size the
  // store could need is ignored rather than read into memory.
  // A .caseload/ that is a link or another user's is refused here, with the
  // fix, before anything is read through it.
  if (!existing_state_dir(root_, "cache")) return;
  FileRead r = read_regular_file(file_, k_max_cache_bytes);
  if (r.status != FileRead::ok || r.bytes.size() > k_max_cache_bytes) return;
  buffer_ = std::move(r.bytes);
  cache_bytes::Reader header(buffer_);
  if (header.str() != k_magic || header.str() != program_identity()) return;
  const std::uint64_t length = header.u64();
  const std::uint64_t sum = header.u64();
  std::string_view body = header.rest();
  if (!header.ok() || body.size() != length || checksum(body) != sum) return;
  cache_bytes::Reader in(body);
  const std::uint32_t count = in.u32();
  stored_.reserve(std::min<std::size_t>(count, body.size() / 40));
  for (std::uint32_t n = count; in.ok() && n > 0; --n) {
    Stored& e = stored_.emplace_back();
    e.path = in.str();
    e.stamp = {in.u64(), in.u64(), static_cast<std::int64_t>(in.u64()), static_cast<std::int64_t>(in.u64())};
    e.bytes = in.str();
  }
  const bool sorted = std::is_sorted(stored_.begin(), stored_.end(),
                                     [](const Stored& a, const Stored& b) { return a.path < b.path; });
  if (!in.at_end() || !sorted) stored_.clear();  // the checksum matched a body we do not understand
}

std::optional<std::string_view> CacheFile::find(const std::string& path, const FileStamp& stamp) {
  auto it = std::lower_bound(stored_.begin(), stored_.end(), path,
                             [](const Stored& e, const std::string& p) { return e.path < p; });
  if (it == stored_.end() || it->path != path || !(it->stamp == stamp)) return std::nullopt;
  it->used = true;
  return it->bytes;
}

void CacheFile::put(const std::string& path, const FileStamp& stamp, std::string bytes) {
  if (std::max(stamp.mtime_ns, stamp.ctime_ns) >= trusted_before_ns_) return;
  added_[path] = Added{stamp, std::move(bytes)};
  dirty_ = true;
}

std::string CacheFile::serialize(bool keep_unused) const {
  struct Row {
    std::string_view path;
    const FileStamp* stamp;
    std::string_view bytes;
  };
  std::vector<Row> rows;
  for (const auto& e : stored_) {
    if ((e.used || keep_unused) && !added_.contains(e.path)) rows.push_back({e.path, &e.stamp, e.bytes});
  }
  for (const auto& [path, a] : added_) rows.push_back({path, &a.stamp, a.bytes});
  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.path < b.path; });
  cache_bytes::Writer body;
  body.u32(static_cast<std::uint32_t>(rows.size()));
  for (const auto& r : rows) {
    body.str(r.path);
    body.u64(r.stamp->size);
    body.u64(r.stamp->inode);
    body.u64(static_cast<std::uint64_t>(r.stamp->mtime_ns));
    body.u64(static_cast<std::uint64_t>(r.stamp->ctime_ns));
    body.str(r.bytes);
  }
  cache_bytes::Writer out;
  out.str(k_magic);
  out.str(program_identity());
  out.u64(body.bytes().size());
  out.u64(checksum(body.bytes()));
  out.bytes() += body.bytes();
  return std::move(out.bytes());
}

void CacheFile::save(Unused unused) {
  const bool keep = unused == Unused::Keep;
  if (!keep) dirty_ |= std::any_of(stored_.begin(), stored_.end(), [](const Stored& e) { return !e.used; });
  if (!dirty_) return;
  try {
    local_state_dir(root_, "cache");
  } catch (const std::exception&) {
    return;  // a read-only store: run without a cache
  }
  replace_quietly(file_, serialize(keep));
  dirty_ = false;
}

}  // namespace caseload
