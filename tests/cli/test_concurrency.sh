# SPEC 7 / issue 8: concurrent writers never lose an update; the store lock
# is bounded and dies with its holder. The store here is not a git
# repository (autocommit is tested on its own).
source "$TESTLIB"
export CASELOAD_TODAY=2026-11-23

new_store s
rm -rf s/.git
S=$T/s
LOCK=$S/.caseload/lock
run --root "$S" intake --name "Ana Concurrency"
assert_exit 0
C=$out

# --- 20 contacts on one client with the same date, time and kind, 10 intakes --
# The wait is generous: thirty writers queue for one lock on a busy machine
# (and under the sanitizers); what is tested is that none is lost.
export CASELOAD_LOCK_TIMEOUT=300
burst() {  # STORE CLIENT: 20 contacts and 10 intakes at once, readers alongside
  local store=$1 client=$2 i p failed=0 pids=()
  rm -f "$T"/contact*.out "$T"/contact*.err "$T"/intake*.out "$T"/intake*.err
  for i in $(seq 1 20); do
    "$CASELOAD" --root "$store" contact "$client" "Call number $i" --date 2026-11-23T10:00 --kind call \
      >"$T/contact$i.out" 2>"$T/contact$i.err" </dev/null &
    pids+=($!)
  done
  for i in $(seq 1 10); do
    "$CASELOAD" --root "$store" intake --name "Person Number$i" --score housing=2 \
      >"$T/intake$i.out" 2>"$T/intake$i.err" </dev/null &
    pids+=($!)
  done
  # Readers never wait for the lock, and never see a half-written record.
  for i in $(seq 1 5); do
    run --root "$store" list --format json
    assert_exit 0
    assert_stderr_empty
  done
  for p in "${pids[@]}"; do wait "$p" || failed=$((failed + 1)); done
  assert_eq 0 "$failed" "concurrent commands that failed"
  _check
  ! cat "$T"/contact*.err "$T"/intake*.err | grep . || fail "concurrent commands wrote to stderr"
}
burst "$S" "$C"

contacts=$(find "$S/clients/$C/contacts" -name '*.yaml' ! -name '.*' | wc -l)
assert_eq 20 "$contacts" "contact files"
assert_eq 20 "$(cat "$T"/contact*.out | sort -u | wc -l)" "distinct paths printed by contact"
for i in $(seq 1 20); do
  _check
  n=$(grep -lx "summary: Call number $i" "$S/clients/$C/contacts/"*.yaml | wc -l)
  [ "$n" -eq 1 ] || fail "contact $i is in $n files"
done
for f in $(cat "$T"/contact*.out); do assert_event_name "$f" "clients/$C/contacts/2026-11-23T1000-call"; done

ids=$(cat "$T"/intake*.out | sort -u)
assert_eq 10 "$(printf '%s\n' "$ids" | wc -l)" "distinct client IDs printed by intake"
for id in $ids; do
  assert_exists "$S/clients/$id/client.yaml"
  event_file A "$S/clients/$id/assessments" 2026-11-23
done
assert_eq 11 "$(ls "$S/clients" | wc -l)" "client folders"
for i in $(seq 1 10); do
  _check
  n=$(grep -lx "name: Person Number$i" "$S"/clients/*/client.yaml | wc -l)
  [ "$n" -eq 1 ] || fail "intake $i is in $n client files"
done
assert_eq "" "$(find "$S" -name '.*.tmp-*')" "temporary files left behind"
run --root "$S" check
assert_exit 0
assert_stdout_empty

# --- the same with git autocommit: one commit each, nothing left uncommitted ----
if command -v git >/dev/null; then
  new_store g
  G=$T/g
  if [ ! -d "$G/.git" ]; then  # init makes the repository when it can
    git -C "$G" init -q && git -C "$G" add -A &&
      git -C "$G" -c user.name=Test -c user.email=test@example.org commit -qm "init" || fail "git init"
  fi
  run --root "$G" intake --name "Ana Git"
  assert_exit 0
  commits=$(git -C "$G" rev-list --count HEAD)
  burst "$G" "$out"
  assert_eq "" "$(git -C "$G" status --porcelain)" "git status after the concurrent writers"
  assert_eq $((commits + 30)) "$(git -C "$G" rev-list --count HEAD)" "commits"
  run --root "$G" check
  assert_exit 0

  # Writers of one file (plan.yaml): each commit holds its own change and no
  # other's, which needs the lock held from the write through the commit.
  GC=$("$CASELOAD" --root "$G" list --format csv | awk -F, 'NR==2 {print $1}')
  run --root "$G" plan "$GC" goal add "Shared goal"
  assert_exit 0
  commits=$(git -C "$G" rev-list --count HEAD)
  pids=()
  for i in $(seq 1 10); do
    "$CASELOAD" --root "$G" plan "$GC" task add g1 "Task number $i" >/dev/null 2>"$T/task$i.err" </dev/null &
    pids+=($!)
  done
  failed=0
  for p in "${pids[@]}"; do wait "$p" || failed=$((failed + 1)); done
  assert_eq 0 "$failed" "concurrent task adds that failed"
  ! cat "$T"/task*.err | grep . || fail "concurrent task adds wrote to stderr"
  assert_eq "" "$(git -C "$G" status --porcelain)" "git status after the concurrent task adds"
  assert_eq $((commits + 10)) "$(git -C "$G" rev-list --count HEAD)" "one commit per task add"
  for c in $(git -C "$G" rev-list --max-count=10 HEAD); do
    task=$(git -C "$G" log -1 --format=%s "$c" | sed -n 's/.* task add \(t[0-9]*\)$/\1/p')
    [ -n "$task" ] || fail "commit $c: unexpected message $(git -C "$G" log -1 --format=%s "$c")"
    added=$(git -C "$G" show --format= "$c" | grep -E '^\+ *- id: t[0-9]+' | sed 's/.*id: //')
    assert_eq "$task" "$added" "task IDs added by the commit named $task"
  done
fi
unset CASELOAD_LOCK_TIMEOUT

# --- a writer that cannot get the lock in time ---------------------------------
hold_lock "$LOCK"
before=$(snapshot "$S")
started=$(date +%s%N)
CASELOAD_LOCK_TIMEOUT=0.5 run --root "$S" contact "$C" "While locked" --date 2026-11-23T11:00
elapsed_ms=$((($(date +%s%N) - started) / 1000000))
assert_exit 1
assert_stderr_contains "$LOCK"
assert_stderr_contains "locked"
assert_stderr_contains "hint:"
_check
[ "$elapsed_ms" -ge 450 ] || fail "gave up after ${elapsed_ms} ms, before the 0.5 s wait"
_check
[ "$elapsed_ms" -lt 10000 ] || fail "waited ${elapsed_ms} ms for a 0.5 s wait"
CASELOAD_LOCK_TIMEOUT=0 run --root "$S" intake --name "Never Written"
assert_exit 1
assert_stderr_contains "$LOCK"
assert_eq "$before" "$(snapshot "$S")" "the store after writers that timed out"
# Nonsense waits are usage errors, not overflows.
for bad in 1e30 inf nan -1 soon; do
  CASELOAD_LOCK_TIMEOUT=$bad run --root "$S" contact "$C" "Bad wait" --date 2026-11-23T11:00
  assert_exit 2
  assert_stderr_contains "CASELOAD_LOCK_TIMEOUT"
done

# --- a lock held by a killed process does not block ------------------------------
kill -KILL "$holder"
wait "$holder" 2>/dev/null
assert_exists "$LOCK"   # the file stays; the kernel dropped the lock with its holder
CASELOAD_LOCK_TIMEOUT=0.5 run --root "$S" contact "$C" "After the holder died" --date 2026-11-23T11:00
assert_exit 0
event_file A "$S/clients/$C/contacts" 2026-11-23T1100-call
run --root "$S" check
assert_exit 0

pass
