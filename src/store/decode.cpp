#include "caseload/store/decode.hpp"

#include <fmt/format.h>

#include "caseload/store/fast_yaml.hpp"

// Each decoder is written once, for both readers' trees: yaml-cpp's
// (Document) and the fast reader's (FastDocument), whose nodes offer the
// same calls.
namespace caseload {
namespace {

const YAML::Node& root_of(const Document& doc) { return doc.root; }
FastNode root_of(const FastDocument& doc) { return doc.root(); }

template <typename Doc>
class Reader {
 public:
  using Node = std::remove_cvref_t<decltype(root_of(std::declval<const Doc&>()))>;
  Reader(const Doc& doc, Diagnostics* warnings) : doc_(doc), warnings_(warnings) {}

  std::string str(const Node& map, std::string_view key) const {
    return get_string(map, key).value_or("");
  }
  std::vector<std::string> list(const Node& map, std::string_view key) const {
    return get_strings(map, key);
  }
  std::optional<Date> date(const Node& map, std::string_view key) const {
    auto s = get_string(map, key);
    if (!s) return std::nullopt;
    auto d = Date::parse(*s);
    if (!d) warn(map, key, fmt::format("'{}' is not a valid date (YYYY-MM-DD); ignored", *s));
    return d;
  }
  std::optional<DateTime> date_time(const Node& map, std::string_view key) const {
    auto s = get_string(map, key);
    if (!s) return std::nullopt;
    auto d = DateTime::parse(*s);
    if (!d) warn(map, key, fmt::format("'{}' is not a valid date-time; ignored", *s));
    return d;
  }
  std::optional<Period> period(const Node& map, std::string_view key) const {
    auto s = get_string(map, key);
    if (!s) return std::nullopt;
    auto p = Period::parse(*s);
    if (!p) warn(map, key, fmt::format("'{}' is not a period such as 30d, 2w, 3m, 1y; ignored", *s));
    return p;
  }
  template <typename T, typename F>
  std::vector<T> each(const Node& map, std::string_view key, F&& decode_one) const {
    std::vector<T> out;
    const Node seq = child(map, key);
    if (!seq.IsSequence()) return out;
    for (const auto& item : seq) {
      if (item.IsMap()) out.push_back(decode_one(item));
    }
    return out;
  }

 private:
  void warn(const Node& map, std::string_view key, std::string message) const {
    if (warnings_) warnings_->push_back({doc_.where(child(map, key)), Severity::Warning, std::move(message)});
  }
  const Doc& doc_;
  Diagnostics* warnings_;
};

}  // namespace

std::string file_stem(const std::string& path) {
  auto slash = path.rfind('/');
  std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  if (name.size() > 5 && name.ends_with(".yaml")) name.resize(name.size() - 5);
  return name;
}

template <typename Doc>
Settings decode_settings_t(const Doc& doc, Diagnostics* warnings) {
  Reader<Doc> r(doc, warnings);
  const auto n = root_of(doc);
  Settings s;
  s.scale.clear();
  s.domains.clear();
  if (auto v = get_string(n, "schema")) s.schema = std::atoi(v->c_str());
  s.agency = r.str(n, "agency");
  s.workers = r.template each<Worker>(n, "workers", [&](const auto& w) {
    return Worker{r.str(w, "id"), r.str(w, "name")};
  });
  const auto defaults = child(n, "defaults");
  s.default_worker = r.str(defaults, "worker");
  if (auto p = r.period(defaults, "contact_every")) s.contact_every = *p;
  if (auto p = r.period(defaults, "reassess_every")) s.reassess_every = *p;
  if (auto p = r.period(defaults, "referral_follow_up")) s.referral_follow_up = *p;
  const auto scale = child(n, "scale");
  if (scale.IsMap()) {
    for (auto it = scale.begin(); it != scale.end(); ++it) {
      if (!it->first.IsScalar() || !it->second.IsScalar()) continue;
      const std::string k = it->first.Scalar();
      if (!k.empty() && k.find_first_not_of("0123456789") == std::string::npos && k.size() < 4)
        s.scale[std::atoi(k.c_str())] = it->second.Scalar();
    }
  }
  s.domains = r.template each<Domain>(n, "domains", [&](const auto& d) {
    return Domain{r.str(d, "id"), r.str(d, "name")};
  });
  s.programs = r.template each<Program>(n, "programs", [&](const auto& p) {
    return Program{r.str(p, "id"), r.str(p, "name"), r.period(p, "report_every"),
                   r.period(p, "renew_every"), r.period(p, "decision_after")};
  });
  s.autocommit = get_string(child(n, "git"), "autocommit").value_or("true") != "false";
  return s;
}

template <typename Doc>
Client decode_client_t(const Doc& doc, Diagnostics* warnings) {
  Reader<Doc> r(doc, warnings);
  const auto n = root_of(doc);
  Client c;
  c.id = r.str(n, "id");
  c.name = r.str(n, "name");
  c.preferred_name = r.str(n, "preferred_name");
  c.external_id = r.str(n, "external_id");
  c.born = r.str(n, "born");
  c.language = r.list(n, "language");
  c.phone = r.str(n, "phone");
  c.email = r.str(n, "email");
  c.address = r.str(n, "address");
  c.household = r.template each<HouseholdMember>(n, "household", [&](const auto& h) {
    return HouseholdMember{r.str(h, "name"), r.str(h, "relation"), r.str(h, "born")};
  });
  c.worker = r.str(n, "worker");
  c.risk = r.str(n, "risk");
  c.status = r.str(n, "status");
  c.opened = r.date(n, "opened");
  c.closed = r.date(n, "closed");
  c.closed_reason = r.str(n, "closed_reason");
  c.contact_every = r.period(n, "contact_every");
  c.tags = r.list(n, "tags");
  c.consents = r.template each<Consent>(n, "consent", [&](const auto& x) {
    return Consent{r.str(x, "to"), r.list(x, "scope"), r.date(x, "given"), r.date(x, "expires"),
                   r.date(x, "revoked")};
  });
  c.enrollments = r.template each<Enrollment>(n, "enrollments", [&](const auto& x) {
    return Enrollment{r.str(x, "program"),     r.str(x, "status"),     r.date(x, "applied"),
                      r.date(x, "decided"),    r.date(x, "next_report"), r.date(x, "renew_by")};
  });
  c.notes = r.str(n, "notes");
  return c;
}

template <typename Doc>
Assessment decode_assessment_t(const Doc& doc, Diagnostics* warnings) {
  Reader<Doc> r(doc, warnings);
  const auto n = root_of(doc);
  Assessment a;
  a.path = doc.path;
  a.stem = file_stem(doc.path);
  a.date = r.date(n, "date");
  a.kind = r.str(n, "kind");
  a.worker = r.str(n, "worker");
  const auto scores = child(n, "scores");
  if (scores.IsMap()) {
    for (auto it = scores.begin(); it != scores.end(); ++it) {
      if (!it->first.IsScalar() || !it->second.IsScalar()) continue;
      const std::string& v = it->second.Scalar();
      if (v.size() == 1 && v[0] >= '0' && v[0] <= '9') a.scores[std::string(it->first.Scalar())] = v[0] - '0';
    }
  }
  a.needs = r.list(n, "needs");
  a.strengths = r.str(n, "strengths");
  a.notes = r.str(n, "notes");
  return a;
}

template <typename Doc>
Plan decode_plan_t(const Doc& doc, Diagnostics* warnings) {
  Reader<Doc> r(doc, warnings);
  Plan p;
  p.path = doc.path;
  p.review = r.date(root_of(doc), "review");
  p.goals = r.template each<Goal>(root_of(doc), "goals", [&](const auto& g) {
    Goal goal{r.str(g, "id"), r.str(g, "domain"), r.str(g, "text"), r.date(g, "target"),
              r.str(g, "status"), {}};
    goal.tasks = r.template each<Task>(g, "tasks", [&](const auto& t) {
      return Task{r.str(t, "id"),   r.str(t, "text"),   r.str(t, "owner"),
                  r.date(t, "due"), r.str(t, "status"), r.date(t, "done")};
    });
    return goal;
  });
  return p;
}

template <typename Doc>
Referral decode_referral_t(const Doc& doc, Diagnostics* warnings) {
  Reader<Doc> r(doc, warnings);
  const auto n = root_of(doc);
  Referral x;
  x.path = doc.path;
  x.id = r.str(n, "id");
  x.resource = r.str(n, "resource");
  x.domain = r.str(n, "domain");
  x.reason = r.str(n, "reason");
  x.goal = r.str(n, "goal");
  x.status = r.str(n, "status");
  x.follow_up = r.date(n, "follow_up");
  x.history = r.template each<HistoryEntry>(n, "history", [&](const auto& h) {
    return HistoryEntry{r.date(h, "date"), r.str(h, "status"), r.str(h, "worker"), r.str(h, "note")};
  });
  x.outcome = r.str(n, "outcome");
  return x;
}

template <typename Doc>
Contact decode_contact_t(const Doc& doc, Diagnostics* warnings) {
  Reader<Doc> r(doc, warnings);
  const auto n = root_of(doc);
  Contact c;
  c.path = doc.path;
  c.id = file_stem(doc.path);
  c.date = r.date_time(n, "date");
  c.kind = r.str(n, "kind");
  c.status = r.str(n, "status");
  c.worker = r.str(n, "worker");
  c.summary = r.str(n, "summary");
  c.text = r.str(n, "text");
  c.next = r.date(n, "next");
  return c;
}

template <typename Doc>
Resource decode_resource_t(const Doc& doc, Diagnostics* warnings) {
  Reader<Doc> r(doc, warnings);
  const auto n = root_of(doc);
  Resource x;
  x.path = doc.path;
  x.id = r.str(n, "id");
  x.name = r.str(n, "name");
  x.organization = r.str(n, "organization");
  x.domains = r.list(n, "domains");
  x.services = r.list(n, "services");
  x.phone = r.str(n, "phone");
  x.email = r.str(n, "email");
  x.url = r.str(n, "url");
  x.address = r.str(n, "address");
  x.hours = r.str(n, "hours");
  x.eligibility = r.str(n, "eligibility");
  x.fees = r.str(n, "fees");
  x.languages = r.list(n, "languages");
  return x;
}

#define CASELOAD_DECODER(T, name)                                                         \
  T decode_##name(const Document& doc, Diagnostics* w) { return decode_##name##_t(doc, w); } \
  T decode_##name(const FastDocument& doc, Diagnostics* w) { return decode_##name##_t(doc, w); }
CASELOAD_DECODER(Settings, settings)
CASELOAD_DECODER(Client, client)
CASELOAD_DECODER(Assessment, assessment)
CASELOAD_DECODER(Plan, plan)
CASELOAD_DECODER(Referral, referral)
CASELOAD_DECODER(Contact, contact)
CASELOAD_DECODER(Resource, resource)
#undef CASELOAD_DECODER

}  // namespace caseload
