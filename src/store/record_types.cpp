#include "caseload/store/record_types.hpp"

#include <vector>

#include "caseload/core/ids.hpp"
#include "record_hooks.hpp"

namespace caseload {
namespace {

bool resource_stem(std::string_view stem) { return is_resource_id(stem); }

const RecordType k_types[] = {
    {"settings", &schemas::settings(), Place::Root, "caseload.yaml", nullptr, {}, hooks::settings_rules},
    {"resource", &schemas::resource(), Place::Directory, "resources", resource_stem,
     "a resource file is named <id>.yaml, the ID of [a-z0-9-]", hooks::resource_rules},
    {"client", &schemas::client(), Place::ClientFile, "client.yaml", nullptr, {}, hooks::client_rules},
    {"plan", &schemas::plan(), Place::ClientFile, "plan.yaml", nullptr, {}, hooks::plan_rules,
     hooks::prepare_plan_merge},
    {"finances", &schemas::finances(), Place::ClientFile, "finances.yaml", nullptr, {}, nullptr},
    {"assessment", &schemas::assessment(), Place::ClientEvents, "assessments", is_assessment_stem,
     "an assessment file is named <YYYY-MM-DD>-<suffix>.yaml (older: <YYYY-MM-DD>[-N].yaml)",
     hooks::assessment_rules},
    {"contact", &schemas::contact(), Place::ClientEvents, "contacts", is_contact_stem,
     "a contact file is named <YYYY-MM-DD>T<HHMM>-<kind>[-<suffix>].yaml", hooks::contact_rules},
    {"referral", &schemas::referral(), Place::ClientEvents, "referrals", is_referral_stem,
     "a referral file is named <YYYY-MM-DD>-<resource-id>-<suffix>.yaml (older: without the suffix, or -N)",
     hooks::referral_rules, hooks::prepare_referral_merge},
};

std::vector<std::string_view> split(std::string_view path) {
  std::vector<std::string_view> parts;
  for (size_t start = 0, end = 0; end != std::string_view::npos; start = end + 1) {
    end = path.find('/', start);
    parts.push_back(path.substr(start, end == std::string_view::npos ? end : end - start));
  }
  return parts;
}

}  // namespace

std::span<const RecordType> all_record_types() { return k_types; }

template <> const RecordType& record_type<Settings>() { return k_types[0]; }
template <> const RecordType& record_type<Resource>() { return k_types[1]; }
template <> const RecordType& record_type<Client>() { return k_types[2]; }
template <> const RecordType& record_type<Plan>() { return k_types[3]; }
template <> const RecordType& record_type<Finances>() { return k_types[4]; }
template <> const RecordType& record_type<Assessment>() { return k_types[5]; }
template <> const RecordType& record_type<Contact>() { return k_types[6]; }
template <> const RecordType& record_type<Referral>() { return k_types[7]; }

const RecordType* record_type_for_path(std::string_view path) {
  if (!path.ends_with(".yaml")) return nullptr;
  const auto parts = split(path);
  const std::string_view name = parts.back();
  const std::string_view stem = name.substr(0, name.size() - 5);
  const bool in_client = parts.size() >= 3 && parts[0] == "clients" && is_client_id(parts[1]);
  for (const auto& t : k_types) {
    switch (t.place) {
      case Place::Root:
        if (path == t.file) return &t;
        break;
      case Place::Directory:
        if (parts.size() == 2 && parts[0] == t.file && t.is_stem(stem)) return &t;
        break;
      case Place::ClientFile:
        if (in_client && parts.size() == 3 && name == t.file) return &t;
        break;
      case Place::ClientEvents:
        // A hidden name is a leftover temp file, not a record.
        if (in_client && parts.size() == 4 && parts[2] == t.file && name.front() != '.') return &t;
        break;
    }
  }
  return nullptr;
}

const RecordType* record_type_of(const Schema& schema) {
  for (const auto& t : k_types) {
    if (t.schema == &schema) return &t;
  }
  return nullptr;
}

}  // namespace caseload
