# caseload consent CLIENT [add TO | revoke TO]: consents recorded, listed with
# whether each is in force, revoked by date and never deleted; check on consents.
source "$TESTLIB"

new_store s
S=$T/s
export CASELOAD_ROOT=$S CASELOAD_TODAY=2026-11-23
run resource add food-bank-north --name "North Side Food Bank" --organization "City Mission" --domain food
run intake --name "Siti Rahayu"
ID=$out
C=$S/clients/$ID/client.yaml

# --- no consent yet ----------------------------------------------------------
run consent "$ID"
assert_exit 0
assert_stdout_empty
assert_stderr_contains "No consent recorded for $ID"
run consent siti --format json
assert_exit 0
assert_eq "[]" "$out" "JSON of no consents"

# --- add -----------------------------------------------------------------------
run consent siti add food-bank-north
assert_exit 0
assert_stdout_contains "Consent to food-bank-north (contact, needs) from 2026-11-23 until 2027-11-23"
expected='consent:
  - to: food-bank-north
    scope: [contact, needs]
    given: 2026-11-23
    expires: 2027-11-23'
assert_eq "$expected" "$(sed -n '/^consent:/,/^[a-z]/p' "$C" | grep -v '^[a-z_]*:.*[^:]$' | head -5)" "consent entry"
assert_mode "$C" 600

run consent "$ID" add "City Mission" --scope contact,needs,income --expires 2027-05-31
assert_exit 0
assert_file_line "$C" "  - to: City Mission"
assert_file_line "$C" "    scope: [contact, needs, income]"
assert_file_line "$C" "    expires: 2027-05-31"

# A target that names no resource and no organization is kept, with a warning.
run consent "$ID" add legal-aid --expires +6m
assert_exit 0
assert_stderr_contains "warning: no resource 'legal-aid'"
assert_file_line "$C" "    expires: 2027-05-23"

run consent "$ID" add "*" --expires 2026-11-30
assert_exit 0
assert_file_line "$C" "  - to: \"*\""

# Refused: expiry before today, a bad date, an empty scope, no target.
before=$(snapshot "$S")
run consent "$ID" add food-bank-north --expires 2026-11-01
assert_exit 2
assert_stderr_contains "before today"
run consent "$ID" add food-bank-north --expires 2026-13-01
assert_exit 2
assert_stderr_contains "is not a date"
run consent "$ID" add food-bank-north --scope ,
assert_exit 2
run consent "$ID" add ""
assert_exit 2
run consent "$ID" add
assert_exit 2
run consent nobody add food-bank-north
assert_exit 1
assert_stderr_contains "no client matches 'nobody'"
assert_eq "$before" "$(snapshot "$S")" "store after refused consents"

# --- list ----------------------------------------------------------------------
run consent "$ID"
assert_exit 0
assert_stdout_matches '^TO +SCOPE +GIVEN +EXPIRES +STATUS'
assert_stdout_matches '^food-bank-north +contact, needs +2026-11-23 +2027-11-23 +in force'
assert_stdout_matches '^City Mission +contact, needs, income +2026-11-23 +2027-05-31 +in force'

# A week later the consent to * has expired.
CASELOAD_TODAY=2026-12-07 run consent "$ID"
assert_stdout_matches '^\* +contact, needs +2026-11-23 +2026-11-30 +expired 2026-11-30'
CASELOAD_TODAY=2026-12-07 run consent "$ID" --format csv
assert_exit 0
assert_eq "to,scope,given,expires,revoked,in_force" "$(head -1 "$T/stdout")" "CSV header"
assert_stdout_contains "food-bank-north,contact; needs,2026-11-23,2027-11-23,,true"
assert_stdout_contains "*,contact; needs,2026-11-23,2026-11-30,,false"
run consent "$ID" --format json
assert_exit 0
assert_stdout_contains '"to": "food-bank-north"'
assert_stdout_contains '"revoked": null'
assert_stdout_contains '"in_force": true'

# --- revoke ----------------------------------------------------------------------
run refer "$ID" food-bank-north --reason "No food at home"
assert_exit 0
REF=$out
CASELOAD_TODAY=2026-11-25 run consent "$ID" revoke food-bank-north
assert_exit 0
assert_stdout_contains "Revoked 1 consent to food-bank-north on 2026-11-25"
assert_eq 1 "$(grep -c 'revoked: 2026-11-25' "$C")" "revoked entries"
assert_file_line "$C" "  - to: food-bank-north"   # never deleted
# The organization's consent still covers the open referral: no warning yet.
_check; ! grep -q "no longer covered" "$T/stderr" || fail "warned although City Mission still covers it"
CASELOAD_TODAY=2026-11-25 run consent "$ID" revoke "city mission"   # names compared case-insensitively
assert_exit 0
assert_stdout_contains "Revoked 1 consent to city mission"
assert_file_line "$C" "    revoked: 2026-11-25"
_check; ! grep -q "no longer covered" "$T/stderr" || fail "warned although * still covers it"
CASELOAD_TODAY=2026-11-25 run consent "$ID" revoke "*"
assert_exit 0
assert_stderr_contains "warning: open referral $REF (sent) is no longer covered by a consent in force"
CASELOAD_TODAY=2026-11-25 run consent "$ID"
assert_stdout_matches '^food-bank-north +contact, needs +2026-11-23 +2027-11-23 +revoked 2026-11-25'

# Nothing in force to revoke: exit 1, nothing changed.
cp "$C" "$T/before.yaml"
CASELOAD_TODAY=2026-11-26 run consent "$ID" revoke food-bank-north
assert_exit 1
assert_stderr_contains "has no consent to 'food-bank-north' in force"
assert_same_bytes "$T/before.yaml" "$C"

# --- check -----------------------------------------------------------------------
line_of() { grep -n -m1 -- "$2" "$1" | cut -d: -f1; }
run check --today 2026-11-26
assert_exit 0
L=$(line_of "$S/clients/$ID/referrals/$REF.yaml" '^status:')
assert_stdout_contains "clients/$ID/referrals/$REF.yaml:$L:9: warning: open referral to 'food-bank-north' without a consent in force: the consent was revoked;"
sed -i 's/^    expires: 2027-05-31$/    expires: 2026-11-01/' "$C"
L=$(line_of "$C" 'expires: 2026-11-01')
run check
assert_exit 3
assert_stdout_contains "clients/$ID/client.yaml:$L:14: error: consent expires before it was given"

pass
