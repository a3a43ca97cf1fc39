# caseload redate CLIENT REF DATE: the mistyped date of a contact, an
# assessment or a referral corrected and its file renamed to match, in one
# commit; future dates are refused for done records as when they are made.
source "$TESTLIB"

new_store s
S=$T/s
export CASELOAD_ROOT=$S CASELOAD_TODAY=2026-11-23
run resource add legal-aid --name "Legal Aid Office"
assert_exit 0
run intake --name "Marit Haugen" --score housing=2
assert_exit 0
ID=$out
D=$S/clients/$ID

head_is() { git -C "$S" rev-parse HEAD >"$T/head"; }
unchanged() {
  assert_eq "$(cat "$T/head")" "$(git -C "$S" rev-parse HEAD)" "HEAD after a refused command"
  assert_eq "" "$(git -C "$S" status --porcelain)" "files left by a refused command"
}
last_commit() { git -C "$S" log -1 --format=%s; }
suffix() { echo "${1: -5}"; }  # -xxxx of a new event file's name

# --- a contact: 2026-11-02 typed for 2026-11-20; the time is kept ------------------
run contact "$ID" "Home visit" --kind visit --date "2026-11-02 14:00"
assert_exit 0
C1=$(basename "$out" .yaml)
C2=2026-11-20T1400-visit$(suffix "$C1")
run redate "$ID" "$C1" 2026-11-20
assert_exit 0
assert_eq "$C1 -> $C2" "$out" "redate's confirmation"
assert_not_exists "$D/contacts/$C1.yaml"
assert_file_line "$D/contacts/$C2.yaml" "date: 2026-11-20T14:00"
assert_eq "redate $ID $C1 $C2" "$(last_commit)" "commit message"
assert_eq "" "$(git -C "$S" status --porcelain)" "files left after redate"
# With a time, the time too.
run redate "$ID" "contacts/$C2.yaml" "2026-11-20 9:15"
assert_exit 0
C3=2026-11-20T0915-visit$(suffix "$C1")
assert_file_line "$D/contacts/$C3.yaml" "date: 2026-11-20T09:15"
head_is
# Done in the future: refused as `contact --date` refuses it.
run redate "$ID" "$C3" +1w
assert_exit 2
assert_stderr_contains "caseload: usage: DATE: a contact recorded as done cannot be in the future (2026-11-30 is after today, 2026-11-23); nothing was written"
unchanged
run redate "$ID" "$C3" "2026-11-20 9:15"
assert_exit 1
assert_stderr_contains "contact $C3 is already dated 2026-11-20T09:15"
run redate "$ID" "$C3" someday
assert_exit 2
unchanged
# A scheduled contact may be dated ahead.
run schedule "$ID" "2026-12-01 10:00" "Office meeting" --kind office
S1=$(basename "$out" .yaml)
run redate "$ID" "$S1" 2026-12-10
assert_exit 0
assert_exists "$D/contacts/2026-12-10T1000-office$(suffix "$S1").yaml"

# --- an assessment --------------------------------------------------------------
only_file A "$D/assessments/2026-11-23-*.yaml"
A1=$(basename "$A" .yaml)
A2=2026-11-03$(suffix "$A1")
run redate "$ID" "assessments/$A1" 2026-11-03
assert_exit 0
assert_eq "$A1 -> $A2" "$out" "redate's confirmation"
assert_file_line "$D/assessments/$A2.yaml" "date: 2026-11-03"
assert_not_exists "$A"
head_is
run redate "$ID" "$A2" tomorrow
assert_exit 2
assert_stderr_contains "DATE: an assessment cannot be in the future (2026-11-24 is after today, 2026-11-23)"
unchanged

# --- a referral: its ID and the first history entry go with the name ------------
run refer "$ID" legal-aid --reason "Eviction notice" --consent-given
assert_exit 0
R1=$out
R2=2026-11-21-legal-aid$(suffix "$R1")
run redate "$ID" "$R1" 2026-11-21
assert_exit 0
assert_eq "$R1 -> $R2" "$out" "redate's confirmation"
assert_file_line "$D/referrals/$R2.yaml" "id: $R2"
assert_file_contains "$D/referrals/$R2.yaml" "{date: 2026-11-21, status: sent"
run referral "$ID" "$R2" accepted
assert_exit 0
head_is
# It cannot be made after it moved on, nor in the future.
CASELOAD_TODAY=2026-11-30 run redate "$ID" "$R2" 2026-11-25
assert_exit 2
assert_stderr_contains "DATE: 2026-11-25 is after the referral's next history entry (accepted, 2026-11-23); nothing was written"
run redate "$ID" "$R2" +1d
assert_exit 2
unchanged

# --- REF: ambiguous across folders, unknown -------------------------------------
run redate "$ID" 2026-11-2 2026-11-19
assert_exit 1
assert_stderr_contains "'2026-11-2' matches 2 records of $ID:"
assert_stderr_contains "  contacts/$C3"
assert_stderr_contains "  referrals/$R2"
run redate "$ID" 2030 2026-11-19
assert_exit 1
assert_stderr_contains "client $ID has no record '2030'"
assert_stderr_contains "hint: records of $ID: "
unchanged

run check
assert_exit 0
assert_eq "" "$(git -C "$S" log --format=%s | grep -iE 'marit|haugen' || true)" "names in commit messages"

pass
