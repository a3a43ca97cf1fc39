#pragma once
// Records as outputs, by walking their one field list (`fields(io, record)`
// in core/records.hpp) rather than naming fields here: a field added to a
// record appears in `show --format json|md` by itself.
//
//   write_record_json(w, record)  one JSON object: each stored key in the
//                                 field list's order (empty values null,
//                                 scores an object, nested records objects),
//                                 after "path" and "id" for file records
//   record_entries(record)        (key, text) pairs for people, nested
//                                 records as their own entries
//   field_keys<Record>()          the stored keys, in order
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "caseload/core/records.hpp"
#include "caseload/core/text.hpp"
#include "caseload/report/json.hpp"

namespace caseload {

class JsonFields {
 public:
  explicit JsonFields(JsonWriter& w) : w_(w) {}

  template <class T>
  JsonFields& operator()(std::string_view key, const T& value) {
    w_.key(std::string(key));
    put(value);
    return *this;
  }
  // The file's place: root-relative path and its ID (the file name's stem).
  void path(const std::string& p) {
    w_.key("path");
    w_.value(p);
  }
  void stem(const std::string& s) {
    w_.key("id");
    w_.value(s);
  }

  template <class Record>
  void object(const Record& r) {
    w_.begin_object();
    fields(*this, r);
    w_.end_object();
  }

 private:
  void put(const std::string& s) { w_.value(std::optional<std::string>(s)); }
  void put(int n) { w_.value(n); }
  void put(bool b) { w_.value(b); }
  void put(const Date& d) { w_.value(d.str()); }
  void put(const DateTime& d) { w_.value(d.str()); }
  void put(const Period& p) { w_.value(p.str()); }
  void put(const std::vector<std::string>& list) { w_.value(list); }
  void put(const Scores& scores) {
    w_.begin_object();
    for (const auto& [domain, level] : scores) {
      w_.key(domain);
      w_.value(level);
    }
    w_.end_object();
  }
  void put(const std::map<int, std::string>& scale) {
    w_.begin_object();
    for (const auto& [level, label] : scale) {
      w_.key(std::to_string(level));
      w_.value(label);
    }
    w_.end_object();
  }
  template <class T>
  void put(const std::optional<T>& v) {
    if (v) put(*v);
    else w_.null();
  }
  template <class T>
  void put(const std::vector<T>& list) {
    w_.begin_array();
    for (const auto& item : list) object(item);
    w_.end_array();
  }
  template <class T>
  void put(const T& nested) {
    object(nested);
  }

  JsonWriter& w_;
};

template <class Record>
void write_record_json(JsonWriter& w, const Record& r) {
  JsonFields(w).object(r);
}

// One field of a record as people read it: a text, or nested records.
struct RecordEntry {
  std::string key;
  std::string text;                              // empty: not set (left out by writers)
  std::vector<std::vector<RecordEntry>> items;  // nested records, each its own entries
};

class EntryFields {
 public:
  template <class T>
  EntryFields& operator()(std::string_view key, const T& value) {
    RecordEntry e{std::string(key), {}, {}};
    put(e, value);
    if (!e.text.empty() || !e.items.empty()) entries.push_back(std::move(e));
    return *this;
  }
  void path(const std::string&) {}
  void stem(const std::string&) {}

  std::vector<RecordEntry> entries;

 private:
  static void put(RecordEntry& e, const std::string& s) { e.text = display_text(s); }
  static void put(RecordEntry& e, int n) { e.text = std::to_string(n); }
  static void put(RecordEntry& e, bool b) { e.text = b ? "true" : "false"; }
  static void put(RecordEntry& e, const Date& d) { e.text = d.str(); }
  static void put(RecordEntry& e, const DateTime& d) { e.text = d.str(); }
  static void put(RecordEntry& e, const Period& p) { e.text = p.str(); }
  static void put(RecordEntry& e, const std::vector<std::string>& list) { e.text = join(list); }
  static void put(RecordEntry& e, const Scores& scores) {
    std::vector<std::string> parts;
    for (const auto& [domain, level] : scores) parts.push_back(domain + " " + std::to_string(level));
    e.text = join(parts);
  }
  static void put(RecordEntry& e, const std::map<int, std::string>& scale) {
    std::vector<std::string> parts;
    for (const auto& [level, label] : scale) parts.push_back(std::to_string(level) + " " + label);
    e.text = join(parts);
  }
  template <class T>
  static void put(RecordEntry& e, const std::optional<T>& v) {
    if (v) put(e, *v);
  }
  template <class T>
  static void put(RecordEntry& e, const std::vector<T>& list);
  template <class T>
  static void put(RecordEntry& e, const T& nested);
};

// The stored keys of a record type, in its field list's order.
class KeyFields {
 public:
  template <class T>
  KeyFields& operator()(std::string_view key, const T&) {
    keys.emplace_back(key);
    return *this;
  }
  void path(const std::string&) {}
  void stem(const std::string&) {}
  std::vector<std::string> keys;
};
template <class Record>
std::vector<std::string> field_keys() {
  KeyFields io;
  const Record probe{};
  fields(io, probe);
  return std::move(io.keys);
}

template <class Record>
std::vector<RecordEntry> record_entries(const Record& r) {
  EntryFields io;
  fields(io, r);
  return std::move(io.entries);
}

template <class T>
void EntryFields::put(RecordEntry& e, const std::vector<T>& list) {
  for (const auto& item : list) e.items.push_back(record_entries(item));
}
template <class T>
void EntryFields::put(RecordEntry& e, const T& nested) {
  e.items.push_back(record_entries(nested));
}

}  // namespace caseload
