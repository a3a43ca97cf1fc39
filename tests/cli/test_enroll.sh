# caseload enroll / enrollment: applications to benefit programs, decisions,
# the deadlines an approval takes from the program, show, followups, check.
source "$TESTLIB"

new_store s
S=$T/s
cat >>"$S/caseload.yaml" <<'EOF'
programs:
  - {id: child-benefit, name: Child benefit, report_every: 3m, renew_every: 12m, decision_after: 30d}
  - {id: food-assistance, name: Food assistance, report_every: 1m, renew_every: 6m, decision_after: 14d}
  - {id: one-off-grant, name: One-off grant}
EOF
export CASELOAD_ROOT=$S CASELOAD_TODAY=2026-11-23
run check
assert_exit 0
run intake --name "Siti Rahayu"
ID=$out
C=$S/clients/$ID/client.yaml
entry() {  # the enrollments list of client.yaml, one line
  sed -n '/^enrollments:/,/^[a-z]/p' "$C" | grep '^ ' | tr '\n' '|'
}

# --- enroll ----------------------------------------------------------------------
run enroll siti child-benefit --applied 2026-11-20
assert_exit 0
assert_stdout_contains "child-benefit: applied 2026-11-20"
assert_eq "  - program: child-benefit|    status: applied|    applied: 2026-11-20|    history:|      - {date: 2026-11-20, event: applied}|" "$(entry)" "new enrollment"
assert_mode "$C" 600
run enroll "$ID" food-assistance
assert_exit 0
assert_stdout_contains "food-assistance: applied 2026-11-23"
# Setting the status it has is no step back, and the hint is one that works.
run enrollment "$ID" food-assistance applied
assert_exit 1
assert_stderr_contains "food-assistance is already applied"
assert_stderr_contains "caseload enrollment $ID food-assistance approved|denied|ended"

before=$(snapshot "$S")
run enroll "$ID" child-benefit
assert_exit 1
assert_stderr_contains "already enrolled in child-benefit (applied)"
assert_stderr_contains "caseload enrollment $ID child-benefit STATUS"
run enroll "$ID" housing-allowance
assert_exit 1
assert_stderr_contains "unknown program 'housing-allowance'"
assert_stderr_contains "child-benefit, food-assistance, one-off-grant"
run enroll "$ID" one-off-grant --applied 2026-02-30
assert_exit 2
run enroll nobody child-benefit
assert_exit 1
assert_eq "$before" "$(snapshot "$S")" "store after refused enrollments"

# --- decisions ---------------------------------------------------------------------
# Approval without dates: the deadlines follow the program from the decision day.
run enrollment "$ID" child-benefit approved
assert_exit 0
assert_stdout_contains "child-benefit: applied -> approved, decided 2026-11-23, next report 2027-02-23, renew by 2027-11-23"
assert_eq "  - program: child-benefit|    status: approved|    applied: 2026-11-20|    decided: 2026-11-23|    next_report: 2027-02-23|    renew_by: 2027-11-23|" \
  "$(entry | cut -d'|' -f1-6)|" "approved enrollment"
# A decision dated on a month's last day: months clamp.
CASELOAD_TODAY=2027-01-31 run enrollment "$ID" food-assistance approved --decided 2027-01-31  # not in the future
assert_exit 0
assert_stdout_contains "food-assistance: applied -> approved, decided 2027-01-31, next report 2027-02-28, renew by 2027-07-31"
# Moving a deadline of an approved enrollment changes only that date.
run enrollment "$ID" child-benefit approved --next-report 2027-03-01
assert_exit 0
assert_file_line "$C" "    next_report: 2027-03-01"
assert_file_line "$C" "    renew_by: 2027-11-23"
run enrollment "$ID" child-benefit approved
assert_exit 1
assert_stderr_contains "already approved"

# A program without periods sets no deadlines; dates given are kept.
run enroll "$ID" one-off-grant
run enrollment "$ID" one-off-grant approved
assert_exit 0
assert_stdout_contains "one-off-grant: applied -> approved, decided 2026-11-23"
_check; ! grep -q "next report" "$T/stdout" || fail "a program without report_every got a report date"

# Refused decisions leave client.yaml as it was.
cp "$C" "$T/before.yaml"
run enrollment "$ID" child-benefit applied
assert_exit 1
assert_stderr_contains "cannot go back to applied"
run enrollment "$ID" child-benefit paused
assert_exit 2
assert_stderr_contains "approved, denied, ended, reported, renewed"
run enrollment "$ID" child-benefit denied --next-report 2027-01-01
assert_exit 2
run enrollment "$ID" housing-allowance approved
assert_exit 1
assert_stderr_contains "unknown program 'housing-allowance'"
sed -i '/^programs:/a\  - {id: housing-allowance, name: Housing allowance}' "$S/caseload.yaml"
run enrollment "$ID" housing-allowance approved
assert_exit 1
assert_stderr_contains "has no enrollment in housing-allowance"
assert_same_bytes "$T/before.yaml" "$C"

# --- show and followups --------------------------------------------------------------
run show "$ID"
assert_exit 0
assert_stdout_contains "Programs"
assert_stdout_matches '^  child-benefit +approved +report 2027-03-01, renew by 2027-11-23'
assert_stdout_matches '^  food-assistance +approved +report 2027-02-28, renew by 2027-07-31'
run followups --until 2027-03-01 --kind report --format csv
assert_exit 0
assert_stdout_contains "2027-03-01,report,$ID,Siti Rahayu,aoki,,"
assert_stdout_contains ",child-benefit,clients/$ID/client.yaml,0"

# Ended: the deadlines go, and a new application is a new entry.
run enrollment "$ID" child-benefit ended
assert_exit 0
assert_file_not_contains "$C" "next_report: 2027-03-01"
run enrollment "$ID" child-benefit approved
assert_exit 1
assert_stderr_contains "has ended"
run enroll "$ID" child-benefit --applied 2027-01-05
assert_exit 0
assert_eq 2 "$(grep -c -- '- program: child-benefit' "$C")" "a new application after the end"
CASELOAD_TODAY=2027-01-20 run enrollment "$ID" child-benefit denied --decided 2027-01-20
assert_exit 0
assert_stdout_contains "child-benefit: applied -> denied, decided 2027-01-20"
CASELOAD_TODAY=2027-03-05 run show "$ID"
assert_stdout_matches '^  child-benefit +ended *$'
assert_stdout_matches '^  child-benefit +denied +decided 2027-01-20'
assert_stdout_matches '^  food-assistance +approved +report 2027-02-28 \(overdue\), renew by 2027-07-31'

# --- check ------------------------------------------------------------------------------
run check
assert_exit 0
sed -i 's/^  - program: one-off-grant$/  - program: one-off-loan/' "$C"
L=$(grep -n -m1 'program: one-off-loan' "$C" | cut -d: -f1)
run check
assert_exit 3
assert_stdout_contains "clients/$ID/client.yaml:$L:14: error: 'program': unknown program: not listed under programs in caseload.yaml"

pass
