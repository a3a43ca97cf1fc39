#include "caseload/store/schema.hpp"

#include <algorithm>
#include <string>
#include <vector>


namespace caseload {

const Field* Schema::find(std::string_view key) const {
  for (const auto& f : fields) {
    if (f.key == key) return &f;
  }
  return nullptr;
}

int Schema::rank(std::string_view key) const {
  for (size_t i = 0; i < fields.size(); ++i) {
    if (fields[i].key == key) return static_cast<int>(i);
  }
  return -1;
}

bool Schema::knows_key(std::string_view key) const {
  return std::any_of(fields.begin(), fields.end(),
                     [&](const Field& f) { return f.key == key || (f.nested && f.nested->knows_key(key)); });
}

namespace schemas {
namespace {
using K = FieldKind;

const Schema k_worker{"worker", {{"id", K::Id, true}, {"name", K::String}}, true};
const Schema k_domain{"domain", {{"id", K::Id, true}, {"name", K::String, true}}, true};
const Schema k_criterion{.name = "criterion",
                         .fields = {{"fact", K::String, true},
                                    {"min", K::Amount},
                                    {"max", K::Amount},
                                    {"is", K::String},
                                    {"any_of", K::StringList},
                                    {"source", K::String}},
                         .flow = true};
const Schema k_program{"program",
                       {{"id", K::Id, true},
                        {"name", K::String, true},
                        {"report_every", K::Period},
                        {"renew_every", K::Period},
                        {"decision_after", K::Period},
                        {"criteria", K::MapList, false, {}, &k_criterion},
                        {"documents", K::StringList},
                        {"template", K::Id}},
                       true};
const Schema k_defaults{"defaults",
                        {{"worker", K::Id},
                         {"contact_every", K::Period},
                         {"reassess_every", K::Period},
                         {"referral_follow_up", K::Period},
                         {"consent_warning", K::Period},
                         {"finances_every", K::Period}}};
const Schema k_git{"git", {{"autocommit", K::Bool}}};
const Schema k_stats{"stats", {{"min_group", K::Integer}}};
const Schema k_settings{"caseload.yaml",
                        {{"schema", K::Integer, true},
                         {"agency", K::String},
                         {"currency", K::String},
                         {"workers", K::MapList, true, {}, &k_worker},
                         {"defaults", K::Map, false, {}, &k_defaults},
                         {"scale", K::FlowMap},
                         {"domains", K::MapList, false, {}, &k_domain},
                         {"programs", K::MapList, false, {}, &k_program},
                         {"git", K::Map, false, {}, &k_git},
                         {"stats", K::Map, false, {}, &k_stats}}};

const Schema k_household{.name = "household member",
                         .fields = {{"name", K::String, true}, {"relation", K::String}, {"born", K::PartialDate}},
                         .flow = true,
                         .merge_key = {"name"},
                         .merge_key_is_personal = true};
const Schema k_consent{.name = "consent",
                       .fields = {{"to", K::String, true},
                                  {"scope", K::StringList},
                                  {"given", K::Date, true},
                                  {"expires", K::Date},
                                  {"revoked", K::Date}},
                       .merge_key = {"to", "given"}};
const Schema k_enrollment_document{.name = "enrollment document",
                                   .fields = {{"id", K::Id, true},
                                              {"received", K::Date},
                                              {"waived", K::Date},
                                              {"reason", K::String}},
                                   .flow = true};
const Schema k_enrollment_event{.name = "enrollment event",
                                .fields = {{"date", K::Date, true},
                                           {"event", K::Enum, true, choices::enrollment_event},
                                           {"note", K::String}},
                                .flow = true,
                                .append_only = true};
const Schema k_enrollment{.name = "enrollment",
                          .fields = {{"program", K::Id, true},
                                     {"status", K::Enum, true, choices::enrollment_status},
                                     {"applied", K::Date},
                                     {"decided", K::Date},
                                     {"next_report", K::Date},
                                     {"renew_by", K::Date},
                                     {"ended", K::Date},
                                     {"documents", K::MapList, false, {}, &k_enrollment_document},
                                     {"history", K::MapList, false, {}, &k_enrollment_event}},
                          .merge_key = {"program"}};
const Schema k_episode{.name = "episode",
                       .fields = {{"opened", K::Date, true},
                                  {"closed", K::Date, true},
                                  {"closed_reason", K::Text},
                                  {"reopened", K::Date, true},
                                  {"reopen_reason", K::Text}},
                       .append_only = true};
const Schema k_client{"client.yaml",
                      {{"id", K::Id, true},
                       {"name", K::String, true},
                       {"preferred_name", K::String},
                       {"external_id", K::String},
                       {"born", K::PartialDate},
                       {"language", K::Any},
                       {"phone", K::String},
                       {"email", K::String},
                       {"address", K::Text},
                       {"household", K::MapList, false, {}, &k_household},
                       {"worker", K::Id, true},
                       {"risk", K::Enum, false, choices::risk},
                       {"status", K::Enum, true, choices::client_status},
                       {"opened", K::Date, true},
                       {"closed", K::Date},
                       {"closed_reason", K::Text},
                       {"episodes", K::MapList, false, {}, &k_episode},
                       {"contact_every", K::Period},
                       {"tags", K::StringList},
                       {"flags", K::StringList},
                       {"consent", K::MapList, false, {}, &k_consent},
                       {"enrollments", K::MapList, false, {}, &k_enrollment},
                       {"notes", K::Text}}};

const Schema k_assessment{"assessment",
                          {{"date", K::Date, true},
                           {"kind", K::Enum, true, choices::assessment_kind},
                           {"worker", K::Id, true},
                           {"scores", K::ScoreMap},
                           {"needs", K::StringList},
                           {"strengths", K::Text},
                           {"notes", K::Text}}};

const Schema k_task{"task",
                    {{"id", K::Id, true},
                     {"text", K::String, true},
                     {"owner", K::String},
                     {"due", K::Date},
                     {"status", K::Enum, true, choices::task_status},
                     {"done", K::Date}}};
const Schema k_goal{"goal",
                    {{"id", K::Id, true},
                     {"domain", K::Id},
                     {"text", K::String, true},
                     {"target", K::Date},
                     {"status", K::Enum, true, choices::goal_status},
                     {"tasks", K::MapList, false, {}, &k_task}}};
const Schema k_plan{"plan.yaml",
                    {{"review", K::Date}, {"goals", K::MapList, false, {}, &k_goal}}};

const Schema k_income{.name = "income",
                      .fields = {{"kind", K::String, true},
                                 {"amount", K::Amount, true},
                                 {"every", K::Enum, true, choices::every},
                                 {"member", K::String},
                                 {"from", K::Date}},
                      .flow = true,
                      .merge_key = {"kind", "member"}};
const Schema k_expense{.name = "expense",
                       .fields = {{"kind", K::String, true},
                                  {"amount", K::Amount, true},
                                  {"every", K::Enum, true, choices::every}},
                       .flow = true,
                       .merge_key = {"kind"}};
const Schema k_debt{.name = "debt",
                    .fields = {{"creditor", K::String, true},
                               {"amount", K::Amount, true},
                               {"due", K::Date},
                               {"monthly", K::Amount}},
                    .flow = true,
                    .merge_key = {"creditor"}};
const Schema k_finances{"finances.yaml",
                        {{"reviewed", K::Date},
                         {"incomes", K::MapList, false, {}, &k_income},
                         {"expenses", K::MapList, false, {}, &k_expense},
                         {"debts", K::MapList, false, {}, &k_debt},
                         {"notes", K::Text}}};

const Schema k_history{.name = "history entry",
                       .fields = {{"date", K::Date, true},
                                  {"status", K::Enum, true, choices::referral_status},
                                  {"worker", K::Id},
                                  {"note", K::String}},
                       .flow = true,
                       .append_only = true};
const Schema k_referral{"referral",
                        {{"id", K::Id, true},
                         {"resource", K::Id, true},
                         {"domain", K::Id},
                         {"service", K::String},
                         {"reason", K::Text, true},
                         {"goal", K::Id},
                         {"status", K::Enum, true, choices::referral_status},
                         {"follow_up", K::Date},
                         {"history", K::MapList, true, {}, &k_history},
                         {"outcome", K::Text}}};

const Schema k_contact{"contact",
                       {{"date", K::DateTime, true},
                        {"kind", K::Enum, true, choices::contact_kind},
                        {"status", K::Enum, true, choices::contact_status},
                        {"worker", K::Id, true},
                        {"summary", K::String, true},
                        {"text", K::Text},
                        {"next", K::Date}}};

const Schema k_resource{"resource",
                        {{"id", K::Id, true},
                         {"name", K::String, true},
                         {"organization", K::String},
                         {"domains", K::StringList},
                         {"services", K::StringList},
                         {"phone", K::String},
                         {"email", K::String},
                         {"url", K::String},
                         {"address", K::Text},
                         {"hours", K::String},
                         {"eligibility", K::Text},
                         {"fees", K::String},
                         {"languages", K::StringList}}};
}  // namespace

const Schema& settings() { return k_settings; }
const Schema& client() { return k_client; }
const Schema& assessment() { return k_assessment; }
const Schema& plan() { return k_plan; }
const Schema& finances() { return k_finances; }
const Schema& referral() { return k_referral; }
const Schema& contact() { return k_contact; }
const Schema& resource() { return k_resource; }
}  // namespace schemas

}  // namespace caseload
