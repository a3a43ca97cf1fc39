# caseload intake --score/--need and caseload assess: assessment files on
# the store's own scale and domains; show's scores with change and trend.
source "$TESTLIB"

new_store s
S=$T/s
export CASELOAD_ROOT=$S CASELOAD_TODAY=2026-11-23

run intake --name "Rahim Hossain" --score housing=2 --score food=1 --need housing --need food --strengths "Strong family support"
assert_exit 0
ID=$out
event_file A "$S/clients/$ID/assessments" 2026-11-23
assert_file_line "$A" "date: 2026-11-23"
assert_file_line "$A" "kind: intake"
assert_file_line "$A" "worker: aoki"
assert_file_line "$A" "  housing: 2"
assert_file_line "$A" "  food: 1"
assert_file_line "$A" "needs: [housing, food]"
assert_file_line "$A" "strengths: |"
assert_mode "$A" 600

run assess "$ID" --kind review --score housing=3 --score food=0 --notes "Moved in with sister"
assert_exit 0
# A second assessment the same day: another random suffix, the intake's file untouched.
assert_event_name "$out" "clients/$ID/assessments/2026-11-23"
_check; [ "$S/$out" != "$A" ] || fail "a second assessment the same day got the intake's name: $out"
assert_file_line "$S/$out" "kind: review"
assert_file_line "$S/$out" "  housing: 3"
assert_file_line "$A" "kind: intake"
assert_eq 2 "$(ls "$S/clients/$ID/assessments" | grep -cE "^2026-11-23-$NAME_SUFFIX_RE\.yaml\$")" "assessments on 2026-11-23"
# Recorded on its day: an assessment cannot be dated after today.
run --today 2027-02-01 assess "$ID" --kind closing --score housing=4 --date 2027-02-01
assert_exit 0
assert_event_name "$out" "clients/$ID/assessments/2027-02-01"
event_file CL "$S/clients/$ID/assessments" 2027-02-01
assert_eq "$S/$out" "$CL" "printed path"
assert_file_line "$CL" "kind: closing"

# Errors: outside the scale, unknown domain, nothing to record, bad kind.
for bad in housing=6 housing=-1 housing housing=x nowhere=2; do
  run assess "$ID" --score "$bad"
  assert_exit 2
done
run assess "$ID" --score housing=9
assert_stderr_contains "5 (empowered)"
run assess "$ID" --score nowhere=2
assert_stderr_contains "income, employment, housing"
run assess "$ID"
assert_exit 2
run assess "$ID" --kind annual --score housing=2
assert_exit 2
assert_eq 3 "$(ls "$S/clients/$ID/assessments" | wc -l)" "no file from refused commands"

# show: latest score, change since intake, trend per assessment.
run --today 2027-02-02 show "$ID"
assert_exit 0
assert_stdout_matches '^  housing +2 → 4 +building capacity +▂▄▆$'
assert_stdout_matches '^  food +1 → 0 +n/a +▁··$'

# The store's own instrument: an agency's domains and scale replace the matrix.
new_store t
cat > "$T/t/caseload.yaml" <<'YAML'
schema: 1
workers:
  - {id: aoki, name: Hana Aoki}
defaults:
  worker: aoki
scale: {1: high risk, 2: some risk, 3: no risk}
domains:
  - {id: food-insecurity, name: Food insecurity}
  - {id: utilities, name: Utilities}
YAML
run --root "$T/t" intake --name "Test Person" --score food-insecurity=3 --score utilities=1
assert_exit 0
run --root "$T/t" intake --name "Other Person" --score food-insecurity=4
assert_exit 2
assert_stderr_contains "3 (no risk)"
run --root "$T/t" intake --name "Other Person" --score housing=1
assert_exit 2
assert_stderr_contains "food-insecurity, utilities"

# check validates assessments: scale, domains, kind, date against file name
# (here a hand-made file with an older name, no suffix: still read).
printf 'date: 2026-11-24\nkind: annual\nworker: nobody\nscores:\n  housing: 7\n  nowhere: 2\nneeds: [nowhere]\n' > "$S/clients/$ID/assessments/2026-11-23.yaml"
run check
assert_exit 3
F="clients/$ID/assessments/2026-11-23.yaml"
assert_stdout_contains "$F:1:7: error: 'date' does not match its file name's date '2026-11-23'"
assert_stdout_contains "$F:2:7: error: 'kind': not one of: intake, review, closing"
assert_stdout_contains "$F:3:9: error: 'worker': unknown worker: not listed under workers in caseload.yaml"
assert_stdout_contains "$F:5:12: error: score not on the scale"
assert_stdout_contains "$F:6:3: error: unknown domain: not listed under domains in caseload.yaml"
assert_stdout_contains "$F:7:9: error: unknown domain: not listed under domains in caseload.yaml"
pass
