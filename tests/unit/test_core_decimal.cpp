#include <doctest/doctest.h>

#include "caseload/core/decimal.hpp"

using namespace caseload;

TEST_CASE("amounts parse exactly, with a decimal point or comma") {
  CHECK(Decimal::parse("1234")->hundredths == 123400);
  CHECK(Decimal::parse("1234.5")->hundredths == 123450);
  CHECK(Decimal::parse("1234,50")->hundredths == 123450);
  CHECK(Decimal::parse("0.07")->hundredths == 7);
  CHECK(Decimal::parse("999999999999.99")->hundredths == 99999999999999);
  for (const char* bad : {"", "-5", "1.234", "1,234.50", "1 234", "12e3", ".5", "5.", "0x10", "1.2.3", "abc",
                          "1234567890123", "+5", "NaN"}) {
    CAPTURE(bad);
    CHECK_FALSE(Decimal::parse(bad));
  }
  CHECK(Decimal::parse("-5", true)->hundredths == -500);
}

TEST_CASE("decimal sums are exact where binary floating point is not") {
  Decimal sum;
  for (int i = 0; i < 10; ++i) sum += *Decimal::parse("0.10");
  CHECK(sum == *Decimal::parse("1.00"));
  CHECK((*Decimal::parse("0.10") + *Decimal::parse("0.20")).str() == "0.30");
  CHECK((*Decimal::parse("5") - *Decimal::parse("7.25")).str() == "-2.25");
  CHECK(Decimal::parse("65")->short_str() == "65");
  CHECK(Decimal::parse("65.5")->short_str() == "65.50");
}

TEST_CASE("a budget counts by the month: a week is 52/12 of a month, rounded once") {
  MonthlySum s;
  CHECK(s.add(*Decimal::parse("100"), "week"));  // 433.333...
  CHECK(s.monthly().str() == "433.33");
  CHECK(s.add(*Decimal::parse("100"), "week"));  // 866.666... : rounded once, not 433.33 twice
  CHECK(s.monthly().str() == "866.67");
  CHECK(s.add(*Decimal::parse("1200"), "year"));
  CHECK(s.monthly().str() == "966.67");
  CHECK(s.add(*Decimal::parse("0.01"), "month"));
  CHECK(s.monthly().str() == "966.68");
  CHECK_FALSE(s.add(*Decimal::parse("5"), "fortnight"));
  CHECK(Decimal::parse("1000")->divided_by(3).str() == "333.33");
  CHECK(Decimal::parse("0.05")->divided_by(2).str() == "0.03");  // half away from zero
}

#include "caseload/core/finances.hpp"

TEST_CASE("a household budget: monthly totals, net and per person, exact to the cent") {
  Finances f;
  f.incomes = {{"wages", "100", "week", "", {}}, {"child-benefit", "94.88", "month", "Ana", {}},
               {"bonus", "bad", "month", "", {}}};
  f.expenses = {{"rent", "650", "month"}, {"insurance", "240", "year"}};
  f.debts = {{"Bank", "3400", {}, "100"}, {"Phone", "120.50", {}, ""}};
  const Budget b = budget_of(f, 3);
  CHECK(b.income_monthly.str() == "528.21");  // 433.333... + 94.88
  CHECK(b.expenses_monthly.str() == "670.00");
  CHECK(b.debt_payments_monthly.str() == "100.00");
  CHECK(b.debt_total.str() == "3520.50");
  CHECK(b.net_monthly.str() == "-241.79");
  CHECK(b.income_per_person_monthly.str() == "176.07");
  REQUIRE(b.unreadable.size() == 1);
  CHECK(b.unreadable[0] == "income 3");
  REQUIRE(b.lines.size() == 6);
  CHECK(b.lines[0].monthly.str() == "433.33");
  CHECK(b.lines[1].label == "child-benefit (Ana)");
  CHECK(b.lines[4].section == "debt");
  CHECK(b.lines[4].number == 1);
}
