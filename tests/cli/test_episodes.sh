# reopen --reason keeps the history: each reopening appends the episode that
# ended (opened, closed, why, reopened, why) to client.yaml's episodes;
# --date follows the back-dating rule (not before the closing; a later close
# not before the reopening); show lists earlier episodes; the commit counts
# them; records without episodes still load.
source "$TESTLIB"

new_store s
S=$T/s
export CASELOAD_ROOT=$S CASELOAD_TODAY=2026-11-23
run intake --name "Aarav Sharma" --opened 2026-03-02
ID=$out
F=$S/clients/$ID/client.yaml
episodes() { sed -n '/^episodes:/,/^[a-z]/p' "$F" | grep '^ ' | tr '\n' '|'; }
mark() { git -C "$S" rev-parse HEAD >"$T/head"; }
refused() {
  assert_exit 2
  assert_eq "$(cat "$T/head")" "$(git -C "$S" rev-parse HEAD)" "commit after a refused command"
  assert_eq "" "$(git -C "$S" status --porcelain)" "files left by a refused command"
}

run close "$ID" --reason "Moved away" --date 2026-05-10
assert_exit 0
mark
run reopen "$ID"
refused
assert_stderr_contains "--reason"
run reopen "$ID" --reason ""
refused
run reopen "$ID" --reason "Came back" --date 2026-05-01
refused
assert_stderr_contains "caseload: usage: --date: the reopening date cannot be before the case was closed (2026-05-01 is before 2026-05-10); nothing was written"
run reopen "$ID" --reason "Came back" --date tomorrow
refused
assert_stderr_contains "--date: the reopening date cannot be in the future"

run reopen "$ID" --reason "Came back to the city" --date 2026-09-01
assert_exit 0
assert_stdout_contains "Reopened $ID on 2026-09-01"
assert_file_line "$F" "status: open"
! grep -q '^closed' "$F" || fail "closed or closed_reason left at the top level"
assert_eq "  - opened: 2026-03-02|    closed: 2026-05-10|    closed_reason: ||      Moved away|    reopened: 2026-09-01|    reopen_reason: ||      Came back to the city|" \
  "$(episodes)" "the first episode"
assert_eq "reopen $ID episode 2" "$(git -C "$S" log -1 --format=%s)" "commit message"

# A later close cannot be dated before the reopening.
mark
run close "$ID" --reason "Goals reached" --date 2026-08-30
refused
assert_stderr_contains "--date: the closing date cannot be before the case was reopened (2026-08-30 is before 2026-09-01)"
run close "$ID" --reason "Goals reached" --date 2026-11-20
assert_exit 0
run reopen "$ID" --reason - <<<"New crisis"
assert_exit 0
assert_stdout_contains "Reopened $ID on 2026-11-23"
assert_eq 2 "$(grep -c '^  - opened:' "$F")" "episodes after two reopenings"
assert_file_line "$F" "  - opened: 2026-09-01"
assert_file_line "$F" "    closed: 2026-11-20"
assert_file_line "$F" "    reopened: 2026-11-23"
assert_eq "reopen $ID episode 3" "$(git -C "$S" log -1 --format=%s)" "commit message"

# show lists the earlier episodes; log says what happened.
run show "$ID"
assert_exit 0
assert_stdout_contains "Earlier episodes"
assert_stdout_contains "  2026-03-02 – 2026-05-10  closed: Moved away · reopened 2026-09-01: Came back to the city"
assert_stdout_contains "  2026-09-01 – 2026-11-20  closed: Goals reached · reopened 2026-11-23: New crisis"
run log "$ID"
assert_exit 0
assert_stdout_contains "reopen $ID episode 3"
assert_stdout_contains "episodes"
run --format json log "$ID"
assert_stdout_contains '"message": "reopen '"$ID"' episode 2"'

run check
assert_exit 0
run fmt --check
assert_exit 0
run list --status all --format csv
assert_stdout_contains "$ID,Aarav Sharma"

# --- a store written before episodes existed: loads, and reopens -----------
copy_examples ag
run --root ag show RZ5A1E
assert_exit 0
assert_file_not_contains "$T/stdout" "Earlier episodes"
run --root ag reopen RZ5A1E --reason "Asked for help again"
assert_exit 0
assert_file_line ag/clients/RZ5A1E/client.yaml "episodes:"
run --root ag show RZ5A1E
assert_stdout_contains "Earlier episodes"
run --root ag check
assert_exit 0
pass
