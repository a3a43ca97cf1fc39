#pragma once
// The one table of record types (as ninja's table of tools): for each kind
// of file in the store, its schema, where it lives and how its files are
// named, the rules `check` applies beyond the schema, and what `sync`'s
// merge does first. Every part of the program that must know the kinds of
// record (reading a client folder, `check`, `edit`, the merge driver) walks
// this table; nothing else spells a record folder's name.
#include <span>
#include <string>
#include <string_view>

#include "caseload/core/diagnostic.hpp"
#include "caseload/core/records.hpp"
#include "caseload/store/document.hpp"
#include "caseload/store/schema.hpp"

namespace caseload {

struct StoreFacts;     // validate.hpp
struct MergeVersions;  // merge.cpp

// Where a record type's files are, relative to the store root.
enum class Place {
  Root,          // one file at the root: caseload.yaml
  Directory,     // resources/<id>.yaml
  ClientFile,    // clients/<id>/<file>: client.yaml, plan.yaml
  ClientEvents,  // clients/<id>/<folder>/<stem>.yaml, one file per event
};

struct RecordType {
  std::string_view name;  // as messages and `edit` name it: client, plan, assessment ...
  const Schema* schema;
  Place place;
  std::string_view file;  // Root, ClientFile: the file's name; Directory, ClientEvents: the folder's
  // The file-name rule (the name without .yaml) of Directory and ClientEvents
  // files, and the rule in words for `check`.
  bool (*is_stem)(std::string_view stem) = nullptr;
  std::string_view name_rule = {};
  // `check`'s rules beyond the schema (validate.cpp); nullptr for none.
  void (*rules)(const Document& doc, const StoreFacts& facts, Diagnostics& out) = nullptr;
  // What the merge does with the three versions before merging them field by
  // field (merge.cpp); nullptr for nothing. It returns new versions: assigning
  // to a YAML::Node would change the node it refers to.
  MergeVersions (*prepare_merge)(const MergeVersions& versions) = nullptr;

  // The path of a file of this type in client `id`'s folder (ClientFile) or
  // its folder (ClientEvents).
  std::string in_client(const std::string& client_dir) const { return client_dir + "/" + std::string(file); }
};

// In the order `check` reads a store: caseload.yaml, resources, then each
// client's client.yaml, plan.yaml, assessments, contacts, referrals.
std::span<const RecordType> all_record_types();

// The row of a record type of core/records.hpp (CASELOAD_FOR_EACH_RECORD).
template <class T>
const RecordType& record_type();
#define CASELOAD_DECLARE_RECORD_TYPE(T) template <> const RecordType& record_type<T>();
CASELOAD_FOR_EACH_RECORD(CASELOAD_DECLARE_RECORD_TYPE)
#undef CASELOAD_DECLARE_RECORD_TYPE

// The type of the record at a root-relative path (caseload.yaml, a resource,
// a client's file), by the layout of SPEC 2; nullptr for any other path,
// hidden files (leftover temp files) included.
const RecordType* record_type_for_path(std::string_view path);
// The type whose schema this is; nullptr for a nested schema.
const RecordType* record_type_of(const Schema& schema);

}  // namespace caseload
