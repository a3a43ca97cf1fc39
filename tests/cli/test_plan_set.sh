# plan CLIENT goal set / task set: a goal's text, domain and target, a
# task's text, due date and owner corrected by command, checked as when
# adding; only the options given change (an empty value removes an optional
# field); nothing to change is a usage error; each change is one commit
# that names the fields, never their values.
source "$TESTLIB"

new_store s
S=$T/s
export CASELOAD_ROOT=$S CASELOAD_TODAY=2026-11-23
run intake --name "Mei Chen"
ID=$out
P=$S/clients/$ID/plan.yaml
run plan "$ID" goal add "Stable housng" --domain food
run plan "$ID" task add g1 "Aply for housing allowance" --due +1w --owner client
run plan "$ID" task add g1 "Bring the rent contract"
git -C "$S" rev-parse HEAD >"$T/head"
cp "$P" "$T/plan.before"

refused() {  # a usage error that changed nothing
  assert_exit 2
  assert_same_bytes "$T/plan.before" "$P"
  assert_eq "$(cat "$T/head")" "$(git -C "$S" rev-parse HEAD)" "commit after a refused command"
}

# --- refused: nothing to change, wrong kind of ID, values as add refuses them --
run plan "$ID" task set t1
refused
assert_stderr_contains "caseload: usage: plan task set: nothing to change"
assert_stderr_contains "hint: give --text, --due or --owner"
run plan "$ID" goal set g1
refused
assert_stderr_contains "hint: give --text, --domain or --target"
run plan "$ID" task set g1 --due +2w
refused
assert_stderr_contains "'g1' is not a task ID (t<N>)"
run plan "$ID" goal set t1 --text "x"
refused
assert_stderr_contains "'t1' is not a goal ID (g<N>)"
run plan "$ID" task set t1 --due someday
refused
assert_stderr_contains "--due: 'someday' is not a date"
run plan "$ID" goal set g1 --domain nowhere
refused
assert_stderr_contains "unknown domain 'nowhere'"
run plan "$ID" task set t1 --text ""
refused
assert_stderr_contains "--text must not be empty"
run plan "$ID" task set t1 --owner "$(printf 'a\tb')"
refused
run plan "$ID" task set t9 --due +2w
assert_exit 1
assert_stderr_contains "no t9 in clients/$ID/plan.yaml"
assert_same_bytes "$T/plan.before" "$P"

# --- task set -----------------------------------------------------------------
run plan "$ID" task set t1 --due +2w
assert_exit 0
assert_stdout_contains "t1 set: due"
assert_file_line "$P" "        due: 2026-12-07"
assert_file_line "$P" "        owner: client"
assert_file_line "$P" "        text: Aply for housing allowance"
assert_eq "plan $ID task set t1 due" "$(git -C "$S" log -1 --format=%s)" "commit message"
run plan "$ID" task set t1 --text "Apply for housing allowance" --owner aoki
assert_exit 0
assert_stdout_contains "t1 set: text, owner"
assert_file_line "$P" "        text: Apply for housing allowance"
assert_file_line "$P" "        owner: aoki"
assert_eq "plan $ID task set t1 text owner" "$(git -C "$S" log -1 --format=%s)" "commit message"
# An empty value removes an optional field.
run plan "$ID" task set t1 --due ""
assert_exit 0
assert_file_not_contains "$P" "due:"
# The other task is untouched.
assert_file_line "$P" "        text: Bring the rent contract"

# --- goal set ------------------------------------------------------------------
run plan "$ID" goal set g1 --text "Stable housing" --domain housing --target +3m
assert_exit 0
assert_stdout_contains "g1 set: domain, text, target"
assert_file_line "$P" "    domain: housing"
assert_file_line "$P" "    text: Stable housing"
assert_file_line "$P" "    target: 2027-02-23"
assert_eq "plan $ID goal set g1 domain text target" "$(git -C "$S" log -1 --format=%s)" "commit message"
run plan "$ID" goal set g1 --target ""
assert_exit 0
assert_file_not_contains "$P" "target:"
git -C "$S" log --format=%s | grep -q "Stable\|housing allowance\|Mei" && fail "a commit message holds a value"

run plan "$ID"
assert_stdout_contains "g1 [active] Stable housing · housing"
assert_stdout_contains "t1 [todo] Apply for housing allowance · aoki"
run check
assert_exit 0
run fmt --check
assert_exit 0
pass
