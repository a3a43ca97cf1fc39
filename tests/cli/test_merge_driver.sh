# caseload merge-driver: the driver on three files as git passes them
# (clean merge, named conflict, fallbacks to git's line merge), then real
# `git merge`s of two branches of a store that use it.
source "$TESTLIB"

P=clients/K7Q2MX/client.yaml
cat > base.yaml <<'YAML'
id: K7Q2MX
name: Siti Rahayu
phone: "+62 812 5550 1234"
worker: aoki
status: open
opened: 2026-11-23
tags: [family]
YAML

# --- Different keys changed on the two sides: merged, canonical, exit 0. ---
sed 's/5550 1234/5550 9999/' base.yaml > ours.yaml
sed 's/^tags: \[family\]$/tags: [family, priority]\nmy_own_key: kept/' base.yaml > theirs.yaml
cp theirs.yaml theirs.before
run merge-driver base.yaml ours.yaml theirs.yaml "$P"
assert_exit 0
assert_stderr_empty
assert_eq 'id: K7Q2MX
name: Siti Rahayu
phone: "+62 812 5550 9999"
worker: aoki
status: open
opened: 2026-11-23
tags: [family, priority]
my_own_key: kept' "$(cat ours.yaml)" "the merged record"
assert_same_bytes theirs.before theirs.yaml

# --- Both sides changed the phone: a named conflict, both values kept. ---
sed 's/5550 1234/1111 1111/' base.yaml > ours.yaml
sed -e 's/5550 1234/2222 2222/' -e 's/^worker: aoki$/worker: berg/' base.yaml > theirs.yaml
run merge-driver base.yaml ours.yaml theirs.yaml "$P"
assert_exit 1
assert_stderr_contains "$P: conflict in phone"
assert_file_not_contains "$T/stderr" "1111"   # values are personal data: never in messages
assert_file_not_contains "$T/stderr" "2222"
assert_file_line ours.yaml '<<<<<<< ours'
assert_file_line ours.yaml 'phone: "+62 812 1111 1111"'
assert_file_line ours.yaml '======='
assert_file_line ours.yaml 'phone: "+62 812 2222 2222"'
assert_file_line ours.yaml '>>>>>>> theirs'
assert_file_line ours.yaml 'worker: berg'   # the rest still merged
assert_eq 5 "$(grep -c '' <(sed -n '/^<<<<<<< ours$/,/^>>>>>>> theirs$/p' ours.yaml))" "lines between the markers"

# --- Tasks added to one goal on both sides under one ID: unique IDs. ---
cat > base.yaml <<'YAML'
goals:
  - id: g1
    text: Move into stable housing
    status: active
    tasks:
      - id: t1
        text: Apply for housing benefit
        status: todo
YAML
{ cat base.yaml; printf '      - id: t2\n        text: Call the landlord\n        status: todo\n'; } > ours.yaml
{ cat base.yaml; printf '      - id: t2\n        text: Book a viewing\n        status: todo\n'; } > theirs.yaml
run merge-driver base.yaml ours.yaml theirs.yaml clients/K7Q2MX/plan.yaml
assert_exit 0
assert_eq "t1 t2 t3" "$(grep -o 'id: t[0-9]*' ours.yaml | cut -c5- | tr '\n' ' ' | sed 's/ $//')" "task IDs"
assert_eq "        text: Book a viewing" "$(grep -A1 'id: t3' ours.yaml | tail -1)" "the incoming task is t3"

# --- A path the store does not know: git's line merge. ---
printf 'a\nb\nc\n' > base.txt
printf 'A\nb\nc\n' > ours.txt
printf 'a\nb\nC\n' > theirs.txt
run merge-driver base.txt ours.txt theirs.txt notes/readme.txt
assert_exit 0
assert_eq $'A\nb\nC' "$(cat ours.txt)" "line merge of an unknown path"
printf 'X\nb\nc\n' > theirs.txt
run merge-driver base.txt ours.txt theirs.txt notes/readme.txt
assert_exit 1
assert_file_line ours.txt '<<<<<<< ours'
assert_file_line ours.txt 'A'
assert_file_line ours.txt 'X'

# --- A side that does not parse: line merge, both sides kept, never a crash. ---
cat > base.yaml <<'YAML'
id: K7Q2MX
name: Siti Rahayu
worker: aoki
status: open
opened: 2026-11-23
tags: [family]
YAML
sed 's/^tags: \[family\]$/tags: [family, "priority/' base.yaml > ours.yaml   # unclosed quote
sed 's/^worker: aoki$/worker: berg/' base.yaml > theirs.yaml
run merge-driver base.yaml ours.yaml theirs.yaml "$P"
assert_exit 0
assert_stderr_matches "^$P:[0-9]+:[0-9]+: our version does not parse as a record; merging it line by line$"
assert_file_not_contains "$T/stderr" "priority"
assert_file_line ours.yaml 'tags: [family, "priority'
assert_file_line ours.yaml 'worker: berg'

# --- Real merges in a store: git calls the driver for files changed on both sides. ---
export HOME=$T GIT_CONFIG_NOSYSTEM=1 CASELOAD_TODAY=2026-11-23
new_store s
cd s || fail "no store"
export CASELOAD_ROOT=$PWD
git init -q
git config user.name tester
git config user.email tester@example.org
git config merge.caseload.driver "$CASELOAD merge-driver %O %A %B %P"
printf '*.yaml text eol=lf merge=caseload\n' > .gitattributes
commit() { git add -A && git commit -q --allow-empty -m "$1" || fail "git commit failed"; }
run intake --name "Siti Rahayu" --phone "+358 40 555 0100" --tag family
assert_exit 0
ID=$out
run plan "$ID" goal add "Move into stable housing"
commit base
MAIN=$(git symbolic-ref --short HEAD)
git checkout -q -b a
run plan "$ID" task add g1 "Call the landlord"
assert_eq t1 "$out" "task ID on branch a"
sed -i 's/^tags: \[family\]$/tags: [family, priority]/' "clients/$ID/client.yaml"
commit "a"
git checkout -q "$MAIN"
git checkout -q -b b
run plan "$ID" task add g1 "Book a viewing"
assert_eq t1 "$out" "task ID on branch b"
sed -i 's/^worker: aoki$/worker: aoki\nlocker: B12/' "clients/$ID/client.yaml"
commit "b"
git checkout -q a
git merge -q --no-edit b >"$T/merge.out" 2>&1
assert_eq 0 "$?" "git merge of a and b ($(cat "$T/merge.out"))"
assert_file_not_contains "clients/$ID/plan.yaml" "<<<<<<<"
assert_eq "        text: Book a viewing" "$(grep -A1 'id: t2' "clients/$ID/plan.yaml" | tail -1)" "b's task became t2"
assert_file_line "clients/$ID/client.yaml" "tags: [family, priority]"
assert_file_line "clients/$ID/client.yaml" "locker: B12"
run check
assert_exit 0

# Both branches change the phone: git reports a conflict that names the field.
git checkout -q -b c
sed -i 's/555 0100/555 0111/' "clients/$ID/client.yaml"
commit "c"
git checkout -q a
git checkout -q -b d
sed -i 's/555 0100/555 0122/' "clients/$ID/client.yaml"
commit "d"
git merge --no-edit c >"$T/merge.out" 2>&1
assert_eq 1 "$?" "git merge of d and c"
assert_file_contains "$T/merge.out" "clients/$ID/client.yaml: conflict in phone"
assert_file_contains "$T/merge.out" "CONFLICT"
assert_file_not_contains "$T/merge.out" "555 01"
assert_file_line "clients/$ID/client.yaml" 'phone: "+358 40 555 0122"'
assert_file_line "clients/$ID/client.yaml" 'phone: "+358 40 555 0111"'
assert_file_line "clients/$ID/client.yaml" '<<<<<<< ours'
run check
assert_exit 3
assert_stdout_contains "clients/$ID/client.yaml"

# --- The driver outlives its binary (issue 15) -------------------------------
# Registered by a binary that is later removed (a build folder deleted), git
# must still merge with conflict markers: without a fallback it kept "ours"
# and the other side was silently lost at the next `git add`.
git merge --abort
cd "$T" || fail "no T"
unset CASELOAD_ROOT
mkdir -p gone
cp "$CASELOAD" gone/caseload
"$T/gone/caseload" init s2 --worker "aoki:Hana Aoki" >/dev/null 2>&1 || fail "init with the copy failed"
cd s2 || fail "no store"
git config user.name tester
git config user.email tester@example.org
"$T/gone/caseload" intake --name "Ana Cruz" --phone "+63 2 555 0100" >/dev/null 2>&1 || fail "intake"
CID=$(ls clients)
MAIN=$(git symbolic-ref --short HEAD)
git checkout -q -b e
sed -i 's/555 0100/555 0133/' "clients/$CID/client.yaml"
commit "e"
git checkout -q "$MAIN"
sed -i 's/555 0100/555 0144/' "clients/$CID/client.yaml"
commit "main"
rm -r "$T/gone"
PATH=/usr/bin:/bin git merge --no-edit e >"$T/merge.out" 2>&1
assert_eq 1 "$?" "git merge with the driver's binary gone"
assert_file_line "clients/$CID/client.yaml" 'phone: "+63 2 555 0144"'
assert_file_line "clients/$CID/client.yaml" 'phone: "+63 2 555 0133"'
assert_file_contains "clients/$CID/client.yaml" "<<<<<<< ours"
pass
