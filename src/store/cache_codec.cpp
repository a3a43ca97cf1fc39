// Cache entries: a record decoded from its file (core/records.hpp), with
// the warnings decoding gave, or the error that made the file unreadable.
// Each record type has one list of its fields, walked by both the encoder
// and the decoder, so that the two cannot disagree.
#include <map>

#include "cache_bytes.hpp"
#include "caseload/store/cache.hpp"

namespace caseload {
namespace {

// A field added to a record must be added to its list below, or cached runs
// would lose it. The sizes catch that at compile time on the usual 64-bit
// libstdc++ build; other platforms rely on the round-trip unit test.
#if defined(__GLIBCXX__) && defined(__x86_64__)
static_assert(sizeof(Client) == 584 && sizeof(Plan) == 72 && sizeof(Goal) == 168 && sizeof(Task) == 160 &&
                  sizeof(Assessment) == 280 && sizeof(Referral) == 296 && sizeof(HistoryEntry) == 112 &&
                  sizeof(Contact) == 264 && sizeof(Resource) == 424 && sizeof(Consent) == 104 &&
                  sizeof(Enrollment) == 128 && sizeof(HouseholdMember) == 96,
              "a record type in core/records.hpp changed: update its field list in cache_codec.cpp and "
              "k_cache_format in cache.cpp");
#endif

template <class Io> void fields(Io& io, Date& d) { io(d.year, d.month, d.day); }
template <class Io> void fields(Io& io, DateTime& d) { io(d.date, d.minutes); }
template <class Io> void fields(Io& io, Period& p) { io(p.count, p.unit); }
template <class Io> void fields(Io& io, HouseholdMember& h) { io(h.name, h.relation, h.born); }
template <class Io> void fields(Io& io, Consent& c) { io(c.to, c.scope, c.given, c.expires, c.revoked); }
template <class Io> void fields(Io& io, Enrollment& e) {
  io(e.program, e.status, e.applied, e.decided, e.next_report, e.renew_by);
}
template <class Io> void fields(Io& io, Client& c) {
  io(c.id, c.name, c.preferred_name, c.external_id, c.born, c.language, c.phone, c.email, c.address,
     c.household, c.worker, c.risk, c.status, c.opened, c.closed, c.closed_reason, c.contact_every, c.tags,
     c.consents, c.enrollments, c.notes);
}
template <class Io> void fields(Io& io, Assessment& a) {
  io(a.path, a.stem, a.date, a.kind, a.worker, a.scores, a.needs, a.strengths, a.notes);
}
template <class Io> void fields(Io& io, Task& t) { io(t.id, t.text, t.owner, t.due, t.status, t.done); }
template <class Io> void fields(Io& io, Goal& g) { io(g.id, g.domain, g.text, g.target, g.status, g.tasks); }
template <class Io> void fields(Io& io, Plan& p) { io(p.path, p.review, p.goals); }
template <class Io> void fields(Io& io, HistoryEntry& h) { io(h.date, h.status, h.worker, h.note); }
template <class Io> void fields(Io& io, Referral& r) {
  io(r.path, r.id, r.resource, r.domain, r.reason, r.goal, r.status, r.follow_up, r.history, r.outcome);
}
template <class Io> void fields(Io& io, Contact& c) {
  io(c.path, c.id, c.date, c.kind, c.status, c.worker, c.summary, c.text, c.next);
}
template <class Io> void fields(Io& io, Resource& r) {
  io(r.path, r.id, r.name, r.organization, r.domains, r.services, r.phone, r.email, r.url, r.address, r.hours,
     r.eligibility, r.fees, r.languages);
}
template <class Io> void fields(Io& io, Location& l) { io(l.path, l.line, l.col); }

struct Encoder {
  cache_bytes::Writer w;

  template <class... T> void operator()(T&... values) { (put(values), ...); }
  void put(std::string& s) { w.str(s); }
  void put(int& v) { w.u32(static_cast<std::uint32_t>(v)); }
  void put(char& c) { w.u8(static_cast<std::uint8_t>(c)); }
  template <class T> void put(std::optional<T>& v) {
    w.u8(v.has_value());
    if (v) put(*v);
  }
  template <class T> void put(std::vector<T>& list) {
    w.u32(static_cast<std::uint32_t>(list.size()));
    for (auto& item : list) put(item);
  }
  void put(std::map<std::string, int>& m) {
    w.u32(static_cast<std::uint32_t>(m.size()));
    for (auto& [k, v] : m) {
      w.str(k);
      w.u32(static_cast<std::uint32_t>(v));
    }
  }
  template <class T> void put(T& record) { fields(*this, record); }
};

struct Decoder {
  cache_bytes::Reader r;

  template <class... T> void operator()(T&... values) { (get(values), ...); }
  void get(std::string& s) { s = r.str(); }
  void get(int& v) { v = static_cast<int>(r.u32()); }
  void get(char& c) { c = static_cast<char>(r.u8()); }
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
  void get(std::map<std::string, int>& m) {
    for (std::uint32_t n = r.u32(); r.ok() && n > 0; --n) {
      std::string key(r.str());
      m[key] = static_cast<int>(r.u32());
    }
  }
  template <class T> void get(T& record) { fields(*this, record); }
};

enum : std::uint8_t { k_entry_record = 1, k_entry_error = 2 };

}  // namespace

template <typename T>
std::string encode_outcome(const FileOutcome<T>& outcome) {
  // The encoder reads through non-const references only to share the field
  // lists with the decoder; it changes nothing.
  auto& o = const_cast<FileOutcome<T>&>(outcome);
  Encoder e;
  if (o.error) {
    Location where = o.error->where();
    std::string message = o.error->message(), hint = o.error->hint();
    e.w.u8(k_entry_error);
    e(where, message, hint);
    return std::move(e.w.bytes());
  }
  e.w.u8(k_entry_record);
  e(*o.record);
  e.w.u32(static_cast<std::uint32_t>(o.warnings.size()));
  for (auto& d : o.warnings) {
    e.w.u8(d.severity == Severity::Error);
    e(d.where, d.message);
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
    d(where, message, hint);
    o.error.emplace(where, message, hint);
  } else if (kind == k_entry_record) {
    d(o.record.emplace());
    for (std::uint32_t n = d.r.u32(); d.r.ok() && n > 0; --n) {
      Diagnostic& diag = o.warnings.emplace_back();
      diag.severity = d.r.u8() ? Severity::Error : Severity::Warning;
      d(diag.where, diag.message);
    }
  } else {
    d.r.fail();
  }
  if (!d.r.at_end()) return false;
  outcome = std::move(o);
  return true;
}

#define CASELOAD_CACHE_CODEC(T)                                          \
  template std::string encode_outcome<T>(const FileOutcome<T>&);         \
  template bool decode_outcome<T>(std::string_view, FileOutcome<T>&);
CASELOAD_CACHE_CODEC(Client)
CASELOAD_CACHE_CODEC(Plan)
CASELOAD_CACHE_CODEC(Assessment)
CASELOAD_CACHE_CODEC(Referral)
CASELOAD_CACHE_CODEC(Contact)
CASELOAD_CACHE_CODEC(Resource)
#undef CASELOAD_CACHE_CODEC

}  // namespace caseload
