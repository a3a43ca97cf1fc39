# Issue 15: `sync` in a store whose branch was pushed by hand (`git push
# origin HEAD`, so no upstream is set) fetches and replays onto the remote
# branch of the same name, then sets the upstream; it no longer fails with
# git's raw "fetch first".
source "$TESTLIB"
export HOME=$T/home GIT_CONFIG_NOSYSTEM=1 CASELOAD_TODAY=2026-11-23
mkdir -p "$HOME"

new_store s
git init -q --bare hub.git
git -C s remote add origin "$T/hub.git"
git -C s push -q origin HEAD 2>/dev/null || fail "cannot push by hand"
run clone hub.git b
assert_exit 0
CASELOAD_WORKER=aoki run --root b intake --name "Ana Cruz" --born 1990-01-01
assert_exit 0
run --root b sync
assert_exit 0
CASELOAD_WORKER=aoki run --root s intake --name "Siti Rahayu" --born 1980-02-03
assert_exit 0
run --root s sync
assert_exit 0
assert_stdout_contains "1 commit received, 1 sent"
assert_eq "2" "$(ls s/clients | wc -l)" "clients in the store after sync"
assert_eq "$(git -C s rev-parse HEAD)" "$(git -C hub.git rev-parse HEAD)" "the shared repository after sync"
assert_eq "origin/$(git -C s symbolic-ref --short HEAD)" "$(git -C s rev-parse --abbrev-ref '@{u}')" "upstream set"

# A store whose remote has no branch yet: the first sync pushes and sets it.
new_store t
git init -q --bare hub2.git
git -C t remote add origin "$T/hub2.git"
run --root t sync
assert_exit 0
assert_eq "$(git -C t rev-parse HEAD)" "$(git -C hub2.git rev-parse HEAD)" "first push"
pass
