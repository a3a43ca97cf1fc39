#include "caseload/core/finances.hpp"

#include <fmt/format.h>

namespace caseload {

int household_size(const Client& client) { return 1 + static_cast<int>(client.household.size()); }

Budget budget_of(const Finances& f, int household_size) {
  Budget b;
  b.household_size = household_size < 1 ? 1 : household_size;
  // Totals are kept exact and rounded once, so they are not the sum of the
  // rounded lines by a cent or two when amounts are weekly.
  MonthlySum income, expenses, payments;
  auto recurring = [&](const char* section, int n, std::string label, const std::string& amount,
                       const std::string& every, MonthlySum& total) {
    const auto value = Decimal::parse(amount);
    MonthlySum line;
    if (!value || !line.add(*value, every)) {
      b.unreadable.push_back(fmt::format("{} {}", section, n));
      return;
    }
    total.add(*value, every);
    b.lines.push_back({section, n, std::move(label), *value, every, line.monthly()});
  };
  int n = 0;
  for (const auto& i : f.incomes)
    recurring("income", ++n, i.member.empty() ? i.kind : fmt::format("{} ({})", i.kind, i.member), i.amount, i.every,
              income);
  n = 0;
  for (const auto& e : f.expenses) recurring("expense", ++n, e.kind, e.amount, e.every, expenses);
  n = 0;
  for (const auto& d : f.debts) {
    ++n;
    const auto owed = Decimal::parse(d.amount);
    const auto monthly = d.monthly.empty() ? std::optional<Decimal>(Decimal{}) : Decimal::parse(d.monthly);
    if (!owed || !monthly) {
      b.unreadable.push_back(fmt::format("debt {}", n));
      continue;
    }
    b.debt_total += *owed;
    payments.add(*monthly, "month");
    b.lines.push_back({"debt", n, d.creditor, *owed, "", *monthly});
  }
  b.income_monthly = income.monthly();
  b.expenses_monthly = expenses.monthly();
  b.debt_payments_monthly = payments.monthly();
  b.net_monthly = b.income_monthly - b.expenses_monthly - b.debt_payments_monthly;
  b.income_per_person_monthly = b.income_monthly.divided_by(b.household_size);
  return b;
}

}  // namespace caseload
