# Error messages a caseworker can act on: a tab in the indentation, leftover
# conflict markers, a time of day with a one-digit hour, and CLI11's own
# complaints in plain words.
source "$TESTLIB"

copy_examples s
S=$T/s
export CASELOAD_ROOT=$S CASELOAD_TODAY=2026-11-23
F=$S/clients/3FZK8R/client.yaml
P=$S/clients/3FZK8R/plan.yaml
cp "$F" "$T/client.yaml"
cp "$P" "$T/plan.yaml"

# --- a tab in the indentation --------------------------------------------------------
L=$(grep -n -m1 '^    tasks:' "$P" | cut -d: -f1)
sed -i "${L}s/^    /\t/" "$P"
run check
assert_exit 3
assert_stdout_contains "clients/3FZK8R/plan.yaml:$L:1: error: tabs are not allowed for indentation; use spaces"
run plan siti
assert_exit 1
assert_stderr_contains "clients/3FZK8R/plan.yaml:$L:1: tabs are not allowed for indentation; use spaces"
cp "$T/plan.yaml" "$P"
# A tab inside a text block is text.
printf 'notes: |\n  first\n  \tindented with a tab\n' >>"$P"
run check
assert_exit 0
cp "$T/plan.yaml" "$P"

# --- leftover conflict markers ---------------------------------------------------------
L=$(grep -n '^risk: high$' "$F" | cut -d: -f1)
sed -i "${L}s/.*/<<<<<<< HEAD\nrisk: high\n=======\nrisk: medium\n>>>>>>> 1a2b3c4 (contact: call)/" "$F"
run check
assert_exit 3
assert_stdout_contains "clients/3FZK8R/client.yaml:$L:1: error: leftover conflict markers (<<<<<<<, =======, >>>>>>>) of a merge"
run show 3FZK8R
assert_exit 1
assert_stderr_contains "leftover conflict markers"
assert_stderr_contains "caseload sync --continue"
cp "$T/client.yaml" "$F"

# --- times of day ------------------------------------------------------------------------
run contact siti "Called about the rent" --date "yesterday 9:30"
assert_exit 0
assert_stdout_matches "contacts/2026-11-22T0930-call"
run schedule siti "2026-11-27T9:05" "Home visit"
assert_exit 0
assert_stdout_matches "contacts/2026-11-27T0905-visit"
run contact siti "Called" --date "yesterday 25:00"
assert_exit 2
assert_stderr_contains "--date: '25:00' is not a time of day (H:MM or HH:MM)"
run contact siti "Called" --date "yesteday 9:30"
assert_exit 2
assert_stderr_contains "--date: 'yesteday' is not a date"

# --- CLI11's texts ---------------------------------------------------------------------------
run contact siti "Called" --date today --date yesterday
assert_exit 2
assert_stderr_contains "caseload: usage: --date is given 2 times; give it once"
_check
! grep -q "At Most" "$T/stderr" || fail "CLI11's raw text"
run contact siti "Called" --date
assert_exit 2
assert_stderr_contains "caseload: usage: --date needs a value"
run sync --continue --abort
assert_exit 2
assert_stderr_contains "cannot be used together"
run show siti extra
assert_exit 2
assert_stderr_contains "caseload: usage: unexpected argument: extra"

pass
