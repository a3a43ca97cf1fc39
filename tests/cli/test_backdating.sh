# --date on the commands that change a record's state (plan done and status,
# referral, enrollment, close): the change is recorded on the day it
# happened; a day in the future or before the record it changes is a usage
# error that writes nothing; more than a year back is recorded with a warning.
source "$TESTLIB"

new_store s
S=$T/s
cat >>"$S/caseload.yaml" <<'YAML'
programs:
  - {id: child-benefit, name: Child benefit, report_every: 3m, renew_every: 12m}
YAML
git -C "$S" commit -qam "programs"
export CASELOAD_ROOT=$S CASELOAD_TODAY=2026-11-23
run resource add food-bank --name "Food Bank" --domain food
run intake --name "Ngozi Okafor" --opened 2026-11-01
assert_exit 0
ID=$out
C=$S/clients/$ID/client.yaml
P=$S/clients/$ID/plan.yaml

mark() { git -C "$S" rev-parse HEAD >"$T/head"; }
refused() {  # the last command was a usage error and wrote nothing
  assert_exit 2
  assert_eq "$(cat "$T/head")" "$(git -C "$S" rev-parse HEAD)" "commit after a refused command"
  assert_eq "" "$(git -C "$S" status --porcelain)" "files left by a refused command"
}

# --- plan done / plan status ------------------------------------------------
run plan "$ID" goal add "Food every day" --domain food
run plan "$ID" task add g1 "Apply for food assistance"
run plan "$ID" task add g1 "Visit the food bank"
mark
run plan "$ID" done t1 --date +1d
refused
assert_stderr_contains "caseload: usage: --date: the day a task was done cannot be in the future (2026-11-24 is after today, 2026-11-23); nothing was written"
run plan "$ID" done t1 --date 2026-10-31
refused
assert_stderr_contains "caseload: usage: --date: the day a task was done cannot be before the case was opened (2026-10-31 is before 2026-11-01); nothing was written"
assert_stderr_contains "hint: give a date on or after 2026-11-01"
run plan "$ID" done t1 --date 2026-11-20
assert_exit 0
assert_stdout_contains "t1 done"
assert_file_line "$P" "        done: 2026-11-20"
run plan "$ID" status t2 done --date -2d
assert_exit 0
assert_file_line "$P" "        done: 2026-11-21"
mark
# Only a task marked done records a day.
run plan "$ID" status t2 todo --date -2d
refused
assert_stderr_contains "--date: only a task marked done records a date; todo task does not"
run plan "$ID" done g1 --date -1d
refused
# Without --date it is today, as before.
run plan "$ID" status t2 todo
run plan "$ID" done t2
assert_file_line "$P" "        done: 2026-11-23"

# --- referral ---------------------------------------------------------------
CASELOAD_TODAY=2026-11-10 run refer "$ID" food-bank --reason "No food at home" --consent-given
assert_exit 0
REF=$out
R=$S/clients/$ID/referrals/$REF.yaml
mark
run referral "$ID" "$REF" accepted --date tomorrow
refused
assert_stderr_contains "--date: the day of the move cannot be in the future (2026-11-24 is after today, 2026-11-23)"
run referral "$ID" "$REF" accepted --date 2026-11-09
refused
assert_stderr_contains "--date: the day of the move cannot be before the referral's last history entry (2026-11-09 is before 2026-11-10)"
run referral "$ID" "$REF" accepted --date 2026-11-15 --note "Parcels on Thursdays"
assert_exit 0
assert_file_contains "$R" "{date: 2026-11-15, status: accepted"
mark
run referral "$ID" "$REF" completed --date 2026-11-12
refused
assert_stderr_contains "(2026-11-12 is before 2026-11-15)"
run referral "$ID" "$REF" completed --date 2026-11-15
assert_exit 0
assert_file_contains "$R" "{date: 2026-11-15, status: completed"

# --- enrollment ---------------------------------------------------------------
run enroll "$ID" child-benefit --applied 2026-11-05
assert_exit 0
mark
run enrollment "$ID" child-benefit approved --date 2026-11-04
refused
assert_stderr_contains "--date: the day of the decision cannot be before the application (2026-11-04 is before 2026-11-05)"
run enrollment "$ID" child-benefit approved --date +1w
refused
assert_stderr_contains "--date: the day of the decision cannot be in the future"
run enrollment "$ID" child-benefit approved --decided +1w  # the older name of the option
refused
run enrollment "$ID" child-benefit approved --date 2026-11-10
assert_exit 0
assert_stdout_contains "child-benefit: applied -> approved, decided 2026-11-10, next report 2027-02-10, renew by 2027-11-10"

# --- close ----------------------------------------------------------------------
mark
run close "$ID" --reason "Moved away" --date 2026-10-30
refused
assert_stderr_contains "caseload: usage: --date: the closing date cannot be before the case was opened (2026-10-30 is before 2026-11-01); nothing was written"
assert_file_not_contains "$T/stderr" "Ngozi"
run close "$ID" --reason "Moved away" --date tomorrow
refused
assert_stderr_contains "--date: the closing date cannot be in the future (2026-11-24 is after today, 2026-11-23)"
run close "$ID" --reason "Moved away" --date 2026-11-22
assert_exit 0
assert_file_line "$C" "closed: 2026-11-22"
assert_stderr_empty

# --- more than a year back: recorded, with the warning -------------------------
run intake --name "Old Paperwork" --opened 2024-06-01
OLD=$out
run close "$OLD" --reason "Late filing" --date 2025-01-15
assert_exit 0
assert_stderr_contains "caseload: warning: --date: 2025-01-15 is more than a year ago (today is 2026-11-23); recorded all the same, check the year"
assert_file_line "$S/clients/$OLD/client.yaml" "closed: 2025-01-15"

run check
assert_exit 0
pass
