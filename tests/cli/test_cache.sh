# The cache under .caseload/cache/ (issue 7) never changes what a command
# says: each store-wide command gives the same stdout, stderr and exit code
# with a warm cache, a corrupt one, none at all, and after the records change
# behind its back (same-size edits, mtimes put back, checkouts, deletions).
source "$TESTLIB"

copy_examples s
S=$T/s
export CASELOAD_ROOT=$S CASELOAD_TODAY=2026-11-23
C=$S/.caseload/cache
# A broken record and a decoding warning, whose messages must survive caching.
printf 'date: 2026-11-01T10:00\nkind: call\nsummary: "never closed\n' > "$S/clients/RZ5A1E/contacts/2026-11-01T1000-call.yaml"
sed -i 's/^opened: .*/opened: 2026-02-30/' "$S/clients/S4E9HY/client.yaml"

# Every command's output, exit code and warnings, in one text.
outputs() {
  local args
  for args in "list --status all --format json" "find maria" "find 2026-00" "followups --format json --until +30d" \
    "show santos" "show Åse" "list --status closed --format csv"; do
    # shellcheck disable=SC2086
    run $args
    printf '== %s (exit %s)\n%s\n-- stderr\n%s\n' "$args" "$status" "$out" "$err"
  done
}

# The outputs with the cache as it is now must equal those computed from the
# records alone (no cache folder).
assert_same_as_uncached() {
  local got want
  got=$(outputs)
  mv "$C" "$T/cache.aside"
  want=$(outputs)
  rm -rf "$C" && mv "$T/cache.aside" "$C"
  assert_eq "$want" "$got" "outputs with the cache ($1)"
}

# Files written within two seconds are not cached (a change in the same
# timestamp tick could go unseen), so let the store settle first.
sleep 2.2
fresh=$(outputs)
assert_eq 3 "$(grep -c 'RZ5A1E/contacts/2026-11-01T1000-call.yaml:3:10: error: YAML syntax: a quoted string is never closed' <<<"$fresh")" \
  "the broken contact reported by both lists and followups"
assert_eq 1 "$(grep -c '^Åse Østby  E3N6WC$' <<<"$fresh")" "show by name"
assert_file_contains "$C/clients-R" "clients/RZ5A1E/contacts/2026-11-01T1000-call.yaml"
assert_mode "$S/.caseload/cache" 700
assert_mode "$C/clients-R" 600
assert_mode "$C/resources" 600

# Warm: read from the cache, which is then not rewritten.
stamps=$(stat -c '%n %Y %i' "$C"/*)
assert_eq "$fresh" "$(outputs)" "outputs with a warm cache"
assert_eq "$stamps" "$(stat -c '%n %Y %i' "$C"/*)" "cache files after a warm run"

# A corrupt, truncated or foreign cache file is ignored and rebuilt.
printf 'X' | dd of="$C/clients-7" bs=1 seek=200 conv=notrunc status=none
head -c 100 "$C/clients-3" > "$C/clients-3.cut" && mv "$C/clients-3.cut" "$C/clients-3"
echo "not a cache" > "$C/resources"
assert_eq "$fresh" "$(outputs)" "outputs with corrupt cache files"
assert_same_as_uncached "after corruption"

# A hand edit that keeps the size, the inode and (put back) the mtime: only
# the ctime tells. Maria Santos becomes Marta Santos.
f=$S/clients/7RJ5NB/client.yaml
mtime=$(stat -c %y "$f")
inode=$(stat -c %i "$f")
text=$(<"$f")
printf '%s\n' "${text/Maria Santos/Marta Santos}" > "$f"
touch -d "$mtime" "$f"
assert_eq "$inode $mtime" "$(stat -c %i "$f") $(stat -c %y "$f")" "inode and mtime kept"
run show marta
assert_exit 0
assert_stdout_contains "Marta Santos"
assert_same_as_uncached "after a same-size edit"

# An edit with its mtime put far back in time.
f=$S/clients/E3N6WC/client.yaml
sed -i 's/^risk: .*/risk: high/' "$f"
touch -d "2020-01-01 00:00" "$f"
run list --status all --format json --worker berg
assert_stdout_contains '"risk": "high"'
assert_same_as_uncached "after touch -d back in time"

# A deleted record and a new one.
rm "$S/clients/9GQ2TF/contacts/2026-11-16T1100-call.yaml"
cp "$S/clients/H2W9TD/contacts/2026-11-16T1000-office.yaml" "$S/clients/H2W9TD/contacts/2026-11-20T1000-office.yaml"
assert_same_as_uncached "after a deletion and an addition"

# A checkout of an older version (git writes a new file, possibly with the
# same size and an old mtime).
sleep 2.2
git -C "$S" init -q && git -C "$S" add -A && git -C "$S" -c user.name=t -c user.email=t@example.org commit -qm v1
f=$S/clients/3FZK8R/plan.yaml
sed -i 's/due: 2026-/due: 2027-/' "$f"
git -C "$S" -c user.name=t -c user.email=t@example.org commit -qam v2
sleep 2.2
outputs >/dev/null   # the cache now holds the v2 plan
assert_file_contains "$f" "due: 2027-"
git -C "$S" checkout -q HEAD~1 -- clients/3FZK8R/plan.yaml
assert_file_not_contains "$f" "due: 2027-"
assert_same_as_uncached "after git checkout of an older version"

# No cache folder at all, and a store where it cannot be written.
rm -rf "$S/.caseload"
assert_eq "$(outputs)" "$(outputs)" "outputs without, then with a cache"
rm -rf "$S/.caseload" && mkdir -m 500 "$S/.caseload"
if [ ! -w "$S/.caseload" ]; then  # root writes anyway
  run list --status all
  assert_exit 0
  assert_stderr_contains "RZ5A1E"
  assert_not_exists "$C"
fi
chmod 700 "$S/.caseload"
pass
