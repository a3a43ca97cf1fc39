# Two clients of the same name: naming them by name lists each candidate as
# a table with what tells them apart (ID, born, worker, status, last
# contact), points to the ID, and changes nothing.
source "$TESTLIB"

"$CASELOAD" init s --worker "aoki:Hana Aoki" --worker "berg:Ingrid Berg" >/dev/null 2>&1 </dev/null || fail "init"
export CASELOAD_ROOT=$T/s CASELOAD_TODAY=2026-11-23
run intake --no-input --name "Ana Lima" --born 1990-05-02 --worker aoki
assert_exit 0
A=$out
run intake --no-input --name "Ana Lima" --born 1985-01-10 --worker berg
assert_exit 0
B=$out
run contact "$A" "Called about the rent" --date 2026-11-20
assert_exit 0
run close "$B" --reason "Moved away"
assert_exit 0
before=$(snapshot "$T/s")

run show "ana lima"
assert_exit 1
assert_stdout_empty
assert_stderr_contains "'ana lima' matches 2 clients:"
assert_stderr_matches '^  ID +NAME +BORN +WORKER +STATUS +LAST CONTACT$'
assert_stderr_matches "^  $A +Ana Lima +1990-05-02 +aoki +open +2026-11-20\$"
assert_stderr_matches "^  $B +Ana Lima +1985-01-10 +berg +closed\$"
assert_stderr_contains "hint: name the client by its ID"
# Every command that takes a client says the same, and writes nothing.
run contact "ana lima" "Second call"
assert_exit 1
assert_stderr_matches "^  $B +Ana Lima +1985-01-10 +berg +closed\$"
assert_eq "$before" "$(snapshot "$T/s")" "nothing written"
# The ID from the table names the client.
run show "$B"
assert_exit 0
pass
