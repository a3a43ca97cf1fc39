# list --as-of and followups --as-of (issue 17): the store as its git
# history holds it at the end of a past day, read without touching the
# working tree, the index or the cache; errors outside git, before the first
# commit and after today; a link committed in clients/ is never followed.
source "$TESTLIB"

export HOME=$T/home GIT_CONFIG_NOSYSTEM=1 TZ=UTC
mkdir -p "$HOME"
# on DAY: the commands that follow commit on that day (and take it as today).
on() {
  export CASELOAD_TODAY=$1 GIT_AUTHOR_DATE="$1T12:00:00" GIT_COMMITTER_DATE="$1T12:00:00"
}
S=$T/store

# --- a history of three days -------------------------------------------------------
on 2026-01-05
new_store "$S"
run --root "$S" intake --name "Ana Lima" --no-input
assert_exit 0
ANA=$out
run --root "$S" plan "$ANA" goal add "Stable housing" --domain housing
run --root "$S" plan "$ANA" task add g1 "Apply for housing allowance" --due 2026-01-20
assert_exit 0

on 2026-02-10
run --root "$S" intake --name "Bruno Costa" --no-input
assert_exit 0
BRUNO=$out

on 2026-03-01
run --root "$S" plan "$ANA" done t1
assert_exit 0
run --root "$S" close "$ANA" --reason moved
assert_exit 0
unset CASELOAD_TODAY GIT_AUTHOR_DATE GIT_COMMITTER_DATE
export CASELOAD_TODAY=2026-03-10

# The present, for comparison.
run --root "$S" list --status all --format csv
assert_exit 0
assert_stdout_contains "$ANA,Ana Lima,aoki,closed"
run --root "$S" followups
assert_stdout_not_contains() { case "$out" in *"$1"*) fail "stdout contains '$1': $out" ;; esac; CHECKS=$((CHECKS + 1)); }
assert_stdout_not_contains "Apply for housing allowance"

# stats now: Ana closed. Run before the picture below: a present-time read
# may still fill the cache (records younger than the cache's settle window
# are not cached at first), which must not count against --as-of.
run --root "$S" stats caseload --format json
assert_stdout_matches '"open": 1,'
assert_stdout_matches '"clients": 2,'

# Warm the present cache, then keep a picture of everything git and the
# cache hold, to compare after the runs with --as-of.
run --root "$S" list --status all
before_tree=$(snapshot "$S")
before_status=$(git --no-optional-locks -C "$S" status --porcelain --ignored)
before_index=$(cksum <"$S/.git/index")
before_cache=$(cd "$S/.caseload" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0r cksum)

# --- as it was ---------------------------------------------------------------------
# End of 31 January: Ana open, Bruno not yet a client.
run --root "$S" list --as-of 2026-01-31 --status all --format csv
assert_exit 0
assert_stderr_empty
assert_stdout_contains "$ANA,Ana Lima,aoki,open"
assert_stdout_not_contains "$BRUNO"
# stats as of that day: one open client (Ana), none closed.
run --root "$S" stats caseload --as-of 2026-01-31 --format json
assert_exit 0
assert_stdout_matches '"open": 1,'
run --root "$S" stats caseload --as-of 2026-01-31 --format json
assert_stdout_matches '"clients": 1,'
# The day the task was due and not done: a follow-up, 11 days late on that day.
run --root "$S" followups --as-of 2026-01-31 --format csv
assert_exit 0
assert_stdout_contains "2026-01-20,task,$ANA,Ana Lima"
assert_stdout_matches ',11,$|,11,[^,]*$'
# --today still says which day the list is counted from.
run --root "$S" followups --as-of 2026-01-31 --today 2026-02-05 --format json
assert_exit 0
assert_stdout_contains '"overdue": 16'
# A commit made during the day counts for that day: the end of 10 February has Bruno.
run --root "$S" list --as-of 2026-02-10 --format csv
assert_exit 0
assert_stdout_contains "$ANA,Ana Lima"
assert_stdout_contains "$BRUNO,Bruno Costa"
# Relative dates count from today (2026-03-10): -5w is 2026-02-03, before Bruno.
run --root "$S" list --as-of -5w --format csv
assert_exit 0
assert_stdout_not_contains "$BRUNO"
# Closed on 1 March: open at the end of 28 February, closed at the end of 1 March.
run --root "$S" list --as-of 2026-02-28 --status closed
assert_exit 0
assert_stdout_not_contains "$ANA"
run --root "$S" list --as-of 2026-03-01 --status closed --format csv
assert_stdout_contains "$ANA,Ana Lima,aoki,closed"
# Naming a client by name finds it in the past store.
run --root "$S" followups --as-of 2026-01-31 --client ana --format csv
assert_exit 0
assert_stdout_contains "task,$ANA"

# Nothing of the store, the index or the cache changed.
assert_eq "$before_tree" "$(snapshot "$S")" "the working tree after --as-of"
assert_eq "$before_status" "$(git --no-optional-locks -C "$S" status --porcelain --ignored)" "git status after --as-of"
assert_eq "$before_index" "$(cksum <"$S/.git/index")" "the index after --as-of"
assert_eq "$before_cache" "$(cd "$S/.caseload" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0r cksum)" \
  "the cache after --as-of"
# And the present is read as before, from its cache.
run --root "$S" list --status all --format csv
assert_stdout_contains "$ANA,Ana Lima,aoki,closed"

# --- errors ------------------------------------------------------------------------
run --root "$S" list --as-of 2025-12-31
assert_exit 1
assert_stderr_contains "the store's history begins on 2026-01-05"
assert_stderr_contains "give a date on or after 2026-01-05"
run --root "$S" followups --as-of 2026-03-11
assert_exit 2
assert_stderr_contains "--as-of 2026-03-11 is after today (2026-03-10)"
run --root "$S" followups --as-of someday
assert_exit 2
assert_stderr_contains "--as-of: 'someday' is not a date"
copy_examples "$T/plain"
rm -rf "$T/plain/.caseload"
run --root "$T/plain" followups --as-of 2026-01-31
assert_exit 1
assert_stderr_contains "this store is not a git repository"
assert_not_exists "$T/plain/.caseload/cache"
# A store inside another repository has no history of its own.
mkdir "$T/outer" && git -C "$T/outer" init -q && cp -R "$EXAMPLES/agency" "$T/outer/agency"
git -C "$T/outer" add -A && git -C "$T/outer" -c user.name=x -c user.email=x@x commit -qm outer
run --root "$T/outer/agency" list --as-of 2026-03-01
assert_exit 1
assert_stderr_contains "a folder inside the repository at"
# A repository without a commit.
mkdir "$T/empty" && cp "$S/caseload.yaml" "$T/empty/" && git -C "$T/empty" init -q
run --root "$T/empty" list --as-of 2026-03-01
assert_exit 1
assert_stderr_contains "the store has no commits yet"

# --- a hostile past: links committed in the store are never followed ----------------
echo "secret outside the store" >"$T/outside.yaml"
printf 'date: 2026-03-04\nkind: call\nstatus: done\nsummary: planted\n' >"$T/planted.yaml"
mkdir -p "$S/clients/$BRUNO/contacts"
ln -s "$T/planted.yaml" "$S/clients/$BRUNO/contacts/2026-03-04T0000-call-lnk1.yaml"
ln -s "$S/clients/$BRUNO" "$S/clients/ZZZZZZ"
ln -s "$T/outside.yaml" "$S/clients/$ANA/plan.yaml.bak"
git -C "$S" add -A && GIT_COMMITTER_DATE=2026-03-05T12:00:00 git -C "$S" -c user.name=x -c user.email=x@x commit -qm links
rm "$S/clients/$BRUNO/contacts/2026-03-04T0000-call-lnk1.yaml" "$S/clients/ZZZZZZ" "$S/clients/$ANA/plan.yaml.bak"
git -C "$S" add -A && GIT_COMMITTER_DATE=2026-03-06T12:00:00 git -C "$S" -c user.name=x -c user.email=x@x commit -qm unlinks
run --root "$S" followups --as-of 2026-03-05 --format csv
assert_exit 0
assert_stderr_contains "clients/$BRUNO/contacts/2026-03-04T0000-call-lnk1.yaml: error: symbolic link in the store's history"
assert_stderr_contains "clients/ZZZZZZ/client.yaml: error: symbolic link in the store's history"
assert_stdout_contains "unreadable,$BRUNO"
assert_stdout_not_contains "planted"
assert_stdout_not_contains "secret"
case "$err" in *planted*|*secret*) fail "a link's target was read: $err" ;; esac
run --root "$S" list --as-of 2026-03-05 --status all
assert_exit 0
assert_stdout_contains "ZZZZZZ"
assert_stdout_contains "symbolic link in the store's history"
# The day after, the links are gone from the history.
run --root "$S" followups --as-of 2026-03-06
assert_exit 0
assert_stderr_empty

pass
