# caseload worker add|set|list and program add|set|list: caseload.yaml's
# workers and programs kept by command, each change one commit that says
# what it did; refused changes write nothing; list as table, json and csv
# with stable keys; the users' own keys in caseload.yaml stay.
source "$TESTLIB"

new_store s
S=$T/s
export CASELOAD_ROOT=$S CASELOAD_TODAY=2026-11-23
Y=$S/caseload.yaml
echo "office: North" >>"$Y"   # a key of the agency's own
git -C "$S" commit -qam "own key"
subject() { git -C "$S" log -1 --format=%s; }
git -C "$S" rev-parse HEAD >"$T/head"
refused() {  # exit $1, nothing written or committed
  assert_exit "$1"
  assert_eq "$(cat "$T/head")" "$(git -C "$S" rev-parse HEAD)" "commit after a refused command"
  assert_eq "" "$(git -C "$S" status --porcelain)" "files left by a refused command"
}

# --- workers ---------------------------------------------------------------
run worker add berg --name "Ingrid Berg"
assert_exit 0
assert_stdout_contains "Added worker berg"
assert_file_line "$Y" "  - {id: berg, name: Ingrid Berg}"
assert_file_line "$Y" "office: North"
assert_eq "worker add berg" "$(subject)" "commit message"
assert_mode "$Y" 600
# The new worker can act at once.
run intake --name "Liu Yang" --worker berg
assert_exit 0
git -C "$S" rev-parse HEAD >"$T/head"

run worker add berg --name "Someone Else"
refused 1
assert_stderr_contains "caseload.yaml already has a worker 'berg'"
assert_stderr_contains "caseload worker set berg"
run worker add Berg_2
refused 2
assert_stderr_contains "'Berg_2' is not a worker ID"
run worker add lind --name ""
refused 2
assert_stderr_contains "--name must not be empty"
run worker set nobody --name "X"
refused 1
assert_stderr_contains "caseload.yaml has no worker 'nobody'"
run worker set berg
refused 2
assert_stderr_contains "worker set: nothing to change"
run worker
refused 2

run worker set berg --name "Ingrid Berg-Lind" --default
assert_exit 0
assert_stdout_contains "worker berg set: name, default"
assert_file_line "$Y" "  - {id: berg, name: Ingrid Berg-Lind}"
assert_file_line "$Y" "  worker: berg"
assert_eq "worker set berg name default" "$(subject)" "commit message"
run worker add lind
assert_exit 0
assert_file_line "$Y" "  - {id: lind}"

run worker list
assert_exit 0
assert_stdout_matches "^ID +NAME +DEFAULT$"
assert_stdout_matches "^aoki +Hana Aoki *$"
assert_stdout_matches "^berg +Ingrid Berg-Lind +yes$"
run worker list --format csv
assert_exit 0
assert_eq "id,name,default|aoki,Hana Aoki,|berg,Ingrid Berg-Lind,true|lind,,|" "$(tr '\n' '|' <"$T/stdout")" "worker csv"
run --format json worker list
assert_exit 0
assert_stdout_contains '"id": "berg",'
assert_stdout_contains '"name": "Ingrid Berg-Lind",'
assert_stdout_contains '"default": true'
assert_stdout_contains '"name": null,'
run worker list --format md
assert_exit 2

# --- programs ----------------------------------------------------------------
git -C "$S" rev-parse HEAD >"$T/head"
run program add child-benefit
refused 2
assert_stderr_contains "missing --name"
run program add child-benefit --name "Child benefit" --report-every "3 months"
refused 2
assert_stderr_contains "--report-every: '3 months' is not a period from 1d to 10y"
run program add child-benefit --name "Child benefit" --report-every 3m --renew-every 12m --decision-after 30d
assert_exit 0
assert_stdout_contains "Added program child-benefit"
assert_file_line "$Y" "  - {id: child-benefit, name: Child benefit, report_every: 3m, renew_every: 12m, decision_after: 30d}"
assert_eq "program add child-benefit" "$(subject)" "commit message"
# Enrollment uses it at once.
run enroll liu child-benefit
assert_exit 0
git -C "$S" rev-parse HEAD >"$T/head"
run program add child-benefit --name "Again"
refused 1
run program set child-benefit
refused 2
assert_stderr_contains "hint: give --name, --report-every, --renew-every, --decision-after, --criterion, --document or --template"
run program set child-benefit --name ""
refused 2
run program set child-benefit --renew-every 6m --decision-after ""
assert_exit 0
assert_stdout_contains "program child-benefit set: renew_every, decision_after"
assert_file_line "$Y" "  - {id: child-benefit, name: Child benefit, report_every: 3m, renew_every: 6m}"
assert_eq "program set child-benefit renew_every decision_after" "$(subject)" "commit message"
run program list --format csv
assert_exit 0
assert_eq "id,name,report_every,renew_every,decision_after|child-benefit,Child benefit,3m,6m,|" \
  "$(tr '\n' '|' <"$T/stdout")" "program csv"
run program list
assert_stdout_matches "^child-benefit +Child benefit +3m +6m *$"

run check
assert_exit 0
run fmt --check
assert_exit 0
pass
