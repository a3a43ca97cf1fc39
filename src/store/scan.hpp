#pragma once
// Finding a client folder's record files with their stamps, and reading
// files, with as few system calls as the cache allows: a warm store-wide
// command does little more than this for each of ~100,000 files.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "caseload/store/cache.hpp"

namespace caseload {

// A record file as found: its store-relative path and, when it is a regular
// file, its stamp (anything else is read without the cache).
struct ScannedFile {
  std::string path;
  std::optional<FileStamp> stamp;
};

// What a client folder holds, in the order the records are read.
struct ClientFolder {
  std::optional<ScannedFile> client;  // client.yaml, if anything has that name
  std::optional<ScannedFile> plan;    // plan.yaml, likewise
  std::optional<ScannedFile> finances;
  std::vector<ScannedFile> assessments, referrals, contacts;  // regular .yaml files, by name
};

class PastTree;  // caseload/store/past_tree.hpp

// Where the store's files are read from: the folder `root`, or, when `past`
// is set (--as-of), a tree of its history in memory. Every function below
// gives the same answer for the same files in either, so that the loading
// code above it is one.
struct StoreFiles {
  const std::filesystem::path& root;
  const PastTree* past = nullptr;
};

// root/path if anything has that name: with its stamp when a regular file
// on disk (a past tree's files have none: they are never cached).
std::optional<ScannedFile> scan_file(const StoreFiles& files, const std::string& path);

// The folder clients/<id>; empty when it is gone.
ClientFolder scan_client_folder(const StoreFiles& files, const std::string& id);

// The regular, not hidden .yaml files of root/dir, sorted by name; an absent
// folder has none.
std::vector<ScannedFile> scan_yaml_files(const StoreFiles& files, const std::string& dir);

// The bytes of a record file, at most k_max_file_bytes + 1 of them; throws
// DataError naming `path` for a link, anything but a regular file, or a
// file that cannot be read (read_store_file on disk).
std::string read_file(const StoreFiles& files, const std::string& path);

}  // namespace caseload
