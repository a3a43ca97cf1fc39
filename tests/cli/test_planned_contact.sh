# contact --next: a planned next contact survives later contacts recorded
# without --next, until a done contact falls on or after it or a later
# contact plans another one.
source "$TESTLIB"

new_store s
S=$T/s
export CASELOAD_TODAY=2026-11-23
run --root "$S" intake --name "Nguyễn Thị Lan"
assert_exit 0
ID=$out

due() {  # the client's contact-due line in csv, through 2027
  run --root "$S" followups --client "$ID" --kind contact-due --until 2027-12-31 --format csv
  assert_exit 0
  printf '%s\n' "$out" | sed -n 2p | cut -d, -f1,7
}

run --root "$S" contact "$ID" "Eviction notice; visit planned" --date 2026-11-16 --next 2026-11-30
assert_exit 0
assert_eq "2026-11-30,Contact planned (last 2026-11-16)" "$(due)" "planned by the contact"

# An unplanned call in between keeps the planned visit (it used to move the
# item to the call's date plus 30 days, 2026-12-20).
run --root "$S" contact "$ID" "Client called about the rent"
assert_exit 0
assert_eq "2026-11-30,Contact planned (last 2026-11-23)" "$(due)" "kept after an unplanned contact"

# Still kept once the planned date has passed without a contact: overdue.
CASELOAD_TODAY=2026-12-02 run --root "$S" followups --client "$ID" --kind contact-due --format csv
assert_stdout_contains "2026-11-30,contact-due,$ID,Nguyễn Thị Lan,aoki,,Contact planned (last 2026-11-23),,clients/$ID/client.yaml,2"

# A later contact with its own --next replaces it.
run --root "$S" contact "$ID" "Rent office meeting booked" --next 2026-12-04
assert_exit 0
assert_eq "2026-12-04,Contact planned (last 2026-11-23)" "$(due)" "replaced by a later --next"

# A done contact on the planned date does it: the cadence counts from there.
CASELOAD_TODAY=2026-12-04 run --root "$S" contact "$ID" "Met at the rent office"
assert_exit 0
assert_eq "2027-01-03,Contact due every 30d (last 2026-12-04)" "$(due)" "done on the planned date"

pass
