#include "caseload/cli/new_records.hpp"

#include <fmt/format.h>

#include "caseload/cli/common.hpp"
#include "caseload/core/errors.hpp"
#include "caseload/core/ids.hpp"
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

Document new_assessment(const Store& store, const std::string& client_id, const AssessmentInput& in,
                        const std::function<uint32_t()>& random) {
  const std::string dir = Store::client_dir(client_id) + "/assessments";
  Document doc = new_document(free_event_path(store, dir, in.date.str(), random), schemas::assessment());
  set_scalar(doc.root, "date", in.date.str());
  set_scalar(doc.root, "kind", in.kind);
  set_scalar(doc.root, "worker", in.worker);
  if (!in.scores.empty()) {
    YAML::Node scores(YAML::NodeType::Map);
    for (const auto& [domain, level] : in.scores) set_scalar(scores, domain, std::to_string(level));
    doc.root["scores"] = scores;
  }
  if (!in.needs.empty()) set_strings(doc.root, "needs", in.needs);
  if (!in.strengths.empty()) set_scalar(doc.root, "strengths", in.strengths);
  if (!in.notes.empty()) set_scalar(doc.root, "notes", in.notes);
  return doc;
}

Document new_contact(const Store& store, const std::string& client_id, const ContactInput& in,
                     const std::function<uint32_t()>& random) {
  const std::string dir = Store::client_dir(client_id) + "/contacts";
  const std::string stem = fmt::format("{}T{}-{}", in.date.date.str(), in.date.compact_time(), in.kind);
  Document doc = new_document(free_event_path(store, dir, stem, random), schemas::contact());
  set_scalar(doc.root, "date", in.date.str());
  set_scalar(doc.root, "kind", in.kind);
  set_scalar(doc.root, "status", in.status);
  set_scalar(doc.root, "worker", in.worker);
  set_scalar(doc.root, "summary", in.summary);
  if (!in.text.empty()) set_scalar(doc.root, "text", in.text);
  if (in.next) set_scalar(doc.root, "next", in.next->str());
  return doc;
}

}  // namespace caseload

namespace caseload {

ConsentInput default_consent(const std::string& to, const Date& today) {
  return ConsentInput{to, k_default_consent_scope, today, today.add_years(1)};
}

void add_consent(Document& client, const ConsentInput& in) {
  YAML::Node entry(YAML::NodeType::Map);
  set_scalar(entry, "to", in.to);
  set_strings(entry, "scope", in.scope);
  set_scalar(entry, "given", in.given.str());
  set_scalar(entry, "expires", in.expires.str());
  list_for_update(client, "consent").push_back(entry);
}

}  // namespace caseload
