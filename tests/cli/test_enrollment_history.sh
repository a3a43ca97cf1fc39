# caseload enrollment ... reported|renewed and the enrollment history: each
# command appends {date, event, note}; a report or renewal moves its deadline
# on by one period from the day it was due (fixed cadence), and followups then
# count it as done; show lists the history; the errors change nothing.
source "$TESTLIB"

new_store s
S=$T/s
cat >>"$S/caseload.yaml" <<'EOF2'
programs:
  - {id: child-benefit, name: Child benefit, report_every: 3m, renew_every: 12m}
  - {id: one-off-grant, name: One-off grant}
EOF2
export CASELOAD_ROOT=$S CASELOAD_TODAY=2026-11-23
run intake --name "Siti Rahayu"
ID=$out
C=$S/clients/$ID/client.yaml

run enroll "$ID" child-benefit --applied 2026-01-05
assert_exit 0
assert_file_line "$C" "      - {date: 2026-01-05, event: applied}"
# Reported on an application not yet decided: refused, with the fix.
before=$(snapshot "$S")
run enrollment "$ID" child-benefit reported
assert_exit 1
assert_stderr_contains "is applied: only an approved enrollment is reported"
assert_stderr_contains "caseload enrollment $ID child-benefit approved"
assert_eq "$before" "$(snapshot "$S")" "store after a report on an application"

run enrollment "$ID" child-benefit approved --date 2026-01-10
assert_exit 0
assert_file_line "$C" "      - {date: 2026-01-10, event: approved}"
assert_file_line "$C" "    next_report: 2026-04-10"

# The report due 2026-04-10 is overdue; filing it late moves the deadline one
# period on from the day it was due, not from the day it was filed.
run followups --kind report --format csv
assert_stdout_contains "2026-04-10,report,$ID"
run enrollment "$ID" child-benefit reported --date 2026-05-02 --note "Filed at the office"
assert_exit 0
assert_stdout_contains "child-benefit: report filed 2026-05-02, next report 2026-07-10, renew by 2027-01-10"
assert_file_line "$C" "    next_report: 2026-07-10"
assert_file_line "$C" "      - {date: 2026-05-02, event: reported, note: Filed at the office}"
run followups --kind report --format csv
! grep -qF -- "2026-04-10,report" "$T/stdout" || fail "stdout has: 2026-04-10,report"
assert_stdout_contains "2026-07-10,report,$ID"
# Two more reports bring it up to date: the next is after today, no follow-up.
run enrollment "$ID" child-benefit reported
run enrollment "$ID" child-benefit reported
assert_exit 0
assert_file_line "$C" "    next_report: 2027-01-10"
run followups --kind report --format csv
! grep -qF -- ",report,$ID" "$T/stdout" || fail "stdout has: ,report,$ID"
# The commit message says what happened, with IDs only.
run log "$ID"
assert_stdout_contains "enrollment $ID child-benefit report filed"
! grep -qF -- "Filed at the office" "$T/stdout" || fail "stdout has: Filed at the office"

# Renewed moves renew_by on by renew_every from its due date.
run enrollment "$ID" child-benefit renewed --note "New decision by mail"
assert_exit 0
assert_stdout_contains "child-benefit: renewed 2026-11-23"
assert_file_line "$C" "    renew_by: 2028-01-10"
assert_file_line "$C" "      - {date: 2026-11-23, event: renewed, note: New decision by mail}"

# show lists the history in text, md and json.
run show "$ID"
assert_exit 0
assert_stdout_matches '^ +2026-05-02 +reported +Filed at the office'
assert_stdout_matches '^ +2026-11-23 +renewed +New decision by mail'
run show "$ID" --format md
assert_stdout_contains "date: 2026\\-05\\-02 · event: reported · note: Filed at the office"
run show "$ID" --format json
assert_stdout_matches '"event": "reported"'

# Errors: a bad --date, a future --date, a date before the decision, a
# program without report_every; none changes the store.
before=$(snapshot "$S")
run enrollment "$ID" child-benefit reported --date 2026-02-30
assert_exit 2
run enrollment "$ID" child-benefit reported --date tomorrow
assert_exit 2
assert_stderr_contains "cannot be in the future"
run enrollment "$ID" child-benefit reported --date 2026-01-08
assert_exit 2
assert_stderr_contains "cannot be before the application or decision"
run enrollment "$ID" child-benefit reported --next-report 2027-05-01
assert_exit 2
run enroll "$ID" one-off-grant
run enrollment "$ID" one-off-grant approved
before=$(snapshot "$S")
run enrollment "$ID" one-off-grant reported
assert_exit 1
assert_stderr_contains "program one-off-grant has no report_every"
assert_stderr_contains "caseload program set one-off-grant --report-every PERIOD"
run enrollment "$ID" one-off-grant renewed
assert_exit 1
assert_stderr_contains "has no renew_every"
assert_eq "$before" "$(snapshot "$S")" "store after refused reports"

# Ended records its date; reported on an ended or denied enrollment is refused.
run enrollment "$ID" child-benefit ended --date 2026-11-20 --note "Moved away"
assert_exit 0
assert_file_line "$C" "    ended: 2026-11-20"
assert_file_line "$C" "      - {date: 2026-11-20, event: ended, note: Moved away}"
# recorded late, it goes where it happened: before the reports filed today
ended_at=$(grep -n "event: ended" "$C" | cut -d: -f1)
last_report_at=$(grep -n "event: reported" "$C" | tail -1 | cut -d: -f1)
[ "$ended_at" -lt "$last_report_at" ] || fail "the late 'ended' entry was appended after later entries"
run enrollment "$ID" child-benefit reported
assert_exit 1
assert_stderr_contains "has ended"
run enroll "$ID" child-benefit
run enrollment "$ID" child-benefit denied
assert_exit 0
assert_file_line "$C" "      - {date: 2026-11-23, event: denied}"
run enrollment "$ID" child-benefit reported
assert_exit 1
assert_stderr_contains "is denied: only an approved enrollment is reported"

# A store written before histories were kept stays valid, and the first
# command on it starts the history.
run check
assert_exit 0

# A history edited by hand out of date order, or a document listed twice, is named by check.
C2=$S/clients/$ID/client.yaml
python3 - "$C2" <<'PY'
import sys
p = sys.argv[1]
s = open(p).read()
s = s.replace("      - {date: 2026-11-20, event: ended, note: Moved away}\n", "", 1)
s = s.replace("event: denied}", "event: denied}\n      - {date: 2026-11-01, event: ended}", 1)
open(p, "w").write(s)
PY
run check
assert_exit 3
assert_stdout_matches "clients/$ID/client.yaml:[0-9]+:[0-9]+: error: history out of date order"
pass
