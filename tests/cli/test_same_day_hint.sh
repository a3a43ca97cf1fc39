# A done contact recorded for the day and kind of a contact still scheduled
# says (on stderr) which `caseload visit` command would have marked the
# scheduled one done, and how to close it now; other contacts say nothing.
source "$TESTLIB"

new_store s
S=$T/s
export CASELOAD_ROOT=$S CASELOAD_TODAY=2026-11-23
run intake --name "Eerika Lindqvist"
assert_exit 0
ID=$out
run schedule "$ID" "today 10:00" "Home visit"
assert_exit 0
V=$(basename "$out" .yaml)

# Another kind, another day, or not done: no hint.
run contact "$ID" "Called to confirm"
assert_exit 0
assert_stderr_empty
run contact "$ID" "Visit last week" --kind visit --date -1w
assert_exit 0
assert_stderr_empty
run contact "$ID" "Second visit booked" --kind visit --date "today 15:00" --status scheduled
assert_exit 0
assert_stderr_empty
V2=$(basename "$out" .yaml)

# The same day and kind, done: the hint names both scheduled visits exactly.
run contact "$ID" "Home visit, form signed" --kind visit
assert_exit 0
assert_stdout_matches "^clients/$ID/contacts/2026-11-23T0000-visit-$NAME_SUFFIX_RE.yaml$"
assert_stderr_contains "caseload: note: visit $V of $ID is still scheduled for 2026-11-23T10:00"
assert_stderr_contains "  hint: \`caseload visit $ID $V done\` would have marked it done; if it was this contact, close it with \`caseload visit $ID $V cancelled\`"
assert_stderr_contains "caseload: note: visit $V2 of $ID is still scheduled for 2026-11-23T15:00"
assert_file_not_contains "$T/stderr" "Lindqvist"

# The hint's commands work as written; done, the visit gives no more hints.
run visit "$ID" "$V" cancelled
assert_exit 0
run visit "$ID" "$V2" done
assert_exit 0
run contact "$ID" "Dropped off the form" --kind visit
assert_exit 0
assert_stderr_empty
# Cancelling the visit that was recorded as done raises no reschedule item.
run followups --kind contact-missed --format csv
assert_eq "date,kind,client,name,worker,risk,what,ref,path,overdue,time" "$out" "followups after closing the visit"

pass
