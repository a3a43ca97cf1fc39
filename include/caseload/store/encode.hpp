#pragma once
// From the plain values of core/records.hpp to a record's tree, by walking
// the record's field list: how commands write new records (and new entries
// of lists, such as a consent or a history entry). Empty values are left
// out, unless the schema requires the key; the emitter then writes the tree
// in canonical form.
#include <yaml-cpp/yaml.h>

#include <string>

#include "caseload/core/records.hpp"
#include "caseload/store/document.hpp"
#include "caseload/store/schema.hpp"

namespace caseload {

// T is a record or an entry of one (Consent, HistoryEntry ...); `schema` is
// its schema (a nested one for entries).
template <typename T>
YAML::Node encode_record(const T& record, const Schema& schema);

// A new document at `path` holding the record.
template <typename T>
Document new_record_document(const std::string& path, const Schema& schema, const T& record) {
  Document doc = new_document(path, schema);
  doc.root = encode_record(record, schema);
  return doc;
}

}  // namespace caseload
