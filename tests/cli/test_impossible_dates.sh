# Dates that cannot be right: a done contact, an assessment, a birth or an
# opening in the future are usage errors that write nothing; a new record
# dated more than a year back is written with a warning; `check` reports the
# future ones in files written by hand.
source "$TESTLIB"

new_store s
S=$T/s
export CASELOAD_TODAY=2026-11-23
run --root "$S" intake --name "Eero Mäkelä" --born 1961-03-04
assert_exit 0
ID=$out
git -C "$S" rev-parse HEAD >"$T/head"

refused() {  # the last command was refused as a usage error and wrote nothing
  assert_exit 2
  assert_eq "$(cat "$T/head")" "$(git -C "$S" rev-parse HEAD)" "commit after a refused command"
  assert_eq "" "$(git -C "$S" status --porcelain)" "files left by a refused command"
}

# --- a done contact in the future (+1m typed for -1m) ----------------------
run --root "$S" contact "$ID" "Home visit" --kind visit --date +1m
refused
assert_stderr_contains "caseload: usage: --date: a contact recorded as done cannot be in the future (2026-12-23 is after today, 2026-11-23); nothing was written"
assert_stderr_contains "hint: for a past date write e.g. -1m or yesterday; a planned contact is recorded with \`caseload schedule\` or --status scheduled"
assert_file_not_contains "$T/stderr" "Mäkelä"
run --root "$S" contact "$ID" "Home visit" --kind visit --date "tomorrow 10:00" --status done
refused
# Scheduled, it is what schedule records; a missed one has no such rule.
run --root "$S" contact "$ID" "Home visit" --kind visit --date +1m --status scheduled
assert_exit 0
assert_stderr_empty
run --root "$S" schedule "$ID" +1w "Office meeting" --kind office
assert_exit 0
git -C "$S" rev-parse HEAD >"$T/head"

# --- an assessment in the future -----------------------------------------
run --root "$S" assess "$ID" --score housing=3 --date +1w
refused
assert_stderr_contains "--date: an assessment cannot be in the future (2026-11-30 is after today, 2026-11-23)"
run --root "$S" assess "$ID" --score housing=3 --date today
assert_exit 0
git -C "$S" rev-parse HEAD >"$T/head"

# --- intake: a birth date or opening date in the future ------------------
run --root "$S" intake --name "Future Born" --born 2027-01-05
refused
assert_stderr_contains "--born: a birth date cannot be in the future (2027-01-05 is after today, 2026-11-23)"
run --root "$S" intake --name "Future Born" --born 2027
refused
assert_stderr_contains "(2027-01-01 is after today, 2026-11-23)"
run --root "$S" intake --name "Future Opened" --opened +1d
refused
assert_stderr_contains "--opened: the opening date cannot be in the future (2026-11-24 is after today, 2026-11-23)"
# Born this year (year only) is possible.
run --root "$S" intake --name "Newborn" --born 2026
assert_exit 0
git -C "$S" rev-parse HEAD >"$T/head"

# --- more than a year back: written, with a warning ----------------------
run --root "$S" contact "$ID" "Old phone call" --date 2025-11-01
assert_exit 0
assert_stderr_contains "caseload: warning: --date: 2025-11-01 is more than a year ago (today is 2026-11-23); recorded all the same, check the year"
assert_exists "$S/$out"
run --root "$S" assess "$ID" --score housing=2 --date -2y
assert_exit 0
assert_stderr_contains "--date: 2024-11-23 is more than a year ago"
run --root "$S" intake --name "Late Paperwork" --opened 2025-01-10
assert_exit 0
assert_stderr_contains "--opened: 2025-01-10 is more than a year ago"
# A year back to the day is not "more than a year".
run --root "$S" contact "$ID" "A year ago" --date -1y
assert_exit 0
assert_stderr_empty

# --- check reports the same in existing files ----------------------------
run --root "$S" check
assert_exit 0
C=$S/clients/$ID/client.yaml
sed -i 's/^born: .*/born: 2031-02-02/; s/^opened: .*/opened: 2026-12-01/' "$C"
only_file V "$S/clients/$ID/contacts/2026-12-23T0000-visit-*.yaml"
sed -i 's/^status: scheduled/status: done/' "$V"
only_file A "$S/clients/$ID/assessments/2026-11-23-*.yaml"
sed -i 's/^date: .*/date: 2026-11-24/' "$A"
run --root "$S" check
assert_exit 3
assert_stdout_matches "^clients/$ID/client.yaml:[0-9]+:[0-9]+: error: a birth date cannot be in the future \(after today, 2026-11-23\)$"
assert_stdout_matches "^clients/$ID/client.yaml:[0-9]+:[0-9]+: error: the opening date cannot be in the future \(after today, 2026-11-23\)$"
assert_stdout_matches "^${V#"$S/"}:1:7: error: a contact with status done cannot be in the future \(after today, 2026-11-23\); a planned contact has status scheduled$"
assert_stdout_matches "^${A#"$S/"}:1:7: error: an assessment cannot be in the future \(after today, 2026-11-23\)$"
# As of a later day the same files are fine (the assessment's name still
# disagrees with its date, which is reported on its own).
run --root "$S" --today 2031-03-01 check
assert_file_not_contains "$T/stdout" "cannot be in the future"

pass
