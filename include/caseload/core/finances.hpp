#pragma once
// The household budget of a client's finances.yaml: each line by the month,
// the monthly totals, net and per person, exact to the cent (core/decimal).
#include <string>
#include <vector>

#include "caseload/core/decimal.hpp"
#include "caseload/core/records.hpp"

namespace caseload {

struct BudgetLine {
  std::string section;  // income, expense, debt
  int number = 0;       // 1-based within its section, as `finances ... remove N` takes it
  std::string label;    // kind (and member), or creditor
  Decimal amount;       // as recorded
  std::string every;    // week, month, year; empty for a debt
  Decimal monthly;      // the amount by the month; for a debt, its agreed payment
};

struct Budget {
  std::vector<BudgetLine> lines;  // incomes, expenses, then debts, each in file order
  Decimal income_monthly, expenses_monthly, debt_payments_monthly, debt_total;
  Decimal net_monthly;  // income - expenses - debt payments
  int household_size = 1;
  Decimal income_per_person_monthly;
  // "incomes 2": entries whose amount or period cannot be read; they count
  // as nothing here and `check` names their place.
  std::vector<std::string> unreadable;
};

// The client and the household members listed.
int household_size(const Client& client);
Budget budget_of(const Finances& finances, int household_size);

}  // namespace caseload
