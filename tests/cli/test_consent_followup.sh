# A consent raises a follow-up of kind `consent` defaults.consent_warning
# (14 days unless caseload.yaml says otherwise) before it expires, in every
# format, until it is renewed or revoked; a consent_warning that is not a
# period stops every command, as the other periods of caseload.yaml do.
source "$TESTLIB"

new_store s
S=$T/s
export CASELOAD_ROOT=$S CASELOAD_TODAY=2026-11-23
run intake --name "Tuomas Järvinen"
assert_exit 0
ID=$out
run consent "$ID" add city-housing --expires 2026-12-01
assert_exit 0
HEADER="date,kind,client,name,worker,risk,what,ref,path,overdue,time"
WHAT="Consent to city-housing expires 2026-12-01"

# 14 days before 2026-12-01: due since 2026-11-17, six days late.
run followups --kind consent
assert_exit 0
assert_stdout_matches "^6d +$ID +Tuomas Järvinen +consent +$WHAT +clients/$ID/client.yaml"
run followups --kind consent --format csv
assert_exit 0
assert_stdout_contains "2026-11-17,consent,$ID,Tuomas Järvinen,aoki,,$WHAT,city-housing,clients/$ID/client.yaml,6"
run followups --kind consent --format json
assert_stdout_contains "\"kind\": \"consent\""
assert_stdout_contains "\"ref\": \"city-housing\""
run followups --kind consent --format md
# Markdown escapes each ASCII punctuation character.
assert_stdout_contains "| 6d | $ID | Tuomas Järvinen | consent | Consent to city\\-housing expires 2026\\-12\\-01 | \`clients/$ID/client.yaml\` |"
run followups --kind consent --format ics
assert_stdout_contains "UID:$ID-consent-city-housing@caseload"
assert_stdout_contains "DTSTART;VALUE=DATE:20261117"

# init writes the default; it is configurable: one week before.
assert_file_line "$S/caseload.yaml" "  consent_warning: 14d"
sed -i 's/consent_warning: 14d/consent_warning: 1w/' "$S/caseload.yaml"
run followups --kind consent --format csv
assert_exit 0
assert_eq "$HEADER" "$out" "followups a day before the warning"
run followups --kind consent --until 2026-11-24 --format csv
assert_stdout_contains "2026-11-24,consent,$ID,"
run check
assert_exit 0

# Not a period: every command stops at its place, and check says what it is.
sed -i 's/consent_warning: 1w/consent_warning: 14 days/' "$S/caseload.yaml"
L=$(grep -n "consent_warning" "$S/caseload.yaml" | cut -d: -f1)
for cmd in followups list "show $ID" "consent $ID add food-bank"; do
  # shellcheck disable=SC2086  # the command's words
  run $cmd
  assert_exit 1
  assert_stderr_contains "caseload: error: caseload.yaml:$L:20: a setting in caseload.yaml is not valid"
done
run check
assert_exit 3
assert_stdout_contains "caseload.yaml:$L:20: error: 'consent_warning': not a period"
sed -i 's/consent_warning: 14 days/consent_warning: 14d/' "$S/caseload.yaml"

# Renewed: the new consent holds longer, so the old one asks for nothing
# (and the new one is due in a year).
run consent "$ID" add city-housing
assert_exit 0
run followups --kind consent --until 2027-12-31 --format csv
assert_exit 0
assert_eq "$HEADER
2027-11-09,consent,$ID,Tuomas Järvinen,aoki,,Consent to city-housing expires 2027-11-23,city-housing,clients/$ID/client.yaml,0," "$out" "followups after a renewal"

# Revoked: nothing more to renew.
run consent "$ID" revoke city-housing
assert_exit 0
run followups --kind consent --until 2027-12-31 --format csv
assert_eq "$HEADER" "$out" "followups after revoking"

# Expired: no longer a follow-up (check warns about referrals it left uncovered).
run consent "$ID" add legal-aid --expires 2026-11-30
assert_exit 0
CASELOAD_TODAY=2026-11-30 run followups --kind consent --format csv
assert_stdout_contains "2026-11-16,consent,$ID,"
CASELOAD_TODAY=2026-12-01 run followups --kind consent --format csv
assert_eq "$HEADER" "$out" "followups after the consent expired"

pass
