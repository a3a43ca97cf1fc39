# caseload close / reopen: status, dates, reason; users' own keys kept in
# place; warnings about open work; refusing to close twice.
source "$TESTLIB"

new_store s
S=$T/s
export CASELOAD_TODAY=2026-11-23
run --root "$S" intake --name "Päivi Hämäläinen" --born 1979-04-02 --language "fi" --phone "+358 40 555 0101"
assert_exit 0
ID=$out
F=$S/clients/$ID/client.yaml

# The user's own key, added by hand in the middle of the record.
awk '{ print } /^language:/ { print "favourite_colour: blue" }' "$F" > "$T/edited" && cat "$T/edited" > "$F"
assert_file_line "$F" "favourite_colour: blue"
neighbours() { grep -B1 -A1 -xF "favourite_colour: blue" "$F" | tr '\n' '|'; }
assert_eq "language: fi|favourite_colour: blue|phone: \"+358 40 555 0101\"|" "$(neighbours)" "lines around the user's key"

# --- close ---------------------------------------------------------------
run --root "$S" close "$ID"
assert_exit 2
assert_stderr_contains "--reason"
run --root "$S" close "$ID" --reason "Moved to another municipality" --date 2026-13-40
assert_exit 2
assert_stderr_contains "--date"
assert_stderr_contains "YYYY-MM-DD"
assert_file_line "$F" "status: open"

run --root "$S" close "$ID" --reason "Moved to another municipality"
assert_exit 0
assert_stdout_contains "$ID"
assert_stderr_empty   # no open tasks or referrals: no warning
assert_file_line "$F" "status: closed"
assert_file_line "$F" "closed: 2026-11-23"
assert_file_contains "$F" "closed_reason:"
assert_file_contains "$F" "Moved to another municipality"
assert_file_line "$F" "opened: 2026-11-23"
assert_file_line "$F" "name: Päivi Hämäläinen"
assert_eq "language: fi|favourite_colour: blue|phone: \"+358 40 555 0101\"|" "$(neighbours)" "user's key after close"
assert_mode "$F" 600
assert_eq "" "$(find "$S" -name '.*.tmp-*')" "temporary files left behind"

# Closing a closed client fails and changes nothing.
cp "$F" "$T/closed.yaml"
run --root "$S" close "$ID" --reason "Again"
assert_exit 1
assert_stderr_contains "already closed"
assert_same_bytes "$T/closed.yaml" "$F"

# --- reopen ----------------------------------------------------------------
run --root "$S" reopen "$ID"
assert_exit 2
assert_stderr_contains "--reason"
run --root "$S" reopen "$ID" --reason "Came back"
assert_exit 0
assert_stdout_contains "$ID"
assert_file_line "$F" "status: open"
! grep -q '^closed' "$F" || fail "closed or closed_reason left at the top level"
assert_file_line "$F" "status: open"
assert_eq "language: fi|favourite_colour: blue|phone: \"+358 40 555 0101\"|" "$(neighbours)" "user's key after reopen"
cp "$F" "$T/open.yaml"
run --root "$S" reopen "$ID" --reason "Again"
assert_exit 1
assert_stderr_contains "already open"
assert_stderr_contains "hint: nothing to do"
assert_same_bytes "$T/open.yaml" "$F"

# Close with a date in another form, by name; reopen by ID prefix.
CASELOAD_TODAY=2026-11-30 run --root "$S" close "päivi" --reason "Goals achieved" --date eom  # never in the future
assert_exit 0
assert_file_line "$F" "closed: 2026-11-30"
run --root "$S" close "$ID" --reason "x" --date yesterday
assert_exit 1
assert_file_line "$F" "closed: 2026-11-30"
run --root "$S" reopen "${ID:0:4}" --reason "Back again"
assert_exit 0
assert_file_line "$F" "status: open"
run --root "$S" close "$ID" --reason - <<<"Client declined further services"
assert_exit 0
assert_file_contains "$F" "Client declined further services"

# Everything close and reopen wrote is valid and canonical.
run --root "$S" check
assert_exit 0
run --root "$S" fmt --check
assert_exit 0
assert_stdout_empty

# --- open work is listed as a warning (examples/agency) ---------------------
copy_examples ag
# M6VHQ2 (Maria Mäkinen): tasks t3 and t5 to do; three referrals not final.
run --root ag close M6VHQ2 --reason "Transferred"
assert_exit 0
assert_file_line ag/clients/M6VHQ2/client.yaml "status: closed"
assert_stderr_contains "warning"
assert_stderr_contains "t3"
assert_stderr_contains "t5"
assert_stderr_contains "2026-10-27-debt-advice"
assert_stderr_contains "2026-10-27-legal-aid-harbour"
assert_stderr_contains "2026-11-13-housing-office"
assert_stdout_contains "M6VHQ2"
# A client closed in the examples cannot be closed again.
cp ag/clients/RZ5A1E/client.yaml "$T/rz.yaml"
run --root ag close RZ5A1E --reason "x"
assert_exit 1
assert_same_bytes "$T/rz.yaml" ag/clients/RZ5A1E/client.yaml
# Reopen by a unique name: Liisa Korhonen.
run --root ag reopen liisa --reason "Asked for help again"
assert_exit 0
assert_file_line ag/clients/RZ5A1E/client.yaml "status: open"
! grep -q '^closed' ag/clients/RZ5A1E/client.yaml || fail "closed or closed_reason left at the top level"
# The rest of the record is untouched: status changed, closed and
# closed_reason moved into the new episode (7 lines).
assert_eq "11" "$(diff "$EXAMPLES/agency/clients/RZ5A1E/client.yaml" ag/clients/RZ5A1E/client.yaml | grep -c '^[<>]')" \
  "changed lines after reopening RZ5A1E"
# No such client; an ambiguous name lists the candidates.
run --root ag close "Nobody Here" --reason x
assert_exit 1
run --root ag close maria --reason x
assert_exit 1
assert_stderr_contains "7RJ5NB"
assert_stderr_contains "M6VHQ2"
run --root ag check
assert_exit 0

# --- a record with a duplicate key (check: error) is not rewritten ----------
# Which of the two values is meant is unknown; a rewrite would keep or drop
# one silently, so the command must stop as for any other broken record.
awk '{ print } /^name:/ { print "name: Budi S." }' ag/clients/H2W9TD/client.yaml > "$T/dup" &&
  cat "$T/dup" > ag/clients/H2W9TD/client.yaml
cp ag/clients/H2W9TD/client.yaml "$T/dup.yaml"
run --root ag check
assert_exit 3
assert_stdout_contains "clients/H2W9TD/client.yaml:3:1: error: duplicate key 'name'"
run --root ag close H2W9TD --reason "x"
assert_exit 1
assert_stderr_contains "clients/H2W9TD/client.yaml:3"
assert_same_bytes "$T/dup.yaml" ag/clients/H2W9TD/client.yaml

pass
