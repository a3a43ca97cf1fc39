# caseload documents: the paperwork of an enrollment (required, received,
# waived, missing) and the `document` follow-up for what is missing.
source "$TESTLIB"

new_store s
S=$T/s
export CASELOAD_ROOT=$S CASELOAD_TODAY=2026-11-23
run program add food-assistance --name "Food assistance" --report-every 3m --document payslips-3m --document rent-contract
assert_exit 0
run intake --name "Siti Rahayu"
A=$out
run documents "$A"
assert_exit 0
assert_stdout_contains "$A has no enrollments"

run enroll "$A" food-assistance --applied 2026-11-10
assert_exit 0
run documents "$A"
assert_exit 0
assert_stdout_matches "^food-assistance +applied +payslips-3m +missing"
assert_stdout_matches "^food-assistance +applied +rent-contract +missing"
assert_stdout_contains "2 missing"
# a pending application with missing papers is a follow-up from the day it was made
run followups --kind document --wide
assert_exit 0
assert_stdout_contains "Food assistance: payslips-3m missing (application pending)"
assert_stdout_contains "Food assistance: rent-contract missing (application pending)"

run documents "$A" food-assistance received payslips-3m --date 2026-11-12
assert_exit 0
assert_stdout_contains "food-assistance: payslips-3m received 2026-11-12"
assert_file_line "$S/clients/$A/client.yaml" "      - {id: payslips-3m, received: 2026-11-12}"
run documents "$A" food-assistance waived rent-contract
assert_exit 2
assert_stderr_contains "waived needs --reason"
run documents "$A" food-assistance waived rent-contract --reason "Lives with her parents"
assert_exit 0
assert_file_line "$S/clients/$A/client.yaml" "      - {id: rent-contract, waived: 2026-11-23, reason: Lives with her parents}"
run documents "$A" food-assistance
assert_stdout_matches "^food-assistance +applied +rent-contract +waived +2026-11-23 +Lives with her parents"
assert_stdout_contains "0 missing"
run followups --kind document --wide
assert_stdout_lacks_kind() { grep -q "document" "$T/stdout" && fail "a document follow-up is left: $(cat "$T/stdout")"; true; }
assert_stdout_lacks_kind
run log "$A"
assert_stdout_contains "food-assistance rent-contract waived"

# received again after a waiver: one entry per document
run documents "$A" food-assistance received rent-contract
assert_exit 0
assert_eq "$(grep -c 'id: rent-contract' "$S/clients/$A/client.yaml")" 1

run documents "$A" --format json
assert_exit 0
assert_stdout_contains '"document": "payslips-3m"'
assert_stdout_contains '"state": "received"'
assert_stdout_contains '"required": true'

# errors: a document the program does not list, an unknown program, no enrollment, no action
run documents "$A" food-assistance received id-card
assert_exit 2
assert_stderr_contains "hint: its documents: payslips-3m, rent-contract"
run documents "$A" pension received id-card
assert_exit 1
assert_stderr_contains "unknown program"
run documents "$A" food-assistance lost payslips-3m
assert_exit 2
run documents "$A" food-assistance received
assert_exit 2
run intake --name "Budi Santoso"
B=$out
run documents "$B" food-assistance received payslips-3m
assert_exit 1
assert_stderr_contains "$B has no enrollment in food-assistance"
run check
assert_exit 0

# an approved enrollment: missing papers are due two weeks before the report
run enroll "$B" food-assistance --applied 2026-08-01
run enrollment "$B" food-assistance approved --decided 2026-09-15
assert_exit 0
run followups --kind document --client "$B"
assert_stdout_contains "Nothing"
run followups --kind document --client "$B" --until 2026-12-01 --wide
assert_stdout_contains "Food assistance: payslips-3m missing (report due 2026-12-15)"

pass
