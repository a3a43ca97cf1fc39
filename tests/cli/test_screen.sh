# caseload screen: program criteria from caseload.yaml against the case file,
# every result with its work shown; program add|set --criterion/--document;
# criteria errors at their place; screen --all.
source "$TESTLIB"

new_store s
S=$T/s
export CASELOAD_ROOT=$S CASELOAD_TODAY=2026-11-23

# --- criteria by command ---------------------------------------------------------
run program add pension --name "Old-age pension" --report-every 12m \
  --criterion "age>=65 # National Pensions Act §12" --document id-card --document bank-statement
assert_exit 0
assert_file_line "$S/caseload.yaml" "      - {fact: age, min: 65, source: National Pensions Act §12}"
assert_file_line "$S/caseload.yaml" "    documents: [id-card, bank-statement]"
run program add food-assistance --name "Food assistance" --criterion "income_per_person_monthly<=600"
assert_exit 0
run program add workers-comp --name "Workers' compensation" --criterion "flag=injured-at-work"
assert_exit 0
run program add child-benefit --name "Child benefit" --criterion "children_under_17>=1"
assert_exit 0
run program add grant --name "One-off grant"
assert_exit 0
run program set grant --criterion "wealth>=1"
assert_exit 2
assert_stderr_contains "not a fact caseload knows"
run program set grant --criterion "age>>1"
assert_exit 2
assert_stderr_contains "hint: a criterion is FACT>=NUMBER"
run program set grant --criterion "flag>=1"
assert_exit 2
assert_stderr_contains "'min' and 'max' are for numbers"
run program set grant --document "ID Card"
assert_exit 2
run check
assert_exit 0

# --- one client ------------------------------------------------------------------
run intake --name "Siti Rahayu" --born 1990-05-01 --household "Ana:daughter:2019"
A=$out
run screen "$A"
assert_exit 0
assert_stdout_contains "Screening of $A on 2026-11-23: 5 programs of caseload.yaml"
assert_stdout_contains "Old-age pension (pension): unlikely"
assert_stdout_matches "^  failed   age at least 65: 36 \(born 1990-05-01, clients/$A/client.yaml:3\)$"
assert_stdout_matches "^           missed by 29 \(44\.6%\); National Pensions Act §12$"
# no budget yet: possible, never unlikely, with the command that records it
assert_stdout_contains "Food assistance (food-assistance): possible"
assert_stdout_contains "record with \`caseload finances $A income add KIND AMOUNT --every month\`"
assert_stdout_contains "Workers' compensation (workers-comp): possible"
assert_stdout_contains "Child benefit (child-benefit): likely"
assert_stdout_contains "One-off grant (grant): unscreened"

# 9% over the limit is close, and says by how much
run finances "$A" income add wages 1308
assert_exit 0
run screen "$A"
assert_stdout_contains "Food assistance (food-assistance): close"
assert_stdout_contains "missed by 54.00 (9.0%)"
assert_stdout_matches "clients/$A/finances.yaml:[0-9]+"
# 11% over is unlikely
run finances "$A" income add other 24
run screen "$A"
assert_stdout_contains "Food assistance (food-assistance): unlikely"

# a recorded flag meets its criterion; an open enrollment is enrolled
sed -i 's/^status: open$/flags: [injured-at-work]\nstatus: open/' "$S/clients/$A/client.yaml"
run check
assert_exit 0
run enroll "$A" child-benefit
assert_exit 0
run screen "$A"
assert_stdout_contains "Workers' compensation (workers-comp): likely"
assert_stdout_contains "Child benefit (child-benefit): enrolled (applied)"

# text from the store never reaches the terminal raw
sed -i 's/^flags: \[injured-at-work\]$/flags: [injured-at-work, "\\e]0;PWNED\\a"]/' "$S/clients/$A/client.yaml"
run screen "$A"
assert_exit 0
grep -q $'\e' "$T/stdout" && fail "screen printed an escape character raw"
assert_stdout_contains 'injured-at-work, \x1B]0;PWNED\x07'

# json: every field, documented in caseload(1)
run screen "$A" --format json
assert_exit 0
assert_stdout_contains '"result": "unlikely"'
assert_stdout_contains '"rule": "age at least 65"'
assert_stdout_contains '"source": "National Pensions Act §12"'
assert_stdout_contains '"what": "born 1990-05-01"'
assert_stdout_matches '"line": [0-9]+'
assert_stdout_contains '"enrollment_status": "applied"'
assert_stdout_contains '"record_with": null'
run screen "$A" --format md
assert_exit 0
assert_stdout_contains "| failed | age at least 65 | 36 |"
run screen "$A" --format csv
assert_exit 2

# --- a missing birth date is possible, not unlikely ----------------------------------
run intake --name "Budi Santoso"
B=$out
run screen "$B"
assert_stdout_contains "Old-age pension (pension): possible"
assert_stdout_contains "no birth date; record with \`caseload edit $B (born: YYYY-MM-DD)\`"

# --- screen --all: who may qualify for a program they are not in --------------------
run screen --all
assert_exit 0
assert_stdout_contains "Screened 2 open clients on 2026-11-23"
assert_stdout_matches "^$A +Siti Rahayu +aoki +workers-comp +likely"
assert_stdout_matches "^$B +Budi Santoso +aoki +pension +possible +age"
run screen --all --format csv
assert_stdout_contains "client,name,worker,program,result,missing"
assert_stdout_contains "$B,Budi Santoso,aoki,pension,possible,age"
run screen --all --format json
assert_stdout_contains '"clients_screened": 2'
run screen
assert_exit 2
assert_stderr_contains "screen takes a CLIENT or --all"
run screen "$A" --all
assert_exit 2

# a client that cannot be read is named, not left out
printf 'id: [\n' > "$S/clients/$B/client.yaml"
run screen --all
assert_exit 0
assert_stdout_contains "$B"

# --- a malformed criterion by hand: an error at its place, for check and every command
python3 - "$S/caseload.yaml" <<'PY'
import sys
p = sys.argv[1]
s = open(p).read()
s = s.replace("{fact: flag, is: injured-at-work}", "{fact: flag, min: 3}")
open(p, "w").write(s)
PY
run check
assert_exit 3
assert_stdout_matches "caseload.yaml:[0-9]+:[0-9]+: error: 'min' and 'max' are for numbers"
run screen "$A"
assert_exit 1
assert_stderr_matches "caseload.yaml:[0-9]+:[0-9]+: a setting in caseload.yaml is not valid"

pass
