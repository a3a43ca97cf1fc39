#include "caseload/core/screening.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>

#include "caseload/core/finances.hpp"
#include "caseload/core/text.hpp"

namespace caseload {
namespace {

enum class FactKind { Number, Label, Unknown };

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

constexpr std::string_view k_children_under = "children_under_";
constexpr std::string_view k_score = "score.";

// children_under_N: N from 1 to 99.
std::optional<int> children_age(std::string_view fact) {
  if (!fact.starts_with(k_children_under)) return std::nullopt;
  const std::string_view n = fact.substr(k_children_under.size());
  if (!all_digits(n) || n.size() > 2 || n == "0" || n == "00") return std::nullopt;
  return std::atoi(std::string(n).c_str());
}

FactKind kind_of(std::string_view fact) {
  static constexpr std::string_view numbers[] = {"age", "household_size", "income_monthly",
                                                 "income_per_person_monthly", "expenses_monthly", "debt_total"};
  if (std::find(std::begin(numbers), std::end(numbers), fact) != std::end(numbers)) return FactKind::Number;
  if (fact == "flag" || fact == "need") return FactKind::Label;
  if (children_age(fact)) return FactKind::Number;
  if (fact.starts_with(k_score) && fact.size() > k_score.size()) return FactKind::Number;
  return FactKind::Unknown;
}

// A fact of one client's case file.
struct Fact {
  bool known = false;
  Decimal low, high;                // a number's range
  bool money = false;               // shown with its cents
  std::vector<std::string> labels;  // flag, need: what is recorded
  std::optional<FactSource> from;
  std::string missing, record_with;
};

Fact unknown(std::string missing, std::string record_with, std::optional<FactSource> from = {}) {
  Fact f;
  f.missing = std::move(missing);
  f.record_with = std::move(record_with);
  f.from = std::move(from);
  return f;
}

Fact number(Decimal low, Decimal high, FactSource from) {
  Fact f;
  f.known = true;
  f.low = low;
  f.high = high;
  f.from = std::move(from);
  return f;
}

const UnreadableFile* unreadable_file(const ClientRecord& r, std::string_view suffix) {
  for (const auto& u : r.unreadable) {
    if (u.where.path.ends_with(suffix)) return &u;
  }
  return nullptr;
}

std::string folder_of(const ClientRecord& r) { return r.path.substr(0, r.path.rfind('/') + 1); }

Fact age_fact(const ClientRecord& r, const Date& today) {
  const Client& c = r.client;
  const std::string edit = fmt::format("caseload edit {} (born: YYYY-MM-DD)", c.id);
  const auto earliest = earliest_day_of(c.born);
  const auto latest = latest_day_of(c.born);
  if (!earliest || !latest) return unknown("no birth date", edit);
  FactSource from{r.path, {"born"}, "born " + c.born};
  return number(Decimal::whole(years_between(*latest, today)), Decimal::whole(years_between(*earliest, today)),
                std::move(from));
}

Fact household_fact(const ClientRecord& r) {
  const int n = household_size(r.client);
  FactSource from{r.path, r.client.household.empty() ? std::vector<std::string>{} : std::vector<std::string>{"household"},
                  r.client.household.empty() ? "no household members listed"
                                             : fmt::format("the client and {} household member{}", n - 1,
                                                           n == 2 ? "" : "s")};
  return number(Decimal::whole(n), Decimal::whole(n), std::move(from));
}

// Household members younger than `years`: those whose birth date says so for
// certain, and at most that many more whose birth date is missing or too vague.
Fact children_fact(const ClientRecord& r, int years, const Date& today) {
  int certain = 0, uncertain = 0;
  for (const auto& m : r.client.household) {
    const auto earliest = earliest_day_of(m.born), latest = latest_day_of(m.born);
    if (!earliest || !latest) {
      ++uncertain;
      continue;
    }
    const int oldest = years_between(*earliest, today), youngest = years_between(*latest, today);
    if (oldest < years) ++certain;
    else if (youngest < years) ++uncertain;
  }
  std::string what = r.client.household.empty()
                         ? std::string("no household members listed")
                         : fmt::format("{} of {} household member{} under {}", certain, r.client.household.size(),
                                       r.client.household.size() == 1 ? "" : "s", years);
  if (uncertain) what += fmt::format(", {} without a birth date that tells", uncertain);
  Fact f = number(Decimal::whole(certain), Decimal::whole(certain + uncertain),
                  FactSource{r.path, r.client.household.empty() ? std::vector<std::string>{} : std::vector<std::string>{"household"},
                             std::move(what)});
  if (uncertain) {
    f.missing = "household members' birth dates";
    f.record_with = fmt::format("caseload edit {} (household: born)", r.client.id);
  }
  return f;
}

Fact finances_fact(const ClientRecord& r, std::string_view fact) {
  const std::string add = fmt::format("caseload finances {} income add KIND AMOUNT --every month", r.client.id);
  if (const auto* u = unreadable_file(r, "/finances.yaml")) return unknown(u->where.path + " could not be read", add);
  if (!r.finances) return unknown("no budget (finances.yaml)", add);
  const Budget b = budget_of(*r.finances, household_size(r.client));
  const std::string path = folder_of(r) + "finances.yaml";
  if (!b.unreadable.empty())
    return unknown(fmt::format("entries of {} that cannot be read ({})", path, join(b.unreadable, ", ")),
                   fmt::format("caseload check, then caseload finances {}", r.client.id));
  auto exact = [&](Decimal v, std::vector<std::string> keys, std::string what) {
    Fact f = number(v, v, FactSource{path, std::move(keys), std::move(what)});
    f.money = true;
    return f;
  };
  auto count = [](size_t n, std::string_view one) { return fmt::format("{} {}{}", n, one, n == 1 ? "" : "s"); };
  if (fact == "income_monthly") return exact(b.income_monthly, {"incomes"}, count(r.finances->incomes.size(), "income"));
  if (fact == "income_per_person_monthly")
    return exact(b.income_per_person_monthly, {"incomes"},
                 fmt::format("{} / {} in the household", count(r.finances->incomes.size(), "income"), b.household_size));
  if (fact == "expenses_monthly")
    return exact(b.expenses_monthly, {"expenses"}, count(r.finances->expenses.size(), "expense"));
  return exact(b.debt_total, {"debts"}, count(r.finances->debts.size(), "debt"));
}

const Assessment* latest_assessment(const ClientRecord& r) {
  return r.assessments.empty() ? nullptr : &r.assessments.back();  // sorted by date, then file name
}

// An assessment file that cannot be read may be the latest: nothing is taken
// from the others then.
bool assessments_unreadable(const ClientRecord& r) {
  return std::any_of(r.unreadable.begin(), r.unreadable.end(),
                     [](const UnreadableFile& u) { return u.where.path.find("/assessments/") != std::string::npos; });
}

Fact need_fact(const ClientRecord& r) {
  const std::string assess = fmt::format("caseload assess {}", r.client.id);
  if (assessments_unreadable(r)) return unknown("an assessment that could not be read", "caseload check");
  const Assessment* a = latest_assessment(r);
  if (!a) return unknown("no assessment", assess);
  Fact f;
  f.known = true;
  f.labels = a->needs;
  f.from = FactSource{a->path, a->needs.empty() ? std::vector<std::string>{} : std::vector<std::string>{"needs"},
                      a->needs.empty() ? "no needs listed in the latest assessment" : "needs of the latest assessment"};
  return f;
}

Fact score_fact(const ClientRecord& r, const std::string& domain) {
  if (assessments_unreadable(r)) return unknown("an assessment that could not be read", "caseload check");
  for (auto a = r.assessments.rbegin(); a != r.assessments.rend(); ++a) {
    const auto level = a->score(domain);
    if (level && *level > 0)
      return number(Decimal::whole(*level), Decimal::whole(*level),
                    FactSource{a->path, {"scores", domain}, fmt::format("{} {}", domain, *level)});
  }
  return unknown(fmt::format("no score for {}", domain), fmt::format("caseload assess {}", r.client.id));
}

Fact flag_fact(const ClientRecord& r) {
  Fact f;
  f.known = true;
  f.labels = r.client.flags;
  f.from = FactSource{r.path, r.client.flags.empty() ? std::vector<std::string>{} : std::vector<std::string>{"flags"},
                      r.client.flags.empty() ? "no flags recorded" : "flags"};
  return f;
}

Fact fact_of(const ClientRecord& r, const std::string& fact, const Date& today) {
  if (!r.client_readable()) return unknown(r.path + " could not be read", "caseload check");
  if (fact == "age") return age_fact(r, today);
  if (fact == "household_size") return household_fact(r);
  if (auto years = children_age(fact)) return children_fact(r, *years, today);
  if (fact == "flag") return flag_fact(r);
  if (fact == "need") return need_fact(r);
  if (fact.starts_with(k_score)) return score_fact(r, fact.substr(k_score.size()));
  return finances_fact(r, fact);
}

std::string range_str(const Fact& f) {
  auto str = [&](Decimal d) { return f.money ? d.str() : d.short_str(); };
  return f.low == f.high ? str(f.low) : str(f.low) + "-" + str(f.high);
}

// How far `value` is from `limit`, as a share of the limit: "4.0%".
std::string percent_off(Decimal distance, Decimal limit) {
  const std::int64_t tenths = (distance.hundredths * 1000 + limit.hundredths / 2) / limit.hundredths;
  return fmt::format("{}.{}%", tenths / 10, tenths % 10);
}

CriterionCheck check_number(const Criterion& c, const Fact& f) {
  CriterionCheck out;
  out.criterion = &c;
  out.from = f.from;
  const auto min = Decimal::parse(c.min), max = Decimal::parse(c.max);
  if (!f.known) {
    out.missing = f.missing;
    out.record_with = f.record_with;
    return out;
  }
  out.value = range_str(f);
  // The distance by which the fact's range misses the bounds: none when it is
  // within them, or when only part of the range is.
  std::optional<std::pair<Decimal, Decimal>> miss;  // distance, limit
  if (min && f.high < *min) miss = {*min - f.high, *min};
  if (max && f.low > *max) miss = {f.low - *max, *max};
  if (miss) {
    const auto [distance, limit] = *miss;
    // Within a tenth of the limit: distance / limit <= 10%, in integers.
    const bool close = limit.hundredths > 0 && distance.hundredths * 10 <= limit.hundredths;
    out.result = close ? CriterionResult::Close : CriterionResult::Failed;
    if (limit.hundredths > 0)
      out.off_by = fmt::format("by {} ({})", f.money ? distance.str() : distance.short_str(), percent_off(distance, limit));
    return out;
  }
  const bool within = (!min || f.low >= *min) && (!max || f.high <= *max);
  if (within) {
    out.result = CriterionResult::Met;
  } else {
    out.missing = f.missing.empty() ? "the exact value" : f.missing;
    out.record_with = f.record_with;
  }
  return out;
}

CriterionCheck check_label(const Criterion& c, const Fact& f, const std::string& fact, const std::string& client) {
  CriterionCheck out;
  out.criterion = &c;
  out.from = f.from;
  if (!f.known) {
    out.missing = f.missing;
    out.record_with = f.record_with;
    return out;
  }
  out.value = f.labels.empty() ? "none" : join(f.labels, ", ");
  std::vector<std::string> wanted = c.any_of;
  if (!c.is.empty()) wanted.push_back(c.is);
  const bool met = std::any_of(wanted.begin(), wanted.end(), [&](const std::string& w) { return contains(f.labels, w); });
  if (met) {
    out.result = CriterionResult::Met;
  } else if (fact == "need") {
    // The latest assessment went through the client's needs: one it does not
    // list is not one the worker found.
    out.result = CriterionResult::Failed;
  } else {
    // A flag not recorded is a question not asked, never a "no".
    out.missing = fmt::format("flag {} not recorded", join(wanted, " or "));
    out.record_with = fmt::format("caseload edit {} (flags: [{}])", client, wanted.front());
  }
  return out;
}

bool open_enrollment(const Client& c, const std::string& program, std::string& status) {
  const Enrollment* latest = c.latest_enrollment(program);
  if (latest && (latest->status == "applied" || latest->status == "approved")) {
    status = latest->status;
    return true;
  }
  return false;
}

}  // namespace

std::string_view result_name(CriterionResult r) {
  switch (r) {
    case CriterionResult::Met: return "met";
    case CriterionResult::Close: return "close";
    case CriterionResult::Failed: return "failed";
    case CriterionResult::Unknown: return "unknown";
  }
  return "unknown";
}

std::string_view result_name(ScreenResult r) {
  switch (r) {
    case ScreenResult::Enrolled: return "enrolled";
    case ScreenResult::Likely: return "likely";
    case ScreenResult::Possible: return "possible";
    case ScreenResult::Close: return "close";
    case ScreenResult::Unlikely: return "unlikely";
    case ScreenResult::Unscreened: return "unscreened";
  }
  return "unscreened";
}

std::optional<CriterionProblem> criterion_problem(const Criterion& c, const Settings& settings) {
  const FactKind kind = kind_of(c.fact);
  if (kind == FactKind::Unknown)
    return CriterionProblem{"fact", fmt::format("'fact': not a fact caseload knows; facts are {}", k_fact_forms)};
  if (c.fact.starts_with(k_score) && !settings.domains.empty() && !settings.find_domain(c.fact.substr(k_score.size())))
    return CriterionProblem{"fact", "'fact': score of a domain that is not listed under domains"};
  const bool bounds = !c.min.empty() || !c.max.empty();
  const bool labels = !c.is.empty() || !c.any_of.empty();
  if (kind == FactKind::Number) {
    if (labels)
      return CriterionProblem{c.is.empty() ? "any_of" : "is",
                              "'is' and 'any_of' are for flag and need; a number takes min and max"};
    if (!bounds) return CriterionProblem{"fact", "a criterion on a number needs min, max or both"};
    const auto min = Decimal::parse(c.min), max = Decimal::parse(c.max);
    if (min && max && *min > *max) return CriterionProblem{"min", "'min' is above 'max': no value could meet it"};
    return std::nullopt;
  }
  if (bounds)
    return CriterionProblem{c.min.empty() ? "max" : "min", "'min' and 'max' are for numbers; flag and need take is or any_of"};
  if (!labels) return CriterionProblem{"fact", "a criterion on flag or need needs is or any_of"};
  if (!c.is.empty() && !c.any_of.empty()) return CriterionProblem{"any_of", "give 'is' or 'any_of', not both"};
  return std::nullopt;
}

std::vector<ProgramScreen> screen(const ClientRecord& record, const Settings& settings, const Date& today) {
  std::vector<ProgramScreen> out;
  for (const auto& p : settings.programs) {
    ProgramScreen s;
    s.program = &p;
    for (const auto& c : p.criteria) {
      const Fact f = fact_of(record, c.fact, today);
      s.checks.push_back(kind_of(c.fact) == FactKind::Label ? check_label(c, f, c.fact, record.client.id)
                                                             : check_number(c, f));
    }
    auto any = [&](CriterionResult r) {
      return std::any_of(s.checks.begin(), s.checks.end(), [&](const CriterionCheck& k) { return k.result == r; });
    };
    if (open_enrollment(record.client, p.id, s.enrollment_status)) s.result = ScreenResult::Enrolled;
    else if (p.criteria.empty()) s.result = ScreenResult::Unscreened;
    else if (any(CriterionResult::Failed)) s.result = ScreenResult::Unlikely;
    else if (any(CriterionResult::Close)) s.result = ScreenResult::Close;
    else if (any(CriterionResult::Unknown)) s.result = ScreenResult::Possible;
    else s.result = ScreenResult::Likely;
    out.push_back(std::move(s));
  }
  return out;
}

std::optional<Criterion> parse_criterion(std::string_view input) {
  Criterion c;
  std::string text(input);
  if (auto hash = text.find(" # "); hash != std::string::npos) {
    c.source = trim(text.substr(hash + 3));
    text = text.substr(0, hash);
  }
  text = trim(text);
  const auto op = text.find_first_of("<>=");
  if (op == std::string::npos || op == 0) return std::nullopt;
  c.fact = trim(text.substr(0, op));
  const std::string rest = text.substr(op);
  auto bound = [&](std::string& into) -> bool {
    const auto d = Decimal::parse(trim(rest.substr(2)));
    if (!d) return false;
    into = d->short_str();
    return true;
  };
  if (rest.starts_with(">=")) return bound(c.min) ? std::optional(c) : std::nullopt;
  if (rest.starts_with("<=")) return bound(c.max) ? std::optional(c) : std::nullopt;
  if (!rest.starts_with("=")) return std::nullopt;
  std::vector<std::string> values;
  for (const auto& part : split(rest.substr(1), ',')) {
    std::string v = trim(part);
    if (v.empty()) return std::nullopt;
    values.push_back(std::move(v));
  }
  if (values.empty()) return std::nullopt;
  if (values.size() == 1) c.is = values.front();
  else c.any_of = values;
  return c;
}

std::string describe(const Criterion& c) {
  if (!c.min.empty() && !c.max.empty()) return fmt::format("{} from {} to {}", c.fact, c.min, c.max);
  if (!c.min.empty()) return fmt::format("{} at least {}", c.fact, c.min);
  if (!c.max.empty()) return fmt::format("{} at most {}", c.fact, c.max);
  if (!c.is.empty()) return fmt::format("{} is {}", c.fact, c.is);
  return fmt::format("{} is one of {}", c.fact, join(c.any_of, ", "));
}

}  // namespace caseload
