# caseload.yaml's values are validated whenever the store is opened, not only
# by `check`: a period, scale, domain or program that is not valid would
# otherwise be dropped by the reader, and the deadlines it sets with it.
source "$TESTLIB"

new_store s
S=$T/s
cat >>"$S/caseload.yaml" <<'EOF'
programs:
  - {id: child-benefit, name: Child benefit, report_every: 3m, renew_every: 12m, decision_after: 30d}
EOF
export CASELOAD_ROOT=$S CASELOAD_TODAY=2026-11-23
run intake --name "Siti Rahayu"
assert_exit 0
ID=$out
run enroll "$ID" child-benefit --applied 2026-11-20
assert_exit 0

# bad FROM TO: caseload.yaml with FROM replaced by TO; sets L and C, the line
# and column of TO.
bad() {
  sed -i "s/$1/$2/" "$S/caseload.yaml"
  L=$(grep -n -m1 -F -- "$2" "$S/caseload.yaml" | cut -d: -f1)
  local line prefix
  line=$(sed -n "${L}p" "$S/caseload.yaml")
  prefix=${line%%"$2"*}
  C=$((${#prefix} + 1))
}
# refused WHAT ARGS...: the command stops at caseload.yaml:L:C, changes
# nothing, says how to go on and never prints the value.
refused() {
  local what=$1 before
  shift
  before=$(snapshot "$S")
  run "$@"
  assert_exit 1
  assert_stderr_contains "caseload: error: caseload.yaml:$L:$C: a setting in caseload.yaml is not valid"
  assert_stderr_contains "run \`caseload check\`"
  _check
  ! grep -qF -- "$what" "$T/stderr" || fail "the value '$what' is printed"
  assert_eq "$before" "$(snapshot "$S")" "the store after a refused $1"
}

# --- a period that is not one ------------------------------------------------------
# Before: decision_after was ignored and the pending decision had no deadline.
bad 'decision_after: 30d' 'decision_after: 60 days'
C=$((C + 16))  # the value, after 'decision_after: '
refused "60 days" followups
refused "60 days" list
refused "60 days" show "$ID"
refused "60 days" enrollment "$ID" child-benefit approved
refused "60 days" contact "$ID" "Called"
run check
assert_exit 3
assert_stdout_contains "caseload.yaml:$L:$C: error: "
# fmt does not depend on the values and stays usable.
run fmt --check
_check
[ "$status" -eq 0 ] || [ "$status" -eq 3 ] || fail "fmt --check refused"
assert_stderr_empty
sed -i 's/decision_after: 60 days/decision_after: 30d/' "$S/caseload.yaml"
run followups --until 2026-12-31
assert_exit 0
assert_stdout_contains "Child benefit: decision pending since 2026-11-20"

# An approval takes its report deadline from report_every.
bad 'report_every: 3m' 'report_every: 12 months'
C=$((C + 14))
refused "12 months" enrollment "$ID" child-benefit approved
sed -i 's/report_every: 12 months/report_every: 3m/' "$S/caseload.yaml"
run enrollment "$ID" child-benefit approved
assert_exit 0
assert_file_contains "$S/clients/$ID/client.yaml" "next_report: 2027-02-23"

# --- scale, domains, programs, defaults ---------------------------------------------
bad '{1: in crisis,' '{x: in crisis,'
C=$((C + 1))  # the level, after the '{'
refused "in crisis" followups
sed -i 's/{x: in crisis,/{1: in crisis,/' "$S/caseload.yaml"

# A domain or a program without its name: the entry is the place.
bad '{id: income, name: Income}' '{id: income}'
refused "income" list
sed -i 's/{id: income}/{id: income, name: Income}/' "$S/caseload.yaml"
bad '{id: child-benefit, name: Child benefit, ' '{id: child-benefit, '
refused "child-benefit" followups
sed -i 's/{id: child-benefit, /{id: child-benefit, name: Child benefit, /' "$S/caseload.yaml"

bad 'contact_every: 30d' 'contact_every: monthly'
C=$((C + 15))
refused "monthly" followups
run check
assert_exit 3
assert_stdout_contains "caseload.yaml:$L:$C: error: 'contact_every'"
sed -i 's/contact_every: monthly/contact_every: 30d/' "$S/caseload.yaml"
run check
assert_exit 0

pass
