# caseload finances: the household budget of clients/ID/finances.yaml, exact
# to the cent, by the month and per person; adding, removing, reviewing.
source "$TESTLIB"

new_store s
S=$T/s
export CASELOAD_ROOT=$S CASELOAD_TODAY=2026-11-23
run intake --name "Siti Rahayu" --household "Ana:daughter:2019" --household "Budi:son:2021"
ID=$out
F=$S/clients/$ID/finances.yaml

# --- no finances yet: an empty budget, not an error -------------------------------
run finances "$ID"
assert_exit 0
assert_stdout_contains "household of 3, never reviewed"
assert_stdout_matches "^Net +0\.00$"
assert_not_exists "$F"

# --- adding lines --------------------------------------------------------------------
run finances siti income add wages 2100.50
assert_exit 0
assert_stdout_contains "Added income 1 to the finances of $ID"
assert_mode "$F" 600
run finances "$ID" income add child-benefit 95 --every week --member Ana
assert_exit 0
run finances "$ID" expense add rent 850,00      # a decimal comma is read too
assert_exit 0
run finances "$ID" expense add insurance 240 --every year
assert_exit 0
run finances "$ID" debt add "Electric co" 400 --monthly 50 --due 2027-01-01
assert_exit 0
assert_file_line "$F" "  - {kind: wages, amount: 2100.50, every: month}"
assert_file_line "$F" "  - {kind: child-benefit, amount: 95.00, every: week, member: Ana}"
assert_file_line "$F" "  - {kind: rent, amount: 850.00, every: month}"
assert_file_line "$F" "  - {creditor: Electric co, amount: 400.00, due: 2027-01-01, monthly: 50.00}"
run log "$ID"
assert_stdout_contains "finances $ID"
run check
assert_exit 0

# --- the budget -------------------------------------------------------------------
# 95 a week is 95 * 52 / 12 = 411.666.. a month; 240 a year is 20.00.
run finances "$ID"
assert_exit 0
assert_stdout_contains "household of 3, never reviewed"
assert_stdout_matches "^2  income   child-benefit \(Ana\) +95\.00  week +411\.67$"
assert_stdout_matches "^Income +2512\.17$"
assert_stdout_matches "^Expenses +870\.00$"
assert_stdout_matches "^Debt payments +50\.00$"
assert_stdout_matches "^Net +1592\.17$"
assert_stdout_matches "^Income per person \(3\) +837\.39$"
assert_stdout_matches "^Debts owed in all +400\.00$"
# Amounts are aligned right, by their decimal point.
[ "$(printf '%s\n' "$out" | sed -n '/^BY THE MONTH/,$p' | grep -v '^BY' | awk '{ print length($0) }' | sort -u | wc -l)" = 1 ] ||
  fail "totals are not aligned right: $out"

run finances "$ID" --format json
assert_exit 0
assert_stdout_contains '"household_size": 3'
assert_stdout_contains '"income_monthly": "2512.17"'
assert_stdout_contains '"net_monthly": "1592.17"'
assert_stdout_contains '"income_per_person_monthly": "837.39"'
assert_stdout_contains '"unreadable": []'

# --- bad input writes nothing --------------------------------------------------------
before=$(snapshot "$S")
run finances "$ID" income add wages 12.345
assert_exit 2
assert_stderr_contains "AMOUNT is not"
run finances "$ID" income add wages lots
assert_exit 2
run finances "$ID" income add wages 10 --every fortnight
assert_exit 2
run finances "$ID" expense add "" 10
assert_exit 2
assert_stderr_contains "KIND must not be empty"
run finances "$ID" debt add bank 10 --monthly x
assert_exit 2
assert_stderr_contains "--monthly is not"
run finances "$ID" income remove 3
assert_exit 2
assert_stderr_contains "$ID has no income 3"
assert_stderr_contains "caseload finances $ID"
run finances "$ID" income remove 0
assert_exit 2
assert_eq "$before" "$(snapshot "$S")" "nothing written"

# --- removing and reviewing -------------------------------------------------------
run finances "$ID" expense remove 2
assert_exit 0
assert_stdout_contains "Removed expense 2 from the finances of $ID"
assert_file_not_contains "$F" "insurance"
run finances "$ID" debt remove 1
assert_exit 0
assert_file_not_contains "$F" "debts:"
run finances "$ID" reviewed --date 2026-11-20
assert_exit 0
assert_file_line "$F" "reviewed: 2026-11-20"
run finances "$ID"
assert_stdout_contains "reviewed 2026-11-20"
assert_stdout_matches "^Net +1662\.17$"

# --- a line that cannot be read is named, not counted silently ----------------------
sed -i 's/amount: 850.00/amount: lots/' "$F"
run finances "$ID"
assert_exit 0
assert_stderr_contains "expense 1 of clients/$ID/finances.yaml has an amount or period that cannot be read"
assert_stdout_matches "^Expenses +0\.00$"
run check
assert_exit 3
assert_stdout_matches "^clients/$ID/finances.yaml:[0-9]+:[0-9]+: error: expense: .amount. is not an amount"
case "$out$err" in *lots*) fail "check printed the value";; esac

# --- names from the file never reach the terminal raw ------------------------------
printf 'incomes:\n  - {kind: "wa\\e[2Jges", amount: 10.00, every: month}\n' >"$F"
run finances "$ID"
assert_exit 0
assert_stdout_contains 'wa\x1B[2Jges'
pass
