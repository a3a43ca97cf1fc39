# SPEC 7: broken files are never rewritten; the store lock; private files;
# no writes outside the store; no temporary files left behind.
source "$TESTLIB"
export CASELOAD_TODAY=2026-11-23

mkdir outside
copy_examples outside/ag
S=$T/outside/ag
touch "$T/marker"

# --- a client.yaml with a syntax error ----------------------------------------
F=$S/clients/A1HM7Z/client.yaml
sed -i 's/^risk: medium$/risk: medium: high/' "$F"
L=$(grep -n '^risk: medium: high' "$F" | cut -d: -f1)
cp "$F" "$T/broken.yaml"
contacts_before=$(ls "$S/clients/A1HM7Z/contacts" | wc -l)

run --root "$S" close A1HM7Z --reason "Moved away"
assert_exit 1
assert_stderr_contains "clients/A1HM7Z/client.yaml:$L:13"
assert_same_bytes "$T/broken.yaml" "$F"
run --root "$S" reopen A1HM7Z --reason "Came back"
assert_exit 1
assert_stderr_contains "clients/A1HM7Z/client.yaml:$L:13"
assert_same_bytes "$T/broken.yaml" "$F"
run --root "$S" fmt
assert_exit 1
assert_stderr_contains "clients/A1HM7Z/client.yaml:$L:13"
assert_same_bytes "$T/broken.yaml" "$F"
# Other clients are not held hostage by one broken record.
run --root "$S" contact X4C8PG "Called" --date 2026-11-23T10:00
assert_exit 0
run --root "$S" intake --name "Emily Carter" --born 1996-09-19
assert_exit 0
NEW=$out
run --root "$S" close H2W9TD --reason "Moved"
assert_exit 0

# --- the lock -------------------------------------------------------------------
assert_exists "$S/.caseload/lock"   # made by the writes above
LOCK=$S/.caseload/lock
n_contacts() { find "$S/clients/X4C8PG/contacts" -type f | wc -l; }
before=$(n_contacts)
hold_lock "$LOCK"
CASELOAD_LOCK_TIMEOUT=0.3 run --root "$S" contact X4C8PG "While locked" --date 2026-11-23T11:00
assert_exit 1
assert_stderr_contains ".caseload/lock"
assert_stderr_contains "locked"
assert_stderr_contains "CASELOAD_LOCK_TIMEOUT"
assert_eq "$before" "$(n_contacts)" "contacts written while locked"
cp "$S/clients/X4C8PG/client.yaml" "$T/x4.yaml"
CASELOAD_LOCK_TIMEOUT=0.3 run --root "$S" close X4C8PG --reason "While locked"
assert_exit 1
assert_stderr_contains ".caseload/lock"
assert_same_bytes "$T/x4.yaml" "$S/clients/X4C8PG/client.yaml"
n_clients=$(ls "$S/clients" | wc -l)
CASELOAD_LOCK_TIMEOUT=0.3 run --root "$S" intake --name "While Locked"
assert_exit 1
assert_stderr_contains ".caseload/lock"
assert_eq "$n_clients" "$(ls "$S/clients" | wc -l)" "clients after a locked intake"
sed -i 's/^schema: 1$/schema:   1/' "$S/caseload.yaml"
cp "$S/caseload.yaml" "$T/settings.yaml"
CASELOAD_LOCK_TIMEOUT=0.3 run --root "$S" fmt
assert_exit 1
assert_stderr_contains ".caseload/lock"
assert_same_bytes "$T/settings.yaml" "$S/caseload.yaml"
# Readers do not need the lock.
CASELOAD_LOCK_TIMEOUT=0.3 run --root "$S" fmt --check
assert_exit 1   # the broken A1HM7Z record, and caseload.yaml to reformat
assert_stdout_contains "caseload.yaml"
CASELOAD_LOCK_TIMEOUT=0.3 run --root "$EXAMPLES/agency" check
assert_exit 0
release_lock   # the holder ends, and the kernel drops its lock
sed -i 's/^schema:   1$/schema: 1/' "$S/caseload.yaml"
# With the lock free the same command works.
CASELOAD_LOCK_TIMEOUT=0.3 run --root "$S" contact X4C8PG "After the lock" --date 2026-11-23T11:00
assert_exit 0
event_file AFTER "$S/clients/X4C8PG/contacts" 2026-11-23T1100-call
assert_eq "$S/$out" "$AFTER" "printed path"
assert_eq $((before + 1)) "$(n_contacts)" "contacts after the lock is free"
# A writer waits (bounded) for a short-lived holder instead of failing.
hold_lock "$LOCK"
(sleep 0.5; touch "$T/release") &
CASELOAD_LOCK_TIMEOUT=20 run --root "$S" contact X4C8PG "Waited" --date 2026-11-23T12:00
assert_exit 0
event_file WAITED "$S/clients/X4C8PG/contacts" 2026-11-23T1200-call
assert_eq "$S/$out" "$WAITED" "printed path"
assert_file_line "$WAITED" "summary: Waited"
wait
CASELOAD_LOCK_TIMEOUT=soon run --root "$S" contact X4C8PG "Bad timeout"
assert_exit 2
assert_stderr_contains "CASELOAD_LOCK_TIMEOUT"

# --- private files -----------------------------------------------------------------
assert_mode "$S/clients/$NEW" 700
assert_mode "$S/clients/$NEW/client.yaml" 600
assert_mode "$AFTER" 600
assert_mode "$S/clients/H2W9TD/client.yaml" 600   # was 0644 in the copy; rewritten by close
assert_mode "$S/clients/X4C8PG/client.yaml" 644   # not rewritten: left as it was
assert_mode "$S/.caseload" 700
assert_mode "$LOCK" 600

# --- nothing outside the store ----------------------------------------------------------
for bad in "../../x" ".." "../ag" "clients/../X4C8PG" "X4C8PG/../../x" "/etc/passwd" "$(printf 'X4C\001')"; do
  run --root "$S" contact "$bad" "Escape"
  _check
  [ "$status" -eq 1 ] || [ "$status" -eq 2 ] || fail "contact '$bad' exited $status"
  run --root "$S" close "$bad" --reason "Escape"
  _check
  [ "$status" -eq 1 ] || [ "$status" -eq 2 ] || fail "close '$bad' exited $status"
done
run --root "$S" intake --name "../../../evil" --external-id "../../x"
assert_exit 0
assert_exists "$S/clients/$out/client.yaml"
run --root "$S" contact X4C8PG "Kind escape" --kind "../../x"
assert_exit 2
_check
escaped=$(find "$T/outside" -path "$S" -prune -o -newer "$T/marker" -print)
[ -z "$escaped" ] || fail "files written outside the store: $escaped"
assert_eq "" "$(find "$S" -name '.*.tmp-*')" "temporary files left behind"
assert_eq "" "$(cd "$S" && find . | grep -iE 'emily|carter|evil')" "names in paths"

# --- write commands refuse a record they cannot parse --------------------------------
# contact reads the client's record (is it there, is it open?); a broken one
# stops it with the place of the error, and no contact file is written.
run --root "$S" contact A1HM7Z "Called" --date 2026-11-23T10:00
assert_exit 1
assert_stderr_contains "clients/A1HM7Z/client.yaml:$L:13"
assert_eq "$contacts_before" "$(ls "$S/clients/A1HM7Z/contacts" | wc -l)" "contacts of the broken client"
assert_same_bytes "$T/broken.yaml" "$F"

# An unterminated quote at the end of the file is a syntax error (yaml-cpp takes
# the rest of the file as one string); close must not rewrite the record.
G=$S/clients/7RJ5NB/client.yaml
sed -i 's/^risk: high$/risk: "high/' "$G"
cp "$G" "$T/unterminated.yaml"
run --root "$S" close 7RJ5NB --reason "Moved"
assert_exit 1
assert_stderr_contains "clients/7RJ5NB/client.yaml:"
assert_same_bytes "$T/unterminated.yaml" "$G"

pass
