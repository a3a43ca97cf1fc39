# Issue 15: a folder or file that cannot be read (permission denied) is
# reported at its path by every store-wide command, never read as empty: an
# unreadable assessments/ is not "Assessment (none yet)", an unreadable
# client folder does not make the client vanish, an unreadable clients/ is
# an error, not an empty caseload.
source "$TESTLIB"
export CASELOAD_TODAY=2026-11-23

# Root reads everything, so as root the program runs as nobody, from a copy
# nobody can run, on a store nobody owns.
copy_examples ag
if [ "$(id -u)" -eq 0 ]; then
  command -v setpriv >/dev/null || fail "setpriv (util-linux) is needed to run this test as root"
  chmod 755 "$T"
  cp "$CASELOAD" "$T/caseload-bin" && chmod 755 "$T/caseload-bin"
  printf '#!/bin/sh\nexec setpriv --reuid=65534 --regid=65534 --clear-groups "%s" "$@"\n' "$T/caseload-bin" >"$T/as-nobody"
  chmod 755 "$T/as-nobody"
  CASELOAD=$T/as-nobody
  chown -R 65534:65534 ag
fi
run --root ag followups --format csv
assert_exit 0
assert_stdout_contains "reassessment,2DPY7W"  # Jukka has assessments

# An assessments/ that cannot be listed.
chmod 000 ag/clients/2DPY7W/assessments
run --root ag followups --format csv
assert_exit 0
assert_stdout_matches '^2026-11-23,unreadable,2DPY7W,.*Permission denied \(clients/2DPY7W/assessments\),,clients/2DPY7W/assessments,'
assert_stdout_contains "fix the folder's owner or permissions"
assert_file_not_contains "$T/stdout" "Assessment (none yet)"
assert_stdout_contains "plan-review,2DPY7W"  # the rest of the client still counts
run --root ag check
assert_exit 3
assert_stdout_contains "clients/2DPY7W/assessments: error: cannot be read: Permission denied"
chmod 700 ag/clients/2DPY7W/assessments

# A contact file that cannot be read.
contact=$(ls ag/clients/3FZK8R/contacts | head -n 1)
chmod 000 "ag/clients/3FZK8R/contacts/$contact"
run --root ag followups --format csv
assert_stdout_contains "unreadable,3FZK8R"
assert_stdout_contains "clients/3FZK8R/contacts/$contact"
run --root ag check
assert_stdout_contains "clients/3FZK8R/contacts/$contact: error: cannot be read: Permission denied"
chmod 600 "ag/clients/3FZK8R/contacts/$contact"

# A client folder that cannot be opened: the client is named, not dropped.
chmod 000 ag/clients/7RJ5NB
run --root ag followups --format csv
assert_exit 0
assert_stdout_contains "unreadable,7RJ5NB"
run --root ag list --status all
assert_stdout_contains "7RJ5NB"
run --root ag check
assert_exit 3
assert_stdout_contains "clients/7RJ5NB/client.yaml: error: cannot be read: Permission denied"
chmod 700 ag/clients/7RJ5NB

# A FIFO among the contacts and a linked referrals/ folder are named too,
# never passed over (and nothing is read through the link).
mkfifo ag/clients/E3N6WC/contacts/2026-11-01T1000-call.yaml
mv ag/clients/E3N6WC/referrals "$T/elsewhere" && ln -s "$T/elsewhere" ag/clients/E3N6WC/referrals
run --root ag followups --format csv
assert_exit 0
assert_stdout_contains "clients/E3N6WC/contacts/2026-11-01T1000-call.yaml"
assert_stdout_matches '^2026-11-23,unreadable,E3N6WC,.*symbolic link.*clients/E3N6WC/referrals'
rm ag/clients/E3N6WC/contacts/2026-11-01T1000-call.yaml ag/clients/E3N6WC/referrals
mv "$T/elsewhere" ag/clients/E3N6WC/referrals

# clients/ itself: an error, never an empty caseload.
chmod 000 ag/clients
run --root ag followups
assert_exit 1
assert_stderr_contains "clients: cannot be read: Permission denied"
run --root ag list
assert_exit 1
run --root ag check
assert_exit 3
assert_stdout_contains "clients: error: cannot be read: Permission denied"
chmod 700 ag/clients

run --root ag check
assert_exit 0
pass
