#include "caseload/store/encode.hpp"

#include <cassert>

namespace caseload {
namespace {

class Writer {
 public:
  Writer(YAML::Node map, const Schema& schema) : map_(std::move(map)), schema_(schema) {}

  template <typename T>
  Writer& operator()(std::string_view key, const T& value) {
    const Field* f = schema_.find(key);
    assert(f && "a field list names a key its schema lacks (test_store_record_types checks this)");
    if (!is_empty(value) || (f && f->required)) put(key, value, f ? f->nested : nullptr);
    return *this;
  }
  // The file's place is its path, not a value in it.
  void path(const std::string&) {}
  void stem(const std::string&) {}

 private:
  static bool is_empty(const std::string& s) { return s.empty(); }
  template <typename T> static bool is_empty(const std::optional<T>& v) { return !v; }
  template <typename T> static bool is_empty(const std::vector<T>& v) { return v.empty(); }
  template <typename K, typename V> static bool is_empty(const std::map<K, V>& m) { return m.empty(); }
  template <typename T> static bool is_empty(const T&) { return false; }  // numbers, flags, nested records

  void put(std::string_view key, const std::string& s, const Schema*) { set_scalar(map_, key, s); }
  void put(std::string_view key, int v, const Schema*) { set_scalar(map_, key, std::to_string(v)); }
  void put(std::string_view key, bool v, const Schema*) { set_scalar(map_, key, v ? "true" : "false"); }
  void put(std::string_view key, const Date& d, const Schema*) { set_scalar(map_, key, d.str()); }
  void put(std::string_view key, const DateTime& d, const Schema*) { set_scalar(map_, key, d.str()); }
  void put(std::string_view key, const Period& p, const Schema*) { set_scalar(map_, key, p.str()); }
  template <typename T>
  void put(std::string_view key, const std::optional<T>& v, const Schema* nested) {
    if (v) put(key, *v, nested);
  }
  void put(std::string_view key, const std::vector<std::string>& list, const Schema*) { set_strings(map_, key, list); }
  void put(std::string_view key, const Scores& scores, const Schema*) {
    YAML::Node m(YAML::NodeType::Map);
    for (const auto& [domain, level] : scores) set_scalar(m, domain, std::to_string(level));
    map_[std::string(key)] = m;
  }
  void put(std::string_view key, const std::map<int, std::string>& scale, const Schema*) {
    YAML::Node m(YAML::NodeType::Map);
    for (const auto& [level, label] : scale) set_scalar(m, std::to_string(level), label);
    map_[std::string(key)] = m;
  }
  template <typename T>
  void put(std::string_view key, const std::vector<T>& items, const Schema* nested) {
    YAML::Node seq(YAML::NodeType::Sequence);
    for (const auto& item : items) seq.push_back(encode_record(item, *nested));
    map_[std::string(key)] = seq;
  }
  template <typename T>
  void put(std::string_view key, const T& record, const Schema* nested) {
    map_[std::string(key)] = encode_record(record, *nested);
  }

  YAML::Node map_;
  const Schema& schema_;
};

}  // namespace

template <typename T>
YAML::Node encode_record(const T& record, const Schema& schema) {
  YAML::Node map(YAML::NodeType::Map);
  Writer w(map, schema);
  fields(w, record);
  return map;
}

#define CASELOAD_INSTANTIATE_ENCODE(T) template YAML::Node encode_record<T>(const T&, const Schema&);
CASELOAD_FOR_EACH_RECORD(CASELOAD_INSTANTIATE_ENCODE)
CASELOAD_INSTANTIATE_ENCODE(Consent)
CASELOAD_INSTANTIATE_ENCODE(HistoryEntry)
CASELOAD_INSTANTIATE_ENCODE(Episode)
CASELOAD_INSTANTIATE_ENCODE(EnrollmentEvent)
CASELOAD_INSTANTIATE_ENCODE(Income)
CASELOAD_INSTANTIATE_ENCODE(Expense)
CASELOAD_INSTANTIATE_ENCODE(Debt)
CASELOAD_INSTANTIATE_ENCODE(Criterion)
CASELOAD_INSTANTIATE_ENCODE(EnrollmentDocument)
#undef CASELOAD_INSTANTIATE_ENCODE

}  // namespace caseload
