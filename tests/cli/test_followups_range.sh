# followups --from/--until: an empty range is a usage error, not "Nothing due".
source "$TESTLIB"

copy_examples s
S=$T/s
export CASELOAD_TODAY=2026-11-23

run --root "$S" followups --from +3d --until today
assert_exit 2
assert_stderr_contains "caseload: usage: --from 2026-11-26 is after --until 2026-11-23: no day is in that range"
assert_stderr_contains "hint: give --until a date on or after --from (--until defaults to today)"
assert_file_not_contains "$T/stdout" "Nothing due"
# --until defaults to today.
run --root "$S" followups --from tomorrow --format json
assert_exit 2
assert_stdout_empty
# One day is a range: --from and --until the same day.
run --root "$S" followups --from +3d --until +3d --format csv
assert_exit 0
assert_stdout_matches "^date,kind,client"

pass
