#include "caseload/cli/terminal_safe.hpp"

#include "caseload/core/text.hpp"
#include "caseload/store/schema.hpp"

namespace caseload {
namespace {

void safe(std::string& s, bool multi_line) {
  if (has_unsafe_characters(s, multi_line)) s = escape_for_terminal(s, multi_line);
}

// Walks a record's field list with its schema, which says which fields are
// multi-line texts and which schema a nested record has.
class TerminalSafe {
 public:
  explicit TerminalSafe(const Schema& schema) : schema_(schema) {}

  template <class T>
  TerminalSafe& operator()(std::string_view key, T& value) {
    fix(value, schema_.find(key));
    return *this;
  }
  void path(const std::string&) {}
  void stem(const std::string&) {}

  template <class Record>
  static void record(Record& r, const Schema& schema) {
    TerminalSafe io(schema);
    fields(io, r);
  }

 private:
  void fix(std::string& s, const Field* f) { safe(s, f && f->kind == FieldKind::Text); }
  void fix(int&, const Field*) {}
  void fix(bool&, const Field*) {}
  void fix(Date&, const Field*) {}
  void fix(DateTime&, const Field*) {}
  void fix(Period&, const Field*) {}
  void fix(std::vector<std::string>& list, const Field*) {
    for (auto& s : list) safe(s, false);
  }
  void fix(Scores& scores, const Field*) {
    for (auto& [domain, level] : scores) safe(domain, false);
  }
  template <class T>
  void fix(std::optional<T>& v, const Field* f) {
    if (v) fix(*v, f);
  }
  template <class T>
  void fix(std::vector<T>& list, const Field* f) {
    for (auto& item : list) fix(item, f);
  }
  template <class T>
  void fix(T& nested, const Field* f) {
    record(nested, f && f->nested ? *f->nested : schema_);
  }

  const Schema& schema_;
};

}  // namespace

void make_terminal_safe(ClientRecord& r) {
  safe(r.path, false);
  TerminalSafe::record(r.client, schemas::client());
  for (auto& a : r.assessments) TerminalSafe::record(a, schemas::assessment());
  if (r.plan) TerminalSafe::record(*r.plan, schemas::plan());
  if (r.finances) TerminalSafe::record(*r.finances, schemas::finances());
  for (auto& ref : r.referrals) TerminalSafe::record(ref, schemas::referral());
  for (auto& c : r.contacts) TerminalSafe::record(c, schemas::contact());
  for (auto& u : r.unreadable) {
    safe(u.where.path, false);
    safe(u.message, false);
  }
}

void make_terminal_safe(Plan& plan) { TerminalSafe::record(plan, schemas::plan()); }
void make_terminal_safe(Resource& resource) { TerminalSafe::record(resource, schemas::resource()); }

void make_terminal_safe(ResourceNames& names) {
  ResourceNames safe_names;
  for (const auto& [key, value] : names) {
    std::string id = key, name = value;
    safe(id, false);
    safe(name, false);
    safe_names.emplace(std::move(id), std::move(name));
  }
  names = std::move(safe_names);
}

}  // namespace caseload
