# Issue 15: no commit lost. A busy .git/index.lock (another git program) is
# waited for; a stale one is removed (by the next command or check --fix);
# one held for good is exit 1 with the record listed for later; what
# a command wrote but could not commit is committed by the next command that
# writes; temp files are never committed.
source "$TESTLIB"
export HOME=$T/home GIT_CONFIG_NOSYSTEM=1 CASELOAD_TODAY=2026-11-23 CASELOAD_WORKER=aoki
mkdir -p "$HOME"
new_store s
S=$T/s
clean() { git -C "$S" status --porcelain --untracked-files=all; }

# A lock held for a moment by another git program: waited for, committed.
touch "$S/.git/index.lock"
(sleep 1.5; rm -f "$S/.git/index.lock") &
run --root "$S" intake --name "Siti Rahayu" --born 1980-02-03
assert_exit 0
wait
assert_eq "" "$(clean)" "uncommitted files after a busy index.lock"
assert_eq 2 "$(git -C "$S" rev-list --count HEAD)" "commits after the busy index.lock"

# A stale lock (left by a killed git: old, and no process holds it open)
# blocks every commit: `check` names it, the next command removes it, says
# so and commits.
touch -d '-5 minutes' "$S/.git/index.lock"
run --root "$S" check
assert_exit 3
assert_stdout_contains ".git/index.lock: error: a stale git lock"
assert_stdout_contains "caseload check --fix"
run --root "$S" intake --name "Rosa Lind" --born 1985-05-05
assert_exit 0
assert_stderr_contains "removed a stale .git/index.lock"
assert_not_exists "$S/.git/index.lock"
assert_eq "" "$(clean)" "uncommitted files after a stale index.lock"
assert_eq 3 "$(git -C "$S" rev-list --count HEAD)" "commits after the stale index.lock"
# `check --fix` removes one too.
touch -d '-5 minutes' "$S/.git/index.lock"
run --root "$S" check --fix
assert_exit 0
assert_stderr_contains "removed a stale .git/index.lock"
assert_not_exists "$S/.git/index.lock"

# A lock another git program holds open all along: after a bounded wait,
# exit 1, the record kept, listed by `check`, never `git add -A` suggested.
sleep 60 9>>"$S/.git/index.lock" &
holder=$!
touch -d '-5 minutes' "$S/.git/index.lock"
run --root "$S" intake --name "Ana Cruz" --born 1990-01-01
assert_exit 1
assert_stderr_contains "written but not committed"
assert_stderr_contains "another git program is using the repository"
assert_file_not_contains "$T/stderr" "git add -A"
kill "$holder"; wait "$holder" 2>/dev/null
rm "$S/.git/index.lock"
ana=$(ls -t "$S/clients" | head -n 1)
assert_exists "$S/clients/$ana/client.yaml"
run --root "$S" check
assert_exit 0
assert_stdout_contains "clients/$ana/client.yaml: warning: written by caseload but not committed"

# A temp file left by an interrupted write is never committed.
siti=$(grep -l "Siti" "$S"/clients/*/client.yaml | xargs dirname | xargs basename)
echo "name: leftover" >"$S/clients/$siti/.client.yaml.tmp-AbC123"

# The next write commits its own change and the one left behind.
run --root "$S" contact "$siti" "Phone call about the rent" --kind call
assert_exit 0
assert_eq 4 "$(git -C "$S" rev-list --count HEAD)" "commits after recovery"
committed=$(git -C "$S" show --name-only --format= HEAD)
assert_eq 1 "$(grep -c "^clients/$ana/client.yaml$" <<<"$committed")" "the left-over client in the commit"
assert_eq 1 "$(grep -c "^clients/$siti/contacts/" <<<"$committed")" "the contact in the commit"
assert_eq "" "$(clean)" "uncommitted files after recovery"
git -C "$S" check-ignore -q "clients/$siti/.client.yaml.tmp-AbC123" || fail "a temp file is not ignored by git"
_check; ! git -C "$S" ls-files | grep -q "tmp-" || fail "a temp file was committed"

# `check --fix` commits leftovers when no other write comes.
echo "phone: \"+358 40 1\"" >>"$S/clients/$siti/client.yaml"
remember() { printf '%s\n' "$1" >>"$S/.caseload/uncommitted"; }
remember "clients/$siti/client.yaml"
remember "clients/$siti/.client.yaml.tmp-AbC123"
run --root "$S" check --fix
assert_exit 0
assert_stderr_contains "committed the records earlier commands had left uncommitted"
assert_eq 5 "$(git -C "$S" rev-list --count HEAD)" "commits after check --fix"
assert_eq "" "$(clean)" "check --fix left a record uncommitted"
pass
