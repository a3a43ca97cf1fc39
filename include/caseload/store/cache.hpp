#pragma once
// The derived cache of issue 7: what reading each record file gave (the
// decoded record and its warnings, or the error that makes it unreadable),
// kept under .caseload/cache/ so that store-wide commands need not parse
// every YAML file on every run. It is never the source of truth: an entry is
// used only while its file has exactly the size, mtime, ctime and inode it
// had when read, and a missing, truncated, corrupt or other-version cache
// file reads as empty and is rebuilt. The file format is in bench/README.md.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <map>
#include <vector>

#include "caseload/core/diagnostic.hpp"
#include "caseload/core/records.hpp"

namespace caseload {

// A file's identity as lstat(2) gives it. Any write changes the ctime (which
// nothing but the kernel can set), so a same-size edit whose mtime was put
// back, or a checkout of an older version, still changes the stamp.
struct FileStamp {
  std::uint64_t size = 0;
  std::uint64_t inode = 0;
  std::int64_t mtime_ns = 0;
  std::int64_t ctime_ns = 0;

  bool operator==(const FileStamp&) const = default;
};

// The stamp of `name` in the folder `dir_fd` if it is a regular file (links
// are not followed); nullopt for anything else or nothing.
std::optional<FileStamp> stamp_at(int dir_fd, const char* name);

// What reading one record file gave.
template <typename T>
struct FileOutcome {
  std::optional<T> record;         // set unless the file cannot be parsed
  Diagnostics warnings;            // from decoding (bad dates, ...)
  std::optional<DataError> error;  // why it cannot be parsed
};

// Entry bytes of each record type (cache_codec.cpp); decoding returns false
// on bytes that are not exactly one well-formed entry.
template <typename T>
std::string encode_outcome(const FileOutcome<T>& outcome);
template <typename T>
bool decode_outcome(std::string_view bytes, FileOutcome<T>& outcome);

// One cache file: entries keyed by store-relative path.
class CacheFile {
 public:
  // How far a file's mtime and ctime must lie before the moment it was
  // stat-ed for its entry to be kept: a change within the same timestamp
  // tick would leave the stamp as it was (git's "racy clean" problem).
  static constexpr std::int64_t k_settle_ns = 2'000'000'000;

  // Reads root/.caseload/cache/<name>; nothing usable in it reads as empty.
  CacheFile(const std::filesystem::path& root, const std::string& name,
            std::int64_t settle_ns = k_settle_ns);
  CacheFile(const CacheFile&) = delete;  // entries point into its buffer
  CacheFile& operator=(const CacheFile&) = delete;

  // The bytes stored for `path` when its file still has this stamp.
  std::optional<std::string_view> find(const std::string& path, const FileStamp& stamp);
  // Stores bytes for `path`; left out when the file changed too recently.
  void put(const std::string& path, const FileStamp& stamp, std::string bytes);

  enum class Unused { Keep, Drop };
  // Writes the file again (atomically, mode 0600) when an entry was added or
  // replaced, or, with Drop, when some entry was not asked for (its file is
  // gone). A failure to write is ignored: the cache only saves time.
  void save(Unused unused);

  const std::filesystem::path& file() const { return file_; }

 private:
  // Entries as read point into buffer_ and are kept sorted by path (as
  // written), so a warm run allocates nothing per file to find them.
  struct Stored {
    std::string_view path;
    FileStamp stamp;
    std::string_view bytes;
    bool used = false;
  };
  struct Added {
    FileStamp stamp;
    std::string bytes;
  };
  void load();
  std::string serialize(bool keep_unused) const;

  std::filesystem::path root_;
  std::filesystem::path file_;
  std::string buffer_;  // the file as read
  std::int64_t trusted_before_ns_;  // files changed at or after this are not stored
  std::vector<Stored> stored_;
  std::map<std::string, Added, std::less<>> added_;
  bool dirty_ = false;
};

}  // namespace caseload
