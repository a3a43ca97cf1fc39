#pragma once
// Screening a client against the programs' criteria (caseload.yaml
// `programs: criteria:`), as benefit screeners do it: every result shows its
// work (each criterion, the value used and the file it came from), and a
// missing or uncertain fact never makes a "no": it makes a "possible" that
// names what to record.
//
// A fact is computed from the case file as a range [low, high]: exact facts
// have low == high; a birth date known only to the year, or a household
// member without one, widens it. A criterion is met when the whole range
// keeps its bounds, failed when none of it does, unknown otherwise.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "caseload/core/date.hpp"
#include "caseload/core/decimal.hpp"
#include "caseload/core/records.hpp"

namespace caseload {

// The facts a criterion may name, for messages and the manual; children_under_N
// and score.DOMAIN stand for families of facts.
inline constexpr std::string_view k_fact_forms =
    "age, household_size, children_under_N, income_monthly, income_per_person_monthly, expenses_monthly, "
    "debt_total, flag, need or score.DOMAIN";

// What is wrong with a criterion as caseload.yaml writes it, in words that
// never repeat its values, and the key it is about; nullopt when it is
// well-formed. `settings` names the domains a score may be of.
struct CriterionProblem {
  std::string key;  // fact, min, max, is or any_of
  std::string message;
};
std::optional<CriterionProblem> criterion_problem(const Criterion& c, const Settings& settings);

// Where a fact came from: the file and the keys down to the value (for the
// line to show) and what it was read from, in words.
struct FactSource {
  std::string path;               // clients/ID/client.yaml, .../finances.yaml, .../assessments/X.yaml
  std::vector<std::string> keys;  // e.g. {"born"}, {"scores", "housing"}; empty: the file
  std::string what;               // "born 1958-04-12", "3 incomes"
};

enum class CriterionResult { Met, Close, Failed, Unknown };
std::string_view result_name(CriterionResult r);  // met, close, failed, unknown

struct CriterionCheck {
  const Criterion* criterion = nullptr;
  CriterionResult result = CriterionResult::Unknown;
  std::string value;              // the value used ("67", "540.00", "60-61"); empty when unknown
  std::optional<FactSource> from;  // none when the case file does not have the fact
  std::string missing;            // when unknown: what is missing, in words
  std::string record_with;        // when unknown: the command that records it
  std::string off_by;             // when close: "4.0%" (how far the limit is missed)
};

enum class ScreenResult { Enrolled, Likely, Possible, Close, Unlikely, Unscreened };
std::string_view result_name(ScreenResult r);  // enrolled ... unlikely; unscreened: the program has no criteria

struct ProgramScreen {
  const Program* program = nullptr;
  ScreenResult result = ScreenResult::Unscreened;
  std::string enrollment_status;  // applied or approved when enrolled
  std::vector<CriterionCheck> checks;  // in the order of the program's criteria
};

// Every program of `settings`, in its order. `record` is one client's folder
// as read (core/records.hpp); unreadable files count as facts unknown.
std::vector<ProgramScreen> screen(const ClientRecord& record, const Settings& settings, const Date& today);

// A criterion as `program add|set --criterion` takes it: "age>=65",
// "income_per_person_monthly<=600", "flag=injured-at-work",
// "need=housing,food" (any of them), each optionally followed by
// " # SOURCE". nullopt when it is none of these forms; whether the fact and
// bounds make sense is criterion_problem's.
std::optional<Criterion> parse_criterion(std::string_view text);
inline constexpr std::string_view k_criterion_forms =
    "FACT>=NUMBER, FACT<=NUMBER, FACT=VALUE or FACT=VALUE,VALUE..., optionally followed by \" # SOURCE\"";

// A criterion in one line for people: "age at least 65", "income_monthly at most 600".
std::string describe(const Criterion& c);

}  // namespace caseload
