# A git-native store: init, autocommit, git, log, clone, sync and clean
# merges between three clones of one shared (bare) repository.
source "$TESTLIB"

# Git configuration of this test only: no identity, so the program must sign
# commits itself; no system or user settings leak in.
export HOME=$T/home GIT_CONFIG_NOSYSTEM=1
mkdir -p "$HOME"
export CASELOAD_TODAY=2026-11-23
commits() { git -C "$1" rev-list --count HEAD; }
subjects() { git -C "$1" log --format=%s; }

# --- init ------------------------------------------------------------------------
run init seed --agency "Harbour City" --worker "aoki:Hana Aoki" --worker "berg:Ingrid Berg" --worker "cruz:Ana Cruz"
assert_exit 0
S=$T/seed
assert_exists "$S/.git"
assert_file_line "$S/.gitattributes" "*.yaml text eol=lf merge=caseload"
assert_eq "1" "$(commits "$S")" "commits after init"
assert_eq "init" "$(subjects "$S")" "first commit"
assert_eq "" "$(git -C "$S" status --porcelain)" "uncommitted files after init"
driver=$(git -C "$S" config merge.caseload.driver | tr -d "'")
case "$driver" in *"for c in caseload $CASELOAD;"*"merge-driver %O %A %B %P"*"git merge-file"*) ;; *) fail "merge driver: $driver" ;; esac

# --- autocommit: one commit of exactly the files a command wrote --------------------
run --root "$S" intake --name "Siti Rahayu" --phone "+62 812 5550 1234" --score housing=2 --no-input
assert_exit 0
SITI=$out
assert_eq 2 "$(commits "$S")" "commits after intake"
assert_eq "intake $SITI" "$(git -C "$S" log -1 --format=%s)" "intake's commit message"
files=$(git -C "$S" show --name-only --format= HEAD | sort)
assert_eq 2 "$(wc -l <<<"$files")" "files in the intake commit"
only_file A "$S/clients/$SITI/assessments/2026-11-23-$NAME_SUFFIX_GLOB.yaml"
assert_eq "$(printf 'clients/%s/%s\nclients/%s/client.yaml' "$SITI" "${A#"$S/clients/$SITI/"}" "$SITI")" "$files" "the intake commit"
assert_eq "" "$(git -C "$S" status --porcelain)" "uncommitted files after intake"

run --root "$S" contact "$SITI" "Called about the rent" --kind call --date 2026-11-23T10:00
assert_exit 0
stem=$(basename "$out" .yaml)
assert_eq "contact $SITI $stem" "$(git -C "$S" log -1 --format=%s)" "contact's commit message"
assert_eq "$out" "$(git -C "$S" show --name-only --format= HEAD)" "the contact commit"

run --root "$S" plan "$SITI" goal add "Stable housing" --domain housing
run --root "$S" plan "$SITI" task add g1 "Apply for housing benefit" --due +7d
assert_eq "plan $SITI task add t1" "$(git -C "$S" log -1 --format=%s)" "plan's commit message"
run --root "$S" plan "$SITI" done t1
assert_eq "plan $SITI t1 done" "$(git -C "$S" log -1 --format=%s)" "plan done's commit message"

# Nothing changed, or the command failed: no commit.
n=$(commits "$S")
run --root "$S" fmt
assert_exit 0
run --root "$S" contact "$SITI" "Bad date" --date 2026-02-30
assert_exit 2
run --root "$S" refer "$SITI" nowhere --reason "x"
assert_exit 1
assert_eq "$n" "$(commits "$S")" "commits after no change and failures"

# --- git and log --------------------------------------------------------------------
run --root "$S" git log --oneline -n 1
assert_exit 0
assert_stdout_contains "plan $SITI t1 done"
run --root "$S" git no-such-subcommand
assert_exit 1
run --root "$S" log siti
assert_exit 0
assert_stdout_contains "intake $SITI"
assert_stdout_contains "contact $SITI $stem"
assert_stdout_matches "^    changed  plan.yaml: goals\[g1\]\.tasks\[t1\]\.status, goals\[g1\]\.tasks\[t1\]\.done$"
assert_stdout_matches "^    added    contacts/$stem.yaml$"
assert_stdout_matches "^2026-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}  aoki  intake $SITI$"
_check; ! grep -q "Rahayu\|5550" "$T/stdout" || fail "log shows personal data"
run --root "$S" log siti --format json
assert_exit 0
assert_stdout_contains '"fields": ["goals[g1].tasks[t1].status", "goals[g1].tasks[t1].done"]'

# --- a store inside another repository: never touch the outer one --------------------
mkdir outer && git -C outer init -q
run init outer/store --worker aoki
assert_exit 0
assert_stderr_contains "inside the git repository"
assert_not_exists "$T/outer/store/.git"
run --root outer/store intake --name "Outer Person" --no-input
assert_exit 0
assert_stderr_contains "never commits to an outer repository"
_check; ! git -C outer rev-parse -q --verify HEAD >/dev/null || fail "a commit was made in the outer repository"

# --- three clones of one shared store ------------------------------------------------
run --root "$S" resource add food-bank-north --name "North Side Food Bank" --domain food
assert_exit 0
run --root "$S" resource add legal-aid --name "Legal Aid" --domain legal
assert_eq "resource legal-aid" "$(git -C "$S" log -1 --format=%s)" "resource's commit message"
run --root "$S" refer "$SITI" legal-aid --reason "Eviction notice" --consent-given
assert_exit 0
REF=$out
assert_eq "refer $SITI $REF" "$(git -C "$S" log -1 --format=%s)" "refer's commit message"
assert_eq 2 "$(git -C "$S" show --name-only --format= HEAD | wc -l)" "files in the refer commit (client.yaml with the consent, the referral)"
run --root "$S" referral "$SITI" "$REF" accepted
assert_exit 0
assert_eq "referral $SITI $REF accepted" "$(git -C "$S" log -1 --format=%s)" "referral's commit message"
git clone -q --bare "$S" hub.git
for w in a b c; do
  run clone hub.git $w
  assert_exit 0
  assert_stdout_contains "Cloned"
  assert_eq "$driver" "$(git -C $w config merge.caseload.driver | tr -d "'")" "merge driver in clone $w"
done
assert_stderr_contains "no user.name"
as() { local clone=$1 worker=$2; shift 2; CASELOAD_WORKER=$worker run --root "$T/$clone" "$@"; }

# Every clone adds, on the same client at the same minute, a contact and a
# referral, its own new client, and plan changes; then they sync in turn.
for w in a b c; do
  worker=$(case $w in a) echo aoki ;; b) echo berg ;; c) echo cruz ;; esac)
  as $w $worker contact "$SITI" "Home visit by $w" --kind visit --date 2026-11-23T14:00
  assert_exit 0
  as $w $worker refer "$SITI" food-bank-north --reason "Food parcel ($w)" --consent-given
  assert_exit 0
  as $w $worker intake --name "Client Of $w" --no-input
  assert_exit 0
  as $w $worker plan "$SITI" task add g1 "Task from $w"
  assert_exit 0
  assert_stdout_contains "t2"   # every clone takes the next free ID: the merge renumbers
done
EDITOR="sed -i -e 's/^phone: .*/phone: \"+62 812 0000 0001\"/'" as a aoki edit "$SITI"
assert_exit 0
EDITOR="sed -i -e 's/^risk: .*//' -e '\$a risk: high'" as b berg edit "$SITI"
assert_exit 0
as b berg plan "$SITI" status g1 achieved
assert_exit 0
for w in a b c a b; do
  as $w aoki sync
  assert_exit 0
  assert_stdout_contains "Synced"
done
tree() { git -C "$T/$1" rev-parse 'HEAD^{tree}'; }
assert_eq "$(tree a)" "$(tree b)" "clones a and b"
assert_eq "$(tree a)" "$(tree c)" "clones a and c"
assert_eq "$(tree a)" "$(git -C hub.git rev-parse 'HEAD^{tree}')" "clone a and the shared repository"
A=$T/a
assert_eq 3 "$(ls "$A/clients/$SITI/contacts" | grep -c '^2026-11-23T1400-visit-')" "the three same-minute visits"
assert_eq 3 "$(ls "$A/clients/$SITI/referrals" | grep -c '^2026-11-23-food-bank-north-')" "the three referrals"
assert_eq 4 "$(ls "$A/clients" | wc -l)" "clients: the seed's and the three new ones"
assert_file_line "$A/clients/$SITI/client.yaml" 'phone: "+62 812 0000 0001"'
assert_file_line "$A/clients/$SITI/client.yaml" "risk: high"
tasks=$(grep -E '^      - id: t[0-9]+$' "$A/clients/$SITI/plan.yaml" | sort)
assert_eq 4 "$(wc -l <<<"$tasks")" "tasks in the plan"
assert_eq 4 "$(uniq <<<"$tasks" | wc -l)" "distinct task IDs"
for w in a b c; do
  assert_file_contains "$A/clients/$SITI/plan.yaml" "Task from $w"
done
assert_file_line "$A/clients/$SITI/plan.yaml" "    status: achieved"
_check; ! grep -rq '^<<<<<<<\|^>>>>>>>' "$A/clients" || fail "conflict markers after sync"
run --root "$A" check
assert_exit 0
for w in a b c; do
  assert_eq "" "$(git -C "$T/$w" status --porcelain)" "uncommitted files in clone $w"
done
_check; ! subjects "$A" | grep -qi "siti\|rahayu\|client of\|visit by\|food parcel\|task from" ||
  fail "a commit message holds personal data: $(subjects "$A" | grep -i "siti\|rahayu\|client of\|visit by\|parcel\|task from")"

# --- a true conflict: named, stoppable, resumable ---------------------------------------
EDITOR="sed -i -e 's/^phone: .*/phone: \"+62 811 1111 1111\"/'" as a aoki edit "$SITI"
as a aoki sync
assert_exit 0
EDITOR="sed -i -e 's/^phone: .*/phone: \"+62 822 2222 2222\"/'" as b berg edit "$SITI"
cp "$T/b/clients/$SITI/client.yaml" "$T/mine.yaml"
as b berg sync
assert_exit 1
assert_stderr_contains "clients/$SITI/client.yaml: conflict in phone"
assert_stderr_contains "caseload sync --continue"
_check; ! grep -q "1111\|2222" "$T/stderr" || fail "sync printed the conflicting values"
as b berg sync --abort
assert_exit 0
assert_same_bytes "$T/mine.yaml" "$T/b/clients/$SITI/client.yaml"
as b berg sync
assert_exit 1
# While a sync is stopped nothing is written: a record committed onto the
# half-done rebase would be thrown away by --abort (issue 15).
before=$(ls "$T/b/clients" | wc -l)
as b berg intake --name "Ana Cruz" --born 1990-01-01
assert_exit 1
assert_stderr_contains "a sync stopped at a conflict"
assert_eq "$before" "$(ls "$T/b/clients" | wc -l)" "clients written during a stopped sync"
# Resolve: keep b's own number (in a rebase, b's commit is "theirs"), drop the markers.
sed -i -e '/^<<<<<<< /,/^=======/d' -e '/^>>>>>>> /d' "$T/b/clients/$SITI/client.yaml"
# Committed by hand with plain git, with a new file: --abort would drop that
# commit (only the reflog would keep it), so it refuses and changes nothing;
# --continue keeps it.
echo "notes: kept" >"$T/b/resources/by-hand.txt"
git -C "$T/b" add resources/by-hand.txt "clients/$SITI/client.yaml" &&
  git -C "$T/b" -c user.name=b -c user.email=b@x commit -qm "by hand" || fail "plain git commit during the stop"
stopped_head=$(git -C "$T/b" rev-parse HEAD)
as b berg sync --abort
assert_exit 1
assert_stderr_contains "1 commit was made while the sync was stopped"
assert_stderr_contains "caseload sync --continue"
assert_eq "$stopped_head" "$(git -C "$T/b" rev-parse HEAD)" "HEAD moved by a refused --abort"
[ -d "$T/b/.git/rebase-merge" ] || fail "a refused --abort ended the stopped sync"
as b berg sync --continue
assert_exit 0
assert_stdout_contains "Synced"
assert_file_line "$T/b/clients/$SITI/client.yaml" 'phone: "+62 822 2222 2222"'
assert_file_contains "$T/b/resources/by-hand.txt" "notes: kept"
git -C "$T/b" log --format=%s | grep -qx "by hand" || fail "--continue dropped the commit made during the stop"
git -C "$T/b" rm -q resources/by-hand.txt && git -C "$T/b" -c user.name=b -c user.email=b@x commit -qm "tidy" &&
  as b berg sync || fail "removing the hand-made file"
as a aoki sync
assert_exit 0
assert_eq "$(tree a)" "$(tree b)" "clones after the resolved conflict"
run --root "$T/b" check
assert_exit 0

# No remote: a clear error.
run --root "$S" sync
assert_exit 1
assert_stderr_contains "no remote"

pass
