#pragma once
// The few file operations the store needs, each safe on its own: an atomic
// write (temp file in the same folder, fsync, rename, fsync the folder),
// owner-only folders, listings that never follow a link.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace caseload {

// Replaces (or creates) `path` with `bytes` so that a crash at any moment
// leaves either the old file or the new one. The file gets mode 0600 (also
// when it replaces a file a checkout made 0644). The temp file is a hidden
// ".<name>.tmp-*".
void atomic_write(const std::filesystem::path& path, std::string_view bytes);

// Removes the file `path` and flushes its folder, so that the removal
// outlasts a crash as a write does.
void remove_file(const std::filesystem::path& path);

// Creates `path` and missing parents with mode 0700. A link anywhere on the
// way is refused (never reused as a folder): writes stay inside the store.
// Returns the folders it made, outermost first, for a failed write to
// remove again (remove_empty_dirs): no empty clients/ID/ after a full disk.
std::vector<std::filesystem::path> make_private_dirs(const std::filesystem::path& path);
// Removes those of `made` that are empty, innermost first.
void remove_empty_dirs(const std::vector<std::filesystem::path>& made);

// root/.caseload (and root/.caseload/SUB when given): the untracked folder of
// this machine's lock, cache and editing copies. It must be a real folder
// owned by the user running caseload, never a link, so that a shared
// repository cannot move any of them elsewhere; it is created (0700) when
// absent and refused, with the fix, otherwise.
std::filesystem::path local_state_dir(const std::filesystem::path& root, std::string_view sub = {});
// The same folder for reading: nullopt when it is absent; refused as above.
std::optional<std::filesystem::path> existing_state_dir(const std::filesystem::path& root, std::string_view sub = {});

// What reading one file found. A link or anything but a regular file (FIFO,
// socket, device, folder) is never opened for reading: opening a FIFO would
// hang, and a link could point anywhere.
struct FileRead {
  enum Status { ok, missing, link, not_regular, failed } status = ok;
  int error = 0;      // errno, when failed
  std::string bytes;  // at most limit + 1 bytes: more than limit means too large
};
FileRead read_regular_file(const std::filesystem::path& path, std::size_t limit);
// "a link", "a FIFO", ...: what stands at a path instead of a regular file.
std::string file_kind_name(const std::filesystem::path& path);

// The errno that keeps a real folder `dir` from being listed (permission
// denied); 0 when it lists, or is absent or not a folder (a link is refused
// by name elsewhere). The list_* functions below list such a folder as
// empty, so a caller that must not lose its entries asks this first.
int listing_error(const std::filesystem::path& dir);

// Names of the entries in `dir` that are regular files (not links), sorted;
// an absent folder, and a folder that is itself a link, are empty.
std::vector<std::string> list_files(const std::filesystem::path& dir);
// Names of the entries in `dir` that are folders (not links), sorted.
std::vector<std::string> list_dirs(const std::filesystem::path& dir);
// Names of the entries in `dir` that are symbolic links, sorted.
std::vector<std::string> list_links(const std::filesystem::path& dir);
// Names of every entry in `dir` but folders (files, links, FIFOs, sockets,
// devices), sorted: what `check` must read, or name as unreadable.
std::vector<std::string> list_non_folders(const std::filesystem::path& dir);

bool is_temp_name(std::string_view name);  // a leftover of an interrupted atomic_write

}  // namespace caseload
