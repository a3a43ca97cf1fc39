#pragma once
// The store on disk (SPEC 2): where it is, reading its records, and writing
// them back under the store lock. Every path is built here, from IDs that
// were validated first, so nothing from the command line reaches outside.
#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "caseload/core/diagnostic.hpp"
#include "caseload/core/records.hpp"
#include "caseload/store/document.hpp"
#include "caseload/store/lock.hpp"
#include "caseload/store/record_types.hpp"

namespace caseload {

// SPEC 3 root discovery: --root, else CASELOAD_ROOT, else the nearest folder
// at or above `cwd` that holds caseload.yaml. Throws when there is none.
std::filesystem::path find_root(const std::optional<std::string>& root_option,
                                const std::optional<std::string>& root_env,
                                const std::filesystem::path& cwd);

// What to do with a file in a client's folder that cannot be parsed.
enum class OnBroken {
  Throw,  // commands that will write: refuse, naming the file and line
  Skip,   // read-only lists: leave it out and report it in the warnings
};

// A client's client.yaml as naming and finding clients need it: the client,
// or why its record cannot be read.
struct ClientHead {
  std::string id;
  std::optional<Client> client;
  std::optional<DataError> error;
};

// The files a run of the program wrote, root-relative, in the order first
// written: shared by every Store the run opens, so that the command line can
// commit them once the command has succeeded (autocommit) without the
// commands knowing about git.
struct WriteJournal {
  std::filesystem::path root;
  std::vector<std::string> paths;
  std::string detail;  // what the command did, in IDs and keywords only ("task add t3")
  // The store locks of the command's transactions, kept until its change is
  // committed, so that no other writer's change can slip into that commit.
  std::vector<std::shared_ptr<StoreLock>> locks;
};

// What opening the store does when caseload.yaml parses but a value in it
// is not valid (a period such as `60 days`, a scale level, a program
// without a name): the decoder would drop such a value without a word, and
// every deadline that depends on it would silently go away.
enum class OnBadSettings {
  Refuse,  // throw DataError at the first invalid value: every command that uses the settings
  Allow,   // the commands that report, repair or version the store: check, fmt, git, log, sync
};

class PastTree;  // past_tree.hpp

class Store {
 public:
  // Reads caseload.yaml.
  explicit Store(std::filesystem::path root, OnBadSettings on_bad = OnBadSettings::Refuse);
  // The store at `root` as a past tree of its history holds it (--as-of):
  // every read comes from the tree, none from the folder or the cache, and
  // no Transaction can be made on it.
  Store(std::filesystem::path root, std::shared_ptr<const PastTree> past);
  bool is_past() const { return past_ != nullptr; }

  void set_journal(std::shared_ptr<WriteJournal> journal);
  // Before a Transaction writes `path`: lists it as written and not yet
  // committed (store/uncommitted.hpp), when a journal means a commit follows.
  void note_writing(const std::string& path) const;
  // Records that `path` was written (a Transaction does, for every file).
  void note_written(const std::string& path) const;
  // Keeps a transaction's lock in the journal, when there is one.
  void keep_until_committed(std::shared_ptr<StoreLock> lock) const;

  const std::filesystem::path& root() const { return root_; }
  const Settings& settings() const { return settings_; }
  const Document& settings_document() const { return settings_doc_; }

  // Client IDs with a folder under clients/, sorted.
  std::vector<std::string> client_ids() const;
  bool has_client(const std::string& id) const;
  static std::string client_dir(const std::string& id);   // clients/<id>
  static std::string client_path(const std::string& id);  // clients/<id>/client.yaml

  // One client's folder, read directly (no cache): fast on any store size.
  // `client`: its client.yaml, when the caller has read it already.
  ClientRecord load_client(const std::string& id, OnBroken on_broken, Diagnostics* warnings = nullptr,
                           const Document* client = nullptr) const;
  // Store-wide reads (load.cpp) parse on all cores and go through the cache
  // of .caseload/cache/; the results are the same as reading every file.
  //
  // Every client folder with a client.yaml; what cannot be read is reported
  // in warnings and named in the client's `unreadable` (a client whose
  // client.yaml cannot be read has only its ID).
  std::vector<ClientRecord> load_all_clients(Diagnostics* warnings) const;
  // The client.yaml of every client folder that has one, by ID; decoding
  // warnings are left out (`check` reports them).
  std::vector<ClientHead> load_client_heads() const;

  std::vector<std::string> resource_ids() const;
  std::optional<Resource> load_resource(const std::string& id) const;
  std::vector<Resource> load_resources(Diagnostics* warnings) const;

  // Every record file of the store (not caseload.yaml), with its type, in
  // the order of the table of record types; hidden files (leftover temp
  // files) and links are not records. The store on disk only (`check`).
  struct RecordFile {
    std::string path;
    const RecordType* type;
  };
  std::vector<RecordFile> record_files() const;

  Document read(const std::string& path, const Schema& schema) const;
  bool exists(const std::string& path) const;

 private:
  Document read_settings(OnBadSettings on_bad);

  std::filesystem::path root_;
  std::shared_ptr<const PastTree> past_;  // null: the folder on disk
  Document settings_doc_;
  Settings settings_;
  std::shared_ptr<WriteJournal> journal_;
};

// A writing command's session with the store: holds the lock from start to
// end (and, with a journal, until the command's commit is made), writes
// documents atomically, and remembers which files it touched.
class Transaction {
 public:
  Transaction(const Store& store, std::chrono::milliseconds lock_wait);

  // Writes the document in canonical form if its content changed (or it is
  // new); returns whether the file was written.
  bool write(const Document& doc);
  // Writes bytes as they are (settings templates, .gitignore).
  void write_raw(const std::string& path, const std::string& bytes);
  // Gives a record a new name with its new content (doc.path is the new
  // name): the new file is written before the old one is removed, so a crash
  // in between leaves both, never neither. Both paths are journaled, the
  // old one first.
  void write_renamed(const std::string& old_path, const Document& doc);
  const std::vector<std::string>& touched() const { return touched_; }

 private:
  const Store& store_;
  std::shared_ptr<StoreLock> lock_;
  std::vector<std::string> touched_;
};

}  // namespace caseload
