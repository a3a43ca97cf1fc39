# Assertion library for the end-to-end tests; every tests/cli/test_*.sh
# sources it. CTest sets CASELOAD (the binary), EXAMPLES (examples/) and
# TESTLIB (this file).
#
#   run ARGS...              runs $CASELOAD; sets $status, $out, $err
#                            (stdout/stderr are also in $T/stdout, $T/stderr)
#   assert_exit N            the last run exited N
#   assert_stdout_contains S / assert_stderr_contains S   (fixed strings)
#   assert_stdout_matches RE / assert_stderr_matches RE   (grep -E, per line)
#   assert_stdout_empty / assert_stderr_empty
#   assert_file_contains F S / assert_file_not_contains F S   (fixed strings)
#   assert_file_line F LINE  F has exactly this line
#   assert_exists P / assert_not_exists P
#   assert_same_bytes F1 F2  (cmp)
#   assert_mode P 600        permission bits of P, in octal
#   assert_eq EXPECTED ACTUAL [WHAT]
#   assert_event_name V PREFIX [END]   V is PREFIX-xxxx followed by END (default
#                            .yaml), xxxx the 4-character suffix of new event
#                            files ($NAME_SUFFIX_RE); PREFIX, END fixed strings
#   only_file VAR GLOB       exactly one path matches GLOB (pass it quoted: it is
#                            expanded here); sets VAR to that path
#   event_file VAR DIR STEM  exactly one file DIR/STEM-xxxx.yaml with a new-style
#                            suffix; sets VAR to its path (old names such as
#                            STEM.yaml or STEM-2.yaml are not counted)
#   new_store DIR            `caseload init DIR --worker aoki:Hana Aoki`
#   copy_examples DIR        a writable copy of examples/agency
#   snapshot DIR             names, modes and checksums under DIR (not .caseload/)
#   fail MESSAGE             prints test name, line, message; exits 1
#                            (with CASELOAD_TEST_KEEP_GOING=1 it goes on, and pass fails)
#   pass                     prints the summary (call at the end)
#
# Each test gets its own temporary folder $T (removed on exit) and starts in it.

set -u

: "${CASELOAD:?CASELOAD must name the caseload binary}"
: "${EXAMPLES:?EXAMPLES must name the examples folder}"
case "$CASELOAD" in /*) ;; *) CASELOAD="$PWD/$CASELOAD" ;; esac
case "$EXAMPLES" in /*) ;; *) EXAMPLES="$PWD/$EXAMPLES" ;; esac

export LC_ALL=C.UTF-8
unset CASELOAD_ROOT CASELOAD_TODAY CASELOAD_WORKER CASELOAD_LOCK_TIMEOUT NO_COLOR VISUAL EDITOR
unset COLUMNS LINES  # tables fit COLUMNS: the caller's terminal must not change the output
umask 022  # the program must make its files private by itself

TEST_NAME=$(basename "$0")
CHECKS=0
status=0
out=
err=
last_cmd=

T=$(mktemp -d "${TMPDIR:-/tmp}/caseload-e2e.XXXXXX") || exit 1
cleanup() {
  local pids
  pids=$(jobs -p)
  [ -n "$pids" ] && kill $pids 2>/dev/null
  wait 2>/dev/null
  cd / && rm -rf "$T"
}
trap cleanup EXIT
cd "$T" || exit 1

# The line of the test script that called into this library.
_caller_line() {
  local i
  for ((i = 0; i < ${#FUNCNAME[@]} - 1; i++)); do
    if [ "${BASH_SOURCE[i + 1]}" != "${BASH_SOURCE[0]}" ]; then
      echo "${BASH_LINENO[i]}"
      return
    fi
  done
  echo "?"
}

FAILURES=0
fail() {
  echo "FAIL $TEST_NAME:$(_caller_line): $*" >&2
  if [ -n "$last_cmd" ]; then
    echo "  last command: caseload $last_cmd  (exit $status)" >&2
    [ -n "$out" ] && printf '  stdout:\n%s\n' "$(printf '%s\n' "$out" | head -n 40 | sed 's/^/    /')" >&2
    [ -n "$err" ] && printf '  stderr:\n%s\n' "$(printf '%s\n' "$err" | head -n 40 | sed 's/^/    /')" >&2
  fi
  # CASELOAD_TEST_KEEP_GOING=1 (for debugging): report every failure, fail at the end.
  if [ "${CASELOAD_TEST_KEEP_GOING:-}" = 1 ]; then
    FAILURES=$((FAILURES + 1))
    return 0
  fi
  exit 1
}

pass() {
  if [ "$FAILURES" -gt 0 ]; then
    echo "FAIL $TEST_NAME: $FAILURES of $CHECKS checks failed"
    exit 1
  fi
  echo "PASS $TEST_NAME: $CHECKS checks"
  exit 0
}

_check() { CHECKS=$((CHECKS + 1)); }

run() {
  last_cmd="$*"
  if [ -t 0 ]; then
    "$CASELOAD" "$@" >"$T/stdout" 2>"$T/stderr" </dev/null
  else
    "$CASELOAD" "$@" >"$T/stdout" 2>"$T/stderr"
  fi
  status=$?
  out=$(<"$T/stdout")
  err=$(<"$T/stderr")
  return 0
}

assert_exit() {
  _check
  [ "$status" -eq "$1" ] || fail "expected exit $1, got $status"
}

assert_stdout_contains() {
  _check
  grep -qF -- "$1" "$T/stdout" || fail "stdout lacks: $1"
}

assert_stderr_contains() {
  _check
  grep -qF -- "$1" "$T/stderr" || fail "stderr lacks: $1"
}

assert_stdout_matches() {
  _check
  grep -qE -- "$1" "$T/stdout" || fail "no stdout line matches: $1"
}

assert_stderr_matches() {
  _check
  grep -qE -- "$1" "$T/stderr" || fail "no stderr line matches: $1"
}

assert_stdout_empty() {
  _check
  [ ! -s "$T/stdout" ] || fail "stdout is not empty"
}

assert_stderr_empty() {
  _check
  [ ! -s "$T/stderr" ] || fail "stderr is not empty"
}

assert_file_contains() {
  _check
  [ -f "$1" ] || fail "no file $1"
  grep -qF -- "$2" "$1" || fail "$1 lacks: $2"$'\n'"$(sed 's/^/    | /' "$1" | head -n 60)"
}

assert_file_not_contains() {
  _check
  [ -f "$1" ] || fail "no file $1"
  ! grep -qF -- "$2" "$1" || fail "$1 contains: $2"
}

assert_file_line() {
  _check
  [ -f "$1" ] || fail "no file $1"
  grep -qxF -- "$2" "$1" || fail "$1 has no line: $2"$'\n'"$(sed 's/^/    | /' "$1" | head -n 60)"
}

assert_exists() {
  _check
  [ -e "$1" ] || fail "$1 does not exist"
}

assert_not_exists() {
  _check
  [ ! -e "$1" ] || fail "$1 exists"
}

assert_same_bytes() {
  _check
  cmp -s -- "$1" "$2" || fail "$1 and $2 differ:"$'\n'"$(diff -- "$1" "$2" | head -n 20)"
}

assert_mode() {
  _check
  [ -e "$1" ] || fail "$1 does not exist"
  local mode
  mode=$(stat -c %a -- "$1")
  [ "$mode" = "$2" ] || fail "$1 has mode $mode, expected $2"
}

assert_eq() {
  _check
  [ "$1" = "$2" ] && return 0
  case "$1$2" in
    *$'\n'*) fail "${3:-value} differs (< expected, > actual):"$'\n'"$(diff <(printf '%s\n' "$1") <(printf '%s\n' "$2") | head -n 30)" ;;
    *) fail "${3:-value}: expected '$1', got '$2'" ;;
  esac
}

# The random suffix that new contact, assessment and referral files get:
# 4 characters of lower-case Crockford base32 (no i, l, o, u).
NAME_SUFFIX_RE='[0-9a-hjkmnp-tv-z]{4}'
NAME_SUFFIX_GLOB='[0-9a-hjkmnp-tv-z][0-9a-hjkmnp-tv-z][0-9a-hjkmnp-tv-z][0-9a-hjkmnp-tv-z]'

assert_event_name() {
  _check
  local value=$1 prefix=$2 end=${3-.yaml} middle
  if [[ $value == "$prefix"*"$end" ]] && ((${#value} == ${#prefix} + 5 + ${#end})); then
    middle=${value:${#prefix}:5}
    [[ $middle =~ ^-$NAME_SUFFIX_RE$ ]] && return 0
  fi
  fail "expected ${prefix}-xxxx${end} (xxxx: 4 of [0-9a-hjkmnp-tv-z]), got '$value'"
}

# Sets VAR (not printed: a failure inside $(...) would end only the subshell).
only_file() {
  _check
  local -a found
  local IFS= nullglob
  nullglob=$(shopt -p nullglob)
  shopt -s nullglob
  # shellcheck disable=SC2206  # the glob is meant to expand (IFS is empty: no splitting)
  found=($2)
  IFS=$' \t\n'
  eval "$nullglob"
  if [ "${#found[@]}" -ne 1 ]; then
    printf -v "$1" '%s' ""
    local dir=${2%/*} listing=
    [ -d "$dir" ] && listing=$'\n'"  in $dir:"$'\n'"$(ls -A "$dir" | sed 's/^/    /' | head -n 40)"
    fail "expected exactly one file matching $2, found ${#found[@]}$listing"
    return 1
  fi
  printf -v "$1" '%s' "${found[0]}"
}

event_file() {
  only_file "$1" "$2/$3-$NAME_SUFFIX_GLOB.yaml"
}

new_store() {
  "$CASELOAD" init "$1" --worker "aoki:Hana Aoki" >/dev/null 2>"$T/init.err" </dev/null ||
    fail "init $1 failed: $(cat "$T/init.err")"
}

copy_examples() {
  cp -R "$EXAMPLES/agency" "$1" || fail "cannot copy examples/agency"
  chmod -R u+w "$1"
}

snapshot() {  # .caseload/ (lock, cache) is local state, not part of the store
  (cd "$1" && find . -path ./.caseload -prune -o -printf '%p %m %s\n' | LC_ALL=C sort &&
    find . -path ./.caseload -prune -o -type f -print0 | LC_ALL=C sort -z | xargs -0r cksum)
}

# hold_lock LOCKFILE: a background process ($holder) takes the store lock
# on its own descriptor and keeps it until release_lock (or until killed:
# its sleeps run without the descriptor, so it is the lock's one holder).
hold_lock() {
  command -v flock >/dev/null || fail "util-linux flock(1) is needed for the lock tests"
  rm -f "$T/release"
  bash -c 'exec 9>>"$1" && flock 9 && while [ ! -e "$2" ]; do sleep 0.05 9>&-; done' _ "$1" "$T/release" &
  holder=$!
  local i
  for i in $(seq 1 250); do
    flock -n "$1" true 2>/dev/null || return 0
    sleep 0.02
  done
  fail "the background holder never took the lock"
}
release_lock() { touch "$T/release"; wait "$holder"; }
