// The two descriptions of a record that must agree (its field list in
// core/records.hpp and its schema in store/schema.cpp), and the table of
// record types that everything walks to find a record's kind and place.
#include <doctest/doctest.h>

#include <map>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "caseload/core/ids.hpp"
#include "caseload/core/records.hpp"
#include "caseload/store/record_types.hpp"
#include "caseload/store/schema.hpp"

using namespace caseload;

namespace {

template <class T> struct is_optional : std::false_type {};
template <class T> struct is_optional<std::optional<T>> : std::true_type {};

// Walks a record's field list against its schema: the keys in order, and for
// each the kind the schema gives it against the member's C++ type.
class SchemaWalker {
 public:
  SchemaWalker(const Schema& schema, std::string where) : schema_(schema), where_(std::move(where)) {}

  template <class T>
  SchemaWalker& operator()(std::string_view key, T& value) {
    keys.emplace_back(key);
    const Field* f = schema_.find(key);
    if (!f) {
      problems.push_back(where_ + std::string(key) + ": not in the schema");
      return *this;
    }
    check_kind(*f, value, where_ + std::string(key));
    return *this;
  }
  void path(std::string&) {}
  void stem(std::string&) {}

  std::vector<std::string> keys;
  std::vector<std::string> problems;

 private:
  template <class T>
  static constexpr bool is_record = requires(SchemaWalker& w, T& t) { fields(w, t); };

  template <class T>
  void check_kind(const Field& f, T&, const std::string& name) {
    using K = FieldKind;
    auto expect = [&](bool ok) {
      if (!ok) problems.push_back(name + ": its C++ type does not fit the schema's kind");
    };
    if constexpr (std::is_same_v<T, std::string>) {
      expect(f.kind == K::String || f.kind == K::Id || f.kind == K::Text || f.kind == K::Enum ||
             f.kind == K::PartialDate || f.kind == K::Amount);
      if (f.kind == K::Enum) expect(!f.choices.empty());
    } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
      expect(f.kind == K::StringList || f.kind == K::Any);
    } else if constexpr (std::is_same_v<T, std::optional<Date>>) {
      expect(f.kind == K::Date);
    } else if constexpr (std::is_same_v<T, std::optional<DateTime>>) {
      expect(f.kind == K::DateTime);
    } else if constexpr (std::is_same_v<T, std::optional<Period>> || std::is_same_v<T, Period>) {
      expect(f.kind == K::Period);
    } else if constexpr (std::is_same_v<T, int>) {
      expect(f.kind == K::Integer);
    } else if constexpr (std::is_same_v<T, bool>) {
      expect(f.kind == K::Bool);
    } else if constexpr (std::is_same_v<T, Scores>) {
      expect(f.kind == K::ScoreMap);
    } else if constexpr (std::is_same_v<T, std::map<int, std::string>>) {
      expect(f.kind == K::FlowMap);
    } else if constexpr (is_record<T>) {
      expect(f.kind == K::Map && f.nested);
      if (f.nested) nested<T>(*f.nested, name + ".");
    } else if constexpr (requires { typename T::value_type; } && is_record<typename T::value_type>) {
      expect(f.kind == K::MapList && f.nested);
      if (f.nested) nested<typename T::value_type>(*f.nested, name + "[].");
    } else {
      static_assert(!sizeof(T), "a member type the walker does not know: add it here and to the readers");
    }
  }

  template <class T>
  void nested(const Schema& schema, const std::string& where) {
    SchemaWalker inner(schema, where);
    T record;
    fields(inner, record);
    compare(inner, schema, where);
    problems.insert(problems.end(), inner.problems.begin(), inner.problems.end());
  }

 public:
  static void compare(SchemaWalker& w, const Schema& schema, const std::string& where) {
    std::vector<std::string> schema_keys;
    for (const auto& f : schema.fields) schema_keys.emplace_back(f.key);
    if (w.keys != schema_keys) w.problems.push_back(where + ": the field list's keys are not the schema's, in its order");
  }

 private:
  const Schema& schema_;
  std::string where_;
};

// Each problem on a line of its own, so that a failure says what drifted.
std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

template <class T>
std::string disagreements() {
  const Schema& schema = *record_type<T>().schema;
  SchemaWalker walker(schema, std::string(schema.name) + ": ");
  T record;
  fields(walker, record);
  SchemaWalker::compare(walker, schema, std::string(schema.name));
  return joined(walker.problems);
}

}  // namespace

TEST_SUITE("store::record_types") {
  TEST_CASE("each record's field list has its schema's keys, in canonical order, with fitting kinds") {
#define CASELOAD_CHECK_AGREES(T) \
  SUBCASE(#T) { CHECK(disagreements<T>() == ""); }
    CASELOAD_FOR_EACH_RECORD(CASELOAD_CHECK_AGREES)
#undef CASELOAD_CHECK_AGREES
  }

  TEST_CASE("the walker notices a schema that drifted from the field list") {
    // The contact's schema without its last key: the test above would fail.
    Schema shorter = schemas::contact();
    shorter.fields.pop_back();
    SchemaWalker walker(shorter, "contact: ");
    Contact c;
    fields(walker, c);
    SchemaWalker::compare(walker, shorter, "contact");
    CHECK(joined(walker.problems) ==
          "contact: next: not in the schema\ncontact: the field list's keys are not the schema's, in its order\n");
  }

  TEST_CASE("every record type is in the table once, with its schema and its place") {
    std::vector<std::string_view> names;
    for (const auto& t : all_record_types()) {
      CAPTURE(t.name);
      REQUIRE(t.schema != nullptr);
      CHECK(record_type_of(*t.schema) == &t);
      CHECK_FALSE(t.file.empty());
      if (t.place == Place::Directory || t.place == Place::ClientEvents) {
        CHECK(bool(t.is_stem));
        CHECK_FALSE(t.name_rule.empty());
      }
      CHECK(std::find(names.begin(), names.end(), t.name) == names.end());
      names.push_back(t.name);
    }
    CHECK(names == std::vector<std::string_view>{"settings", "resource", "client", "plan", "finances", "assessment",
                                                 "contact", "referral"});
#define CASELOAD_CHECK_ROW(T) CHECK(&record_type<T>() == record_type_of(*record_type<T>().schema));
    CASELOAD_FOR_EACH_RECORD(CASELOAD_CHECK_ROW)
#undef CASELOAD_CHECK_ROW
    CHECK(record_type_of(*schemas::client().find("consent")->nested) == nullptr);  // an entry, not a file
  }

  TEST_CASE("a path's record type follows the store's layout") {
    auto name_of = [](std::string_view path) -> std::string {
      const RecordType* t = record_type_for_path(path);
      return t ? std::string(t->name) : "-";
    };
    CHECK(name_of("caseload.yaml") == "settings");
    CHECK(name_of("clients/3FZK8R/finances.yaml") == "finances");
    CHECK(name_of("resources/food-bank-north.yaml") == "resource");
    CHECK(name_of("clients/K7Q2MX/client.yaml") == "client");
    CHECK(name_of("clients/K7Q2MX/plan.yaml") == "plan");
    CHECK(name_of("clients/K7Q2MX/assessments/2026-11-23-k3vd.yaml") == "assessment");
    CHECK(name_of("clients/K7Q2MX/contacts/2026-11-23T1000-call-k3vd.yaml") == "contact");
    CHECK(name_of("clients/K7Q2MX/referrals/2026-11-23-legal-aid-k3vd.yaml") == "referral");
    // A misnamed event file is still that type's: `check` names the rule it breaks.
    CHECK(name_of("clients/K7Q2MX/contacts/yesterday.yaml") == "contact");

    SUBCASE("anything else is no record") {
      CHECK(name_of("clients/K7Q2MX/contacts/.2026-11-23T1000-call.yaml.tmp-1.yaml") == "-");  // hidden: a temp file
      CHECK(name_of("clients/K7Q2MX/notes.yaml") == "-");
      CHECK(name_of("clients/K7Q2MX/visits/2026-11-23.yaml") == "-");
      CHECK(name_of("clients/k7q2mx/client.yaml") == "-");  // not a client ID
      CHECK(name_of("clients/K7Q2MX/contacts/2026-11-23T1000-call.yml") == "-");
      CHECK(name_of("clients/K7Q2MX/contacts/a/b.yaml") == "-");
      CHECK(name_of("resources/Food Bank.yaml") == "-");
      CHECK(name_of("resources/x/y.yaml") == "-");
      CHECK(name_of("client.yaml") == "-");
      CHECK(name_of("sub/caseload.yaml") == "-");
    }
  }

  TEST_CASE("a file of a client's folder is where its type says") {
    CHECK(record_type<Client>().in_client("clients/K7Q2MX") == "clients/K7Q2MX/client.yaml");
    CHECK(record_type<Referral>().in_client("clients/K7Q2MX") == "clients/K7Q2MX/referrals");
    CHECK(record_type<Assessment>().is_stem("2026-11-23-k3vd"));
    CHECK_FALSE(record_type<Assessment>().is_stem("23-11-2026"));
  }

  TEST_CASE("the merge's per-list rules live on the nested schemas") {
    const Schema& consent = *schemas::client().find("consent")->nested;
    CHECK(consent.merge_key == std::vector<std::string_view>{"to", "given"});
    const Schema& household = *schemas::client().find("household")->nested;
    CHECK(household.merge_key_is_personal);  // a member's name never goes into a conflict message
    CHECK(schemas::referral().find("history")->nested->append_only);
    CHECK(bool(record_type<Plan>().prepare_merge));
    CHECK(bool(record_type<Referral>().prepare_merge));
    CHECK_FALSE(bool(record_type<Client>().prepare_merge));
  }
}
