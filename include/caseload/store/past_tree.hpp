#pragma once
// The store as it was at the end of a past day (issue 17, --as-of): read
// from its git history into memory, never into the working tree, the index
// or any file, and read by the same loading code as the store on disk
// (store/scan.hpp asks the tree instead of the folder).
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "caseload/core/date.hpp"
#include "caseload/store/store.hpp"

namespace caseload {

// The files of one commit that lie in the store's layout (caseload.yaml,
// resources/<name>, clients/<ID>/<file>, clients/<ID>/<folder>/<name>), each
// with its bytes, or what stands there instead of a regular file.
class PastTree {
 public:
  enum class Kind {
    File,      // a regular blob (git mode 100644 or 100755)
    Link,      // a symbolic link (120000): never followed
    Other,     // a submodule or any other mode: never read
    TooLarge,  // a blob over k_max_file_bytes: never fetched
  };
  struct Entry {
    Kind kind = Kind::File;
    std::string_view bytes;  // File only; points into the tree's buffer
  };

  // One line of `git ls-tree -r -z -l`, parsed: nullopt when it is not one.
  struct Listed {
    std::string mode, type, object;
    std::uint64_t size = 0;  // 0 for anything but a blob
    std::string path;
  };
  static std::optional<Listed> parse_listed(std::string_view line);
  // Whether a path of a past tree is one caseload reads (and is safe to
  // name): relative, no empty, "." or ".." part, and in the store's layout.
  static bool in_layout(std::string_view path);

  // Reads commit `commit` of the repository at `root`: one `git ls-tree`,
  // then one `git cat-file --batch` for every blob in the layout.
  static std::shared_ptr<const PastTree> read(const std::filesystem::path& root, const std::string& commit);
  // A tree from entries given directly (tests): kind File takes `bytes`.
  static std::shared_ptr<const PastTree> from(const std::vector<std::pair<std::string, Entry>>& entries);

  // The entry at `path`, if any.
  const Entry* find(std::string_view path) const;
  // The entry in the place of `path` or of a folder on its way (a link in
  // place of clients/<ID> stands for all of that folder): the first such
  // entry that is not a regular file, else the entry at `path`.
  const Entry* find_on_way(std::string_view path) const;
  // Names of the entries and folders directly in folder `dir`, sorted.
  std::vector<std::string> children(std::string_view dir) const;
  // Whether anything (an entry, or a folder holding one) is at `path`.
  bool exists(std::string_view path) const;

 private:
  std::string buffer_;  // what cat-file gave: the entries' bytes point into it
  std::map<std::string, Entry, std::less<>> entries_;
};

// A Store opened on the past tree, with where it came from.
struct PastStore {
  std::string commit;          // the commit read
  std::int64_t committed = 0;  // its committer date, seconds since 1970
  Store store;
};

// The store at `root` as it was at the end of `day` (23:59:59 local time):
// the first commit, going back from HEAD by first parents (the line of
// commits this store made or took in by sync), whose committer date is on or
// before then. Throws Error, saying why and what to do, when `root` is
// not a git repository of its own, has no commit yet, or none that old.
PastStore open_store_as_of(const std::filesystem::path& root, const Date& day);

}  // namespace caseload
