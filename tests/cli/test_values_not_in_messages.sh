# Diagnostics name the key, the place and the expected form, never the value
# (SECURITY.md: check's output goes to CI logs, warnings to mailed reports).
# Distinctive values planted in records must not appear in what check,
# show, list and followups say about them.
source "$TESTLIB"

copy_examples s
S=$T/s
export CASELOAD_ROOT=$S CASELOAD_TODAY=2026-11-23
C=clients/3FZK8R
line_of() { grep -n -m1 -- "$2" "$S/$1" | cut -d: -f1; }

sed -i 's/^born: .*/born: SeCrEt-born-1980-02-30/' "$S/$C/client.yaml"
sed -i 's/^opened: .*/opened: SeCrEt-opened/' "$S/$C/client.yaml"
sed -i 's/^worker: .*/worker: secret-worker-x/' "$S/$C/client.yaml"
sed -i 's/^contact_every: .*/contact_every: SeCrEt-every/' "$S/$C/client.yaml"
A=$C/assessments/2026-11-09.yaml
sed -i '0,/^\(  [a-z_-]*\): [0-9]$/s//\1: SeCrEt-score/' "$S/$A"
sed -i 's/^date: .*/date: 2026-11-10/' "$S/$A"
K=$C/contacts/2026-10-20T0930-call.yaml
sed -i 's/^kind: .*/kind: secret-kind/' "$S/$K"
sed -i 's/^date: .*/date: 2026-10-21T09:30/' "$S/$K"
sed -i 's/^worker: .*/worker: secret-worker-y/' "$S/$K"
# A stray line of text where a key belongs: the plan cannot be read at all.
echo "SeCrEt stray words" >>"$S/$C/plan.yaml"
L_BORN=$(line_of $C/client.yaml '^born:')
L_OPENED=$(line_of $C/client.yaml '^opened:')
L_WORKER=$(line_of $C/client.yaml '^worker:')
L_EVERY=$(line_of $C/client.yaml '^contact_every:')
L_SCORE=$(line_of $A 'SeCrEt-score')
L_STRAY=$(line_of $C/plan.yaml 'SeCrEt')

no_secret() {
  _check
  ! grep -qi 'secret' "$@" || fail "a planted value is quoted:"$'\n'"$(grep -hi secret "$@")"
}

run check
assert_exit 3
no_secret "$T/stdout" "$T/stderr"
assert_stdout_contains "$C/client.yaml:$L_BORN:7: error: 'born': not a valid date (YYYY, YYYY-MM or YYYY-MM-DD)"
assert_stdout_contains "$C/client.yaml:$L_OPENED:9: error: 'opened': not a valid date (YYYY-MM-DD)"
assert_stdout_contains "$C/client.yaml:$L_WORKER:9: error: 'worker': unknown worker: not listed under workers in caseload.yaml"
assert_stdout_contains "$C/client.yaml:$L_EVERY:16: error: 'contact_every': not a period"
assert_stdout_matches "^$A:$L_SCORE:[0-9]+: error: score not on the scale: 0 \(not applicable\), 1 \(in crisis\)"
assert_stdout_contains "$A:1:7: error: 'date' does not match its file name's date '2026-11-09'"
assert_stdout_contains "$K:1:7: error: 'date' does not match its file name '2026-10-20T0930-call'"
assert_stdout_contains "$K:2:7: error: 'kind': not one of: visit, call, office, message, collateral, note"
assert_stdout_contains "$K:2:7: error: 'kind' does not match its file name '2026-10-20T0930-call'"
assert_stdout_contains "$K:4:9: error: 'worker': unknown worker"
assert_stdout_contains "$C/plan.yaml:$L_STRAY:1: error: YAML syntax: a key is not followed by ':'"

# The store-wide and one-client commands warn about the same files. (What
# they print as data on stdout is the record, shown as it is; what they say
# about it, on stderr and in `unreadable` items, is not.)
for cmd in "show 3FZK8R" "show 3FZK8R --format json" "list --status all" "list --format json" "followups" \
           "followups --format json" "followups --format md"; do
  run $cmd
  no_secret "$T/stderr"
  grep -i unreadable "$T/stdout" >"$T/unreadable" || true
  no_secret "$T/unreadable"
done
run followups
assert_stdout_contains "$C/plan.yaml"
assert_stderr_contains "$C/client.yaml:$L_OPENED:9: warning: 'opened': not a valid date (YYYY-MM-DD); ignored"
assert_stderr_contains "$C/plan.yaml:$L_STRAY:1: error: YAML syntax: a key is not followed by ':' (file skipped"

# A known key is still named.
cp "$EXAMPLES/agency/$C/plan.yaml" "$S/$C/plan.yaml"
echo "review" >>"$S/$C/plan.yaml"
run check
assert_stdout_contains "$C/plan.yaml:$(line_of $C/plan.yaml '^review$'):1: error: YAML syntax: 'review' is not followed by ':'"

pass
