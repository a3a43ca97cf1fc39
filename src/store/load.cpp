// Reading client folders and resources into records: one client directly,
// or the whole store on all cores through the cache (issue 7).
#include <fmt/format.h>

#include <algorithm>
#include <exception>
#include <map>
#include <tuple>

#include "caseload/core/ids.hpp"
#include "caseload/store/cache.hpp"
#include "caseload/store/decode.hpp"
#include "caseload/store/parallel.hpp"
#include "caseload/store/record_types.hpp"
#include "caseload/store/store.hpp"
#include "scan.hpp"

namespace caseload {
namespace fs = std::filesystem;
namespace {

// One record file as it is now: through the fast reader when the file is in
// its subset, else through yaml-cpp, which also names what is wrong.
template <typename T>
void parse_record(const StoreFiles& files, const std::string& path, const Schema& schema, FileOutcome<T>& o) {
  std::string text = read_file(files, path);
  if (auto fast = parse_fast(path, text)) {
    o.record = decode_record<T>(*fast, &o.warnings);
    return;
  }
  o.record = decode_record<T>(parse_document(path, std::move(text), schema), &o.warnings);
}

// One record file, from the cache when it has the file as it is now. I/O
// errors are thrown, not cached: they say nothing about the file's content.
template <typename T>
FileOutcome<T> read_record(const StoreFiles& files, CacheFile* cache, const ScannedFile& file, const RecordType& type) {
  if (cache && file.stamp) {
    if (auto bytes = cache->find(file.path, *file.stamp)) {
      FileOutcome<T> cached;
      if (decode_outcome(*bytes, cached)) return cached;
    }
  }
  FileOutcome<T> o;
  try {
    parse_record(files, file.path, *type.schema, o);
  } catch (const DataError& e) {
    o.record.reset();
    o.warnings.clear();
    o.error = e;
  }
  if (cache && file.stamp) cache->put(file.path, *file.stamp, encode_outcome(o));
  return o;
}

// A file's record, with its warnings passed on; a broken file either stops
// the load or is left out with its error among the warnings.
template <typename T>
std::optional<T> take(FileOutcome<T>&& o, OnBroken on_broken, Diagnostics* warnings, ClientRecord* folder = nullptr) {
  if (o.error) {
    if (on_broken == OnBroken::Throw) throw *o.error;
    if (warnings) warnings->push_back({o.error->where(), Severity::Error, o.error->message()});
    if (folder) folder->unreadable.push_back({o.error->where(), o.error->message()});
    return std::nullopt;
  }
  if (warnings) warnings->insert(warnings->end(), o.warnings.begin(), o.warnings.end());
  return std::move(o.record);
}

template <typename T>
void read_events(const StoreFiles& store_files, CacheFile* cache, const std::vector<ScannedFile>& files,
                 const RecordType& type, OnBroken on_broken, Diagnostics* warnings, ClientRecord& folder,
                 std::vector<T>& out) {
  for (const auto& f : files) {
    if (auto record = take(read_record<T>(store_files, cache, f, type), on_broken, warnings, &folder)) {
      out.push_back(std::move(*record));
    }
  }
}

// Assessments of one day in the order of choices::assessment_kind (intake,
// review, closing). A kind outside the list (check reports it) sorts with
// the reviews, between intake and closing.
int kind_rank(const std::string& kind) {
  const int rank = choices::index_of(choices::assessment_kind, kind);
  return rank >= 0 ? rank : choices::index_of(choices::assessment_kind, "review");
}

void sort_events(ClientRecord& r) {
  // By date, then by name (files made by older versions: name, then -2, -3 ...).
  std::sort(r.assessments.begin(), r.assessments.end(), [](const Assessment& a, const Assessment& b) {
    return std::make_tuple(a.date, kind_rank(a.kind), event_order_key(a.stem)) <
           std::make_tuple(b.date, kind_rank(b.kind), event_order_key(b.stem));
  });
  std::sort(r.contacts.begin(), r.contacts.end(), [](const Contact& a, const Contact& b) {
    return std::make_tuple(a.date, event_order_key(a.id)) < std::make_tuple(b.date, event_order_key(b.id));
  });
  std::sort(r.referrals.begin(), r.referrals.end(), [](const Referral& a, const Referral& b) {
    return event_order_key(file_stem(a.path)) < event_order_key(file_stem(b.path));
  });
}

// A folder whose client.yaml is a regular file. A broken client.yaml is
// thrown whatever on_broken says: without it there is no client.
ClientRecord read_client_folder(const StoreFiles& files, const ClientFolder& folder, CacheFile* cache,
                                OnBroken on_broken, Diagnostics* warnings, const Document* client_doc = nullptr) {
  ClientRecord r;
  r.path = folder.client->path;
  if (client_doc) {
    r.client = decode_record<Client>(*client_doc, warnings);
  } else {
    auto client = read_record<Client>(files, cache, *folder.client, record_type<Client>());
    if (client.error) throw *client.error;
    r.client = *take(std::move(client), on_broken, warnings);
  }
  if (folder.plan) {
    r.plan = take(read_record<Plan>(files, cache, *folder.plan, record_type<Plan>()), on_broken, warnings, &r);
  }
  if (folder.finances) {
    r.finances = take(read_record<Finances>(files, cache, *folder.finances, record_type<Finances>()), on_broken,
                      warnings, &r);
  }
  read_events(files, cache, folder.assessments, record_type<Assessment>(), on_broken, warnings, r, r.assessments);
  read_events(files, cache, folder.referrals, record_type<Referral>(), on_broken, warnings, r, r.referrals);
  read_events(files, cache, folder.contacts, record_type<Contact>(), on_broken, warnings, r, r.contacts);
  sort_events(r);
  std::sort(r.unreadable.begin(), r.unreadable.end(),
            [](const UnreadableFile& a, const UnreadableFile& b) { return a.where.path < b.where.path; });
  return r;
}

// Any client.yaml, regular or not: a link or FIFO there is read (and
// refused by name) rather than the client silently left out.
bool has_client_record(const ClientFolder& folder) { return folder.client.has_value(); }

// Runs work(cache, i) for every client, grouped by the cache file of the
// client: one per first character of the ID, so that a changed record
// rewrites ~1/32 of the cache, and the threads get independent work. A past
// tree is read without the cache (nullptr): the present store's cache is
// neither used nor rewritten with the past.
void for_each_client(const StoreFiles& files, const std::vector<std::string>& ids, CacheFile::Unused unused,
                     const std::function<void(CacheFile*, std::size_t)>& work) {
  std::map<char, std::vector<std::size_t>> by_file;
  for (std::size_t i = 0; i < ids.size(); ++i) by_file[ids[i].front()].push_back(i);
  const std::vector<std::pair<char, std::vector<std::size_t>>> groups(by_file.begin(), by_file.end());
  run_parallel(groups.size(), [&](std::size_t g) {
    if (files.past) {
      for (std::size_t i : groups[g].second) work(nullptr, i);
      return;
    }
    CacheFile cache(files.root, std::string("clients-") + groups[g].first);
    for (std::size_t i : groups[g].second) work(&cache, i);
    cache.save(unused);
  });
}

// What loading one client of a store-wide read gave, kept apart per client
// so that the threads share nothing and the results merge in ID order.
struct ClientLoad {
  std::optional<ClientRecord> record;
  Diagnostics warnings;
  std::exception_ptr failure;  // not a broken record: an I/O error, which stops the command
};

}  // namespace

ClientRecord Store::load_client(const std::string& id, OnBroken on_broken, Diagnostics* warnings,
                                const Document* client) const {
  client_dir(id);  // anything but an ID is a usage error
  const StoreFiles files{root_, past_.get()};
  const ClientFolder folder = scan_client_folder(files, id);
  if (!has_client_record(folder)) throw Error(fmt::format("no client {} in this store", id));
  return read_client_folder(files, folder, nullptr, on_broken, warnings, client);
}

std::vector<ClientRecord> Store::load_all_clients(Diagnostics* warnings) const {
  const auto ids = client_ids();
  std::vector<ClientLoad> loads(ids.size());
  const StoreFiles files{root_, past_.get()};
  for_each_client(files, ids, CacheFile::Unused::Drop, [&](CacheFile* cache, std::size_t i) {
    const ClientFolder folder = scan_client_folder(files, ids[i]);
    if (!has_client_record(folder)) return;
    try {
      loads[i].record = read_client_folder(files, folder, cache, OnBroken::Skip, &loads[i].warnings);
    } catch (const DataError& e) {
      // client.yaml cannot be read: the client is kept by its ID, with the
      // reason, so that store-wide outputs name it.
      loads[i].warnings.push_back({e.where(), Severity::Error, e.message()});
      ClientRecord& r = loads[i].record.emplace();
      r.path = folder.client->path;
      r.client.id = ids[i];
      r.unreadable.push_back({e.where(), e.message()});
    } catch (...) {
      loads[i].failure = std::current_exception();
    }
  });
  std::vector<ClientRecord> all;
  for (auto& load : loads) {
    if (load.failure) std::rethrow_exception(load.failure);
    if (warnings) warnings->insert(warnings->end(), load.warnings.begin(), load.warnings.end());
    if (load.record) all.push_back(std::move(*load.record));
  }
  return all;
}

std::vector<ClientHead> Store::load_client_heads() const {
  const auto ids = client_ids();
  std::vector<std::optional<ClientHead>> heads(ids.size());
  // Only client.yaml is looked at: the entries of the other files are kept.
  const StoreFiles files{root_, past_.get()};
  for_each_client(files, ids, CacheFile::Unused::Keep, [&](CacheFile* cache, std::size_t i) {
    const auto file = scan_file(files, client_path(ids[i]));
    if (!file) return;
    try {
      auto o = read_record<Client>(files, cache, *file, record_type<Client>());
      heads[i] = ClientHead{ids[i], std::move(o.record), std::move(o.error)};
    } catch (const Error&) {
      // client.yaml cannot be read at all: `check` reports it
    }
  });
  std::vector<ClientHead> out;
  for (auto& h : heads) {
    if (h) out.push_back(std::move(*h));
  }
  return out;
}

std::vector<Resource> Store::load_resources(Diagnostics* warnings) const {
  const StoreFiles files{root_, past_.get()};
  std::optional<CacheFile> cache;  // none for a past tree (for_each_client)
  if (!past_) cache.emplace(root_, "resources");
  std::vector<Resource> out;
  const RecordType& type = record_type<Resource>();
  for (const auto& f : scan_yaml_files(files, std::string(type.file))) {
    if (f.path != type.file && !type.is_stem(file_stem(f.path))) continue;  // the folder itself: unlistable
    auto r = take(read_record<Resource>(files, cache ? &*cache : nullptr, f, type), OnBroken::Skip, warnings);
    if (r) out.push_back(std::move(*r));
  }
  if (cache) cache->save(CacheFile::Unused::Drop);
  return out;
}

}  // namespace caseload
