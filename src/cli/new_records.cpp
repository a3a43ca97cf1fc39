#include "caseload/cli/new_records.hpp"

#include <fmt/format.h>

#include "caseload/cli/common.hpp"
#include "caseload/core/errors.hpp"
#include "caseload/core/ids.hpp"
#include "caseload/store/encode.hpp"
#include "caseload/store/record_types.hpp"
#include "caseload/store/schema.hpp"

namespace caseload {

std::string free_event_path(const Store& store, const std::string& dir, const std::string& stem,
                            const std::function<uint32_t()>& random) {
  for (;;) {
    std::string path = fmt::format("{}/{}-{}.yaml", dir, stem, new_name_suffix(random));
    if (!store.exists(path)) return path;
  }
}

std::pair<std::string, int> parse_score(const Settings& settings, const std::string& text) {
  auto eq = text.find('=');
  std::string domain = eq == std::string::npos ? text : text.substr(0, eq);
  std::string level = eq == std::string::npos ? "" : text.substr(eq + 1);
  parse_need(settings, domain);
  std::string levels = "0 (not applicable)";
  for (const auto& [n, label] : settings.scale) levels += fmt::format(", {} ({})", n, label);
  bool ok = level.size() == 1 && level[0] >= '0' && level[0] <= '9' &&
            (level == "0" || settings.scale.count(level[0] - '0'));
  if (eq == std::string::npos || !ok) {
    throw UsageError(fmt::format("--score: '{}' is not DOMAIN=LEVEL on the store's scale", text),
                     fmt::format("levels: {}", levels));
  }
  return {domain, level[0] - '0'};
}

std::string parse_need(const Settings& settings, const std::string& domain) {
  if (settings.find_domain(domain)) return domain;
  std::string known;
  for (const auto& d : settings.domains) known += (known.empty() ? "" : ", ") + d.id;
  throw UsageError(fmt::format("unknown domain '{}'", domain), fmt::format("domains in caseload.yaml: {}", known));
}

Document new_assessment(const Store& store, const std::string& client_id, const Assessment& a,
                        const std::function<uint32_t()>& random) {
  const std::string dir = record_type<Assessment>().in_client(Store::client_dir(client_id));
  return new_record_document(free_event_path(store, dir, a.date->str(), random), schemas::assessment(), a);
}

Document new_contact(const Store& store, const std::string& client_id, const Contact& c,
                     const std::function<uint32_t()>& random) {
  const std::string dir = record_type<Contact>().in_client(Store::client_dir(client_id));
  return new_record_document(free_event_path(store, dir, contact_stem(*c.date, c.kind), random), schemas::contact(), c);
}

Consent default_consent(const std::string& to, const Date& today) {
  return Consent{to, k_default_consent_scope, today, today.add_years(1), std::nullopt};
}

void add_consent(Document& client, const Consent& consent) {
  list_for_update(client, "consent").push_back(encode_record(consent, *schemas::client().find("consent")->nested));
}

}  // namespace caseload
