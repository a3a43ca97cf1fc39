// Screening against program criteria (core/screening): each fact, each
// result, and that a missing fact never makes an "unlikely".
#include <doctest/doctest.h>

#include "caseload/core/screening.hpp"

using namespace caseload;

namespace {

const Date k_today{2026, 11, 23};

Settings with_program(std::vector<Criterion> criteria) {
  Settings s = default_settings();
  Program p;
  p.id = "p";
  p.name = "Program";
  p.criteria = std::move(criteria);
  s.programs = {p};
  return s;
}

Criterion min(const char* fact, const char* value) {
  Criterion c;
  c.fact = fact;
  c.min = value;
  return c;
}
Criterion max(const char* fact, const char* value) {
  Criterion c;
  c.fact = fact;
  c.max = value;
  return c;
}
Criterion is(const char* fact, const char* value) {
  Criterion c;
  c.fact = fact;
  c.is = value;
  return c;
}

ClientRecord client(const char* born = "1958-04-12") {
  ClientRecord r;
  r.path = "clients/K7Q2MX/client.yaml";
  r.client.id = "K7Q2MX";
  r.client.status = "open";
  r.client.born = born;
  return r;
}

Finances monthly_income(const char* amount) {
  Finances f;
  f.path = "clients/K7Q2MX/finances.yaml";
  f.incomes.push_back({"wages", amount, "month", "", std::nullopt});
  return f;
}

ProgramScreen screen_one(const ClientRecord& r, const Settings& s) {
  auto out = screen(r, s, k_today);
  REQUIRE(out.size() == 1);
  return out.front();
}

}  // namespace

TEST_CASE("age comes from born and is met, failed or close against min") {
  const Settings s = with_program({min("age", "65")});
  auto met = screen_one(client("1958-04-12"), s);
  CHECK(met.result == ScreenResult::Likely);
  CHECK(met.checks[0].value == "68");
  REQUIRE(met.checks[0].from);
  CHECK(met.checks[0].from->path == "clients/K7Q2MX/client.yaml");
  CHECK(met.checks[0].from->keys == std::vector<std::string>{"born"});

  // 60 is 5 short of 65: 7.7%, within a tenth of the limit.
  auto close = screen_one(client("1966-01-01"), s);
  CHECK(close.result == ScreenResult::Close);
  CHECK(close.checks[0].off_by == "by 5 (7.7%)");

  auto far = screen_one(client("1990-01-01"), s);
  CHECK(far.result == ScreenResult::Unlikely);
  CHECK(far.checks[0].result == CriterionResult::Failed);
}

TEST_CASE("a missing birth date is possible, never unlikely, and names the command that records it") {
  auto r = screen_one(client(""), with_program({min("age", "65")}));
  CHECK(r.result == ScreenResult::Possible);
  CHECK(r.checks[0].result == CriterionResult::Unknown);
  CHECK(r.checks[0].missing == "no birth date");
  CHECK(r.checks[0].record_with.find("caseload edit K7Q2MX") == 0);
}

TEST_CASE("a birth year alone gives an age range: unknown when it straddles the limit, met when it does not") {
  // Born in 1961: 64 or 65 on 2026-11-23.
  auto straddles = screen_one(client("1961"), with_program({min("age", "65")}));
  CHECK(straddles.result == ScreenResult::Possible);
  auto clear = screen_one(client("1950"), with_program({min("age", "65")}));
  CHECK(clear.result == ScreenResult::Likely);
  CHECK(clear.checks[0].value == "75-76");
}

TEST_CASE("close is a miss of 10% or less of the limit; 11% is unlikely") {
  const Settings s = with_program({max("income_per_person_monthly", "600")});
  ClientRecord r = client();
  r.finances = monthly_income("654.00");  // 9% over
  auto nine = screen_one(r, s);
  CHECK(nine.result == ScreenResult::Close);
  CHECK(nine.checks[0].value == "654.00");
  CHECK(nine.checks[0].off_by == "by 54.00 (9.0%)");

  r.finances = monthly_income("666.00");  // 11% over
  CHECK(screen_one(r, s).result == ScreenResult::Unlikely);

  r.finances = monthly_income("660.00");  // exactly 10%: still close
  CHECK(screen_one(r, s).result == ScreenResult::Close);
}

TEST_CASE("unlikely keeps the rule's citation and the value seen") {
  Criterion c = min("age", "65");
  c.source = "National Pensions Act §12";
  const Settings s = with_program({c});  // the results point into it
  auto r = screen_one(client("1990-01-01"), s);
  CHECK(r.result == ScreenResult::Unlikely);
  CHECK(r.checks[0].criterion->source == "National Pensions Act §12");
  CHECK(r.checks[0].value == "36");
}

TEST_CASE("income facts need a budget; per person divides by the household") {
  const Settings s = with_program({max("income_per_person_monthly", "600")});
  ClientRecord r = client();
  CHECK(screen_one(r, s).result == ScreenResult::Possible);  // no finances.yaml
  r.finances = monthly_income("1000.00");
  r.client.household = {{"Adi", "child", "2015-06-01"}};
  auto two = screen_one(r, s);
  CHECK(two.result == ScreenResult::Likely);
  CHECK(two.checks[0].value == "500.00");

  // A week is 52/12 of a month.
  r.finances->incomes = {{"wages", "100.00", "week", "", std::nullopt}};
  auto weekly = screen(r, with_program({min("income_monthly", "433.33")}), k_today).front();
  CHECK(weekly.checks[0].value == "433.33");
  CHECK(weekly.result == ScreenResult::Likely);
}

TEST_CASE("an unreadable finances.yaml leaves income unknown, not zero") {
  ClientRecord r = client();
  r.unreadable.push_back({{"clients/K7Q2MX/finances.yaml", 3, 1}, "not valid YAML"});
  auto s = screen_one(r, with_program({max("income_monthly", "600")}));
  CHECK(s.result == ScreenResult::Possible);
  CHECK(s.checks[0].missing.find("could not be read") != std::string::npos);
}

TEST_CASE("expenses and debts come from the budget") {
  ClientRecord r = client();
  r.finances = monthly_income("100.00");
  r.finances->expenses = {{"rent", "700.00", "month"}};
  r.finances->debts = {{"bank", "3400.00", std::nullopt, ""}};
  CHECK(screen_one(r, with_program({min("expenses_monthly", "500")})).result == ScreenResult::Likely);
  CHECK(screen_one(r, with_program({min("debt_total", "3000")})).result == ScreenResult::Likely);
  CHECK(screen_one(r, with_program({max("debt_total", "1000")})).result == ScreenResult::Unlikely);
}

TEST_CASE("household_size and children_under_N count the household") {
  ClientRecord r = client();
  r.client.household = {{"Wulan", "spouse", "1982-04-19"}, {"Rina", "child", "2012-08-30"}, {"Bea", "child", ""}};
  CHECK(screen_one(r, with_program({min("household_size", "4")})).checks[0].value == "4");
  // Rina is 14; Bea's age is not known: one certain, maybe two.
  auto one = screen_one(r, with_program({min("children_under_17", "1")}));
  CHECK(one.result == ScreenResult::Likely);
  auto two = screen_one(r, with_program({min("children_under_17", "2")}));
  CHECK(two.result == ScreenResult::Possible);
  CHECK(two.checks[0].value == "1-2");
  auto under3 = screen_one(r, with_program({min("children_under_3", "1")}));
  CHECK(under3.result == ScreenResult::Possible);  // Bea might be
  r.client.household.pop_back();
  CHECK(screen_one(r, with_program({min("children_under_3", "1")})).result == ScreenResult::Unlikely);
}

TEST_CASE("a flag is met when recorded and unknown, never failed, when not") {
  ClientRecord r = client();
  const Settings s = with_program({is("flag", "injured-at-work")});
  auto none = screen_one(r, s);
  CHECK(none.result == ScreenResult::Possible);
  CHECK(none.checks[0].record_with.find("flags: [injured-at-work]") != std::string::npos);
  r.client.flags = {"single-parent", "injured-at-work"};
  CHECK(screen_one(r, s).result == ScreenResult::Likely);
  Criterion any;
  any.fact = "flag";
  any.any_of = {"veteran", "single-parent"};
  CHECK(screen_one(r, with_program({any})).result == ScreenResult::Likely);
}

TEST_CASE("need is the latest assessment's: none is unknown, one without it is failed") {
  ClientRecord r = client();
  const Settings s = with_program({is("need", "housing")});
  CHECK(screen_one(r, s).result == ScreenResult::Possible);
  Assessment old;
  old.path = "clients/K7Q2MX/assessments/2026-01-01.yaml";
  old.date = Date{2026, 1, 1};
  old.needs = {"housing"};
  Assessment latest = old;
  latest.path = "clients/K7Q2MX/assessments/2026-10-01.yaml";
  latest.date = Date{2026, 10, 1};
  latest.needs = {"income"};
  r.assessments = {old, latest};
  auto failed = screen_one(r, s);
  CHECK(failed.result == ScreenResult::Unlikely);
  CHECK(failed.checks[0].value == "income");
  r.assessments = {latest, old};  // the last one is the latest
  CHECK(screen_one(r, s).result == ScreenResult::Likely);
}

TEST_CASE("score.DOMAIN is the latest assessment that scores the domain") {
  ClientRecord r = client();
  const Settings s = with_program({max("score.housing", "2")});
  CHECK(screen_one(r, s).result == ScreenResult::Possible);
  Assessment a;
  a.path = "clients/K7Q2MX/assessments/2026-01-01.yaml";
  a.scores = {{"housing", 2}, {"income", 4}};
  Assessment b = a;
  b.path = "clients/K7Q2MX/assessments/2026-10-01.yaml";
  b.scores = {{"income", 3}, {"housing", 0}};  // 0: not applicable, not a score
  r.assessments = {a, b};
  auto got = screen_one(r, s);
  CHECK(got.result == ScreenResult::Likely);
  REQUIRE(got.checks[0].from);
  CHECK(got.checks[0].from->path == a.path);
  CHECK(got.checks[0].from->keys == std::vector<std::string>{"scores", "housing"});
}

TEST_CASE("an open enrollment is enrolled whatever the criteria say; an ended one is screened") {
  ClientRecord r = client("1990-01-01");
  const Settings s = with_program({min("age", "65")});
  r.client.enrollments = {{"p", "approved", Date{2026, 1, 1}, Date{2026, 2, 1}, std::nullopt, std::nullopt}};
  auto e = screen_one(r, s);
  CHECK(e.result == ScreenResult::Enrolled);
  CHECK(e.enrollment_status == "approved");
  CHECK(e.checks.size() == 1);
  r.client.enrollments[0].status = "ended";
  CHECK(screen_one(r, s).result == ScreenResult::Unlikely);
}

TEST_CASE("a program without criteria is unscreened; one failed criterion outweighs unknown ones") {
  CHECK(screen_one(client(), with_program({})).result == ScreenResult::Unscreened);
  ClientRecord r = client("1990-01-01");
  CHECK(screen_one(r, with_program({min("age", "65"), is("flag", "x")})).result == ScreenResult::Unlikely);
}

TEST_CASE("malformed criteria are named by key, never by value") {
  const Settings s = default_settings();  // domains: the Self-Sufficiency Matrix
  auto problem = [&](Criterion c) { return criterion_problem(c, s); };
  CHECK_FALSE(problem(min("age", "65")));
  CHECK_FALSE(problem(min("children_under_17", "1")));
  CHECK_FALSE(problem(max("score.housing", "2")));
  CHECK_FALSE(problem(is("flag", "x")));

  auto unknown = problem(min("wealth", "1"));
  REQUIRE(unknown);
  CHECK(unknown->key == "fact");
  CHECK(unknown->message.find("wealth") == std::string::npos);
  CHECK(problem(min("children_under_0", "1")));
  CHECK(problem(min("children_under_x", "1")));
  CHECK(problem(max("score.nowhere", "2"))->key == "fact");
  CHECK(problem(is("age", "65"))->key == "is");
  Criterion bare;
  bare.fact = "age";
  CHECK(problem(bare)->key == "fact");
  CHECK(problem(min("flag", "1"))->key == "min");
  bare.fact = "need";
  CHECK(problem(bare)->key == "fact");
  Criterion both = is("need", "food");
  both.any_of = {"housing"};
  CHECK(problem(both)->key == "any_of");
  Criterion reversed = min("age", "70");
  reversed.max = "60";
  CHECK(problem(reversed)->key == "min");
}

TEST_CASE("criteria as program add|set --criterion writes them") {
  auto c = parse_criterion("age>=65 # National Pensions Act §12");
  REQUIRE(c);
  CHECK(c->fact == "age");
  CHECK(c->min == "65");
  CHECK(c->source == "National Pensions Act §12");
  CHECK(parse_criterion("income_per_person_monthly <= 600,50")->max == "600.50");
  CHECK(parse_criterion("flag=injured-at-work")->is == "injured-at-work");
  CHECK(parse_criterion("need=housing, food")->any_of == std::vector<std::string>{"housing", "food"});
  CHECK_FALSE(parse_criterion("age"));
  CHECK_FALSE(parse_criterion(">=65"));
  CHECK_FALSE(parse_criterion("age>=old"));
  CHECK_FALSE(parse_criterion("age>65"));
  CHECK_FALSE(parse_criterion("need=housing,,food"));
}
