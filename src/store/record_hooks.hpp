#pragma once
// The record-specific parts of `check` (validate.cpp) and of the merge
// (merge.cpp) that the table of record types (record_types.cpp) names.
#include <yaml-cpp/yaml.h>

#include <map>
#include <string>

#include "caseload/core/diagnostic.hpp"
#include "caseload/store/document.hpp"

namespace caseload {
struct StoreFacts;

enum class MergeSide { Ours, Theirs };

// The three versions of a record the merge driver merges.
struct MergeVersions {
  YAML::Node base, ours, theirs;
  // Field paths whose both-sided change a rule settles (a referral's status
  // follows its merged history): which side's value they take.
  std::map<std::string, MergeSide> decided;
};
}  // namespace caseload

namespace caseload::hooks {

void settings_rules(const Document& doc, const StoreFacts& facts, Diagnostics& out);
void resource_rules(const Document& doc, const StoreFacts& facts, Diagnostics& out);
void client_rules(const Document& doc, const StoreFacts& facts, Diagnostics& out);
void plan_rules(const Document& doc, const StoreFacts& facts, Diagnostics& out);
void assessment_rules(const Document& doc, const StoreFacts& facts, Diagnostics& out);
void contact_rules(const Document& doc, const StoreFacts& facts, Diagnostics& out);
void referral_rules(const Document& doc, const StoreFacts& facts, Diagnostics& out);

// Goals and tasks that both sides added under one ID: theirs are renumbered.
MergeVersions prepare_plan_merge(const MergeVersions& v);
// The status and follow-up follow the side whose step ends the merged history.
MergeVersions prepare_referral_merge(const MergeVersions& v);

}  // namespace caseload::hooks
