# show CLIENT --format json|md: the whole case (person, household, scores
# with history, assessments with strengths and notes, plan, referrals,
# enrollments, consents, contact timeline), every record by its field list.
# --format on a command without such output is a usage error.
source "$TESTLIB"

copy_examples s
S=$T/s
export CASELOAD_ROOT=$S CASELOAD_TODAY=2026-11-23

# --- json ---------------------------------------------------------------------------
run show 3FZK8R --format json
assert_exit 0
assert_stderr_empty
if command -v jq >/dev/null; then
  _check; jq -e . "$T/stdout" >/dev/null || fail "show --format json is not JSON"
  assert_eq "client scores assessments plan referrals contacts unreadable" \
    "$(jq -r 'keys_unsorted | join(" ")' "$T/stdout")" "top-level keys"
  assert_eq "2 3" "$(jq -r '.scores[] | select(.domain == "housing") | [.history[].level] | join(" ")' "$T/stdout")" \
    "housing's history"
  assert_eq 5 "$(jq '.contacts | length' "$T/stdout")" "every contact, in the timeline"
  assert_eq 3 "$(jq '.referrals | length' "$T/stdout")" "every referral, open or not"
  assert_eq 2 "$(jq '.client.household | length' "$T/stdout")" \
    "household members"
fi
assert_stdout_matches '^    "name": "Siti Rahayu",$'
assert_stdout_contains '"household": ['
assert_stdout_contains '"consent": ['
assert_stdout_contains '"enrollments": ['
assert_stdout_contains '"strengths": '
assert_stdout_contains '"history": ['
assert_stdout_contains '"goals": ['
assert_stdout_contains '"path": "clients/3FZK8R/contacts/2026-09-14T1000-office.yaml"'
assert_stdout_contains '"unreadable": []'
# A key caseload does not know is no field: it is not in the output.
printf 'pets: 2\n' >>"$S/clients/3FZK8R/client.yaml"
run show 3FZK8R --format json
assert_exit 0
assert_file_not_contains "$T/stdout" '"pets"'

# --- md -----------------------------------------------------------------------------
run show siti --format md
assert_exit 0
assert_stdout_contains "# Case summary: Siti Rahayu (3FZK8R)"
assert_stdout_contains "Printed 2026-11-23"
for heading in "## Person" "## household" "## consent" "## enrollments" "## Scores" "## Plan" "## Contacts"; do
  assert_stdout_matches "^$heading\$"
done
assert_stdout_matches '^\| housing \| 2 \| 3 \|$'
assert_stdout_matches '^### Assessment 2026-09-14 '
assert_stdout_matches '^## Referral 2026\\-09\\-25\\-daycare\\-majakka$'  # punctuation escaped
assert_stdout_matches '^\| date \| kind \| status \| worker \| summary \|'
assert_stdout_matches '^- \*\*name\*\*: Siti Rahayu$'

# A file that cannot be read is named, in both formats.
printf 'date: [\n' >"$S/clients/3FZK8R/contacts/2026-11-10T1000-call.yaml"
run show 3FZK8R --format json
assert_exit 0
assert_stdout_contains '"path": "clients/3FZK8R/contacts/2026-11-10T1000-call.yaml",'
run show 3FZK8R --format md
assert_stdout_contains "## Could not be read"
rm "$S/clients/3FZK8R/contacts/2026-11-10T1000-call.yaml"

# --- --format where there is no such output -------------------------------------------
run show 3FZK8R --format csv
assert_exit 2
assert_stderr_contains "--format: 'csv' is not available here"
before=$(snapshot "$S")
run contact 3FZK8R "Called" --format json
assert_exit 2
assert_stderr_contains "--format: \`caseload contact\` has no output formats"
assert_stderr_contains "hint: --format is for: consent, documents, finances, find, followups, list, log, program list, report, resource list, screen, show, stats, worker list"
run --format json consent 3FZK8R add '*'
assert_exit 2
assert_stderr_contains "\`caseload consent add\` has no output formats"
run check --format json
assert_exit 2
run resource show food-bank-north --format json
assert_exit 2
assert_eq "$before" "$(snapshot "$S")" "nothing written"
run consent 3FZK8R --format json
assert_exit 0
run resource list --format csv
assert_exit 0
pass
