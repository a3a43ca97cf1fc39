# Every period of the store is from 1d to 10y, by one rule (parse_cadence)
# wherever it is read: caseload.yaml's defaults and programs, a client's
# contact_every, and the options that take a period. 0d and 9999y used to
# pass check (9999y then gave follow-ups in the year 12025).
source "$TESTLIB"

copy_examples s
S=$T/s
export CASELOAD_ROOT=$S CASELOAD_TODAY=2026-11-23
C=clients/2DPY7W/client.yaml
cp "$S/$C" "$T/client.yaml"
cp "$S/caseload.yaml" "$T/caseload.yaml"
line_of() { grep -n -m1 -- "$2" "$S/$1" | cut -d: -f1; }

# --- a client's cadence -----------------------------------------------------------
for bad in 9999y 0d 11y 3651d; do
  cp "$T/client.yaml" "$S/$C"
  echo "contact_every: $bad" >>"$S/$C"
  L=$(line_of $C '^contact_every:')
  run check
  assert_exit 3
  assert_stdout_contains "$C:$L:16: error: 'contact_every': not a period from 1d to 10y, e.g. 30d, 2w, 3m, 1y"
  # Read by followups as no cadence of its own: the default applies, with a warning.
  run followups --client 2DPY7W --kind contact-due
  assert_exit 0
  assert_stderr_contains "$C:$L:16: warning: 'contact_every': not a period from 1d to 10y"
  assert_stdout_contains "Contact due every 30d"
  _check
  ! grep -q '12025\|every 0d' "$T/stdout" || fail "the invalid cadence $bad was used"
done
cp "$T/client.yaml" "$S/$C"
echo "contact_every: 10y" >>"$S/$C"
run check
assert_exit 0
cp "$T/client.yaml" "$S/$C"

# --- caseload.yaml: defaults and programs -------------------------------------------
sed -i 's/^  reassess_every: .*/  reassess_every: 9999y/' "$S/caseload.yaml"
L=$(line_of caseload.yaml 'reassess_every:')
run check
assert_exit 3
assert_stdout_contains "caseload.yaml:$L:19: error: 'reassess_every': not a period from 1d to 10y"
run followups
assert_exit 1
assert_stderr_contains "caseload.yaml:$L:19: a setting in caseload.yaml is not valid"
cp "$T/caseload.yaml" "$S/caseload.yaml"

sed -i '0,/report_every: 6m/s//report_every: 0d/' "$S/caseload.yaml"
L=$(line_of caseload.yaml 'report_every: 0d')
run check
assert_exit 3
assert_stdout_matches "^caseload.yaml:$L:[0-9]+: error: program: 'report_every': not a period from 1d to 10y"
cp "$T/caseload.yaml" "$S/caseload.yaml"

# --- options --------------------------------------------------------------------------
run program set child-benefit --report-every 11y
assert_exit 2
assert_stderr_contains "--report-every: '11y' is not a period from 1d to 10y"
run intake --name "Test Person" --contact-every 0d --no-input
assert_exit 2
assert_stderr_contains "--contact-every: '0d' is not a period from 1d to 10y"
run program set child-benefit --report-every 10y
assert_exit 0

pass
