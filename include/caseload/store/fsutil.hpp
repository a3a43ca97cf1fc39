#pragma once
// The few file operations the store needs, each safe on its own: an atomic
// write (temp file in the same folder, fsync, rename, fsync the folder),
// owner-only folders, listings that never follow a link.
#include <filesystem>
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

// Creates `path` and missing parents with mode 0700.
void make_private_dirs(const std::filesystem::path& path);

// Names of the entries in `dir` that are regular files (not links), sorted;
// an absent folder, and a folder that is itself a link, are empty.
std::vector<std::string> list_files(const std::filesystem::path& dir);
// Names of the entries in `dir` that are folders (not links), sorted.
std::vector<std::string> list_dirs(const std::filesystem::path& dir);

bool is_temp_name(std::string_view name);  // a leftover of an interrupted atomic_write

}  // namespace caseload
