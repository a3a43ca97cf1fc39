// Cache entries: a record decoded from its file (core/records.hpp), with
// the warnings decoding gave, or the error that made the file unreadable.
// The encoder and the decoder both walk the record's field list, so a field
// added to a record is cached without a change here.
#include <map>

#include "cache_bytes.hpp"
#include "caseload/store/cache.hpp"

namespace caseload {
namespace {

struct Encoder {
  cache_bytes::Writer w;

  template <class T> Encoder& operator()(std::string_view, const T& value) {
    put(value);
    return *this;
  }
  void path(const std::string& p) { put(p); }
  void stem(const std::string& s) { put(s); }

  void put(const std::string& s) { w.str(s); }
  void put(int v) { w.u32(static_cast<std::uint32_t>(v)); }
  void put(bool v) { w.u8(v); }
  void put(const Date& d) {
    put(d.year);
    put(d.month);
    put(d.day);
  }
  void put(const DateTime& d) {
    put(d.date);
    put(d.minutes);
  }
  void put(const Period& p) {
    put(p.count);
    w.u8(static_cast<std::uint8_t>(p.unit));
  }
  void put(const Location& l) {
    put(l.path);
    put(l.line);
    put(l.col);
  }
  template <class T> void put(const std::optional<T>& v) {
    w.u8(v.has_value());
    if (v) put(*v);
  }
  template <class T> void put(const std::vector<T>& list) {
    w.u32(static_cast<std::uint32_t>(list.size()));
    for (const auto& item : list) put(item);
  }
  template <class K, class V> void put(const std::pair<K, V>& kv) {
    put(kv.first);
    put(kv.second);
  }
  template <class K, class V> void put(const std::map<K, V>& m) {
    w.u32(static_cast<std::uint32_t>(m.size()));
    for (const auto& kv : m) put(kv);
  }
  template <class T> void put(const T& record) { fields(*this, record); }
};

struct Decoder {
  cache_bytes::Reader r;

  template <class T> Decoder& operator()(std::string_view, T& value) {
    get(value);
    return *this;
  }
  void path(std::string& p) { get(p); }
  void stem(std::string& s) { get(s); }

  void get(std::string& s) { s = r.str(); }
  void get(int& v) { v = static_cast<int>(r.u32()); }
  void get(bool& v) { v = r.u8() != 0; }
  void get(Date& d) {
    get(d.year);
    get(d.month);
    get(d.day);
  }
  void get(DateTime& d) {
    get(d.date);
    get(d.minutes);
  }
  void get(Period& p) {
    get(p.count);
    p.unit = static_cast<char>(r.u8());
  }
  void get(Location& l) {
    get(l.path);
    get(l.line);
    get(l.col);
  }
  template <class T> void get(std::optional<T>& v) {
    if (r.u8() == 0) return;
    get(v.emplace());
  }
  template <class T> void get(std::vector<T>& list) {
    for (std::uint32_t n = r.u32(); r.ok() && n > 0; --n) {
      // Every item takes bytes: a corrupt count must not allocate gigabytes.
      if (r.rest().empty()) return r.fail();
      get(list.emplace_back());
    }
  }
  template <class K, class V> void get(std::pair<K, V>& kv) {
    get(kv.first);
    get(kv.second);
  }
  template <class K, class V> void get(std::map<K, V>& m) {
    for (std::uint32_t n = r.u32(); r.ok() && n > 0; --n) {
      std::pair<K, V> kv;
      get(kv);
      m[kv.first] = std::move(kv.second);
    }
  }
  template <class T> void get(T& record) { fields(*this, record); }
};

enum : std::uint8_t { k_entry_record = 1, k_entry_error = 2 };

}  // namespace

template <typename T>
std::string encode_outcome(const FileOutcome<T>& o) {
  Encoder e;
  if (o.error) {
    e.w.u8(k_entry_error);
    e.put(o.error->where());
    e.put(o.error->message());
    e.put(o.error->hint());
    return std::move(e.w.bytes());
  }
  e.w.u8(k_entry_record);
  e.put(*o.record);
  e.w.u32(static_cast<std::uint32_t>(o.warnings.size()));
  for (const auto& d : o.warnings) {
    e.w.u8(d.severity == Severity::Error);
    e.put(d.where);
    e.put(d.message);
  }
  return std::move(e.w.bytes());
}

template <typename T>
bool decode_outcome(std::string_view bytes, FileOutcome<T>& outcome) {
  Decoder d{cache_bytes::Reader(bytes)};
  FileOutcome<T> o;
  const std::uint8_t kind = d.r.u8();
  if (kind == k_entry_error) {
    Location where;
    std::string message, hint;
    d.get(where);
    d.get(message);
    d.get(hint);
    o.error.emplace(where, message, hint);
  } else if (kind == k_entry_record) {
    d.get(o.record.emplace());
    for (std::uint32_t n = d.r.u32(); d.r.ok() && n > 0; --n) {
      Diagnostic& diag = o.warnings.emplace_back();
      diag.severity = d.r.u8() ? Severity::Error : Severity::Warning;
      d.get(diag.where);
      d.get(diag.message);
    }
  } else {
    d.r.fail();
  }
  if (!d.r.at_end()) return false;
  outcome = std::move(o);
  return true;
}

#define CASELOAD_INSTANTIATE_CODEC(T)                                    \
  template std::string encode_outcome<T>(const FileOutcome<T>&);         \
  template bool decode_outcome<T>(std::string_view, FileOutcome<T>&);
CASELOAD_FOR_EACH_RECORD(CASELOAD_INSTANTIATE_CODEC)
#undef CASELOAD_INSTANTIATE_CODEC

}  // namespace caseload
