# Issue 15: no commit lost. A busy .git/index.lock (another git program) is
# waited for; a stale one is named with the fix and the command exits 1; what
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

# A stale lock (left by a killed git): exit 1, the record kept, the fix named.
touch -d '-5 minutes' "$S/.git/index.lock"
run --root "$S" intake --name "Ana Cruz" --born 1990-01-01
assert_exit 1
assert_stderr_contains "written but not committed"
assert_stderr_contains "stale .git/index.lock"
assert_stderr_contains "rm $S/.git/index.lock"
assert_file_not_contains "$T/stderr" "git add -A"
ana=$(ls -t "$S/clients" | head -n 1)
assert_exists "$S/clients/$ana/client.yaml"
rm "$S/.git/index.lock"

# A temp file left by an interrupted write is never committed.
siti=$(cd "$S/clients" && ls | grep -v "$ana")
echo "name: leftover" >"$S/clients/$siti/.client.yaml.tmp-AbC123"

# The next write commits its own change and the one left behind.
run --root "$S" contact "$siti" "Phone call about the rent" --kind call
assert_exit 0
assert_eq 3 "$(git -C "$S" rev-list --count HEAD)" "commits after recovery"
committed=$(git -C "$S" show --name-only --format= HEAD)
assert_eq 1 "$(grep -c "^clients/$ana/client.yaml$" <<<"$committed")" "the left-over client in the commit"
assert_eq 1 "$(grep -c "^clients/$siti/contacts/" <<<"$committed")" "the contact in the commit"
assert_eq "?? clients/$siti/.client.yaml.tmp-AbC123" "$(clean)" "only the temp file is left uncommitted"
_check; ! git -C "$S" ls-files | grep -q "tmp-" || fail "a temp file was committed"
pass
