#include "caseload/store/store.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>

#include "caseload/core/ids.hpp"
#include "caseload/store/decode.hpp"
#include "caseload/store/fsutil.hpp"
#include "caseload/store/git.hpp"
#include "caseload/store/past_tree.hpp"
#include "caseload/store/uncommitted.hpp"
#include "caseload/store/validate.hpp"
#include "scan.hpp"

namespace caseload {
namespace fs = std::filesystem;

fs::path find_root(const std::optional<std::string>& root_option,
                   const std::optional<std::string>& root_env, const fs::path& cwd) {
  auto check = [](const fs::path& dir, const char* source) {
    if (!fs::exists(dir / "caseload.yaml")) {
      throw Error(fmt::format("{} ({}) is not a caseload store: it has no caseload.yaml", dir.string(), source),
                  "create one with `caseload init DIR`, or name the right folder");
    }
    return fs::absolute(dir).lexically_normal();
  };
  if (root_option && !root_option->empty()) return check(*root_option, "--root");
  if (root_env && !root_env->empty()) return check(*root_env, "CASELOAD_ROOT");
  for (fs::path dir = fs::absolute(cwd); ; dir = dir.parent_path()) {
    if (fs::exists(dir / "caseload.yaml")) return dir.lexically_normal();
    if (dir == dir.parent_path()) break;
  }
  throw Error("no caseload store here: no caseload.yaml in this folder or any above it",
              "run inside a store, pass --root DIR or set CASELOAD_ROOT; `caseload init DIR` creates one");
}

Store::Store(fs::path root, OnBadSettings on_bad) : root_(std::move(root)) { settings_doc_ = read_settings(on_bad); }

Store::Store(fs::path root, std::shared_ptr<const PastTree> past) : root_(std::move(root)), past_(std::move(past)) {
  settings_doc_ = read_settings(OnBadSettings::Refuse);
}

Document Store::read_settings(OnBadSettings on_bad) {
  Document doc = read("caseload.yaml", schemas::settings());
  settings_ = decode_record<Settings>(doc);
  if (on_bad == OnBadSettings::Allow) return doc;
  // The same rules as `check` (the settings' schema and row in the table of
  // record types): what check reports as an error, no command works with.
  Diagnostics found;
  validate_record(doc, StoreFacts{&settings_, {}}, found);
  const auto errors = std::count_if(found.begin(), found.end(),
                                    [](const Diagnostic& d) { return d.severity == Severity::Error; });
  if (errors == 0) return doc;
  sort_diagnostics(found);
  const auto first = std::find_if(found.begin(), found.end(),
                                  [](const Diagnostic& d) { return d.severity == Severity::Error; });
  // The place only, not check's message: an error of any command may end up
  // in a log or a mail, and caseload never puts a field's value there.
  throw DataError(first->where,
                  errors == 1 ? std::string("a setting in caseload.yaml is not valid")
                              : fmt::format("a setting in caseload.yaml is not valid ({} problems in all)", errors),
                  "fix caseload.yaml, then run `caseload check`, which says what is wrong with each; "
                  "until then only check, fmt, git, log and sync work");
}

void Store::set_journal(std::shared_ptr<WriteJournal> journal) {
  journal_ = std::move(journal);
  if (journal_) journal_->root = root_;
}

void Store::note_writing(const std::string& path) const {
  if (journal_) remember_uncommitted(root_, path);
}

void Store::note_written(const std::string& path) const {
  if (!journal_) return;
  auto& paths = journal_->paths;
  if (std::find(paths.begin(), paths.end(), path) == paths.end()) paths.push_back(path);
}

std::vector<std::string> Store::client_ids() const {
  std::vector<std::string> ids;
  if (past_) {
    // As on disk below: a link in place of clients/ is refused whole, one in
    // place of a client folder is listed.
    if (const auto* e = past_->find("clients"); e && e->kind != PastTree::Kind::File)
      throw DataError({"clients", 0, 0}, "not a folder in the store's history (a link or another kind of git entry): "
                                         "caseload does not follow links in the store");
    for (auto& name : past_->children("clients")) {
      if (is_client_id(name)) ids.push_back(std::move(name));
    }
    return ids;
  }
  // A linked clients/ would hide every client, or show someone else's: it is
  // refused whole. A linked client folder is listed, so that reading it
  // fails by name (an unreadable item) instead of the client vanishing.
  std::error_code ec;
  if (fs::is_symlink(fs::symlink_status(root_ / "clients", ec)))
    throw DataError({"clients", 0, 0}, "symbolic link: caseload does not follow links in the store",
                    "replace the link with the folder itself");
  if (const int err = listing_error(root_ / "clients"))
    throw DataError({"clients", 0, 0}, fmt::format("cannot be read: {}", std::strerror(err)),
                    "check the folder's owner and permissions (`ls -ld clients`)");
  for (auto& name : list_dirs(root_ / "clients")) {
    if (is_client_id(name)) ids.push_back(std::move(name));
  }
  for (auto& name : list_links(root_ / "clients")) {
    if (is_client_id(name)) ids.push_back(std::move(name));
  }
  std::sort(ids.begin(), ids.end());
  return ids;
}

bool Store::has_client(const std::string& id) const {
  // Any kind of file: a link or FIFO there is refused by name when read.
  return is_client_id(id) && exists(client_path(id));
}

std::string Store::client_dir(const std::string& id) {
  if (!is_client_id(id)) throw UsageError(fmt::format("'{}' is not a client ID", id));
  return "clients/" + id;
}

std::string Store::client_path(const std::string& id) { return record_type<Client>().in_client(client_dir(id)); }

Document Store::read(const std::string& path, const Schema& schema) const {
  if (!past_) return read_document(root_, path, schema);
  return parse_document(path, read_file(StoreFiles{root_, past_.get()}, path), schema);
}

bool Store::exists(const std::string& path) const {
  if (past_) return past_->exists(path);
  std::error_code ec;
  return fs::exists(fs::symlink_status(root_ / path, ec));
}

std::vector<std::string> Store::resource_ids() const {
  std::vector<std::string> ids;
  const std::string dir(record_type<Resource>().file);
  std::vector<std::string> names;
  if (past_) {
    for (auto& name : past_->children(dir)) {
      const auto* e = past_->find(dir + "/" + name);
      if (e && e->kind == PastTree::Kind::File) names.push_back(std::move(name));
    }
  } else {
    names = list_files(root_ / dir);
  }
  for (const auto& name : names) {
    if (name.ends_with(".yaml") && is_resource_id(name.substr(0, name.size() - 5)))
      ids.push_back(name.substr(0, name.size() - 5));
  }
  return ids;
}

std::optional<Resource> Store::load_resource(const std::string& id) const {
  if (!is_resource_id(id)) throw UsageError(fmt::format("'{}' is not a resource ID ([a-z0-9-])", id));
  const std::string path = std::string(record_type<Resource>().file) + "/" + id + ".yaml";
  if (past_) {
    const auto* e = past_->find(path);
    if (!e || e->kind != PastTree::Kind::File) return std::nullopt;
  } else if (!fs::is_regular_file(fs::symlink_status(root_ / path))) {
    return std::nullopt;
  }
  return decode_record<Resource>(read(path, schemas::resource()));
}

std::vector<Store::RecordFile> Store::record_files() const {
  if (past_) throw Error("check reads the store on disk, not a past tree");  // no command asks it
  std::vector<RecordFile> files;
  // Every entry but folders, so that a link or FIFO in place of a record is
  // read, and refused by name, rather than passed over.
  const std::string resources(record_type<Resource>().file);
  for (const auto& name : list_non_folders(root_ / resources)) {
    const std::string path = resources + "/" + name;
    if (record_type_for_path(path) == &record_type<Resource>()) files.push_back({path, &record_type<Resource>()});
  }
  for (const auto& id : client_ids()) {
    const std::string dir = client_dir(id);
    if (listing_error(root_ / dir)) {  // read as its client.yaml, which names the error
      files.push_back({record_type<Client>().in_client(dir), &record_type<Client>()});
      continue;
    }
    for (const auto& type : all_record_types()) {
      const std::string path = type.in_client(dir);
      if (type.place == Place::ClientFile && exists(path)) {
        files.push_back({path, &type});
      } else if (type.place == Place::ClientEvents) {
        // A folder that cannot be listed is checked as itself: reading it
        // names the error at its path.
        if (listing_error(root_ / path)) files.push_back({path, &type});
        for (const auto& name : list_non_folders(root_ / path)) {
          if (record_type_for_path(path + "/" + name) == &type) files.push_back({path + "/" + name, &type});
        }
      }
    }
  }
  return files;
}

Transaction::Transaction(const Store& store, std::chrono::milliseconds lock_wait)
    : store_(store), lock_(store.is_past() ? nullptr : std::make_shared<StoreLock>(store.root(), lock_wait)) {
  // The past is read, never written: a command given --as-of that would
  // write stops here, before a file is touched.
  if (store.is_past())
    throw Error("a store read from its history (--as-of) cannot be changed: nothing was written",
                "run the command without --as-of to change the store as it is now");
  // A record written while a sync is stopped would be committed onto the
  // half-done rebase, and `sync --abort` would throw it away.
  if (sync_stopped(store.root()))
    throw Error("a sync stopped at a conflict: nothing is written until it is finished",
                "resolve the files it named and run `caseload sync --continue`, or `caseload sync --abort`; "
                "then run this command again");
  store.keep_until_committed(lock_);
}

void Store::keep_until_committed(std::shared_ptr<StoreLock> lock) const {
  if (journal_) journal_->locks.push_back(std::move(lock));
}

bool Transaction::write(const Document& doc) {
  const std::string bytes = doc.canonical();
  if (!doc.text.empty()) {
    // Unchanged content keeps its bytes, even when the file was not in
    // canonical form (only `fmt` rewrites for form alone).
    if (bytes == doc.text) return false;
    const std::string as_read =
        doc.canonical_as_read.empty() ? parse_document(doc.path, doc.text, *doc.schema).canonical() : doc.canonical_as_read;
    if (as_read == bytes) return false;
  }
  write_raw(doc.path, bytes);
  return true;
}

void Transaction::write_renamed(const std::string& old_path, const Document& doc) {
  refuse_links_inside(store_.root(), old_path);
  store_.note_writing(old_path);
  store_.note_written(old_path);
  write_raw(doc.path, doc.canonical());
  remove_file(store_.root() / old_path);
  if (std::find(touched_.begin(), touched_.end(), old_path) == touched_.end()) touched_.push_back(old_path);
}

void Transaction::write_raw(const std::string& path, const std::string& bytes) {
  const fs::path full = store_.root() / path;
  refuse_links_inside(store_.root(), path);  // never write out of the store through a linked folder
  const auto made = make_private_dirs(full.parent_path());
  try {
    // Listed before it is written: a kill between the write and the commit
    // leaves it for the next command's commit (store/uncommitted.hpp).
    store_.note_writing(path);
    atomic_write(full, bytes);
  } catch (const Error&) {
    remove_empty_dirs(made);  // a failed intake leaves no empty client folder
    throw;
  }
  store_.note_written(path);
  if (std::find(touched_.begin(), touched_.end(), path) == touched_.end()) touched_.push_back(path);
}

}  // namespace caseload
